import semver from 'semver'
import type { Bump } from '../commits/bump.js'

/**
 * Reads a version exactly as SemVer 2.0.0 writes it: no `v`, no leading zeros, no loose
 * forms. Build metadata is allowed and kept. null for anything else.
 */
export function parseSemver(text: string): semver.SemVer | null {
  if (!/^\d/.test(text)) return null
  const parsed = semver.parse(text, { loose: false })
  if (!parsed) return null
  const written = parsed.build.length ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version
  return written === text ? parsed : null
}

/** SemVer §11 precedence; build metadata is ignored, as the spec says. */
export function compareSemver(a: semver.SemVer, b: semver.SemVer): number {
  return semver.compare(a, b)
}

export interface SemverNextInput {
  /** The last release (a prerelease only on a prerelease channel); null before the first. */
  readonly base: semver.SemVer | null
  /** The last stable release HEAD reaches. */
  readonly stable: semver.SemVer | null
  /** The part that changes, as decided (0.y.z already applied). */
  readonly bump: Exclude<Bump, 'none'>
  readonly initialVersion: semver.SemVer
  /** Prerelease identifier (`rc`), or null for a stable release. */
  readonly prerelease: string | null
  /** The number of a channel's first prerelease of a version: 0 (`rc.0`), or 1 as semantic-release counts. */
  readonly prereleaseStart?: 0 | 1
  /** Every version already tagged, reachable or not: numbering must not collide. */
  readonly taken: readonly semver.SemVer[]
}

/** Why a SemVer version is what it is, where that is not just "the bump applied". */
export type SemverReason =
  | { readonly kind: 'first-release'; readonly initialVersion: string }
  /** A prerelease channel already aims at a version that covers this bump. */
  | { readonly kind: 'prerelease-covers'; readonly base: string; readonly aim: string; readonly bump: Exclude<Bump, 'none'> }
  /** The channel aimed at a version that another branch has released since: it aims past that release. */
  | { readonly kind: 'prerelease-passed'; readonly released: string; readonly aim: string }

export interface SemverNext {
  readonly version: semver.SemVer
  readonly reasons: readonly SemverReason[]
  /**
   * The prerelease HEAD already has that sorts at or above the version (a branch that merged
   * a later channel: alpha after beta): releasing it would go backwards.
   */
  readonly below: semver.SemVer | null
}

/** The next version from the last release, the bump and the channel. */
export function nextSemver(input: SemverNextInput): SemverNext {
  const reasons: SemverReason[] = []
  const { bump, stable } = input
  let core: string
  if (!stable) {
    core = input.initialVersion.version.replace(/-.*$/, '')
    reasons.push({ kind: 'first-release', initialVersion: core })
  } else {
    core = semver.inc(stable.version, bump)!
  }

  if (input.prerelease === null) return { version: new semver.SemVer(core), reasons, below: null }

  const id = input.prerelease
  // Still working towards the same (or a smaller) release: keep its core, count on.
  const base = input.base
  if (base && base.prerelease.length > 0 && semver.gte(coreOf(base), core)) {
    if (semver.gt(coreOf(base), core)) reasons.push({ kind: 'prerelease-covers', base: base.version, aim: coreOf(base), bump })
    core = coreOf(base)
  }
  // Released meanwhile from another branch: a prerelease of it would sort below the release.
  let released: semver.SemVer | null = null
  for (const v of input.taken) if (v.prerelease.length === 0 && semver.gte(v, core) && (!released || semver.gt(v, released))) released = v
  if (released) {
    core = semver.inc(released, bump)!
    reasons.push({ kind: 'prerelease-passed', released: released.version, aim: core })
  }
  // A fold, not Math.max(...): a repository may hold more tags than a call has arguments.
  let highest = -1
  for (const v of input.taken) {
    if (coreOf(v) === core && v.prerelease[0] === id && typeof v.prerelease[1] === 'number') highest = Math.max(highest, v.prerelease[1])
  }
  const next = new semver.SemVer(`${core}-${id}.${Math.max(highest + 1, input.prereleaseStart ?? 0)}`)
  return { version: next, reasons, below: base && semver.lte(next, base) ? base : null }
}

function coreOf(v: semver.SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}`
}

/** Whether a version is inside a range (`1.x`); a prerelease of it too (1.4.0-rc.0 is in 1.x). */
export function inRange(version: semver.SemVer, range: string): boolean {
  return semver.satisfies(version, range, { includePrerelease: true })
}

/** Whether a version is below every version of a range (1.9.0 is below `2.x`). */
export function belowRange(version: semver.SemVer, range: string): boolean {
  return semver.ltr(version, range, { includePrerelease: true })
}

/** Whether `text` is a SemVer prerelease identifier usable as a channel name. */
export function isPrereleaseId(text: string): boolean {
  return /^[0-9A-Za-z-]+$/.test(text) && !/^\d+$/.test(text)
}
