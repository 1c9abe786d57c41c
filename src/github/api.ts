/**
 * What verso needs from GitHub, as an interface: the pipeline depends on this, never on
 * octokit, so it can be given the real API or a local server's in tests.
 */
export interface GitHubApi {
  /**
   * The release for a tag, drafts too, or null when there is none. A draft is found among
   * the newest releases only (the 1000 newest), which is where a run's own draft is; of
   * several drafts of the tag, the one with the lowest id, which createRelease keeps.
   */
  findReleaseByTag(tag: string): Promise<Release | null>
  /**
   * Throws ReleaseExistsError when a published release for the tag already exists. GitHub
   * accepts any number of drafts for one tag, so look the tag up first: this never refuses one.
   * A draft it creates is checked against the others of its tag afterwards: of several (runs
   * racing, or a POST repeated after its connection dropped), the one with the lowest id is
   * kept and returned, and those this call made are deleted.
   */
  createRelease(input: NewRelease): Promise<Release>
  /** Changes only the fields given; `draft: false` publishes a draft. */
  updateRelease(id: number, input: ReleaseChanges): Promise<Release>
  /**
   * Every release of the repository, newest first, across all pages; drafts too, to a token
   * that can push. One listing answers for every tag at once, where a look-up per tag would
   * cost a request each.
   */
  listReleases(): AsyncIterable<Release>
  /** The release GitHub marks latest (what GET /releases/latest answers), or null when it marks none. */
  latestRelease(): Promise<Release | null>
  /** Starts a workflow that has a `workflow_dispatch` trigger; workflow is its file name or id. */
  dispatchWorkflow(workflow: string, ref: string, inputs: Record<string, string>): Promise<void>
  /** Every comment of an issue or pull request, oldest first, across all pages. */
  listIssueComments(issue: number): AsyncIterable<Comment>
  createIssueComment(issue: number, body: string): Promise<Comment>
  updateIssueComment(id: number, body: string): Promise<Comment>
  /** Whom the token acts as, asked of GitHub once per client. */
  authenticatedAs(): Promise<TokenIdentity>
  /** The open pull request from this repository's branch `head` into `base`, or null when there is none. */
  findOpenPullRequest(head: string, base: string): Promise<PullRequestInfo | null>
  /** Opens a pull request from this repository's branch `head` into `base`. */
  createPullRequest(input: NewPullRequest): Promise<PullRequestInfo>
  /** Changes only the fields given; `state: 'closed'` closes it unmerged. */
  updatePullRequest(pull: number, input: PullRequestChanges): Promise<PullRequestInfo>
}

/** A pull request, as verso reads one it manages. */
export interface PullRequestInfo {
  readonly number: number
  readonly title: string
  readonly body: string
  /** The pull request's page on GitHub (html_url). */
  readonly url: string
  readonly state: 'open' | 'closed'
  /** The branch it merges from, and the one it merges into. */
  readonly head: string
  readonly base: string
}

export interface NewPullRequest {
  readonly title: string
  readonly body: string
  readonly head: string
  readonly base: string
}

export interface PullRequestChanges {
  readonly title?: string
  readonly body?: string
  readonly state?: 'open' | 'closed'
}

/**
 * A user's token (a personal access token, an OAuth or app user token) writes as that user.
 * An app's installation token, GITHUB_TOKEN among them, writes as the app's `<slug>[bot]`
 * account, which GitHub does not tell it (GET /user refuses it; GET /app needs the app's own key).
 */
export type TokenIdentity = { readonly kind: 'user'; readonly login: string } | { readonly kind: 'app' }

export interface Release {
  readonly id: number
  readonly tag: string
  readonly name: string
  readonly body: string
  /** The release's page on GitHub (html_url). */
  readonly url: string
  readonly draft: boolean
  readonly prerelease: boolean
}

export interface NewRelease {
  readonly tag: string
  readonly name: string
  readonly body: string
  readonly draft: boolean
  readonly prerelease: boolean
  /** Ignored for drafts and prereleases, which GitHub never marks latest. */
  readonly makeLatest: boolean
}

export interface ReleaseChanges {
  readonly name?: string
  readonly body?: string
  /** false publishes a draft (and creates its tag if it does not exist yet). */
  readonly draft?: boolean
  readonly prerelease?: boolean
  /** Ignored for drafts and prereleases, which GitHub never marks latest. */
  readonly makeLatest?: boolean
}

export interface Comment {
  readonly id: number
  readonly body: string
  /** The comment's page on GitHub (html_url). */
  readonly url: string
  /** The login of who wrote it (github-actions[bot] for GITHUB_TOKEN), null for a deleted user. */
  readonly author: string | null
  /** Written by an app (its author's type is Bot): only an app's token can do that. */
  readonly authorIsBot: boolean
}
