import type { Git } from './git.js'
import { readRemoteBranch } from './release-commit.js'
import { summarizeGitOutput } from './publish.js'
import { VersoError } from '../errors.js'

/** One commit of a range, as the search for a merged release pull request reads it. */
export interface RangeCommit {
  readonly sha: string
  readonly parents: readonly string[]
  readonly subject: string
}

/**
 * Every commit of `to`'s history that none of `after` has (all of it when `after` is empty),
 * newest first, with its parents and subject. The range is the plan's, which gather fetched already.
 */
export async function readRange(git: Git, after: string | null | readonly string[], to: string): Promise<RangeCommit[]> {
  const excluded = after === null ? [] : typeof after === 'string' ? [after] : after
  const range = [...excluded.map((sha) => `^${sha}`), to]
  const out = await git.run(['log', '--format=%H%x00%P%x00%s%x00', '--end-of-options', ...range, '--'])
  const fields = out.split('\0')
  const commits: RangeCommit[] = []
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const sha = fields[i]!.trim()
    if (!sha) continue
    commits.push({ sha, parents: fields[i + 1]!.split(' ').filter(Boolean), subject: fields[i + 2]! })
  }
  return commits
}

/** The commit's committer date, as git reads it back (`@<seconds> <zone>`): a release branch's commit is dated by what it builds on. */
export async function readCommitDate(git: Git, sha: string): Promise<string> {
  const out = await git.run(['log', '-1', '--date=raw', '--format=%cd', '--end-of-options', sha, '--'])
  return `@${out.trim()}`
}

export type BranchUpdate =
  | { readonly kind: 'pushed' }
  /** The branch is not where it was read: another run moved it meanwhile. */
  | { readonly kind: 'moved'; readonly message: string }
  | { readonly kind: 'denied'; readonly message: string }

/**
 * Points the remote's branch at `sha` whatever it held, but only from where it was read
 * (`expected`, null: absent): a compare-and-swap, so two runs never clobber each other's
 * update unseen. For the release pull request's branch, which verso alone writes.
 */
export async function replaceRemoteBranch(
  git: Git,
  remote: string,
  branch: string,
  sha: string,
  expected: string | null
): Promise<BranchUpdate> {
  const ref = `refs/heads/${branch}`
  const result = await git.tryRun([
    'push',
    '--porcelain',
    '--no-verify',
    `--force-with-lease=${ref}:${expected ?? ''}`,
    '--end-of-options',
    remote,
    `${sha}:${ref}`
  ])
  return settle(git, remote, branch, result, sha, expected)
}

/** Deletes the remote's branch, only if it is still at `expected`. */
export async function deleteRemoteBranch(git: Git, remote: string, branch: string, expected: string): Promise<BranchUpdate> {
  const ref = `refs/heads/${branch}`
  const result = await git.tryRun([
    'push',
    '--porcelain',
    '--no-verify',
    `--force-with-lease=${ref}:${expected}`,
    '--end-of-options',
    remote,
    `:${ref}`
  ])
  return settle(git, remote, branch, result, null, expected)
}

async function settle(
  git: Git,
  remote: string,
  branch: string,
  result: { code: number; stdout: string; stderr: string },
  wanted: string | null,
  expected: string | null
): Promise<BranchUpdate> {
  if (result.code === 0) return { kind: 'pushed' }
  const output = `${result.stderr}\n${result.stdout}`
  // The remote is the judge of what happened: a push can fail after the ref moved.
  const now = await readRemoteBranch(git, remote, branch)
  if (now === wanted) return { kind: 'pushed' }
  if (now !== expected) return { kind: 'moved', message: summarizeGitOutput(output) }
  if (/\[remote rejected\]|denied|403|protected|forbidden|not allowed|permission|GH006|GH013|hook declined/i.test(output))
    return { kind: 'denied', message: summarizeGitOutput(output) }
  throw new VersoError('EPUSH', `Could not update the branch ${branch} on \`${remote}\`: ${summarizeGitOutput(output) || 'no message'}`, {
    hint: `Check that the remote \`${remote}\` is reachable and run again.`
  })
}
