import { analyzeCommits } from '../commits/analyze.js'
import { compareBumps, type Bump } from '../commits/bump.js'
import type { Config } from '../config/config.js'
import type { ImageCheck } from '../image/index.js'
import { compareVersions, describeParts, formatVersion, isPrerelease, nextVersion, type Version } from '../versions/scheme.js'
import { findUnreadVersionTags, type ReleaseTag } from '../versions/release-tags.js'
import { dateInZone } from '../versions/calver/time-zone.js'
import { inRange } from '../versions/semver.js'
import { decideBump } from './effective-bump.js'
import type { Facts } from './gather.js'
import { unresolvedLine, type ReleaseLine } from './line.js'
import type { Finding, OutsideLimit, PlanReason, ReleasePlan, ReleaseRef, Standing } from './release-plan.js'

export interface DecideOptions {
  /** The release an earlier run already tagged (at HEAD, or an earlier release), to be completed whatever today's plan would be. */
  readonly finish?: Version
  /** The branch's line; without one, the configuration's channel, anywhere. */
  readonly line?: ReleaseLine
  /** A monorepo's package that must release at least this (a dependency released), and why. */
  readonly atLeast?: { readonly bump: Exclude<Bump, 'none'>; readonly reason: PlanReason }
  /** A monorepo's linked package: its version is raised to the group's highest, and why. */
  readonly raiseTo?: { readonly version: Version; readonly reason: PlanReason }
  /**
   * The version a merged release pull request named, released instead of today's choice when
   * the commits still release: a forced bump when it was proposed, or a CalVer date of that day.
   */
  readonly proposed?: Version
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
  const line = options.line ?? unresolvedLine(config.prerelease)
  const analysis = analyzeCommits(facts.commits, config.releaseRules, { mergeStyle: config.check.mergeStyle })
  const effective = decideBump(config, analysis, image, facts.stableBase?.version ?? null)
  const { atLeast } = options
  const raised = atLeast !== undefined && compareBumps(effective.bump, atLeast.bump) < 0
  const bump = raised ? atLeast.bump : effective.bump

  const findings: Finding[] = config.strict
    ? analysis.decisions.flatMap((d): Finding[] =>
        // A squash commit read as the commits it lists counts through them: its title need not be one.
        d.message.kind === 'unconventional' && !d.merge && d.cause.kind !== 'squashed'
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
    reasons: [...unreadTags(config, facts), ...effective.reasons, ...(raised ? [atLeast.reason] : [])],
    ignoredTags: facts.tags.ignored,
    image,
    line
  }
  const { finish } = options
  if (finish === undefined && !raised && (bump === 'none' || facts.commits.length === 0)) {
    if (findings.length) return { ...common, kind: 'blocked', findings, next: null }
    return { ...common, kind: 'none', reason: facts.commits.length === 0 ? 'no-commits' : 'no-releasable-commits', next: null }
  }

  const taken = facts.tags.all.map((t) => t.version)
  // A calendar version takes the date of its time zone; the code below reads it as UTC.
  const zone = config.scheme.kind === 'calver' ? config.scheme.timeZone : 'UTC'
  const today = dateInZone(now, zone)
  const dated: PlanReason[] =
    zone === 'UTC' ? [] : [{ kind: 'release-date', instant: now.toISOString(), zone, date: today.toISOString().slice(0, 10) }]
  const { proposed } = options
  const computed: { version: Version; reasons: readonly PlanReason[]; below?: Version } =
    finish !== undefined
      ? { version: finish, reasons: [{ kind: 'finishing', tag: `${config.tagPrefix}${formatVersion(finish)}` }] }
      : proposed !== undefined
        ? { version: proposed, reasons: [{ kind: 'proposed', tag: `${config.tagPrefix}${formatVersion(proposed)}` }] }
        : nextVersion(config.scheme, {
            base: facts.base?.version ?? null,
            stable: facts.stableBase?.version ?? null,
            bump: releasing(bump),
            prerelease: line.prerelease,
            prereleaseStart: config.prereleaseStart,
            taken,
            now: today,
            post: config.bump === 'post'
          })
  const { raiseTo } = options
  const next =
    raiseTo && finish === undefined && compareVersions(raiseTo.version, computed.version) > 0
      ? { version: raiseTo.version, reasons: [...computed.reasons, raiseTo.reason] }
      : computed
  const text = formatVersion(next.version)
  const release: ReleaseRef = { version: text, tag: `${config.tagPrefix}${text}`, value: next.version }
  const plan = { ...common, reasons: [...common.reasons, ...dated, ...next.reasons] }

  // The tag at HEAD itself is no clash: that is a re-run finishing its release.
  const clash = facts.tags.all.find((t) => t.name === release.tag && t.sha !== facts.head)
  const limit = finish === undefined ? lineLimit(line, next.version, facts) : null
  if (limit && line.range !== null) {
    // The commits that call for the most: the 0.y.z rule or the image may have changed what the bump is called.
    const deciding = analysis.decisions.filter((d) => d.status === 'counted' && d.bump === analysis.bump)
    findings.push({
      kind: 'outside-line',
      version: text,
      branch: line.branch,
      range: line.range,
      policy: line.source,
      limit,
      bump,
      commits: deciding.slice(0, 3).map((d) => ({ sha: d.sha, header: d.header }))
    })
  } else if (computed.below && facts.base) findings.push({ kind: 'prerelease-below', version: text, above: facts.base.name })
  else if (clash) findings.push({ kind: 'tag-exists', tag: clash.name, sha: clash.sha })
  if (findings.length) return { ...plan, kind: 'blocked', findings, next: release }
  return { ...plan, kind: 'release', next: release, standing: standingOf(next.version, taken) }
}

/**
 * What keeps a line with a range from releasing `next`, or null when nothing does: the range
 * itself; a release of another line at or below `next` (the line releases only below the
 * newer line's first release above its own); or, when no release is above it, the line that
 * owns the newest versions, whose next release `next` would take.
 */
function lineLimit(line: ReleaseLine, next: Version, facts: Facts): OutsideLimit | null {
  if (line.range === null || next.kind !== 'semver') return null
  if (!inRange(next.value, line.range)) return { kind: 'range' }
  if (line.prerelease !== null) return null
  const base = facts.base?.version ?? null
  let above: ReleaseTag | null = null
  for (const tag of facts.tags.all) {
    if (isPrerelease(tag.version) || (base !== null && compareVersions(tag.version, base) <= 0)) continue
    if (above === null || compareVersions(tag.version, above.version) < 0) above = tag
  }
  if (above !== null) return compareVersions(next, above.version) >= 0 ? { kind: 'taken', tag: above.name } : null
  return line.newestOwner === null ? null : { kind: 'newest', owner: line.newestOwner }
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
