import { excerpt, VersoError } from '../errors.js'

/** A token permission, as written under `permissions:` in a workflow. */
export type Permission =
  | 'contents: read'
  | 'contents: write'
  | 'actions: write'
  | 'pull-requests: read'
  | 'pull-requests: write'
  | 'pull-requests: write (or issues: write)'
  | 'pull-requests: read (or issues: read)'

/** What a request was for, so that its failure can say what to do. */
export interface Intent {
  /** What verso was doing, completing "Could not …": "create the GitHub Release v1.2.0". */
  readonly doing: string
  readonly permission: Permission
  /** What a 404 means besides a missing permission: "there is no workflow release.yml". */
  readonly missing: string
  /** What to do when GitHub refuses the request as invalid (422), if the user can fix it. */
  readonly refused?: string
}

/**
 * A published release for the tag exists already. Not a failure for a re-run: look the
 * release up by its tag and update it instead.
 */
export class ReleaseExistsError extends VersoError {
  readonly tag: string

  constructor(tag: string, cause: unknown) {
    super('ERELEASEEXISTS', `A GitHub Release for ${tag} already exists.`, {
      hint: 'Update the existing release instead of creating it again.',
      cause
    })
    this.name = 'ReleaseExistsError'
    this.tag = tag
  }
}

/** The parts of octokit's RequestError verso reads; duck-typed so octokit stays an implementation detail. */
export interface HttpFailure {
  readonly status: number
  readonly message: string
  readonly response?: { readonly headers: Record<string, string | number | undefined>; readonly data?: unknown }
}

export function isHttpFailure(error: unknown): error is HttpFailure {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number'
}

/** GitHub's validation errors of a 422 (`errors: [{ resource, code, field }]`). */
export function validationErrors(failure: HttpFailure): { resource?: string; code?: string; field?: string; message?: string }[] {
  const data = failure.response?.data
  const errors = typeof data === 'object' && data !== null ? (data as { errors?: unknown }).errors : undefined
  return Array.isArray(errors) ? errors.filter((e): e is Record<string, string> => typeof e === 'object' && e !== null) : []
}

const OUTAGE_HINT =
  'GitHub may be having trouble (https://www.githubstatus.com). Run the job again: verso finishes what a failed run started without doing anything twice.'

/**
 * A failed request as an error a user can act on: which permission is missing, whether the
 * token is bad, whether GitHub is down. `redact` removes the token from anything quoted from
 * GitHub, in case it ever echoes it.
 */
