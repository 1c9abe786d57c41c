import { VersoError } from '../errors.js'
import { readCommits, type RawCommit } from './commits.js'
import { inspectArgs } from './first-reads.js'
import type { Git } from './git.js'
import { Reachability } from './reachability.js'
import { readRemoteTags } from './publish.js'
import { fetchBackTo, fetchWhole, isShallow, knowShallowFile, type FetchState, type Remote } from './shallow.js'
import { readTags, type TagRef } from './tags.js'

export { isShallow, newFetchState, type FetchState } from './shallow.js'

/** `auto`: a shallow clone fetches what the plan needs; `full`: all of it; `never`: it is refused. */
export type FetchHistory = 'auto' | 'full' | 'never'

/** What the plan needs from git, read in a fixed, small number of processes. */
export interface History<C = RawCommit, T extends TagRef = TagRef> {
  readonly head: string
  /** Every tag of the repository, reachable or not (the next tag must not collide with one). */
  readonly tags: readonly TagRef[]
  /** The last release: the best of `candidates.base` that HEAD reaches. */
  readonly base: T | null
  /** The best of `candidates.stable` that HEAD reaches (for prerelease channels). */
  readonly stableBase: T | null
  /** `base..HEAD`, newest first; all of HEAD's history when there is no base. */
  readonly commits: readonly C[]
  /** What was done to a shallow clone, for the debug log. */
  readonly fetched: readonly string[]
}

export interface CandidateOrder<T extends TagRef = TagRef> {
  /** Tags that may be the last release, best first. Tags that do not parse are left out. */
  readonly base: readonly T[]
  /** Stable releases only, best first. */
  readonly stable: readonly T[]
}

export interface HistoryOptions<C, T extends TagRef> {
  readonly fetchHistory: FetchHistory
  /** This run's fetches so far. */
  readonly state: FetchState
  /** Orders the tags by the version scheme: a pure function of the tags. */
  readonly order: (tags: readonly TagRef[]) => CandidateOrder<T>
  /** Interprets each commit as it streams in. */
  readonly read: (commit: RawCommit) => C
  /** false: only the last release is wanted, not the commits since it. */
  readonly commits?: boolean
  /** The commit to plan for, when not HEAD (a pull request's base). */
  readonly head?: string
  readonly remote?: string
}

export async function readHistory<C, T extends TagRef>(git: Git, options: HistoryOptions<C, T>): Promise<History<C, T>> {
  const remote: Remote = { git, name: options.remote ?? 'origin', state: options.state, fetched: [] }
  // Both at once; when both fail, the repository's own diagnosis is the useful error.
  const [repository, localTags] = await Promise.allSettled([inspectRepository(git, options.head ?? 'HEAD'), readTags(git)])
  if (repository.status === 'rejected') throw repository.reason
  if (localTags.status === 'rejected') throw localTags.reason
  const { head } = repository.value
  const { shallow } = repository.value
  if (shallow && options.fetchHistory === 'never') throw shallowError('fetch-history is never')
  if (shallow && options.fetchHistory === 'auto') {
    const tags = await withRemoteTags(remote, localTags.value)
    return readShallow(remote, head, tags, options.order(tags), options)
  }
  if (shallow) await fetchWhole(remote, null, 'as fetch-history: full asks')
  const tags = shallow ? await readTags(git) : localTags.value
  const order = options.order(tags)

  // The best candidate is usually the answer: one `git log best..HEAD --boundary` both
  // confirms it and lists the commits. Only when it is not an ancestor are the others asked.
  const reach = new Reachability(git, head)
  if (options.commits === false) {
    const base = await reach.first(order.base)
    return { head, tags, base, stableBase: null, commits: [], fetched: remote.fetched }
  }
  const best = order.base[0] ?? null
  let range = await readCommits(git, head, best?.sha ?? null, options.read)
  let base = best && range.sinceReached ? best : null
  if (best && !base) {
    base = await reach.first(order.base.slice(1))
    range = await readCommits(git, head, base?.sha ?? null, options.read)
  }
  const stableBase = base && order.stable.includes(base) ? base : await reach.first(order.stable)
  return { head, tags, base, stableBase, commits: range.commits, fetched: remote.fetched }
}

/**
 * A shallow clone: the last release is chosen from the remote's tags by version, and only
 * the history back to it is fetched, as commits without files (the plan reads messages).
 */
async function readShallow<C, T extends TagRef>(
  remote: Remote,
  head: string,
  tags: readonly TagRef[],
  order: CandidateOrder<T>,
  options: HistoryOptions<C, T>
): Promise<History<C, T>> {
  const base = await fetchBackTo(remote, head, order.base, 'tree:0')
  const stableBase = base && order.stable.includes(base) ? base : await fetchBackTo(remote, head, order.stable, 'tree:0')
  if (options.commits === false) return { head, tags, base, stableBase, commits: [], fetched: remote.fetched }
  const range = await readCommits(remote.git, head, base?.sha ?? null, options.read)
  return { head, tags, base, stableBase, commits: range.commits, fetched: remote.fetched }
}

