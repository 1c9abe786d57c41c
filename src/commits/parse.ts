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
      /**
       * A revert as git writes it (`Revert "…"`, and `Reapply "…"` for a revert of a revert),
       * or as GitHub titles the merge or squash of a revert pull request (`Revert "…" (#12)`).
       */
      readonly kind: 'revert'
      readonly header: string
      /** The header of the commit it reverts, as quoted: `Reapply "x"` reverts `Revert "x"`. */
      readonly revertedHeader: string
      /** Commits its body names (`This reverts commit …`); none for a pull request's title alone. */
      readonly reverts: readonly string[]
      /** Numbers of the pull requests its body names (`Reverts owner/repo#12`, GitHub's description). */
      readonly revertedPullRequests: readonly string[]
    }
  | { readonly kind: 'unconventional'; readonly header: string; readonly why: string }

// The parser's default header pattern does not know `type(scope)!:`; the spec requires a
// noun type, an optional scope, an optional `!`, then a colon, a space and a description.
const HEADER = /^(\w+)(?:\(([^()\r\n]*)\))?(!?): (\S.*)$/

// A `-name-` line names a field that the lines after it are written into, in the parser's
// own reading of the commit: one named after a part of that reading (`-notes-`) would
// overwrite it, and the parser would then throw. Such a line is read as text.
const OWN_FIELDS = ['merge', 'revert', 'header', 'body', 'footer', 'notes', 'references', 'mentions', 'type', 'scope', 'bang', 'subject']
const FIELD = new RegExp(`^-(?!(?:${OWN_FIELDS.join('|')})-$)(?=.*\\w)(.*?)-$`)

