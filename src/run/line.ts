import { matchesGlob } from 'node:path'
import { BRANCH_NAME_ID, type BranchPolicy, type BranchRule } from '../config/branches.js'
import { VersoError } from '../errors.js'
import { isPrereleaseId } from '../versions/semver.js'

/** What a line releases: stable versions or a channel's, anywhere above its last release or inside a range. */
export interface Line {
  /** The channel id (`beta`), or null for stable versions. */
  readonly prerelease: string | null
  /** A SemVer range the versions must satisfy (`1.x`), or null. */
  readonly range: string | null
}

/** Whether a run on this branch may release, and if not, why. */
export type LineStatus =
  | { readonly kind: 'releases' }
  | { readonly kind: 'detached' }
  | { readonly kind: 'default-unknown' }
  /** No entry names the branch; `patterns` are the entries, or the default branch. */
  | {
      readonly kind: 'unmatched'
      /** The stable and maintenance entries (or the default branch). */
      readonly patterns: readonly string[]
      /** The prerelease entries. */
      readonly channels: readonly string[]
      readonly from: 'default-branch' | 'branches' | 'short-forms'
    }

/** The line a branch is on, as the branch policy says. */
export interface ReleaseLine extends Line {
  readonly branch: string | null
  /** The entry that matched (a name or glob), or null when none did. */
  readonly pattern: string | null
  readonly status: LineStatus
  /**
   * The stable line without a range, when the policy has one and it is not this line:
   * versions above every release are its to make, so no maintenance line may take them.
   */
  readonly newestOwner: string | null
  /** The `prerelease` input chose the channel, not the branch's entry. */
  readonly prereleaseFromInput: boolean
  /** Where the policy came from. */
  readonly source: 'branches' | 'short-forms' | 'default-branch'
}

/** The line of a plan made without asking which branch it is on: the configuration's channel, anywhere. */
export function unresolvedLine(prerelease: string | null): ReleaseLine {
  return {
    branch: null,
    pattern: null,
    prerelease,
    range: null,
    status: { kind: 'default-unknown' },
    newestOwner: null,
    prereleaseFromInput: prerelease !== null,
    source: 'default-branch'
  }
}

export interface LineInput {
  readonly policy: BranchPolicy
  readonly branch: string | null
  /** The repository's default branch, when the policy is "the default branch" and it is known. */
  readonly defaultBranch: string | null
  /** The `prerelease` input: a channel for this run, whatever the branch's entry says. */
  readonly prerelease: string | null
  /** Ranges, and so `N.x` names, are SemVer's: a CalVer scheme has no maintenance lines. */
  readonly scheme: 'semver' | 'calver'
}

/**
 * The branch's line: the first entry that matches it. A branch no entry matches still has
 * a line to plan on (stable, anywhere), but its status says it never releases.
 */
export function resolveLine(input: LineInput): ReleaseLine {
  const { branch, policy } = input
  const defaultRule: BranchRule[] = input.defaultBranch ? [{ pattern: input.defaultBranch, range: null, prerelease: null }] : []
  const rules: readonly BranchRule[] =
    policy.kind === 'rules' ? [...policy.rules, ...(policy.withDefaultBranch ? defaultRule : [])] : defaultRule
  const owner = rules.find((rule) => isUnbounded(rule, input.scheme))?.pattern ?? null
  const base = { branch, newestOwner: owner, source: policy.kind === 'rules' ? policy.from : ('default-branch' as const) }
  const unmatched = (status: LineStatus): ReleaseLine => ({
    ...base,
    pattern: null,
    ...withInput({ prerelease: null, range: null }, input.prerelease),
    status
  })
  if (branch === null) return unmatched({ kind: 'detached' })
  if (rules.length === 0) return unmatched({ kind: 'default-unknown' })
  const rule = rules.find((r) => r.pattern === branch || matchesGlob(branch, r.pattern))
  if (!rule) {
    // Only channels named and the default branch unknown: which branch is stable cannot be told.
    if (policy.kind === 'rules' && policy.withDefaultBranch && !input.defaultBranch) return unmatched({ kind: 'default-unknown' })
    const from = policy.kind === 'rules' ? policy.from : 'default-branch'
    const patterns = rules.filter((r) => r.prerelease === null).map((r) => r.pattern)
    const channels = rules.filter((r) => r.prerelease !== null).map((r) => r.pattern)
    return unmatched({ kind: 'unmatched', patterns, channels, from })
  }
  const line: Line = {
    prerelease: rule.prerelease === BRANCH_NAME_ID ? branchId(branch, rule.pattern) : rule.prerelease,
    range: rule.range ?? (namesRange(rule, input.scheme) ? impliedRange(branch) : null)
  }
  return {
    ...base,
    newestOwner: owner === rule.pattern && line.range === null ? null : owner,
    pattern: rule.pattern,
    ...withInput(line, input.prerelease),
    status: { kind: 'releases' }
  }
}