export function explainFailure(error: unknown, intent: Intent, repository: string, redact: (text: string) => string): VersoError {
  if (error instanceof VersoError) return error
  if (!isHttpFailure(error)) {
    const reason = error instanceof Error ? error.message : String(error)
    return new VersoError('EGITHUB', `Could not ${intent.doing}: ${redact(reason)}`, { hint: OUTAGE_HINT, cause: error })
  }
  if (!error.response) {
    // octokit reports a request that got no answer at all (DNS, TLS, refused, reset) as a 500.
    return new VersoError('EGITHUB', `Could not ${intent.doing}: GitHub could not be reached (${redact(error.message)}).`, {
      hint: 'Check the network of the runner and the API URL (GITHUB_API_URL, https://HOST/api/v3 on GitHub Enterprise Server), then run the job again.',
      cause: error
    })
  }
  const said = redact(githubMessage(error))
  const answer = `GitHub answered ${error.status}${said ? ` "${said}"` : ''}`
  const headers = error.response.headers

  if (error.status === 401) {
    return new VersoError('EGITHUBAUTH', `Could not ${intent.doing}: the GitHub token is missing, invalid or expired (${answer}).`, {
      hint: `In a workflow, pass \`token: \${{ github.token }}\` (the default) or a token with \`${intent.permission}\`; for the CLI, set GITHUB_TOKEN.`,
      cause: error
    })
  }
  if (error.status === 429 || (error.status === 403 && isRateLimit(error))) {
    const reset = Number(headers['x-ratelimit-reset'])
    const when = Number.isFinite(reset) && reset > 0 ? ` after ${new Date(reset * 1000).toISOString()}` : ' in a few minutes'
    return new VersoError(
      'EGITHUBRATELIMIT',
      `Could not ${intent.doing}: GitHub's rate limit was hit and did not clear in time (${answer}).`,
      {
        hint: `Run the job again${when}. Many jobs sharing one token share its limit; a GitHub App token has a higher one.`,
        cause: error
      }
    )
  }
  if (error.status === 403 || error.status === 404) {
    const cause = error.status === 404 ? `${intent.missing}, or the token cannot see it` : 'the token is not allowed to'
    return new VersoError('EGITHUBPERMISSION', `Could not ${intent.doing} in ${repository}: ${cause} (${answer}).`, {
      hint:
        `The token needs \`${intent.permission}\`: add it under \`permissions:\` in the workflow (for the job or the whole workflow). ` +
        'On pull requests from forks GitHub gives a read-only token whatever the workflow asks for; ' +
        'write from a workflow that runs in the base repository instead.',
      cause: error
    })
  }
  if (error.status === 409 || error.status === 422) {
    const details = validationErrors(error).map((e) => {
      const what = [e.resource, e.field].filter(Boolean).join('.')
      return redact(`${what ? `${what}: ` : ''}${e.message ?? e.code ?? 'invalid'}`)
    })
    return new VersoError('EGITHUB', `Could not ${intent.doing}: GitHub refused the request (${answer}).`, {
      details,
      hint:
        error.status === 409
          ? 'The repository changed meanwhile; run the job again.'
          : (intent.refused ?? 'This is likely a bug in verso: please report it with this message.'),
      cause: error
    })
  }
  return new VersoError('EGITHUB', `Could not ${intent.doing}: ${answer}.`, {
    ...(error.status >= 500 && { hint: `GitHub kept failing after several attempts. ${OUTAGE_HINT}` }),
    cause: error
  })
}

/**
 * A 2xx answer that is not the JSON GitHub's REST description promises: a proxy's or a
 * gateway's page in GitHub's place, or GitHub failing half-way. Whatever the request was
 * meant to do may or may not have happened, so it must not be read as done.
 */
export function unexpectedAnswer(
  intent: Intent,
  status: number,
  found: string,
  expected: string,
  redact: (text: string) => string
): VersoError {
  return new VersoError(
    'EGITHUB',
    `Could not ${intent.doing}: GitHub answered ${status} with ${redact(found)}, which is not ${expected}.`,
    {
      hint:
        'Nothing should be assumed published: something between the runner and GitHub (a proxy, a gateway) ' +
        'may have answered in its place. Check the repository on GitHub, then run the job again: ' +
        'verso looks up what an earlier run made and does not make it twice.'
    }
  )
}

/** A body that is not the JSON object or list verso expected, in a few words: "an HTML page ("502 Bad Gateway")". */
export function describeBody(data: unknown): string {
  if (data === undefined || data === '') return 'an empty body'
  if (data === null) return 'JSON `null`'
  if (typeof data === 'string') {
    if (!/^\s*</.test(data)) return `text that is not JSON ("${excerpt(data)}")`
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(data)?.[1]?.trim()
    return title ? `an HTML page ("${excerpt(title)}")` : 'an HTML page'
  }
  if (data instanceof ArrayBuffer) return 'a body that is not JSON'
  if (Array.isArray(data)) return 'a JSON list'
  return typeof data === 'object' ? 'a JSON object' : 'JSON that is not an object'
}

export function githubMessage(error: HttpFailure): string {
  const data = error.response?.data
  const message = typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined
  return typeof message === 'string' ? message.split('\n')[0]!.trim() : ''
}

/** A 403 that is a rate limit, not a refusal: GitHub sends retry-after or an exhausted quota only with those. */
export function isRateLimit(error: HttpFailure): boolean {
  const headers = error.response?.headers
  return headers?.['x-ratelimit-remaining'] === '0' || headers?.['retry-after'] !== undefined || /rate limit/i.test(githubMessage(error))
}
