import semver from 'semver'
import { comparePep440, readPep440Suffix, writePep440Suffix, type Pep440Suffix } from '../pep440.js'
import {
  buildPeriod,
  comparePeriods,
  isCounterToken,
  isWritableYear,
  readField,
  TOKEN_SPECS,
  type CalendarField,
  type CalverFormat,
  type CalverPeriod,
  type CalverSegment,
  type CalverToken,
  type CounterToken
} from './format.js'

/**
 * A release-stage suffix. In the SemVer style verso writes it SemVer-style (`-rc.1`,
 * spelling `dotted`) and also reads `-rc1` (`dashed`) and glued `rc1` (`glued`, as in
 * Ubuntu's `16.04rc2`), keeping the spelling so a tag is written back exactly as it was
 * read. An id is lower-case letters and digits, starting and ending with a letter (so
 * `rc21` reads as `rc` 21).
 *
 * In the PEP 440 style (spelling `pep440`) the id is PEP 440's own, `dev`, `a`, `b`, `rc`
 * or `post`, read in any spelling PEP 440 normalises and written in its normal one
 * (`24.1rc1`, `24.1.dev3`, `24.1.post1`). A `post` modifier is no prerelease: it is a
 * final release made again, and sorts above it.
 */
export interface CalverModifier {
  readonly id: string
  readonly number: number
  readonly spelling: 'dotted' | 'dashed' | 'glued' | 'pep440'
}

declare const validVersion: unique symbol

/** A value for exactly the counters the format has. */
export type Counters = Readonly<Partial<Record<CounterToken, number>>>

/** A CalVer version of one format. Made only by {@link parseCalver} and nextCalver. */
export interface CalverVersion {
  readonly [validVersion]: true
  readonly format: CalverFormat
  readonly period: CalverPeriod
  readonly counters: Counters
  readonly modifier: CalverModifier | null
}

// Counters never have leading zeros; 15 digits keeps them exact as JavaScript numbers.
const COUNTER_PATTERN = '0|[1-9]\\d{0,14}'
const MODIFIER_ID = '[a-z](?:[a-z0-9]*[a-z])?'
const WHOLE_MODIFIER_ID = new RegExp(`^${MODIFIER_ID}$`)
// One pair of groups per spelling, in the order readModifier reads them.
const MODIFIER_PATTERN = `(?:${[
  `-(${MODIFIER_ID})\\.(${COUNTER_PATTERN})`, // dotted
  `-(${MODIFIER_ID})(${COUNTER_PATTERN})`, // dashed
  `(${MODIFIER_ID})(${COUNTER_PATTERN})` // glued
].join('|')})`

// dev < alpha < beta < rc < (none); ids verso does not know sort below dev, by name.
const MODIFIER_RANK: ReadonlyMap<string, number> = new Map([
  ['dev', 1],
  ['alpha', 2],
  ['beta', 3],
  ['rc', 4]
])

/**
 * Reads a tag (without any `v` prefix the caller strips) as a version of `format`.
 *
 * Returns null when the text does not fit: another shape, a value out of range (month 13,
 * week 54, week 53 of a 52-week year, 2023-02-29), a leading zero where the token has none
 * (`MM` = `04`, a counter `01`) or a missing one (`0M` = `4`), a modifier where the format
 * has no `-MODIFIER`. Such tags are not this scheme's releases; callers skip them. An
 * optional part may be there or not (`20.0` and `20.0.0` of `YY.MINOR[.MICRO]`): missing, it is 0.
 */
export function parseCalver(format: CalverFormat, text: string): CalverVersion | null {
  const match = buildPattern(format).exec(text)
  if (match === null) return null

  const fields: Partial<Record<CalendarField, number>> = {}
  const counters: Partial<Record<CounterToken, number>> = {}
  let group = 1
  for (const { token } of format.segments) {
    if (token === 'MODIFIER') continue
    const digits = match[group++]
    if (isCounterToken(token)) counters[token] = digits === undefined ? 0 : Number(digits)
    else fields[TOKEN_SPECS[token].field] = TOKEN_SPECS[token].read(digits ?? '')
  }
  const period = buildPeriod(format, fields)
  if (period === null || !isWritableYear(format, period.year)) return null

  if (format.style === 'pep440') {
    const rest = match[group] ?? ''
    const suffix = rest === '' ? null : readPep440Suffix(rest)
    if (rest !== '' && suffix === null) return null
    return makeVersion(format, period, counters, suffix && { id: suffix.kind, number: suffix.number, spelling: 'pep440' })
  }
  return makeVersion(format, period, counters, readModifier(match.slice(group)))
}

