import { analyzeCommits, type CommitDecision, type ParsedCommit } from '../commits/analyze.js'
import { compareBumps, type Bump } from '../commits/bump.js'
import type { Config } from '../config/config.js'
import type { CandidateOrder, History } from '../git/history.js'
import type { TagRef } from '../git/tags.js'
import type { Finding as ImageFinding, ImageCheck } from '../image/index.js'
import { compareVersions, describeParts, isPrerelease, nextVersion, parseVersion, type Version, type VersionParts } from '../versions/scheme.js'

export interface ReleaseRef {
  readonly version: string
  readonly tag: string
}

/** Something that stops a release, with what to do about it. */
export type Finding =
  | { readonly kind: 'non-conventional'; readonly sha: string; readonly header: string; readonly why: string }
  | { readonly kind: 'tag-exists'; readonly tag: string; readonly sha: string }
  | { readonly kind: 'image'; readonly finding: ImageFinding }
  | { readonly kind: 'image-bump'; readonly required: Bump; readonly declared: Bump; readonly reasons: readonly string[] }

interface PlanCommon {
  readonly scheme: 'semver' | 'calver'
  readonly head: string
  readonly previous: (ReleaseRef & { readonly sha: string }) | null
  readonly bump: Bump
  /** Every commit since the previous release, newest first, each with its reason. */
  readonly commits: readonly CommitDecision[]
  /** Why the version is what it is, beyond the bump itself. */
  readonly notes: readonly string[]
  /** Tags that are not versions under this configuration, and so were not considered. */
  readonly ignoredTags: readonly string[]
  /** The release-image check, when `schemas` are configured. */
  readonly image: ImageCheck | null
}

/** The decision, as pure data: what a dry run prints, a check reports and a release applies. */
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

/** The decision, as pure data: what a dry run prints, a check reports and a release applies. */
export type ReleasePlan =
  | (PlanCommon & { readonly kind: 'release'; readonly next: ReleaseRef; readonly standing: Standing })
  | (PlanCommon & { readonly kind: 'none'; readonly reason: 'no-commits' | 'no-releasable-commits'; readonly next: null })
  | (PlanCommon & { readonly kind: 'blocked'; readonly findings: readonly Finding[]; readonly next: ReleaseRef | null })

interface ParsedTag {
  readonly ref: TagRef
  readonly version: Version
}

/** Reads each tag as prefix + version; tags that are not versions are ignored, never fatal. */
function parseTags(config: Config, tags: readonly TagRef[]): { parsed: ParsedTag[]; ignored: string[] } {
  const parsed: ParsedTag[] = []
  const ignored: string[] = []
  for (const ref of tags) {
    const version = ref.name.startsWith(config.tagPrefix) ? parseVersion(config.scheme, ref.name.slice(config.tagPrefix.length)) : null
    if (version) parsed.push({ ref, version })
    else ignored.push(ref.name)
  }
  return { parsed, ignored }
}

/** Orders the release tags best first: the candidates for the last release. */
export function orderTags(config: Config, tags: readonly TagRef[]): CandidateOrder {
  const { parsed } = parseTags(config, tags)
  parsed.sort((a, b) => compareVersions(b.version, a.version) || a.ref.name.localeCompare(b.ref.name))
  const stable = parsed.filter((p) => !isPrerelease(p.version)).map((p) => p.ref)
  // Stable releases build on stable releases; a prerelease channel continues its prereleases.
  const base = config.prerelease === null ? stable : parsed.map((p) => p.ref)
  return { base, stable }
}

/**
 * Decides the release: a pure function of the configuration, the history, the clock and
 * the release-image check's result.
 */
