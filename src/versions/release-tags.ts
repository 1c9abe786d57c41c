import type { TagRef } from '../git/tags.js'
import { compareVersions, isPrerelease, parseVersion, type Scheme, type Version } from './scheme.js'
import { belowRange, inRange, parseSemver } from './semver.js'

/** A tag read as a release: its prefix stripped and its version parsed by the scheme, once. */
export interface ReleaseTag extends TagRef {
  readonly version: Version
  /** The version as the tag writes it, without the prefix. */
  readonly text: string
}

export interface ReleaseTags {
  /** Every tag that is a version under this configuration, best (highest) first. */
  readonly all: readonly ReleaseTag[]
  /** Tags that are not versions here: never fatal, listed for --verbose. */
  readonly ignored: readonly string[]
}

/** Reads each tag as prefix + version, and orders the versions best first. */
export function parseReleaseTags(tags: readonly TagRef[], tagPrefix: string, scheme: Scheme): ReleaseTags {
  const all: ReleaseTag[] = []
  const ignored: string[] = []
  for (const ref of tags) {
    const text = ref.name.startsWith(tagPrefix) ? ref.name.slice(tagPrefix.length) : null
    const version = text === null ? null : parseVersion(scheme, text)
    if (version && text !== null) all.push({ ...ref, version, text })
    else ignored.push(ref.name)
  }
  all.sort((a, b) => compareVersions(b.version, a.version) || a.name.localeCompare(b.name))
  return { all, ignored }
}

/** The candidates for the last release, best first. */
export interface Candidates {
  /** What the next version builds on. */
  readonly base: readonly ReleaseTag[]
  /** Stable releases only. */
  readonly stable: readonly ReleaseTag[]
}

/**
 * Stable releases build on stable releases; a prerelease channel continues its prereleases.
 * A line with a range (`1.x`) builds on its own releases first, and only without one on a
 * release below the range (the one it was cut from): never on a newer line's.
 */
export function chooseCandidates(
  tags: ReleaseTags,
  line: { readonly prerelease: string | null; readonly range: string | null }
): Candidates {
  const stable = tags.all.filter((t) => !isPrerelease(t.version))
  const { range } = line
  const inLine = (list: readonly ReleaseTag[]): readonly ReleaseTag[] => {
    if (range === null) return list
    const semverOnly = list.filter((t): t is ReleaseTag & { version: { kind: 'semver' } } => t.version.kind === 'semver')
    return [...semverOnly.filter((t) => inRange(t.version.value, range)), ...semverOnly.filter((t) => belowRange(t.version.value, range))]
  }
  return { base: inLine(line.prerelease === null ? stable : tags.all), stable: inLine(stable) }
}

/** Tags that look like versions but were not read as releases, and what would read them. */
export interface UnreadVersionTags {
  readonly count: number
  /** A few of them, as written. */
  readonly examples: readonly string[]
  /** Tag prefixes under which they would be SemVer versions (`''` for `1.2.3`, `release-`). */
  readonly prefixes: readonly string[]
  /** Some look like calendar versions (`2024.01.05`, `26.2`) rather than SemVer. */
  readonly calendar: boolean
}

// A version at the end of a tag name: SemVer's three numbers, or a calendar's two or more.
const SEMVER_TAIL = /^(.*?)v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/
const CALENDAR_TAIL = /^(?:.*?[^\d.])?((?:\d{4}|[1-9]\d)(?:\.\d{1,2}){1,2})$/

/**
 * When no release was found, the ignored tags that look like versions: a prefix that does
 * not match them, or the other scheme, is the usual reason a repository seems unreleased.
 */
export function findUnreadVersionTags(ignored: readonly string[], tagPrefix: string, scheme: Scheme): UnreadVersionTags | null {
  const prefixes = new Set<string>()
  const found: string[] = []
  let calendar = false
  for (const name of ignored) {
    // Release tags are short; a long name is no version, and the patterns below need not read it.
    if (name.length > 200) continue
    const semverTail = SEMVER_TAIL.exec(name)
    const prefix = semverTail && parseSemver(semverTail[2]!) ? semverTail[1]! : null
    const asSemver = scheme.kind === 'semver' && prefix !== null && prefix !== tagPrefix
    const asCalendar = scheme.kind === 'semver' && CALENDAR_TAIL.test(name) && !asSemver
    if (!asSemver && !asCalendar) continue
    found.push(name)
    if (asSemver && prefix !== null) prefixes.add(name.slice(prefix.length).startsWith('v') ? `${prefix}v` : prefix)
    if (asCalendar) calendar = true
  }
  if (found.length === 0) return null
  return { count: found.length, examples: found.slice(0, 3), prefixes: [...prefixes].slice(0, 3), calendar }
}
