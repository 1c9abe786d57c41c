import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { VersoError } from '../errors.js'
import type { Git } from './git.js'
import { Reachability } from './reachability.js'
import type { TagRef } from './tags.js'

/**
 * What one run has learnt and done to a shallow clone, shared by every history it reads:
 * a second read must neither fetch the same things again nor cut back what the first fetched.
 */
export interface FetchState {
  /** Every tag is here with its history: nothing is left to fetch. */
  complete: boolean
  /** The remote's tags, once listed. */
  remoteTags: readonly TagRef[] | null
  /** Whether the remote honours `--filter`; null until a filtered fetch has said. */
  filters: boolean | null
  /** Whether the remote honours `--shallow-exclude`; null until one was asked for. */
  excludes: boolean | null
}

export function newFetchState(): FetchState {
  return { complete: false, remoteTags: null, filters: null, excludes: null }
}

/**
 * How much of each commit to fetch. The plan reads only commit messages (`tree:0`); a monorepo
 * reads which files each commit changed, so it needs the trees (`blob:none`). `null` fetches
 * everything (`fetch-history: full`).
 */
export type Filter = 'tree:0' | 'blob:none' | null

export interface Remote {
  readonly git: Git
  readonly name: string
  readonly state: FetchState
  /** What was fetched, in words, for the debug log. */
  readonly fetched: string[]
}

/** A candidate tried this many times without being an ancestor, the whole history is cheaper. */
const TRIES = 3

/**
 * The first of `ordered` (best first) whose commit HEAD reaches, with the history from it to
 * HEAD fetched and nothing of that range cut off; null when none is an ancestor. Each
 * candidate costs one fetch of exactly its range (`--shallow-exclude`), confirmed by its
 * being a parent of the range's oldest commits before its own commit is fetched, so a
 * candidate that is not an ancestor never brings its history. After a few misses (a
 * maintenance branch behind higher tags), or when the remote cannot exclude, the history and
 * the tags are fetched whole and the answer is read locally.
 */
export async function fetchBackTo<T extends TagRef>(
  remote: Remote,
  head: string,
  ordered: readonly T[],
  filter: Filter
): Promise<T | null> {
  if (!remote.state.complete) {
    const found = await searchByRange(remote, head, ordered, filter)
    if (found) return found
    await fetchWhole(remote, filter, 'to find the last release')
  }
  return new Reachability(remote.git, head).first(ordered)
}

async function searchByRange<T extends TagRef>(remote: Remote, head: string, ordered: readonly T[], filter: Filter): Promise<T | null> {
  let tries = 0
  for (const candidate of ordered) {
    if (remote.state.excludes === false || tries === TRIES) return null
    if (await rangeIsWhole(remote.git, head, candidate.sha)) {
      await fetchTagRef(remote, candidate, filter)
      return candidate
    }
    // HEAD's whole history is here: a commit that is not in it is no ancestor.
    const before = await readShallowBoundary(remote.git)
    if (before.size === 0) continue
    // A tag only this clone has cannot be named to the remote: the whole history answers.
    if (!remote.state.remoteTags?.some((tag) => tag.name === candidate.name && tag.sha === candidate.sha)) return null
    tries++
    const excluded = await fetchOrFallBack(remote, [`--shallow-exclude=refs/tags/${candidate.name}`, remote.name, head], filter)
    if (!excluded) continue
    await completeBoundary(remote, filter)
    // The oldest commits of HEAD's range are the boundary this fetch made: the candidate is an
    // ancestor when it is a parent of one of them. A boundary commit from before (a deeper
    // checkout) may be one too, but may also lie on another branch: then the walk decides.
    const after = [...(await readShallowBoundary(remote.git))]
    const made = await parentOf(
      remote.git,
      after.filter((sha) => !before.has(sha) || sha === head),
      candidate.sha
    )
    if (!made && !(await parentOf(remote.git, after, candidate.sha))) {
      remote.fetched.push(`fetched the commits HEAD has and ${candidate.name} has not: ${candidate.name} is on another line`)
      continue
    }
    // Deepening by one brings the candidate's commit, and with it the tag, as the new boundary.
    await fetchOrExplain(remote, ['--deepen=1', remote.name, head, tagRefspec(candidate)], filter)
    const only = await readShallowBoundary(remote.git)
    let whole = made && only.size === 1 && only.has(candidate.sha)
    // A merge whose parent is the candidate stays a boundary of the excluded range, its other
    // side cut off: that side is deepened until it reaches the candidate's history.
    for (let step = 64; !(whole ||= await rangeIsWhole(remote.git, head, candidate.sha)) && step <= 4096; step *= 4) {
      await fetchOrExplain(remote, [`--deepen=${step}`, remote.name, head], filter)
    }
    if (!whole) return null
    remote.fetched.push(`fetched the history back to ${candidate.name}${describeFilter(remote.state, filter)}`)
    return candidate
  }
  return null
}

