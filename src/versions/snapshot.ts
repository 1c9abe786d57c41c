import semver from 'semver'
import { parseSemver } from './semver.js'

/** What the `version` output carries after `+`; tags never carry it. */
export type BuildMetadata = 'none' | 'sha' | 'run'

/** What a build is known by: the commit, and the workflow run when there is one. */
export interface BuildFacts {
  /** The commit built, as git writes it (7 to 64 hex digits). */
  readonly sha: string
  /** The workflow's run number (`GITHUB_RUN_NUMBER`); null outside a workflow run, never ''. */
  readonly runNumber: string | null
}

export interface BuildIdentifiers {
  /** SemVer build identifiers, `['run', '812', 'sha', '4f2a9c1']`; none for `none`. */
  readonly identifiers: readonly string[]
  /** `run` was asked for outside a workflow run, so the sha form stands in: worth telling the user. */
  readonly fallback: 'no-run-number' | null
}

const SHORT_SHA = 7

/** The build identifiers of `kind`, from the commit and the run. */
export function buildIdentifiers(kind: BuildMetadata, facts: BuildFacts): BuildIdentifiers {
  // Checked even for `none`: a bad value is a bug in the caller, wherever it shows.
  const sha = shortSha(facts.sha)
  if (facts.runNumber !== null && !/^\d+$/.test(facts.runNumber)) {
    throw new Error(`buildIdentifiers: run number ${JSON.stringify(facts.runNumber)} is not digits`)
  }
  switch (kind) {
    case 'none':
      return { identifiers: [], fallback: null }
    case 'sha':
      return { identifiers: ['sha', sha], fallback: null }
    case 'run':
      return facts.runNumber === null
        ? { identifiers: ['sha', sha], fallback: 'no-run-number' }
        : { identifiers: ['run', facts.runNumber, 'sha', sha], fallback: null }
    default: {
      const unknown: never = kind
      throw new Error(`buildIdentifiers: unknown kind ${String(unknown)}`)
    }
  }
}

function shortSha(sha: string): string {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new Error(`buildIdentifiers: ${JSON.stringify(sha)} is not a commit sha`)
  // Lower case, as git writes it, so one commit always gives one version.
  return sha.slice(0, SHORT_SHA).toLowerCase()
}

/** `1.3.0` with `['sha', '4f2a9c1']` is `1.3.0+sha.4f2a9c1`; no identifiers leave the version as it is. */
export function withBuild(versionText: string, identifiers: readonly string[]): string {
  const parsed = parseSemver(versionText)
  if (!parsed) throw new Error(`withBuild: ${JSON.stringify(versionText)} is not a SemVer version`)
  // Build metadata is only ever added here, so a version that has some is a version added to twice.
  if (parsed.build.length > 0) throw new Error(`withBuild: ${versionText} already has build metadata`)
  const bad = identifiers.find((id) => !/^[0-9A-Za-z-]+$/.test(id))
  if (bad !== undefined) throw new Error(`withBuild: ${JSON.stringify(bad)} is not a build identifier`)
  return identifiers.length ? `${versionText}+${identifiers.join('.')}` : versionText
}

/** Where an unreleased build was made. */
export type SnapshotWhere =
  /** A pull request, `ahead` commits past its base. */
  | { readonly kind: 'pull-request'; readonly number: number; readonly ahead: number }
  /** A branch that does not release, `ahead` commits since the last release. */
  | { readonly kind: 'branch'; readonly ahead: number }

export interface SnapshotInput {
  /**
   * What releasing this branch or pull request would make. When nothing in it is releasable,
   * the caller passes the version a patch bump of the last release would make (on the
   * branch's channel), so the snapshot still sorts below whatever is released next.
   */
  readonly next: semver.SemVer
  /** The last release HEAD reaches; null before the first. */
  readonly previous: semver.SemVer | null
  readonly where: SnapshotWhere
}

/** Which version the snapshot's prerelease continues, so a report can say why it reads as it does. */
export type SnapshotForm =
  /** `1.4.0-pr.7.3`: `next` is stable and `previous` is of an earlier major.minor.patch. */
  | { readonly kind: 'next-core' }
  /**
   * `1.4.0-rc.2.dev.5`: `previous` is a prerelease too close below `next` for the other forms (of
   * `next`'s own major.minor.patch, or above the floor below a prerelease `next`), so the snapshot continues it.
   */
  | { readonly kind: 'after-previous'; readonly previous: string }
  /** `2.0.0-beta.3.dev.5`: `next` is a prerelease; the snapshot continues `floor`, a version just below it. */
  | { readonly kind: 'below-next'; readonly floor: string }

export interface Snapshot {
  /** The prerelease, without build metadata: `previous` < it < `next` by SemVer precedence. */
  readonly version: semver.SemVer
  readonly form: SnapshotForm
}

type Identifier = string | number

