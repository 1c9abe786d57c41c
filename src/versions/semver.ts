import semver from 'semver'
import type { Bump } from '../commits/bump.js'
import { VersoError } from '../errors.js'

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
  readonly bump: Exclude<Bump, 'none'>
  readonly initialVersion: semver.SemVer
  /** What a breaking change does while the major is 0 (SemVer §4). */
  readonly majorZeroBreaking: 'minor' | 'major'
  /** Whether the major bump was forced by the user rather than decided by commits. */
  readonly forced: boolean
  /** Prerelease identifier (`rc`), or null for a stable release. */
  readonly prerelease: string | null
  /** Every version already tagged, reachable or not: numbering must not collide. */
  readonly taken: readonly semver.SemVer[]
}

export interface SemverNext {
  readonly version: string
  /** Why the version is what it is, where that is not just "the bump applied". */
  readonly notes: readonly string[]
}

/** The next version from the last release, the bump and the channel. */
export function nextSemver(input: SemverNextInput): SemverNext {
  const notes: string[] = []
  const { bump, stable } = input
  let core: string
  if (!stable) {
    core = input.initialVersion.version.replace(/-.*$/, '')
    notes.push(`first release: initial-version ${core}`)
  } else {
    let effective: Exclude<Bump, 'none'> = bump
    if (bump === 'major' && stable.major === 0 && !input.forced && input.majorZeroBreaking === 'minor') {
      effective = 'minor'
      notes.push('major is 0, so a breaking change bumps the minor (SemVer §4); set `major-zero-breaking: major` or force `bump: major` to release 1.0.0')
    }
    core = semver.inc(stable.version, effective)!
  }

  if (input.prerelease === null) return { version: core, notes }

  const id = input.prerelease
  // Still working towards the same (or a smaller) release: keep its core, count on.
  const base = input.base
  if (base && base.prerelease.length > 0 && semver.gte(coreOf(base), core)) {
    if (semver.gt(coreOf(base), core)) notes.push(`${base.version} already aims at ${coreOf(base)}, which covers this ${bump}`)
    core = coreOf(base)
  }
  const numbers = input.taken
    .filter((v) => coreOf(v) === core && v.prerelease[0] === id && typeof v.prerelease[1] === 'number')
    .map((v) => v.prerelease[1] as number)
  const next = `${core}-${id}.${numbers.length ? Math.max(...numbers) + 1 : 0}`
  if (base && semver.lte(next, base)) {
    throw new VersoError('EVERSION', `The next prerelease ${next} would not sort above the last one, ${base.version}.`, {
      hint: `SemVer orders prerelease ids alphabetically; use an id that sorts after \`${String(base.prerelease[0])}\` (alpha < beta < rc), or release the stable version.`
    })
  }
  return { version: next, notes }
}

function coreOf(v: semver.SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}`
}

/** Whether `text` is a SemVer prerelease identifier usable as a channel name. */
export function isPrereleaseId(text: string): boolean {
  return /^[0-9A-Za-z-]+$/.test(text) && !/^\d+$/.test(text)
}
