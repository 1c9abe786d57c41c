import { parse as parseIni } from 'ini'
import { parse as parseToml } from 'smol-toml'
import { VersoError } from '../errors.js'
import { parseCalverFormat } from '../versions/calver/format.js'
import type { VersionStyle } from '../versions/pep440.js'

/**
 * bumpver's configuration files, in the order bumpver itself prefers them: TOML files with
 * a `[bumpver]` (or, in pyproject.toml, `[tool.bumpver]`) table, and setup.cfg's INI
 * section. `pycalver` is the name bumpver had before, and still reads.
 */
export const BUMPVER_FILES = ['pycalver.toml', 'bumpver.toml', '.bumpver.toml', 'pyproject.toml', 'setup.cfg'] as const

/** What a bumpver `version_pattern` comes to in verso's settings. */
export interface BumpverSettings {
  /** The calver-format (`YYYY.MICRO-MODIFIER` for `YYYY.BUILD[-TAG]`). */
  readonly format: string
  /** `pep440` when the pattern writes PEP 440 tags (`PYTAG`, `PYTAGNUM`). */
  readonly style: VersionStyle
  /** 1 when the pattern counts with `INC1`. */
  readonly counterStart: 0 | 1
  /** What the pattern writes before the version, which bumpver's tags carry too: `v`, or nothing. */
  readonly tagPrefix: string
  /** `BUILD` and `BLD`: bumpver's build number counts on across periods, where verso's MICRO restarts at 0. */
  readonly restarts: readonly string[]
}

/**
 * bumpver's `version_pattern` in one of its files, as it reads it (quotes and spaces around
 * it stripped); null when the file has no bumpver section with one.
 *
 * @throws VersoError `EINVALIDCONFIG` when a TOML file is not TOML: its line, not its text.
 */