export function decidePlan(config: Config, history: History<ParsedCommit>, now: Date, image: ImageCheck | null = null, options: { finish?: string } = {}): ReleasePlan {
  const { parsed, ignored } = parseTags(config, history.tags)
  const versionOf = (ref: TagRef): Version | null => parsed.find((p) => p.ref === ref)?.version ?? null
  const analysis = analyzeCommits(history.commits, config.releaseRules)
  let bump = config.bump === 'auto' ? analysis.bump : config.bump
  // A forced bump says what the commits called for, so a downgrade is visible.
  const notes = config.bump === 'auto' ? [] : [`bump forced to ${config.bump} by the \`bump\` input (the commits call for ${analysis.bump === 'none' ? 'no release' : analysis.bump})`]

  const findings: Finding[] = config.strict
    ? analysis.decisions
        .filter((d) => d.message.kind === 'unconventional' && !d.merge)
        .map((d) => ({ kind: 'non-conventional', sha: d.sha, header: d.header, why: d.message.kind === 'unconventional' ? d.message.why : '' }))
    : []
  if (image) {
    findings.push(...image.findings.map((finding): Finding => ({ kind: 'image', finding })))
    const required = image.bump.bump
    if (compareBumps(required, bump) > 0) {
      const reasons = image.bump.reasons.map((r) => r.message)
      if (config.image?.bump === 'escalate') {
        notes.push(`raised from ${bump} to ${required} by the release-image check: ${reasons.join('; ')}`)
        bump = required
      } else {
        findings.push({ kind: 'image-bump', required, declared: bump, reasons })
      }
    }
  }

  const common: PlanCommon = {
    scheme: config.scheme.kind,
    head: history.head,
    previous: history.base && { version: history.base.name.slice(config.tagPrefix.length), tag: history.base.name, sha: history.base.sha },
    bump,
    commits: analysis.decisions,
    notes,
    ignoredTags: ignored,
    image
  }
  // finish: the version a run before already tagged at HEAD, to be completed whatever today's plan would be.
  const { finish } = options
  if (finish === undefined && (bump === 'none' || history.commits.length === 0)) {
    if (findings.length) return { ...common, kind: 'blocked', findings, next: null }
    return { ...common, kind: 'none', reason: history.commits.length === 0 ? 'no-commits' : 'no-releasable-commits', next: null }
  }

  const next =
    finish !== undefined
      ? { version: finish, notes: [`finishing the release of ${config.tagPrefix}${finish}, tagged at HEAD by an earlier run`] }
      : nextVersion(config.scheme, {
          base: history.base && versionOf(history.base),
          stable: history.stableBase && versionOf(history.stableBase),
          bump: releasing(bump),
          forced: config.bump !== 'auto',
          prerelease: config.prerelease,
          taken: parsed.map((p) => p.version),
          now
        })
  const release: ReleaseRef = { version: next.version, tag: `${config.tagPrefix}${next.version}` }
  const plan = { ...common, notes: [...common.notes, ...next.notes] }

  // The tag at HEAD itself is no clash: that is a re-run finishing its release.
  const clash = history.tags.find((t) => t.name === release.tag && t.sha !== history.head)
  if (clash) findings.push({ kind: 'tag-exists', tag: clash.name, sha: clash.sha })
  if (findings.length) return { ...plan, kind: 'blocked', findings, next: release }
  return { ...plan, kind: 'release', next: release, standing: standingOf(parseVersion(config.scheme, next.version)!, parsed.map((p) => p.version)) }
}

/** A plan that got this far releases: without a bump it returned `none` above. */
function releasing(bump: Bump): Exclude<Bump, 'none'> {
  if (bump === 'none') throw new Error('decidePlan: a release without a bump')
  return bump
}

function standingOf(next: Version, existing: readonly Version[]): Standing {
  const stable = !isPrerelease(next)
  const above = (others: readonly Version[]) => stable && others.every((v) => isPrerelease(v) || compareVersions(next, v) > 0)
  const parts = describeParts(next)
  if (next.kind !== 'semver') return { prerelease: !stable, parts, latest: above(existing), highestInMajor: false, highestInMinor: false }
  const sameMajor = existing.filter((v) => v.kind === 'semver' && v.value.major === next.value.major)
  const sameMinor = sameMajor.filter((v) => v.kind === 'semver' && v.value.minor === next.value.minor)
  return { prerelease: !stable, parts, latest: above(existing), highestInMajor: above(sameMajor), highestInMinor: above(sameMinor) }
}