function withInput(line: Line, prerelease: string | null): Line & { prereleaseFromInput: boolean } {
  return prerelease === null ? { ...line, prereleaseFromInput: false } : { ...line, prerelease, prereleaseFromInput: true }
}

/** A stable entry with no range, whose name does not imply one: the line that makes the newest versions. */
function isUnbounded(rule: BranchRule, scheme: 'semver' | 'calver'): boolean {
  return rule.range === null && rule.prerelease === null && !namesRange(rule, scheme)
}

/**
 * An entry written as a maintenance name (`1.x`, `1.2.x`, `*.x`, `release/*.x`) takes its
 * range from the branch's name; `release/*` does not, even for `release/1.x`.
 */
function namesRange(rule: BranchRule, scheme: 'semver' | 'calver'): boolean {
  return rule.range === null && rule.prerelease === null && scheme === 'semver' && /\.x$/.test(rule.pattern)
}

/** `1.x`, `1.2.x` (or `release/v1.x`): a maintenance line's name is its range. */
export function impliedRange(branch: string): string | null {
  const last = branch.slice(branch.lastIndexOf('/') + 1)
  const m = /^v?(\d+)\.(?:(\d+)\.)?x$/.exec(last)
  if (!m) return null
  return m[2] === undefined ? `${Number(m[1])}.x` : `${Number(m[1])}.${Number(m[2])}.x`
}

/** `prerelease: true`: the branch's own name (its last part, `release/beta` → beta) is the channel id. */
function branchId(branch: string, pattern: string): string {
  const last = branch.slice(branch.lastIndexOf('/') + 1)
  if (isPrereleaseId(last)) return last
  throw new VersoError(
    'EINVALIDCONFIG',
    `The branch ${branch} (entry \`${pattern}\`) cannot name its prerelease channel: \`${last}\` is not a SemVer prerelease id.`,
    {
      hint: `Give the entry its id: \`prerelease: rc\` in \`branches\`, or \`${pattern}:rc\` in \`prerelease-branches\`.`
    }
  )
}

/** The sentence a report shows for a branch that does not release. */
export function describeNotReleasing(line: ReleaseLine): string | null {
  const { status } = line
  switch (status.kind) {
    case 'releases':
      return null
    case 'detached':
      return 'HEAD is not on a branch (a tag push or a detached checkout), so nothing is released'
    case 'default-unknown':
      return 'the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`'
    case 'unmatched':
      if (status.from === 'branches')
        return `${line.branch} matches no entry of \`branches\` (${[...status.patterns, ...status.channels].join(', ')}), so it plans but never releases`
      return `${line.branch} is not a release branch (${[
        ...(status.patterns.length ? [`release-branches: ${status.patterns.join(', ')}`] : []),
        ...(status.channels.length ? [`prerelease-branches: ${status.channels.join(', ')}`] : [])
      ].join('; ')})`
  }
}
