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

/** The package's manifest as it bears on publishing. */
export interface ManifestFacts {
  readonly name: string | null
  readonly private: boolean
}

/** Everything the decision needs about one release, the registry's answers included. */
export interface PublishFacts {
  readonly target: PublishTarget
  /** Its `package.json` in the working tree, or null when there is none. */
  readonly manifest: ManifestFacts | null
  readonly registry: string
  /** The version as the registry has it, or null when it has not. */
  readonly published: PublishedVersion | null
  /** The package as the registry has it, or null when it has none of its versions. */
  readonly registryPackage: RegistryPackage | null
  readonly tarball: Tarball
  /** The commit checked out, which npm records as `gitHead` when it publishes from the folder. */
  readonly checkoutHead: string | null
  readonly provenance: ProvenanceDecision
}

/** Why a release cannot be published. */
export type PublishProblem =
  /** The registry has this version from another commit, or with other contents: nothing is ever overwritten. */
  | { readonly kind: 'published-elsewhere'; readonly gitHead: string | null; readonly integrity: string | null }
  /** npm takes SemVer versions only (`2024.02.1` is not: leading zero). */
  | { readonly kind: 'not-semver' }
  | { readonly kind: 'no-manifest' }
  | { readonly kind: 'no-name' }

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

/** The decision before the registry is asked: the manifest alone can settle it. */
export function decideFromManifest(target: PublishTarget, manifest: ManifestFacts | null): PublishDecision | null {
  if (manifest === null) return { kind: 'conflict', target, name: null, registry: null, problem: { kind: 'no-manifest' } }
  if (manifest.private) return { kind: 'skipped', target, name: manifest.name, reason: 'private' }
  if (!manifest.name) return { kind: 'conflict', target, name: null, registry: null, problem: { kind: 'no-name' } }
  if (semver.valid(target.version) !== target.version)
    return { kind: 'conflict', target, name: manifest.name, registry: null, problem: { kind: 'not-semver' } }
  return null
}

/**
 * One release's decision. A version the registry has is this release when npm recorded
 * this commit as its `gitHead` (the tagged one, or the checkout npm published from), or,
 * without a `gitHead`, when its tarball is the same; any other is published from elsewhere.
 */
export function decidePublish(facts: PublishFacts): PublishDecision {
  const early = decideFromManifest(facts.target, facts.manifest)
  if (early) return early
  const { target, registry, published } = facts
  const name = facts.manifest!.name!
  if (published !== null) {
    const ours = [target.sha, facts.checkoutHead].filter((sha): sha is string => sha !== null)
    if (published.gitHead !== null && ours.includes(published.gitHead))
      return { kind: 'already-published', target, name, registry, by: 'git-head' }
    if (published.gitHead === null && published.integrity !== null && published.integrity === facts.tarball.integrity)
      return { kind: 'already-published', target, name, registry, by: 'integrity' }
    return { kind: 'conflict', target, name, registry, problem: { kind: 'published-elsewhere', ...published } }
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
