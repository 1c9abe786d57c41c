import { matchesGlob } from 'node:path'
import { parseCommit, type ParsedCommit } from '../commits/analyze.js'
import type { PackageConfig } from '../config/config.js'
import { routesTo } from '../config/packages.js'
import { readCommitsWithPaths } from '../git/changed-paths.js'
import type { Git } from '../git/git.js'
import { isShallow, type FetchHistory, type FetchState } from '../git/history.js'
import { fetchWhole } from '../git/shallow.js'
import { Reachability } from '../git/reachability.js'
import { readTags } from '../git/tags.js'
import { VersoError } from '../errors.js'
import { chooseCandidates, parseReleaseTags } from '../versions/release-tags.js'
import type { Facts } from './gather.js'
import type { Line } from './line.js'

/** A package to read the history of: its configuration and the line its branch is on. */
export interface PackageRequest {
  readonly pkg: PackageConfig
  readonly line: Line
  /** Read as if this tag did not exist: a re-run finishing the package's release at HEAD. */
  readonly ignoreTag?: string
}

export interface PackageHistory {
  readonly head: string
  /** Each package's facts, in the order asked: its own tags, last release and commits. */
  readonly facts: readonly Facts[]
  /** Commits since a release whose changed files no package holds: they release nothing. */
  readonly unrouted: { readonly count: number; readonly examples: readonly { readonly sha: string; readonly header: string }[] }
  readonly fetched: readonly string[]
}

export interface PackageHistoryOptions {
  readonly fetchHistory: FetchHistory
  readonly state: FetchState
  readonly head?: string
}

/**
 * Every package's last release and commits from one streamed `git log` with the changed
 * paths: each commit is read and parsed once, whatever the number of packages, and goes to
 * every package whose files it changes and whose last release does not already contain it.
 *
 * The walk goes children before parents, so "contained in package i's last release" is
 * passed from each commit to its parents as one bit per package: no git process per
 * package, and only the walk's frontier held in memory.
 */
export async function readPackageHistory(
  git: Git,
  options: PackageHistoryOptions,
  requests: readonly PackageRequest[]
): Promise<PackageHistory> {
  const head = (await git.run(['rev-parse', '--verify', '--end-of-options', `${options.head ?? 'HEAD'}^{commit}`])).trim()
  const fetched = await unshallow(git, options)
  const refs = await readTags(git)
  const reach = new Reachability(git, head)
  const prefixes = requests.map((r) => r.pkg.config.tagPrefix)
  const orders = requests.map(({ pkg, line, ignoreTag }) => {
    const parsed = parseReleaseTags(
      refs.filter((ref) => ref.name !== ignoreTag),
      pkg.config.tagPrefix,
      pkg.config.scheme
    )
    // Another package's tags are not "ignored" by this one: they are that package's.
    const ignored = parsed.ignored.filter((name) => !prefixes.some((prefix) => prefix !== pkg.config.tagPrefix && name.startsWith(prefix)))
    const tags = { ...parsed, ignored }
    return { tags, order: chooseCandidates(tags, line) }
  })
  // Each package's best tag is usually its last release: one process asks for all of them.
  await reach.filter(orders.flatMap(({ order }) => order.base.slice(0, 1).map((t) => t.sha)))
  const perPackage = []
  for (const { tags, order } of orders) {
    const base = await reach.first(order.base)
    const stableBase = base && order.stable.includes(base) ? base : await reach.first(order.stable)
    perPackage.push({ tags, base, stableBase })
  }
  // Commits every last release contains belong to no range: git need not walk them at all.
  const bases = perPackage.map((p) => p.base?.sha ?? null)
  const exclude = bases.every((sha): sha is string => sha !== null) ? await commonAncestors(git, [...new Set(bases)]) : []

  const bitOf = new Map<string, bigint>()
  bases.forEach((sha, i) => sha !== null && bitOf.set(sha, (bitOf.get(sha) ?? 0n) | (1n << BigInt(i))))
  const specs = requests.map((r) => r.pkg.spec)
  const rootIndex = specs.findIndex((s) => s.path === '.')
  const commits: ParsedCommit[][] = requests.map(() => [])
  const contained = new Map<string, bigint>()
  const unrouted = { count: 0, examples: [] as { sha: string; header: string }[] }
  await readCommitsWithPaths(git, head, exclude, (commit) => {
    const mask = (contained.get(commit.sha) ?? 0n) | (bitOf.get(commit.sha) ?? 0n)
    contained.delete(commit.sha)
    for (const parent of commit.parents) contained.set(parent, (contained.get(parent) ?? 0n) | mask)
    const owners = ownersOf(commit.paths, specs, rootIndex)
    const inRange = owners.filter((i) => ((mask >> BigInt(i)) & 1n) === 0n)
    if (inRange.length === 0) {
      // Counted once, against the releases: a commit no package holds and no release contains.
      if (owners.length === 0 && commit.paths.length && mask === 0n) {
        unrouted.count++
        if (unrouted.examples.length < 3) unrouted.examples.push({ sha: commit.sha, header: commit.message.split('\n', 1)[0] ?? '' })
      }
      return
    }
    const parsed = parseCommit(commit)
    for (const i of inRange) commits[i]!.push(parsed)
  })
  const facts = perPackage.map((p, i): Facts => ({
    head,
    tags: p.tags,
    base: p.base,
    stableBase: p.stableBase,
    commits: commits[i]!,
    fetched
  }))
  return { head, facts, unrouted, fetched }
}

/** The packages a commit's files belong to; files no package holds go to the root package, when there is one. */
function ownersOf(paths: readonly string[], specs: readonly PackageConfig['spec'][], rootIndex: number): number[] {
  const owners = new Set<number>()
  for (const file of paths) {
    let held = false
    specs.forEach((spec, i) => {
      if (i !== rootIndex && routesTo(spec, file, matchesGlob)) {
        owners.add(i)
        held = true
      }
    })
    if (!held && rootIndex !== -1) owners.add(rootIndex)
  }
  return [...owners].sort((a, b) => a - b)
}

/** The commits from which every one of `shas` is reachable: the best common ancestors of them all. */
async function commonAncestors(git: Git, shas: readonly string[]): Promise<string[]> {
  if (shas.length === 1) return [...shas]
  const found = await git.tryRun(['merge-base', '--octopus', '--all', '--end-of-options', ...shas])
  return found.code === 0 ? found.stdout.split('\n').filter(Boolean) : []
}

/**
 * Packages need every release tag and the history back to the oldest of their releases: a
 * shallow clone is made whole once, with the tags, and with the trees (which files each
 * commit changed) but not the files' contents, unless `fetch-history: full` asks for all.
 */
async function unshallow(git: Git, options: PackageHistoryOptions): Promise<string[]> {
  if (options.state.complete || !(await isShallow(git))) return []
  if (options.fetchHistory === 'never') {
    throw new VersoError(
      'ESHALLOW',
      "This is a shallow clone, and a monorepo plan needs the history back to every package's last release (fetch-history is never).",
      {
        hint: 'Check out the whole history: with actions/checkout, set `fetch-depth: 0`; or set `fetch-history: auto`.'
      }
    )
  }
  const remote = { git, name: 'origin', state: options.state, fetched: [] }
  await fetchWhole(remote, options.fetchHistory === 'full' ? null : 'blob:none', 'for the packages')
  return remote.fetched
}
