/**
 * The release image file (`.release-image` by default): one line per document, sorted,
 * LF, trailing newline. Each line is the document's name, `:`, its own entry, then its
 * reachables sorted by name:
 *
 *     document.Document:document.Document/0.2/j1s-…,document.Paragraph/0.3/j1s-…
 *
 * Entries written by Ansar have no fingerprint (`document.Document/0.2`); they are read,
 * and the check then applies only Ansar's rules to them.
 */

import { excerpt } from '../errors.js'
import { ImageConfigError, type ConfigProblem } from './config-error.js'
import { FINGERPRINT_PATTERN } from './fingerprint.js'
import { compareNames } from './json-value.js'
import { NAME_PATTERN } from './json-schema/release-block.js'
import { compareTags, parseTag } from './tag.js'
import type { LoadedTypes, VersionedType } from './versioned-type.js'

export const DEFAULT_IMAGE_FILE = '.release-image'

export type ImageEntry = {
  readonly name: string
  readonly tag: string
  /** null for an entry written without one (by Ansar). */
  readonly fingerprint: string | null
}

export type ImageLine = { readonly document: ImageEntry; readonly reachables: readonly ImageEntry[] }

/** Lines sorted by document name; within a line, reachables sorted by name. */
export type Image = { readonly lines: readonly ImageLine[] }

const NAME = new RegExp(NAME_PATTERN)

/** Today's image: every document with its current tag and fingerprint and those of all it reaches. */
export function buildImage(loaded: LoadedTypes): Image {
  const byName = new Map(loaded.types.map((type) => [type.name, type]))
  const lines = loaded.types
    .filter((type) => type.document)
    .map((document) => ({
      document: entryOf(document),
      reachables: listReachables(document.name, byName).map((name) => entryOf(byName.get(name) as VersionedType))
    }))
  return { lines: sortImageLines(lines) }
}

/** Names of every type `name` refers to, directly or not, itself excluded (cycles allowed), sorted. */
export function listReachables(name: string, byName: ReadonlyMap<string, VersionedType>): string[] {
  const seen = new Set<string>([name])
  const pending = [...(byName.get(name)?.refs ?? [])]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue
    seen.add(next)
    pending.push(...(byName.get(next)?.refs ?? []))
  }
  seen.delete(name)
  return [...seen].filter((reached) => byName.has(reached)).sort(compareNames)
}

function entryOf(type: VersionedType): ImageEntry {
  return { name: type.name, tag: type.tag, fingerprint: type.fingerprint }
}

function sortImageLines(lines: readonly ImageLine[]): ImageLine[] {
  return lines
    .map((line) => ({ document: line.document, reachables: [...line.reachables].sort((a, b) => compareNames(a.name, b.name)) }))
    .sort((a, b) => compareNames(a.document.name, b.document.name))
}

/** The file's text: one line per document, sorted, LF, trailing newline (empty for no documents). */
export function renderImage(image: Image): string {
  return sortImageLines(image.lines)
    .map((line) => `${line.document.name}:${[line.document, ...line.reachables].map(renderEntry).join(',')}\n`)
    .join('')
}

function renderEntry(entry: ImageEntry): string {
  return entry.fingerprint === null ? `${entry.name}/${entry.tag}` : `${entry.name}/${entry.tag}/${entry.fingerprint}`
}

/**
 * Read an image file. CRLF and blank lines are tolerated; anything else malformed throws
 * an ImageConfigError listing every bad line by number.
 */
export function parseImage(text: string, file: string = DEFAULT_IMAGE_FILE): Image {
  const problems: ConfigProblem[] = []
  const lines: ImageLine[] = []
  const documents = new Map<string, number>()
  const entries = new Map<string, { entry: ImageEntry; line: number }>()
  text.split('\n').forEach((raw, index) => {
    const line = index + 1
    const content = raw.replace(/\r$/, '').trim()
    if (content === '') return
    const problem = (message: string): void => {
      problems.push({ file, line, message })
    }
    const parts = content.split(':')
    if (parts.length !== 2) {
      problem(
        parts.length === 1
          ? 'expected `Document:Document/TAG/FINGERPRINT,Reachable/TAG/FINGERPRINT,...`, but the line has no ":".'
          : `the line has ${parts.length - 1} ":"; only one may separate the document name from its entries (type names cannot contain ":").`
      )
      return
    }
    const [documentName = '', list = ''] = parts
    const parsed = list.split(',').map((text) => parseEntry(text, problem))
    if (parsed.some((entry) => entry === null)) return
    const lineEntries = parsed as ImageEntry[]
    const [own, ...reachables] = lineEntries
    if (own === undefined || own.name !== documentName) {
      problem(`the document's own entry (${excerpt(documentName)}/TAG) must come first, before its reachables.`)
      return
    }
    const earlier = documents.get(documentName)
    if (earlier !== undefined) {
      problem(`document ${documentName} already has line ${earlier}; keep one line per document.`)
      return
    }
    documents.set(documentName, line)
    const names = new Set<string>()
    for (const entry of lineEntries) {
      if (names.has(entry.name)) problem(`${entry.name} is listed twice on this line.`)
      names.add(entry.name)
      const seen = entries.get(entry.name)
      if (seen === undefined) {
        entries.set(entry.name, { entry, line })
      } else if (compareTags(seen.entry.tag, entry.tag) !== 0) {
        problem(`${entry.name} is ${entry.tag} here but ${seen.entry.tag} on line ${seen.line}; a type has one tag in an image.`)
      } else if (seen.entry.fingerprint !== null && entry.fingerprint !== null && seen.entry.fingerprint !== entry.fingerprint) {
        problem(
          `${entry.name} has fingerprint ${entry.fingerprint} here but ${seen.entry.fingerprint} on line ${seen.line}; a type has one fingerprint in an image.`
        )
      }
    }
    lines.push({ document: own, reachables })
  })
  if (problems.length > 0)
    throw new ImageConfigError(problems, 'Fix the image file, or rewrite it from the schemas with `verso image set`.')
  return { lines: sortImageLines(lines) }
}

function parseEntry(text: string, problem: (message: string) => void): ImageEntry | null {
  const fields = text.split('/')
  const [name = '', tag = '', fingerprint] = fields
  if (fields.length < 2 || fields.length > 3) {
    problem(`entry "${excerpt(text)}" must be NAME/TAG/FINGERPRINT (or NAME/TAG as Ansar writes it).`)
    return null
  }
  if (!NAME.test(name)) {
    problem(`entry "${excerpt(text)}": name "${excerpt(name)}" must match ${NAME_PATTERN}.`)
    return null
  }
  if (parseTag(tag) === null) {
    problem(`entry "${excerpt(text)}": tag "${excerpt(tag)}" is not MAJOR.MINOR (or MAJOR.MINOR.THIRD on a document).`)
    return null
  }
  if (fingerprint !== undefined && !FINGERPRINT_PATTERN.test(fingerprint)) {
    problem(`entry "${excerpt(text)}": fingerprint "${excerpt(fingerprint)}" is not SCHEME-HEX, e.g. j1s-0123456789abcdef.`)
    return null
  }
  return { name, tag, fingerprint: fingerprint ?? null }
}

/** Every type in the image once, by name (parseImage guarantees one tag per type). */
export function listImageEntries(image: Image): Map<string, ImageEntry> {
  const entries = new Map<string, ImageEntry>()
  for (const line of image.lines) {
    for (const entry of [line.document, ...line.reachables]) {
      const known = entries.get(entry.name)
      // Keep a fingerprint if any line has one.
      if (known === undefined || known.fingerprint === null) entries.set(entry.name, entry)
    }
  }
  return entries
}
