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
