import { shapeProblem, type Answer, type Fields, type Shape } from './answers.js'
import { explainFailure, isHttpFailure, unexpectedAnswer, type HttpFailure, type Intent } from './failures.js'
import { createOctokit, type GitHubApiOptions } from './octokit.js'
import { parseRepository } from './client.js'

/*
 * GitHub's git database through its REST API: trees, commits, tags and refs written by
 * GitHub itself. A commit made this way without an author or committer is signed by GitHub
 * for the token's account and shows as Verified, which is what a branch that requires signed
 * commits asks for, without a key on the runner.
 */

/** A file of a commit made through the API, by its path from the repository's root. */
export interface TreeFile {
  /** `packages/a/package.json`: from the root of the repository, never the working directory. */
  readonly path: string
  readonly mode: '100644' | '100755'
  /** The whole new text; null removes the file. */
  readonly text: string | null
}

export interface NewCommit {
  /** The commit's only parent. */
  readonly parent: string
  /** The parent's tree: the files not given stay as they are there. */
  readonly baseTree: string
  readonly files: readonly TreeFile[]
  readonly message: string
}

export interface CreatedCommit {
  readonly sha: string
  readonly tree: string
  /** GitHub signed it (no author or committer was given, so it is the token's account's, signed by GitHub). */
  readonly verified: boolean
}

/**
 * How a branch is to be pointed at a commit: `create` a branch that must not exist yet,
 * `fast-forward` one that must exist and be an ancestor of the commit (GitHub checks it: the
 * compare-and-swap), or `force` it wherever it is.
 */
export type BranchMove = 'create' | 'fast-forward' | 'force'

/** What became of a branch update; the message is GitHub's, on one line. */
export type BranchUpdate =
  | { readonly kind: 'updated' }
  /** A fast-forward refused: the branch is no longer an ancestor of the commit (someone pushed). */
  | { readonly kind: 'not-fast-forward'; readonly message: string }
  /** `create` refused: the branch exists. */
  | { readonly kind: 'exists'; readonly message: string }
  /** `fast-forward` or `force` refused: there is no such branch. */
  | { readonly kind: 'missing'; readonly message: string }
  /** A branch protection rule or ruleset refused the update (pull requests only, signed commits, status checks…). */
  | { readonly kind: 'protected'; readonly message: string }

export interface NewTag {
  readonly tag: string
  /** The tag's message, exactly as a `git tag --cleanup=verbatim` would carry it. */
  readonly message: string
  /** The commit tagged. */
  readonly commit: string
  readonly tagger: { readonly name: string; readonly email: string }
}

/** An annotated tag made, or refused because the tag exists (at whatever commit: read it to settle). */
export type TagCreation = { readonly kind: 'created'; readonly sha: string } | { readonly kind: 'exists'; readonly message: string }

