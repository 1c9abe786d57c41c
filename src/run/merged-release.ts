import type { Config } from '../config/config.js'
import type { RangeCommit } from '../git/release-branch.js'
import { compareVersions, parseVersion, type Version } from '../versions/scheme.js'
import type { ReleasePlan } from './release-plan.js'

/** A release pull request's commit on the branch: where it landed, and the tags its title named. */
export interface MergedRelease {
  /** The commit of the branch's own line (first parents from HEAD) that brought the release commit: what is tagged. */
  readonly at: string
  /** The release commit itself: `at` for a squash or a rebase, a commit of the merged side for a merge. */
  readonly commit: string
  readonly tags: readonly string[]
}

/** How many release commits of a range are weighed, newest first: past the newest few they are stale ones already passed. */
export const MERGED_CANDIDATES = 5

/** `chore(release): v1.4.0`, or `chore(release): api/v1.3.0, web/v2.0.0 (#12)` as GitHub's squash titles it. */
const RELEASE_SUBJECT = /^chore\(release\): (.+?)(?: \(#\d+\))?$/

/** The tags a release commit's subject names, or null when it is not one. */
export function releaseSubjectTags(subject: string): string[] | null {
  const match = RELEASE_SUBJECT.exec(subject.trim())
  if (!match) return null
  const tags = match[1]!.split(', ').map((t) => t.trim())
  return tags.every((t) => t !== '' && !/[\s,]/.test(t)) ? tags : null
}

/**
 * The release commits a range holds, newest first, each with the commit of the branch's line
 * that brought it. However the pull request was merged, its commit is in the history: the
 * squash commit or the rebased commit is on the line itself; a merge commit's second parent
 * leads to it. The commit that brought it is the oldest commit of the line that descends from it.
 * Only candidates: the caller confirms each from the files at that commit.
 */
export function findMergedReleases(range: readonly RangeCommit[], head: string): MergedRelease[] {
  const bySha = new Map(range.map((c) => [c.sha, c]))
  // The branch's line: first parents from HEAD, with each commit's distance from HEAD.
  const line = new Map<string, number>()
  for (let sha: string | undefined = head, i = 0; sha !== undefined && bySha.has(sha); sha = bySha.get(sha)!.parents[0], i++)
    line.set(sha, i)
  const children = new Map<string, string[]>()
  for (const c of range) for (const p of c.parents) children.set(p, [...(children.get(p) ?? []), c.sha])

  const found = new Map<string, MergedRelease>()
  for (const commit of range) {
    const tags = releaseSubjectTags(commit.subject)
    if (tags === null) continue
    const at = broughtBy(commit.sha, line, children)
    // One release a commit of the line: the newest release commit it brought.
    if (at !== null && !found.has(at)) found.set(at, { at, commit: commit.sha, tags })
  }
  return [...found.values()].sort((a, b) => line.get(a.at)! - line.get(b.at)!)
}

/** The oldest commit of the line that is `sha` or descends from it, or null when none is in the range. */
function broughtBy(sha: string, line: ReadonlyMap<string, number>, children: ReadonlyMap<string, readonly string[]>): string | null {
  let best: string | null = null
  const seen = new Set<string>()
  const queue = [sha]
  while (queue.length) {
    const next = queue.pop()!
    if (seen.has(next)) continue
    seen.add(next)
    const distance = line.get(next)
    // The line's commits descend from each other: past the first one met, only older ones matter.
    if (distance !== undefined) {
      if (best === null || distance > line.get(best)!) best = next
      continue
    }
    queue.push(...(children.get(next) ?? []))
  }
  return best
}

/**
 * The version a merged release pull request named, where it stands over the plan's own: one
 * proposed with a forced bump names a higher version than the commits alone call for, and a
 * calendar version names the day (or month) it was proposed. A lower SemVer version stands
 * not: commits landed since that call for more. Null when the plan names it already, or
 * releases nothing.
 */
export function proposedVersion(config: Pick<Config, 'tagPrefix' | 'scheme'>, tags: readonly string[], plan: ReleasePlan): Version | null {
  if (plan.kind !== 'release') return null
  for (const tag of tags) {
    const value = tag.startsWith(config.tagPrefix) ? parseVersion(config.scheme, tag.slice(config.tagPrefix.length)) : null
    if (value === null || tag === plan.next.tag) continue
    const above = plan.previous === null || compareVersions(value, plan.previous.value) > 0
    if (above && (config.scheme.kind === 'calver' || compareVersions(value, plan.next.value) > 0)) return value
  }
  return null
}
