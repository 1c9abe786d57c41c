import { describe, expect, it } from 'vitest'
import { analyzeCommits, parseCommit, type CommitCause } from '../../src/commits/analyze.js'
import { DEFAULT_RULES, parseReleaseRules } from '../../src/commits/rules.js'
import type { MergeStyle } from '../../src/commits/squash.js'
import { cacheCommitCauses, describeCommitCause } from '../../src/report/commit-causes.js'

const sha = (c: string) => c.repeat(40)

/** Commits newest first, as git lists them; each made by the real parser. */
function decide(list: readonly [string, string, number?][], rules = DEFAULT_RULES, mergeStyle: MergeStyle = 'merge') {
  const commits = list.map(([id, message, parents = 1]) =>
    parseCommit({ sha: sha(id), parents: Array.from({ length: parents }, () => sha('f')), message })
  )
  return analyzeCommits(commits, rules, { mergeStyle }).decisions
}

describe('describeCommitCause', () => {
  const custom = parseReleaseRules('docs(readme): patch').rules
  const table: [CommitCause['kind'], readonly [string, string, number?][], number, string, MergeStyle?][] = [
    ['rule', [['a', 'feat: x']], 0, 'default rule `feat: minor`'],
    ['rule', [['a', 'docs(readme): x']], 0, 'release-rules `docs(readme): patch`'],
    ['no-rule', [['a', 'chore: x']], 0, 'type `chore` has no release rule: no release'],
    ['breaking', [['a', 'feat!: x']], 0, 'breaking change (`!` in the header): major'],
    ['breaking', [['a', 'fix: x\n\nBREAKING CHANGE: y']], 0, 'breaking change (`BREAKING CHANGE:` footer): major'],
    ['reverts-released', [['a', `Revert "feat: x"\n\nThis reverts commit ${sha('9')}.`]], 0, 'reverts 9999999, released before: patch'],
    ['revert-type', [['a', 'revert: undo x']], 0, 'a revert of something released before: patch'],
    [
      'reverted',
      [
        ['b', `Revert "feat: x"\n\nThis reverts commit ${sha('a')}.`],
        ['a', 'feat: x']
      ],
      1,
      'reverted by bbbbbbb in this release'
    ],
    [
      'reverts-in-range',
      [
        ['b', `Revert "feat: x"\n\nThis reverts commit ${sha('a')}.`],
        ['a', 'feat: x']
      ],
      0,
      'reverts aaaaaaa of this same release: together they change nothing'
    ],
    ['merge', [['a', "Merge branch 'x'", 2]], 0, 'merge commit: the commits it merges are counted one by one'],
    ['skipped', [['a', 'feat: x [skip release]']], 0, '`[skip release]` in the message: no release'],
    ['skipped', [['a', 'fix!: y\n\nBody. [Release Skip]']], 0, '`[skip release]` in the message: no release'],
    ['unconventional', [['a', 'update things']], 0, 'not a Conventional Commit: '],
    [
      'squashed',
      [['a', 'Add export (#12)\n\n* feat: export\n\n* fix: names\n\nBREAKING CHANGE: y\n']],
      0,
      'squashed pull request #12: read as the 2 commits its message lists; 1 `BREAKING CHANGE:` footer ignored',
      'squash'
    ],
    ['squashed', [['a', 'Add export\n\n* feat: export\n']], 0, 'squashed pull request: read as the commit its message lists', 'squash']
  ]
  it.each(table)('%s: %s', (kind, list, index, sentence, mergeStyle) => {
    const decision = decide(list, [...DEFAULT_RULES, ...custom], mergeStyle)[index]!
    expect(decision.cause.kind).toBe(kind)
    expect(describeCommitCause(decision.cause)).toContain(sentence)
  })

  it('every kind of cause has a case above', () => {
    const kinds: Record<CommitCause['kind'], true> = {
      rule: true,
      'no-rule': true,
      breaking: true,
      'reverts-released': true,
      'revert-type': true,
      reverted: true,
      'reverts-in-range': true,
      merge: true,
      skipped: true,
      unconventional: true,
      squashed: true
    }
    expect(new Set(table.map(([kind]) => kind))).toEqual(new Set(Object.keys(kinds)))
  })

  it('the cached renderer says the same, and shares the causes most commits have', () => {
    const decisions = decide([
      ['a', 'feat: one'],
      ['b', 'feat: two'],
      ['c', 'chore: three'],
      ['d', 'chore: four']
    ])
    expect(decisions[0]!.cause).toBe(decisions[1]!.cause)
    expect(decisions[2]!.cause).toBe(decisions[3]!.cause)
    const describe = cacheCommitCauses()
    for (const d of decisions) expect(describe(d.cause)).toBe(describeCommitCause(d.cause))
  })
})
