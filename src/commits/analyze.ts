import type { RawCommit } from '../git/commits.js'
import { maxBump, type Bump } from './bump.js'
import { parseMessage, type ParsedMessage } from './parse.js'
import { indexRules, type ReleaseRule } from './rules.js'

/** A commit with its message read, as it streams from git: the raw text is not kept. */
export interface ParsedCommit {
  readonly sha: string
  /** More than one parent. */
  readonly merge: boolean
  readonly message: ParsedMessage
  /** `[skip release]` or `[release skip]` in the message: the commit releases nothing, as semantic-release reads it. */
  readonly skip?: boolean
}

const SKIP_RELEASE = /\[(?:skip release|release skip)\]/i

export function parseCommit(commit: RawCommit): ParsedCommit {
  const parsed = { sha: commit.sha, merge: commit.parents.length > 1, message: parseMessage(commit.message) }
  return SKIP_RELEASE.test(commit.message) ? { ...parsed, skip: true } : parsed
}

/**
 * Why a commit calls for its bump: which rule applied, or why none did. Values a report
 * renders; the ones most commits share are shared objects, so a renderer may cache by identity.
 */
export type CommitCause =
  | { readonly kind: 'rule'; readonly rule: ReleaseRule }
  | { readonly kind: 'no-rule'; readonly type: string }
  | { readonly kind: 'breaking'; readonly marker: 'bang' | 'footer' }
  /** A revert of commits released before: they come out again, a patch. */
  | { readonly kind: 'reverts-released'; readonly shas: readonly string[] }
  /** A revert naming no commit: of type `revert`, or GitHub's `Revert "…" (#12)` whose reverted header is not in this range. */
  | { readonly kind: 'revert-type' }
  | { readonly kind: 'reverted'; readonly by: readonly string[] }
  /** Reverts commits of this same release: together they change nothing. */
  | { readonly kind: 'reverts-in-range'; readonly shas: readonly string[] }
  | { readonly kind: 'merge' }
  /** `[skip release]` in its message. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unconventional'; readonly why: string }

/** What one commit contributes to the release, and why. */
export interface CommitDecision {
  readonly sha: string
  readonly header: string
  readonly merge: boolean
  readonly bump: Bump
  readonly cause: CommitCause
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
  const shaOf = (index: number): string => parsed[index]!.sha
  const findRule = indexRules(rules)
  const ruleCauses = new Map(rules.map((rule) => [rule, { kind: 'rule', rule } as const]))

  let bump: Bump = 'none'
  const decisions = parsed.map(({ sha, merge, message, skip }, i): CommitDecision => {
    let verdict: Verdict
    const targets = targetsOf.get(i)
    if (skip) {
      verdict = { bump: 'none', status: 'no-release', cause: SKIPPED }
    } else if (inactive.has(i)) {
      const by = revertersOf.get(i)!.filter((r) => !inactive.has(r))
      verdict = { bump: 'none', status: 'reverted', cause: { kind: 'reverted', by: by.map(shaOf) } }
    } else if (targets && message.kind !== 'unconventional' && targets.length === Math.max(1, message.reverts.length)) {
      // Every commit it names is in this range; or it names none, and its quoted header was found.
      verdict = { bump: 'none', status: 'reverted', cause: { kind: 'reverts-in-range', shas: targets.map(shaOf) } }
    } else {
      verdict = decide(
        message,
        (type, scope) => {
          const rule = findRule(type, scope)
          return rule && { rule, cause: ruleCauses.get(rule)! }
        },
        merge
      )
      bump = maxBump(bump, verdict.bump)
    }
    return { sha, header: message.header, merge, message, bump: verdict.bump, status: verdict.status, cause: verdict.cause }
  })
  return { decisions, bump }
}

/**
 * For each revert, the commits of this range it reverts; and the other way round. A revert
 * that names commits is matched by sha; one that names none (GitHub's `Revert "…" (#12)`
 * title alone) by the header it quotes.
 */
