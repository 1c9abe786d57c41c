import { describe, expect, it } from 'vitest'
import { describeError, VersoError } from '../../src/errors.js'
import { createGitHubApi } from '../../src/github/client.js'
import { connect, TOKEN } from './connect.js'

const RELEASES = 'POST /repos/{owner}/{repo}/releases' as const
const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' as const
const release = { tag: 'v1.0.0', name: 'v1.0.0', body: '', draft: false, prerelease: false, makeLatest: true }
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

async function failure(promise: Promise<unknown>): Promise<VersoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

describe('retries', () => {
  it('retries a 5xx until GitHub answers', async () => {
    const { server, api } = await connect()
    server.failNext(RELEASES, 502)
    server.failNext(RELEASES, 503)
    const created = await api.createRelease(release)
    expect(created.tag).toBe('v1.0.0')
    expect(server.requests.map((r) => r.status)).toEqual([502, 503, 201])
  })

  it('gives up after a bounded number of retries and says GitHub may be down', async () => {
    const { server, api } = await connect({ pacing: { unitMs: 1, spaceWrites: false, retries: 2 } })
    for (let i = 0; i < 5; i++) server.failNext(RELEASES, 500)
    const error = await failure(api.createRelease(release))
    expect(error.code).toBe('EGITHUB')
    expect(error.message).toBe('Could not create the GitHub Release v1.0.0: GitHub answered 500 "Injected failure 500".')
    expect(error.hint).toContain('githubstatus.com')
    expect(server.requests).toHaveLength(3)
  })

  it('waits out a secondary rate limit for as long as retry-after says', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 403, { message: SECONDARY, documentation_url: 'https://docs.github.com/rest' }, { 'retry-after': '3' })
    const started = performance.now()
    await api.createIssueComment(5, 'hello')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(server.requests.map((r) => r.status)).toEqual([403, 201])
    expect(logged).toEqual([
      expect.stringMatching(
        /^GitHub API secondary rate limit reached \(POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments\); waiting 3 s \(until \d\d:\d\d:\d\d UTC\) before retrying \(1\/2\)…$/
      )
    ])
  })

  it('waits for the primary rate limit to reset', async () => {
    const { server, api } = await connect()
    const reset = String(Math.ceil(Date.now() / 1000) + 1)
    server.failNext(
      COMMENTS,
      403,
      { message: 'API rate limit exceeded for installation.' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    )
    await api.createIssueComment(5, 'hello')
    expect(server.requests.map((r) => r.status)).toEqual([403, 201])
  })

  it('does not wait longer than allowed: a rate limit error says when to run again', async () => {
    const { server, api } = await connect()
    const reset = Math.ceil(Date.now() / 1000) + 3600
    server.failNext(
      COMMENTS,
      403,
      { message: 'API rate limit exceeded for installation.' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }
    )
    const error = await failure(api.createIssueComment(5, 'hello'))
    expect(error.code).toBe('EGITHUBRATELIMIT')
    expect(error.hint).toContain(`Run the job again after ${new Date(reset * 1000).toISOString()}`)
    expect(server.requests).toHaveLength(1)
  })

  it('retries a secondary rate limit a bounded number of times', async () => {
    const { server, api } = await connect()
    for (let i = 0; i < 4; i++) server.failNext(COMMENTS, 403, { message: SECONDARY }, { 'retry-after': '1' })
    const error = await failure(api.createIssueComment(5, 'hello'))
    expect(error.code).toBe('EGITHUBRATELIMIT')
    expect(server.requests).toHaveLength(3)
  })

  it('retries a 429 once per rate limit retry, not once per plugin', async () => {
    const { server, api } = await connect()
    for (let i = 0; i < 5; i++) server.failNext(COMMENTS, 429, { message: SECONDARY }, { 'retry-after': '1' })
    const error = await failure(api.createIssueComment(5, 'hello'))
    expect(error.code).toBe('EGITHUBRATELIMIT')
    expect(server.requests).toHaveLength(3)
  })
})

