import { VersoError } from '../errors.js'
import type { GitHubApi, NewRelease, PullRequestInfo, Release, TokenIdentity } from './api.js'
import {
  describeBody,
  explainFailure,
  isHttpFailure,
  isRateLimit,
  ReleaseExistsError,
  githubMessage,
  unexpectedAnswer,
  validationErrors,
  type HttpFailure,
  type Intent
} from './failures.js'
import { ACCOUNT, COMMENT, PULL_REQUEST, RELEASE, shapeProblem, type Answer, type Fields, type Shape } from './answers.js'
import { createOctokit, ON_UNANSWERED, ROUTE, type GitHubApiOptions } from './octokit.js'

export type { GitHubApiOptions, Pacing } from './octokit.js'

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
      // The next page is asked for with the token: only of the API itself.
      if (!URL.canParse(next) || new URL(next).origin !== new URL(options.apiUrl).origin) {
        throw unexpectedAnswer(
          intent,
          response.status,
          `a next page at another address (${new URL(next, options.apiUrl).origin})`,
          `a list of ${shape.plural}`,
          redact
        )
      }
      response = await octokit.request({ method: 'GET', url: next, request: { [ROUTE]: route } })
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

  const findOpenPullRequest = async (head: string, base: string): Promise<PullRequestInfo | null> => {
    const intent: Intent = {
      doing: `look for the open pull request from ${head} into ${base}`,
      permission: 'pull-requests: read',
      missing: `there is no repository ${repository}`
    }
    return attempt(intent, async () => {
      // GitHub filters by `owner:branch`; what it answers is checked again.
      const parameters = { owner, repo, head: `${owner}:${head}`, base, state: 'open', per_page: 100 }
      for await (const page of pages('GET /repos/{owner}/{repo}/pulls', parameters, PULL_REQUEST, intent)) {
        const found = page
          .filter((pr) => pr.head === head && pr.base === base && pr.state === 'open')
          .sort((a, b) => a.number - b.number)[0]
        if (found) return found
      }
      return null
    })
  }

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

    listReleases() {
      const intent: Intent = {
        doing: 'list the GitHub Releases',
        permission: 'contents: read',
        missing: `there is no repository ${repository}`
      }
      return {
        async *[Symbol.asyncIterator]() {
          try {
            for await (const page of releasePages(intent)) yield* page
          } catch (error) {
            throw fail(error, intent)
          }
        }
      }
    },

    async latestRelease() {
      const intent: Intent = {
        doing: 'look up the latest GitHub Release',
        permission: 'contents: read',
        missing: `there is no repository ${repository}`
      }
      return attempt(intent, async () => {
        try {
          return read(RELEASE, await octokit.rest.repos.getLatestRelease({ owner, repo }), intent)
        } catch (error) {
          // GitHub answers 404 when no release is marked latest (none yet, or only drafts and prereleases).
          if (isHttpFailure(error) && error.status === 404) return null
          throw error
        }
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

    findOpenPullRequest,

    async createPullRequest(input) {
      const intent: Intent = {
        doing: `open a pull request from ${input.head} into ${input.base}`,
        permission: 'pull-requests: write',
        missing: `there is no repository ${repository}`
      }
      try {
        const response = await octokit.rest.pulls.create({
          owner,
          repo,
          title: input.title,
          body: input.body,
          head: input.head,
          base: input.base
        })
        return read(PULL_REQUEST, response, intent)
      } catch (error) {
        // Another run opened it between our look-up and our request: that one is ours too.
        const said = isHttpFailure(error) ? [githubMessage(error), ...validationErrors(error).map((e) => e.message ?? '')].join(' ') : ''
        if (isHttpFailure(error) && error.status === 422 && /already exists/i.test(said)) {
          const open = await findOpenPullRequest(input.head, input.base)
          if (open) return open
        }
        if (isHttpFailure(error) && error.status === 403 && /not permitted to create/i.test(said)) {
          throw new VersoError(
            'EGITHUBPERMISSION',
            `Could not ${intent.doing}: this repository does not let GitHub Actions open pull requests.`,
            {
              hint:
                'Allow it under Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests", ' +
                'or pass `github-token` of a GitHub App or a user (which also lets the pull request start your other workflows).',
              cause: error
            }
          )
        }
        throw fail(error, intent)
      }
    },

    async updatePullRequest(pull, input) {
      const intent: Intent = {
        doing: `update the pull request #${pull}`,
        permission: 'pull-requests: write',
        missing: `there is no pull request #${pull}`
      }
      return attempt(intent, async () =>
        read(
          PULL_REQUEST,
          await octokit.rest.pulls.update({
            owner,
            repo,
            pull_number: pull,
            ...(input.title !== undefined && { title: input.title }),
            ...(input.body !== undefined && { body: input.body }),
            ...(input.state !== undefined && { state: input.state })
          }),
          intent
        )
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