function matchReverts(parsed: readonly ParsedCommit[]): { targetsOf: Map<number, number[]>; revertersOf: Map<number, number[]> } {
  const targetsOf = new Map<number, number[]>()
  const revertersOf = new Map<number, number[]>()
  const reverts = parsed.flatMap((p, i) =>
    p.message.kind === 'revert' || (p.message.kind === 'conventional' && p.message.reverts.length > 0) ? [i] : []
  )
  if (reverts.length === 0) return { targetsOf, revertersOf }
  const bySha = new Map(parsed.map((p, i) => [p.sha, i]))
  let headers: HeaderIndex | null = null
  for (const i of reverts) {
    const message = parsed[i]!.message
    if (message.kind === 'unconventional') continue
    let targets: number[]
    if (message.reverts.length > 0) {
      targets = message.reverts.map((t) => findCommit(bySha, t)).filter((j): j is number => j !== undefined && j > i)
    } else if (message.kind === 'revert') {
      headers ??= indexHeaders(parsed)
      const j = findByHeader(headers, message.revertedHeader, message.revertedPullRequests, i)
      targets = j === undefined ? [] : [j]
    } else continue
    if (targets.length === 0) continue
    targetsOf.set(i, targets)
    for (const j of targets) revertersOf.set(j, [...(revertersOf.get(j) ?? []), i])
  }
  return { targetsOf, revertersOf }
}

/** The commits of a range by header, and by header without the ` (#12)` a merge or squash adds; each newest first. */
interface HeaderIndex {
  readonly exact: ReadonlyMap<string, readonly number[]>
  readonly bare: ReadonlyMap<string, readonly number[]>
}

const PULL_REQUEST_SUFFIX = / \(#\d+\)$/

function indexHeaders(parsed: readonly ParsedCommit[]): HeaderIndex {
  const exact = new Map<string, number[]>()
  const bare = new Map<string, number[]>()
  const add = (map: Map<string, number[]>, key: string, index: number): void => {
    const list = map.get(key)
    if (list) list.push(index)
    else map.set(key, [index])
  }
  parsed.forEach((p, i) => {
    const header = p.message.header
    add(exact, header, i)
    const suffix = PULL_REQUEST_SUFFIX.exec(header)
    if (suffix) add(bare, header.slice(0, suffix.index), i)
  })
  return { exact, bare }
}

/**
 * The newest commit older than the revert at `after` with the header it quotes. GitHub's
 * revert pull request quotes the reverted pull request's title, which its squash or merge
 * commit has with ` (#n)` after it: the one its description names first, then any.
 */
function findByHeader(headers: HeaderIndex, quoted: string, pullRequests: readonly string[], after: number): number | undefined {
  const candidates = [
    headers.exact.get(quoted),
    ...pullRequests.map((n) => headers.exact.get(`${quoted} (#${n})`)),
    headers.bare.get(quoted)
  ]
  for (const list of candidates) {
    const found = list && firstAfter(list, after)
    if (found !== undefined) return found
  }
  return undefined
}

/** The first index in an ascending list greater than `after`. */
function firstAfter(list: readonly number[], after: number): number | undefined {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]! > after) high = middle
    else low = middle + 1
  }
  return list[low]
}

type Verdict = Pick<CommitDecision, 'bump' | 'cause' | 'status'>
type FindCause = (type: string, scope: string | null) => { rule: ReleaseRule; cause: CommitCause } | null

// Shared by every commit they describe.
const MERGE: CommitCause = { kind: 'merge' }
const SKIPPED: CommitCause = { kind: 'skipped' }
const BANG: CommitCause = { kind: 'breaking', marker: 'bang' }
const FOOTER: CommitCause = { kind: 'breaking', marker: 'footer' }
const REVERT_TYPE: CommitCause = { kind: 'revert-type' }
const NO_RULE = new Map<string, CommitCause>()

function decide(message: ParsedMessage, findRule: FindCause, merge: boolean): Verdict {
  switch (message.kind) {
    case 'unconventional':
      return { bump: 'none', status: 'ignored', cause: merge ? MERGE : { kind: 'unconventional', why: message.why } }
    case 'revert':
      // GitHub's title alone names no commit: what it reverts was released before.
      if (message.reverts.length === 0) return { bump: 'patch', status: 'counted', cause: REVERT_TYPE }
      return { bump: 'patch', status: 'counted', cause: { kind: 'reverts-released', shas: message.reverts } }
    case 'conventional': {
      if (message.bang) return { bump: 'major', status: 'counted', cause: BANG }
      if (message.breakingNotes.length > 0) return { bump: 'major', status: 'counted', cause: FOOTER }
      const found = findRule(message.type, message.scope)
      if (found) return { bump: found.rule.bump, status: found.rule.bump === 'none' ? 'no-release' : 'counted', cause: found.cause }
      if (message.type === 'revert') return { bump: 'patch', status: 'counted', cause: REVERT_TYPE }
      let cause = NO_RULE.get(message.type)
      if (cause === undefined) NO_RULE.set(message.type, (cause = { kind: 'no-rule', type: message.type }))
      return { bump: 'none', status: 'no-release', cause }
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
