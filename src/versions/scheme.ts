import semver from 'semver'
import type { Bump } from '../commits/bump.js'
import { VersoError } from '../errors.js'
import type { CalverFormat } from './calver/format.js'
import { nextCalver, type CalverCounterRule, type CalverDateRule, type CalverFinalRule } from './calver/next.js'
import type { CalverFormatOrigin, CalverReason } from './calver/reasons.js'
import {
  compareCalver,
  describeModifier,
  formatCalver,
  isCalverPrerelease,
  isSemverCompatible,
  parseCalver,
  type CalverVersion
} from './calver/version.js'
import { comparePep440, parsePep440Semver, readPep440Stage, requirePep440Stage, writePep440Semver, type VersionStyle } from './pep440.js'
import { compareSemver, nextSemver, parseSemver, type SemverReason } from './semver.js'

/** How versions are written and ordered: SemVer, or a CalVer format. */
export type Scheme =
  | {
      readonly kind: 'semver'
      readonly initialVersion: semver.SemVer
      readonly majorZeroBreaking: 'minor' | 'major'
      /** SemVer 2.0.0's spelling and order, or PEP 440's for the same three numbers (`1.4.0rc1`, `1.4.0.post1`). */
      readonly style: VersionStyle
    }
  | {
      readonly kind: 'calver'
      readonly format: CalverFormat
      readonly counters: CalverCounterRule
      readonly date: CalverDateRule
      /** The IANA time zone whose calendar dates the release (`UTC` unless `calver-timezone` says). */
      readonly timeZone: string
      /** Where the first counter of a new period starts: 0 (`2024.0`) or 1 (`2024.1`). */
      readonly counterStart: 0 | 1
      /** Which period a final release takes after its prereleases: its release date's, or theirs. */
      readonly final: CalverFinalRule
      /** Where the format came from when none was given (bumpver's `version_pattern`), or null. */
      readonly origin: CalverFormatOrigin | null
    }

/**
 * A version read from a tag, tagged with its scheme so the two can never be mixed. A SemVer
 * version in the PEP 440 style keeps its numbers as SemVer (what ranges, floating tags and
 * the 0.y.z rule read) and is written and ordered as PEP 440.
 */
export type Version =
  | { readonly kind: 'semver'; readonly value: semver.SemVer; readonly style?: 'pep440' }
  | { readonly kind: 'calver'; readonly value: CalverVersion }

/** Reads a version as the scheme writes it; null when the text is not one. */
export function parseVersion(scheme: Scheme, text: string): Version | null {
  if (scheme.kind === 'semver') {
    if (scheme.style === 'pep440') {
      const value = parsePep440Semver(text)
      return value && { kind: 'semver', value, style: 'pep440' }
    }
    const value = parseSemver(text)
    return value && { kind: 'semver', value }
  }
  const value = parseCalver(scheme.format, text)
  return value && { kind: 'calver', value }
}

/** The scheme's own precedence: SemVer §11 (or PEP 440's), or CalVer's calendar-then-counters order. */
export function compareVersions(a: Version, b: Version): number {
  if (a.kind === 'semver' && b.kind === 'semver') {
    return a.style === 'pep440' || b.style === 'pep440'
      ? comparePep440(formatVersion(a), formatVersion(b))
      : compareSemver(a.value, b.value)
  }
  if (a.kind === 'calver' && b.kind === 'calver') return compareCalver(a.value, b.value)
  throw new Error('compareVersions: versions of two schemes')
}

/** The prerelease channel a version is on (`rc` of 1.3.0-rc.1, or a CalVer modifier), or null. */
export function channelOf(version: Version): string | null {
  if (version.kind === 'calver') return isCalverPrerelease(version.value) ? version.value.modifier!.id : null
  const first = version.value.prerelease[0]
  return first === undefined ? null : String(first)
}

/** How the scheme writes and orders versions: a CalVer format carries its own style. */
export function styleOf(scheme: Scheme): VersionStyle {
  return scheme.kind === 'semver' ? scheme.style : scheme.format.style
}

/**
 * Whether a release's channel is the line's. In the PEP 440 style a channel named after its
 * branch (`beta`) is written as its stage (`b`): the two are the same channel.
 */
export function sameChannel(scheme: Scheme, released: string | null, line: string | null): boolean {
  if (released === line) return true
  if (released === null || line === null || styleOf(scheme) !== 'pep440') return false
  const stage = readPep440Stage(line)
  return stage !== null && stage === readPep440Stage(released)
}

/** A prerelease; a PEP 440 post-release (`1.4.0.post1`) is a final release. */
export function isPrerelease(version: Version): boolean {
  return version.kind === 'semver' ? version.value.prerelease.length > 0 : isCalverPrerelease(version.value)
}

