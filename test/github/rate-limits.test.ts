import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { connect } from './connect.js'

const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' as const
const TOO_MANY = { message: 'Too Many Requests', documentation_url: 'https://docs.github.com/rest' }
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
const REACHED = 'GitHub API rate limit reached (POST /repos/{owner}/{repo}/issues/{issue_number}/comments)'

// Only the clock is fake, so that a line says when its wait ends; timers stay real, and shrunk.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-01-01T12:00:00Z') })
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

describe('a plain 429 is a rate limit, waited out like the secondary one', () => {
  it('waits as long as retry-after says, then retries', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 429, TOO_MANY, { 'retry-after': '2' })
    const started = performance.now()
    const comment = await api.createIssueComment(5, 'hello')
    expect(comment.body).toBe('hello')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(server.requests.map((r) => r.status)).toEqual([429, 201])
    expect(server.state.comments).toHaveLength(1)
    expect(logged).toEqual([`${REACHED}; waiting 2 s (until 12:00:02 UTC) before retrying (1/2)…`])
  })

  it('retries at most rateLimitRetries times, then says to run again later', async () => {
    const { server, api, logged } = await connect()
    for (let i = 0; i < 5; i++) server.failNext(COMMENTS, 429, TOO_MANY, { 'retry-after': '1' })
    const error = await failure(api.createIssueComment(5, 'hello'))
    expect(error.code).toBe('EGITHUBRATELIMIT')
    expect(error.message).toBe(
      'Could not comment on #5: GitHub\'s rate limit was hit and did not clear in time (GitHub answered 429 "Too Many Requests").'
    )
    expect(server.requests).toHaveLength(3)
    expect(logged).toEqual([
      `${REACHED}; waiting 1 s (until 12:00:01 UTC) before retrying (1/2)…`,
      `${REACHED}; waiting 1 s (until 12:00:01 UTC) before retrying (2/2)…`,
      `${REACHED}; giving up after 2 retries.`
    ])
  })

  it('honours a smaller rateLimitRetries', async () => {
    const { server, api } = await connect({ pacing: { unitMs: 1, spaceWrites: false, rateLimitRetries: 0 } })
    server.failNext(COMMENTS, 429, TOO_MANY, { 'retry-after': '1' })
    expect((await failure(api.createIssueComment(5, 'hello'))).code).toBe('EGITHUBRATELIMIT')
    expect(server.requests).toHaveLength(1)
  })

  it('does not wait longer than maxWaitSeconds', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 429, TOO_MANY, { 'retry-after': '600' })
    expect((await failure(api.createIssueComment(5, 'hello'))).code).toBe('EGITHUBRATELIMIT')
    expect(server.requests).toHaveLength(1)
    expect(logged).toEqual([`${REACHED}; giving up rather than wait 600 s (verso waits at most 120 s).`])
  })

  it('without retry-after waits a minute, as GitHub advises, when that is allowed', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 429, TOO_MANY)
    await api.createIssueComment(5, 'hello')
    expect(server.requests.map((r) => r.status)).toEqual([429, 201])
    expect(logged).toEqual([`${REACHED}; waiting 60 s (until 12:01:00 UTC) before retrying (1/2)…`])

    const short = await connect({ pacing: { unitMs: 1, spaceWrites: false, maxWaitSeconds: 30 } })
    short.server.failNext(COMMENTS, 429, TOO_MANY)
    expect((await failure(short.api.createIssueComment(5, 'hello'))).code).toBe('EGITHUBRATELIMIT')
    expect(short.server.requests).toHaveLength(1)
  })

  it('retries reads too', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0' })
    server.failNext('GET /repos/{owner}/{repo}/releases/tags/{tag}', 429, TOO_MANY, { 'retry-after': '1' })
    expect(await api.findReleaseByTag('v1.0.0')).toMatchObject({ tag: 'v1.0.0' })
    expect(server.requests.map((r) => r.status)).toEqual([429, 200])
  })

  it('a 403 with retry-after is a rate limit too, not a missing permission', async () => {
    const { server, api } = await connect()
    server.failNext(COMMENTS, 403, { message: 'Forbidden' }, { 'retry-after': '1' })
    await api.createIssueComment(5, 'hello')
    expect(server.requests.map((r) => r.status)).toEqual([403, 201])

    for (let i = 0; i < 3; i++) server.failNext(COMMENTS, 403, { message: 'Forbidden' }, { 'retry-after': '1' })
    expect((await failure(api.createIssueComment(5, 'hello'))).code).toBe('EGITHUBRATELIMIT')
  })

  it('the secondary rate limit keeps working, and the two kinds can follow each other', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 403, { message: SECONDARY }, { 'retry-after': '1' })
    server.failNext(COMMENTS, 429, TOO_MANY, { 'retry-after': '1' })
    await api.createIssueComment(5, 'hello')
    expect(server.requests.map((r) => r.status)).toEqual([403, 429, 201])
    expect(server.state.comments).toHaveLength(1)
    // One budget for both kinds: the second wait is the last retry.
    expect(logged).toEqual([
      'GitHub API secondary rate limit reached (POST /repos/{owner}/{repo}/issues/{issue_number}/comments); waiting 1 s (until 12:00:01 UTC) before retrying (1/2)…',
      `${REACHED}; waiting 1 s (until 12:00:01 UTC) before retrying (2/2)…`
    ])
  })

  it('a 429 that says it is the secondary rate limit is retried once per retry, by one plugin only', async () => {
    const { server, api } = await connect()
    for (let i = 0; i < 5; i++) server.failNext(COMMENTS, 429, { message: SECONDARY }, { 'retry-after': '1' })
    expect((await failure(api.createIssueComment(5, 'hello'))).code).toBe('EGITHUBRATELIMIT')
    expect(server.requests).toHaveLength(3)
  })
})
