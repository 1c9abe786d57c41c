import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { VersoError } from '../errors.js'
import { readCommits, type RawCommit } from './commits.js'
import { GitError, type Git } from './git.js'
import { Reachability } from './reachability.js'
import { readTags, type TagRef } from './tags.js'

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

/**
 * What one run has done to the clone. Fetching the tags again (`--depth=1` goes for the
 * branch too) would cut back the history an earlier read of the same run had deepened, so
 * a run fetches them once, however many histories it reads.
 */
export interface FetchState {
  tagsFetched: boolean
}

export interface HistoryOptions<C, T extends TagRef> {
  readonly fetchHistory: 'auto' | 'never'
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
  const remote = options.remote ?? 'origin'
  // Both at once; when both fail, the repository's own diagnosis is the useful error.
  const [repository, readTagsResult] = await Promise.allSettled([
    inspectRepository(git, options.head ?? 'HEAD'),
    readTags(git, { dates: false })
  ])
  if (repository.status === 'rejected') throw repository.reason
  if (readTagsResult.status === 'rejected') throw readTagsResult.reason
  const { head, shallow } = repository.value
  const unshallowTags = readTagsResult.value
  const fetched: string[] = []
  if (shallow && options.fetchHistory === 'never') throw shallowError('fetch-history is never')
  if (shallow && !options.state.tagsFetched) {
    // An explicit `refs/tags/*` refspec fails when the remote has no tags; `--tags` does not.
    await fetchOrExplain(git, ['fetch', '--depth=1', '--tags', remote])
    options.state.tagsFetched = true
    fetched.push('fetched tags (depth 1)')
  }
  // A shallow clone's tags were just fetched; their dates tell how deep to go.
  const tags = shallow ? await readTags(git, { dates: true }) : unshallowTags
  const order = options.order(tags)
  const reach = new Reachability(git, head)
  if (shallow) await deepenUntilKnown(git, head, order.base, reach, fetched, remote)

  // The best candidate is usually the answer: one `git log best..HEAD --boundary` both
  // confirms it and lists the commits. Only when it is not an ancestor are the others asked.
  if (options.commits === false) {
    const base = await reach.first(order.base)
    return { head, tags, base, stableBase: null, commits: [], fetched }
  }
  const best = order.base[0] ?? null
  let range = await readCommits(git, head, best?.sha ?? null, options.read)
  let base = best && range.sinceReached ? best : null
  if (best && !base) {
    base = await reach.first(order.base.slice(1))
    range = await readCommits(git, head, base?.sha ?? null, options.read)
  }
  const stableBase = base && order.stable.includes(base) ? base : await reach.first(order.stable)
  return { head, tags, base, stableBase, commits: range.commits, fetched }
}

/** HEAD and whether the clone is shallow, in one process; a failure is diagnosed after. */
async function inspectRepository(git: Git, revision: string): Promise<{ head: string; shallow: boolean }> {
  const found = await git.tryRun(['rev-parse', '--is-shallow-repository', '--end-of-options', `${revision}^{commit}`])
  if (found.code === 0) {
    // rev-parse echoes --end-of-options back; the sha is the last line.
    const lines = found.stdout.trim().split('\n')
    const shallow = lines[0]
    const head = lines.at(-1) ?? ''
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

export async function isShallow(git: Git): Promise<boolean> {
  return (await git.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
}

/**
 * Deepens a shallow clone step by step (doubling) until the last release is known: the
 * best reachable tag is found, no shallow boundary lies between it and HEAD (after a merge
 * the tag can be reachable on one side while the other is still cut off), and no better
 * tag could still hide behind the boundary (every better tag is newer than the newest
 * boundary commit). Or until the history is complete. A repository with no tags needs all.
 */
async function deepenUntilKnown(
  git: Git,
  head: string,
  ordered: readonly { readonly sha: string; readonly date: number | null }[],
  reach: Reachability,
  fetched: string[],
  remote: string
): Promise<void> {
  if (ordered.length === 0) {
    await fetchOrExplain(git, ['fetch', '--no-tags', '--unshallow', remote])
    fetched.push('no release tags: fetched the complete history')
    return
  }
  for (let step = 64; await isShallow(git); step *= 2) {
    const best = await reach.first(ordered)
    if (best) {
      const boundary = await readShallowBoundary(git)
      if (!(await rangeIsCut(git, head, best.sha, boundary))) {
        const better = ordered.slice(0, ordered.indexOf(best))
        const frontier = await newestFrontierDate(git, boundary, reach)
        if (better.every((tag) => (tag.date ?? Number.POSITIVE_INFINITY) > frontier)) return
      }
    }
    await fetchOrExplain(git, ['fetch', '--no-tags', `--deepen=${step}`, remote, head])
    fetched.push(`deepened the history by ${step} commits`)
    reach.reset()
  }
}

/** The commits whose parents a shallow clone does not have. */
async function readShallowBoundary(git: Git): Promise<Set<string>> {
  const shallowFile = resolve(git.cwd, (await git.run(['rev-parse', '--git-path', 'shallow'])).trim())
  return new Set((await readFile(shallowFile, 'utf8').catch(() => '')).split('\n').filter(Boolean))
}

/** Whether `since..head` reaches a boundary commit: then commits of the range are missing. */
async function rangeIsCut(git: Git, head: string, since: string, boundary: ReadonlySet<string>): Promise<boolean> {
  const out = await git.run(['rev-list', '--end-of-options', head, `^${since}`, '--'])
  return out.split('\n').some((sha) => boundary.has(sha))
}

/** The committer date of the newest shallow boundary commit that HEAD reaches. */
async function newestFrontierDate(git: Git, boundary: ReadonlySet<string>, reach: Reachability): Promise<number> {
  const onHead = await reach.filter([...boundary])
  if (onHead.length === 0) return Number.NEGATIVE_INFINITY
  const dates = await git.run(['log', '--no-walk', '--format=%ct', '--end-of-options', ...onHead, '--'])
  return Math.max(...dates.split('\n').filter(Boolean).map(Number))
}

async function fetchOrExplain(git: Git, args: readonly string[]): Promise<void> {
  try {
    await git.run(args)
  } catch (error) {
    if (error instanceof GitError) throw shallowError(`fetching from the remote failed: ${error.stderr.trim().split('\n').pop() ?? ''}`)
    throw error
  }
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
