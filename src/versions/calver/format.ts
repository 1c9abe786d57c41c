import { VersoError } from '../../errors.js'
import type { VersionStyle } from '../pep440.js'

/** Year tokens: `YYYY` is the full year; `YY` and `0Y` count from 2000 (2006 → `6` / `06`). */
export type YearToken = 'YYYY' | 'YY' | '0Y'
export type MonthToken = 'MM' | '0M'
/** ISO 8601 week of the ISO week-year. */
export type WeekToken = 'WW' | '0W'
export type DayToken = 'DD' | '0D'
export type CalendarToken = YearToken | MonthToken | WeekToken | DayToken
export type CounterToken = 'MAJOR' | 'MINOR' | 'MICRO'
export type CalverToken = CalendarToken | CounterToken | 'MODIFIER'
export type CalverSeparator = '.' | '-' | '_'

/**
 * The finest calendar field a format writes. Two releases are in "the same period" when
 * every calendar field of the format is equal, so this decides when counters restart.
 */
export type CalendarKind = 'year' | 'month' | 'week' | 'day'

/** One token of a format and the separator written before it (`''` for the first). */
export interface CalverSegment {
  readonly separator: CalverSeparator | ''
  readonly token: CalverToken
  /** How many optional parts (`[…]`) hold it: 0 for a part that is always written. */
  readonly depth: number
}

declare const validFormat: unique symbol

/**
 * A validated CalVer format. Only {@link parseCalverFormat} makes one, so everything that
 * takes a CalverFormat can rely on its rules: calendar tokens first (year, then month or
 * week, then day), counters next in MAJOR, MINOR, MICRO order, MODIFIER last.
 */
export interface CalverFormat {
  readonly [validFormat]: true
  /** The format as the user wrote it, e.g. `YYYY.0M.MICRO`. */
  readonly text: string
  readonly segments: readonly CalverSegment[]
  readonly calendar: CalendarKind
  /** The counters the format has, in order. */
  readonly counters: readonly CounterToken[]
  /** Whether versions may carry a modifier: the format ends with `-MODIFIER` (`-rc.1`), or its style is PEP 440's. */
  readonly modifier: boolean
  /**
   * Where each optional part starts, as indexes into `segments`, outermost first: `YY.MINOR[.MICRO]`
   * is [2]. Every optional part ends at the last counter, so they nest: `YY[.MINOR[.MICRO]]` is [1, 2].
   */
  readonly optional: readonly number[]
  /** How modifiers are spelled and ordered: SemVer's `-rc.1`, or PEP 440's `rc1`, `.dev3`, `.post1`. */
  readonly style: VersionStyle
}

export const YEAR_TOKENS: readonly YearToken[] = ['YYYY', 'YY', '0Y']
export const MONTH_TOKENS: readonly MonthToken[] = ['MM', '0M']
export const WEEK_TOKENS: readonly WeekToken[] = ['WW', '0W']
export const DAY_TOKENS: readonly DayToken[] = ['DD', '0D']
export const COUNTER_TOKENS: readonly CounterToken[] = ['MAJOR', 'MINOR', 'MICRO']
export const CALVER_TOKENS: readonly CalverToken[] = [
  ...YEAR_TOKENS,
  ...MONTH_TOKENS,
  ...WEEK_TOKENS,
  ...DAY_TOKENS,
  ...COUNTER_TOKENS,
  'MODIFIER'
]

const ALLOWED = CALVER_TOKENS.join(', ')

// Position a token must keep relative to the others; equal ranks are the same field.
const RANK: Readonly<Record<CalverToken, number>> = {
  YYYY: 0,
  YY: 0,
  '0Y': 0,
  MM: 1,
  '0M': 1,
  WW: 1,
  '0W': 1,
  DD: 2,
  '0D': 2,
  MAJOR: 3,
  MINOR: 4,
  MICRO: 5,
  MODIFIER: 6
}

const FIELD_NAMES = ['year', 'month or week', 'day', 'MAJOR', 'MINOR', 'MICRO', 'MODIFIER'] as const
const MAX_TOKENS = 16