/** The whole history and every tag, once a run; afterwards the clone answers every question locally. */
export async function fetchWhole(remote: Remote, filter: Filter, why: string): Promise<void> {
  if (remote.state.complete) return
  const shallow = (await readShallowBoundary(remote.git)).size > 0
  await fetchOrExplain(remote, [...(shallow ? ['--unshallow'] : []), '--tags', remote.name], filter)
  remote.state.complete = true
  remote.fetched.push(`fetched the complete history and the tags${describeFilter(remote.state, filter)}, ${why}`)
}

/** The tag's ref, for what reads the release by its name (its files, its tagger). */
async function fetchTagRef(remote: Remote, tag: TagRef, filter: Filter): Promise<void> {
  const local = await remote.git.tryRun(['rev-parse', '--verify', '--quiet', `refs/tags/${tag.name}^{commit}`])
  if (local.code === 0 && local.stdout.trim() === tag.sha) return
  await fetchOrExplain(remote, [remote.name, tagRefspec(tag)], filter)
}

const tagRefspec = (tag: TagRef): string => `+refs/tags/${tag.name}:refs/tags/${tag.name}`

/** Whether `since` is here, an ancestor of `head`, and no commit between them is cut off. */
async function rangeIsWhole(git: Git, head: string, since: string): Promise<boolean> {
  if (since === head) return true
  if (!(await isHere(git, since))) return false
  const ancestor = async (a: string, b: string) => (await git.tryRun(['merge-base', '--is-ancestor', '--end-of-options', a, b])).code === 0
  if (!(await ancestor(since, head))) return false
  // Usually the one boundary commit is `since` itself, and no process is needed.
  for (const sha of await readShallowBoundary(git)) {
    if (sha === since || (await ancestor(sha, since))) continue
    if (await ancestor(sha, head)) return false
  }
  return true
}

/**
 * Whether a commit is in the clone. Only this way of asking: in a partial clone, any other
 * command that meets a missing commit fetches it, and with it all of its history.
 */
async function isHere(git: Git, sha: string): Promise<boolean> {
  return (await git.tryRun(['rev-list', '--missing=print', '--no-walk', '--end-of-options', sha])).code === 0
}

/** Whether `sha` is a parent of one of `commits`: a boundary commit shows no parents to `git log`, its object still names them. */
async function parentOf(git: Git, commits: readonly string[], sha: string): Promise<boolean> {
  if (commits.length === 0) return false
  const objects = await git.run(['cat-file', '--batch'], { input: commits.join('\n') + '\n' })
  return objects.includes(`\nparent ${sha}\n`)
}

/**
 * Where an excluded range is cut at a merge, the remote can name as boundary a commit it did
 * not send (it lies behind that merge). git cannot deepen past a boundary commit it does not
 * have, so those are fetched on their own first.
 */
async function completeBoundary(remote: Remote, filter: Filter): Promise<void> {
  const boundary = [...(await readShallowBoundary(remote.git))]
  if (boundary.length === 0) return
  const missing: string[] = []
  for (const sha of boundary) if (!(await isHere(remote.git, sha))) missing.push(sha)
  if (missing.length > 0) await fetchOrExplain(remote, ['--depth=1', remote.name, ...missing], filter)
}