const parser = new CommitParser({
  headerPattern: HEADER,
  headerCorrespondence: ['type', 'scope', 'bang', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  // The footer token is exact: `Breaking change:` is prose, not a breaking change.
  notesPattern: (keywords) => new RegExp(`^(${keywords}):\\s*([\\s\\S]*)`),
  revertPattern: /(?!)/,
  fieldPattern: FIELD,
  issuePrefixes: ['#']
})

// The parser slows down on three kinds of text, so it is given them in a form it reads in
// linear time, and what it returns is given back as written:
// - a line separator inside a line (U+2028, U+2029, a CR that does not end the line) stops
//   its `.`, and its search for `fix #1` sentences then retries every split of the white
//   space after the keyword: that space times the line. On a line with a long run of white
//   space, it is given white space that `.` reads instead.
// - every reference re-reads the sentence it stands in: the references of a line times its
//   length. References past the first hundred `#` of a line are not read.
// - every `BREAKING CHANGE:` footer is one more level of its recursion, and ten thousand
//   exhaust the stack. Footers past the first thousand are read as text of the one before.
const MAX_SPACE_RUN = 16
const MAX_REFERENCES_PER_LINE = 100
const MAX_BREAKING_NOTES = 1000
// Each character replaced is spelled as two of the same kind to every pattern of the parser:
// white space for white space, and for the rest characters none of its patterns names.
// Every first character of a spelling is itself spelled, so the text reads back exactly.
const B = 0x42
const CR = 0x0d
const HASH = 0x23
const LF = 0x0a
const SPELLINGS: ReadonlyMap<number, string> = new Map([
  [0x2000, '\u2000\u2001'],
  [0x2028, '\u2000\u2002'],
  [0x2029, '\u2000\u2003'],
  [CR, '\u2000\u2004'],
  [0xe000, '\uE000\uE001'],
  [HASH, '\uE000\uE002'],
  [B, '\uE000\uE003']
])
const WRITTEN: ReadonlyMap<string, string> = new Map([...SPELLINGS].map(([code, spelling]) => [spelling, String.fromCharCode(code)]))
const SPELLED = /\u2000[\u2001-\u2004]|\uE000[\uE001-\uE003]/g

// A line of gpg's output, which the parser drops.
const GPG = /^\s*gpg:/

const REVERTS = /This reverts commit ([0-9a-f]{7,64})\b/gi
const SHA_WORD = /\b[0-9a-f]{7,64}\b/gi
// git's header, or GitHub's: the pull request's title, which quotes the reverted pull
// request's title, and the ` (#n)` a merge or squash adds to it. `s`: a header may hold a
// line separator or a CR that does not end the line.
const REVERT_HEADER = /^(Revert|Reapply) "(.*)"(?: \(#\d+\))?$/s
// The description GitHub gives a revert pull request, which a squash can carry.
const REVERTS_PULL_REQUEST = /^Reverts (?:[\w.-]+\/[\w.-]+)?#(\d+)[ \t\r]*$/gm

const NONE: readonly string[] = Object.freeze([])

/** Reads one commit message. Never throws: what it cannot read is said in `why`. */
export function parseMessage(message: string): ParsedMessage {
  const start = skipBlank(message)
  const header = firstLine(message, start)
  if (!header) return { kind: 'unconventional', header, why: 'the message is empty' }
  const lone = isLoneHeader(message, start, header)
  const reverted = lone ? NONE : [...message.matchAll(REVERTS)].map((m) => m[1]!.toLowerCase())

  const revert = REVERT_HEADER.exec(header)
  if (revert) {
    // As the reverted commit's header was read: without surrounding white space.
    const quoted = revert[2]!.trim()
    return {
      kind: 'revert',
      header,
      revertedHeader: revert[1] === 'Reapply' ? `Revert "${quoted}"` : quoted,
      reverts: reverted,
      revertedPullRequests: lone ? NONE : [...message.matchAll(REVERTS_PULL_REQUEST)].map((m) => m[1]!)
    }
  }

  const match = HEADER.exec(header)
  if (!match) return { kind: 'unconventional', header, why: explainHeader(header) }

  const type = match[1]!.toLowerCase()
  const scope = match[2]?.trim() || null
  const subject = match[4]!
  const bang = match[3] === '!'
  // A lone header without `#` or `@` has no body, footers, references or mentions: the
  // header pattern above is all the parser would apply to it, so the rest is skipped.
  if (lone) return { kind: 'conventional', header, type, scope, subject, bang, breakingNotes: NONE, references: NONE, reverts: NONE }
  // Of what the parser reads in a body, only notes (which need the word BREAKING), references
  // (which need a `#`) and a revert's footer are kept: a body with none of them is not parsed.
  if (type !== 'revert' && !message.includes('#') && !message.includes('BREAKING'))
    return { kind: 'conventional', header, type, scope, subject, bang, breakingNotes: NONE, references: NONE, reverts: unique(reverted) }

  const input = guardInput(message, start)
  const commit = parser.parse(dropTrailingFields(input.text, start))
  const refs = type === 'revert' && commit.footer !== null ? refsFooter(input.restore(commit.footer)) : []
  return {
    kind: 'conventional',
    header,
    type,
    scope,
    subject,
    bang,
    breakingNotes: commit.notes.map((n) => input.restore(n.text).trim()),
    // `raw` can carry the text before the reference; rebuild it from its parts.
    references: commit.references.map((r) => `${r.owner ? `${r.owner}/` : ''}${r.repository ?? ''}${r.prefix}${r.issue}`),
    reverts: unique([...reverted, ...refs])
  }
}

function unique(shas: readonly string[]): readonly string[] {
  return shas.length === 0 ? NONE : [...new Set(shas)]
}

/** Only the header line and white space (git ends every message with a newline). */
function isLoneHeader(message: string, start: number, header: string): boolean {
  if (header.includes('#') || header.includes('@')) return false
  for (let i = 0; i < message.length; i++) {
    if (i === start) i += header.length - 1
    else if (message.charCodeAt(i) > 32) return false
  }
  return true
}

function skipBlank(message: string): number {
  let start = 0
  while (start < message.length && message.charCodeAt(start) <= 32) start++
  return start
}

/** The first line that is not blank, without surrounding white space. */
function firstLine(message: string, start: number): string {
  const end = message.indexOf('\n', start)
  return message.slice(start, end === -1 ? message.length : end).trimEnd()
}

/** The message as the parser is given it, and how to give its text back as written. */
interface ParserInput {
  readonly text: string
  readonly restore: (text: string) => string
}

/**
 * Nothing before the header is spelled (blank lines, which the parser reads nothing in), so
 * the header starts where it does in the message.
 */
function guardInput(message: string, headerStart: number): ParserInput {
  // Allocated only for a message that needs it: most are given to the parser as they are.
  let spelled: Uint8Array | null = null
  const spell = (at: number): void => {
    if (at < headerStart) return
    spelled ??= new Uint8Array(message.length)
    spelled[at] = 1
  }
  let notes = 0
  const separators: number[] = []
  for (let start = 0; start <= message.length;) {
    const next = message.indexOf('\n', start)
    const end = next === -1 ? message.length : next
    if (start > 0 && isNoteLine(message, start) && ++notes > MAX_BREAKING_NOTES) spell(start)
    let marks = 0
    let run = 0
    let longRun = false
    separators.length = 0
    for (let i = start; i < end; i++) {
      const code = message.charCodeAt(i)
      if (code === HASH && ++marks > MAX_REFERENCES_PER_LINE) spell(i)
      if (code === 0x2028 || code === 0x2029 || (code === CR && message.charCodeAt(i + 1) !== LF)) separators.push(i)
      run = isSpace(code) ? run + 1 : 0
      longRun ||= run > MAX_SPACE_RUN
    }
    if (longRun) for (const at of separators) spell(at)
    start = end + 1
  }
  if (spelled === null) return { text: message, restore: (text) => text }
  const marked: Uint8Array = spelled
  const parts: string[] = []
  let last = 0
  for (let i = 0; i < message.length; i++) {
    const code = message.charCodeAt(i)
    if (marked[i] === 1 || (i >= headerStart && (code === 0x2000 || code === 0xe000))) {
      parts.push(message.slice(last, i), SPELLINGS.get(code)!)
      last = i + 1
    }
  }
  parts.push(message.slice(last))
  return { text: parts.join(''), restore: (text) => text.replace(SPELLED, (spelling) => WRITTEN.get(spelling)!) }
}

/** JavaScript's `\s`. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Without the `-field-` lines at the end of the text (and the `gpg:` lines the parser drops):
 * such a line takes every line after it, so there it takes none and means nothing, but after
 * a `BREAKING CHANGE:` footer the parser throws on it.
 */
function dropTrailingFields(text: string, headerStart: number): string {
  let end = text.length
  for (;;) {
    // The parser drops blank lines at the end, and with them what kept a field from being last.
    while (end > headerStart && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end--
    const start = text.lastIndexOf('\n', end - 1) + 1
    if (start <= headerStart) break
    const line = text.slice(start, end)
    if (!FIELD.test(line) && !GPG.test(line)) break
    end = start
  }
  return end === text.length ? text : text.slice(0, end)
}

function isNoteLine(message: string, at: number): boolean {
  return message.charCodeAt(at) === B && (message.startsWith('BREAKING CHANGE:', at) || message.startsWith('BREAKING-CHANGE:', at))
}

function refsFooter(footer: string): string[] {
  const line = footer.split('\n').find((l) => /^Refs:/.test(l))
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
