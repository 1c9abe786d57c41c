import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { VersoError } from '../errors.js'
import { GitError, type Git } from './git.js'
import { summarizeGitOutput, type Tagger } from './publish.js'
import { gitSigning, NO_SIGNING, type Signing } from './signing.js'

/*
 * The release commit: the version files and the changelog, committed on top of the commit
 * being released and pushed to its branch before any tag. The caller's order is
 *
 *   1. readRemoteBranch: the branch must still be where the run started (the parent);
 *   2. createReleaseCommit: a commit in the object store only, no ref or file touched;
 *   3. pushReleaseCommit: a fast-forward of the branch from the parent, or nothing;
 *   4. advanceCheckout: the checkout follows, so later steps see the new files;
 *   5. tag the release commit and push the tag (src/git/publish.ts).
 *
 * So a refused or raced branch push leaves nothing on the remote, and a tag is only ever
 * pushed for a commit the branch already has.
 */

export interface ReleaseFile {
  /** Relative to the working directory, as readFilesAt reads it: `packages/a/package.json`. */
  readonly path: string
  /** The whole new text, as git stores it: no filters (line endings, clean filters) are applied. */
  readonly text: string
}

export interface ReleaseCommitOptions {
  readonly files: readonly ReleaseFile[]
  readonly message: string
  /** The author and committer of the commit. */
  readonly author: Tagger
  /** The commit released: the release commit's only parent. */
  readonly parent: string
  /** The key the commit is signed with; unsigned by default. */
  readonly signing?: Signing
  /**
   * The author and committer date (git's `@<seconds> <zone>`); absent: now. A fixed date makes
   * the same files on the same parent the same commit, so a re-run finds nothing to push.
   */
  readonly date?: string
}

/** `chore(release): v1.3.0`, or `chore(release): api/v1.3.0, web/v2.0.0` for several releases at once. */
export function releaseCommitMessage(tags: readonly string[]): string {
  return `chore(release): ${tags.join(', ')}`
}

/** A release commit's content, ready to be written: the parent, its tree, and each file from the repository's root. */
export interface ReleaseTree {
  /** The parent, resolved to its sha. */
  readonly parent: string
  /** The parent's tree: every file not given stays as it is there. */
  readonly tree: string
  /** Each file by its path from the repository's root, with the mode it keeps (a new file is a regular one). */
  readonly files: readonly { readonly path: string; readonly mode: '100644' | '100755'; readonly text: string }[]
}

/**
 * What a release commit of `files` on `parent` holds, read from the local repository: paths
 * from the repository's root, each with its mode at the parent. A path that leaves the
 * repository, is given twice, or is a link, a folder or a submodule at the parent is refused.
 */
export async function readReleaseTree(git: Git, parentRev: string, given: readonly ReleaseFile[]): Promise<ReleaseTree> {
  const parent = await resolveCommit(git, parentRev)
  const prefix = (await git.run(['rev-parse', '--show-prefix'])).trim()
  const files = given.map((file) => ({ ...file, path: `${prefix}${checkPath(file.path)}` }))
  const paths = files.map((f) => f.path)
  const twice = paths.find((path, i) => paths.indexOf(path) !== i)
  if (twice !== undefined) throw new Error(`createReleaseCommit: ${twice} is given twice`)
  const modes = await readModes(git, parent, paths)
  const tree = (await git.run(['rev-parse', '--verify', '--end-of-options', `${parent}^{tree}`])).trim()
  return {
    parent,
    tree,
    files: files.map((file) => {
      const mode = modes.get(file.path) ?? '100644'
      if (mode !== '100644' && mode !== '100755') throw notAFile(file.path, mode)
      return { path: file.path, mode, text: file.text }
    })
  }
}

/**
 * Writes the files into a new commit on top of `parent` and returns its sha. Plumbing
 * only, through a temporary index: the checkout's index, working tree and refs are left as
 * they were, so a failure at any point leaves nothing to undo. A file keeps its mode (an
 * executable stays one); a new file is a regular one. A path that is a link, a folder or a
 * submodule at the parent is refused rather than replaced by a file.
 */
export async function createReleaseCommit(git: Git, options: ReleaseCommitOptions): Promise<string> {
  const { parent, files } = await readReleaseTree(git, options.parent, options.files)
  const entries: string[] = []
  for (const file of files) {
    const blob = (await git.run(['hash-object', '-w', '--no-filters', '--stdin'], { input: file.text })).trim()
    entries.push(`${file.mode} ${blob}\t${file.path}\0`)
  }

  const dir = await mkdtemp(join(tmpdir(), 'verso-index-'))
  try {
    const env = { GIT_INDEX_FILE: join(dir, 'index') }
    await git.run(['read-tree', '--end-of-options', parent], { env })
    await git.run(['update-index', '-z', '--index-info'], { env, input: entries.join('') })
    const tree = (await git.run(['write-tree'], { env })).trim()
    const { name, email } = options.author
    const dated = options.date === undefined ? {} : { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date }
    const identity = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, ...dated }
    const message = options.message.endsWith('\n') ? options.message : `${options.message}\n`
    // Signed with the release's key, as its tags are, or not at all: a key configured on the runner is not verso's to use.
    const signing = gitSigning(options.signing ?? NO_SIGNING)
    const sign = options.signing && options.signing.kind !== 'none' ? '-S' : '--no-gpg-sign'
    return (
      await git.run([...signing.config, 'commit-tree', sign, '-p', parent, '-F', '-', tree], {
        env: { ...signing.env, ...identity },
        input: message
      })
    ).trim()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Fetches a commit made on the remote's branch by someone else (GitHub's API), so that the
 * local repository has it: the checkout can then follow and the tag go on it.
 */
