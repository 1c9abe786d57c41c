import { formatExtended, normalizeArtifactVersion } from '../versions/extended.js'
import type { ReleasePlan } from './release-plan.js'

/** A versioned artifact a release ships (a release-image document), with its extended version. */
export interface Artifact {
  /** The document's type name (`document.Account`). */
  readonly name: string
  /** Its own version, from its last history tag (`2.5` is 2.5.0). */
  readonly version: string
  /** `2.5.0-pkg.1.17.0+account`: its version, the package release that carries it, the package. */
  readonly extended: string
}

/** What the artifacts of a plan could not be given, for the log. */
export interface Artifacts {
  readonly list: readonly Artifact[]
  /** Documents whose history tag is no version (`v2-beta`): named, not versioned. */
  readonly unversioned: readonly string[]
}

/**
 * The name a single-package repository's artifacts carry: its npm manifest's name, else the
 * repository's name, else `package`.
 */
export function packageNameFor(manifest: string | null, repository: string | undefined): string {
  try {
    const name = manifest === null ? null : (JSON.parse(manifest) as { name?: unknown }).name
    if (typeof name === 'string' && name) return name
  } catch {
    // A broken manifest names nothing: the repository's name does.
  }
  return repository?.split('/').pop() || 'package'
}

/**
 * The extended versions of the documents a release carries: each document's own version,
 * then the package version that ships it, then the package's name. Empty when the plan
 * releases nothing or there is no release image.
 */
export function planArtifacts(plan: ReleasePlan, packageName: string): Artifacts {
  if (plan.kind !== 'release' || plan.next.value.kind !== 'semver' || !plan.image) return { list: [], unversioned: [] }
  const list: Artifact[] = []
  const unversioned: string[] = []
  for (const doc of plan.image.documents) {
    const own = normalizeArtifactVersion(doc.tag)
    if (own === null) {
      unversioned.push(`${doc.name} (${doc.tag})`)
      continue
    }
    list.push({
      name: doc.name,
      version: own.version,
      extended: formatExtended({ artifact: own, packageVersion: plan.next.value.value, packageName })
    })
  }
  return { list, unversioned }
}