/**
 * Reads a calver-format string such as `YYYY.0M.MICRO`, `YY.0M.MINOR.MICRO-MODIFIER` or
 * `YYYY.0M.0D[.MICRO]`.
 *
 * Tokens (calver.org vocabulary) are separated by `.`, `-` or `_`, kept as written. A
 * format needs at least one calendar token (counters alone are SemVer) and a year whenever
 * it has a month, week or day, since without one versions would go down every January.
 * `MODIFIER` may only end the format, after a `-`, because modifiers are written
 * SemVer-style (`2024.02.1-rc.0`). Counters at the end may be optional, in brackets that
 * nest left to right (`YY.MINOR[.MICRO]`, `YY[.MINOR[.MICRO]]`): such a part is written
 * only when it is not 0.
 *
 * In the `pep440` style the numbers are separated by dots, as PEP 440 writes a release,
 * and every version may carry a PEP 440 suffix (`24.1rc1`, `24.1.post1`) without `-MODIFIER`.
 *
 * @throws VersoError `ECALVER` listing every problem at once.
 */
export function parseCalverFormat(format: string, style: VersionStyle = 'semver'): CalverFormat {
  const fail = (details: readonly string[]): never => {
    throw new VersoError('ECALVER', `calver-format "${format}" is not a valid CalVer format.`, {
      details,
      hint: `Write tokens from ${ALLOWED} separated by ".", "-" or "_", e.g. YYYY.0M.MICRO or YYYY.0M.0D[.MICRO] (see calver.org).`
    })
  }
  if (format.trim() === '') fail(['the format is empty'])
  // Each token writes one of seven fields, once. Far past that, every token would be told as
  // a problem of its own, in a list as long as the format: the count is the problem told.
  const count = countTokens(format)
  if (count > MAX_TOKENS) {
    fail([
      `the format has ${count} tokens; a CalVer format has at most ${FIELD_NAMES.length}, one for each of the year, ` +
        `the month or week, the day, MAJOR, MINOR, MICRO and MODIFIER`
    ])
  }

  const brackets = readBrackets(format)
  const pieces = brackets.plain.split(/([.\-_])/)
  const segments: CalverSegment[] = []
  const problems: string[] = [...brackets.problems]
  for (let i = 0; i < pieces.length; i += 2) {
    const text = pieces[i] ?? ''
    const separator = (i === 0 ? '' : pieces[i - 1]) as CalverSeparator | ''
    if (text === '') {
      problems.push(`an empty token at position ${i / 2 + 1}: a separator at the start or end, or two in a row`)
    } else if (isCalverToken(text)) {
      segments.push({ separator, token: text, depth: brackets.depths[i / 2] ?? 0 })
    } else {
      problems.push(describeUnknownToken(text))
    }
  }
  problems.push(...findStructureProblems(segments, pieces.at(-1) === 'MODIFIER', problems.length === 0))
  problems.push(...findOptionalProblems(segments))
  if (style === 'pep440') problems.push(...findPep440Problems(segments))
  if (problems.length > 0) fail(problems)

  const tokens = segments.map((s) => s.token)
  const parsed: Omit<CalverFormat, typeof validFormat> = {
    text: format,
    segments,
    calendar: tokens.some(isDayToken) ? 'day' : tokens.some(isWeekToken) ? 'week' : tokens.some(isMonthToken) ? 'month' : 'year',
    counters: COUNTER_TOKENS.filter((c) => tokens.includes(c)),
    modifier: style === 'pep440' || tokens.includes('MODIFIER'),
    optional: segments.flatMap((s, i) => (s.depth > (segments[i - 1]?.depth ?? 0) ? [i] : [])),
    style
  }
  return parsed as CalverFormat
}

/**
 * Brackets mark optional parts. Each opens just before a separator and all of them close at
 * the end of the counters (only `-MODIFIER` may follow), so they nest: a part that is left
 * out is always the last one written, and a version reads one way only. (`[.MINOR][.MICRO]`
 * would write MINOR 1 and MICRO 1 alike.) `depths` has one entry per token of `plain`, the
 * format without its brackets.
 */
