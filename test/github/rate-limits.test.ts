import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { connect } from './connect.js'

const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' as const
const TOO_MANY = { message: 'Too Many Requests', documentation_url: 'https://docs.github.com/rest' }
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

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
    const started = Date.now()
    const comment = await api.createIssueComment(5, 'hello')
    expect(comment.body).toBe('hello')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(server.requests.map((r) => r.status)).toEqual([429, 201])
    expect(server.state.comments).toHaveLength(1)
    expect(logged).toEqual(["GitHub's rate limit was hit by POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying in 2 s."])
  })

  it('retries at most rateLimitRetries times, then says to run again later', async () => {
    const { server, api } = await connect()
    for (let i = 0; i < 5; i++) server.failNext(COMMENTS, 429, TOO_MANY, { 'retry-after': '1' })
    const error = await failure(api.createIssueComment(5, 'hello'))
    expect(error.code).toBe('EGITHUBRATELIMIT')
    expect(error.message).toBe(
      'Could not comment on #5: GitHub\'s rate limit was hit and did not clear in time (GitHub answered 429 "Too Many Requests").'
    )
    expect(server.requests).toHaveLength(3)
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
    expect(logged).toEqual(["GitHub's rate limit was hit by POST /repos/{owner}/{repo}/issues/{issue_number}/comments; giving up."])
  })

  it('without retry-after waits a minute, as GitHub advises, when that is allowed', async () => {
    const { server, api, logged } = await connect()
    server.failNext(COMMENTS, 429, TOO_MANY)
    await api.createIssueComment(5, 'hello')
    expect(server.requests.map((r) => r.status)).toEqual([429, 201])
    expect(logged).toEqual(["GitHub's rate limit was hit by POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying in 60 s."])

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
    expect(logged).toEqual([
      "GitHub's secondary rate limit was hit by POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying in 1 s.",
      "GitHub's rate limit was hit by POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying in 1 s."
    ])
  })

  it('a 429 that says it is the secondary rate limit is retried once per retry, by one plugin only', async () => {
    const { server, api } = await connect()
    for (let i = 0; i < 5; i++) server.failNext(COMMENTS, 429, { message: SECONDARY }, { 'retry-after': '1' })
    expect((await failure(api.createIssueComment(5, 'hello'))).code).toBe('EGITHUBRATELIMIT')
    expect(server.requests).toHaveLength(3)
  })
})
