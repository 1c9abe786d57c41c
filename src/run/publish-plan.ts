import semver from 'semver'
import type { PublishedVersion, RegistryPackage, Tarball } from '../npm/registry.js'
import type { ProvenanceDecision } from '../npm/provenance.js'
import { findSecretLookingFiles, type SecretLookingFile } from '../npm/secrets.js'

/*
 * What to publish to npm, decided from facts gathered before anything is tagged: each
 * release is published, or is there already, or is in the way of a version published from
 * something else. Pure: the registry's answers come in as values.
 */

/** One release to publish: the npm package, its folder, the version and the commit its tag names. */
export interface PublishTarget {
  /** The package's name in verso's plan (its `packages` entry), or '' for a single-package repository. */
  readonly release: string
  /** Its folder, relative to the repository (`.` for the root package). */
  readonly path: string
  readonly version: string
  /** The git tag of the release. */
  readonly tag: string
  /** The commit the tag names. */
  readonly sha: string
  /** The line it is released on: a channel's id, a maintenance line's range. */
  readonly line: { readonly prerelease: string | null; readonly range: string | null }
  /** Stable and above every stable release tag: the plan's word for "latest", used where the registry is not asked. */
  readonly latest: boolean
}

/** Why a release gets its dist-tag. */
export type DistTagReason =
  /** Stable, and above every stable version on the registry. */
  | { readonly kind: 'highest-stable' }
  /** Stable, but the registry has a higher stable version (`latest`, or null when it was not asked): latest never goes back. */
  | { readonly kind: 'below-latest'; readonly latest: string | null }
  /** A prerelease: its channel's tag. */
  | { readonly kind: 'channel'; readonly channel: string }
  /** A maintenance line's release, which never takes `latest`. */
  | { readonly kind: 'maintenance'; readonly range: string }

export interface DistTag {
  readonly tag: string
  readonly reason: DistTagReason
}

/**
 * The dist-tag a release is published under. `latest` is what `npm install` takes, so it
 * goes only to the highest stable version; a prerelease goes to its channel (`next`,
 * `beta`), a maintenance line's release to `release-1.x`, and a stable version below the
 * registry's highest to its major's `release-N.x`.
 */
export function decideDistTag(input: {
  readonly version: string
  readonly line: PublishTarget['line']
  /** The registry's stable versions, or null when it is not asked (a dry run): then `latest` says. */
  readonly stable: readonly string[] | null
  readonly latest: boolean
}): DistTag {
  const version = semver.parse(input.version)
  if (version === null) throw new Error(`not a SemVer version: ${input.version}`)
  if (version.prerelease.length) {
    const first = version.prerelease[0]
    const channel = input.line.prerelease ?? (typeof first === 'string' ? first : 'prerelease')
    return { tag: channel, reason: { kind: 'channel', channel } }
  }
  if (input.line.range !== null)
    return { tag: maintenanceTag(input.line.range, version.major), reason: { kind: 'maintenance', range: input.line.range } }
  const higher =
    input.stable === null ? null : (input.stable.filter((v) => semver.valid(v) && semver.gt(v, version)).sort(semver.rcompare)[0] ?? null)
  const highest = input.stable === null ? input.latest : higher === null
  if (highest) return { tag: 'latest', reason: { kind: 'highest-stable' } }
  return { tag: `release-${version.major}.x`, reason: { kind: 'below-latest', latest: higher } }
}

/** `release-1.x` for the range `1.x` (`release-1.2.x` for `1.2.x`); any other range gives its major's. */
function maintenanceTag(range: string, major: number): string {
  return /^\d+(?:\.\d+)?\.x$/.test(range) ? `release-${range}` : `release-${major}.x`
}

/** The package's manifest as it bears on publishing, or why it cannot be read. */
export type ManifestFacts =
  | {
      readonly kind: 'read'
      readonly name: string | null
      readonly private: boolean
      /** The dependencies it names by a `workspace:` range, which npm would publish as they are: uninstallable. */
      readonly workspaceRanges: readonly string[]
    }
  /** `error`: what the JSON parser said. */
  | { readonly kind: 'unreadable'; readonly error: string }

/** A manifest npm can publish: what the decision then needs of it. */
export interface PublishableManifest {
  readonly name: string
}

/** Everything the decision needs about one release, the registry's answers included. */
export interface PublishFacts {
  readonly target: PublishTarget
  readonly manifest: PublishableManifest
  readonly registry: string
  /** The version as the registry has it, or null when it has not. */
  readonly published: PublishedVersion | null
  /** The registry's `gitHead` for the version is a commit of this repository (which a tag can name). */
  readonly gitHeadHere: boolean
  /** The package as the registry has it, or null when it has none of its versions. */
  readonly registryPackage: RegistryPackage | null
  readonly tarball: Tarball
  /**
   * The commits npm records as `gitHead` when this run publishes: the one checked out, and
   * the release commit the run makes (or made, in an earlier run) on top of it.
   */
  readonly ours: readonly string[]
  readonly provenance: ProvenanceDecision
}

