import type { TagRef } from '../git/tags.js'
import { compareVersions, isPrerelease, parseVersion, type Scheme, type Version } from './scheme.js'

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

/** Stable releases build on stable releases; a prerelease channel continues its prereleases. */
export function chooseCandidates(tags: ReleaseTags, prerelease: string | null): Candidates {
  const stable = tags.all.filter((t) => !isPrerelease(t.version))
  return { base: prerelease === null ? stable : tags.all, stable }
}
