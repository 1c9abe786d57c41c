import { describe, expect, it } from 'vitest'
import { ReleaseExistsError } from '../../src/github/failures.js'
import { connect } from './connect.js'

const release = { name: 'v1.2.0', body: '## Features\n- x', draft: false, prerelease: false, makeLatest: true }

describe('releases', () => {
  it('finds a release by its tag, and null for a tag without one', async () => {
    const { server, api } = await connect()
    const seeded = server.addRelease({ tag_name: 'v1.0.0', name: 'v1.0.0', body: 'first' })
    expect(await api.findReleaseByTag('v1.0.0')).toEqual({
      id: seeded.id,
      tag: 'v1.0.0',
      name: 'v1.0.0',
      body: 'first',
      url: 'https://github.com/octo-org/hello-world/releases/tag/v1.0.0',
      draft: false,
      prerelease: false
    })
    expect(await api.findReleaseByTag('v9.9.9')).toBeNull()
  })

  it('finds tags with slashes and build metadata', async () => {
    const { server, api } = await connect()
    for (const tag of ['packages/api/v1.0.0', 'v1.0.0-pkg.1.17.0+account', 'api@2.0.0']) {
      server.addRelease({ tag_name: tag })
      expect((await api.findReleaseByTag(tag))?.tag).toBe(tag)
    }
  })

  it('reads a release without a name or body as empty strings', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0' })
    expect(await api.findReleaseByTag('v1.0.0')).toMatchObject({ name: '', body: '' })
  })

  it('creates a release, sending make_latest as the string GitHub expects', async () => {
    const { server, api } = await connect()
    const created = await api.createRelease({ tag: 'v1.2.0', ...release })
    expect(created).toMatchObject({ tag: 'v1.2.0', name: 'v1.2.0', body: '## Features\n- x', draft: false, prerelease: false })
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/repos/octo-org/hello-world/releases',
      body: { tag_name: 'v1.2.0', name: 'v1.2.0', body: '## Features\n- x', draft: false, prerelease: false, make_latest: 'true' },
      status: 201
    })
    expect(server.state.latestReleaseId).toBe(created.id)
    expect(await api.findReleaseByTag('v1.2.0')).toEqual(created)
  })

  it('never asks GitHub to mark a prerelease latest', async () => {
    const { server, api } = await connect()
    const stable = await api.createRelease({ tag: 'v1.0.0', ...release })
    await api.createRelease({ tag: 'v1.1.0-rc.1', ...release, prerelease: true })
    expect(server.requests.at(-1)?.body).toMatchObject({ prerelease: true, make_latest: 'false' })
    expect(server.state.latestReleaseId).toBe(stable.id)
  })

  it('throws ReleaseExistsError for a tag that has a release, so a re-run can update it', async () => {
    const { server, api } = await connect()
    const first = await api.createRelease({ tag: 'v1.2.0', ...release })
    const error = await api.createRelease({ tag: 'v1.2.0', ...release }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ReleaseExistsError)
    expect(error).toMatchObject({ code: 'ERELEASEEXISTS', tag: 'v1.2.0' })
    expect(server.state.releases).toHaveLength(1)

    const again = await api.findReleaseByTag('v1.2.0')
    expect(again?.id).toBe(first.id)
    const updated = await api.updateRelease(first.id, { body: 'rewritten' })
    expect(updated).toMatchObject({ id: first.id, body: 'rewritten', name: 'v1.2.0' })
  })

  it('updates only the fields given', async () => {
    const { server, api } = await connect()
    const { id } = server.addRelease({ tag_name: 'v2.0.0-rc.1', name: 'rc', body: 'notes', prerelease: true })
    const updated = await api.updateRelease(id, { name: 'v2.0.0', prerelease: false, makeLatest: true })
    expect(server.requests.at(-1)?.body).toEqual({ name: 'v2.0.0', prerelease: false, make_latest: 'true' })
    expect(updated).toMatchObject({ id, name: 'v2.0.0', body: 'notes', prerelease: false })
    expect(server.state.latestReleaseId).toBe(id)
  })

  it('sends a single write at once with GitHub’s pacing (writes a second apart)', async () => {
    const { api } = await connect({ pacing: { unitMs: 1 } })
    const started = Date.now()
    await api.createRelease({ tag: 'v1.0.0', ...release })
    expect(Date.now() - started).toBeLessThan(900)
  })

  it('names the release it could not update', async () => {
    const { api } = await connect()
    await expect(api.updateRelease(4242, { body: 'x' })).rejects.toMatchObject({
      code: 'EGITHUBPERMISSION',
      message: expect.stringContaining('there is no release 4242') as unknown
    })
  })
})
