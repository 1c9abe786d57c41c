import { VersoError } from '../errors.js'
import type { GitHubApi, PullRequestInfo } from '../github/api.js'
import type { Git } from '../git/git.js'
import type { Tagger } from '../git/publish.js'
import { readCommitDate, deleteRemoteBranch } from '../git/release-branch.js'
import { createReleaseCommit, readRemoteBranch, type ReleaseFile } from '../git/release-commit.js'
import type { Signing } from '../git/signing.js'
import type { MergedRelease } from './merged-release.js'
import type { ReleaseWriter } from './release-writer.js'
import { describeNothingLeft, renderClosingComment } from '../report/release-pr.js'

/** Where a release branch's pull request comes from: `verso/release/main` for `main`. */
export const RELEASE_BRANCH_PREFIX = 'verso/release/'

/**
 * The release pull request's branch: `verso/release/main`, or with `per-package` one a package,
 * `verso/release/main--core` (`@scope/web` → `scope-web`): a sibling, never a folder of the
 * first, so that git can hold both when a repository switches.
 */
export function releaseBranchOf(branch: string, pkg?: string): string {
  if (pkg === undefined) return `${RELEASE_BRANCH_PREFIX}${branch}`
  const slug = pkg.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-')
  return `${RELEASE_BRANCH_PREFIX}${branch}--${slug}`
}

/** Whether a pull request is the release pull request of the branch it merges into. */
export function isReleasePullRequest(pr: { readonly headRef: string; readonly baseRef: string; readonly fork: boolean }): boolean {
  const own = releaseBranchOf(pr.baseRef)
  return !pr.fork && pr.baseRef !== '' && (pr.headRef === own || pr.headRef.startsWith(`${own}--`))
}

/** The pull requests API, as the release pull request uses it. */
export type PullRequestsApi = Pick<GitHubApi, 'findOpenPullRequest' | 'createPullRequest' | 'updatePullRequest' | 'createIssueComment'>

/** Why a release pull request was closed: the branch's plan releases nothing any more. */
export interface NothingLeft {
  readonly reason: 'no-commits' | 'no-releasable-commits'
  /** The last release's tag, or null before the first. */
  readonly since: string | null
}

/** What a push did to the release pull request. */
export type ReleasePullRequestOutcome =
  /** `unchanged`: the branch and the pull request already said all this (a re-run). */
  | {
      readonly kind: 'opened' | 'updated' | 'unchanged'
      readonly pullRequest: PullRequestInfo
      readonly branch: string
      /** The release commit the pull request merges. */
      readonly commit: string
    }
  | { readonly kind: 'closed'; readonly pullRequest: PullRequestInfo; readonly branch: string; readonly left: NothingLeft }
  /** Nothing to release and no pull request open: nothing to do. */
  | { readonly kind: 'none'; readonly branch: string; readonly left: NothingLeft }
  /** The branch released moved on past the commit planned: the run of that push writes the pull request, not this older one. */
  | { readonly kind: 'stale'; readonly branch: string; readonly tip: string }

export interface ProposeRequest {
  readonly git: Git
  readonly api: PullRequestsApi
  /** The branch released, which the pull request merges into. */
  readonly base: string
  /** The pull request's own branch; absent: the branch's one (releaseBranchOf). */
  readonly branch?: string
  /** The commit planned: the release commit's parent. */
  readonly head: string
  readonly files: readonly ReleaseFile[]
  /** The release commit's message, which is the pull request's title too. */
  readonly title: string
  readonly body: string
  readonly tagger: Tagger
  readonly signing: Signing
  /** How the commit reaches the branch: pushed with git, or made by GitHub through its API. */
  readonly writer: ReleaseWriter
  readonly log: (line: string) => void
}

/**
 * Whether a merged release pull request is left to the run of its own push: with npm, whose
 * package is the checkout's files, a merge behind HEAD cannot be published from here. Says so.
 */
export function leftToItsOwnRun(merged: MergedRelease, head: string, publishes: boolean, log: (line: string) => void): boolean {
  if (merged.at === head || !publishes) return false
  const where = merged.at.slice(0, 7)
  log(
    `${where} merged the release pull request of ${merged.tags.join(', ')}, but HEAD is past it and npm would get HEAD's files: ` +
      `re-run the workflow of the push of ${where} to release it from its own checkout.`
  )
  return true
}

/**
 * Writes the release commit on top of the planned commit to the release branch, replacing
 * whatever it held, and opens the pull request from it or brings the open one up to date.
 * The commit is dated as its parent, so the same plan makes the same commit and a re-run
 * pushes nothing.
 */