/** The local tags and the remote's, listed once a run; a local tag wins over the remote's of the same name. */
async function withRemoteTags(remote: Remote, local: readonly TagRef[]): Promise<TagRef[]> {
  if (remote.state.remoteTags === null) {
    const listed = await readRemoteTags(remote.git, remote.name, '').catch((error: unknown) => {
      throw error instanceof VersoError ? shallowError(`listing the remote's tags failed: ${error.message}`) : error
    })
    remote.state.remoteTags = [...listed].map(([name, { commit }]) => ({ name, sha: commit }))
    remote.fetched.push(`listed the remote's tags (${remote.state.remoteTags.length})`)
  }
  const names = new Set(local.map((tag) => tag.name))
  return [...local, ...remote.state.remoteTags.filter((tag) => !names.has(tag.name))]
}

/** What a complete clone learnt of the remote's release tags: the ones it fetched, or that it could not ask; `skipped` in a shallow clone and with `fetch-history: never`. */
export type TagSync =
  | { readonly kind: 'skipped' }
  | { readonly kind: 'fetched'; readonly tags: readonly string[] }
  | { readonly kind: 'unreachable'; readonly error: string }

/**
 * Fetches the release tags (`wanted` says which names are) that the remote has and a
 * complete clone lacks: a clone made without tags (`--no-tags`, a CI's `fetchTags: false`),
 * or one whose tags are older than the remote's, would otherwise plan a release the remote
 * already has past — a first release, or one below the last. A tag the clone has is never
 * overwritten, though the remote's differs: the release refuses it by name. A shallow clone
 * is left alone; it lists the remote's tags as it reads its history.
 */
export async function fetchMissingTags(
  git: Git,
  state: FetchState,
  wanted: (name: string) => boolean,
  remote = 'origin'
): Promise<TagSync> {
  if (state.complete || (await isShallow(git))) return { kind: 'skipped' }
  let listed: Awaited<ReturnType<typeof readRemoteTags>>
  try {
    listed = await readRemoteTags(git, remote, '')
  } catch (error) {
    // Not knowing is no reason to stop a plan: a release's own push asks the remote again.
    if (error instanceof VersoError) return { kind: 'unreachable', error: error.message }
    throw error
  }
  const local = new Set((await readTags(git)).map((tag) => tag.name))
  const missing = [...listed.keys()].filter((name) => wanted(name) && !local.has(name))
  // No `+`: a fetch never moves a tag the clone has, and these are all new names.
  for (let i = 0; i < missing.length; i += FETCH_BATCH) {
    const refspecs = missing.slice(i, i + FETCH_BATCH).map((name) => `refs/tags/${name}:refs/tags/${name}`)
    const fetched = await git.tryRun(['fetch', '--no-tags', '--quiet', '--end-of-options', remote, ...refspecs])
    if (fetched.code !== 0) {
      throw new VersoError('EGIT', `Could not fetch the release tags \`${remote}\` has and this clone does not: ${fetched.stderr.trim()}`, {
        hint: 'Fetch them (`git fetch --tags`), or check out with tags (actions/checkout: `fetch-depth: 0`), and run again.'
      })
    }
  }
  return { kind: 'fetched', tags: missing }
}

/** Refspecs per fetch: a command line of a few thousand tags stays far below the system's limit. */
const FETCH_BATCH = 500

/**
 * HEAD and whether the clone is shallow, in one process, which also says where the clone keeps
 * its shallow file (read after every fetch); a failure is diagnosed after.
 */
async function inspectRepository(git: Git, revision: string): Promise<{ head: string; shallow: boolean }> {
  const found = await git.tryRun(inspectArgs(revision))
  if (found.code === 0) {
    // rev-parse echoes --end-of-options back; the sha is the last line, the path the second.
    const lines = found.stdout.trim().split('\n')
    const shallow = lines[0]
    const head = lines.at(-1) ?? ''
    if (lines[1] !== undefined) knowShallowFile(git, lines[1])
    return { head, shallow: shallow === 'true' }
  }
  const inside = await git.tryRun(['rev-parse', '--is-inside-work-tree'])
  if (inside.code !== 0) {
    throw new VersoError('ENOTAREPO', `${git.cwd} is not inside a git repository.`, {
      hint: 'Run verso in a checkout (in a workflow, add actions/checkout before this step).'
    })
  }
  if (revision !== 'HEAD')
    throw new VersoError('EGIT', `${revision} is not a commit of this repository.`, {
      hint: 'Fetch it first (actions/checkout with fetch-depth: 0), or name another base.'
    })
  throw new VersoError('ENOHEAD', 'The repository has no commits yet, so there is nothing to version.', { hint: 'Commit something first.' })
}

function shallowError(why: string): VersoError {
  return new VersoError('ESHALLOW', `This is a shallow clone, so the last release and the commits since it cannot be known (${why}).`, {
    hint:
      'Check out the whole history: with actions/checkout, set `fetch-depth: 0`; ' +
      'or let verso fetch what it needs with `fetch-history: auto` and a reachable `origin`.'
  })
}

/**
 * Makes sure a commit is here, fetching it from the remote when it is not (a pull request's
 * head, when the workflow checked out its base).
 */
export async function ensureCommit(git: Git, sha: string, remote = 'origin'): Promise<void> {
  const present = async () => (await git.tryRun(['cat-file', '-e', '--end-of-options', `${sha}^{commit}`])).code === 0
  if (await present()) return
  await git.tryRun(['fetch', '--no-tags', '--end-of-options', remote, sha])
  if (await present()) return
  throw new VersoError('EGIT', `Commit ${sha.slice(0, 7)} is not in this checkout, and fetching it from \`${remote}\` failed.`, {
    hint: "Check out with the whole history (actions/checkout with fetch-depth: 0) and the pull request's merge ref (the default for pull_request)."
  })
}
