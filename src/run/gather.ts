import { parseCommit, type ParsedCommit } from '../commits/analyze.js'
import type { Config, ImageConfig } from '../config/config.js'
import { VersoError } from '../errors.js'
import { askDefaultBranch, readCurrentBranch, readDefaultBranch } from '../git/branches.js'
import { readCommits, type RawCommit } from '../git/commits.js'
import { listFiles, readMatchingFilesAt, readWorktreeFile } from '../git/files.js'
import type { Git } from '../git/git.js'
import { ensureCommit, fetchMissingTags, isShallow, newFetchState, readHistory, type FetchState, type TagSync } from '../git/history.js'
import { isAncestor, readTaggerEmail } from '../git/publish.js'
import { readRemoteBranch } from '../git/release-commit.js'
import type { PullRequest } from '../github/pull-request.js'
import type { SchemaFile } from '../image/index.js'
import { chooseCandidates, parseReleaseTags, type ReleaseTag, type ReleaseTags } from '../versions/release-tags.js'
import type { Line } from './line.js'
import { readPackageHistory, type PackageHistory, type PackageRequest } from './package-history.js'

/**
 * The facts a plan is decided from. Gathering them is the only part of planning with
 * effects: it reads git and, in a shallow clone, fetches just the history they need.
 */
export interface Facts {
  /** The commit planned for. */
  readonly head: string
  /** Every release tag of the repository, reachable or not, parsed once by the scheme. */
  readonly tags: ReleaseTags
  /** The last release: the best candidate that `head` reaches. */
  readonly base: ReleaseTag | null
  /** The last stable release `head` reaches (what a prerelease channel counts from). */
  readonly stableBase: ReleaseTag | null
  /** `base..head`, newest first; all of `head`'s history when there is no base. */
  readonly commits: readonly ParsedCommit[]
  /** What was done to a shallow clone, for the log. */
  readonly fetched: readonly string[]
}

export interface HistoryRequest {
  /** The commit to plan for, when not HEAD (a pull request's base). */
  readonly head?: string
  /** Reads the history as if this tag did not exist: how a release an earlier run tagged is finished. */
  readonly ignoreTag?: string
  /** false: only the last release is wanted, not the commits since it (the image commands). */
  readonly commits?: boolean
  /** The line whose last release is wanted; without one, the configuration's channel, anywhere. */
  readonly line?: Line
}

/** What the release-image check reads: schema files and image texts, today and at the last release. */
export interface ImageSources {
  readonly today: readonly SchemaFile[]
  /** The image file as it is today (the working tree, or the commit checked): what a commit records. */
  readonly worktreeImage: string | null
  /** The image file and the schema files at the last release tag, when there is one. */
  readonly atRelease: { readonly tag: string; readonly image: string | null; readonly files: readonly SchemaFile[] } | null
}

/** A pull request's own commits, and where its schemas are to be read. */
export interface PullRequestFacts {
  /** `base..head`, newest first, as committed. */
  readonly commits: readonly RawCommit[]
  /** The working tree holds the head (the merge ref, or the head itself), so its files are the pull request's. */
  readonly worktreeHasHead: boolean
}

/** What the release run needs to know about the branch it is on. */
export interface BranchFacts {
  /** The branch the run is for, or null (a tag push, a detached checkout). */
  readonly branch: string | null
  /** The repository's default branch, when no branch policy names the branches. */
  readonly defaultBranch: string | null
}

/** What the environment already says about the branch: the CI's variables and the event. */
export interface BranchHints {
  /** GITHUB_REF: `refs/heads/main` for a push. */
  readonly githubRef: string | undefined
  /** GitLab's CI_COMMIT_BRANCH. */
  readonly ciCommitBranch: string | undefined
  /** The event payload's `repository.default_branch`. */
  readonly eventDefaultBranch: string | null
}