export async function proposeRelease(request: ProposeRequest): Promise<ReleasePullRequestOutcome> {
  const { git, api, base } = request
  const branch = request.branch ?? releaseBranchOf(base)
  const stale = await staleRun(git, base, request.head, request.log)
  if (stale !== null) return { kind: 'stale', branch, tip: stale }
  const date = await readCommitDate(git, request.head)
  const wanted = { files: request.files, message: request.title, author: request.tagger, parent: request.head, signing: request.signing }
  // Made here too, whoever writes it: its tree is what the branch must hold.
  const local = await createReleaseCommit(git, { ...wanted, date })
  const seen = await readRemoteBranch(git, 'origin', branch)
  let commit = seen ?? local
  let pushed = false
  if (seen === null || !(await holdsCommit(git, branch, seen, local))) {
    const update = await request.writer.replaceBranch(git, { ...wanted, remote: 'origin', branch, expected: seen, date })
    if (update.kind === 'moved') {
      throw new VersoError(
        'EPUSH',
        `The branch ${branch} moved while this run wrote it: another run is updating the release pull request.`,
        {
          hint: `Nothing was tagged or released. The run of the newest push to ${base} writes the pull request; run that one again if it did not.`
        }
      )
    }
    if (update.kind === 'denied') {
      throw new VersoError('EPUSH', `The remote refused the release branch ${branch}: ${update.message}`, {
        hint:
          `Nothing was tagged or released. The token needs \`contents: write\`, and no branch rule may keep it from ` +
          `${branch} (rules on ${base} itself are fine: the release reaches ${base} through the pull request).`
      })
    }
    pushed = true
    commit = update.sha
    request.log(
      `${request.writer.via === 'api' ? 'Committed through the GitHub API' : 'Pushed'} the release commit ${commit.slice(0, 7)} to ${branch}.`
    )
  }
  const open = await api.findOpenPullRequest(branch, base)
  if (open === null) {
    const opened = await api.createPullRequest({ title: request.title, body: request.body, head: branch, base })
    request.log(`Opened the release pull request #${opened.number}: ${opened.url}`)
    return { kind: 'opened', pullRequest: opened, branch, commit }
  }
  if (open.title === request.title && open.body === request.body) {
    request.log(
      `The release pull request #${open.number} is ${pushed ? 'up to date with the new commit' : 'already up to date'}: ${open.url}`
    )
    return { kind: pushed ? 'updated' : 'unchanged', pullRequest: open, branch, commit }
  }
  const updated = await api.updatePullRequest(open.number, { title: request.title, body: request.body })
  request.log(`Updated the release pull request #${updated.number}: ${updated.url}`)
  return { kind: 'updated', pullRequest: updated, branch, commit }
}

/**
 * Where the branch released is now, when that is past the commit planned (null: it is still
 * there). Runs of two pushes may finish in either order; only the newest push's plan may
 * write the pull request, or an older run would put an older plan back.
 */
async function staleRun(git: Git, base: string, head: string, log: (line: string) => void): Promise<string | null> {
  const tip = await readRemoteBranch(git, 'origin', base)
  if (tip === null || tip === head) return null
  log(`${base} is at ${tip.slice(0, 7)} now, past ${head.slice(0, 7)}: the run of that push writes the release pull request.`)
  return tip
}

/**
 * Whether the branch's commit `seen` is the release commit wanted: the same commit, or (made
 * by GitHub, whose commits carry its own date) one with the same parent and files.
 */
async function holdsCommit(git: Git, branch: string, seen: string, wanted: string): Promise<boolean> {
  if (seen === wanted) return true
  await git.tryRun(['fetch', '--no-tags', '--end-of-options', 'origin', `refs/heads/${branch}`])
  const read = async (sha: string) => (await git.tryRun(['log', '-1', '--format=%T %P', '--end-of-options', sha, '--'])).stdout.trim()
  const there = await read(seen)
  return there !== '' && there === (await read(wanted))
}

/**
 * Closes the open release pull request, when there is one, with a comment saying why, and
 * deletes its branch. Closed first: a run that fails after that leaves no second comment to
 * a re-run, which finds nothing open.
 */
export async function closeReleasePullRequest(request: {
  readonly git: Git
  readonly api: PullRequestsApi
  readonly base: string
  /** The pull request's own branch; absent: the branch's one (releaseBranchOf). */
  readonly branch?: string
  /** The commit planned. */
  readonly head: string
  readonly left: NothingLeft
  readonly log: (line: string) => void
}): Promise<ReleasePullRequestOutcome> {
  const { git, api, base, left } = request
  const branch = request.branch ?? releaseBranchOf(base)
  const open = await api.findOpenPullRequest(branch, base)
  if (open === null) return { kind: 'none', branch, left }
  const stale = await staleRun(git, base, request.head, request.log)
  if (stale !== null) return { kind: 'stale', branch, tip: stale }
  const closed = await api.updatePullRequest(open.number, { state: 'closed' })
  await api.createIssueComment(open.number, renderClosingComment(base, left))
  request.log(`Closed the release pull request #${open.number}: ${describeNothingLeft(base, left)}.`)
  const tip = await readRemoteBranch(git, 'origin', branch)
  // A branch another run wrote meanwhile is that run's: it is left to it.
  if (tip !== null) await deleteRemoteBranch(git, 'origin', branch, tip)
  return { kind: 'closed', pullRequest: closed, branch, left }
}
