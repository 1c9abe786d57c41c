/**
 * A release's section of a changelog file, in the shape Keep a Changelog gives it:
 * `## [1.3.0] - 2024-02-20`, newest on top, under the `# Changelog` title and below any
 * `## [Unreleased]` section, which people write by hand and verso leaves where it is.
 */
export interface ChangelogEntry {
  readonly version: string
  readonly tag: string
  /** The release date, `YYYY-MM-DD`. */
  readonly date: string
  /** The section's body, in Markdown: `### Features` and its list, and so on, without a `##` title. */
  readonly notes: string
  /** Where the changes since the previous release are compared; null or absent links nothing. */
  readonly compareUrl?: string | null
}

const INTRO = '# Changelog\n\nAll notable changes to this project are documented in this file.\n'

/**
 * The changelog with the release's section added above the older ones. Everything that was
 * there stays byte for byte, line endings included (the new text takes the file's). When a
 * section for this version is already there, the text comes back unchanged, so a re-run does
 * not add it twice. A file that does not exist yet (null, or empty) gets the title first.
 *
 * The compare link follows the file: a link reference definition (`[1.3.0]: url`) next to the
 * others when the file keeps its links at the bottom, as Keep a Changelog's own does, and an
 * inline link in the heading otherwise.
 */
export function prependChangelog(existing: string | null, entry: ChangelogEntry): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) throw new Error(`prependChangelog: ${entry.date} is not a YYYY-MM-DD date`)
  const url = entry.compareUrl ?? null
  if (existing === null || existing.trim() === '') return `${INTRO}\n${renderSection(entry, url)}`

  const lines = splitLines(existing)
  const sections = findSections(lines)
  if (sections.some((s) => s.label === entry.version || s.label === entry.tag)) return existing
  const definitions = findDefinitions(lines)
  const linked = definitions.some((d) => sections.some((s) => s.label.toLowerCase() === d.label.toLowerCase()))

  const edits: Edit[] = []
  if (linked && url !== null) {
    // Newest first, below `[unreleased]`: before the definition of the newest release, or after the last one.
    const before = definitions.find((d) => !isUnreleased(d.label) && sections.some((s) => s.label.toLowerCase() === d.label.toLowerCase()))
    const definition = `[${entry.version}]: ${url}`
    edits.push(
      before === undefined
        ? { at: definitions[definitions.length - 1]!.end, text: `\n${definition}` }
        : { at: before.start, text: `${definition}\n` }
    )
  }
  const section = renderSection(entry, linked ? null : url)
  const firstRelease = sections.find((s) => !isUnreleased(s.label))
  if (firstRelease !== undefined) {
    edits.push({ at: firstRelease.start, text: `${section}\n` })
  } else {
    // After everything but the definitions at the bottom: the file has no release yet.
    const at = definitions[0]?.start ?? existing.length
    edits.push({ at, text: `${blankLineBefore(existing, at)}${section}${at === existing.length ? '' : '\n'}` })
  }
  return applyEdits(existing, edits, existing.includes('\r\n') ? '\r\n' : '\n')
}

/** `## [1.3.0] - 2024-02-20`, a blank line, the notes, and a line break. */
function renderSection(entry: ChangelogEntry, url: string | null): string {
  const notes = entry.notes.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '')
  const heading = `## [${entry.version}]${url === null ? '' : `(${url})`} - ${entry.date}`
  return notes === '' ? `${heading}\n` : `${heading}\n\n${notes}\n`
}

function isUnreleased(label: string): boolean {
  return label.toLowerCase() === 'unreleased'
}

interface Line {
  readonly start: number
  /** Past the line's text, before its line break. */
  readonly end: number
  readonly text: string
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  for (let start = 0; start < text.length;) {
    const next = text.indexOf('\n', start)
    const stop = next === -1 ? text.length : next
    const end = text[stop - 1] === '\r' ? stop - 1 : stop
    lines.push({ start, end, text: text.slice(start, end) })
    start = stop + 1
  }
  return lines
}

/**
 * The sections' headings outside code blocks, each with what it names: `1.3.0` in
 * `## [1.3.0] - …`, in `## [1.3.0](url) (…)` and in `## 1.3.0`; `Unreleased` in
 * `## [Unreleased]`. A `#` heading is a section when it names a version, as
 * conventional-changelog writes major releases (`# [2.0.0](url) (…)`); else it is a title.
 */
function findSections(lines: readonly Line[]): { start: number; label: string }[] {
  const sections: { start: number; label: string }[] = []
  let fence: string | null = null
  for (const line of lines) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line.text)?.[1]
    if (fence !== null) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && /^\s*[`~]+\s*$/.test(line.text)) fence = null
      continue
    }
    if (marker !== undefined) {
      fence = marker
      continue
    }
    const heading = /^ {0,3}(##?)[ \t]+(.*)$/.exec(line.text)
    const found = heading === null ? null : /^\[([^\]]*)\]|^(\S+)/.exec(heading[2]!.trim())
    const label = found === null ? null : (found[1] ?? found[2]!)
    if (label !== null && (heading![1] === '##' || /^v?\d/.test(label))) sections.push({ start: line.start, label })
  }
  return sections
}

/**
 * The link reference definitions (`[1.2.0]: https://…`) that end the file, blank lines
 * between them allowed: where Keep a Changelog keeps its compare links.
 */
function findDefinitions(lines: readonly Line[]): { start: number; end: number; label: string }[] {
  const found: { start: number; end: number; label: string }[] = []
  for (const line of [...lines].reverse()) {
    if (line.text.trim() === '') continue
    const label = /^ {0,3}\[([^\]]+)\]:\s*\S/.exec(line.text)?.[1]
    if (label === undefined) break
    found.unshift({ start: line.start, end: line.end, label })
  }
  return found
}

/** What goes before new text at `at` so that a blank line sets it off from the text above. */
function blankLineBefore(text: string, at: number): string {
  const above = text.slice(0, at)
  if (above === '' || /(^|\n)[ \t]*\r?\n$/.test(above)) return ''
  return above.endsWith('\n') ? '\n' : '\n\n'
}

type Edit = { readonly at: number; readonly text: string }

/**
 * Inserts each edit, its line breaks made the file's, from the end so offsets hold. Of two
 * edits at one place, the one listed first ends up below the other.
 */
function applyEdits(text: string, edits: readonly Edit[], eol: string): string {
  let result = text
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    result = result.slice(0, edit.at) + edit.text.replaceAll('\n', eol) + result.slice(edit.at)
  }
  return result
}
