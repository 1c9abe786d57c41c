import type { Config } from '../config/config.js'
import { VersoError } from '../errors.js'
import type { Git } from '../git/git.js'
import { createAnnotatedTag, fetchTag, pushTag, type PushResult, type Tagger } from '../git/publish.js'
import {
  createReleaseCommit,
  fetchBranchCommit,
  pushReleaseCommit,
  readReleaseTree,
  type BranchPushResult,
  type ReleaseFile
} from '../git/release-commit.js'
import { replaceRemoteBranch } from '../git/release-branch.js'
import { NO_SIGNING, type Signing } from '../git/signing.js'
import type { GitDataApi } from '../github/git-data.js'

/*
 * Where a release's commit and tag are written: pushed with git (`commit-via: git`), or made
 * by GitHub through its git database (`commit-via: api`), which signs the commit for the
 * token's account. Either way the branch moves only as a fast-forward from the commit the run
 * released, the tag never overwrites one that is there, and the local repository ends up
 * with both, so what follows (the checkout, npm, the GitHub Release) is the same.
 */

export interface CommitRequest {
  readonly remote: string
  readonly branch: string
  readonly files: readonly ReleaseFile[]
  readonly message: string
  /** The author and committer of a commit made with git; GitHub makes the token's account both through the API. */
  readonly author: Tagger
  /** The commit released, where the branch must still be: the release commit's parent. */
  readonly parent: string
  readonly signing: Signing
}

export interface TagRequest {
  readonly remote: string
  readonly tag: string
  /** The commit tagged. */
  readonly sha: string
  readonly message: string
  readonly tagger: Tagger
  readonly signing: Signing
  /** The local repository has the tag already, on `sha`: an earlier attempt made it and did not push it. */
  readonly local: boolean
}

export interface ReleaseWriter {
  readonly via: 'git' | 'api'
  /** The release commit, made and put on the branch as a fast-forward from its parent, or why not. */
  commit(
    git: Git,
    request: CommitRequest
  ): Promise<{ readonly kind: 'pushed'; readonly sha: string } | Exclude<BranchPushResult, { kind: 'pushed' }>>
  /** The annotated release tag, made on the remote without overwriting one that is there. */
  tag(git: Git, request: TagRequest): Promise<PushResult>
  /**
   * The release pull request's branch: the release commit on `parent`, replacing whatever the
   * branch held when it was read (`expected`, null: no branch), which verso alone writes.
   */
  replaceBranch(git: Git, request: BranchRequest): Promise<{ readonly kind: 'pushed'; readonly sha: string } | BranchRefusal>
}

export interface BranchRequest extends CommitRequest {
  /** Where the branch was read, or null when it was not there. */
  readonly expected: string | null
  /** The commit's date with git (`@<seconds> <zone>`): the same plan makes the same commit. */
  readonly date: string
}

/** Why a release pull request's branch was not written: another run wrote it meanwhile, or the remote refused. */
export type BranchRefusal = { readonly kind: 'moved'; readonly message: string } | { readonly kind: 'denied'; readonly message: string }

/** Everything with git: the commit made locally and pushed, the tag too. */
export const GIT_WRITER: ReleaseWriter = {
  via: 'git',
  async commit(git, request) {
    const { files, message, author, parent, signing } = request
    const sha = await createReleaseCommit(git, { files, message, author, parent, signing })
    const pushed = await pushReleaseCommit(git, request.remote, request.branch, sha, parent)
    return pushed.kind === 'pushed' ? { kind: 'pushed', sha } : pushed
  },
  async tag(git, request) {
    if (!request.local) await createAnnotatedTag(git, request.tag, request.sha, request.message, request.tagger, request.signing)
    return pushTag(git, request.remote, request.tag, { force: false })
  },
  async replaceBranch(git, request) {
    const { files, message, author, parent, signing, date } = request
    const sha = await createReleaseCommit(git, { files, message, author, parent, signing, date })
    const pushed = await replaceRemoteBranch(git, request.remote, request.branch, sha, request.expected)
    return pushed.kind === 'pushed' ? { kind: 'pushed', sha } : pushed
  }
}

