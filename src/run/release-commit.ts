import type { ReleaseFiles } from '../config/config.js'
import { VersoError } from '../errors.js'
import { listFiles, readFilesAt } from '../git/files.js'
import type { Git } from '../git/git.js'
import { NO_SIGNING, type Signing } from '../git/signing.js'
import type { Tagger } from '../git/publish.js'
import { advanceCheckout, branchPushError, readRemoteBranch, releaseCommitMessage } from '../git/release-commit.js'
import { GIT_WRITER, type ReleaseWriter } from './release-writer.js'
import { pathsToRead, planReleaseFiles, type FileRelease, type ReleaseFileEdits } from './release-files.js'

export interface ReleaseCommitRequest {
  readonly git: Git
  readonly files: ReleaseFiles
  /** The branch the run releases, which the commit goes to. */
  readonly branch: string | null
  /** The commit released: the release commit's parent. */
  readonly head: string
  readonly releases: readonly FileRelease[]
  /** A monorepo's package folders, all of them; null for one package. */
  readonly packages: readonly string[] | null
  readonly tagger: Tagger
  readonly date: string
  readonly repositoryUrl: string | null
  readonly log: (line: string) => void
  /** The key the release commit is signed with; absent: unsigned. */
  readonly signing?: Signing
  /** How the commit reaches the branch (`commit-via`); absent: pushed with git. */
  readonly writer?: ReleaseWriter
}

/**
 * Writes the version files and changelogs into one commit on top of the released commit and
 * pushes it to the branch, before any tag: the tags then go on that commit. A branch that
 * moved or refuses the push stops the release with nothing on the remote. Returns the commit
 * to tag: the release commit, or `head` when every file already says so.
 */
export async function commitRelease(request: ReleaseCommitRequest): Promise<string> {
  const { git, head } = request
  const edits = await releaseFileEdits(request)
  if (edits.files.length === 0) {
    request.log('The version files and changelog already hold this release: no release commit.')
    return head
  }
  if (request.branch === null) {
    throw new VersoError('EUSAGE', 'version-files and changelog-file are committed to the branch released, and HEAD is on no branch.', {
      hint: 'Release from a branch (a push to it), or leave out version-files and changelog-file.'
    })
  }
  const expected = await readRemoteBranch(git, 'origin', request.branch)
  if (expected !== head) throw branchPushError({ kind: 'moved', remoteSha: expected, message: '' }, request.branch, head)
  const message = releaseCommitMessage(request.releases.map((r) => r.tag))
  const signing = request.signing ?? NO_SIGNING
  const writer = request.writer ?? GIT_WRITER
  const pushed = await writer.commit(git, {
    remote: 'origin',
    branch: request.branch,
    files: edits.files,
    message,
    author: request.tagger,
    parent: head,
    signing
  })
  if (pushed.kind !== 'pushed') throw branchPushError(pushed, request.branch, head)
  const { sha } = pushed
  const what = `the release commit ${sha.slice(0, 7)} to ${request.branch}`
  const paths = edits.files.map((f) => f.path).join(', ')
  request.log(writer.via === 'api' ? `Committed ${what} through the GitHub API (${paths}).` : `Pushed ${what} (${paths}).`)
  const checkout = await advanceCheckout(git, request.branch, head, sha)
  if (checkout.kind === 'left') request.log(`The checkout stays at ${head.slice(0, 7)}: ${checkout.reason}.`)
  return sha
}

/**
 * What the release commit on top of `head` would change: the version files and changelogs
 * as `head` holds them, updated. None when they already say so: `head` is that release.
 */
export async function releaseFileEdits(
  request: Pick<ReleaseCommitRequest, 'git' | 'files' | 'head' | 'releases' | 'packages' | 'date' | 'repositoryUrl'>
): Promise<ReleaseFileEdits> {
  const { git, files, head } = request
  const matched = await Promise.all(
    files.rules.map((rule) => (rule.glob ? listFiles(git, head, [rule.path]) : Promise.resolve([rule.path])))
  )
  const paths = pathsToRead(files, request.releases, matched)
  const read = await readFilesAt(git, head, paths)
  return planReleaseFiles({
    config: files,
    releases: request.releases,
    packages: request.packages,
    matched,
    texts: new Map<string, string | null>(paths.map((path) => [path, read.get(path) ?? null])),
    date: request.date,
    repositoryUrl: request.repositoryUrl
  })
}