export function formatVersion(version: Version): string {
  if (version.kind === 'calver') return formatCalver(version.value)
  if (version.style === 'pep440') return writePep440Semver(version.value)
  return version.value.build.length ? `${version.value.version}+${version.value.build.join('.')}` : version.value.version
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
  /** `bump: post`: the last release made again as a PEP 440 post-release (`24.1.post1`). */
  readonly post?: boolean
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
    if (input.post && scheme.style !== 'pep440') {
      throw new VersoError('EVERSION', "A post-release (bump: post) is PEP 440's, and these versions are written as SemVer.", {
        hint: 'Set version-style: pep440 to release 1.4.0.post1 after 1.4.0, or force major, minor or patch.'
      })
    }
    return scheme.style === 'pep440' ? nextPep440Version(scheme, input) : nextSemverVersion(scheme, input)
  }
  const previous = input.base?.kind === 'calver' ? input.base.value : null
  const next = nextCalver(scheme.format, previous, input.now, input.bump, {
    counters: scheme.counters,
    date: scheme.date,
    modifier: input.prerelease ?? undefined,
    counterStart: scheme.counterStart,
    modifierStart: input.prereleaseStart ?? 0,
    final: scheme.final,
    post: input.post ?? false,
    // A version already tagged elsewhere (another branch, a withdrawn release) is skipped, as SemVer's prereleases are.
    taken: input.taken.flatMap((v) => (v.kind === 'calver' ? [v.value] : [])),
    origin: scheme.origin
  })
  const reasons: VersionReason[] = next.reasons.map((reason) => ({ kind: 'calver', reason }))
  const text = formatCalver(next.version)
  if (!isSemverCompatible(text)) reasons.push({ kind: 'not-semver', version: text })
  return { version: { kind: 'calver', value: next.version }, reasons }
}

function nextSemverVersion(scheme: Extract<Scheme, { kind: 'semver' }>, input: NextInput): NextVersion {
  const next = nextSemver({
    base: semverOf(input.base),
    stable: semverOf(input.stable),
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

// SemVer's rules on PEP 440's spelling: the channel is released as its PEP 440 stage
// (beta as b), and whether the version goes backwards is asked in PEP 440's order, where
// .dev sorts below a (SemVer, by the letters, would put it between b and rc).
function nextPep440Version(scheme: Extract<Scheme, { kind: 'semver' }>, input: NextInput): NextVersion {
  const taken = input.taken.filter((v): v is Extract<Version, { kind: 'semver' }> => v.kind === 'semver')
  const version = input.post
    ? nextPostRelease(input, taken)
    : pep440Of(
        nextSemver({
          base: semverOf(input.base),
          stable: semverOf(input.stable),
          bump: input.bump,
          initialVersion: scheme.initialVersion,
          prerelease: input.prerelease === null ? null : requirePep440Stage(input.prerelease),
          prereleaseStart: input.prereleaseStart ?? 0,
          taken: taken.map((v) => v.value)
        }).version
      )
  const reasons: VersionReason[] = []
  const text = formatVersion(version)
  if (!isSemverCompatible(text)) reasons.push({ kind: 'not-semver', version: text })
  const below = input.base !== null && !input.post && compareVersions(version, input.base) <= 0 ? input.base : null
  return { version, reasons, ...(below ? { below } : {}) }
}

// The last stable release made again, with the next post number no tag has yet.
function nextPostRelease(input: NextInput, taken: readonly Version[]): Version {
  if (input.prerelease !== null) {
    throw new VersoError(
      'EVERSION',
      `A post-release (bump: post) is a final release, and this one is a "${input.prerelease}" prerelease.`,
      {
        hint: 'Make post-releases where stable releases are made (no prerelease channel).'
      }
    )
  }
  const stable = semverOf(input.stable)
  if (stable === null) {
    throw new VersoError('EVERSION', 'There is no release yet to make a post-release (bump: post) of.', {
      hint: 'bump: post releases the last release again with .postN (1.4.0 → 1.4.0.post1): release a version first.'
    })
  }
  const core = `${stable.major}.${stable.minor}.${stable.patch}`
  let number = stable.build[0] === 'post' ? Number(stable.build[1]) + 1 : 1
  const make = (n: number): Version => pep440Of(new semver.SemVer(`${core}+post.${n}`))
  while (taken.some((v) => compareVersions(v, make(number)) === 0)) number++
  return make(number)
}

function semverOf(version: Version | null): semver.SemVer | null {
  return version?.kind === 'semver' ? version.value : null
}

function pep440Of(value: semver.SemVer): Version {
  return { kind: 'semver', value, style: 'pep440' }
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
    // PEP 440 writes a stage glued to its number (rc1); SemVer's prerelease is dotted (rc.1).
    const pre = version.style === 'pep440' ? prerelease.join('') : prerelease.join('.')
    return { major: String(major), minor: String(minor), patch: String(patch), prerelease: pre }
  }
  const prerelease = describeModifier(version.value)
  // A CalVer version that is also SemVer may be handed out as numbers; any other may not.
  const text = formatCalver(version.value)
  const numbers = isSemverCompatible(text) ? semver.parse(text) : null
  return numbers
    ? { major: String(numbers.major), minor: String(numbers.minor), patch: String(numbers.patch), prerelease }
    : { major: '', minor: '', patch: '', prerelease }
}
