import { describe, expect, it } from 'vitest'
import { analyzeCommits, eachCommit, parseCommit, type CommitDecision } from '../../src/commits/analyze.js'
import { DEFAULT_RULES } from '../../src/commits/rules.js'
import type { MergeStyle } from '../../src/commits/squash.js'
import { describeCommitCause, describeIgnoredBreaking, describeSquashedCommit } from '../../src/report/commit-causes.js'
import { makePlan } from '../notes/plans.js'

const sha = (c: string): string => c.repeat(40).slice(0, 40)

/** Commits newest first, as git log gives them, analysed with a merge style. */
function analyze(mergeStyle: MergeStyle | undefined, ...list: [string, string][]) {
  const parsed = list.map(([id, message]) => parseCommit({ sha: sha(id), parents: [sha('f')], message }))
  return analyzeCommits(parsed, DEFAULT_RULES, mergeStyle === undefined ? {} : { mergeStyle })
}

/** Each commit a squash commit was read as: its bump, status and the sentence the plan shows. */
function squashed(decision: CommitDecision): [string, string, string, string][] {
  if (decision.cause.kind !== 'squashed') throw new Error(`not read as a squash: ${describeCommitCause(decision.cause)}`)
  const { pullRequest } = decision.cause
  return decision.cause.commits.map((c) => [c.header, c.bump, c.status, describeSquashedCommit(pullRequest, c)])
}

const EXPORT = 'Add the export endpoint (#12)\n\n* feat(api): add export\n\n* fix(api): escape names\n\n* docs: say how\n'

