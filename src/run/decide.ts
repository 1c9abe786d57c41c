import { analyzeCommits } from '../commits/analyze.js'
import type { Bump } from '../commits/bump.js'
import type { Config } from '../config/config.js'
import type { ImageCheck } from '../image/index.js'
import { compareVersions, describeParts, formatVersion, isPrerelease, nextVersion, type Version } from '../versions/scheme.js'
import { findUnreadVersionTags } from '../versions/release-tags.js'
import { decideBump } from './effective-bump.js'
import type { Facts } from './gather.js'
import type { Finding, PlanReason, ReleasePlan, ReleaseRef, Standing } from './release-plan.js'

export interface DecideOptions {
  /** The release an earlier run already tagged (at HEAD, or an earlier release), to be completed whatever today's plan would be. */
  readonly finish?: Version
}

/**
 * Decides the release: a pure function of the configuration, the gathered facts, the
 * clock and the release-image check's result.
 */
export function decidePlan(
  config: Config,
  facts: Facts,
  now: Date,
  image: ImageCheck | null = null,
  options: DecideOptions = {}
): ReleasePlan {
  const analysis = analyzeCommits(facts.commits, config.releaseRules)
  const effective = decideBump(config, analysis, image, facts.stableBase?.version ?? null)
  const { bump } = effective

  const findings: Finding[] = config.strict
    ? analysis.decisions.flatMap((d): Finding[] =>
        d.message.kind === 'unconventional' && !d.merge
          ? [{ kind: 'non-conventional', sha: d.sha, header: d.header, why: d.message.why }]
          : []
      )
    : []
  if (image) findings.push(...image.findings.map((finding): Finding => ({ kind: 'image', finding })))
  if (effective.finding) findings.push(effective.finding)

  const common = {
    scheme: config.scheme.kind,
    head: facts.head,
    previous: facts.base && { version: facts.base.text, tag: facts.base.name, sha: facts.base.sha, value: facts.base.version },
    bump,
    commits: analysis.decisions,
    reasons: [...unreadTags(config, facts), ...effective.reasons],
    ignoredTags: facts.tags.ignored,
    image
  }
  const { finish } = options
  if (finish === undefined && (bump === 'none' || facts.commits.length === 0)) {
    if (findings.length) return { ...common, kind: 'blocked', findings, next: null }
    return { ...common, kind: 'none', reason: facts.commits.length === 0 ? 'no-commits' : 'no-releasable-commits', next: null }
  }

  const taken = facts.tags.all.map((t) => t.version)
  const next: { version: Version; reasons: readonly PlanReason[] } =
    finish !== undefined
      ? { version: finish, reasons: [{ kind: 'finishing', tag: `${config.tagPrefix}${formatVersion(finish)}` }] }
      : nextVersion(config.scheme, {
          base: facts.base?.version ?? null,
          stable: facts.stableBase?.version ?? null,
          bump: releasing(bump),
          prerelease: config.prerelease,
          taken,
          now
        })
  const text = formatVersion(next.version)
  const release: ReleaseRef = { version: text, tag: `${config.tagPrefix}${text}`, value: next.version }
  const plan = { ...common, reasons: [...common.reasons, ...next.reasons] }

  // The tag at HEAD itself is no clash: that is a re-run finishing its release.
  const clash = facts.tags.all.find((t) => t.name === release.tag && t.sha !== facts.head)
  if (clash) findings.push({ kind: 'tag-exists', tag: clash.name, sha: clash.sha })
  if (findings.length) return { ...plan, kind: 'blocked', findings, next: release }
  return { ...plan, kind: 'release', next: release, standing: standingOf(next.version, taken) }
}

/** With no release found, tags that look like versions are the likely cause: the plan says which, and what reads them. */
function unreadTags(config: Config, facts: Facts): PlanReason[] {
  if (facts.base !== null || facts.tags.all.length > 0) return []
  const unread = findUnreadVersionTags(facts.tags.ignored, config.tagPrefix, config.scheme)
  return unread ? [{ kind: 'tags-not-read', ...unread }] : []
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
