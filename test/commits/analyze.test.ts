import { describe, expect, it } from 'vitest'
import { analyzeCommits, parseCommit } from '../../src/commits/analyze.js'
import { describeCommitCause } from '../../src/report/commit-causes.js'
import { DEFAULT_RULES, parseReleaseRules } from '../../src/commits/rules.js'

const sha = (c: string): string => c.repeat(40).slice(0, 40)
/** Commits newest first, as git log gives them. */
const commits = (...list: [string, string, number?][]) =>
  list.map(([id, message, parents = 1]) => parseCommit({ sha: sha(id), parents: Array.from({ length: parents }, () => sha('f')), message }))

describe('analyzeCommits', () => {
  it.each([
    ['fix only', [['a', 'fix: a']], 'patch'],
    [
      'feat wins over fix',
      [
        ['b', 'feat(x): b'],
        ['a', 'fix: a']
      ],
      'minor'
    ],
    [
      '! wins',
      [
        ['b', 'docs!: drop old docs'],
        ['a', 'feat: a']
      ],
      'major'
    ],
    ['footer wins', [['a', 'fix: a\n\nBREAKING CHANGE: gone']], 'major'],
    [
      'other types release nothing',
      [
        ['a', 'docs: a'],
        ['b', 'chore: b'],
        ['c', 'ci: c']
      ],
      'none'
    ],
    [
      'non-conventional is ignored',
      [
        ['a', 'Update file'],
        ['b', 'fix: b']
      ],
      'patch'
    ]
  ] as const)('%s', (_, list, bump) => {
    expect(analyzeCommits(commits(...(list as unknown as [string, string][])), DEFAULT_RULES).bump).toBe(bump)
  })

  it('explains each commit', () => {
    const { decisions } = analyzeCommits(
      commits(['b', 'feat(x): b'], ['a', 'Update stuff'], ['m', 'Merge pull request #3 from a/b', 2]),
      DEFAULT_RULES
    )
    expect(decisions.map((d) => [d.bump, d.status, describeCommitCause(d.cause)])).toEqual([
      ['minor', 'counted', 'default rule `feat: minor`'],
      ['none', 'ignored', 'not a Conventional Commit: the header is not `type(scope)?: description`'],
      ['none', 'ignored', 'merge commit: the commits it merges are counted one by one']
    ])
    expect(decisions[2]!.merge).toBe(true)
  })

  it('applies configured rules', () => {
    const { rules } = parseReleaseRules('docs(readme): patch')
    const result = analyzeCommits(commits(['a', 'docs(readme): typo'], ['b', 'docs(api): typo']), rules)
    expect(result.bump).toBe('patch')
    expect(describeCommitCause(result.decisions[0]!.cause)).toBe('release-rules `docs(readme): patch`')
  })

  it('a revert of a commit in the same range cancels both', () => {
    const result = analyzeCommits(
      commits(['c', `Revert "feat: x"\n\nThis reverts commit ${sha('a')}.`], ['b', 'fix: y'], ['a', 'feat: x']),
      DEFAULT_RULES
    )
    expect(result.bump).toBe('patch')
    expect(result.decisions.map((d) => d.status)).toEqual(['reverted', 'counted', 'reverted'])
    expect(describeCommitCause(result.decisions[2]!.cause)).toBe('reverted by ccccccc in this release')
  })

  it('an abbreviated sha finds its commit', () => {
    const result = analyzeCommits(commits(['c', 'revert: x\n\nRefs: aaaaaaa'], ['a', 'feat: x']), DEFAULT_RULES)
    expect(result.bump).toBe('none')
  })

  it('a revert of a revert brings the original back', () => {
    const result = analyzeCommits(
      commits(
        ['d', `Revert "Revert "feat: x""\n\nThis reverts commit ${sha('c')}.`],
        ['c', `Revert "feat: x"\n\nThis reverts commit ${sha('a')}.`],
        ['a', 'feat: x']
      ),
      DEFAULT_RULES
    )
    expect(result.bump).toBe('minor')
    expect(result.decisions.map((d) => d.status)).toEqual(['reverted', 'reverted', 'counted'])
  })

  it('a revert of an already released commit is a patch', () => {
    const result = analyzeCommits(commits(['c', `Revert "feat: x"\n\nThis reverts commit ${sha('9')}.`]), DEFAULT_RULES)
    expect(result.bump).toBe('patch')
    expect(describeCommitCause(result.decisions[0]!.cause)).toContain('released before')
  })

  it('does not mutate its input', () => {
    const input = commits(['a', 'feat: x'])
    const copy = structuredClone(input)
    analyzeCommits(input, DEFAULT_RULES)
    expect(input).toEqual(copy)
  })
})

describe('[skip release]', () => {
  it('a commit that says so releases nothing, and a release of the rest leaves it out of the notes', async () => {
    const { makePlan, REPOSITORY_URL } = await import('../notes/plans.js')
    const { renderNotes } = await import('../../src/notes/release-notes.js')
    const plan = makePlan({ commits: ['feat!: drop the old API [skip release]', 'fix: a bug'] })
    expect(plan).toMatchObject({ kind: 'release', bump: 'patch', next: { version: '1.2.4' } })
    expect(plan.commits.map((c) => [c.status, c.cause.kind])).toEqual([
      ['counted', 'rule'],
      ['no-release', 'skipped']
    ])
    const notes = renderNotes(plan, { repositoryUrl: REPOSITORY_URL })
    expect(notes).toContain('a bug')
    expect(notes).not.toContain('drop the old API')
  })
})