/** What verso writes through GitHub's git database. */
export interface GitDataApi {
  /** A commit of `files` on top of `parent`, in the repository's object store only: no ref moves. */
  createCommit(input: NewCommit): Promise<CreatedCommit>
  /** Points `refs/heads/<branch>` at `sha`, as `move` says. A missing permission throws. */
  updateBranch(branch: string, sha: string, move: BranchMove): Promise<BranchUpdate>
  /** Where a branch is, or null when there is no such branch. */
  readBranch(branch: string): Promise<string | null>
  /** An annotated tag object on the commit, then the ref `refs/tags/<tag>` to it: GitHub refuses the ref when the tag exists. */
  createTag(input: NewTag): Promise<TagCreation>
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isSha = (value: unknown) => isString(value) && /^[0-9a-f]{40}$/.test(value)
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const holdsSha = (value: unknown) => isObject(value) && isSha(value['sha'])

const TREE: Shape<{ sha: string }> = {
  name: 'a tree',
  plural: 'trees',
  fields: { sha: isSha },
  read: (data) => ({ sha: data['sha'] as string })
}

const COMMIT: Shape<CreatedCommit> = {
  name: 'a commit',
  plural: 'commits',
  fields: { sha: isSha, tree: holdsSha, verification: (v) => isObject(v) && typeof v['verified'] === 'boolean' },
  read: (data) => ({
    sha: data['sha'] as string,
    tree: (data['tree'] as Fields)['sha'] as string,
    verified: (data['verification'] as Fields)['verified'] as boolean
  })
}

const TAG: Shape<{ sha: string; object: string }> = {
  name: 'a tag',
  plural: 'tags',
  fields: { sha: isSha, object: holdsSha },
  read: (data) => ({ sha: data['sha'] as string, object: (data['object'] as Fields)['sha'] as string })
}

const REF: Shape<{ ref: string; sha: string }> = {
  name: 'a reference',
  plural: 'references',
  fields: { ref: isString, object: holdsSha },
  read: (data) => ({ ref: data['ref'] as string, sha: (data['object'] as Fields)['sha'] as string })
}

/** GitHub's git database through octokit, with the retries and waits of src/github/octokit.ts. */
export function createGitDataApi(options: GitHubApiOptions): GitDataApi {
  const { owner, repo } = parseRepository(options.repository)
  const repository = `${owner}/${repo}`
  const octokit = createOctokit(options)
  const redact = (text: string) => (options.token ? text.split(options.token).join('***') : text)
  const fail = (error: unknown, intent: Intent) => explainFailure(error, intent, repository, redact)
  const read = <T>(shape: Shape<T>, response: Answer, intent: Intent): T => {
    const problem = shapeProblem(shape, response.data)
    if (problem !== null) throw unexpectedAnswer(intent, response.status, problem, shape.name, redact)
    return shape.read(response.data as Fields)
  }
  const writing = (doing: string, missing = `there is no repository ${repository}`): Intent => ({
    doing,
    permission: 'contents: write',
    missing
  })
  const attempt = async <T>(intent: Intent, request: () => Promise<T>): Promise<T> => {
    try {
      return await request()
    } catch (error) {
      throw fail(error, intent)
    }
  }
  return {
    async createCommit(input) {
      const treeIntent = {
        ...writing(
          `write the tree of the commit on ${short(input.parent)}`,
          `there is no repository ${repository}, or no tree ${input.baseTree}`
        ),
        refused: 'GitHub refused a file of the commit: check the paths of version-files and changelog-file.'
      }
      const tree = await attempt(treeIntent, async () =>
        read(
          TREE,
          await octokit.rest.git.createTree({
            owner,
            repo,
            base_tree: input.baseTree,
            tree: input.files.map((file) =>
              file.text === null
                ? { path: file.path, mode: file.mode, type: 'blob' as const, sha: null }
                : { path: file.path, mode: file.mode, type: 'blob' as const, content: file.text }
            )
          }),
          treeIntent
        )
      )
      const intent = writing(
        `create the commit on ${short(input.parent)}`,
        `there is no repository ${repository}, or no commit ${input.parent}`
      )
      return attempt(intent, async () =>
        // No author and no committer: GitHub then makes the token's account the author and signs the commit itself.
        read(
          COMMIT,
          await octokit.rest.git.createCommit({ owner, repo, message: input.message, tree: tree.sha, parents: [input.parent] }),
          intent
        )
      )
    },

    async updateBranch(branch, sha, move) {
      const intent = writing(`point the branch ${branch} at ${short(sha)}`, `there is no repository ${repository}`)
      try {
        const response =
          move === 'create'
            ? await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha })
            : await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: move === 'force' })
        read(REF, response, intent)
        return { kind: 'updated' }
      } catch (error) {
        const refused = isHttpFailure(error) && error.response ? branchRefusal(error, move, redact) : null
        if (refused) return refused
        throw fail(error, intent)
      }
    },

    async readBranch(branch) {
      const intent: Intent = {
        doing: `read the branch ${branch}`,
        permission: 'contents: read',
        missing: `there is no repository ${repository}`
      }
      try {
        return read(REF, await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }), intent).sha
      } catch (error) {
        // GitHub answers 404 for a branch that does not exist, as for a repository it hides.
        if (isHttpFailure(error) && error.status === 404) return null
        throw fail(error, intent)
      }
    },

    async createTag(input) {
      const tagIntent = {
        ...writing(`create the tag ${input.tag}`, `there is no repository ${repository}, or no commit ${input.commit}`),
        refused: 'GitHub refused the tag: check that its name is a valid git tag name.'
      }
      const object = await attempt(tagIntent, async () =>
        read(
          TAG,
          await octokit.rest.git.createTag({
            owner,
            repo,
            tag: input.tag,
            message: input.message,
            object: input.commit,
            type: 'commit',
            tagger: { name: input.tagger.name, email: input.tagger.email }
          }),
          tagIntent
        )
      )
      const intent = {
        ...tagIntent,
        refused: 'A tag protection rule or ruleset may forbid the token to create this tag: allow it, and run again.'
      }
      try {
        read(REF, await octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${input.tag}`, sha: object.sha }), intent)
        return { kind: 'created', sha: object.sha }
      } catch (error) {
        if (isHttpFailure(error) && error.status === 422 && /already exists/i.test(githubMessage(error)))
          return { kind: 'exists', message: redact(githubMessage(error)) }
        throw fail(error, intent)
      }
    }
  }
}

/**
 * GitHub's refusals of a ref update that are answers, not failures: a branch that moved, that
 * exists or is missing, or that a rule protects. A 403 or 404 (a permission) is left to explainFailure.
 */
function branchRefusal(error: HttpFailure, move: BranchMove, redact: (text: string) => string): BranchUpdate | null {
  const message = redact(githubMessage(error))
  if (error.status === 409) return { kind: 'protected', message }
  if (error.status !== 422) return null
  if (/not a fast[ -]forward/i.test(message)) return { kind: 'not-fast-forward', message }
  if (/already exists/i.test(message)) return { kind: 'exists', message }
  if (/does not exist/i.test(message) && move !== 'create') return { kind: 'missing', message }
  if (/protected|rule|pull request|signed|status check|not authorized/i.test(message)) return { kind: 'protected', message }
  return null
}

/** GitHub's message, its lines joined: a ruleset's refusal names the rule on the lines after the first. */
function githubMessage(error: HttpFailure): string {
  const data = error.response?.data
  const message = isObject(data) ? data['message'] : undefined
  return isString(message)
    ? message
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' ')
    : ''
}

function short(sha: string): string {
  return sha.slice(0, 7)
}