describe('analyzeCommits with merge-style: squash', () => {
  it('reads a squash commit as the commits it lists: each a reason, the bump the highest of theirs', () => {
    const { bump, decisions } = analyze('squash', ['a', EXPORT])
    expect(bump).toBe('minor')
    expect(decisions[0]).toMatchObject({ sha: sha('a'), header: 'Add the export endpoint (#12)', bump: 'minor', status: 'counted' })
    expect(describeCommitCause(decisions[0]!.cause)).toBe('squashed pull request #12: read as the 3 commits its message lists')
    expect(squashed(decisions[0]!)).toEqual([
      ['feat(api): add export', 'minor', 'counted', 'from the squashed pull request #12: default rule `feat: minor`'],
      ['fix(api): escape names', 'patch', 'counted', 'from the squashed pull request #12: default rule `fix: patch`'],
      ['docs: say how', 'none', 'no-release', 'from the squashed pull request #12: type `docs` has no release rule: no release']
    ])
  })

  it('a `!` bullet makes it major, its BREAKING CHANGE footer kept for the notes', () => {
    const { bump, decisions } = analyze('squash', [
      'a',
      'Drop v1 (#4)\n\n* feat(api)!: drop v1\n\nBREAKING CHANGE: /v1 is gone\n\n* fix: y\n'
    ])
    expect(bump).toBe('major')
    expect(squashed(decisions[0]!)[0]).toEqual([
      'feat(api)!: drop v1',
      'major',
      'counted',
      'from the squashed pull request #4: breaking change (`!` in the header): major'
    ])
    const [first] = eachCommit(decisions[0]!)
    expect(first!.message).toMatchObject({ kind: 'conventional', breakingNotes: ['/v1 is gone'] })
  })

  it('a BREAKING CHANGE footer under a title that is not conventional is ignored, with the reason, and not counted', () => {
    const message =
      'Rework config (#5)\n\nBREAKING CHANGE: in the description\n\n* feat: new keys\n\nBREAKING CHANGE: old keys gone\n\n* fix: y\n'
    const { bump, decisions } = analyze('squash', ['a', message])
    expect(bump).toBe('minor')
    const cause = decisions[0]!.cause
    if (cause.kind !== 'squashed') throw new Error('not read as a squash')
    expect(cause.ignored).toEqual([
      { kind: 'unmarked-bullet', note: 'old keys gone', header: 'feat: new keys' },
      { kind: 'outside-bullets', note: 'in the description' }
    ])
    expect(cause.ignored.map(describeIgnoredBreaking)).toEqual([
      "`BREAKING CHANGE: old keys gone` ignored: the squash commit's title is not a Conventional Commit, so its message has no footers, " +
        "and `feat: new keys`, which it follows, has no `!`; to count it, release with `bump: major`; next time, mark the breaking commit's header with `!`, or give the pull request a Conventional title that does",
      "`BREAKING CHANGE: in the description` ignored: the squash commit's title is not a Conventional Commit, so its message has no footers, " +
        "and it follows none of the commits listed; to count it, release with `bump: major`; next time, mark the breaking commit's header with `!`, or give the pull request a Conventional title that does"
    ])
    expect(describeCommitCause(cause)).toBe(
      'squashed pull request #5: read as the 2 commits its message lists; 2 `BREAKING CHANGE:` footers ignored'
    )
  })

  it('a Conventional title is read as any commit: the title decides, its footers count, its bullets do not', () => {
    const { bump, decisions } = analyze('squash', ['a', 'fix: names (#7)\n\n* feat: x\n\nBREAKING CHANGE: y\n'])
    expect(bump).toBe('major')
    expect(decisions[0]!.cause).toEqual({ kind: 'breaking', marker: 'footer' })
    expect(analyze('squash', ['a', 'docs: names (#7)\n\n* feat: x\n']).bump).toBe('none')
  })

  it('bullets that are not conventional are ignored with the reason; with none conventional, the commit is just not conventional', () => {
    const mixed = analyze('squash', ['a', 'Cleanup (#2)\n\n* Update README\n\n* fix: typo\n'])
    expect(mixed.bump).toBe('patch')
    expect(squashed(mixed.decisions[0]!)[0]).toEqual([
      'Update README',
      'none',
      'ignored',
      'from the squashed pull request #2: not a Conventional Commit: the header is not `type(scope)?: description`'
    ])
    const none = analyze('squash', ['a', 'Cleanup (#2)\n\n* Update README\n\n* wip\n'])
    expect(none.bump).toBe('none')
    expect(none.decisions[0]).toMatchObject({ status: 'ignored', cause: { kind: 'unconventional' } })
  })

  it('a squash of only what releases nothing releases nothing', () => {
    const { bump, decisions } = analyze('squash', ['a', 'Docs (#3)\n\n* docs: a\n\n* chore: b\n'])
    expect(bump).toBe('none')
    expect(decisions[0]).toMatchObject({ bump: 'none', status: 'no-release', cause: { kind: 'squashed' } })
  })

  it('[skip release] in the message skips the whole squash', () => {
    const { bump, decisions } = analyze('squash', ['a', 'Export (#12)\n\n* feat: x [skip release]\n'])
    expect(bump).toBe('none')
    expect(decisions[0]!.cause).toEqual({ kind: 'skipped' })
  })
})