/** Why a release cannot be published. */
export type PublishProblem =
  /**
   * The registry has this version from another commit, or with other contents: nothing is
   * ever overwritten. `here`: its gitHead is a commit of this repository.
   */
  | { readonly kind: 'published-elsewhere'; readonly gitHead: string | null; readonly integrity: string | null; readonly here: boolean }
  /** npm takes SemVer versions only (`2024.02.1` is not: leading zero). */
  | { readonly kind: 'not-semver' }
  | { readonly kind: 'no-manifest' }
  | { readonly kind: 'unreadable-manifest'; readonly error: string }
  | { readonly kind: 'no-name' }
  /** Dependencies by `workspace:` ranges, which only pnpm's and yarn's own publish rewrite. */
  | { readonly kind: 'workspace-protocol'; readonly dependencies: readonly string[] }

/** What to do with one release. */
export type PublishDecision =
  | {
      readonly kind: 'publish'
      readonly target: PublishTarget
      readonly name: string
      readonly registry: string
      readonly distTag: DistTag
      readonly provenance: ProvenanceDecision
      readonly tarball: Tarball
      readonly secrets: readonly SecretLookingFile[]
    }
  /** `by`: how it is known to be this release: the commit npm recorded, or the same tarball. */
  | {
      readonly kind: 'already-published'
      readonly target: PublishTarget
      readonly name: string
      readonly registry: string
      readonly by: 'git-head' | 'integrity'
    }
  | {
      readonly kind: 'conflict'
      readonly target: PublishTarget
      readonly name: string | null
      readonly registry: string | null
      readonly problem: PublishProblem
    }
  /** `private: true` in its manifest: npm refuses to publish it, and that is what it asks for. */
  | { readonly kind: 'skipped'; readonly target: PublishTarget; readonly name: string | null; readonly reason: 'private' }

/** A decision that lets the run go on: every one that reaches publishing. */
export type PublishableDecision = Exclude<PublishDecision, { kind: 'conflict' }>

export type PublishConflict = Extract<PublishDecision, { kind: 'conflict' }>

/** What the manifest alone says: the decision it settles, or the package to ask the registry about. */
export type ManifestCheck =
  | { readonly kind: 'decided'; readonly decision: PublishDecision }
  | { readonly kind: 'publishable'; readonly manifest: PublishableManifest }

/** The decision before the registry is asked: the manifest alone can settle it. */
export function checkManifest(target: PublishTarget, manifest: ManifestFacts | null): ManifestCheck {
  const conflict = (name: string | null, problem: PublishProblem): ManifestCheck => ({
    kind: 'decided',
    decision: { kind: 'conflict', target, name, registry: null, problem }
  })
  if (manifest === null) return conflict(null, { kind: 'no-manifest' })
  if (manifest.kind === 'unreadable') return conflict(null, { kind: 'unreadable-manifest', error: manifest.error })
  if (manifest.private) return { kind: 'decided', decision: { kind: 'skipped', target, name: manifest.name, reason: 'private' } }
  if (!manifest.name) return conflict(null, { kind: 'no-name' })
  if (semver.valid(target.version) !== target.version) return conflict(manifest.name, { kind: 'not-semver' })
  if (manifest.workspaceRanges.length)
    return conflict(manifest.name, { kind: 'workspace-protocol', dependencies: manifest.workspaceRanges })
  return { kind: 'publishable', manifest: { name: manifest.name } }
}

/**
 * One release's decision. A version the registry has is this release when npm recorded
 * one of this run's commits as its `gitHead` (the tagged one, the checkout, the release
 * commit), or, without a `gitHead`, when its tarball is the same; any other is published
 * from elsewhere.
 */
export function decidePublish(facts: PublishFacts): PublishDecision {
  const { target, registry, published } = facts
  const { name } = facts.manifest
  if (published !== null) {
    const ours = [target.sha, ...facts.ours]
    if (published.gitHead !== null && ours.includes(published.gitHead))
      return { kind: 'already-published', target, name, registry, by: 'git-head' }
    if (published.gitHead === null && published.integrity !== null && published.integrity === facts.tarball.integrity)
      return { kind: 'already-published', target, name, registry, by: 'integrity' }
    return { kind: 'conflict', target, name, registry, problem: { kind: 'published-elsewhere', ...published, here: facts.gitHeadHere } }
  }
  const stable = (facts.registryPackage?.versions ?? []).filter((v) => semver.valid(v) && semver.prerelease(v) === null)
  return {
    kind: 'publish',
    target,
    name,
    registry,
    distTag: decideDistTag({ version: target.version, line: target.line, stable, latest: target.latest }),
    provenance: facts.provenance,
    tarball: facts.tarball,
    secrets: findSecretLookingFiles(facts.tarball.files.map((f) => f.path))
  }
}

/** What a rollback does to `latest`: move it to the version, or nothing, and why. */
export type LatestMove =
  | { readonly kind: 'move'; readonly name: string; readonly version: string; readonly registry: string; readonly from: string | null }
  | { readonly kind: 'already'; readonly name: string; readonly version: string; readonly registry: string }
  /** The registry does not have the version: there is nothing for `latest` to point at. */
  | { readonly kind: 'not-published'; readonly name: string; readonly version: string; readonly registry: string }

/** A rollback moves `latest` back to the version it makes the latest release again; it never unpublishes. */
export function planLatestMove(name: string, version: string, registry: string, found: RegistryPackage | null): LatestMove {
  if (found === null || !found.versions.includes(version)) return { kind: 'not-published', name, version, registry }
  const from = found.distTags['latest'] ?? null
  return from === version ? { kind: 'already', name, version, registry } : { kind: 'move', name, version, registry, from }
}