/**
 * Through GitHub's git database: a commit with no author or committer, which GitHub signs,
 * and the branch fast-forwarded to it (GitHub refuses any other update: the compare-and-swap).
 * A tag to be signed with the release's key is made and pushed with git, as only git has the key.
 */
export function apiWriter(gitData: GitDataApi): ReleaseWriter {
  return {
    via: 'api',
    async commit(git, request) {
      const tree = await readReleaseTree(git, request.parent, request.files)
      const made = await gitData.createCommit({ parent: tree.parent, baseTree: tree.tree, files: tree.files, message: request.message })
      const updated = await gitData.updateBranch(request.branch, made.sha, 'fast-forward')
      switch (updated.kind) {
        case 'updated':
          await fetchBranchCommit(git, request.remote, request.branch, made.sha)
          return { kind: 'pushed', sha: made.sha }
        case 'not-fast-forward':
        case 'missing':
        case 'exists': {
          const now = await gitData.readBranch(request.branch)
          // An earlier attempt of this very update landed, its answer lost: done.
          if (now === made.sha) {
            await fetchBranchCommit(git, request.remote, request.branch, made.sha)
            return { kind: 'pushed', sha: made.sha }
          }
          return { kind: 'moved', remoteSha: now, message: updated.message }
        }
        case 'protected':
          return { kind: 'denied', message: updated.message }
        default:
          return assertNever(updated)
      }
    },
    async replaceBranch(git, request) {
      const tree = await readReleaseTree(git, request.parent, request.files)
      const made = await gitData.createCommit({ parent: tree.parent, baseTree: tree.tree, files: tree.files, message: request.message })
      // GitHub's update has no compare-and-swap: `create` refuses a branch made meanwhile, `force` takes any.
      const updated = await gitData.updateBranch(request.branch, made.sha, request.expected === null ? 'create' : 'force')
      switch (updated.kind) {
        case 'updated':
          return { kind: 'pushed', sha: made.sha }
        case 'protected':
          return { kind: 'denied', message: updated.message }
        default:
          return { kind: 'moved', message: updated.message }
      }
    },
    async tag(git, request) {
      if ((request.signing ?? NO_SIGNING).kind !== 'none') return GIT_WRITER.tag(git, request)
      const made = await gitData.createTag({ tag: request.tag, message: request.message, commit: request.sha, tagger: request.tagger })
      if (made.kind === 'exists') return { kind: 'rejected', reason: 'exists', message: made.message }
      // The local repository has the tag as the remote does, for what comes after it.
      await fetchTag(git, request.remote, request.tag)
      return { kind: 'pushed' }
    }
  }
}

/**
 * The one place `commit-via` is decided. `api` without a token (or a repository) is a
 * configuration error, raised before anything is committed or tagged.
 */
export function chooseReleaseWriter(config: Config, connect: (() => GitDataApi | null) | undefined): ReleaseWriter {
  if (config.release.commitVia === 'git') return GIT_WRITER
  const gitData = connect?.() ?? null
  if (gitData === null) {
    throw new VersoError(
      'EINVALIDCONFIG',
      '`commit-via: api` writes the release commit and tag through the GitHub API, and there is no GitHub token (or repository) for it: nothing was committed or tagged.',
      {
        hint:
          'In a workflow, leave `github-token` at its default and grant `permissions: contents: write`; on the command line, set ' +
          'GITHUB_TOKEN and GITHUB_REPOSITORY. Or set `commit-via: git`.'
      }
    )
  }
  return apiWriter(gitData)
}

function assertNever(value: never): never {
  throw new Error(`apiWriter: unexpected branch update ${JSON.stringify(value)}`)
}