describe('errors a user can act on', () => {
  it('a 403 on a release names contents: write and the fork case', async () => {
    const { server, api } = await connect()
    server.failNext(RELEASES, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' })
    const error = await failure(api.createRelease(release))
    expect(error.code).toBe('EGITHUBPERMISSION')
    expect(error.message).toBe(
      'Could not create the GitHub Release v1.0.0 in octo-org/hello-world: the token is not allowed to (GitHub answered 403 "Resource not accessible by integration").'
    )
    expect(error.hint).toContain('The token needs `contents: write`')
    expect(error.hint).toContain('pull requests from forks')
    expect(server.requests).toHaveLength(1)
  })

  it('a 403 on a comment names pull-requests: write', async () => {
    const { server, api } = await connect()
    server.failNext(COMMENTS, 403, { message: 'Resource not accessible by integration' })
    const error = await failure(api.createIssueComment(9, 'hi'))
    expect(error.message).toContain('Could not comment on #9 in octo-org/hello-world')
    expect(error.hint).toContain('`pull-requests: write (or issues: write)`')
  })

  it('a 404 on a dispatch names the workflow and actions: write', async () => {
    const { server, api } = await connect()
    server.failNext('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', 404, { message: 'Not Found' })
    const error = await failure(api.dispatchWorkflow('deploy.yml', 'main', {}))
    expect(error.code).toBe('EGITHUBPERMISSION')
    expect(error.message).toContain(
      'there is no workflow deploy.yml (a file name under .github/workflows, or its id), or the token cannot see it'
    )
    expect(error.hint).toContain('`actions: write`')
  })

  it('a 404 reading comments names the issue', async () => {
    const { server, api } = await connect()
    server.failNext('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', 404, { message: 'Not Found' })
    const error = await failure(
      (async () => {
        for await (const _ of api.listIssueComments(3)) void _
      })()
    )
    expect(error.message).toContain('there is no issue or pull request #3')
  })

  it('a 401 says the token is missing or invalid, without showing it', async () => {
    const { server, api } = await connect({ serverToken: 'another-token' })
    const error = await failure(api.findReleaseByTag('v1.0.0'))
    expect(error.code).toBe('EGITHUBAUTH')
    expect(error.message).toContain('the GitHub token is missing, invalid or expired (GitHub answered 401 "Bad credentials")')
    expect(describeError(error)).not.toContain(TOKEN)
    expect(server.requests).toHaveLength(1)
  })

  it('never repeats the token, even when GitHub echoes it', async () => {
    const { server, api } = await connect()
    server.failNext(RELEASES, 422, {
      message: `Validation Failed for ${TOKEN}`,
      documentation_url: 'https://docs.github.com/rest',
      errors: [{ code: 'custom', message: `bad ${TOKEN}` }]
    })
    const error = await failure(api.createRelease(release))
    expect(describeError(error)).not.toContain(TOKEN)
    expect(error.message).toContain('Validation Failed for ***')
    expect(error.details).toEqual(['bad ***'])
  })

  it('retries and then explains a server that cannot be reached', async () => {
    const { server } = await connect()
    const url = server.url
    await server.close()
    const api = createGitHubApi({
      token: TOKEN,
      repository: 'o/r',
      apiUrl: url,
      userAgent: 'verso-test',
      pacing: { unitMs: 1, retries: 1 }
    })
    const error = await failure(api.findReleaseByTag('v1.0.0'))
    expect(error.code).toBe('EGITHUB')
    expect(error.message).toMatch(
      /^Could not look up the GitHub Release of v1\.0\.0: GitHub could not be reached \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\.$/
    )
    expect(error.hint).toContain('GITHUB_API_URL')
  })
})

describe('the request itself', () => {
  it('sends the token as Authorization and our user agent', async () => {
    const { server, api } = await connect()
    await api.findReleaseByTag('v1.0.0')
    expect(server.requests[0]?.authorization).toBe(`token ${TOKEN}`)
    expect(server.requests[0]?.userAgent).toMatch(/^verso-test\/0\.0\.0 /)
  })

  it('refuses a repository, API URL or token it cannot use, saying the expected form', () => {
    const options = { token: TOKEN, repository: 'o/r', apiUrl: 'https://api.github.com', userAgent: 'verso' }
    expect(() => createGitHubApi({ ...options, repository: 'just-a-name' })).toThrow(
      "Invalid repository 'just-a-name'. Expected format {owner}/{repo}."
    )
    expect(() => createGitHubApi({ ...options, apiUrl: 'api.github.com' })).toThrow("Invalid GitHub API URL 'api.github.com'.")
    expect(() => createGitHubApi({ ...options, token: '' })).toThrow(expect.objectContaining({ code: 'EGITHUBAUTH' }))
  })
})
