import { setTimeout as sleep } from 'node:timers/promises'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import { VersoError } from '../errors.js'
import type { Comment, GitHubApi, NewRelease, Release, TokenIdentity } from './api.js'
import {
  describeBody,
  explainFailure,
  isHttpFailure,
  isRateLimit,
  ReleaseExistsError,
  unexpectedAnswer,
  validationErrors,
  type HttpFailure,
  type Intent
} from './failures.js'

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

// GitHub's advice after a rate limit that names no wait: "wait for at least one minute".
const RATE_LIMIT_FALLBACK_SECONDS = 60

/** The GitHub API through octokit, with retries on 5xx and waits for rate limits. */
export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const { owner, repo } = parseRepository(options.repository)
  const repository = `${owner}/${repo}`
  const octokit = createOctokit(options)
  const redact = (text: string) => (options.token ? text.split(options.token).join('***') : text)
  const fail = (error: unknown, intent: Intent) => explainFailure(error, intent, repository, redact)
  const attempt = async <T>(intent: Intent, request: () => Promise<T>): Promise<T> => {
    try {
      return await request()
    } catch (error) {
      throw fail(error, intent)
    }
  }
  const commentIntent = (doing: string, missing: string): Intent => ({
    doing,
    missing,
    permission: 'pull-requests: write (or issues: write)'
  })

  /** The answer as `shape`, or an error saying what came instead: never a value with holes. */
  const read = <T>(shape: Shape<T>, response: Answer, intent: Intent): T => {
    const problem = shapeProblem(shape, response.data)
    if (problem !== null) throw unexpectedAnswer(intent, response.status, problem, shape.name, redact)
    return shape.read(response.data as Fields)
  }

  /**
   * Every page of a list, following GitHub's Link header. A page that is not a list of `shape`
   * is an error: octokit's own paginator reads an empty body as an empty page, which for the
   * comments would make verso write a second one.
   */
  async function* pages<T>(route: string, parameters: Record<string, unknown>, shape: Shape<T>, intent: Intent): AsyncGenerator<T[]> {
    let response: Answer = await octokit.request(route, parameters)
    for (;;) {
      const { data } = response
      const problem = Array.isArray(data) ? data.map((item) => shapeProblem(shape, item)).find((p) => p !== null) : describeBody(data)
      if (problem != null) {
        const found = Array.isArray(data) ? `a list holding ${problem}` : problem
        throw unexpectedAnswer(intent, response.status, found, `a list of ${shape.plural}`, redact)
      }
      yield (data as Fields[]).map(shape.read)
      const next = /<([^<>]+)>;\s*rel="next"/.exec(String(response.headers['link'] ?? ''))?.[1]
      if (!next) return
      response = await octokit.request({ method: 'GET', url: next })
    }
  }
  const releasePages = (intent: Intent) => pages('GET /repos/{owner}/{repo}/releases', { owner, repo, per_page: 100 }, RELEASE, intent)

  /** The published release of a tag, or null: the tag route never finds a draft. */
  const publishedRelease = async (tag: string, intent: Intent): Promise<Release | null> => {
    try {
      return read(RELEASE, await octokit.rest.repos.getReleaseByTag({ owner, repo, tag }), intent)
    } catch (error) {
      if (isHttpFailure(error) && error.status === 404) return null
      throw error
    }
  }

  /**
   * GitHub takes any number of drafts for one tag, so runs racing each other, or a POST
   * repeated after its connection dropped, can leave several. Every caller keeps the draft
   * with the lowest id, the first made, and deletes only those it made itself: all of them
   * end holding the same draft, and a draft someone else left for the tag is never touched.
   * `repeated`: an attempt of this POST got no answer and may have made a draft too, one
   * that is known only by carrying exactly what was sent.
   */
  const settleDrafts = async (created: Release, input: NewRelease, repeated: boolean): Promise<Release> => {
    const intent: Intent = {
      doing: `check that the new draft ${created.id} is the only draft GitHub Release of ${input.tag}`,
      // Drafts are listed only to a token that can push.
      permission: 'contents: write',
      missing: `there is no repository ${repository}`
    }
    const drafts = new Map([[created.id, created]])
    let pagesRead = 0
    let last = DRAFT_SEARCH_PAGES
    await attempt(intent, async () => {
      for await (const page of releasePages(intent)) {
        for (const release of page) if (release.draft && release.tag === input.tag) drafts.set(release.id, release)
        // The racing drafts were made moments apart from this one: on its page of the newest, or the next.
        if (page.some((release) => release.id === created.id)) last = Math.min(last, pagesRead + 2)
        if (++pagesRead >= last) break
      }
    })
    const [kept, ...others] = [...drafts.values()].sort((a, b) => a.id - b.id)
    for (const draft of others) {
      if (draft.id === created.id || (repeated && sameRelease(draft, input))) await deleteDuplicate(draft, input.tag)
    }
    return kept!
  }

  const deleteDuplicate = async (draft: Release, tag: string): Promise<void> => {
    const intent: Intent = {
      doing: `delete the duplicate draft GitHub Release ${draft.id} of ${tag}`,
      permission: 'contents: write',
      missing: `there is no release ${draft.id}`
    }
    try {
      await octokit.rest.repos.deleteRelease({ owner, repo, release_id: draft.id })
    } catch (error) {
      // Another run deleted it first: it may, when its own POST was repeated too.
      if (isHttpFailure(error) && error.status === 404) return
      throw fail(error, intent)
    }
  }

  const whoAmI = async (): Promise<TokenIdentity> => {
    const intent: Intent = {
      doing: 'find out which account the GitHub token acts as',
      // Asked only to tell verso's own pull request comment from others'.
      permission: 'pull-requests: write (or issues: write)',
      missing: 'there is no such account'
    }
    try {
      return { kind: 'user', login: read(ACCOUNT, await octokit.rest.users.getAuthenticated(), intent).login }
    } catch (error) {
      // GitHub refuses GET /user to an app's installation token, the one kind of token that
      // acts as no user; a user's token, fine-grained or classic, may always read its own account.
      if (isHttpFailure(error) && error.status === 403 && !isRateLimit(error)) return { kind: 'app' }
      throw fail(error, intent)
    }
  }
  let identity: Promise<TokenIdentity> | undefined

  return {
    async findReleaseByTag(tag) {
      const intent: Intent = {
        doing: `look up the GitHub Release of ${tag}`,
        permission: 'contents: read',
        missing: `there is no repository ${repository}`
      }
      return attempt(intent, async () => {
        const published = await publishedRelease(tag, intent)
        if (published) return published
        // A draft has no tag yet, so the tag route never finds it; the list of releases does
        // (with its intended tag_name) for a token that can push, as verso's can.
        let pages = 0
        for await (const page of releasePages(intent)) {
          // Of several drafts (left by runs that raced), the first made: the one createRelease keeps.
          const found = page.filter((r) => r.tag === tag).sort((a, b) => a.id - b.id)[0]
          if (found) return found
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
      let unanswered = 0
      let created: Release
      try {
        const response = await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: input.tag,
          name: input.name,
          body: input.body,
          draft: input.draft,
          prerelease: input.prerelease,
          // GitHub never marks a draft or a prerelease latest; say so rather than ask for it.
          make_latest: input.makeLatest && !input.draft && !input.prerelease ? 'true' : 'false',
          request: { [ON_UNANSWERED]: () => unanswered++ }
        })
        created = read(RELEASE, response, intent)
      } catch (error) {
        if (!isHttpFailure(error) || error.status !== 422 || !alreadyExists(error)) throw fail(error, intent)
        // Repeated after an attempt that got no answer, the POST may be refused because that
        // attempt made the release: it did if the release is exactly what was sent.
        const own = unanswered > 0 && !input.draft ? await attempt(intent, () => publishedRelease(input.tag, intent)) : null
        if (own && sameRelease(own, input)) return own
        throw new ReleaseExistsError(input.tag, error)
      }
      return created.draft ? settleDrafts(created, input, unanswered > 0) : created
    },

    async updateRelease(id, input) {
      const intent: Intent = {
        doing: `update the GitHub Release ${id}`,
        permission: 'contents: write',
        missing: `there is no release ${id}`
      }
      return attempt(intent, async () => {
        const response = await octokit.rest.repos.updateRelease({
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
        return read(RELEASE, response, intent)
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
      await attempt(intent, async () => {
        const response: Answer = await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs })
        // GitHub confirms with an empty 204 (or, asked for the run's details, their JSON); a page of
        // HTML in a 2xx came from something else, and the workflow may not have started.
        const { data } = response
        const confirmed = response.status === 204 || (typeof data === 'object' && data !== null && !Array.isArray(data))
        if (!confirmed) throw unexpectedAnswer(intent, response.status, describeBody(data), 'the confirmation of a dispatch', redact)
      })
    },

    listIssueComments(issue) {
      const intent: Intent = {
        doing: `read the comments of #${issue}`,
        permission: 'pull-requests: read (or issues: read)',
        missing: `there is no issue or pull request #${issue}`
      }
      const route = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
      return {
        async *[Symbol.asyncIterator]() {
          try {
            for await (const page of pages(route, { owner, repo, issue_number: issue, per_page: 100 }, COMMENT, intent)) yield* page
          } catch (error) {
            throw fail(error, intent)
          }
        }
      }
    },

    async createIssueComment(issue, body) {
      const intent = commentIntent(`comment on #${issue}`, `there is no issue or pull request #${issue}`)
      return attempt(intent, async () =>
        read(COMMENT, await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body }), intent)
      )
    },

    async updateIssueComment(id, body) {
      const intent = commentIntent(`update the comment ${id}`, `there is no comment ${id} (was it deleted?)`)
      return attempt(intent, async () =>
        read(COMMENT, await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body }), intent)
      )
    },

    authenticatedAs() {
      identity ??= whoAmI().catch((error: unknown) => {
        // A failure is not an answer: the next caller asks again.
        identity = undefined
        throw error
      })
      return identity
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
    fallbackSecondaryRateRetryAfter: RATE_LIMIT_FALLBACK_SECONDS,
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    ...(!pacing.spaceWrites && { write: unpacedGroup(), notifications: unpacedGroup() })
  }
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: options.userAgent,
      ...(options.log && { log: { debug: () => {}, info: () => {}, warn: options.log, error: options.log } }),
      throttle,
      // A 409 (conflict) never clears by waiting. A 429 is a rate limit, left to the throttling
      // plugin and to the wait below: retried by the retry plugin too, one 429 would cost twelve requests.
      retry: { retries: pacing.retries, retryAfterBaseValue: pacing.unitMs, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451] }
    },
    // Before the retry plugin, so that it sees every attempt the retry plugin makes.
    reportUnanswered,
    retry,
    throttling
  )
  // The throttling plugin waits out only a limit it recognises: a secondary one by its message,
  // a primary one by an exhausted quota. GitHub also answers a plain 429 (or a 403) with
  // retry-after; this waits that out, outside the plugins, within the same limits.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await request(requestOptions)
      } catch (error) {
        const wait = plainRateLimitWait(error)
        if (wait === null || !onLimit('rate limit')(wait, requestOptions, octokit, retryCount)) throw error
        await sleep(wait * pacing.unitMs)
      }
    }
  })
  return octokit
}

