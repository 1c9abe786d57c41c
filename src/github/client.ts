import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import { VersoError } from '../errors.js'
import type { Comment, GitHubApi, Release } from './api.js'
import { explainFailure, isHttpFailure, ReleaseExistsError, validationErrors, type Intent } from './failures.js'

export interface GitHubApiOptions {
  readonly token: string
  /** owner/repo, as in GITHUB_REPOSITORY. */
  readonly repository: string
  /** The REST API's base URL (GITHUB_API_URL): https://api.github.com, or a GitHub Enterprise Server's. */
  readonly apiUrl: string
  readonly userAgent: string
  /** How long and how often to wait for GitHub; tests shrink every wait to milliseconds. */
  readonly pacing?: Partial<Pacing>
  /** Where to say that verso is waiting for a rate limit, and octokit's warnings (the action passes core.warning). */
  readonly log?: (message: string) => void
}

export interface Pacing {
  /** Milliseconds per unit of delay: after a 5xx octokit waits 1, 4, 9… units; after a rate limit, retry-after units. */
  readonly unitMs: number
  /** Retries of a request that failed with a 5xx or a network error. */
  readonly retries: number
  /** Retries after a rate limit, each only if GitHub asks for a wait of at most maxWaitSeconds. */
  readonly rateLimitRetries: number
  readonly maxWaitSeconds: number
  /** Writes at least a second apart, as GitHub advises to avoid secondary rate limits. */
  readonly spaceWrites: boolean
}

const DEFAULT_PACING: Pacing = { unitMs: 1000, retries: 3, rateLimitRetries: 2, maxWaitSeconds: 120, spaceWrites: true }

// GitHub accepts at most this many inputs in one workflow_dispatch.
const MAX_DISPATCH_INPUTS = 25

/**
 * How many pages of 100 releases, newest first, findReleaseByTag reads looking for a draft.
 * The draft it looks for is one an earlier run of the same release made, moments or days
 * ago, so it is among the newest releases; reading a long-lived repository's whole list (some
 * have thousands of releases) on every release would cost a request per 100 for nothing, as
 * the usual answer is that there is no release yet. 1000 releases is far more than are ever
 * created between a failed run and its re-run.
 */
const DRAFT_SEARCH_PAGES = 10

/** The GitHub API through octokit, with retries on 5xx and waits for rate limits. */
export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const { owner, repo } = parseRepository(options.repository)
  const repository = `${owner}/${repo}`
  const octokit = createOctokit(options)
  const redact = (text: string) => (options.token ? text.split(options.token).join('***') : text)
  const attempt = async <T>(intent: Intent, request: () => Promise<T>): Promise<T> => {
    try {
      return await request()
    } catch (error) {
      throw explainFailure(error, intent, repository, redact)
    }
  }
  const commentIntent = (doing: string, missing: string): Intent => ({
    doing,
    missing,
    permission: 'pull-requests: write (or issues: write)'
  })

  return {
    async findReleaseByTag(tag) {
      const intent: Intent = {
        doing: `look up the GitHub Release of ${tag}`,
        permission: 'contents: read',
        missing: `there is no repository ${repository}`
      }
      return attempt(intent, async () => {
        try {
          return toRelease((await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data)
        } catch (error) {
          if (!isHttpFailure(error) || error.status !== 404) throw error
        }
        // A draft has no tag yet, so the tag route never finds it; the list of releases does
        // (with its intended tag_name) for a token that can push, as verso's can.
        let pages = 0
        for await (const page of octokit.paginate.iterator(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 })) {
          const found = page.data.find((r) => r.tag_name === tag)
          if (found) return toRelease(found)
          if (++pages === DRAFT_SEARCH_PAGES) break
        }
        return null
      })
    },

    async createRelease(input) {
      const intent: Intent = {
        doing: `create the GitHub Release ${input.tag}`,
        permission: 'contents: write',
        missing: `there is no repository ${repository}`
      }
      try {
        const { data } = await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: input.tag,
          name: input.name,
          body: input.body,
          draft: input.draft,
          prerelease: input.prerelease,
          // GitHub never marks a draft or a prerelease latest; say so rather than ask for it.
          make_latest: input.makeLatest && !input.draft && !input.prerelease ? 'true' : 'false'
        })
        return toRelease(data)
      } catch (error) {
        if (
          isHttpFailure(error) &&
          error.status === 422 &&
          validationErrors(error).some((e) => e.code === 'already_exists' && e.field === 'tag_name')
        ) {
          throw new ReleaseExistsError(input.tag, error)
        }
        throw explainFailure(error, intent, repository, redact)
      }
    },

    async updateRelease(id, input) {
      const intent: Intent = {
        doing: `update the GitHub Release ${id}`,
        permission: 'contents: write',
        missing: `there is no release ${id}`
      }
      return attempt(intent, async () => {
        const { data } = await octokit.rest.repos.updateRelease({
          owner,
          repo,
          release_id: id,
          ...(input.name !== undefined && { name: input.name }),
          ...(input.body !== undefined && { body: input.body }),
          ...(input.draft !== undefined && { draft: input.draft }),
          ...(input.prerelease !== undefined && { prerelease: input.prerelease }),
          ...(input.makeLatest !== undefined && {
            make_latest: input.makeLatest && input.draft !== true && input.prerelease !== true ? 'true' : 'false'
          })
        })
        return toRelease(data)
      })
    },

    async dispatchWorkflow(workflow, ref, inputs) {
      const count = Object.keys(inputs).length
      if (count > MAX_DISPATCH_INPUTS) {
        throw new VersoError(
          'EUSAGE',
          `Cannot start the workflow ${workflow} with ${count} inputs: GitHub accepts at most ${MAX_DISPATCH_INPUTS}.`
        )
      }
      const intent: Intent = {
        doing: `start the workflow ${workflow} on ${ref}`,
        permission: 'actions: write',
        missing: `there is no workflow ${workflow} (a file name under .github/workflows, or its id)`,
        refused:
          `The workflow needs an \`on: workflow_dispatch\` trigger on ${ref} ` +
          `that declares every input sent: ${Object.keys(inputs).join(', ') || 'none'}.`
      }
      await attempt(intent, () => octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs }))
    },

    listIssueComments(issue) {
      const intent: Intent = {
        doing: `read the comments of #${issue}`,
        permission: 'pull-requests: read (or issues: read)',
        missing: `there is no issue or pull request #${issue}`
      }
      return {
        async *[Symbol.asyncIterator]() {
          const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 })
          try {
            for await (const page of pages) yield* page.data.map(toComment)
          } catch (error) {
            throw explainFailure(error, intent, repository, redact)
          }
        }
      }
    },

    async createIssueComment(issue, body) {
      const intent = commentIntent(`comment on #${issue}`, `there is no issue or pull request #${issue}`)
      return attempt(intent, async () =>
        toComment((await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })).data)
      )
    },

    async updateIssueComment(id, body) {
      const intent = commentIntent(`update the comment ${id}`, `there is no comment ${id} (was it deleted?)`)
      return attempt(intent, async () => toComment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data))
    }
  }
}

