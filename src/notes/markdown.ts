import { findReferences } from './references.js'

/**
 * Commit text in Markdown: written by anyone who can push a commit, so it must not be able
 * to open emphasis, links, HTML or blocks in the notes. Code spans are the one piece of
 * Markdown kept, because commit subjects use backticks for code all the time.
 */

/** Where a reference (`#12`, `owner/repo#5`) points, or null to leave it as text. */
export type LinkReference = (reference: string) => string | null

/** Text rendered inline, and the references it wrote (linked or not). */
export interface InlineText {
  readonly markdown: string
  readonly references: ReadonlySet<string>
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u

/**
 * Escapes text so that it reads as itself: no emphasis, strike-through, link, image, HTML
 * tag, entity, table cell or stray code span. `_` inside a word stays as it is (`parse_args`), since
 * CommonMark cannot open emphasis there and the escape would only be noise in a tag message.
 */
export function escapeMarkdown(text: string): string {
  // An `&` that ends the text may begin an entity with what follows it (a reference, say).
  return text.replace(/[\\`*[\]~<|]|&(?=#?\w+;|$)|_/g, (character, offset: number) => {
    if (character !== '_') return `\\${character}`
    const inWord = WORD_CHARACTER.test(text[offset - 1] ?? '') && WORD_CHARACTER.test(text[offset + 1] ?? '')
    return inWord ? '_' : '\\_'
  })
}

/** One line of commit text: escaped, code spans kept, references linked where they stand. */
export function renderInline(text: string, link: LinkReference): InlineText {
  const parts: string[] = []
  const references = new Set<string>()
  // White space around a line break is one space; a single pass, however long the run.
  for (const piece of splitCodeSpans(text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)))) {
    if (piece.code) {
      parts.push(piece.text)
      continue
    }
    let last = 0
    for (const { text: reference, index } of findReferences(piece.text)) {
      parts.push(escapeMarkdown(piece.text.slice(last, index)))
      references.add(reference)
      const url = link(reference)
      parts.push(url === null ? escapeMarkdown(reference) : `[${escapeMarkdown(reference)}](${url})`)
      last = index + reference.length
    }
    parts.push(escapeMarkdown(piece.text.slice(last)))
  }
  return { markdown: parts.join(''), references }
}

/**
 * Several lines of commit text (a `BREAKING CHANGE:` footer) as Markdown blocks: paragraphs
 * and list items are kept, because such footers are often a short migration list; every
 * other block (heading, quote, table, fence, rule) is escaped to plain text.
 */
export function renderBlocks(text: string, link: LinkReference): InlineText {
  const references = new Set<string>()
  const paragraphs = text
    .trim()
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) =>
      paragraph
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => {
          const marker = /^([-*+]|\d{1,9}[.)])[ \t]+/.exec(line)
          const inline = renderInline(marker ? line.slice(marker[0].length) : line, link)
          inline.references.forEach((r) => references.add(r))
          return marker ? `${marker[1]} ${escapeBlockStart(inline.markdown)}` : escapeBlockStart(inline.markdown)
        })
        .join('\n')
    )
    .filter((paragraph) => paragraph !== '')
  return { markdown: paragraphs.join('\n\n'), references }
}

/** Indents every non-blank line, to continue a list item. */
export function indentLines(markdown: string, indent: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? line : `${indent}${line}`))
    .join('\n')
}

/**
 * Escapes what would start a block at the beginning of a line (or of a list item): a
 * heading, quote, setext underline, rule, table row or list marker.
 */
export function escapeBlockStart(markdown: string): string {
  if (/^[#>=+|-]/.test(markdown)) return `\\${markdown}`
  return markdown.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
}

interface Piece {
  readonly code: boolean
  readonly text: string
}

/**
 * Splits text into code spans and the rest, as CommonMark pairs backticks: a run of n
 * backticks opens a span that the next run of exactly n closes. An unpaired run is plain
 * text (and escapeMarkdown escapes it, so it cannot pair with anything written after it).
 */
function splitCodeSpans(text: string): Piece[] {
  // Every run of backticks once, and for each length the runs of that length in order: a
  // closing run is then found by a pointer that only moves forward, however many runs are unpaired.
  const runs: { start: number; end: number }[] = []
  for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', runs.at(-1)!.end)) runs.push({ start: i, end: endOfRun(text, i) })
  const byLength = new Map<number, { start: number; end: number }[]>()
  for (const run of runs) {
    const length = run.end - run.start
    const list = byLength.get(length)
    if (list) list.push(run)
    else byLength.set(length, [run])
  }
  const next = new Map<number, number>()
  const closing = (length: number, from: number): { start: number; end: number } | null => {
    const list = byLength.get(length)!
    let at = next.get(length) ?? 0
    while (at < list.length && list[at]!.start < from) at++
    next.set(length, at)
    return list[at] ?? null
  }
  const pieces: Piece[] = []
  let plainStart = 0
  for (const run of runs) {
    if (run.start < plainStart) continue
    const close = closing(run.end - run.start, run.end)
    if (close === null) continue
    if (run.start > plainStart) pieces.push({ code: false, text: text.slice(plainStart, run.start) })
    pieces.push({ code: true, text: text.slice(run.start, close.end) })
    plainStart = close.end
  }
  if (plainStart < text.length) pieces.push({ code: false, text: text.slice(plainStart) })
  return pieces
}

function endOfRun(text: string, start: number): number {
  let end = start
  while (text[end] === '`') end++
  return end
}
