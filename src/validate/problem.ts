/**
 * Where a message comes from. `message` is one being written (the commit-msg hook): it
 * still holds git's `#` comments, and a `fixup!` message is fine there, since
 * `git commit --fixup` writes it to be squashed before the branch is merged.
 */
export type ProblemSubject = { readonly kind: 'title' } | { readonly kind: 'commit'; readonly sha: string } | { readonly kind: 'message' }

/** Stable, for scripts and docs: what kind of mistake a problem is. */
export type ProblemCode =
  /** Nothing but white space and comments. */
  | 'empty'
  /** No `type:` at the start at all. */
  | 'not-conventional'
  /** A type that is not in the allowed list. */
  | 'unknown-type'
  /** `feat (api):`, `feat(api:`, `feat():`. */
  | 'scope-format'
  /** `feat:x`, `feat :x`, `feat:  x`. */
  | 'colon-spacing'
  | 'empty-description'
  | 'header-too-long'
  /** The body starts on the line right after the header, so git reads both as the subject. */
  | 'body-separation'
  /** A footer meant as a breaking change that is not `BREAKING CHANGE:` / `BREAKING-CHANGE:`. */
  | 'footer-token'
  /** `fixup!`, `squash!` or `amend!` in history or a title. */
  | 'fixup'
  /** A pull request titled like a merge commit. */
  | 'merge-title'
  /** A header that starts like a revert but is not one (text after the quote, two pull-request numbers). */
  | 'revert-format'
  /** A squash-merge title that does not mark the breaking change one of its commits is. */
  | 'squash-breaking'

/** One thing wrong with a commit message or pull request title. */
export interface Problem {
  readonly subject: ProblemSubject
  /** The header (first line) as written, without surrounding white space. */
  readonly header: string
  readonly code: ProblemCode
  /** What is wrong, one sentence, to follow the header. */
  readonly message: string
  /**
   * The line corrected from the user's own words: the header, or for `footer-token` the
   * footer. null when it cannot be corrected without them (an empty description).
   */
  readonly example: string | null
  /** The example's type is guessed from the description (`Update x` → `chore: update x`). */
  readonly guessed: boolean
}

// Problems with what follows the header: quoting the header would point at the wrong line.
const BODY_CODES: ReadonlySet<ProblemCode> = new Set(['body-separation', 'footer-token'])

/**
 * One or two lines for a terminal or an annotation:
 * `abc1234 "Update stuff": not a Conventional Commit: … ` then `  Write it as: "…"`.
 * A message being written has no sha, and only one header: its problems say which part
 * of the message they are about (`Header "Update stuff": …`, `Commit message: …`).
 */
export function renderProblem(problem: Problem): string {
  const first = describeProblem(problem)
  if (problem.example === null) return first
  return problem.guessed
    ? `${first}\n  Write it as, for example: "${quote(problem.example)}" (the type is a guess: pick the one that fits).`
    : `${first}\n  Write it as: "${quote(problem.example)}"`
}

function describeProblem(problem: Problem): string {
  const { subject, header, message } = problem
  if (subject.kind === 'message') {
    if (header === '') return `${message.charAt(0).toUpperCase()}${message.slice(1)}`
    return BODY_CODES.has(problem.code) ? `Commit message: ${message}` : `Header "${quote(header)}": ${message}`
  }
  const who = subject.kind === 'title' ? 'Pull request title' : subject.sha === '' ? 'Commit' : subject.sha.slice(0, 7)
  return header === '' ? `${who}: ${message}` : `${who} "${quote(header)}": ${message}`
}

// A header can be megabytes; a problem quotes enough of it to be found.
function quote(header: string): string {
  return header.length <= 200 ? header : `${header.slice(0, 199)}…`
}
