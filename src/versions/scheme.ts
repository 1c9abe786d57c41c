import semver from 'semver'
import type { Bump } from '../commits/bump.js'
import type { CalverFormat } from './calver/format.js'
import { nextCalver, type CalverCounterRule, type CalverDateRule, type CalverReason } from './calver/next.js'
import { compareCalver, formatCalver, isSemverCompatible, parseCalver, type CalverVersion } from './calver/version.js'
import { compareSemver, nextSemver, parseSemver, type SemverReason } from './semver.js'

/** How versions are written and ordered: SemVer, or a CalVer format. */
export type Scheme =
  | { readonly kind: 'semver'; readonly initialVersion: semver.SemVer; readonly majorZeroBreaking: 'minor' | 'major' }
  | {
      readonly kind: 'calver'
      readonly format: CalverFormat
      readonly counters: CalverCounterRule
      readonly date: CalverDateRule
      /** The IANA time zone whose calendar dates the release (`UTC` unless `calver-timezone` says). */
      readonly timeZone: string
      /** Where the first counter of a new period starts: 0 (`2024.0`) or 1 (`2024.1`). */
      readonly counterStart: 0 | 1
    }

/** A version read from a tag, tagged with its scheme so the two can never be mixed. */
export type Version =
  { readonly kind: 'semver'; readonly value: semver.SemVer } | { readonly kind: 'calver'; readonly value: CalverVersion }

/** Reads a version as the scheme writes it; null when the text is not one. */
export function parseVersion(scheme: Scheme, text: string): Version | null {
  if (scheme.kind === 'semver') {
    const value = parseSemver(text)
    return value && { kind: 'semver', value }
  }
  const value = parseCalver(scheme.format, text)
  return value && { kind: 'calver', value }
}

/** The scheme's own precedence: SemVer §11, or CalVer's calendar-then-counters order. */
export function compareVersions(a: Version, b: Version): number {
  if (a.kind === 'semver' && b.kind === 'semver') return compareSemver(a.value, b.value)
  if (a.kind === 'calver' && b.kind === 'calver') return compareCalver(a.value, b.value)
  throw new Error('compareVersions: versions of two schemes')
}

/** The prerelease channel a version is on (`rc` of 1.3.0-rc.1, or a CalVer modifier), or null. */
export function channelOf(version: Version): string | null {
  if (version.kind === 'calver') return version.value.modifier?.id ?? null
  const first = version.value.prerelease[0]
  return first === undefined ? null : String(first)
}

export function isPrerelease(version: Version): boolean {
  return version.kind === 'semver' ? version.value.prerelease.length > 0 : version.value.modifier !== null
}

export function formatVersion(version: Version): string {
  return version.kind === 'semver'
    ? version.value.build.length
      ? `${version.value.version}+${version.value.build.join('.')}`
      : version.value.version
    : formatCalver(version.value)
}

export interface NextInput {
  /** SemVer: the number of a channel's first prerelease of a version (0 or 1). */
  readonly prereleaseStart?: 0 | 1
  readonly base: Version | null
  readonly stable: Version | null
  /** The part that changes, as decided. */
  readonly bump: Exclude<Bump, 'none'>
  readonly prerelease: string | null
  readonly taken: readonly Version[]
  readonly now: Date
}

/** Why a version is what it is, by the rules of its scheme. */
export type VersionReason =
  | SemverReason
  /** A CalVer version that tools expecting SemVer would misread. */
  | { readonly kind: 'not-semver'; readonly version: string }
  | { readonly kind: 'calver'; readonly reason: CalverReason }

export interface NextVersion {
  readonly version: Version
  readonly reasons: readonly VersionReason[]
  /** A prerelease HEAD already has at or above the version: releasing it would go backwards. */
  readonly below?: Version
}

/** The next version under the scheme, and why it is what it is. */
export function nextVersion(scheme: Scheme, input: NextInput): NextVersion {
  if (scheme.kind === 'semver') {
    const only = (v: Version | null): semver.SemVer | null => (v?.kind === 'semver' ? v.value : null)
    const next = nextSemver({
      base: only(input.base),
      stable: only(input.stable),
      bump: input.bump,
      initialVersion: scheme.initialVersion,
      prerelease: input.prerelease,
      prereleaseStart: input.prereleaseStart ?? 0,
      taken: input.taken.flatMap((v) => (v.kind === 'semver' ? [v.value] : []))
    })
    return {
      version: { kind: 'semver', value: next.version },
      reasons: next.reasons,
      ...(next.below ? { below: { kind: 'semver' as const, value: next.below } } : {})
    }
  }
  const previous = input.base?.kind === 'calver' ? input.base.value : null
  const next = nextCalver(scheme.format, previous, input.now, input.bump, {
    counters: scheme.counters,
    date: scheme.date,
    modifier: input.prerelease ?? undefined,
    counterStart: scheme.counterStart
  })
  // A prerelease number already tagged elsewhere (another branch) is skipped, as SemVer's are.
  const taken = new Set(input.taken.flatMap((v) => (v.kind === 'calver' ? [formatCalver(v.value)] : [])))
  let version = next.version
  while (version.modifier && taken.has(formatCalver(version))) {
    const bumped = parseCalver(scheme.format, formatCalver(version).replace(/\d+$/, String(version.modifier.number + 1)))
    if (!bumped) break
    version = bumped
  }
  const reasons: VersionReason[] = next.reasons.map((reason) => ({ kind: 'calver', reason }))
  const text = formatCalver(version)
  if (!isSemverCompatible(text)) reasons.push({ kind: 'not-semver', version: text })
  return { version: { kind: 'calver', value: version }, reasons }
}

/** The parts later workflow steps read: numbers only where the version is SemVer. */
export interface VersionParts {
  readonly major: string
  readonly minor: string
  readonly patch: string
  /** `rc.0`: SemVer's prerelease, or a CalVer version's modifier. */
  readonly prerelease: string
}

export function describeParts(version: Version): VersionParts {
  if (version.kind === 'semver') {
    const { major, minor, patch, prerelease } = version.value
    return { major: String(major), minor: String(minor), patch: String(patch), prerelease: prerelease.join('.') }
  }
  const modifier = version.value.modifier
  const prerelease = modifier ? `${modifier.id}.${modifier.number}` : ''
  // A CalVer version that is also SemVer may be handed out as numbers; any other may not.
  const text = formatCalver(version.value)
  const numbers = isSemverCompatible(text) ? semver.parse(text) : null
  return numbers
    ? { major: String(numbers.major), minor: String(numbers.minor), patch: String(numbers.patch), prerelease }
    : { major: '', minor: '', patch: '', prerelease }
}