describe('analyzeCommits with merge-style: squash, reverts', () => {
  it('a commit and its revert in the same pull request change nothing together', () => {
    const message = `Try and back out (#6)\n\n* feat: x\n\n* Revert "feat: x"\n\nThis reverts commit 1234567abcdef.\n\n* fix: y\n`
    const { bump, decisions } = analyze('squash', ['a', message])
    expect(bump).toBe('patch')
    expect(squashed(decisions[0]!).map(([header, b, status]) => [header, b, status])).toEqual([
      ['feat: x', 'none', 'reverted'],
      ['Revert "feat: x"', 'none', 'reverted'],
      ['fix: y', 'patch', 'counted']
    ])
    expect(squashed(decisions[0]!)[0]![3]).toBe(`from the squashed pull request #6: reverted by ${'a'.repeat(7)} in this release`)
  })

  it('only a revert and what it reverts: the squash commit is reverted', () => {
    const { bump, decisions } = analyze('squash', ['a', 'Oops (#6)\n\n* feat: x\n\n* Revert "feat: x"\n'])
    expect(bump).toBe('none')
    expect(decisions[0]!.status).toBe('reverted')
  })

  it("GitHub's revert of the squashed pull request reverts all its commits", () => {
    const { bump, decisions } = analyze('squash', ['b', 'Revert "Add the export endpoint (#12)" (#13)\n\nReverts o/r#12\n'], ['a', EXPORT])
    expect(bump).toBe('none')
    expect(decisions.map((d) => [d.status, describeCommitCause(d.cause)])).toEqual([
      ['reverted', `reverts ${'a'.repeat(7)} of this same release: together they change nothing`],
      ['reverted', `reverted by ${'b'.repeat(7)} in this release`]
    ])
  })

  it('git revert of the squash commit by its sha reverts all its commits too', () => {
    const { bump } = analyze('squash', ['b', `Revert "Add the export endpoint (#12)"\n\nThis reverts commit ${sha('a')}.\n`], ['a', EXPORT])
    expect(bump).toBe('none')
  })

  it('a listed revert cancels a commit of the range outside the squash, found by the header it quotes', () => {
    const { bump, decisions } = analyze('squash', ['b', 'Back out (#9)\n\n* Revert "feat: x (#8)"\n\n* fix: y\n'], ['a', 'feat: x (#8)'])
    expect(bump).toBe('patch')
    expect(decisions[1]).toMatchObject({ status: 'reverted', cause: { kind: 'reverted', by: [sha('b')] } })
  })

  it('a revert of the revert brings the squashed commits back', () => {
    const { bump, decisions } = analyze(
      'squash',
      ['c', 'Reapply "Add the export endpoint (#12)" (#14)'],
      ['b', 'Revert "Add the export endpoint (#12)" (#13)'],
      ['a', EXPORT]
    )
    expect(decisions[2]).toMatchObject({ status: 'counted', bump: 'minor' })
    expect(bump).toBe('minor')
  })
})

describe('analyzeCommits with the other merge styles: nothing changes', () => {
  it.each([undefined, 'merge', 'rebase'] as const)(
    '%s: a title that is not conventional, over bullets that are, is unconventional',
    (style) => {
      const { bump, decisions } = analyze(style, ['a', EXPORT])
      expect(bump).toBe('none')
      expect(decisions[0]).toMatchObject({ bump: 'none', status: 'ignored' })
      expect(describeCommitCause(decisions[0]!.cause)).toBe('not a Conventional Commit: the header is not `type(scope)?: description`')
      expect(eachCommit(decisions[0]!)).toEqual([decisions[0]])
    }
  )

  it.each(['merge', 'rebase'] as const)('%s: the same decisions as without the option, squash commits among them', (style) => {
    const list: [string, string][] = [
      ['c', 'Revert "feat: x"\n\nThis reverts commit ' + sha('a') + '.\n'],
      ['b', EXPORT],
      ['a', 'feat: x']
    ]
    expect(analyze(style, ...list)).toEqual(analyze(undefined, ...list))
  })
})

describe('the plan: merge-style reaches the analysis from the configuration', () => {
  it('squash: the squash commit decides the release', () => {
    expect(makePlan({ commits: [EXPORT], options: { 'merge-style': 'squash' } })).toMatchObject({ kind: 'release', bump: 'minor' })
    expect(makePlan({ commits: [EXPORT] })).toMatchObject({ kind: 'none', reason: 'no-releasable-commits' })
  })

  it('strict: a squash commit read as its commits is no finding; merged, it is one', () => {
    expect(makePlan({ commits: [EXPORT], options: { 'merge-style': 'squash', strict: true } })).toMatchObject({ kind: 'release' })
    expect(makePlan({ commits: [EXPORT], options: { strict: true } })).toMatchObject({
      kind: 'blocked',
      findings: [{ kind: 'non-conventional', header: 'Add the export endpoint (#12)' }]
    })
  })

  it('at 0.y.z, a `!` in a squashed commit is held to minor, naming the squash commit', () => {
    const plan = makePlan({ base: 'v0.4.0', commits: ['Drop v1 (#4)\n\n* feat!: drop v1\n'], options: { 'merge-style': 'squash' } })
    expect(plan).toMatchObject({ bump: 'minor', next: { version: '0.5.0' }, reasons: [{ kind: 'held-by-major-zero' }] })
  })
})