function readBrackets(format: string): { plain: string; depths: number[]; problems: string[] } {
  const problems = new Set<string>()
  const depths: number[] = [0]
  let plain = ''
  let depth = 0
  let closedAt = -1
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!
    if (char === '[') {
      if (closedAt !== -1) {
        problems.add(
          'optional parts nest, each inside the one before: write YY[.MINOR[.MICRO]], not YY[.MINOR][.MICRO], which writes MINOR 1 and MICRO 1 alike'
        )
        closedAt = -1
      } else if (!'.-_'.includes(format[i + 1] ?? '[')) problems.add('an optional part starts with its separator: write YY.MINOR[.MICRO]')
      depth++
    } else if (char === ']') {
      if (depth === 0) problems.add('a "]" closes no "["')
      else depth--
      closedAt = i
    } else if (closedAt !== -1 && depth === 0 && format.slice(i) === '-MODIFIER') {
      depths.push(0)
      plain += format.slice(i)
      break
    } else {
      if (closedAt !== -1) {
        problems.add('optional parts end the format (only -MODIFIER may follow them): write YYYY.0M.0D[.MICRO]')
        closedAt = -1
      }
      if ('.-_'.includes(char)) depths.push(depth)
      plain += char
    }
  }
  if (depth > 0) problems.add(`${depth === 1 ? 'a "["' : `${depth} "["`} without its "]"`)
  return { plain, depths, problems: [...problems] }
}

function findOptionalProblems(segments: readonly CalverSegment[]): string[] {
  const problems: string[] = []
  for (const { token, depth } of segments) {
    if (depth === 0) continue
    if (token === 'MODIFIER')
      problems.push('a modifier is optional by itself: write -MODIFIER after the brackets, YY.MINOR[.MICRO]-MODIFIER')
    else if (!isCounterToken(token))
      problems.push(`only counters can be optional (written when not 0): ${token} is part of the date, always written`)
  }
  return problems
}

// PEP 440 writes a release as numbers and dots; its own suffixes replace -MODIFIER's spelling.
function findPep440Problems(segments: readonly CalverSegment[]): string[] {
  return segments.flatMap(({ separator, token }) =>
    separator === '' || separator === '.' || token === 'MODIFIER'
      ? []
      : [`PEP 440 writes a version's numbers with dots (version-style: pep440): "${separator}" before ${token}`]
  )
}

function countTokens(format: string): number {
  let count = 1
  for (let i = 0; i < format.length; i++) {
    const code = format.charCodeAt(i)
    if (code === 0x2e || code === 0x2d || code === 0x5f) count++
  }
  return count
}

// endsWithModifier looks at the text as written, since unknown tokens are not segments.
// A token that could not be read may be the missing one, so missing tokens are only
// reported when every token was read (complete).
function findStructureProblems(segments: readonly CalverSegment[], endsWithModifier: boolean, complete: boolean): string[] {
  const problems: string[] = []
  const tokens = segments.map((s) => s.token)

  const seen = new Map<number, CalverToken>()
  for (const token of tokens) {
    const earlier = seen.get(RANK[token])
    if (earlier === undefined) {
      seen.set(RANK[token], token)
    } else if (earlier === token) {
      problems.push(`${token} appears more than once`)
    } else if (isWeekToken(earlier) === isWeekToken(token)) {
      // A month next to a week is reported once, by the mixing rule below.
      problems.push(`${earlier} and ${token} both write the ${FIELD_NAMES[RANK[token]]}: keep one`)
    }
  }

  const hasWeek = tokens.some(isWeekToken)
  if (hasWeek && tokens.some((t) => isMonthToken(t) || isDayToken(t))) {
    problems.push('weeks (WW, 0W) cannot be mixed with months or days (MM, 0M, DD, 0D): a week can span two months')
  }
  if (complete) problems.push(...findMissingTokens(tokens))

  let highest = -1
  for (const [index, token] of tokens.entries()) {
    if (token === 'MODIFIER') {
      if (index !== tokens.length - 1 || !endsWithModifier) problems.push('MODIFIER must be the last token')
      else if (segments[index]?.separator !== '-')
        problems.push('MODIFIER must follow a "-" (…-MODIFIER): modifiers are written SemVer-style, as in 2024.02.1-rc.0')
      continue
    }
    const rank = RANK[token]
    if (rank < highest) {
      problems.push(
        isCounterToken(token) && highest >= RANK.MAJOR && highest <= RANK.MICRO
          ? `${token} comes after ${FIELD_NAMES[highest]}: counters go MAJOR, MINOR, MICRO`
          : `${token} comes after ${FIELD_NAMES[highest]}: calendar tokens come first, from year to day, then counters`
      )
    }
    highest = Math.max(highest, rank)
  }
  return problems
}

