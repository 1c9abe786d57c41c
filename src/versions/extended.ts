/**
 * The extended version of an artifact shipped inside a package (a release image's document is
 * the first kind): the artifact's own version, the package release that carries it, and the
 * package's name as build metadata.
 *
 *     1.0.0-pkg.1.17.0+account               artifact 1.0.0 in account 1.17.0
 *     1.0.0-pkg.1.18.0.rc.0+account          artifact 1.0.0 in account 1.18.0-rc.0
 *     1.0.0-0.alpha.1.0.pkg.1.17.0+account   artifact 1.0.0-alpha.1 in account 1.17.0
 *     2.0.0-0.rc.0.z.0.pkg.1.17.0+account    artifact 2.0.0-rc.0 in account 1.17.0
 *     1.0.0-pkg.1.17.0+acme.account          artifact 1.0.0 in @acme/account 1.17.0
 *
 * The core is the artifact's, so artifacts of different major.minor.patch order as their
 * versions do. Past that, SemVer compares prerelease identifiers left to right: numbers below
 * words, and a list that ends first below one that goes on. The prerelease is built on that:
 *
 * - A stable artifact's is `pkg` and the package version, as the issue writes it.
 * - A prerelease artifact's starts with `0`, which sorts below `pkg`: below the artifact's
 *   release, whatever the packages. Then come the artifact's identifiers as written, closed by
 *   `0.pkg`. The close must sort below anything a longer prerelease could go on with
 *   (`alpha` < `alpha.0`), and only `0` sorts below every identifier; so that an identifier `0`
 *   of the artifact cannot be read as the close, it is written `0.z` (`z` sorts above `pkg`), as
 *   order-preserving key encodings escape their terminator byte.
 * - The package's prerelease follows its three numbers: `pkg.1.18.0.rc.0`.
 *
 * The issue's `1.0.0-alpha.1-pkg.1.17.0` is valid SemVer but not this: a hyphen does not
 * separate identifiers, so it reads `alpha`, `1-pkg`, `1`, `17`, `0`, and `1-pkg` is a word.
 * Then `alpha.10` sorts below `alpha.9` (`10-pkg` < `9-pkg` as text), `alpha` above `alpha.1`
 * (`alpha-pkg` > `alpha`), and `rc.1` above the release it leads to (`rc` > `pkg`).
 *
 * One order cannot be had: a package's prerelease sorts above its release (`pkg.1.18.0.rc.0` >
 * `pkg.1.18.0`), where SemVer puts it below. With `pkg.1.18.0` written as the issue writes it,
 * nothing fits: below `pkg.0.0.0` there are only its prefixes (`pkg`, `pkg.0`, `pkg.0.0`), and
 * every prerelease of 0.0.0 would need a place there. A hyphen would be worse: in
 * `pkg.1.18.0-rc.0` the word `0-rc` sorts above every number, so above `pkg.1.18.5`.
 *
 * The package name goes into build metadata, `[0-9A-Za-z-]` identifiers separated by dots:
 * `@scope/name` is `scope.name`, any other name one identifier. Letters, digits and `-` stand
 * for themselves; any other character is its UTF-8 bytes, each `--` and two upper-case hex
 * digits (`socket.io` is `socket--2Eio`, `string_decoder` is `string--5Fdecoder`), and a `-`
 * that would start such a sequence is written `--2D`. So every name has one spelling and no two
 * collide; only the empty name and text that is not well-formed Unicode have none.
 */

import semver from 'semver'
import { parseSemver } from './semver.js'

/** An artifact in a package release: what an extended version says. */
export interface ExtendedVersion {
  /** The artifact's own version (`2.5` in its history is 2.5.0); never with build metadata. */
  readonly artifact: semver.SemVer
  /** The package release that carries it; never with build metadata. */
  readonly packageVersion: semver.SemVer
  /** As the package knows itself: `account`, `@acme/account`. */
  readonly packageName: string
}