export async function fetchBranchCommit(git: Git, remote: string, branch: string, sha: string): Promise<void> {
  const fetched = await git.tryRun(['fetch', '--no-tags', '--end-of-options', remote, `refs/heads/${branch}`])
  if ((await git.tryRun(['cat-file', '-e', '--end-of-options', `${sha}^{commit}`])).code === 0) return
  // The branch moved on past it, or away from it: the commit itself, which GitHub serves by its sha.
  const bySha = await git.tryRun(['fetch', '--no-tags', '--end-of-options', remote, sha])
  if (bySha.code === 0) return
  throw unreachable(remote, bySha.stderr || fetched.stderr)
}

async function resolveCommit(git: Git, rev: string): Promise<string> {
  const found = await git.tryRun(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
  if (found.code !== 0) throw new VersoError('EGIT', `Cannot make the release commit: ${rev} is not a commit of this repository.`)
  return found.stdout.trim()
}

/** The path as git names it from the working directory, or a refusal of one that leaves it. */
function checkPath(path: string): string {
  const segments = path.split('/')
  const inside =
    !/[\0\r\n\\]/.test(path) &&
    !segments.includes('') &&
    posix.normalize(path) === path &&
    !segments.includes('..') &&
    !segments.some((s) => s.toLowerCase() === '.git')
  if (inside) return path
  throw new VersoError('EUNSAFEPATH', `${JSON.stringify(path)} is not a file inside the repository: verso commits only files inside it.`, {
    hint: 'Name the file relative to the working directory, with `/` between folders (packages/a/package.json).'
  })
}

/** The mode of each path that exists at the commit: `100644`, `100755`, or another kind of entry. */
async function readModes(git: Git, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  const out = await git.run(['ls-tree', '-z', '--full-tree', '--end-of-options', commit, '--', ...paths], {
    env: { GIT_LITERAL_PATHSPECS: '1' }
  })
  const modes = new Map<string, string>()
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t')
    if (tab !== -1) modes.set(record.slice(tab + 1), record.split(' ')[0]!)
  }
  return modes
}

function notAFile(path: string, mode: string): VersoError {
  const what = mode === '120000' ? 'a symbolic link' : mode === '160000' ? 'a submodule' : 'a folder'
  return new VersoError('EUNSAFEPATH', `${path} is ${what} in the repository, not a file: verso does not replace it with one.`, {
    hint: 'Point version-files or changelog-file at a regular file.'
  })
}

/** Where a branch is on the remote, or null when the remote has no such branch. */
export async function readRemoteBranch(git: Git, remote: string, branch: string): Promise<string | null> {
  const ref = `refs/heads/${branch}`
  let out: string
  try {
    out = await git.run(['ls-remote', '--heads', '--end-of-options', remote, ref])
  } catch (error) {
    if (error instanceof GitError) throw unreachable(remote, error.stderr)
    throw error
  }
  for (const line of out.split('\n')) {
    const [oid, name] = line.split('\t')
    if (name === ref && oid) return oid
  }
  return null
}

/** How a push of the release commit went; `message` is the remote's reason, on one line. */
export type BranchPushResult =
  | { readonly kind: 'pushed' }
  /** The branch is no longer at the commit released (null: it is gone): someone pushed meanwhile. */
  | { readonly kind: 'moved'; readonly remoteSha: string | null; readonly message: string }
  /** The remote refused the push: a protected branch, a ruleset, a hook, a token without write access. */
  | { readonly kind: 'denied'; readonly message: string }

/**
 * Pushes `sha` to the branch as a fast-forward from `expected`, where the branch was when
 * the run started: a compare-and-swap, never a force. git's lease alone would let a push
 * replace `expected` with any commit, so the commit must also descend from it; a branch
 * that moved, even back, is left as it is. Local pre-push hooks do not run.
 */