/**
 * Writes a version in its format, optional parts only when they are not 0: the inverse of
 * {@link parseCalver} on every version verso writes. A tag read with a 0 in an optional
 * part (`20.0.0`) or in another PEP 440 spelling (`24.1RC1`) is written in verso's own
 * way (`20.0`, `24.1rc1`): the same version.
 */
export function formatCalver(version: CalverVersion): string {
  return writeSegments(version, false) + writeModifier(version.modifier)
}

/**
 * Orders two versions of the same format: the calendar part first (year, then month or
 * week, then day, as numbers), then the counters MAJOR, MINOR, MICRO (a missing optional
 * one is 0), then the modifier, where dev < alpha < beta < rc < no modifier, ids verso does
 * not know rank below dev (by name among themselves), and the same id orders by number.
 * The spelling of a modifier does not count (`rc1` equals `-rc.1`).
 *
 * Note: this is not SemVer order for `dev`, which SemVer (ASCII) puts after `beta`.
 *
 * In the PEP 440 style the order is PEP 440's, as its library computes it: the numbers as
 * a release (missing ones are 0 there too), then `.devN < aN < bN < rcN < final < .postN`.
 */
export function compareCalver(a: CalverVersion, b: CalverVersion): number {
  if (a.format.text !== b.format.text || a.format.style !== b.format.style) {
    throw new Error(`compareCalver: versions of different formats (${a.format.text}, ${b.format.text}) have no order`)
  }
  if (a.format.style === 'pep440') return comparePep440(formatCalver(a), formatCalver(b))
  return comparePeriods(a.period, b.period) || compareCounters(a, b) || compareModifiers(a.modifier, b.modifier)
}

/** Whether the version is a prerelease: it has a modifier, and that is not a PEP 440 post-release. */
export function isCalverPrerelease(version: CalverVersion): boolean {
  return version.modifier !== null && !isPostRelease(version.modifier)
}

/** A PEP 440 post-release's modifier (`.post1`): a final release made again, not a prerelease. */
export function isPostRelease(modifier: CalverModifier): boolean {
  return modifier.spelling === 'pep440' && modifier.id === 'post'
}

/** The modifier as the `prerelease` output gives it: `rc.0` (SemVer style), `rc1` or `dev3` (PEP 440); `''` for none and for a post-release. */
export function describeModifier(version: CalverVersion): string {
  const modifier = version.modifier
  if (modifier === null || isPostRelease(modifier)) return ''
  return modifier.spelling === 'pep440' ? `${modifier.id}${modifier.number}` : `${modifier.id}.${modifier.number}`
}

/**
 * Whether the text is a SemVer 2.0.0 version: three numbers without leading zeros and an
 * optional `-prerelease`. `24.2.1` (`YY.MM.MICRO`) is; `2024.02.19` (`YYYY.0M.0D`) and a
 * glued modifier (`16.04rc2`) are not. npm and other SemVer tools reject the latter.
 */
export function isSemverCompatible(text: string): boolean {
  // semver.valid also accepts a "v" prefix and surrounding spaces; a version has neither.
  return semver.valid(text, { loose: false }) !== null && /^\d/.test(text) && text.trim() === text
}

/** Whether the text is a modifier id as {@link CalverModifier} describes: `rc`, `beta2b`, not `rc1`. */
export function isModifierId(text: string): boolean {
  return WHOLE_MODIFIER_ID.test(text)
}