/**
 * The seconds a rate limit the throttling plugin leaves alone asks to wait, or null for any
 * other failure. retry-after is seconds as GitHub sends it, or an HTTP date as HTTP allows.
 */
function plainRateLimitWait(error: unknown): number | null {
  if (!isHttpFailure(error) || !error.response) return null
  const headers = error.response.headers
  const retryAfter = headers['retry-after']
  if (error.status !== 429 && !(error.status === 403 && retryAfter !== undefined)) return null
  if (/\bsecondary rate\b/i.test(error.message) || headers['x-ratelimit-remaining'] === '0') return null
  if (retryAfter === undefined) return RATE_LIMIT_FALLBACK_SECONDS
  if (/^\s*\d+\s*$/.test(String(retryAfter))) return Number(retryAfter)
  const date = Date.parse(String(retryAfter))
  return Number.isNaN(date) ? RATE_LIMIT_FALLBACK_SECONDS : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

// A request option (octokit passes unknown ones through to every hook): called for each
// attempt that got no answer at all, which may have taken effect on GitHub all the same.
const ON_UNANSWERED = 'onUnanswered'

/**
 * An octokit plugin that tells a request about each attempt that got no answer: a connection
 * reset or a timeout, which octokit reports as a 500 without a response and retries.
 */
const reportUnanswered: OctokitPlugin = (octokit) => {
  octokit.hook.wrap('request', async (request, requestOptions) => {
    try {
      return await request(requestOptions)
    } catch (error) {
      if (isHttpFailure(error) && !error.response) (requestOptions.request?.[ON_UNANSWERED] as (() => void) | undefined)?.()
      throw error
    }
  })
}

type OctokitPlugin = Parameters<typeof getOctokit>[2]

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

function alreadyExists(error: HttpFailure): boolean {
  return validationErrors(error).some((e) => e.code === 'already_exists' && e.field === 'tag_name')
}

/** Whether a release carries exactly what was asked for: how a repeated POST knows its own. */
function sameRelease(release: Release, input: NewRelease): boolean {
  return (
    release.tag === input.tag &&
    release.name === input.name &&
    release.body === input.body &&
    release.draft === input.draft &&
    release.prerelease === input.prerelease
  )
}

/** What an octokit call answered, before verso trusts it. */
type Answer = { readonly status: number; readonly data: unknown; readonly headers: Record<string, unknown> }
type Fields = Record<string, unknown>

/**
 * What verso reads of one kind of GitHub object, each field with its check: the REST
 * description promises these, and an answer without them is not that object, whatever its status.
 */
interface Shape<T> {
  /** "a release", completing "which is not …". */
  readonly name: string
  /** "releases", completing "which is not a list of …". */
  readonly plural: string
  readonly fields: Readonly<Record<string, (value: unknown) => boolean>>
  readonly read: (data: Fields) => T
}

const isString = (value: unknown) => typeof value === 'string'
const isId = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0
const isBoolean = (value: unknown) => typeof value === 'boolean'
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const orNull = (check: (value: unknown) => boolean) => (value: unknown) => value === null || value === undefined || check(value)

const RELEASE: Shape<Release> = {
  name: 'a release',
  plural: 'releases',
  fields: {
    id: isId,
    tag_name: isString,
    name: orNull(isString),
    body: orNull(isString),
    html_url: isString,
    draft: isBoolean,
    prerelease: isBoolean
  },
  read: (data) => ({
    id: data['id'] as number,
    tag: data['tag_name'] as string,
    name: (data['name'] as string | null | undefined) ?? '',
    body: (data['body'] as string | null | undefined) ?? '',
    url: data['html_url'] as string,
    draft: data['draft'] as boolean,
    prerelease: data['prerelease'] as boolean
  })
}

const COMMENT: Shape<Comment> = {
  name: 'a comment',
  plural: 'comments',
  fields: {
    id: isId,
    body: orNull(isString),
    html_url: isString,
    // null for a deleted account (GitHub's "ghost").
    user: (user) => user === null || (isObject(user) && isString(user['login']) && orNull(isString)(user['type']))
  },
  read: (data) => {
    const user = data['user'] as Fields | null
    return {
      id: data['id'] as number,
      body: (data['body'] as string | null | undefined) ?? '',
      url: data['html_url'] as string,
      author: (user?.['login'] as string | undefined) ?? null,
      authorIsBot: user?.['type'] === 'Bot'
    }
  }
}

const ACCOUNT: Shape<{ login: string }> = {
  name: 'an account',
  plural: 'accounts',
  fields: { login: (login) => isString(login) && login !== '' },
  read: (data) => ({ login: data['login'] as string })
}

/** What is wrong with an answer that should be `shape`, or null when nothing is. */
function shapeProblem(shape: Shape<unknown>, data: unknown): string | null {
  if (!isObject(data) || data instanceof ArrayBuffer) return describeBody(data)
  const wrong = Object.entries(shape.fields)
    .filter(([key, check]) => !check(data[key]))
    .map(([key]) => `\`${key}\``)
  if (!wrong.length) return null
  const names = wrong.length === 1 ? wrong[0]! : `${wrong.slice(0, -1).join(', ')} and ${wrong.at(-1)!}`
  return `JSON without a valid ${names}`
}