function findMissingTokens(tokens: readonly CalverToken[]): string[] {
  const calendar = tokens.filter(isCalendarToken)
  if (calendar.length === 0) {
    return ['no calendar token (YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D): a version of counters only is SemVer, use scheme: semver']
  }
  const problems: string[] = []
  if (!calendar.some(isYearToken)) {
    problems.push(
      `${calendar.join(', ')} without a year token (YYYY, YY, 0Y) would repeat every year, so versions would go down: add a year`
    )
  }
  const day = calendar.find(isDayToken)
  if (day !== undefined && !calendar.some((t) => isMonthToken(t) || isWeekToken(t))) {
    problems.push(`${day} is a day of the month and needs a month token (MM or 0M) before it`)
  }
  return problems
}

function describeUnknownToken(text: string): string {
  const upper = text.toUpperCase()
  if (isCalverToken(upper)) return `unknown token "${text}": tokens are upper-case, did you mean ${upper}?`
  if (text.endsWith('MODIFIER'))
    return `unknown token "${text}": write the modifier after a "-" (${text.slice(0, -'MODIFIER'.length)}-MODIFIER)`
  return `unknown token "${text}": allowed tokens are ${ALLOWED}`
}

export function isCalverToken(text: string): text is CalverToken {
  return (CALVER_TOKENS as readonly string[]).includes(text)
}
export function isYearToken(token: CalverToken): token is YearToken {
  return (YEAR_TOKENS as readonly string[]).includes(token)
}
export function isMonthToken(token: CalverToken): token is MonthToken {
  return (MONTH_TOKENS as readonly string[]).includes(token)
}
export function isWeekToken(token: CalverToken): token is WeekToken {
  return (WEEK_TOKENS as readonly string[]).includes(token)
}
export function isDayToken(token: CalverToken): token is DayToken {
  return (DAY_TOKENS as readonly string[]).includes(token)
}
export function isCounterToken(token: CalverToken): token is CounterToken {
  return (COUNTER_TOKENS as readonly string[]).includes(token)
}
export function isCalendarToken(token: CalverToken): token is CalendarToken {
  return RANK[token] <= RANK.DD
}

/**
 * The calendar part of a version: the period it was released in. Years are full years;
 * in a week format the year is the ISO week-year, so 2021-01-02 is week 53 of 2020.
 */
export type CalverPeriod =
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'week'; readonly year: number; readonly week: number }
  | { readonly kind: 'day'; readonly year: number; readonly month: number; readonly day: number }

// ── writing and reading calendar tokens ───────────────────────────────────────────────
// Exported for version.ts, which parses and writes versions; the format owns what each
// token looks like so the two cannot disagree.

export type CalendarField = 'year' | 'month' | 'week' | 'day'

export interface TokenSpec {
  readonly field: CalendarField
  readonly pattern: string
  readonly write: (value: number) => string
  readonly read: (digits: string) => number
}

const plain = (value: number): string => String(value)
const padded = (value: number): string => String(value).padStart(2, '0')