/** Splits owner/repo, naming the expected form when it is not that. */
export function parseRepository(repository: string): { owner: string; repo: string } {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository.trim())
  if (!match) {
    throw new VersoError('EINVALIDCONFIG', `Invalid repository '${repository}'. Expected format {owner}/{repo}.`, {
      hint: 'In a workflow GITHUB_REPOSITORY has that form; for the CLI, set GITHUB_REPOSITORY=owner/repo.'
    })
  }
  return { owner: match[1]!, repo: match[2]! }
}

function createOctokit(options: GitHubApiOptions) {
  if (!options.token) {
    throw new VersoError('EGITHUBAUTH', 'No GitHub token: verso needs one to talk to the GitHub API.', {
      hint: 'In a workflow, the `github-token` input defaults to github.token; for the CLI, set GITHUB_TOKEN.'
    })
  }
  if (!URL.canParse(options.apiUrl) || !/^https?:$/.test(new URL(options.apiUrl).protocol)) {
    throw new VersoError(
      'EINVALIDCONFIG',
      `Invalid GitHub API URL '${options.apiUrl}'. Expected an http(s) URL such as https://api.github.com.`,
      {
        hint: 'In a workflow GITHUB_API_URL is set for you; on GitHub Enterprise Server it is https://HOST/api/v3.'
      }
    )
  }
  const pacing: Pacing = { ...DEFAULT_PACING, ...options.pacing }
  const log = options.log ?? (() => {})
  const onLimit =
    (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const again = retryCount < pacing.rateLimitRetries && retryAfter <= pacing.maxWaitSeconds
      log(`GitHub's ${kind} was hit by ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`)
      return again
    }
  const throttle: ThrottlingOptions = {
    retryAfterBaseValue: pacing.unitMs,
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    ...(!pacing.spaceWrites && { write: unpacedGroup(), notifications: unpacedGroup() })
  }
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: options.userAgent,
      ...(options.log && { log: { debug: () => {}, info: () => {}, warn: options.log, error: options.log } }),
      throttle,
      // A 409 (conflict) never clears by waiting. A 429 is a rate limit, left to the throttling
      // plugin: retried by both plugins, one 429 would cost twelve requests.
      retry: { retries: pacing.retries, retryAfterBaseValue: pacing.unitMs, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451] }
    },
    retry,
    throttling
  )
}

/**
 * A stand-in for the throttling plugin's write limiter that never waits. The plugin's
 * limiters are shared by every client in the process, so spaced writes would add a second
 * per write across a whole test run.
 */
function unpacedGroup(): NonNullable<ThrottlingOptions['write']> {
  const limiter = {
    schedule: (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(task(...args))
  }
  return { key: () => limiter } as unknown as NonNullable<ThrottlingOptions['write']>
}

type ReleaseData = {
  id: number
  tag_name: string
  name: string | null
  body?: string | null
  html_url: string
  draft: boolean
  prerelease: boolean
}

function toRelease(data: ReleaseData): Release {
  return {
    id: data.id,
    tag: data.tag_name,
    name: data.name ?? '',
    body: data.body ?? '',
    url: data.html_url,
    draft: data.draft,
    prerelease: data.prerelease
  }
}

function toComment(data: { id: number; body?: string; html_url: string; user: { login: string } | null }): Comment {
  return { id: data.id, body: data.body ?? '', url: data.html_url, author: data.user?.login ?? null }
}