/**
 * A prerelease version for a build that releases nothing, unique to where it was made and
 * ordered: above `previous`, below `next`, and above an earlier snapshot of the same place.
 *
 * The snapshot is a base prerelease followed by `pr.<number>.<ahead>` or `dev.<ahead>`. A
 * version extended by more identifiers sorts above it (SemVer §11.4.4), and stays below
 * `next` as long as the base is below `next` and not a prefix of `next`'s prerelease; the
 * base does not depend on `ahead`, so snapshots of one place order by it.
 */
export function snapshotVersion(input: SnapshotInput): Snapshot {
  const { next, previous, where } = input
  const tail = tailOf(where)
  if (previous && semver.compare(previous, next) >= 0) {
    throw new Error(`No snapshot version fits: the last release, ${previous.version}, is not below the next, ${next.version}.`)
  }
  const base = chooseBase(next, previous)
  const version = new semver.SemVer(`${base.core}-${[...base.prerelease, ...tail].join('.')}`)
  // The choice above is what guarantees these; an error here is a bug in it, not in the input.
  if ((previous && semver.compare(previous, version) >= 0) || semver.compare(version, next) >= 0) {
    throw new Error(`snapshotVersion: ${version.version} is not between ${previous?.version ?? 'nothing'} and ${next.version}`)
  }
  return { version, form: base.form }
}

function tailOf(where: SnapshotWhere): Identifier[] {
  checkCount('ahead', where.ahead, 0)
  if (where.kind === 'branch') return ['dev', where.ahead]
  checkCount('pull request number', where.number, 1)
  return ['pr', where.number, where.ahead]
}

function checkCount(name: string, value: number, least: number): void {
  if (!Number.isSafeInteger(value) || value < least) throw new Error(`snapshotVersion: ${name} ${value} is not an integer >= ${least}`)
}

/** A version the snapshot extends with more identifiers, and why that one. */
interface Base {
  readonly core: string
  readonly prerelease: readonly Identifier[]
  readonly form: SnapshotForm
}

function chooseBase(next: semver.SemVer, previous: semver.SemVer | null): Base {
  const core = coreOf(next)
  const sameCore = previous !== null && coreOf(previous) === core
  if (next.prerelease.length === 0) {
    // Any prerelease of next's core sorts above every earlier core; one of the same core
    // must be passed too, so continue it (previous < next makes it a prerelease).
    if (!sameCore) return { core, prerelease: [], form: { kind: 'next-core' } }
    return continuing(previous)
  }
  const floor = floorBelow(next.prerelease)
  if (floor) {
    const text = `${core}-${floor.join('.')}`
    if (previous === null || semver.compare(previous, text) <= 0)
      return { core, prerelease: floor, form: { kind: 'below-next', floor: text } }
  }
  // previous sits between the floor and next (or there is no floor): only continuing previous
  // stays above it, and that stays below next unless previous is a prefix of next.
  if (previous && previous.prerelease.length > 0) {
    if (!sameCore || !isPrefix(previous.prerelease, next.prerelease)) return continuing(previous)
    // Then next adds only zeros (a number would have made a floor above previous), and
    // what sorts between them is previous and some of those zeros: 2.0.0-beta.0 right after 2.0.0-beta.
    throw new Error(
      `No snapshot version fits between ${previous.version} and ${next.version}: the versions between them ` +
        `are ${previous.version} followed by zeros, which leave no room for more identifiers.`
    )
  }
  throw new Error(
    `No snapshot version fits below ${next.version}: its prerelease is all zeros, so no prerelease of ${core} ` +
      `sorts below it, and ${previous ? `${previous.version} is not a prerelease to continue` : 'there is no release to continue'}.`
  )
}

/** Continues previous in its own major.minor.patch, which may be earlier than next's. */
function continuing(previous: semver.SemVer): Base {
  return { core: coreOf(previous), prerelease: previous.prerelease, form: { kind: 'after-previous', previous: previous.version } }
}

/**
 * A prerelease below `prerelease` and not a prefix of it, lower at the deepest place it can
 * be: `beta.4` → `beta.3`, `beta.0` → `0`, `beta` → `0`. Not being a prefix is what keeps
 * every extension of it below too. null when every identifier is 0: nothing is lower.
 */
function floorBelow(prerelease: readonly Identifier[]): Identifier[] | null {
  for (let i = prerelease.length - 1; i >= 0; i--) {
    const lower = lowerThan(prerelease[i]!)
    if (lower !== null) return [...prerelease.slice(0, i), lower]
  }
  return null
}

function lowerThan(id: Identifier): number | null {
  if (typeof id === 'number') return id > 0 ? id - 1 : null
  // semver keeps digits beyond Number's safe range as text and compares them as Numbers,
  // imprecisely: 0 is below them exactly. Any other text sorts above every number.
  return 0
}

function isPrefix(shorter: readonly Identifier[], longer: readonly Identifier[]): boolean {
  return shorter.length < longer.length && shorter.every((id, i) => id === longer[i])
}

function coreOf(v: semver.SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}`
}