export const TOKEN_SPECS: Readonly<Record<CalendarToken, TokenSpec>> = {
  YYYY: { field: 'year', pattern: '[1-9]\\d{3}', write: plain, read: Number },
  YY: { field: 'year', pattern: '0|[1-9]\\d{0,3}', write: (y) => plain(y - 2000), read: (d) => 2000 + Number(d) },
  '0Y': { field: 'year', pattern: '0\\d|[1-9]\\d{1,3}', write: (y) => padded(y - 2000), read: (d) => 2000 + Number(d) },
  MM: { field: 'month', pattern: '[1-9]|1[0-2]', write: plain, read: Number },
  '0M': { field: 'month', pattern: '0[1-9]|1[0-2]', write: padded, read: Number },
  WW: { field: 'week', pattern: '[1-9]|[1-4]\\d|5[0-3]', write: plain, read: Number },
  '0W': { field: 'week', pattern: '0[1-9]|[1-4]\\d|5[0-3]', write: padded, read: Number },
  DD: { field: 'day', pattern: '[1-9]|[12]\\d|3[01]', write: plain, read: Number },
  '0D': { field: 'day', pattern: '0[1-9]|[12]\\d|3[01]', write: padded, read: Number }
}

// ── periods ────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000

const PERIOD_FIELDS: Readonly<Record<CalverPeriod['kind'], readonly CalendarField[]>> = {
  year: ['year'],
  month: ['year', 'month'],
  week: ['year', 'week'],
  day: ['year', 'month', 'day']
}

// Periods of one format have the same kind; fields compare as numbers, largest first.
export function comparePeriods(a: CalverPeriod, b: CalverPeriod): number {
  for (const field of PERIOD_FIELDS[a.kind]) {
    const difference = readField(a, field) - readField(b, field)
    if (difference !== 0) return difference
  }
  return 0
}

export function readField(period: CalverPeriod, field: CalendarField): number {
  if (field === 'year') return period.year
  if (field === 'month' && (period.kind === 'month' || period.kind === 'day')) return period.month
  if (field === 'week' && period.kind === 'week') return period.week
  if (field === 'day' && period.kind === 'day') return period.day
  throw new Error(`a ${period.kind} period has no ${field}`)
}

// Null when the fields name no real period (2023-02-29, week 53 of a 52-week year).
export function buildPeriod(format: CalverFormat, fields: Partial<Record<CalendarField, number>>): CalverPeriod | null {
  const { year, month, week, day } = fields
  if (year === undefined) return null
  switch (format.calendar) {
    case 'year':
      return { kind: 'year', year }
    case 'month':
      return month === undefined ? null : { kind: 'month', year, month }
    case 'week':
      return week === undefined || week > countIsoWeeks(year) ? null : { kind: 'week', year, week }
    case 'day':
      return month === undefined || day === undefined || day > countDaysInMonth(year, month) ? null : { kind: 'day', year, month, day }
  }
}

export function readPeriod(format: CalverFormat, date: Date): CalverPeriod {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + 1
  switch (format.calendar) {
    case 'year':
      return { kind: 'year', year }
    case 'month':
      return { kind: 'month', year, month }
    case 'day':
      return { kind: 'day', year, month, day: date.getUTCDate() }
    case 'week':
      return { kind: 'week', ...readIsoWeek(date) }
  }
}

// ISO 8601: weeks start on Monday and belong to the year that holds their Thursday.
function readIsoWeek(date: Date): { year: number; week: number } {
  const mondayBased = (date.getUTCDay() + 6) % 7
  const thursday = makeUtcDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - mondayBased + 3)
  const year = thursday.getUTCFullYear()
  const dayOfYear = Math.round((thursday.getTime() - makeUtcDate(year, 0, 1).getTime()) / DAY_MS)
  return { year, week: Math.floor(dayOfYear / 7) + 1 }
}

function countIsoWeeks(year: number): number {
  // 28 December is always in the last ISO week of its year.
  return readIsoWeek(makeUtcDate(year, 11, 28)).week
}

function countDaysInMonth(year: number, month: number): number {
  return makeUtcDate(year, month, 0).getUTCDate()
}

// setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
function makeUtcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0)
  date.setUTCFullYear(year, monthIndex, day)
  return date
}

export function isWritableYear(format: CalverFormat, year: number): boolean {
  const shortYear = format.segments.some(({ token }) => token === 'YY' || token === '0Y')
  return year >= (shortYear ? 2000 : 1000) && year <= 9999
}
