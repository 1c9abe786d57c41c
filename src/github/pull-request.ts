/** The pull request a check is for, read from the event payload. */
export interface PullRequest {
  readonly number: number
  readonly title: string
  readonly baseSha: string
  readonly baseRef: string
  readonly headSha: string
  /** The branch it comes from (`verso/release/main` for verso's own release pull request); '' when not known. */
  readonly headRef: string
  /** From another repository: its token is read-only, so it cannot comment. */
  readonly fork: boolean
}

interface PullRequestPayload {
  readonly pull_request?: {
    readonly number?: unknown
    readonly title?: unknown
    readonly base?: { readonly sha?: unknown; readonly ref?: unknown; readonly repo?: { readonly full_name?: unknown } | null }
    readonly head?: {
      readonly sha?: unknown
      readonly ref?: unknown
      readonly repo?: { readonly full_name?: unknown; readonly fork?: unknown } | null
    }
  }
}

/** The pull request of a `pull_request` or `pull_request_target` payload, or null for other events. */
export function readPullRequest(payload: unknown): PullRequest | null {
  const pr = (payload as PullRequestPayload | null)?.pull_request
  if (!pr || typeof pr.number !== 'number' || typeof pr.title !== 'string') return null
  const baseSha = pr.base?.sha
  const headSha = pr.head?.sha
  if (typeof baseSha !== 'string' || typeof headSha !== 'string') return null
  const baseRepo = pr.base?.repo?.full_name
  const headRepo = pr.head?.repo?.full_name
  return {
    number: pr.number,
    title: pr.title,
    baseSha,
    baseRef: typeof pr.base?.ref === 'string' ? pr.base.ref : '',
    headSha,
    headRef: typeof pr.head?.ref === 'string' ? pr.head.ref : '',
    // A deleted fork has no head repository: treat it as a fork.
    // `repo.fork` says the repository is itself a fork of another: a branch of it is no fork.
    fork: headRepo === undefined || headRepo !== baseRepo
  }
}
