/**
 * Every failure verso reports to a user. The code is stable (for scripts and docs), the
 * message says what is wrong, the hint says what to do about it.
 */
export type ErrorCode =
  | 'EINVALIDCONFIG'
  | 'EGIT'
  | 'ENOTAREPO'
  | 'ENOHEAD'
  | 'ESHALLOW'
  | 'EVERSION'
  | 'ECALVER'
  | 'EUSAGE'
  | 'EGITHUB'
  | 'EGITHUBAUTH'
  | 'EGITHUBPERMISSION'
  | 'EGITHUBRATELIMIT'
  | 'ERELEASEEXISTS'
  | 'EIMAGE'
  | 'ETAGEXISTS'
  | 'EPUSH'
  | 'EUNSAFEPATH'
  | 'ENPM'
  | 'ENPMCONFLICT'

export class VersoError extends Error {
  readonly code: ErrorCode
  readonly hint: string | undefined
  /** Details listed under the message, one per line (e.g. every invalid input at once). */
  readonly details: readonly string[]

  constructor(code: ErrorCode, message: string, options: { hint?: string; details?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'VersoError'
    this.code = code
    this.hint = options.hint
    this.details = options.details ?? []
  }
}

/** The text a user sees for any thrown value, Error or not. */
export function describeError(error: unknown): string {
  if (error instanceof VersoError) {
    const lines = [error.message, ...error.details.map((d) => `  - ${d}`)]
    if (error.hint) lines.push(error.hint)
    return lines.join('\n')
  }
  if (error instanceof Error) return error.stack ?? error.message
  return `Unexpected failure: ${typeof error === 'string' ? error : JSON.stringify(error)}`
}

// Long runs of token characters that mix letters and digits are secrets more often than
// words: GitHub tokens, base64 credentials. Dotted type names and plain words stay readable.
const TOKEN_LIKE = /[A-Za-z0-9+/=_-]{20,}/g
const looksSecret = (run: string): boolean => (run.match(/\d/g)?.length ?? 0) >= 3 && (run.match(/[A-Za-z]/g)?.length ?? 0) >= 3

/**
 * A short piece of text to quote, verso could not read (a line of a file, a key): one
 * line, at most 40 characters, with anything that looks like a token or a credential taken
 * out. A file can hold a secret (a symbolic link to git's config, a pasted token), and an
 * error message is printed, annotated and commented.
 */
export function excerpt(text: string): string {
  const line = quotable(text)
  return line.length > 40 ? `${line.slice(0, 40)}…` : line
}

/**
 * A parser's message about a file, which may quote the file (YAML's do): one line, at most
 * 200 characters, with tokens taken out as in an excerpt.
 */
export function parserMessage(message: string): string {
  const line = quotable(message.split('\n')[0] ?? '')
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}

function quotable(text: string): string {
  return (
    text
      // Known token forms, whatever their digits: GitHub's, AWS's, Slack's.
      .replace(/\b(?:gh[pousr]_|github_pat_|AKIA|xox[abpr]-)[A-Za-z0-9_-]{8,}/g, '[redacted]')
      // Control characters, line breaks included, would let a quote run over several lines.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
      .replace(TOKEN_LIKE, (run) => (looksSecret(run) ? '[redacted]' : run))
  )
}

/**
 * The forms a token takes on its way through git and HTTP: as written, URL-encoded, base64,
 * and as the base64 basic credential actions/checkout writes. What masks or redacts a token
 * must cover them all.
 */
export function tokenForms(token: string): string[] {
  const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
  return [token, encodeURIComponent(token), base64(token), base64(`x-access-token:${token}`)]
}
