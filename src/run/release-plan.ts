import type { CommitDecision } from '../commits/analyze.js'
import type { Bump } from '../commits/bump.js'
import type { Finding as ImageFinding, ImageCheck } from '../image/index.js'
import type { UnreadVersionTags } from '../versions/release-tags.js'
import type { Version, VersionParts, VersionReason } from '../versions/scheme.js'
import type { ReleaseLine } from './line.js'

/** A release, by its version: the value, and the text the tag writes. */
export interface ReleaseRef {
  readonly version: string
  readonly tag: string
  readonly value: Version
}

/** Something that stops a release, with what to do about it. */
export type Finding =
  | { readonly kind: 'non-conventional'; readonly sha: string; readonly header: string; readonly why: string }
  | { readonly kind: 'tag-exists'; readonly tag: string; readonly sha: string }
  | { readonly kind: 'image'; readonly finding: ImageFinding }
  | { readonly kind: 'image-bump'; readonly required: Bump; readonly declared: Bump; readonly reasons: readonly string[] }
  | OutsideLine
  /** A channel's next prerelease would sort at or below one the branch already has (alpha after a merged beta). */
  | { readonly kind: 'prerelease-below'; readonly version: string; readonly above: string }

/**
 * A line with a range would leave it, or take a version another line owns: never a silent
 * downgrade, always the commits that did it and the ways out.
 */
export interface OutsideLine {
  readonly kind: 'outside-line'
  /** The version the commits call for. */
  readonly version: string
  readonly branch: string | null
  readonly range: string
  /** Where the range was set: an entry of `branches` can widen it; a short form only names the branch. */
  readonly policy: 'branches' | 'short-forms' | 'default-branch'
  readonly limit: OutsideLimit
  readonly bump: Bump
  /** The commits that call for that bump (a few), newest first. */
  readonly commits: readonly { readonly sha: string; readonly header: string }[]
}

export type OutsideLimit =
  /** The version is outside the range itself. */
  | { readonly kind: 'range' }
  /** A release of another line (`tag`) is at or below it: the line releases only below that. */
  | { readonly kind: 'taken'; readonly tag: string }
  /** It would be the newest release, and the newest versions are the `owner` line's (main). */
  | { readonly kind: 'newest'; readonly owner: string }

/**
 * Why the version is what it is, beyond the commits' own reasons: values that every report
 * renders in its own words, and that nothing reads back from text.
 */
export type PlanReason =
  /** The `bump` input overrode what the commits call for (`post`: a PEP 440 post-release of the last release). */
  | { readonly kind: 'forced'; readonly bump: Exclude<Bump, 'none'> | 'post'; readonly commits: Bump }
  /** The release-image check needs a larger bump than the commits, and `image-bump: escalate` took it. */
  | { readonly kind: 'raised-by-image'; readonly from: Bump; readonly to: Bump; readonly why: readonly string[] }
  /** SemVer §4: while the major is 0, these breaking commits bump the minor. */
  | { readonly kind: 'held-by-major-zero'; readonly commits: readonly string[] }
  /** No release was found, yet some tags look like versions: the prefix or the scheme does not read them. */
  | ({ readonly kind: 'tags-not-read' } & UnreadVersionTags)
  /** A CalVer release dated in a time zone other than UTC: the instant, the zone, and the date it gave. */
  | { readonly kind: 'release-date'; readonly instant: string; readonly zone: string; readonly date: string }
  /** HEAD already carries this release's tag: a re-run finishes it. */
  | { readonly kind: 'finishing'; readonly tag: string }
  /** The version the merged release pull request named: proposed with a forced bump, or a CalVer date of an earlier day. */
  | { readonly kind: 'proposed'; readonly tag: string }
  /** A monorepo's package released because packages it depends on (by its manifest) release. */
  | { readonly kind: 'dependency'; readonly dependencies: readonly string[] }
  /** A monorepo's linked package: the group releases one version, the highest of its members'. */
  | { readonly kind: 'linked'; readonly group: readonly string[]; readonly version: string }
  | VersionReason

/** Where the next version stands among every version tagged, reachable or not. */
export interface Standing {
  readonly prerelease: boolean
  /** The version's parts for the outputs, by its own scheme's rules. */
  readonly parts: VersionParts
  /** Stable and above every stable version: the repository's latest release. */
  readonly latest: boolean
  /** Stable SemVer and the highest of its major (`v1`) and of its major.minor (`v1.3`): floating tags may move to it. */
  readonly highestInMajor: boolean
  readonly highestInMinor: boolean
}

interface PlanCommon {
  readonly scheme: 'semver' | 'calver'
  readonly head: string
  readonly previous: (ReleaseRef & { readonly sha: string }) | null
  /** The part of the version that changes; the reasons say when that differs from what the commits call for. */
  readonly bump: Bump
  /** Every commit since the previous release, newest first, each with its reason. */
  readonly commits: readonly CommitDecision[]
  readonly reasons: readonly PlanReason[]
  /** Tags that are not versions under this configuration, and so were not considered. */
  readonly ignoredTags: readonly string[]
  /** The release-image check, when `schemas` are configured. */
  readonly image: ImageCheck | null
  /** The branch's line: what it releases, and whether this branch releases at all. */
  readonly line: ReleaseLine
}

/** The decision, as pure data: what a dry run prints, a check reports and a release applies. */
export type ReleasePlan =
  | (PlanCommon & { readonly kind: 'release'; readonly next: ReleaseRef; readonly standing: Standing })
  | (PlanCommon & { readonly kind: 'none'; readonly reason: 'no-commits' | 'no-releasable-commits'; readonly next: null })
  | (PlanCommon & { readonly kind: 'blocked'; readonly findings: readonly Finding[]; readonly next: ReleaseRef | null })

export type ReleasingPlan = Extract<ReleasePlan, { kind: 'release' }>