export interface ExtendedVersionInput {
  readonly artifact: semver.SemVer
  /** A version as SemVer writes it (`1.17.0`, `1.18.0-rc.0`), or one parsed. */
  readonly packageVersion: semver.SemVer | string
  readonly packageName: string
}

const PACKAGE = 'pkg'
/** Opens and closes a prerelease artifact's identifiers; both sort below PACKAGE. */
const ZERO = '0'
/** Follows an identifier `0` of the artifact, so that it is not read as the close; sorts above PACKAGE. */
const ZERO_ESCAPE = 'z'

/** The semver package refuses longer versions, whatever the spec allows. */
const SEMVER_MAX_LENGTH = 256

/** `2`, `2.5`: a history tag, which leaves out the zeros. */
const SHORT = /^(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?$/

/**
 * An artifact's own version as its history writes it: `2.5` is 2.5.0, `2` is 2.0.0, and a
 * full SemVer version (`2.5.1`, `1.0.0-alpha.1`) is itself. null for anything else: leading
 * zeros, a `v`, a short form with a prerelease (`2.5-rc.1`), and build metadata, which the
 * extended version has no room for (its build metadata is the package name).
 */
export function normalizeArtifactVersion(text: string): semver.SemVer | null {
  const short = SHORT.exec(text)
  const parsed = parseSemver(short ? `${short[1]!}.${short[2] ?? '0'}.0` : text)
  return parsed !== null && parsed.build.length === 0 ? parsed : null
}

/**
 * `1.0.0-pkg.1.17.0+account`: the extended version of an artifact in a package release.
 * Throws for build metadata on either version, an empty name, and a text longer than the
 * 256 characters the semver package reads (a long name of many escaped characters).
 */
export function formatExtended(input: ExtendedVersionInput): string {
  const { artifact, packageName } = input
  if (artifact.build.length > 0) throw new Error(`formatExtended: the artifact ${artifact.raw} has build metadata`)
  const packageVersion = typeof input.packageVersion === 'string' ? parseSemver(input.packageVersion) : input.packageVersion
  if (packageVersion === null) throw new Error(`formatExtended: ${JSON.stringify(input.packageVersion)} is not a SemVer version`)
  if (packageVersion.build.length > 0) throw new Error(`formatExtended: the package version ${packageVersion.raw} has build metadata`)
  const ids: string[] = []
  if (artifact.prerelease.length > 0) {
    ids.push(ZERO, ...artifact.prerelease.flatMap((id) => (String(id) === ZERO ? [ZERO, ZERO_ESCAPE] : [String(id)])), ZERO)
  }
  ids.push(PACKAGE, String(packageVersion.major), String(packageVersion.minor), String(packageVersion.patch))
  ids.push(...packageVersion.prerelease.map(String))
  const text = `${artifact.major}.${artifact.minor}.${artifact.patch}-${ids.join('.')}+${encodeName(packageName)}`
  if (text.length > SEMVER_MAX_LENGTH) {
    throw new Error(
      `formatExtended: ${text.slice(0, 40)}… is ${text.length} characters; the semver package reads at most ${SEMVER_MAX_LENGTH}`
    )
  }
  return text
}

/** What an extended version says; null for any text formatExtended does not write. */
export function parseExtended(text: string): ExtendedVersion | null {
  const parsed = parseSemver(text)
  if (parsed === null || parsed.build.length === 0) return null
  const parts = splitPrerelease(parsed.prerelease.map(String))
  if (parts === null) return null
  const core = `${parsed.major}.${parsed.minor}.${parsed.patch}`
  const artifact = parseSemver(parts.artifact.length > 0 ? `${core}-${parts.artifact.join('.')}` : core)
  const packageVersion = parseSemver(parts.packageVersion)
  const packageName = decodeName(parsed.build)
  if (artifact === null || packageVersion === null || packageName === null) return null
  const result = { artifact, packageVersion, packageName }
  // One spelling for each: a text that decodes but is not what formatExtended writes is not ours.
  return formatExtended(result) === text ? result : null
}

/**
 * SemVer precedence of two extended versions, build metadata (the package name) ignored, so
 * any tool that sorts SemVer sorts them alike. It equals ordering by artifact version, then by
 * package version, but for one pair: a package's prerelease sorts above its release
 * (`1.0.0-pkg.1.18.0.rc.0` > `1.0.0-pkg.1.18.0`); the module comment says why no spelling of
 * `pkg.1.18.0` as the issue writes it can avoid that. Throws for text that is not an extended version.
 */
export function compareExtended(a: string, b: string): number {
  for (const text of [a, b]) {
    if (parseExtended(text) === null) throw new Error(`compareExtended: ${JSON.stringify(text)} is not an extended version`)
  }
  return semver.compare(a, b)
}

/** The artifact's prerelease identifiers and the package version, from the extended prerelease. */
function splitPrerelease(ids: readonly string[]): { artifact: string[]; packageVersion: string } | null {
  const artifact: string[] = []
  let at = 0
  if (ids[0] === ZERO) {
    for (at = 1; ids[at] !== ZERO || ids[at + 1] !== PACKAGE; at++) {
      const id = ids[at]
      if (id === undefined) return null
      if (id === ZERO) {
        if (ids[at + 1] !== ZERO_ESCAPE) return null
        at++
      }
      artifact.push(id)
    }
    if (artifact.length === 0) return null
    at++
  }
  if (ids[at] !== PACKAGE) return null
  const [major, minor, patch, ...prerelease] = ids.slice(at + 1)
  if (patch === undefined) return null
  return { artifact, packageVersion: `${major!}.${minor!}.${patch}${prerelease.length > 0 ? `-${prerelease.join('.')}` : ''}` }
}

const SCOPED = /^@([^/]+)\/(.+)$/s
const LITERAL = /^[0-9A-Za-z]$/
/** What a `-` followed by this would read as: the start of an escaped byte. */
const ESCAPE_AHEAD = /^-[0-9A-F]{2}/
const ESCAPED_BYTE = /^--([0-9A-F]{2})/

function encodeName(name: string): string {
  if (name === '' || !name.isWellFormed()) throw new Error(`formatExtended: ${JSON.stringify(name)} is not a package name`)
  const scoped = SCOPED.exec(name)
  return (scoped ? [scoped[1]!, scoped[2]!] : [name]).map(encodePart).join('.')
}

/** Right to left, so that whether a `-` needs escaping is known from what follows it. */
function encodePart(part: string): string {
  const chars = [...part]
  let written = ''
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i]!
    if (LITERAL.test(char)) written = char + written
    else if (char === '-' && !ESCAPE_AHEAD.test(written)) written = `-${written}`
    else written = escapeChar(char) + written
  }
  return written
}

function escapeChar(char: string): string {
  return [...new TextEncoder().encode(char)].map((byte) => `--${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
}

function decodeName(build: readonly string[]): string | null {
  const parts = build.map(decodePart)
  if (parts.some((part) => part === null)) return null
  if (parts.length === 1) return parts[0]!
  return parts.length === 2 ? `@${parts[0]!}/${parts[1]!}` : null
}

function decodePart(identifier: string): string | null {
  const bytes: number[] = []
  for (let i = 0; i < identifier.length;) {
    const escaped = ESCAPED_BYTE.exec(identifier.slice(i))
    if (escaped) {
      bytes.push(Number.parseInt(escaped[1]!, 16))
      i += escaped[0].length
    } else {
      bytes.push(identifier.charCodeAt(i))
      i++
    }
  }
  try {
    // ignoreBOM: a name may begin with U+FEFF, and it is part of the name.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes))
  } catch {
    return null
  }
}