export interface Gather {
  history(request?: HistoryRequest): Promise<Facts>
  /**
   * Before a release is planned in a complete clone: the release tags (of the repository,
   * or of any of its packages) the remote has and the clone lacks, fetched.
   */
  fetchMissingTags(): Promise<TagSync>
  imageSources(image: ImageConfig, releaseTag: string | null, todayAt: string | null): Promise<ImageSources>
  /** The email of a tag's tagger, or null for a lightweight tag. */
  taggerEmail(tag: string): Promise<string | null>
  pullRequest(pr: PullRequest): Promise<PullRequestFacts>
  /**
   * The branch, and the default branch when `needDefault` says so: `remote` may ask the
   * remote when nothing here says; `local` only reads what the clone and the CI say.
   */
  branch(hints: BranchHints, needDefault: 'no' | 'local' | 'remote'): Promise<BranchFacts>
  /** The commit a ref names here, or null when it names none. */
  commitOf(ref: string): Promise<string | null>
  /** The remote's default branch as the clone recorded it (`origin/HEAD`): a pull request's usual base. */
  remoteDefaultBranch(): Promise<string | null>
  /**
   * The release commit an earlier run of this release pushed on top of `head` (the branch's
   * tip on the remote, whose only parent is `head`, committed by `tagger`, or by GitHub with
   * `commit-via: api`), or null: a re-run of the job checks out `head` again, and finishes
   * that commit's release instead of making another.
   */
  releaseCommitAbove(branch: string, head: string, tagger: { readonly email: string }): Promise<string | null>
  /** A file of the working tree, or null when there is none. */
  worktreeFile(path: string): Promise<string | null>
  /** Every package's last release and commits, from one pass over the history (at `head`, else HEAD). */
  packages(requests: readonly PackageRequest[], head?: string): Promise<PackageHistory>
}

/** The committer of a commit GitHub makes and signs through its API for the token's account. */
const GITHUB_COMMITTER_EMAIL = 'noreply@github.com'