export async function isShallow(git: Git): Promise<boolean> {
  return (await git.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
}

/** The commits whose parents a shallow clone does not have. */
async function readShallowBoundary(git: Git): Promise<Set<string>> {
  let path = shallowFiles.get(git)
  path ??= knowShallowFile(git, (await git.run(['rev-parse', '--git-path', 'shallow'])).trim())
  return new Set((await readFile(path, 'utf8').catch(() => '')).split('\n').filter(Boolean))
}

// Where each clone keeps its shallow file: asked once, read after every fetch.
const shallowFiles = new WeakMap<Git, string>()

/** Where the clone keeps its shallow file, as `git rev-parse --git-path shallow` said it in `git.cwd`. */
export function knowShallowFile(git: Git, path: string): string {
  const absolute = resolve(git.cwd, path)
  shallowFiles.set(git, absolute)
  return absolute
}

/** `--shallow-exclude`, or false when the remote cannot do it (then the caller fetches everything). */
async function fetchOrFallBack(remote: Remote, args: readonly string[], filter: Filter): Promise<boolean> {
  if (remote.state.excludes === false) return false
  try {
    await fetchOrExplain(remote, args, filter)
    remote.state.excludes = true
    return true
  } catch (error) {
    if (!(error instanceof FetchFailure) || !/does not support --shallow-exclude|deepen-not/i.test(error.stderr)) throw error
    remote.state.excludes = false
    remote.fetched.push('the remote cannot fetch a range back to a tag (--shallow-exclude)')
    return false
  }
}

/**
 * `git fetch`, filtered when the remote allows it. A remote that does not honour filters
 * sends everything with a warning and git marks it a promisor all the same: that mark is
 * taken back, so the clone stays an ordinary one.
 */
async function fetchOrExplain(remote: Remote, args: readonly string[], filter: Filter): Promise<void> {
  const { git, state } = remote
  const filtered = filter !== null && state.filters !== false
  const before = filtered && state.filters === null ? await promisorConfig(git, remote.name) : null
  const run = (withFilter: boolean) => git.tryRun(['fetch', '--no-tags', '--quiet', ...(withFilter ? [`--filter=${filter}`] : []), ...args])
  let result = await run(filtered)
  if (filtered && result.code !== 0 && /unknown option.*filter|--filter/.test(result.stderr)) {
    state.filters = false
    result = await run(false)
  }
  if (result.code !== 0) throw new FetchFailure(result.stderr)
  if (!filtered) return
  if (/filtering not recognized by server/.test(result.stderr)) {
    state.filters = false
    if (before) await restorePromisorConfig(git, remote.name, before)
  } else {
    state.filters = true
  }
}

interface PromisorConfig {
  readonly promisor: string | null
  readonly filter: string | null
}

async function promisorConfig(git: Git, remote: string): Promise<PromisorConfig> {
  const found = await git.tryRun([
    'config',
    '--local',
    '--get-regexp',
    `^remote\\.${remote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(promisor|partialclonefilter)$`
  ])
  const value = (key: string) =>
    found.stdout
      .split('\n')
      .find((line) => line.toLowerCase().startsWith(`remote.${remote.toLowerCase()}.${key} `))
      ?.slice(`remote.${remote}.${key} `.length) ?? null
  return { promisor: value('promisor'), filter: value('partialclonefilter') }
}

async function restorePromisorConfig(git: Git, remote: string, before: PromisorConfig): Promise<void> {
  for (const [key, value] of [
    ['promisor', before.promisor],
    ['partialclonefilter', before.filter]
  ] as const) {
    await git.tryRun(
      value === null ? ['config', '--local', '--unset', `remote.${remote}.${key}`] : ['config', '--local', `remote.${remote}.${key}`, value]
    )
  }
}

function describeFilter(state: FetchState, filter: Filter): string {
  if (filter === null || state.filters !== true) return ''
  return filter === 'tree:0' ? ' (commits only, no files)' : ' (commits and trees, no file contents)'
}

/** A fetch git refused; its message is the reason. */
class FetchFailure extends VersoError {
  readonly stderr: string
  constructor(stderr: string) {
    super('ESHALLOW', `This is a shallow clone, and fetching its history from the remote failed: ${lastLine(stderr)}`, {
      hint:
        'Check out the whole history: with actions/checkout, set `fetch-depth: 0`; ' +
        'or let verso fetch what it needs with `fetch-history: auto` and a reachable `origin`.'
    })
    this.stderr = stderr
  }
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('warning: '))
      .pop() ?? 'no message'
  )
}
