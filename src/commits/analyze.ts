import type { RawCommit } from '../git/commits.js'
import { maxBump, type Bump } from './bump.js'
import { parseMessage, type ParsedMessage } from './parse.js'
import { findRule, type ReleaseRule } from './rules.js'

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
export function analyzeCommits(commits: readonly RawCommit[], rules: readonly ReleaseRule[]): Analysis {
  const parsed = commits.map((commit) => ({ commit, message: parseMessage(commit.message) }))
  const bySha = new Map(parsed.map((p, i) => [p.commit.sha, i]))

  // Targets in this range of each revert, and the reverts of each commit. Reverts are newer
  // than what they revert, so walking newest first knows every reverter's fate in time.
  const inRange = parsed.map(({ message }, i) =>
    message.kind === 'unconventional' ? [] : message.reverts.map((t) => findCommit(bySha, t)).filter((j): j is number => j !== undefined && j > i)
  )
  const reverters = parsed.map((): number[] => [])
  inRange.forEach((targets, i) => targets.forEach((j) => reverters[j]!.push(i)))
  const active: boolean[] = []
  parsed.forEach((_, i) => (active[i] = !reverters[i]!.some((r) => active[r])))

  let bump: Bump = 'none'
  const decisions = parsed.map(({ commit, message }, i): CommitDecision => {
    const base = { sha: commit.sha, header: message.header, merge: commit.parents.length > 1, message }
    if (!active[i]) {
      const by = reverters[i]!.filter((r) => active[r]).map(short)
      return { ...base, bump: 'none', status: 'reverted', reason: `reverted by ${by.join(', ')} in this release` }
    }
    const targets = inRange[i]!
    if (targets.length > 0 && message.kind !== 'unconventional' && targets.length === message.reverts.length) {
      return { ...base, bump: 'none', status: 'reverted', reason: `reverts ${targets.map(short).join(', ')} of this same release: together they change nothing` }
    }
    const decided = decide(message, rules, base.merge)
    bump = maxBump(bump, decided.bump)
    return { ...base, ...decided }
  })
  return { decisions, bump }

  function short(index: number): string {
    return parsed[index]!.commit.sha.slice(0, 7)
  }
}

function decide(message: ParsedMessage, rules: readonly ReleaseRule[], merge: boolean): Pick<CommitDecision, 'bump' | 'reason' | 'status'> {
  switch (message.kind) {
    case 'unconventional':
      return { bump: 'none', status: 'ignored', reason: merge ? 'merge commit: the commits it merges are counted one by one' : `not a Conventional Commit: ${message.why}` }
    case 'revert':
      return { bump: 'patch', status: 'counted', reason: `reverts ${message.reverts.map((s) => s.slice(0, 7)).join(', ')}, released before: patch` }
    case 'conventional': {
      if (message.bang) return { bump: 'major', status: 'counted', reason: 'breaking change (`!` in the header): major' }
      if (message.breakingNotes.length > 0) return { bump: 'major', status: 'counted', reason: 'breaking change (`BREAKING CHANGE:` footer): major' }
      const rule = findRule(rules, message.type, message.scope)
      if (rule) {
        const origin = rule.origin === 'default' ? 'default rule' : 'release-rules'
        return { bump: rule.bump, status: rule.bump === 'none' ? 'no-release' : 'counted', reason: `${origin} \`${rule.text}\`` }
      }
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
