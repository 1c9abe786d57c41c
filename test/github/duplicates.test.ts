import { describe, expect, it } from 'vitest'
import { createGitHubApi } from '../../src/github/client.js'
import { ReleaseExistsError } from '../../src/github/failures.js'
import { connect, TOKEN } from './connect.js'

const CREATE = 'POST /repos/{owner}/{repo}/releases' as const
const draft = { tag: 'v1.0.0', name: 'v1.0.0', body: 'notes', draft: true, prerelease: false, makeLatest: true }
const published = { ...draft, draft: false }

describe('createRelease never leaves two drafts of one tag', () => {
  it('ten runs creating the same draft at once end with one draft, the same for all', async () => {
    const { server } = await connect()
    const clients = Array.from({ length: 10 }, () =>
      createGitHubApi({
        token: TOKEN,
        repository: 'octo-org/hello-world',
        apiUrl: server.url,
        userAgent: 'verso-test',
        pacing: { unitMs: 1, spaceWrites: false }
      })
    )
    const created = await Promise.all(clients.map((api) => api.createRelease(draft)))
    expect(server.state.releases).toHaveLength(1)
    const [kept] = server.state.releases
    expect(kept).toMatchObject({ tag_name: 'v1.0.0', draft: true, body: 'notes' })
    expect(new Set(created.map((r) => r.id))).toEqual(new Set([kept!.id]))
    // The first draft made is the one kept: every other run deleted the one it made, once.
    const deletions = server.requests.filter((r) => r.method === 'DELETE')
    expect(deletions.map((r) => r.status)).toEqual(Array(9).fill(204))
    const deleted = deletions.map((r) => Number(r.path.split('/').at(-1)))
    expect(new Set(deleted).size).toBe(9)
    expect(Math.min(...deleted)).toBeGreaterThan(kept!.id)
  })

  it('a second draft for the tag keeps the first, and deletes its own', async () => {
    const { server, api } = await connect()
    const first = await api.createRelease(draft)
    const second = await api.createRelease({ ...draft, body: 'other notes' })
    expect(second).toEqual(first)
    expect(server.state.releases.map((r) => [r.id, r.body])).toEqual([[first.id, 'notes']])
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201', 'GET 200', 'POST 201', 'GET 200', 'DELETE 204'])
  })

  it('deletes only the draft it made, never drafts someone else left for the tag', async () => {
    const { server, api } = await connect()
    const byHand = server.addRelease({ tag_name: 'v1.0.0', name: 'by hand', body: 'hand-written', draft: true })
    const another = server.addRelease({ tag_name: 'v1.0.0', name: 'also by hand', body: 'more', draft: true })
    server.addRelease({ tag_name: 'v0.9.0', draft: true })
    const kept = await api.createRelease(draft)
    expect(kept).toMatchObject({ id: byHand.id, name: 'by hand', draft: true })
    expect(server.state.releases.map((r) => r.id)).toEqual([byHand.id, another.id, expect.any(Number) as unknown])
    expect(server.state.releases.map((r) => r.tag_name)).toEqual(['v1.0.0', 'v1.0.0', 'v0.9.0'])
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1)
  })

  it('a draft alone, or a published release, costs no deletion', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v0.9.0', draft: true })
    await api.createRelease(draft)
    await api.createRelease({ ...published, tag: 'v2.0.0' })
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201', 'GET 200', 'POST 201'])
  })

  it('a deletion another run made first is no failure', async () => {
    const { server, api } = await connect()
    const first = await api.createRelease(draft)
    // Another run deletes the draft this call is about to delete: GitHub answers 404.
    server.failNext('DELETE /repos/{owner}/{repo}/releases/{release_id}', 404, { message: 'Not Found' })
    expect(await api.createRelease(draft)).toEqual(first)
  })

  it('a failure to delete a duplicate names that draft', async () => {
    const { server, api } = await connect()
    await api.createRelease(draft)
    server.failNext('DELETE /repos/{owner}/{repo}/releases/{release_id}', 403, { message: 'Resource not accessible by integration' })
    await expect(api.createRelease(draft)).rejects.toMatchObject({
      code: 'EGITHUBPERMISSION',
      message: expect.stringMatching(
        /^Could not delete the duplicate draft GitHub Release \d+ of v1\.0\.0 in octo-org\/hello-world/
      ) as unknown
    })
  })
})

describe('a POST whose connection dropped after GitHub carried it out', () => {
  it('a draft: the retry makes a second one, which is deleted; one draft is left', async () => {
    const { server, api } = await connect()
    server.dropNext(CREATE)
    const created = await api.createRelease(draft)
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 0', 'POST 201', 'GET 200', 'DELETE 204'])
    expect(server.state.releases).toHaveLength(1)
    expect(created).toMatchObject({ id: server.state.releases[0]!.id, tag: 'v1.0.0', draft: true, body: 'notes' })
  })

  it('a published release: the retry is refused, and the release the first attempt made is returned', async () => {
    const { server, api } = await connect()
    server.dropNext(CREATE)
    const created = await api.createRelease(published)
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 0', 'POST 422', 'GET 200'])
    expect(server.state.releases).toHaveLength(1)
    expect(created).toMatchObject({ id: server.state.releases[0]!.id, tag: 'v1.0.0', draft: false, body: 'notes' })
  })

  it('a published release that is not what was sent is still someone else’s', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0', name: 'v1.0.0', body: 'notes of another run' })
    server.dropNext(CREATE)
    const error = await api.createRelease(published).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ReleaseExistsError)
    expect(server.state.releases).toHaveLength(1)
  })

  it('without a dropped connection, a refused POST never looks further', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0', name: 'v1.0.0', body: 'notes' })
    await expect(api.createRelease(published)).rejects.toBeInstanceOf(ReleaseExistsError)
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 422'])
  })
})

describe('findReleaseByTag among several drafts of one tag', () => {
  it('answers the one createRelease keeps: the lowest id', async () => {
    const { server, api } = await connect()
    const first = server.addRelease({ tag_name: 'v1.0.0', draft: true })
    server.addRelease({ tag_name: 'v1.0.0', draft: true })
    expect((await api.findReleaseByTag('v1.0.0'))?.id).toBe(first.id)
  })
})
