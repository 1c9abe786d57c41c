import { parseCommit } from '../../src/commits/analyze.js'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import type { TagRef } from '../../src/git/tags.js'
import { decidePlan } from '../../src/run/decide.js'
import type { ReleasePlan } from '../../src/run/release-plan.js'
import { parseReleaseTags } from '../../src/versions/release-tags.js'

/**
 * Release plans for the notes tests, made by the real pipeline from commit messages: the
 * messages go through the real parser, the release rules and the version code, so the
 * notes are tested on the plans verso really makes. Shas are fixed, so snapshots are too.
 */

export const REPOSITORY_URL = 'https://github.com/octo-org/octo-repo'

/** The nth commit's sha (1 is the oldest): `c000001` and zeros. */
export function shaOf(n: number): string {
  return `c${n.toString(16).padStart(6, '0')}`.padEnd(40, '0')
}

/** A commit older than the range: one a revert can name as "released before". */
export const RELEASED_SHA = 'beefcafe'.repeat(5)

export interface CommitSpec {
  readonly message: string
  /** A merge commit (two parents). */
  readonly merge?: boolean
}

export interface PlanSpec {
  /** Oldest first, as they were committed. */
  readonly commits: readonly (string | CommitSpec)[]
  /** The last release's tag; null for a first release. Default `v1.2.3`. */
  readonly base?: string | null
  /** The last stable release, when the base is a prerelease. Default: the base. */
  readonly stableBase?: string | null
  readonly options?: RawOptions
  readonly now?: Date
}

export function makePlan(spec: PlanSpec): ReleasePlan {
  const base = spec.base === undefined ? 'v1.2.3' : spec.base
  const stable = spec.stableBase === undefined ? base : spec.stableBase
  const config = resolveConfig(spec.options ?? {})
  const tag = (name: string, i: number): TagRef => ({ name, sha: `${'b'.repeat(39)}${i}` })
  const tags = parseReleaseTags(
    [...new Set([base, stable].filter((t): t is string => t !== null))].map(tag),
    config.tagPrefix,
    config.scheme
  )
  const find = (name: string | null) => tags.all.find((t) => t.name === name) ?? null
  const commits = spec.commits
    .map((c, i) => {
      const { message, merge = false } = typeof c === 'string' ? { message: c } : c
      return parseCommit({ sha: shaOf(i + 1), parents: merge ? [shaOf(i), RELEASED_SHA] : [shaOf(i)], message })
    })
    .reverse()
  const facts = { head: shaOf(spec.commits.length), tags, base: find(base), stableBase: find(stable), commits, fetched: [] }
  return decidePlan(config, facts, spec.now ?? new Date('2024-02-20T12:00:00Z'))
}
