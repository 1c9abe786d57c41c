import { parseMessage, type ParsedMessage } from '../commits/parse.js'
import { normalizeTypes } from './commit-types.js'
import { stripComments } from './comments.js'
import { checkExample, fitExample } from './example.js'
import { checkFooters } from './footers.js'
import { diagnoseHeader, type Finding } from './header.js'
import type { Problem, ProblemSubject } from './problem.js'

export interface MessageOptions {
  /** The allowed types, compared case-insensitively. Empty: any type. */
  readonly types: readonly string[]
  readonly subject: ProblemSubject
  /** In characters; default 100. */
  readonly maxHeaderLength?: number
  /**
   * git's `core.commentChar`: lines starting with it are dropped, and the scissors line
   * ends the message, as `git commit` does before recording it. null keeps every line.
   * Default: `#` for a message being written; null for a title, and for a commit: history
   * is cleaned already, so a `#` line there is content (`#123 fix` made with `-m`, a
   * Markdown heading in a squash body).
   */
  readonly commentChar?: string | null
}

export interface TitleOptions {
  readonly types: readonly string[]
  /** In characters; default 100. The title becomes the squash commit's header. */
  readonly maxHeaderLength?: number
}

export const DEFAULT_MAX_HEADER_LENGTH = 100

// What git and GitHub write for merges: accepted in history, never a title.
const MERGE = /^Merge (?:pull request #\d+ from |(?:remote-tracking )?branch(?:es)? |tag |commit )\S/
const FIXUP = /^(fixup|squash|amend)! (.*)$/
// `Reapply` is what git (2.43+) writes for a revert of a revert. A header that starts so
// but that parseMessage does not read as a revert (text after the quote) is a problem.
const REVERT_LIKE = /^(Revert|Reapply) "(.*)"/
// What a merge or squash adds to a pull request's title.
const PULL_REQUEST_SUFFIX = /" \(#\d+\)$/

/**
 * Checks a commit message against Conventional Commits 1.0.0 and the allowed types.
 * Returns every problem found (none: the message is fine). Never throws.
 */
export function validateMessage(message: string, options: MessageOptions): Problem[] {
  const { subject } = options
  const types = normalizeTypes(options.types)
  const commentChar = options.commentChar === undefined ? (subject.kind === 'message' ? '#' : null) : options.commentChar
  const text = commentChar === null ? message : stripComments(message, commentChar)
  const parsed = parseMessage(text)
  const header = parsed.header
  const max = options.maxHeaderLength ?? DEFAULT_MAX_HEADER_LENGTH
  // An example over the length limit would fail the same check: it is dropped.
  const toProblem = (f: Finding): Problem => ({ subject, header, ...fitExample(f, max) })

  if (header === '') {
    const what = subject.kind === 'title' ? 'the title is empty' : 'the message is empty'
    return [
      toProblem({ code: 'empty', message: `${what}; say what the change does, as \`type: description\`.`, example: null, guessed: false })
    ]
  }
  // Not fitted to the length limit: a revert's header quotes the reverted one, whose length
  // was checked when it was written, and only a header so written is read as a revert.
  if (parsed.kind === 'revert') return checkRevert(header, subject).map((f) => ({ subject, header, ...f }))
  const generated = checkGitHeader(parsed, subject, types)
  if (generated !== null) return generated.map(toProblem)

  const body = readBody(text)
  const findings = [...diagnoseHeader(header, parsed, types), ...checkLength(header, subject, max)]
  if (body !== null && /^[ \t]*\S/.test(body)) {
    findings.push({
      code: 'body-separation',
      message: 'the body starts on the line right after the header; leave one blank line between them, or git reads both as the header.',
      example: null,
      guessed: false
    })
  }
  if (body !== null) findings.push(...checkFooters(body))
  return findings.map(toProblem)
}

/** Checks a pull request title: the header its squash commit will have. */
export function validateTitle(title: string, options: TitleOptions): Problem[] {
  return validateMessage(title, {
    types: options.types,
    subject: { kind: 'title' },
    commentChar: null,
    ...(options.maxHeaderLength === undefined ? {} : { maxHeaderLength: options.maxHeaderLength })
  })
}

/**
 * Headers git or GitHub wrote rather than a person: accepted as they are in history
 * (an empty list), or a problem of their own; null when the header is not one.
 */
function checkGitHeader(parsed: ParsedMessage, subject: ProblemSubject, types: readonly string[]): Finding[] | null {
  const header = parsed.header
  const fixup = FIXUP.exec(header)
  if (fixup) {
    const word = `\`${fixup[1]!}!\``
    switch (subject.kind) {
      case 'message':
        return []
      case 'commit':
        return [
          plain(
            'fixup',
            `a ${word} commit is meant to be squashed into the commit it names; run \`git rebase -i --autosquash\` before merging.`,
            null
          )
        ]
      case 'title': {
        const example = checkExample(fixup[2]!, types, false)
        return [plain('fixup', `a ${word} header is not a pull request title; say what the change does.`, example?.header ?? null)]
      }
    }
  }
  if (MERGE.test(header)) {
    if (subject.kind !== 'title') return []
    return [
      plain(
        'merge-title',
        "a merge header is not a pull request title; the title becomes the squash commit's header, so say what the change does.",
        null
      )
    ]
  }
  const revert = REVERT_LIKE.exec(header)
  if (revert) {
    const corrected = correctRevert(revert[1]!, revert[2]!)
    const advice = corrected.reverted ? 'start it with `revert:` and the reverted header' : 'write the header of the change it brings back'
    const message = `a \`${revert[1]!} "…"\` header is read as a revert only when it ends at the closing quote, or at the \` (#n)\` GitHub adds after it; ${advice}.`
    return [plain('revert-format', message, checkExample(corrected.header, types, false)?.header ?? null)]
  }
  return null
}

/**
 * A revert as git or GitHub writes it: fine in history, and as a title, which GitHub's revert
 * button writes and a squash merge ends with ` (#n)`. A title that has its ` (#n)` already
 * would end with two, and is no longer read as a revert.
 */
function checkRevert(header: string, subject: ProblemSubject): Finding[] {
  if (subject.kind !== 'title' || !PULL_REQUEST_SUFFIX.test(header)) return []
  return [
    plain(
      'revert-format',
      'a squash merge adds ` (#n)` to the title, and a revert header with two is not read as a revert; leave the number out.',
      header.slice(0, header.lastIndexOf(' '))
    )
  ]
}

/**
 * A revert header as a Conventional Commit, if `types` allows it: `Revert "feat: x"` →
 * `revert: feat: x`; a revert of a revert is the original change again. null otherwise.
 */
export function rewriteRevert(header: string, types: readonly string[]): string | null {
  const revert = REVERT_LIKE.exec(header)
  if (!revert) return null
  return checkExample(correctRevert(revert[1]!, revert[2]!).header, types, false)?.header ?? null
}

/**
 * `Revert "feat: x"` → `revert: feat: x` (Angular's form); a revert of a revert, or
 * git's `Reapply "feat: x"`, is the original change again.
 */
function correctRevert(word: string, quoted: string): { header: string; reverted: boolean } {
  let reverted = word === 'Revert'
  // Each level is peeled off by moving two ends inward: matching what is left at every level
  // of a header nested thousands deep would read it thousands of times. The quoted text has
  // no line terminator (`.` stopped before any), so the ends are where `^(Revert|Reapply) "(.*)"$`
  // would put them.
  let start = 0
  let end = quoted.length
  for (;;) {
    const inner = quoted.startsWith('Revert "', start) ? 'Revert' : quoted.startsWith('Reapply "', start) ? 'Reapply' : null
    if (inner === null || end - start < inner.length + 3 || quoted.charCodeAt(end - 1) !== 0x22) break
    if (inner === 'Revert') reverted = !reverted
    start += inner.length + 2
    end -= 1
  }
  const original = quoted.slice(start, end)
  return { header: reverted ? `revert: ${original}` : original, reverted }
}

function checkLength(header: string, subject: ProblemSubject, max: number): Finding[] {
  const length = [...header].length
  if (length <= max) return []
  const where = subject.kind === 'title' ? 'the pull request description' : 'the body'
  return [
    plain('header-too-long', `the header is ${length} characters long; keep it to ${max} or fewer and put the details in ${where}.`, null)
  ]
}

/** Everything after the header line, as parseMessage finds the header; null: nothing. */
function readBody(text: string): string | null {
  let start = 0
  while (start < text.length && text.charCodeAt(start) <= 32) start++
  const end = text.indexOf('\n', start)
  return end === -1 ? null : text.slice(end + 1)
}

function plain(code: Finding['code'], message: string, example: string | null): Finding {
  return { code, message, example, guessed: false }
}