export function readBumpverPattern(path: string, text: string): string | null {
  const section = path.endsWith('.toml') ? readTomlSection(path, text) : readIniSection(text)
  const pattern = section?.version_pattern
  if (typeof pattern !== 'string') return null
  const stripped = pattern.replace(/^['" ]+|['" ]+$/g, '')
  return stripped === '' ? null : stripped
}

function readTomlSection(path: string, text: string): Record<string, unknown> | null {
  let doc: Record<string, unknown>
  try {
    doc = parseToml(text)
  } catch (error) {
    const line = (error as { line?: unknown }).line
    throw new VersoError('EINVALIDCONFIG', `${path} is not valid TOML${typeof line === 'number' ? ` (line ${line})` : ''}.`, {
      hint: "verso reads bumpver's version_pattern there because calver-format is not set: fix the file, or set calver-format."
    })
  }
  const tool = doc.tool as Record<string, unknown> | undefined
  for (const table of [tool?.bumpver, doc.bumpver, doc.pycalver]) {
    if (table !== null && typeof table === 'object' && !Array.isArray(table)) return table as Record<string, unknown>
  }
  return null
}

function readIniSection(text: string): Record<string, unknown> | null {
  const doc = parseIni(text)
  for (const name of ['pycalver', 'bumpver']) {
    const section: unknown = doc[name]
    if (section !== null && typeof section === 'object') return section as Record<string, unknown>
  }
  return null
}

// bumpver's parts (its README's "Part Overview"), longest first so that PYTAGNUM is one
// part, not PYTAG and NUM.
const PARTS = [
  'PYTAGNUM',
  'GITHASH',
  'HEXHASH',
  'MAJOR',
  'MINOR',
  'PATCH',
  'BUILD',
  'PYTAG',
  'GGGG',
  'YYYY',
  'INC0',
  'INC1',
  '00J',
  'JJJ',
  'BLD',
  'TAG',
  'NUM',
  'YY',
  '0Y',
  'GG',
  '0G',
  'MM',
  '0M',
  'DD',
  '0D',
  'WW',
  '0W',
  'UU',
  '0U',
  'VV',
  '0V',
  'Q'
] as const
type Part = (typeof PARTS)[number]

/** The parts verso writes, and as what. bumpver's ISO week is VV, with its ISO week-year GGGG. */
const VERSO_PART: Partial<Readonly<Record<Part, string>>> = {
  YYYY: 'YYYY',
  YY: 'YY',
  '0Y': '0Y',
  MM: 'MM',
  '0M': '0M',
  DD: 'DD',
  '0D': '0D',
  VV: 'WW',
  '0V': '0W',
  GGGG: 'YYYY',
  GG: 'YY',
  '0G': '0Y',
  MAJOR: 'MAJOR',
  MINOR: 'MINOR',
  PATCH: 'MICRO',
  INC0: 'MICRO',
  INC1: 'MICRO',
  BUILD: 'MICRO',
  BLD: 'MICRO'
}

/** Why verso cannot write the other parts. */
const NOT_WRITTEN: Partial<Readonly<Record<Part, string>>> = {
  Q: 'a quarter of the year',
  JJJ: 'a day of the year',
  '00J': 'a day of the year',
  WW: "a week counted from the year's first Monday (0 to 52); verso's weeks are ISO 8601 weeks, bumpver's VV",
  '0W': "a week counted from the year's first Monday (00 to 52); verso's weeks are ISO 8601 weeks, bumpver's 0V",
  UU: "a week counted from the year's first Sunday (0 to 52); verso's weeks are ISO 8601 weeks, bumpver's VV",
  '0U': "a week counted from the year's first Sunday (00 to 52); verso's weeks are ISO 8601 weeks, bumpver's 0V",
  GITHASH: 'a commit hash, which no release order can follow',
  HEXHASH: 'a commit hash, which no release order can follow'
}

const TAG_PARTS: readonly Part[] = ['TAG', 'PYTAG', 'NUM', 'PYTAGNUM']

type Piece =
  | { readonly kind: 'part'; readonly part: Part }
  | { readonly kind: 'separator'; readonly text: string }
  | { readonly kind: 'bracket'; readonly text: '[' | ']' }
  | { readonly kind: 'literal'; readonly text: string }

/**
 * The calver-format and settings a bumpver `version_pattern` comes to: `YYYY.0M.0D[.PATCH]`
 * is `YYYY.0M.0D[.MICRO]`, `YYYY.BUILD[PYTAGNUM]` is `YYYY.MICRO` in the PEP 440 style.
 * The parts verso writes map one to one (see the README's table); a leading `v` is the tag
 * prefix. `path` only names the file in errors.
 *
 * @throws VersoError `EINVALIDCONFIG` naming every part verso cannot write, and why.
 */
export function mapBumpverPattern(pattern: string, path: string): BumpverSettings {
  const fail = (details: readonly string[]): never => {
    throw new VersoError('EINVALIDCONFIG', `bumpver's version_pattern "${pattern}" in ${path} cannot be written as a calver-format:`, {
      details,
      hint: 'Set calver-format to the format verso should write (see Calendar versions in the README); verso then does not read bumpver.'
    })
  }
  if (pattern.includes('{'))
    fail(["it is bumpver's old {…} pattern syntax: write it in the new one (YYYY.BUILD[-TAG]), or set calver-format"])
  const pieces = readPieces(pattern)
  const tagPrefix = pieces[0]?.kind === 'literal' && pieces[0].text === 'v' ? 'v' : ''
  const body = tagPrefix === '' ? pieces : pieces.slice(1)
  const problems: string[] = []
  const parts = body.flatMap((p) => (p.kind === 'part' ? [p.part] : []))

  for (const piece of body) {
    if (piece.kind === 'literal') problems.push(`"${piece.text}" is text of its own, which a calver-format cannot hold`)
    if (piece.kind === 'part' && NOT_WRITTEN[piece.part]) problems.push(`${piece.part} is ${NOT_WRITTEN[piece.part]}`)
  }
  const isoWeek = parts.includes('VV') || parts.includes('0V')
  for (const year of parts) {
    if (isoWeek && (year === 'YYYY' || year === 'YY' || year === '0Y'))
      problems.push(`${year} with an ISO week (VV): the week's year is the ISO week-year, GGGG (bumpver refuses this pattern too)`)
    if (!isoWeek && (year === 'GGGG' || year === 'GG' || year === '0G'))
      problems.push(`${year} is the ISO week-year, which verso writes only next to an ISO week (VV or 0V)`)
  }
  const numbers = body.filter((p) => p.kind === 'part' && !TAG_PARTS.includes(p.part))
  const firstTag = body.findIndex((p) => p.kind === 'part' && TAG_PARTS.includes(p.part))
  if (firstTag !== -1 && body.slice(firstTag).some((p) => numbers.includes(p)))
    problems.push('the tag (TAG, PYTAG, NUM) must end the pattern: verso writes a modifier last')
  if (parts.includes('NUM') && !parts.includes('TAG') && !parts.includes('PYTAG'))
    problems.push('NUM numbers a TAG or PYTAG, and the pattern has neither')
  for (let i = 1; i < body.length; i++) {
    const [before, piece] = [body[i - 1]!, body[i]!]
    if (before.kind === 'part' && piece.kind === 'part' && numbers.includes(before) && numbers.includes(piece))
      problems.push(`${before.part}${piece.part} has no separator between its parts: verso writes one (${before.part}.${piece.part})`)
  }
  const counters = parts.filter((p) => ['MAJOR', 'MINOR', 'PATCH', 'INC0', 'INC1', 'BUILD', 'BLD'].includes(p))
  if (counters.includes('INC1') && counters[0] !== 'INC1')
    problems.push('INC1 after another counter: verso starts only the first counter of a period at 1 (calver-counter-start: 1)')
  if (problems.length) fail(problems)

  const style: VersionStyle = parts.includes('PYTAG') || parts.includes('PYTAGNUM') ? 'pep440' : 'semver'
  const format = writeFormat(body) + (style === 'semver' && parts.includes('TAG') ? '-MODIFIER' : '')
  try {
    parseCalverFormat(format, style)
  } catch (error) {
    if (!(error instanceof VersoError)) throw error
    fail(error.details.map((detail) => `it comes to ${format}, where ${detail}`))
  }
  return {
    format,
    style,
    counterStart: counters[0] === 'INC1' ? 1 : 0,
    tagPrefix,
    restarts: parts.filter((p) => p === 'BUILD' || p === 'BLD')
  }
}

// The pattern as parts, separators, brackets and other text; `\[` is a literal bracket.
function readPieces(pattern: string): Piece[] {
  const pieces: Piece[] = []
  for (let i = 0; i < pattern.length;) {
    const part = PARTS.find((p) => pattern.startsWith(p, i))
    const char = pattern[i]!
    const last = pieces.at(-1)
    if (part !== undefined) pieces.push({ kind: 'part', part })
    else if (char === '[' || char === ']') pieces.push({ kind: 'bracket', text: char })
    else if ('.-_'.includes(char)) pieces.push({ kind: 'separator', text: char })
    else {
      // Text runs together (`release` is one piece), with any escaped bracket in it.
      const text = char === '\\' ? pattern.slice(i + 1, i + 2) : char
      if (last?.kind === 'literal') pieces[pieces.length - 1] = { kind: 'literal', text: last.text + text }
      else pieces.push({ kind: 'literal', text })
    }
    i += part?.length ?? (char === '\\' ? 2 : 1)
  }
  return pieces
}

// The numbers of the pattern in verso's tokens. The tag and the separator before it are
// left out (a modifier is written as the style says), with the brackets left empty by that.
function writeFormat(body: readonly Piece[]): string {
  let text = ''
  for (const [i, piece] of body.entries()) {
    const next = body[i + 1]
    if (piece.kind === 'part') text += TAG_PARTS.includes(piece.part) ? '' : VERSO_PART[piece.part]!
    else if (piece.kind === 'separator') text += next?.kind === 'part' && TAG_PARTS.includes(next.part) ? '' : piece.text
    else text += piece.text
  }
  let emptied = text
  do {
    text = emptied
    emptied = text.replace(/\[\]/g, '')
  } while (emptied !== text)
  return text
}
