import { createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { collect, connect, TOKEN } from './connect.js'

const RELEASES = 'POST /repos/{owner}/{repo}/releases' as const
const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' as const
const NOTES = 'Release notes that never reach the log'
const release = { tag: 'v1.0.0', name: 'v1.0.0', body: NOTES, draft: false, prerelease: false, makeLatest: true }
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
const PRIMARY = { message: 'API rate limit exceeded for installation.' }
const NOON = Date.parse('2024-01-01T12:00:00Z')

// Only the clock is fake, so that a line says when its wait ends; timers stay real, and shrunk.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOON })
})
afterEach(() => {
  vi.useRealTimers()
})

async function failure(promise: Promise<unknown>): Promise<VersoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

/** A port on 127.0.0.1 that nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('every retry says so before it waits', () => {
  it('a 5xx: the route, the status, which retry and how long, in order', async () => {
    const { server, api, logged } = await connect()
    server.failNext(RELEASES, 503)
    server.failNext(RELEASES, 502)
    const started = performance.now()
    expect((await api.createRelease(release)).tag).toBe('v1.0.0')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(server.requests.map((r) => r.status)).toEqual([503, 502, 201])
    expect(logged).toEqual([
      'GitHub API: POST /repos/{owner}/{repo}/releases failed (503 Service Unavailable); retrying (1/3) in 1 s…',
      'GitHub API: POST /repos/{owner}/{repo}/releases failed (502 Bad Gateway); retrying (2/3) in 4 s…'
    ])
    for (const secret of [TOKEN, NOTES, 'v1.0.0']) expect(logged.join('\n')).not.toContain(secret)
  })

  it('an unreachable API: each of the three retries, then the failure as before', async () => {
    const port = await closedPort()
    const { api, logged } = await connect({ apiUrl: `http://127.0.0.1:${port}` })
    const started = performance.now()
    const error = await failure(api.latestRelease())
    expect(performance.now() - started).toBeLessThan(1000)
    const refused = `connect ECONNREFUSED 127.0.0.1:${port}`
    expect(error.message).toBe(`Could not look up the latest GitHub Release: GitHub could not be reached (${refused}).`)
    expect(logged).toEqual([
      `GitHub API: GET /repos/{owner}/{repo}/releases/latest failed (no answer: ${refused}); retrying (1/3) in 1 s…`,
      `GitHub API: GET /repos/{owner}/{repo}/releases/latest failed (no answer: ${refused}); retrying (2/3) in 4 s…`,
      `GitHub API: GET /repos/{owner}/{repo}/releases/latest failed (no answer: ${refused}); retrying (3/3) in 9 s…`
    ])
  })

  it('a 5xx that never clears: as many lines as retries, then the failure as before', async () => {
    const { server, api, logged } = await connect({ pacing: { unitMs: 1, spaceWrites: false, retries: 2 } })
    for (let i = 0; i < 3; i++) server.failNext(RELEASES, 500)
    const error = await failure(api.createRelease(release))
    expect(error.message).toBe('Could not create the GitHub Release v1.0.0: GitHub answered 500 "Injected failure 500".')
    expect(logged).toEqual([
      'GitHub API: POST /repos/{owner}/{repo}/releases failed (500 Internal Server Error); retrying (1/2) in 1 s…',
      'GitHub API: POST /repos/{owner}/{repo}/releases failed (500 Internal Server Error); retrying (2/2) in 4 s…'
    ])
  })

  it('a connection dropped after GitHub took the request', async () => {
    const { server, api, logged } = await connect()
    server.dropNext(RELEASES)
    expect(await api.createRelease(release)).toMatchObject({ tag: 'v1.0.0' })
    expect(server.requests.map((r) => r.status)).toEqual([0, 422, 200])
    expect(logged).toEqual([
      'GitHub API: POST /repos/{owner}/{repo}/releases failed (no answer: other side closed); retrying (1/3) in 1 s…'
    ])
  })

  it('a 403 with retry-after: how long, and until when', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 403, { message: 'Forbidden' }, { 'retry-after': '30' })
    const started = performance.now()
    await api.createIssueComment(5, 'hello')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(server.requests.map((r) => r.status)).toEqual([403, 201])
    expect(logged).toEqual([
      'GitHub API rate limit reached (POST /repos/{owner}/{repo}/issues/{issue_number}/comments); waiting 30 s (until 12:00:30 UTC) before retrying (1/2)…'
    ])
  })

  it('a secondary and a primary rate limit share the retries, then verso gives up as before', async () => {
    const { server, api, logged } = await connect()
    const reset = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOON / 1000 + 30) }
    server.failNext(COMMENTS, 403, { message: SECONDARY }, { 'retry-after': '5' })
    server.failNext(COMMENTS, 403, PRIMARY, reset)
    server.failNext(COMMENTS, 403, PRIMARY, reset)
    const error = await failure(api.createIssueComment(5, 'hello'))
    expect(error.message).toBe(
      'Could not comment on #5: GitHub\'s rate limit was hit and did not clear in time (GitHub answered 403 "API rate limit exceeded for installation.").'
    )
    expect(server.requests.map((r) => r.status)).toEqual([403, 403, 403])
    const route = '(POST /repos/{owner}/{repo}/issues/{issue_number}/comments)'
    expect(logged).toEqual([
      `GitHub API secondary rate limit reached ${route}; waiting 5 s (until 12:00:05 UTC) before retrying (1/2)…`,
      // GitHub's reset is 12:00:30; octokit waits a second past it.
      `GitHub API rate limit reached ${route}; waiting 31 s (until 12:00:31 UTC) before retrying (2/2)…`,
      `GitHub API rate limit reached ${route}; giving up after 2 retries.`
    ])
  })

  it('server errors around a rate limit: each kind counts its own retries', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 503)
    server.failNext(COMMENTS, 429, { message: 'Too Many Requests' }, { 'retry-after': '2' })
    server.failNext(COMMENTS, 502)
    await api.createIssueComment(5, 'hello')
    expect(server.requests.map((r) => r.status)).toEqual([503, 429, 502, 201])
    expect(logged).toEqual([
      'GitHub API: POST /repos/{owner}/{repo}/issues/{issue_number}/comments failed (503 Service Unavailable); retrying (1/3) in 1 s…',
      'GitHub API rate limit reached (POST /repos/{owner}/{repo}/issues/{issue_number}/comments); waiting 2 s (until 12:00:02 UTC) before retrying (1/2)…',
      'GitHub API: POST /repos/{owner}/{repo}/issues/{issue_number}/comments failed (502 Bad Gateway); retrying (1/3) in 1 s…'
    ])
  })

  it("the next page of a list is named by its route, not by GitHub's link", async () => {
    const { server, api, logged } = await connect()
    for (let i = 0; i < 150; i++) server.addRelease({ tag_name: `v0.${i}.0` })
    const releases = api.listReleases()[Symbol.asyncIterator]()
    await releases.next()
    server.failNext('GET /repos/{owner}/{repo}/releases', 503)
    expect(await collect({ [Symbol.asyncIterator]: () => releases })).toHaveLength(149)
    expect(server.requests.map((r) => r.status)).toEqual([200, 503, 200])
    expect(logged).toEqual(['GitHub API: GET /repos/{owner}/{repo}/releases failed (503 Service Unavailable); retrying (1/3) in 1 s…'])
  })

  it('a request answered at once says nothing', async () => {
    const { api, logged } = await connect()
    await api.createIssueComment(5, 'hello')
    expect(logged).toEqual([])
  })
})