/** Writes the calendar part alone, as explanations name a period: `2024.02` of `2024.02.1`. */
export function formatCalverPeriod(format: CalverFormat, period: CalverPeriod): string {
  return writeSegments(makeVersion(format, period, {}, null), true)
}

/**
 * Makes a version of parts that are already valid, without checking them: for nextCalver,
 * whose period and counters come from a version already read or from a checked date.
 */
export function makeVersion(
  format: CalverFormat,
  period: CalverPeriod,
  counters: Counters,
  modifier: CalverModifier | null
): CalverVersion {
  return { format, period, counters, modifier } as CalverVersion
}

// One capturing group per number, in order; an optional part's groups are simply unmatched
// when it is missing. PEP 440's suffix is what follows the numbers, for its library to read.
function buildPattern(format: CalverFormat): RegExp {
  const numbers = format.segments.filter((s): s is CalverSegment & { token: Exclude<CalverToken, 'MODIFIER'> } => s.token !== 'MODIFIER')
  const write = ({ separator, token }: (typeof numbers)[number]): string => {
    const pattern = isCounterToken(token) ? COUNTER_PATTERN : TOKEN_SPECS[token].pattern
    return `${separator === '' ? '' : `\\${separator}`}(${pattern})`
  }
  const starts = [...format.optional, numbers.length]
  let optional = ''
  for (let i = format.optional.length - 1; i >= 0; i--) {
    optional = `(?:${numbers
      .slice(starts[i], starts[i + 1])
      .map(write)
      .join('')}${optional})?`
  }
  const required = numbers.slice(0, starts[0]).map(write).join('')
  const modifier = format.style === 'pep440' ? '(.*)' : format.modifier ? `${MODIFIER_PATTERN}?` : ''
  return new RegExp(`^${required}${optional}${modifier}$`)
}

function readModifier(groups: readonly (string | undefined)[]): CalverModifier | null {
  const spellings = ['dotted', 'dashed', 'glued'] as const
  for (const [index, spelling] of spellings.entries()) {
    const id = groups[index * 2]
    const number = groups[index * 2 + 1]
    if (id !== undefined && number !== undefined) return { id, number: Number(number), spelling }
  }
  return null
}

function writeModifier(modifier: CalverModifier | null): string {
  if (modifier === null) return ''
  switch (modifier.spelling) {
    case 'pep440':
      return writePep440Suffix({ kind: modifier.id as Pep440Suffix['kind'], number: modifier.number })
    case 'dotted':
      return `-${modifier.id}.${modifier.number}`
    case 'dashed':
      return `-${modifier.id}${modifier.number}`
    case 'glued':
      return `${modifier.id}${modifier.number}`
  }
}

function writeSegments(version: CalverVersion, periodOnly: boolean): string {
  let text = ''
  const end = countWritten(version)
  for (const [index, { separator, token }] of version.format.segments.entries()) {
    if (token === 'MODIFIER' || index >= end) continue
    if (isCounterToken(token)) {
      if (periodOnly) break
      text += separator + String(version.counters[token])
    } else {
      text += separator + TOKEN_SPECS[token].write(readField(version.period, TOKEN_SPECS[token].field))
    }
  }
  return text
}

// How many segments are written: optional parts, innermost first, are left out while every
// counter in them is 0 (a part is written when anything inside it is not 0).
function countWritten(version: CalverVersion): number {
  const { segments, optional } = version.format
  let end = segments.length
  for (let i = optional.length - 1; i >= 0; i--) {
    const start = optional[i]!
    const zero = segments.slice(start, end).every(({ token }) => !isCounterToken(token) || (version.counters[token] ?? 0) === 0)
    if (!zero) break
    end = start
  }
  return end
}

function compareCounters(a: CalverVersion, b: CalverVersion): number {
  for (const counter of a.format.counters) {
    const difference = (a.counters[counter] ?? 0) - (b.counters[counter] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

function compareModifiers(a: CalverModifier | null, b: CalverModifier | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0)
  const rank = (MODIFIER_RANK.get(a.id) ?? 0) - (MODIFIER_RANK.get(b.id) ?? 0)
  if (rank !== 0) return rank
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  return a.number - b.number
}
