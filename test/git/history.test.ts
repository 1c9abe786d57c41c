import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { createGit } from '../../src/git/git.js'
import { newFetchState, readHistory } from '../../src/git/history.js'
import { chooseCandidates, parseReleaseTags } from '../../src/versions/release-tags.js'
import { useRepos } from '../support/repo.js'

const repo = useRepos()

async function history(dir: string, env: NodeJS.ProcessEnv, options: Parameters<typeof resolveConfig>[0] = {}) {
  const config = resolveConfig(options)
  const order = (tags: Parameters<typeof parseReleaseTags>[0]) =>
    chooseCandidates(parseReleaseTags(tags, config.tagPrefix, config.scheme), { prerelease: config.prerelease, range: null })
  return readHistory(createGit(dir, env), { fetchHistory: config.fetchHistory, state: newFetchState(), order, read: (c) => c })
}

describe('readHistory: the last release', () => {
  it('is the highest version reachable from HEAD, not the newest or nearest tag', async () => {
    const r = repo()
    r.commit('feat: one')
    r.tag('v1.10.0')
    r.commit('fix: two')
    r.tag('v1.9.0') // lower version, newer commit
    r.commit('fix: three')
    const h = await history(r.dir, r.env)
    expect(h.base?.name).toBe('v1.10.0')
    expect(h.commits.map((c) => c.message.trim())).toEqual(['fix: three', 'fix: two'])
  })

  it('ignores tags on branches HEAD does not contain', async () => {
    const r = repo()
    r.commit('feat: base')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'next')
    r.commit('feat!: next')
    r.tag('v2.0.0')
    r.git('checkout', '-q', 'main')
    r.commit('fix: on main')
    const h = await history(r.dir, r.env)
    expect(h.base?.name).toBe('v1.0.0')
    expect(h.commits).toHaveLength(1)
  })

  it('finds a tag merged in from a branch, and counts the merge and the branch commits after it', async () => {
    const r = repo()
    r.commit('feat: base')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'feature')
    const side = r.commit('feat: on a branch')
    r.git('checkout', '-q', 'main')
    const main = r.commit('fix: on main')
    r.tag('v1.0.1')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch feature', 'feature')
    const h = await history(r.dir, r.env)
    expect(h.base?.name).toBe('v1.0.1')
    expect(h.commits.map((c) => c.sha)).toContain(side)
    expect(h.commits.map((c) => c.sha)).not.toContain(main)
    expect(h.commits[0]!.parents).toHaveLength(2)
  })

  it('ignores noise tags and reads annotated tags through to their commit', async () => {
    const r = repo()
    const first = r.commit('feat: a')
    r.tag('v1.2.0', { annotated: true })
    r.tag('latest')
    r.tag('v1.3')
    r.tag('release-2020')
    r.tag('v01.4.0')
    r.commit('fix: b')
    const h = await history(r.dir, r.env)
    expect(h.base).toMatchObject({ name: 'v1.2.0', sha: first })
  })

  it('skips prerelease tags for a stable release, and uses them on a prerelease channel', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.2.3')
    r.commit('feat: b')
    r.tag('v1.3.0-rc.0')
    r.commit('fix: c')
    const stable = await history(r.dir, r.env)
    expect(stable.base?.name).toBe('v1.2.3')
    expect(stable.commits).toHaveLength(2)
    const channel = await history(r.dir, r.env, { prerelease: 'rc' })
    expect(channel.base?.name).toBe('v1.3.0-rc.0')
    expect(channel.stableBase?.name).toBe('v1.2.3')
    expect(channel.commits).toHaveLength(1)
  })

  it('counts every commit when there is no tag', async () => {
    const r = repo()
    r.commits('chore: init', 'feat: a', 'fix: b')
    const h = await history(r.dir, r.env)
    expect(h.base).toBeNull()
    expect(h.commits).toHaveLength(3)
  })

  it('honours another tag prefix', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v9.0.0')
    r.tag('pkg-1.0.0')
    r.commit('fix: b')
    const h = await history(r.dir, r.env, { 'tag-prefix': 'pkg-' })
    expect(h.base?.name).toBe('pkg-1.0.0')
  })

  it('finds the best reachable tag behind many higher unreachable ones', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'next')
    for (let i = 0; i < 40; i++) {
      r.commit(`fix: ${i}`)
      r.tag(`v2.0.${i}`)
    }
    r.git('checkout', '-q', 'main')
    r.commit('fix: maintenance')
    const h = await history(r.dir, r.env)
    expect(h.base?.name).toBe('v1.0.0')
  })
})

