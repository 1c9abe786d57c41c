import { parseMessage, type ParsedMessage } from './parse.js'

/** How pull requests land on a release branch (the `merge-style` input). */
export type MergeStyle = 'merge' | 'squash' | 'rebase'

/**
 * A squash commit's message read as the commits of the pull request it squashed, the way
 * GitHub's default squash message lists them:
 *
 * ```
 * Add the export endpoint (#12)
 *
 * * feat(api): add export
 *
 * * fix(api): escape names
 *
 *   Names with quotes broke the CSV.
 *
 * ---------
 *
 * Co-authored-by: A <a@example.com>
 * ```
 */
export interface SquashReading {
  /** The pull request, from the ` (#12)` GitHub ends the title with; null when the title has none. */
  readonly pullRequest: number | null
  /**
   * One message per bullet, oldest first as GitHub lists them: the bullet's header, then the
   * lines under it as its body. A bullet's `BREAKING CHANGE:` footers are kept only when its
   * header has `!`; the others are in `ignored`.
   */
  readonly commits: readonly ParsedMessage[]
  /** The `BREAKING CHANGE:` footers of the message that count for nothing, and why. */
  readonly ignored: readonly IgnoredBreaking[]
}

/**
 * A `BREAKING CHANGE:` footer a squash commit's message holds but that counts for nothing: the
 * title is not a Conventional Commit, so by the specification the message has no footers,
 * and a bullet is only a header.
 */
export type IgnoredBreaking =
  /** Under a bullet whose header has no `!` (a Conventional header or not). */
  | { readonly kind: 'unmarked-bullet'; readonly note: string; readonly header: string }
  /** Under no bullet: in the pull request's description before them, or among the trailers. */
  | { readonly kind: 'outside-bullets'; readonly note: string }

// GitHub writes `* ` before each commit's header, at the start of the line. A `- ` list is the
// habit of hand-written descriptions and task lists (`- [ ] tests`): read as commits, a
// description would release what it only talks about, so only `*` starts a bullet.
const BULLET = /^\*[ \t]+(\S.*)$/
// The ` (#12)` GitHub ends a squash commit's title with; more digits than any pull request has are not one.
const PULL_REQUEST = / \(#(\d{1,15})\)$/
// GitHub separates the co-authors from the commits with a line of dashes; then come trailers.
const SEPARATOR = /^-{3,}[ \t]*$/
// `BREAKING CHANGE` is the one token with a space the specification allows.
const TRAILER = /^(?:[A-Za-z][\w-]*|BREAKING CHANGE):[ \t]/
// Authorship, never part of a change: GitHub gathers each commit's co-authors at the end.
const CO_AUTHOR = /^[ \t]*co-authored-by:/i
const BREAKING_LINE = /^[ \t]*BREAKING[ -]CHANGE:[ \t]*(.*)$/

/**
 * Reads a commit message as a squash of the commits its `* ` bullets list. Null when it is not
 * one to read so: its title is a Conventional Commit or a revert (the title decides, as for any
 * commit), or no bullet has a Conventional Commit (or revert) header. Pure; never throws.
 */
export function readSquashMessage(message: string): SquashReading | null {
  // Most messages have no bullet at all: they are not split into lines.
  if (!message.includes('\n*')) return null
  const lines = message.split(/\r?\n/)
  let first = 0
  while (first < lines.length && lines[first]!.trim() === '') first++
  const title = (lines[first] ?? '').trim()
  if (parseMessage(title).kind !== 'unconventional') return null

  const end = findTrailers(lines, first + 1)
  const outside: string[] = lines.slice(end)
  const bullets: { header: string; body: string[] }[] = []
  for (let i = first + 1; i < end; i++) {
    const line = lines[i]!
    if (CO_AUTHOR.test(line)) continue
    const bullet = BULLET.exec(line)
    if (bullet) bullets.push({ header: bullet[1]!.trim(), body: [] })
    else if (bullets.length) bullets.at(-1)!.body.push(line)
    else outside.push(line)
  }

  const ignored: IgnoredBreaking[] = []
  const commits = bullets.map(({ header, body }): ParsedMessage => {
    const text = dedent(body).join('\n').trim()
    const parsed = parseMessage(text ? `${header}\n\n${text}\n` : `${header}\n`)
    if (parsed.kind === 'conventional' && parsed.bang) return parsed
    for (const note of breakingLines(body)) ignored.push({ kind: 'unmarked-bullet', note, header })
    return parsed.kind === 'conventional' && parsed.breakingNotes.length > 0 ? { ...parsed, breakingNotes: [] } : parsed
  })
  if (!commits.some((c) => c.kind !== 'unconventional')) return null
  for (const note of breakingLines(outside)) ignored.push({ kind: 'outside-bullets', note })
  const pullRequest = PULL_REQUEST.exec(title)
  return { pullRequest: pullRequest ? Number(pullRequest[1]) : null, commits, ignored }
}

/**
 * Where the trailers GitHub ends the message with begin: a line of dashes with only trailers
 * and blank lines after it. The message's length when there is none: a line of dashes inside
 * a commit's body is its text.
 */
function findTrailers(lines: readonly string[], from: number): number {
  let i = lines.length - 1
  while (i >= from && (lines[i]!.trim() === '' || TRAILER.test(lines[i]!))) i--
  return i >= from && SEPARATOR.test(lines[i]!) ? i : lines.length
}

/** The lines without the indentation they all share: GitHub writes a body as committed, other tools indent it under its bullet. */
function dedent(lines: readonly string[]): string[] {
  let indent = Infinity
  for (const line of lines) {
    if (line.trim() === '') continue
    indent = Math.min(indent, line.length - line.trimStart().length)
  }
  return indent === Infinity || indent === 0 ? [...lines] : lines.map((line) => line.slice(Math.min(indent, line.length)))
}

/** The text of each `BREAKING CHANGE:` (or `BREAKING-CHANGE:`) line. */
function breakingLines(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const match = BREAKING_LINE.exec(line)
    return match ? [match[1]!.trim()] : []
  })
}
