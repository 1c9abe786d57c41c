import type { RawCommit } from '../git/commits.js'
import { maxBump, type Bump } from './bump.js'
import { parseMessage, type ParsedMessage } from './parse.js'
import { indexRules, type ReleaseRule, type RuleFinder } from './rules.js'

/** A commit with its message read, as it streams from git: the raw text is not kept. */
export interface ParsedCommit {
  readonly sha: string
  /** More than one parent. */
  readonly merge: boolean
  readonly message: ParsedMessage
}

export function parseCommit(commit: RawCommit): ParsedCommit {
  return { sha: commit.sha, merge: commit.parents.length > 1, message: parseMessage(commit.message) }
}

/** What one commit contributes to the release, and why. */
export interface CommitDecision {
  readonly sha: string
  readonly header: string
  readonly merge: boolean
  readonly bump: Bump
  /** One sentence a user can check against the commit: which rule applied, or why none did. */
  readonly reason: string
  readonly status: 'counted' | 'no-release' | 'reverted' | 'ignored'
  readonly message: ParsedMessage
}

export interface Analysis {
  /** Newest first, like `git log`. */
  readonly decisions: readonly CommitDecision[]
  readonly bump: Bump
}

/**
 * Decides every commit's bump. Commits come newest first; reverts are matched oldest
 * first so that a revert of a revert brings the original back.
 */
export function analyzeCommits(parsed: readonly ParsedCommit[], rules: readonly ReleaseRule[]): Analysis {
  const { targetsOf, revertersOf } = matchReverts(parsed)
  // Reverters are newer (smaller index) than their targets, so deciding targets newest
  // first knows every reverter's own fate in time: a revert of a revert brings it back.
  const inactive = new Set<number>()
  for (const j of [...revertersOf.keys()].sort((a, b) => a - b)) {
    if (revertersOf.get(j)!.some((r) => !inactive.has(r))) inactive.add(j)
  }
  const short = (index: number): string => parsed[index]!.sha.slice(0, 7)
  const findRule = indexRules(rules)

  let bump: Bump = 'none'
  const decisions = parsed.map(({ sha, merge, message }, i): CommitDecision => {
    let verdict: Verdict
    const targets = targetsOf.get(i)
    if (inactive.has(i)) {
      const by = revertersOf.get(i)!.filter((r) => !inactive.has(r))
      verdict = { bump: 'none', status: 'reverted', reason: `reverted by ${by.map(short).join(', ')} in this release` }
    } else if (targets && message.kind !== 'unconventional' && targets.length === message.reverts.length) {
      verdict = {
        bump: 'none',
        status: 'reverted',
        reason: `reverts ${targets.map(short).join(', ')} of this same release: together they change nothing`
      }
    } else {
      verdict = decide(message, findRule, merge)
      bump = maxBump(bump, verdict.bump)
    }
    return { sha, header: message.header, merge, message, bump: verdict.bump, status: verdict.status, reason: verdict.reason }
  })
  return { decisions, bump }
}

/** For each revert, the commits of this range it reverts; and the other way round. */
function matchReverts(parsed: readonly ParsedCommit[]): { targetsOf: Map<number, number[]>; revertersOf: Map<number, number[]> } {
  const targetsOf = new Map<number, number[]>()
  const revertersOf = new Map<number, number[]>()
  const reverts = parsed.flatMap((p, i) => (p.message.kind !== 'unconventional' && p.message.reverts.length > 0 ? [i] : []))
  if (reverts.length === 0) return { targetsOf, revertersOf }
  const bySha = new Map(parsed.map((p, i) => [p.sha, i]))
  for (const i of reverts) {
    const message = parsed[i]!.message
    if (message.kind === 'unconventional') continue
    const targets = message.reverts.map((t) => findCommit(bySha, t)).filter((j): j is number => j !== undefined && j > i)
    if (targets.length === 0) continue
    targetsOf.set(i, targets)
    for (const j of targets) revertersOf.set(j, [...(revertersOf.get(j) ?? []), i])
  }
  return { targetsOf, revertersOf }
}

type Verdict = Pick<CommitDecision, 'bump' | 'reason' | 'status'>

function decide(message: ParsedMessage, findRule: RuleFinder, merge: boolean): Verdict {
  switch (message.kind) {
    case 'unconventional':
      return {
        bump: 'none',
        status: 'ignored',
        reason: merge ? 'merge commit: the commits it merges are counted one by one' : `not a Conventional Commit: ${message.why}`
      }
    case 'revert':
      return {
        bump: 'patch',
        status: 'counted',
        reason: `reverts ${message.reverts.map((s) => s.slice(0, 7)).join(', ')}, released before: patch`
      }
    case 'conventional': {
      if (message.bang) return { bump: 'major', status: 'counted', reason: 'breaking change (`!` in the header): major' }
      if (message.breakingNotes.length > 0)
        return { bump: 'major', status: 'counted', reason: 'breaking change (`BREAKING CHANGE:` footer): major' }
      const rule = findRule(message.type, message.scope)
      if (rule) return { bump: rule.bump, status: rule.bump === 'none' ? 'no-release' : 'counted', reason: rule.reason }
      if (message.type === 'revert') return { bump: 'patch', status: 'counted', reason: 'a revert of something released before: patch' }
      return { bump: 'none', status: 'no-release', reason: `type \`${message.type}\` has no release rule: no release` }
    }
  }
}

/** Finds a commit by a full or abbreviated sha, as revert messages write them. */
function findCommit(bySha: ReadonlyMap<string, number>, sha: string): number | undefined {
  const exact = bySha.get(sha)
  if (exact !== undefined || sha.length >= 40) return exact
  for (const [full, index] of bySha) if (full.startsWith(sha)) return index
  return undefined
}
