import { afterEach, describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { connectGitHub } from '../../src/github/connection.js'
import { readGitHubEnvironment } from '../../src/github/environment.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'

const TOKEN = 'ghs_connection0123456789TOKEN'

const servers: GitHubServer[] = []
afterEach(async () => {
  const open = servers.splice(0)
  await Promise.all(open.map((s) => s.close()))
  for (const s of open) expect(s.violations).toEqual([])
})

async function server(): Promise<GitHubServer> {
  const started = await startGitHubServer({ token: TOKEN })
  servers.push(started)
  return started
}

describe('connectGitHub', () => {
  const github = readGitHubEnvironment({ GITHUB_REPOSITORY: 'octo-org/hello-world' })

  it.each([
    ['without a token', '', github],
    ['without a repository', TOKEN, readGitHubEnvironment({})],
    ['without either', '', readGitHubEnvironment({})]
  ])('is null %s', (_, token, environment) => {
    expect(connectGitHub(token, environment, () => {})).toBeNull()
  })

  it('talks to the API at GITHUB_API_URL, for GITHUB_REPOSITORY, with the token', async () => {
    const local = await server()
    local.addRelease({ tag_name: 'v1.0.0', name: 'v1.0.0', body: 'first' })
    const api = connectGitHub(
      TOKEN,
      readGitHubEnvironment({ GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_API_URL: local.url }),
      () => {}
    )
    expect(api).not.toBeNull()
    expect(await api!.findReleaseByTag('v1.0.0')).toMatchObject({ tag: 'v1.0.0', name: 'v1.0.0', body: 'first' })
    expect(local.requests).toMatchObject([
      {
        method: 'GET',
        path: '/repos/octo-org/hello-world/releases/tags/v1.0.0',
        status: 200,
        authorization: `token ${TOKEN}`,
        userAgent: expect.stringMatching(/^verso /)
      }
    ])
  })

  it('an API URL with a trailing slash reaches the same routes', async () => {
    const local = await server()
    const api = connectGitHub(
      TOKEN,
      readGitHubEnvironment({ GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_API_URL: `${local.url}/` }),
      () => {}
    )
    expect(await api!.findReleaseByTag('v2.0.0')).toBeNull()
    expect(local.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /repos/octo-org/hello-world/releases/tags/v2.0.0 404',
      'GET /repos/octo-org/hello-world/releases?per_page=100 200'
    ])
  })

  it('sends nothing until asked', async () => {
    const local = await server()
    connectGitHub(TOKEN, readGitHubEnvironment({ GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_API_URL: local.url }), () => {})
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(local.requests).toEqual([])
  })

  it('refuses a GITHUB_REPOSITORY that is not owner/repo, saying how to set it', () => {
    let error: unknown
    try {
      connectGitHub(TOKEN, readGitHubEnvironment({ GITHUB_REPOSITORY: 'hello-world' }), () => {})
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(VersoError)
    expect(error).toMatchObject({
      code: 'EINVALIDCONFIG',
      message: "Invalid repository 'hello-world'. Expected format {owner}/{repo}.",
      hint: 'In a workflow GITHUB_REPOSITORY has that form; for the CLI, set GITHUB_REPOSITORY=owner/repo.'
    })
  })

  it('refuses a GITHUB_API_URL that is not an http(s) URL, naming the Enterprise Server form', () => {
    const environment = readGitHubEnvironment({ GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_API_URL: 'github.example.com/api/v3' })
    expect(() => connectGitHub(TOKEN, environment, () => {})).toThrow(
      expect.objectContaining({ code: 'EINVALIDCONFIG', hint: expect.stringContaining('https://HOST/api/v3') })
    )
  })
})
