import { CommitParser } from 'conventional-commits-parser'

/** A commit message read as Conventional Commits 1.0.0, or the reason it is not one. */
export type ParsedMessage =
  | {
      readonly kind: 'conventional'
      readonly header: string
      /** Lower-cased: types are case-insensitive. */
      readonly type: string
      readonly scope: string | null
      readonly subject: string
      /** `!` before the colon. */
      readonly bang: boolean
      /** Text of each `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer. */
      readonly breakingNotes: readonly string[]
      readonly references: readonly string[]
      /** Commits this one says it reverts (`This reverts commit …`, or a `revert:` commit's `Refs:`). */
      readonly reverts: readonly string[]
    }
  | {
      /** git's own `Revert "…"` message. */
      readonly kind: 'revert'
      readonly header: string
      readonly reverts: readonly string[]
    }
  | { readonly kind: 'unconventional'; readonly header: string; readonly why: string }

// The parser's default header pattern does not know `type(scope)!:`; the spec requires a
// noun type, an optional scope, an optional `!`, then a colon, a space and a description.
const HEADER = /^(\w+)(?:\(([^()\r\n]*)\))?(!?): (\S.*)$/

const parser = new CommitParser({
  headerPattern: HEADER,
  headerCorrespondence: ['type', 'scope', 'bang', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  // The footer token is exact: `Breaking change:` is prose, not a breaking change.
  notesPattern: (keywords) => new RegExp(`^(${keywords}):\\s*([\\s\\S]*)`),
  revertPattern: /(?!)/,
  issuePrefixes: ['#']
})

const REVERTS = /This reverts commit ([0-9a-f]{7,64})\b/gi
const SHA_WORD = /\b[0-9a-f]{7,64}\b/gi
const GIT_REVERT = /^(?:Revert|Reapply) "(.*)"$/

const NONE: readonly string[] = Object.freeze([])

/** Reads one commit message. Never throws: what it cannot read is said in `why`. */
export function parseMessage(message: string): ParsedMessage {
  const header = firstLine(message)
  if (!header) return { kind: 'unconventional', header, why: 'the message is empty' }
  const lone = isLoneHeader(message, header)
  const reverted = lone ? NONE : [...message.matchAll(REVERTS)].map((m) => m[1]!.toLowerCase())

  if (reverted.length > 0 && GIT_REVERT.test(header)) return { kind: 'revert', header, reverts: reverted }

  const match = HEADER.exec(header)
  if (!match) return { kind: 'unconventional', header, why: explainHeader(header) }

  const type = match[1]!.toLowerCase()
  const scope = match[2]?.trim() || null
  const subject = match[4]!
  const bang = match[3] === '!'
  // A lone header without `#` or `@` has no body, footers, references or mentions: the
  // header pattern above is all the parser would apply to it, so the rest is skipped.
  if (lone) return { kind: 'conventional', header, type, scope, subject, bang, breakingNotes: NONE, references: NONE, reverts: NONE }

  const commit = parser.parse(message)
  const refs = type === 'revert' ? refsFooter(commit.footer) : []
  return {
    kind: 'conventional',
    header,
    type,
    scope,
    subject,
    bang,
    breakingNotes: commit.notes.map((n) => n.text.trim()),
    // `raw` can carry the text before the reference; rebuild it from its parts.
    references: commit.references.map((r) => `${r.owner ? `${r.owner}/` : ''}${r.repository ?? ''}${r.prefix}${r.issue}`),
    reverts: [...new Set([...reverted, ...refs])]
  }
}

/** Only the header line and white space (git ends every message with a newline). */
function isLoneHeader(message: string, header: string): boolean {
  if (header.includes('#') || header.includes('@')) return false
  const start = message.indexOf(header)
  for (let i = 0; i < message.length; i++) {
    if (i === start) i += header.length - 1
    else if (message.charCodeAt(i) > 32) return false
  }
  return true
}

/** The first line that is not blank, without surrounding white space. */
function firstLine(message: string): string {
  let start = 0
  while (start < message.length && message.charCodeAt(start) <= 32) start++
  const end = message.indexOf('\n', start)
  return message.slice(start, end === -1 ? message.length : end).trimEnd()
}

function refsFooter(footer: string | null): string[] {
  const line = footer?.split('\n').find((l) => /^Refs:/.test(l))
  return line ? [...line.matchAll(SHA_WORD)].map((m) => m[0].toLowerCase()) : []
}

/** Says what is wrong with a header, in the words of the spec. */
function explainHeader(header: string): string {
  if (/^(\w+)(\([^)]*\))?!?:\S/.test(header)) return 'a space must follow the colon (`type: description`)'
  if (/^(\w+)(\([^)]*\))?!?:\s*$/.test(header)) return 'the description after the colon is empty'
  if (/^\w+\s+\(/.test(header)) return 'no space is allowed between the type and the scope'
  if (/^\w+\([^)]*$/.test(header)) return 'the scope is not closed with `)`'
  if (/^Merge /.test(header)) return 'a merge commit (its branch commits are counted one by one)'
  if (/^(fixup|squash|amend)! /.test(header)) return 'a fixup commit, meant to be squashed away'
  return 'the header is not `type(scope)?: description`'
}
