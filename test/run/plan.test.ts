import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { createGit } from '../../src/git/git.js'
import { createGather } from '../../src/run/gather.js'
import { planRelease } from '../../src/run/plan.js'
import { describeCommitCause } from '../../src/report/commit-causes.js'
import { explainBump } from '../../src/report/explain.js'
import { describeReason } from '../../src/report/reasons.js'
import { TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()
async function plan(r: TestRepo, options: RawOptions = {}, now = new Date('2024-02-20T12:00:00Z')) {
  const config = resolveConfig(options)
  return (await planRelease(createGather(createGit(r.dir, r.env), config), config, now)).plan
}

describe('planRelease', () => {
  it('v1.2.3 + fix + feat(x) → 1.3.0, minor, both commits explained', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.2.3')
    const [fix, feat] = r.commits('fix: a', 'feat(x): b')
    const p = await plan(r)
    expect(p.kind).toBe('release')
    expect(p.next).toEqual({ version: '1.3.0', tag: 'v1.3.0', value: expect.objectContaining({ kind: 'semver' }) })
    expect(p.bump).toBe('minor')
    expect(p.previous).toMatchObject({ version: '1.2.3', tag: 'v1.2.3' })
    expect(p.commits.map((c) => [c.sha, c.bump, describeCommitCause(c.cause)])).toEqual([
      [feat, 'minor', 'default rule `feat: minor`'],
      [fix, 'patch', 'default rule `fix: patch`']
    ])
    expect(explainBump(p)).toBe(`minor, because 1 feat commit: ${feat!.slice(0, 7)} feat(x): b`)
  })

  it('first release is initial-version', async () => {
    const r = repo()
    r.commits('chore: init', 'feat: a')
    const p = await plan(r)
    expect(p.next?.version).toBe('0.1.0')
    expect(p.previous).toBeNull()
  })

  it('nothing to release', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.0.0')
    expect(await plan(r)).toMatchObject({ kind: 'none', reason: 'no-commits', next: null })
    r.commits('docs: a', 'chore: b')
    expect(await plan(r)).toMatchObject({ kind: 'none', reason: 'no-releasable-commits', bump: 'none' })
  })

  it('a forced bump releases even without releasable commits', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v0.3.0')
    r.commit('docs: a')
    const p = await plan(r, { bump: 'major' })
    expect(p.next?.version).toBe('1.0.0')
    expect(explainBump(p)).toContain('bump forced to major')
  })

  it('prerelease channel: rc.0, rc.1, then the stable release', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.2.3')
    r.commit('feat: b')
    const rc0 = await plan(r, { prerelease: 'rc' })
    expect(rc0.next?.version).toBe('1.3.0-rc.0')
    r.tag('v1.3.0-rc.0')
    r.commit('fix: c')
    const rc1 = await plan(r, { prerelease: 'rc' })
    expect(rc1.next?.version).toBe('1.3.0-rc.1')
    r.tag('v1.3.0-rc.1')
    expect((await plan(r, { prerelease: 'rc' })).kind).toBe('none')
    const stable = await plan(r)
    expect(stable.next?.version).toBe('1.3.0')
    expect(stable.previous?.tag).toBe('v1.2.3')
  })

  it('strict: a non-conventional commit blocks the release, a merge does not', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'topic')
    r.commit('fix: on topic')
    r.git('checkout', '-q', 'main')
    r.commit('Update README')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic')
    const lenient = await plan(r)
    expect(lenient.kind).toBe('release')
    const strict = await plan(r, { strict: 'true' })
    expect(strict.kind).toBe('blocked')
    expect(strict.kind === 'blocked' && strict.findings.map((f) => f.kind === 'non-conventional' && f.header)).toEqual(['Update README'])
  })

  it('a next tag that already exists elsewhere blocks the release instead of colliding', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'other')
    r.commit('fix: elsewhere')
    r.tag('v1.0.1')
    r.git('checkout', '-q', 'main')
    r.commit('fix: here')
    const p = await plan(r)
    expect(p).toMatchObject({ kind: 'blocked', findings: [{ kind: 'tag-exists', tag: 'v1.0.1' }] })
  })

  it('release rules change the outcome', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.0.0')
    r.commit('docs(readme): clarify')
    expect((await plan(r)).kind).toBe('none')
    expect((await plan(r, { 'release-rules': 'docs(readme): patch' })).next?.version).toBe('1.0.1')
  })

  it('breaking change on 0.x bumps the minor and says why', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v0.4.0')
    r.commit('feat!: drop x')
    const p = await plan(r)
    expect(p.next?.version).toBe('0.5.0')
    expect(p.reasons.map(describeReason).join()).toContain('major is 0')
  })
})
