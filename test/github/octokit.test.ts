import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { createOctokit } from '../../src/github/octokit.js'
import { startGitHubServer } from '../support/github-server.js'

const options = { token: 'ghs_test0123456789abcdefTOKEN', repository: 'octo-org/hello-world', userAgent: 'verso-test' }

describe('createOctokit', () => {
  it('refuses to start without a token, and says where one comes from', () => {
    expect(() => createOctokit({ ...options, token: '', apiUrl: 'https://api.github.com' })).toThrow(VersoError)
    expect(() => createOctokit({ ...options, token: '', apiUrl: 'https://api.github.com' })).toThrow(/No GitHub token/)
  })

  it.each(['not a url', 'ftp://example.com', ''])('refuses the API URL %j', (apiUrl) => {
    expect(() => createOctokit({ ...options, apiUrl })).toThrow(/Invalid GitHub API URL/)
  })

  it('talks to the API it is given, with the token and the user agent', async () => {
    const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: options.token })
    try {
      const octokit = createOctokit({ ...options, apiUrl: server.url, pacing: { unitMs: 1, spaceWrites: false } })
      const answer = await octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'octo-org', repo: 'hello-world' })
      expect(answer.status).toBe(200)
      expect(server.requests.at(-1)).toMatchObject({ method: 'GET' })
    } finally {
      await server.close()
    }
  })
})
