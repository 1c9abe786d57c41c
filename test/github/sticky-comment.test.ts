import { describe, expect, it } from 'vitest'
import { COMMENT_MARKER, upsertComment } from '../../src/github/sticky-comment.js'
import { connect } from './connect.js'

const report = (text: string) => `${COMMENT_MARKER}\n${text}`
const writes = (requests: { method: string; path: string }[]) => requests.filter((r) => r.method !== 'GET').map((r) => r.method)

describe('the pull request comment, with an app installation token (GITHUB_TOKEN)', () => {
  it('is created once, then updated in place, then left alone when nothing changed', async () => {
    const { server, api } = await connect()
    server.addComments(7, ['LGTM'])
    const created = await upsertComment(api, 7, report('v1.3.0 next'))
    expect(created).toEqual({ kind: 'created', url: expect.stringMatching(/#issuecomment-\d+$/) as unknown })
    const updated = await upsertComment(api, 7, report('v1.4.0 next'))
    expect(updated).toEqual({ kind: 'updated', url: created.url })
    expect(await upsertComment(api, 7, report('v1.4.0 next'))).toEqual({ kind: 'unchanged', url: created.url })
    expect(server.state.comments.map((c) => [c.login, c.body])).toEqual([
      ['octocat', 'LGTM'],
      ['github-actions[bot]', report('v1.4.0 next')]
    ])
    expect(writes(server.requests)).toEqual(['POST', 'PATCH'])
  })

  it('adds the marker to a body without it', async () => {
    const { server, api } = await connect()
    await upsertComment(api, 7, 'v1.3.0 next')
    expect(server.state.comments[0]?.body).toBe(report('v1.3.0 next'))
  })

  it('a comment by a person that starts with the marker is not its own: never updated, and it writes its own', async () => {
    const { server, api } = await connect()
    const [forged] = server.addComments(7, [report('merging this releases **v9.9.9**')], 'mallory')
    const first = await upsertComment(api, 7, report('v1.3.0 next'))
    expect(first.kind).toBe('created')
    const second = await upsertComment(api, 7, report('v1.4.0 next'))
    expect(second).toEqual({ kind: 'updated', url: first.url })
    expect(server.state.comments.map((c) => [c.login, c.body])).toEqual([
      ['mallory', report('merging this releases **v9.9.9**')],
      ['github-actions[bot]', report('v1.4.0 next')]
    ])
    expect(server.state.comments[0]).toEqual(forged)
    expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      `/repos/octo-org/hello-world/issues/comments/${server.state.comments[1]!.id}`
    ])
  })

  it('a person’s comment that already reads exactly like the report is not taken for it either', async () => {
    const { server, api } = await connect()
    server.addComments(7, [report('v1.3.0 next')], 'mallory')
    expect((await upsertComment(api, 7, report('v1.3.0 next'))).kind).toBe('created')
    expect(server.state.comments.map((c) => c.login)).toEqual(['mallory', 'github-actions[bot]'])
  })

  it('finds its own comment from an earlier run on a late page', async () => {
    const { server, api } = await connect()
    server.addComments(
      7,
      Array.from({ length: 120 }, (_, i) => (i % 10 === 0 ? report(`forged ${i}`) : `comment ${i}`)),
      'octocat'
    )
    const [own] = server.addComments(7, [report('an old report')], 'github-actions[bot]')
    expect(await upsertComment(api, 7, report('v1.3.0 next'))).toEqual({
      kind: 'updated',
      url: expect.stringContaining(`${own!.id}`) as unknown
    })
    expect(server.state.comments.filter((c) => c.login === 'octocat' && c.body.startsWith(COMMENT_MARKER))).toHaveLength(12)
  })

  it('asks GitHub who the token is once per client', async () => {
    const { server, api } = await connect()
    await upsertComment(api, 7, report('a'))
    await upsertComment(api, 8, report('b'))
    expect(server.requests.filter((r) => r.path === '/user').map((r) => r.status)).toEqual([403])
  })
})

describe('the pull request comment, with a user’s token', () => {
  const actor = { login: 'release-robot', kind: 'user' } as const

  it('knows the token’s login from GET /user', async () => {
    const { api } = await connect({ actor })
    expect(await api.authenticatedAs()).toEqual({ kind: 'user', login: 'release-robot' })
  })

  it('takes only that user’s comments as its own: neither another person’s nor a bot’s', async () => {
    const { server, api } = await connect({ actor })
    server.addComments(7, [report('by octocat')], 'octocat')
    server.addComments(7, [report('by the actions bot')], 'github-actions[bot]')
    const first = await upsertComment(api, 7, report('v1.3.0 next'))
    expect(first.kind).toBe('created')
    expect(await upsertComment(api, 7, report('v2.0.0 next'))).toEqual({ kind: 'updated', url: first.url })
    expect(server.state.comments.map((c) => [c.login, c.body])).toEqual([
      ['octocat', report('by octocat')],
      ['github-actions[bot]', report('by the actions bot')],
      ['release-robot', report('v2.0.0 next')]
    ])
  })

  it('updates the comment that user left in an earlier run', async () => {
    const { server, api } = await connect({ actor })
    server.addComments(7, [report('by octocat')], 'octocat')
    server.addComments(7, [report('an old report')], 'release-robot')
    expect((await upsertComment(api, 7, report('v1.3.0 next'))).kind).toBe('updated')
    expect(server.state.comments.map((c) => c.body)).toEqual([report('by octocat'), report('v1.3.0 next')])
  })
})

describe('who the token is', () => {
  it('an installation token, which GitHub refuses GET /user, is an app’s', async () => {
    const { server, api } = await connect()
    expect(await api.authenticatedAs()).toEqual({ kind: 'app' })
    expect(await api.authenticatedAs()).toEqual({ kind: 'app' })
    expect(server.requests.map((r) => [r.path, r.status])).toEqual([['/user', 403]])
  })

  it('a bad token is an error, not an app', async () => {
    const { api } = await connect({ serverToken: 'another-token' })
    await expect(api.authenticatedAs()).rejects.toMatchObject({ code: 'EGITHUBAUTH' })
  })

  it('a failure is not remembered: the next call asks again', async () => {
    const { server, api } = await connect({ actor: { login: 'release-robot', kind: 'user' }, pacing: { unitMs: 1, retries: 0 } })
    server.failNext('GET /user', 500)
    await expect(api.authenticatedAs()).rejects.toMatchObject({ code: 'EGITHUB' })
    expect(await api.authenticatedAs()).toEqual({ kind: 'user', login: 'release-robot' })
  })
})
