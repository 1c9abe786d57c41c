import semver from 'semver'
import { excerpt } from '../errors.js'
import { isPrereleaseId } from '../versions/semver.js'

/**
 * One entry of the branch policy: which branches it names, and what they release. The
 * three kinds of line are the two optional fields: a `range` makes a maintenance line, a
 * `prerelease` a channel, neither the stable line.
 */
export interface BranchRule {
  /** A branch name or glob (`release/*`). */
  readonly pattern: string
  /** The versions the line may release, as a SemVer range (`1.x`, `1.2.x`), or null: any above its last release. */
  readonly range: string | null
  /** The channel's id (`next`, `rc`); `branch-name`: the matching branch's own name; null: stable releases. */
  readonly prerelease: string | null
}

/**
 * Written `prerelease: true` (or a short-form entry without `:id`): the branch's name is the
 * id. Braces are not allowed in an id, so no channel can be named this.
 */
export const BRANCH_NAME_ID = '{branch}'

/**
 * Which branches release what. The first entry that matches a branch decides it; a branch
 * that none matches plans but never releases. Without a policy only the repository's
 * default branch releases, stable versions.
 */
export type BranchPolicy =
  | { readonly kind: 'default-branch' }
  /**
   * From `branches:` in the config file, or from `release-branches` and `prerelease-branches`.
   * `withDefaultBranch`: only channels were named, so the default branch stays the stable line.
   */
  | {
      readonly kind: 'rules'
      readonly from: 'branches' | 'short-forms'
      readonly rules: readonly BranchRule[]
      readonly withDefaultBranch: boolean
    }

/** An entry of `branches:` as the config file gives it: a name, or a mapping of strings. */
export type RawBranchEntry = string | Readonly<Record<string, string>>

const ENTRY_KEYS = ['name', 'range', 'prerelease'] as const

export interface BranchPolicyInput {
  /** `branches:` of the config file, when it has one. */
  readonly branches: readonly RawBranchEntry[] | undefined
  /** `release-branches`: names or globs of stable lines (`N.x` names are maintenance lines). */
  readonly releaseBranches: readonly string[]
  /** `prerelease-branches`: `glob` (the branch's name is the id) or `glob:id`. */
  readonly prereleaseBranches: readonly string[]
}

/** The branch policy, or the problems that keep it from being one (each says what to write). */
export function resolveBranchPolicy(input: BranchPolicyInput, problems: string[]): BranchPolicy {
  const shortForms = input.releaseBranches.length > 0 || input.prereleaseBranches.length > 0
  if (input.branches !== undefined && shortForms) {
    problems.push(
      '`branches` and `release-branches`/`prerelease-branches` are both set: use `branches` alone (the others are its short forms).'
    )
  }
  if (input.branches !== undefined) {
    const rules = input.branches.flatMap((entry, index) => readEntry(entry, index, problems))
    if (rules.length === 0 && input.branches.length === 0) problems.push('`branches` is an empty list: name at least one branch.')
    checkDuplicates(rules, problems)
    return { kind: 'rules', from: 'branches', rules, withDefaultBranch: false }
  }
  if (!shortForms) return { kind: 'default-branch' }
  // Channels first: `release/*-rc` among prereleases must not be taken by a `release/*` release line.
  const rules = [
    ...input.prereleaseBranches.flatMap((item) => readPrereleaseItem(item, problems)),
    ...input.releaseBranches.map((pattern): BranchRule => ({ pattern, range: null, prerelease: null }))
  ]
  checkDuplicates(rules, problems)
  return { kind: 'rules', from: 'short-forms', rules, withDefaultBranch: input.releaseBranches.length === 0 }
}

/** Whether the policy needs to know the repository's default branch. */
export function needsDefaultBranch(policy: BranchPolicy): boolean {
  return policy.kind === 'default-branch' || policy.withDefaultBranch
}

function readEntry(entry: RawBranchEntry, index: number, problems: string[]): BranchRule[] {
  const where = `\`branches\` entry ${index + 1}`
  if (typeof entry === 'string') {
    const pattern = entry.trim()
    if (!pattern) {
      problems.push(`${where} is empty: write a branch name or glob, e.g. \`- main\`.`)
      return []
    }
    return [{ pattern, range: null, prerelease: null }]
  }
  let ok = true
  for (const key of Object.keys(entry)) {
    if ((ENTRY_KEYS as readonly string[]).includes(key)) continue
    const near = ENTRY_KEYS.find((k) => k.startsWith(key.slice(0, 3).toLowerCase()))
    problems.push(
      `${where}: \`${excerpt(key)}\` is not a key of a branch.${near ? ` Did you mean \`${near}\`?` : ''} Known: name, range, prerelease.`
    )
    ok = false
  }
  const pattern = (entry['name'] ?? '').trim()
  if (!pattern) {
    problems.push(`${where} has no \`name\`: write the branch name or glob, e.g. \`- name: "1.x"\`.`)
    ok = false
  }
  const range = readRange(entry['range'], `${where} (${pattern || 'no name'})`, problems)
  const prerelease = readPrereleaseId(entry['prerelease'], `${where} (${pattern || 'no name'})`, problems)
  if (range === undefined || prerelease === undefined || !ok) return []
  return [{ pattern, range, prerelease }]
}

/** A SemVer range, or null when none is given; undefined when it is not one. */
function readRange(raw: string | undefined, where: string, problems: string[]): string | null | undefined {
  const text = raw?.trim() ?? ''
  if (!text) return null
  if (semver.validRange(text, { loose: false }) === null) {
    problems.push(`${where}: \`range: ${excerpt(text)}\` is not a SemVer range; write \`1.x\`, \`1.2.x\` or \`>=1.2.0 <1.5.0\`.`)
    return undefined
  }
  return text
}

function readPrereleaseId(raw: string | undefined, where: string, problems: string[]): string | null | undefined {
  const text = raw?.trim() ?? ''
  if (!text || text === 'false') return null
  if (text === 'true') return BRANCH_NAME_ID
  if (!isPrereleaseId(text)) {
    problems.push(
      `${where}: \`prerelease: ${excerpt(text)}\` must be a SemVer prerelease id (letters, digits and \`-\`, not only digits, e.g. rc, beta), or true for the branch's name.`
    )
    return undefined
  }
  return text
}

/** `next` (the id is the branch's name) or `release/*:rc`: git forbids `:` in branch names, so it can only separate. */
function readPrereleaseItem(item: string, problems: string[]): BranchRule[] {
  const colon = item.lastIndexOf(':')
  const pattern = (colon === -1 ? item : item.slice(0, colon)).trim()
  const id = colon === -1 ? 'true' : item.slice(colon + 1)
  if (!pattern) {
    problems.push(`\`prerelease-branches: ${excerpt(item)}\` names no branch; write \`next\` or \`release/*:rc\`.`)
    return []
  }
  const prerelease = readPrereleaseId(id, `\`prerelease-branches\` (${pattern})`, problems)
  if (prerelease === undefined) return []
  if (prerelease === null) {
    problems.push(
      `\`prerelease-branches: ${excerpt(item)}\` has no prerelease id after \`:\`; write \`${pattern}:rc\`, or \`${pattern}\` for its own name.`
    )
    return []
  }
  return [{ pattern, range: null, prerelease }]
}

function checkDuplicates(rules: readonly BranchRule[], problems: string[]): void {
  const seen = new Set<string>()
  for (const rule of rules) {
    if (seen.has(rule.pattern))
      problems.push(`The branch \`${excerpt(rule.pattern)}\` is listed twice; the first entry would always win: keep one.`)
    seen.add(rule.pattern)
  }
}
