import type { RawCommit } from '../git/commits.js'
import { maxBump, type Bump } from './bump.js'
import { parseMessage, type ParsedMessage } from './parse.js'
import { indexRules, type ReleaseRule } from './rules.js'
import { readSquashMessage, type IgnoredBreaking, type MergeStyle, type SquashReading } from './squash.js'

/** A commit with its message read, as it streams from git: the raw text is not kept. */
export interface ParsedCommit {
  readonly sha: string
  /** More than one parent. */
  readonly merge: boolean
  readonly message: ParsedMessage
  /** `[skip release]` or `[release skip]` in the message: the commit releases nothing, as semantic-release reads it. */
  readonly skip?: boolean
  /**
   * The commits a squash commit's message lists, when its title is not a Conventional Commit.
   * Read whatever the merge style, since the raw text is not kept: analysis decides whether they count.
   */
  readonly squash?: SquashReading
}

const SKIP_RELEASE = /\[(?:skip release|release skip)\]/i

export function parseCommit(commit: RawCommit): ParsedCommit {
  const merge = commit.parents.length > 1
  const message = parseMessage(commit.message)
  const parsed: ParsedCommit = { sha: commit.sha, merge, message }
  if (SKIP_RELEASE.test(commit.message)) return { ...parsed, skip: true }
  // A merge commit's branch commits are in the range themselves.
  const squash = message.kind === 'unconventional' && !merge ? readSquashMessage(commit.message) : null
  return squash ? { ...parsed, squash } : parsed
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
  /**
   * With `merge-style: squash`, a squash commit whose title is not a Conventional Commit: it
   * is the commits its message lists, and calls for the largest of their bumps.
   */
  | {
      readonly kind: 'squashed'
      /** From the title's ` (#12)`; null when it has none. */
      readonly pullRequest: number | null
      /** Oldest first, as the message lists them. */
      readonly commits: readonly SquashedDecision[]
      readonly ignored: readonly IgnoredBreaking[]
    }

/** Why one commit calls for its bump, as a commit of a squashed pull request can. */
export type OwnCause = Exclude<CommitCause, { readonly kind: 'merge' | 'skipped' | 'squashed' }>

export type DecisionStatus = 'counted' | 'no-release' | 'reverted' | 'ignored'

/** What one commit contributes to the release, and why. */
export interface CommitDecision {
  readonly sha: string
  readonly header: string
  readonly merge: boolean
  readonly bump: Bump
  readonly cause: CommitCause
  readonly status: DecisionStatus
  readonly message: ParsedMessage
}

/** One commit of a squashed pull request, as a bullet of the squash commit's message names it. */
export interface SquashedDecision {
  readonly header: string
  readonly bump: Bump
  readonly cause: OwnCause
  readonly status: DecisionStatus
  readonly message: ParsedMessage
}

/** A commit as it counts: a commit itself, or a commit of a squashed pull request with the squash commit's sha. */
export interface DecidedCommit {
  readonly sha: string
  readonly header: string
  readonly bump: Bump
  readonly cause: CommitCause
  readonly status: DecisionStatus
  readonly message: ParsedMessage
}

/** The commits a decision stands for: itself, or each commit of the pull request it squashed. */
export function eachCommit(decision: CommitDecision): readonly DecidedCommit[] {
  if (decision.cause.kind !== 'squashed') return [decision]
  const { sha } = decision
  return decision.cause.commits.map((c) => ({ sha, header: c.header, bump: c.bump, cause: c.cause, status: c.status, message: c.message }))
}

export interface AnalyzeOptions {
  /** How pull requests land; with `squash`, squash commits are read as the commits they list. Default `merge`. */
  readonly mergeStyle?: MergeStyle
}

export interface Analysis {
  /** Newest first, like `git log`. */
  readonly decisions: readonly CommitDecision[]
  readonly bump: Bump
}

/**
 * Decides every commit's bump. Commits come newest first; reverts are matched oldest
 * first so that a revert of a revert brings the original back. With `merge-style: squash`
 * the commits a squash commit lists are matched one by one, as if they had landed.
 */
export function analyzeCommits(parsed: readonly ParsedCommit[], rules: readonly ReleaseRule[], options: AnalyzeOptions = {}): Analysis {
  const { entries, at } = listEntries(parsed, options.mergeStyle === 'squash')
  const { targetsOf, revertersOf } = matchReverts(entries)
  // Reverters are newer (smaller index) than their targets, and a squash commit comes before
  // the commits it lists: deciding in index order knows every reverter's own fate in time, so
  // a revert of a revert brings the original back, and a reverted squash takes its commits along.
  const inactive = new Set<number>()
  if (revertersOf.size > 0) {
    for (let j = 0; j < entries.length; j++) {
      const { within } = entries[j]!
      if ((within !== undefined && inactive.has(within)) || revertersOf.get(j)?.some((r) => !inactive.has(r))) inactive.add(j)
    }
  }
  const shaOf = (index: number): string => entries[index]!.sha
  const findRule = indexRules(rules)
  const ruleCauses = new Map(rules.map((rule) => [rule, { kind: 'rule', rule } as const]))
  const findCause: FindCause = (type, scope) => {
    const rule = findRule(type, scope)
    return rule && { rule, cause: ruleCauses.get(rule)! }
  }
  const judge = (index: number, message: ParsedMessage): Verdict<OwnCause> => {
    if (inactive.has(index)) {
      const by = revertersOf.get(index)!.filter((r) => !inactive.has(r))
      return { bump: 'none', status: 'reverted', cause: { kind: 'reverted', by: by.map(shaOf) } }
    }
    const targets = targetsOf.get(index)
    if (targets && message.kind !== 'unconventional' && targets.length === Math.max(1, message.reverts.length)) {
      // Every commit it names is in this range; or it names none, and its quoted header was found.
      return { bump: 'none', status: 'reverted', cause: { kind: 'reverts-in-range', shas: targets.map(shaOf) } }
    }
    return decide(message, findCause)
  }

  let bump: Bump = 'none'
  const decisions = parsed.map(({ sha, merge, message, skip, squash }, i): CommitDecision => {
    const entry = at === null ? i : at[i]!
    let verdict: Verdict<CommitCause>
    if (skip) verdict = { bump: 'none', status: 'no-release', cause: SKIPPED }
    else if (merge && message.kind === 'unconventional' && !inactive.has(entry)) verdict = { bump: 'none', status: 'ignored', cause: MERGE }
    else if (squash && entries[entry + 1]?.within === entry && !inactive.has(entry)) verdict = decideSquash(squash, entry, judge)
    else verdict = judge(entry, message)
    bump = maxBump(bump, verdict.bump)
    return { sha, header: message.header, merge, message, bump: verdict.bump, status: verdict.status, cause: verdict.cause }
  })
  return { decisions, bump }
}

/** One commit as reverts are matched: a commit of the range, or a commit a squash commit lists. */
interface Entry {
  readonly sha: string
  readonly message: ParsedMessage
  /** For a commit a squash commit lists: the squash commit's entry. */
  readonly within?: number
}

/**
 * The commits as reverts are matched: each commit of the range, followed, when it is a squash
 * to read, by the commits it lists, newest first like the range. `at`: each commit's entry;
 * null when the entries are the commits.
 */
function listEntries(parsed: readonly ParsedCommit[], squashed: boolean): { entries: readonly Entry[]; at: readonly number[] | null } {
  if (!squashed || !parsed.some((p) => p.squash && !p.skip)) return { entries: parsed, at: null }
  const entries: Entry[] = []
  const at: number[] = []
  for (const p of parsed) {
    const within = entries.length
    at.push(within)
    entries.push(p)
    if (!p.squash || p.skip) continue
    const { commits } = p.squash
    for (let k = commits.length - 1; k >= 0; k--) entries.push({ sha: p.sha, message: commits[k]!, within })
  }
  return { entries, at }
}

/** A squash commit read as the commits it lists: each decided as a commit, the largest bump theirs. */
function decideSquash(
  squash: SquashReading,
  entry: number,
  judge: (index: number, message: ParsedMessage) => Verdict<OwnCause>
): Verdict<CommitCause> {
  const last = squash.commits.length
  // Listed oldest first, entered newest first after the squash commit's own entry.
  const commits = squash.commits.map((message, k): SquashedDecision => ({
    header: message.header,
    message,
    ...judge(entry + last - k, message)
  }))
  let bump: Bump = 'none'
  for (const c of commits) bump = maxBump(bump, c.bump)
  const status = commits.some((c) => c.status === 'counted')
    ? 'counted'
    : commits.every((c) => c.status === 'reverted')
      ? 'reverted'
      : 'no-release'
  return { bump, status, cause: { kind: 'squashed', pullRequest: squash.pullRequest, commits, ignored: squash.ignored } }
}

/**
 * For each revert, the commits of this range it reverts; and the other way round. A revert
 * that names commits is matched by sha; one that names none (GitHub's `Revert "…" (#12)`
 * title alone) by the header it quotes.
 */
function matchReverts(entries: readonly Entry[]): { targetsOf: Map<number, number[]>; revertersOf: Map<number, number[]> } {
  const targetsOf = new Map<number, number[]>()
  const revertersOf = new Map<number, number[]>()
  const reverts = entries.flatMap((p, i) =>
    p.message.kind === 'revert' || (p.message.kind === 'conventional' && p.message.reverts.length > 0) ? [i] : []
  )
  if (reverts.length === 0) return { targetsOf, revertersOf }
  // A sha names the commit; the commits a squash lists have none of their own in this history.
  const bySha = new Map<string, number>()
  entries.forEach((p, i) => {
    if (p.within === undefined) bySha.set(p.sha, i)
  })
  let headers: HeaderIndex | null = null
  for (const i of reverts) {
    const { message, within } = entries[i]!
    if (message.kind === 'unconventional') continue
    let targets: number[] = []
    if (message.reverts.length > 0) {
      targets = message.reverts.map((t) => findCommit(bySha, t)).filter((j): j is number => j !== undefined && j > i)
    }
    // A listed commit's `This reverts commit …` names a commit of the pull request's branch,
    // which the squash left out of this history: the header it quotes finds it instead.
    if (message.kind === 'revert' && (message.reverts.length === 0 || (targets.length === 0 && within !== undefined))) {
      headers ??= indexHeaders(entries)
      const j = findByHeader(headers, message.revertedHeader, message.revertedPullRequests, i)
      targets = j === undefined ? [] : [j]
    }
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

function indexHeaders(entries: readonly Entry[]): HeaderIndex {
  const exact = new Map<string, number[]>()
  const bare = new Map<string, number[]>()
  const add = (map: Map<string, number[]>, key: string, index: number): void => {
    const list = map.get(key)
    if (list) list.push(index)
    else map.set(key, [index])
  }
  entries.forEach((p, i) => {
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

interface Verdict<C extends CommitCause> {
  readonly bump: Bump
  readonly status: DecisionStatus
  readonly cause: C
}
type RuleCause = Extract<CommitCause, { readonly kind: 'rule' }>
type FindCause = (type: string, scope: string | null) => { rule: ReleaseRule; cause: RuleCause } | null

// Shared by every commit they describe.
const MERGE: CommitCause = { kind: 'merge' }
const SKIPPED: CommitCause = { kind: 'skipped' }
const BANG: OwnCause = { kind: 'breaking', marker: 'bang' }
const FOOTER: OwnCause = { kind: 'breaking', marker: 'footer' }
const REVERT_TYPE: OwnCause = { kind: 'revert-type' }
const NO_RULE = new Map<string, OwnCause>()

/** A commit's own bump: what its message says, before merges, skips and reverts are considered. */
function decide(message: ParsedMessage, findRule: FindCause): Verdict<OwnCause> {
  switch (message.kind) {
    case 'unconventional':
      return { bump: 'none', status: 'ignored', cause: { kind: 'unconventional', why: message.why } }
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