export async function pushReleaseCommit(
  git: Git,
  remote: string,
  branch: string,
  sha: string,
  expected: string
): Promise<BranchPushResult> {
  const ref = `refs/heads/${branch}`
  const descends = await git.tryRun(['merge-base', '--is-ancestor', '--end-of-options', expected, sha])
  if (descends.code !== 0) {
    const now = await readRemoteBranch(git, remote, branch)
    return { kind: 'moved', remoteSha: now, message: `${short(sha)} does not build on ${short(expected)}` }
  }
  const result = await git.tryRun([
    'push',
    '--porcelain',
    '--no-verify',
    `--force-with-lease=${ref}:${expected}`,
    '--end-of-options',
    remote,
    `${sha}:${ref}`
  ])
  if (result.code === 0) return { kind: 'pushed' }
  const output = `${result.stderr}\n${result.stdout}`
  // The remote is the judge of what happened: a push can fail after the ref moved, or for a race it does not name.
  const now = await readRemoteBranch(git, remote, branch)
  if (now === sha) return { kind: 'pushed' }
  if (now !== expected) return { kind: 'moved', remoteSha: now, message: summarizeGitOutput(output) }
  if (/\[remote rejected\]|denied|403|protected|forbidden|not allowed|permission|GH006|GH013|hook declined/i.test(output)) {
    return { kind: 'denied', message: summarizeGitOutput(output) }
  }
  throw new VersoError('EPUSH', `Could not push the release commit to ${branch}: ${summarizeGitOutput(output) || 'no message'}`, {
    hint: `Nothing was tagged or published. Check that the remote \`${remote}\` is reachable and run again.`
  })
}

/** The error to stop a release with when its commit was not pushed. Nothing is on the remote yet, and the hint says so. */
export function branchPushError(result: Exclude<BranchPushResult, { kind: 'pushed' }>, branch: string, expected: string): VersoError {
  switch (result.kind) {
    case 'moved': {
      const where = result.remoteSha === null ? 'is gone from the remote' : `is at ${short(result.remoteSha)} now`
      return new VersoError('EPUSH', `The branch ${branch} moved while this run released ${short(expected)}: it ${where}.`, {
        hint: 'Nothing was pushed, tagged or published. Run again: the next run releases the branch as it is then.'
      })
    }
    case 'denied':
      return new VersoError('EPUSH', `The remote refused the release commit on ${branch}: ${result.message}`, {
        hint:
          'Nothing was tagged or published. A protected branch or ruleset must let the token push to it (a bypass for the ' +
          'app or user verso runs as), with `permissions: contents: write`; or leave out version-files and changelog-file, ' +
          'and verso releases without a commit.'
      })
    default:
      return assertNever(result)
  }
}

/** What advanceCheckout did to the local repository. */
export type CheckoutUpdate =
  /** HEAD was at the parent, on the branch or detached: index, working tree and HEAD are at the release commit. */
  | { readonly kind: 'advanced' }
  /** HEAD is elsewhere: only the local branch moved, from the parent to the release commit. */
  | { readonly kind: 'branch-only' }
  /** Nothing changed: the reason says why (local changes to the files, or neither HEAD nor the branch at the parent). */
  | { readonly kind: 'left'; readonly reason: string }

/**
 * Brings the checkout to the pushed release commit, so that later steps (a build, a
 * publish) see the new files. Only a fast-forward from `parent`, and only where nothing is
 * lost: `read-tree -m -u` updates just the files the commit changed and refuses, touching
 * nothing, when one of them has local changes. No hooks run.
 */
export async function advanceCheckout(git: Git, branch: string, parent: string, sha: string): Promise<CheckoutUpdate> {
  const ref = `refs/heads/${branch}`
  const head = await git.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD'])
  const symbolic = await git.tryRun(['symbolic-ref', '--quiet', 'HEAD'])
  const onBranch = symbolic.code === 0 ? symbolic.stdout.trim() === ref : true
  const local = await git.tryRun(['rev-parse', '--verify', '--quiet', '--end-of-options', ref])
  const branchAtParent = local.code === 0 && local.stdout.trim() === parent
  const message = `verso: release commit ${short(sha)}`

  if (head.code === 0 && head.stdout.trim() === parent && onBranch) {
    // Stale stat information would make an unchanged file look modified; it fails when files are, which read-tree then names.
    await git.tryRun(['update-index', '-q', '--refresh'])
    const moved = await git.tryRun(['read-tree', '-m', '-u', '--end-of-options', parent, sha])
    if (moved.code !== 0) {
      const reason = `the release commit's files have local changes (${summarizeGitOutput(moved.stderr) || 'no message'})`
      return { kind: 'left', reason }
    }
    // HEAD, through the branch when it is on it; a detached HEAD moves itself (and the branch, if it was there too).
    await git.run(['update-ref', '--no-deref', '-m', message, symbolic.code === 0 ? ref : 'HEAD', sha, parent])
    if (symbolic.code !== 0 && branchAtParent) await git.run(['update-ref', '-m', message, ref, sha, parent])
    return { kind: 'advanced' }
  }
  if (branchAtParent) {
    await git.run(['update-ref', '-m', message, ref, sha, parent])
    return { kind: 'branch-only' }
  }
  return { kind: 'left', reason: `neither HEAD nor ${branch} is at ${short(parent)}` }
}

function unreachable(remote: string, message: string): VersoError {
  return new VersoError('EGIT', `Could not reach the remote \`${remote}\`: ${summarizeGitOutput(message) || 'no message'}`, {
    hint: 'Check out with actions/checkout (it stores the credentials git needs), or make sure the remote exists and is reachable.'
  })
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

function assertNever(value: never): never {
  throw new Error(`branchPushError: unexpected result ${JSON.stringify(value)}`)
}
