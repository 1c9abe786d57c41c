import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { createGit } from '../../src/git/git.js'
import { pushTag } from '../../src/git/publish.js'
import { applyOptions, applyPlan } from '../../src/run/apply.js'
import { createGather } from '../../src/run/gather.js'
import { planRelease } from '../../src/run/plan.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repo = useRepos()
const now = new Date('2024-02-20T12:00:00Z')

/** v1.2.0 released with v1 on it; a feat to release as v1.3.0; origin a bare clone. */
function line(): TestRepo {
  const r = repo()
  r.commit('chore: init')
  r.tag('v1.2.0')
  r.tag('v1')
  r.commit('feat: a')
  r.addBareOrigin()
  return r
}

async function planned(r: TestRepo) {
  const config = resolveConfig({ 'floating-tags': 'major-minor' })
  const git = createGit(r.dir, r.env)
  const { plan } = await planRelease(createGather(git, config), config, now)
  if (plan.kind !== 'release') throw new Error(`expected a release, got ${plan.kind}`)
  const log: string[] = []
  return { git, plan, log, options: applyOptions(config, plan, 'notes', (l) => log.push(l)) }
}

const remoteTag = (r: TestRepo, tag: string) => r.git('ls-remote', 'origin', `refs/tags/${tag}`).split('\t')[0] ?? ''

describe('floating tags never move backwards', () => {
  it('a release that is no longer the newest of its line leaves v1 to the one that is', async () => {
    const r = line()
    const { git, plan, log, options } = await planned(r)
    expect(plan.standing.highestInMajor).toBe(true)
    // Meanwhile another run released v1.4.0 further on, and moved v1 there.
    r.git('checkout', '-q', '-b', 'later')
    const later = r.commit('feat: b')
    r.git('push', '-q', 'origin', `${later}:refs/tags/v1.4.0`, `+${later}:refs/tags/v1`)
    r.git('checkout', '-q', 'main')
    const outcome = await applyPlan(plan, git, null, options)
    expect(outcome).toMatchObject({ kind: 'released', tag: 'v1.3.0', floating: ['v1.3'] })
    expect(remoteTag(r, 'v1')).toBe(later)
    expect(remoteTag(r, 'v1.3')).toBe(plan.head)
    expect(log).toContain('Floating tag v1 stays with v1.4.0, a newer release of its line than v1.3.0.')
  })

  it('the newest release of its line moves v1, from where it was seen', async () => {
    const r = line()
    const { git, plan, options } = await planned(r)
    const outcome = await applyPlan(plan, git, null, options)
    expect(outcome).toMatchObject({ kind: 'released', floating: ['v1', 'v1.3'] })
    expect(remoteTag(r, 'v1')).toBe(plan.head)
  })

  it('a move from a place the tag has left is refused, so it is looked at again', async () => {
    const r = line()
    const git = createGit(r.dir, r.env)
    const head = r.git('rev-parse', 'HEAD')
    const stale = await pushTag(git, 'origin', 'v1', { force: true, sha: head, expect: head })
    expect(stale).toMatchObject({ kind: 'rejected', reason: 'exists' })
    const seen = remoteTag(r, 'v1')
    expect(await pushTag(git, 'origin', 'v1', { force: true, sha: head, expect: seen })).toEqual({ kind: 'pushed' })
    expect(remoteTag(r, 'v1')).toBe(head)
  })
})