/** The reads of one run, sharing what was fetched: a second history must not undo the first's deepening. */
export function createGather(git: Git, config: Config): Gather {
  const state: FetchState = newFetchState()
  const history = async (request: HistoryRequest = {}): Promise<Facts> => {
    let tags: ReleaseTags = { all: [], ignored: [] }
    const read = await readHistory(git, {
      fetchHistory: config.fetchHistory,
      state,
      order: (refs) => {
        tags = parseReleaseTags(
          refs.filter((ref) => ref.name !== request.ignoreTag),
          config.tagPrefix,
          config.scheme
        )
        return chooseCandidates(tags, request.line ?? { prerelease: config.prerelease, range: null })
      },
      read: parseCommit,
      ...(request.commits === false ? { commits: false } : {}),
      ...(request.head ? { head: request.head } : {})
    })
    return { head: read.head, tags, base: read.base, stableBase: read.stableBase, commits: read.commits, fetched: read.fetched }
  }
  const prefixes = config.packages ? config.packages.list.map((pkg) => pkg.config) : [config]
  const isRelease = (name: string) => prefixes.some((c) => parseReleaseTags([{ name, sha: '' }], c.tagPrefix, c.scheme).all.length > 0)
  return {
    history,
    fetchMissingTags: () =>
      config.fetchHistory === 'never' ? Promise.resolve({ kind: 'skipped' as const }) : fetchMissingTags(git, state, isRelease),
    imageSources: (image, releaseTag, todayAt) => readImageSources(git, image, releaseTag, todayAt),
    taggerEmail: (tag) => readTaggerEmail(git, tag),
    async pullRequest(pr) {
      // Reading the history at HEAD (the merge ref) deepens a shallow clone far enough for both sides.
      if (await isShallow(git)) await history()
      await ensureCommit(git, pr.baseSha)
      await ensureCommit(git, pr.headSha)
      const { commits } = await readCommits(git, pr.headSha, pr.baseSha, (c) => c)
      // pull_request_target checks out the base: then the head's files are read from git.
      const head = (await git.run(['rev-parse', '--verify', 'HEAD^{commit}'])).trim()
      return { commits, worktreeHasHead: head === pr.headSha || (await isAncestor(git, pr.headSha, head)) }
    },
    async commitOf(ref) {
      const found = await git.tryRun(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
      return found.code === 0 ? found.stdout.trim() : null
    },
    remoteDefaultBranch: () => readDefaultBranch(git),
    worktreeFile: (path) => readWorktreeFile(git.cwd, path),
    async releaseCommitAbove(branch, head, tagger) {
      const tip = await readRemoteBranch(git, 'origin', branch).catch(() => null)
      if (tip === null || tip === head) return null
      await git.tryRun(['fetch', '--no-tags', '--end-of-options', 'origin', `refs/heads/${branch}`])
      const found = await git.tryRun(['log', '-1', '--format=%P%x00%ce%x00%s', '--end-of-options', tip, '--'])
      if (found.code !== 0) return null
      const [parents = '', email = '', subject = ''] = found.stdout.trim().split('\0')
      // Made through the API (`commit-via: api`), the commit is committed by GitHub, which signs it.
      const committer = email === tagger.email || (config.release.commitVia === 'api' && email === GITHUB_COMMITTER_EMAIL)
      return parents === head && committer && subject.startsWith('chore(release): ') ? tip : null
    },
    packages: (requests, head) =>
      readPackageHistory(git, { fetchHistory: config.fetchHistory, state, ...(head ? { head } : {}) }, requests),
    async branch(hints, needDefault) {
      // In CI the checkout is often detached and has no origin/HEAD: the CI's variables,
      // the event and the remote itself say what the clone does not.
      const fromRef = hints.githubRef?.startsWith('refs/heads/') ? hints.githubRef.slice('refs/heads/'.length) : null
      // What the clone must say, asked side by side: each is a process of its own.
      const [current, recorded] = await Promise.all([
        fromRef === null ? readCurrentBranch(git) : null,
        needDefault !== 'no' && (hints.eventDefaultBranch ?? null) === null ? readDefaultBranch(git) : null
      ])
      const branch = fromRef ?? current ?? (hints.ciCommitBranch || null)
      if (needDefault === 'no') return { branch, defaultBranch: null }
      const known = hints.eventDefaultBranch ?? recorded
      const defaultBranch = known ?? (needDefault === 'remote' ? await askDefaultBranch(git) : null)
      return { branch, defaultBranch }
    }
  }
}

/**
 * Reads the image's sources in a fixed number of git processes, however many schema files
 * there are. `todayAt` reads "today" from a commit instead of the working tree: a pull
 * request's head, when the checkout is its base (pull_request_target).
 */
async function readImageSources(git: Git, image: ImageConfig, releaseTag: string | null, todayAt: string | null): Promise<ImageSources> {
  const [today, atRelease] = await Promise.all([
    todayAt === null ? readWorktreeSources(git, image) : readSourcesAt(git, image, todayAt),
    releaseTag === null ? null : readSourcesAt(git, image, releaseTag)
  ])
  if (today.files.length === 0) {
    throw new VersoError('EINVALIDCONFIG', `\`schemas: ${image.schemas.join(', ')}\` matched no file.`, {
      hint: 'Globs are relative to the repository (or working-directory), e.g. `schemas/**/*.json`; a folder is matched by `folder/**`.'
    })
  }
  return {
    today: today.files,
    worktreeImage: today.image,
    atRelease: releaseTag === null || atRelease === null ? null : { tag: releaseTag, ...atRelease }
  }
}

async function readWorktreeSources(git: Git, image: ImageConfig): Promise<{ image: string | null; files: SchemaFile[] }> {
  const [paths, imageText] = await Promise.all([listFiles(git, null, image.schemas), readWorktreeFile(git.cwd, image.file)])
  const files = await Promise.all(paths.map(async (path) => ({ path, text: (await readWorktreeFile(git.cwd, path)) ?? '' })))
  return { image: imageText, files }
}

async function readSourcesAt(git: Git, image: ImageConfig, at: string): Promise<{ image: string | null; files: SchemaFile[] }> {
  const { matching: paths, texts } = await readMatchingFilesAt(git, at, image.schemas, [image.file])
  return {
    image: texts.get(image.file) ?? null,
    files: paths.flatMap((path) => (texts.has(path) ? [{ path, text: texts.get(path)! }] : []))
  }
}
