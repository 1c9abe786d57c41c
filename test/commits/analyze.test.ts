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

  it('a revert without a sha or a match in this range is a patch for what was released before', () => {
    const result = analyzeCommits(commits(['c', 'Revert "feat: x" (#13)\n\nReverts acme/app#12']), DEFAULT_RULES)
    expect(result.bump).toBe('patch')
    expect(describeCommitCause(result.decisions[0]!.cause)).toBe('a revert of something released before: patch')
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

describe("analyzeCommits: GitHub's revert pull requests", () => {
  const statuses = (result: ReturnType<typeof analyzeCommits>): string[] => result.decisions.map((d) => d.status)

  // Newest first: the revert, then what else the range holds. The original is `a`, `feat: x` squash-merged as #12.
  it.each([
    ['the title alone', ['Revert "feat: x" (#13)']],
    ['trailing spaces', ['Revert "feat: x" (#13)  \n']],
    ['the sha of a squash of one commit', [`Revert "feat: x" (#13)\n\nThis reverts commit ${sha('a')}.`]],
    ["GitHub's commit list", [`Revert "feat: x" (#13)\n\n* Revert "feat: x (#12)"\n\nThis reverts commit ${sha('a')}.\n`]],
    ['the description', ['Revert "feat: x" (#13)\n\nReverts acme/app#12\n']],
    ['no number in the title', ['Revert "feat: x"\n\nReverts acme/app#12\n']],
    ['the squashed header quoted', ['Revert "feat: x (#12)" (#13)']]
  ])('%s: the revert and the reverted commit cancel out', (_, [revert]) => {
    const result = analyzeCommits(commits(['c', revert!], ['b', 'fix: y (#11)'], ['a', 'feat: x (#12)']), DEFAULT_RULES)
    expect(result.bump).toBe('patch')
    expect(statuses(result)).toEqual(['reverted', 'counted', 'reverted'])
    expect(describeCommitCause(result.decisions[0]!.cause)).toBe('reverts aaaaaaa of this same release: together they change nothing')
    expect(describeCommitCause(result.decisions[2]!.cause)).toBe('reverted by ccccccc in this release')
  })

  it('matches a header exactly when the original was not squashed', () => {
    const result = analyzeCommits(commits(['c', 'Revert "feat(api): x" (#13)'], ['a', 'feat(api): x']), DEFAULT_RULES)
    expect(result.bump).toBe('none')
    expect(statuses(result)).toEqual(['reverted', 'reverted'])
  })

  it('a merge commit titled by GitHub and the revert commit it merges both cancel the original', () => {
    const result = analyzeCommits(
      commits(
        ['m', 'Revert "feat: x" (#13)\n\nReverts acme/app#12', 2],
        ['c', `Revert "feat: x (#12)"\n\nThis reverts commit ${sha('a')}.`],
        ['a', 'feat: x (#12)']
      ),
      DEFAULT_RULES
    )
    expect(result.bump).toBe('none')
    expect(statuses(result)).toEqual(['reverted', 'reverted', 'reverted'])
  })

  it('takes the pull request the description names, among commits of the same title', () => {
    const result = analyzeCommits(
      commits(['d', 'Revert "feat: x" (#16)\n\nReverts acme/app#12'], ['b', 'feat: x (#15)'], ['a', 'feat: x (#12)']),
      DEFAULT_RULES
    )
    expect(statuses(result)).toEqual(['reverted', 'counted', 'reverted'])
  })

  it('else the newest older commit of that header, so each revert of a change landed twice takes its own', () => {
    const result = analyzeCommits(
      commits(['d', 'Revert "feat: x" (#16)'], ['c', 'feat: x (#15)'], ['b', 'Revert "feat: x" (#13)'], ['a', 'feat: x (#12)']),
      DEFAULT_RULES
    )
    expect(result.bump).toBe('none')
    expect(result.decisions.map((d) => d.cause.kind === 'reverts-in-range' && d.cause.shas)).toEqual([[sha('c')], false, [sha('a')], false])
  })

  it('a sha in the body decides: a revert of a commit released before does not cancel one of the same header', () => {
    const result = analyzeCommits(
      commits(['c', `Revert "feat: x" (#13)\n\nThis reverts commit ${sha('9')}.`], ['a', 'feat: x']),
      DEFAULT_RULES
    )
    expect(result.bump).toBe('minor')
    expect(statuses(result)).toEqual(['counted', 'counted'])
    expect(describeCommitCause(result.decisions[0]!.cause)).toBe('reverts 9999999, released before: patch')
  })

  it('reverts only an older commit', () => {
    const result = analyzeCommits(commits(['b', 'feat: x'], ['a', 'Revert "feat: x" (#13)']), DEFAULT_RULES)
    expect(result.bump).toBe('minor')
    expect(statuses(result)).toEqual(['counted', 'counted'])
  })

  it.each([
    ['by title', 'Revert "Revert "feat: x"" (#14)\n\nReverts acme/app#13', 'Revert "feat: x" (#13)\n\nReverts acme/app#12'],
    ['by title alone', 'Revert "Revert "feat: x"" (#14)', 'Revert "feat: x" (#13)'],
    ['by sha', `Revert "Revert "feat: x"" (#14)\n\nThis reverts commit ${sha('b')}.`, 'Revert "feat: x" (#13)'],
    ["git's Reapply", 'Reapply "feat: x" (#14)', 'Revert "feat: x" (#13)']
  ])('a revert of a revert, %s, brings the original back', (_, again, revert) => {
    const result = analyzeCommits(commits(['c', again], ['b', revert], ['a', 'feat: x (#12)']), DEFAULT_RULES)
    expect(result.bump).toBe('minor')
    expect(statuses(result)).toEqual(['reverted', 'reverted', 'counted'])
  })

  it.each([
    ['the title alone', 'Revert "feat: x" (#13)', 'a revert of something released before: patch'],
    ['the description', 'Revert "feat: x" (#13)\n\nReverts acme/app#12', 'a revert of something released before: patch'],
    ['a sha', `Revert "feat: x" (#13)\n\nThis reverts commit ${sha('9')}.`, 'reverts 9999999, released before: patch']
  ])('a revert of a commit released before, %s, is a patch', (_, revert, cause) => {
    const result = analyzeCommits(commits(['c', revert], ['b', 'docs: y']), DEFAULT_RULES)
    expect(result.bump).toBe('patch')
    expect(result.decisions[0]).toMatchObject({ bump: 'patch', status: 'counted' })
    expect(describeCommitCause(result.decisions[0]!.cause)).toBe(cause)
  })
})
