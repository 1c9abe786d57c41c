import { compare, explain } from '@renovatebot/pep440'
import semver from 'semver'
import { VersoError } from '../errors.js'

/** How a version's modifiers are spelled and ordered: SemVer's `-rc.1`, or PEP 440's `rc1`, `.dev3`, `.post1`. */
export type VersionStyle = 'semver' | 'pep440'

/** A prerelease stage of PEP 440, in its normal spelling: `.devN < aN < bN < rcN`. */
export type Pep440Stage = 'dev' | 'a' | 'b' | 'rc'

/**
 * The one suffix a PEP 440 version verso reads or writes may carry: a prerelease stage, or
 * a post-release (`.postN`, a final release made again, above it). Versions with two of
 * them (`24.1rc1.post1`) are not releases verso makes, and not read.
 */
export interface Pep440Suffix {
  readonly kind: Pep440Stage | 'post'
  readonly number: number
}

// What the library's explain() returns at run time: its declared types give `post` and
// `dev` as arrays and leave out that a missing part is null.
interface Explained {
  readonly epoch: number
  readonly release: readonly number[]
  readonly pre: readonly [string, number] | null
  readonly post: number | null
  readonly dev: number | null
  readonly local: string | null
}

/**
 * Reads what follows a version's numbers in any spelling PEP 440 normalises: `rc1`, `-rc.1`,
 * `RC1`, `c1`, `-preview1`, `a`, `.alpha.2`, `-dev3`, `.post1`, `-1`, `rev2`. Null for the
 * empty text (no suffix: the caller knows that case) and for anything PEP 440 does not read
 * as one suffix after a release: more numbers (`.5`), a local version (`+abc`), two suffixes.
 */
export function readPep440Suffix(text: string): Pep440Suffix | null {
  // A digit first would run into the stand-in release number below (`0` + `0` reads as 0).
  if (text === '' || /^\d/.test(text)) return null
  // The library reads whole versions: a stand-in release of 0 leaves it the suffix to normalise.
  const parsed = explain(`0${text}`) as unknown as Explained | null
  if (parsed === null || parsed.epoch !== 0 || parsed.release.length !== 1 || parsed.local !== null) return null
  const { pre, post, dev } = parsed
  const found: Pep440Suffix[] = [
    ...(pre === null ? [] : [{ kind: pre[0] as Pep440Stage, number: Number(pre[1]) }]),
    ...(post === null ? [] : [{ kind: 'post' as const, number: post }]),
    ...(dev === null ? [] : [{ kind: 'dev' as const, number: dev }])
  ]
  const only = found.length === 1 ? found[0]! : null
  return only !== null && Number.isSafeInteger(only.number) ? only : null
}

/** PEP 440's normal spelling of a suffix: `a1`, `b2`, `rc1` glued to the numbers; `.dev3`, `.post1` after a dot. */
export function writePep440Suffix(suffix: Pep440Suffix): string {
  return suffix.kind === 'dev' || suffix.kind === 'post' ? `.${suffix.kind}${suffix.number}` : `${suffix.kind}${suffix.number}`
}

/** PEP 440's order of two versions, by the library that implements it: `.devN < aN < bN < rcN < final < .postN`. */
export function comparePep440(a: string, b: string): number {
  return compare(a, b)
}

/**
 * The PEP 440 stage a prerelease channel is released as: `alpha` → `a`, `beta` → `b`, `rc`,
 * `c`, `pre` and `preview` → `rc`, `dev` → `dev` (PEP 440's own spellings, read by the
 * library that normalises them); null for any other id (`next`, `canary`).
 */
export function readPep440Stage(id: string): Pep440Stage | null {
  const suffix = /^[a-z]+$/i.test(id) ? readPep440Suffix(id) : null
  return suffix === null || suffix.kind === 'post' ? null : suffix.kind
}

/** {@link readPep440Stage}, or the error that says which channels PEP 440 has. */
export function requirePep440Stage(id: string): Pep440Stage {
  const stage = readPep440Stage(id)
  if (stage !== null) return stage
  throw new VersoError('EINVALIDCONFIG', `The prerelease channel "${id}" has no PEP 440 spelling (version-style: pep440).`, {
    hint: 'PEP 440 prereleases are alpha (a), beta (b), rc (also c, pre, preview) and dev: name the channel one of those.'
  })
}

/**
 * Reads a SemVer-shaped PEP 440 version, three numbers and at most one suffix (`1.4.0`,
 * `1.4.0rc1`, `1.4.0-beta.2`, `1.4.0.post1`), as the SemVer value verso computes with: a
 * stage as the prerelease (`1.4.0-rc.1`, `1.4.0-dev.3`), a post-release as build metadata
 * (`1.4.0+post.1`), so that it stays a final release of its numbers. Null for anything else.
 * Order such values with {@link comparePep440} on {@link writePep440Semver}, never with SemVer's.
 */
export function parsePep440Semver(text: string): semver.SemVer | null {
  const match = /^(\d{1,15})\.(\d{1,15})\.(\d{1,15})(.*)$/s.exec(text)
  if (match === null) return null
  const core = `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}`
  const rest = match[4]!
  if (rest === '') return new semver.SemVer(core)
  const suffix = readPep440Suffix(rest)
  if (suffix === null) return null
  return new semver.SemVer(suffix.kind === 'post' ? `${core}+post.${suffix.number}` : `${core}-${suffix.kind}.${suffix.number}`)
}

/** Writes a value {@link parsePep440Semver} made (or the next version made from one) in PEP 440's normal spelling. */
export function writePep440Semver(version: semver.SemVer): string {
  const [stage, number] = version.prerelease
  const [post, postNumber] = version.build
  const core = `${version.major}.${version.minor}.${version.patch}`
  const pre = stage === undefined ? '' : writePep440Suffix({ kind: String(stage) as Pep440Stage, number: Number(number ?? 0) })
  return core + pre + (post === 'post' ? writePep440Suffix({ kind: 'post', number: Number(postNumber ?? 0) }) : '')
}