describe('readHistory: messages arrive whole', () => {
  it('keeps %, quotes, blank lines, trailers, non-UTF-8 bytes and 1 MB bodies', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    const odd = 'fix: 100% "quoted" \'single\' %H %x00 `tick`\n\n\n\nbody after blank lines\n\nBREAKING CHANGE: still here\n'
    const big = `feat: big\n\n${'x'.repeat(1 << 20)}\n\nRefs: #1\n`
    const latin1 = Buffer.concat([Buffer.from('fix: caf'), Buffer.from([0xe9]), Buffer.from('\n')])
    r.commit(odd)
    r.commit(big)
    r.commit(latin1)
    const h = await history(r.dir, r.env)
    expect(h.commits.map((c) => c.message)).toEqual(['fix: café\n', big, odd])
  })
})

describe('readHistory: shallow clones', () => {
  function shallowFixture() {
    const r = repo()
    r.commit('chore: init')
    for (let i = 0; i < 150; i++) {
      r.commit(`fix: ${i}`)
      if (i === 20) r.tag('v1.0.0')
      if (i === 100) r.tag('v1.1.0', { annotated: true })
    }
    r.addBareOrigin()
    return r
  }

  it('lists the remote tags and fetches only as far as the last release', async () => {
    const r = shallowFixture()
    const clone = r.shallowClone(1)
    const h = await history(clone, r.env)
    expect(h.base?.name).toBe('v1.1.0')
    expect(h.commits).toHaveLength(49)
    expect(h.fetched).toEqual(["listed the remote's tags (2)", 'fetched the history back to v1.1.0'])
    expect(r.git('-C', clone, 'rev-list', '--count', 'HEAD')).toBe('50')
  })

  it('fetches the whole range when a merge brings the tag in on a short side', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'side')
    r.commit('fix: on the side')
    r.git('checkout', '-q', 'main')
    r.commit('feat!: early on main')
    for (let i = 0; i < 100; i++) r.commit(`chore: ${i}`)
    r.git('merge', '-q', '--no-ff', '-m', "Merge branch 'side'", 'side')
    r.addBareOrigin()
    const clone = r.shallowClone(1)
    const h = await history(clone, r.env)
    expect(h.base?.name).toBe('v1.0.0')
    expect(h.commits.map((c) => c.message.trim())).toContain('feat!: early on main')
    expect(h.commits).toHaveLength(103)
  })

  it('fetches everything when there is no tag at all', async () => {
    const r = repo()
    r.commits('chore: a', 'feat: b', 'fix: c', 'fix: d')
    r.addBareOrigin()
    const clone = r.shallowClone(1)
    const h = await history(clone, r.env)
    expect(h.commits).toHaveLength(4)
  })

  it('fails clearly with fetch-history: never', async () => {
    const r = shallowFixture()
    const clone = r.shallowClone(1)
    await expect(history(clone, r.env, { 'fetch-history': 'never' })).rejects.toMatchObject({
      code: 'ESHALLOW',
      hint: expect.stringContaining('fetch-depth: 0')
    })
  })

  it('fails clearly when origin is unreachable', async () => {
    const r = shallowFixture()
    const clone = r.shallowClone(1)
    r.git('-C', clone, 'remote', 'set-url', 'origin', '/nonexistent/repo.git')
    await expect(history(clone, r.env)).rejects.toMatchObject({ code: 'ESHALLOW', hint: expect.stringContaining('fetch-depth: 0') })
  })

  it('fails clearly without an origin', async () => {
    const r = shallowFixture()
    const clone = r.shallowClone(1)
    r.git('-C', clone, 'remote', 'remove', 'origin')
    await expect(history(clone, r.env)).rejects.toMatchObject({ code: 'ESHALLOW' })
  })
})

describe('readHistory: not a repository', () => {
  it('says so', async () => {
    const r = repo()
    await expect(history(r.root, r.env)).rejects.toMatchObject({ code: 'ENOTAREPO' })
  })
  it('says when there are no commits', async () => {
    const r = repo()
    await expect(history(r.dir, r.env)).rejects.toMatchObject({ code: 'ENOHEAD' })
  })
})
