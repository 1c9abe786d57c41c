import semver from 'semver'
import type { Bump } from '../../commits/bump.js'
import { VersoError } from '../../errors.js'
import {
  buildPeriod,
  comparePeriods,
  COUNTER_TOKENS,
  isCounterToken,
  isWritableYear,
  readField,
  readPeriod,
  TOKEN_SPECS,
  type CalendarField,
  type CalverFormat,
  type CalverPeriod,
  type CounterToken
} from './format.js'

export { parseCalverFormat, type CalverFormat, type CalverPeriod, type CounterToken } from './format.js'

/**
 * A release-stage suffix. verso writes it SemVer-style (`-rc.1`, spelling `dotted`) and
 * also reads `-rc1` (`dashed`) and glued `rc1` (`glued`, as in Ubuntu's `16.04rc2`), keeping
 * the spelling so a tag is written back exactly as it was read. An id is lower-case
 * letters and digits, starting and ending with a letter (so `rc21` reads as `rc` 21).
 */
export interface CalverModifier {
  readonly id: string
  readonly number: number
  readonly spelling: 'dotted' | 'dashed' | 'glued'
}

declare const validVersion: unique symbol

/** A value for exactly the counters the format has. */
export type Counters = Readonly<Partial<Record<CounterToken, number>>>

/** A CalVer version of one format. Made only by {@link parseCalver} and {@link nextCalver}. */
export interface CalverVersion {
  readonly [validVersion]: true
  readonly format: CalverFormat
  readonly period: CalverPeriod
  readonly counters: Counters
  readonly modifier: CalverModifier | null
}

/** How counters move: from the calendar alone, or from the commits' bump (hybrid). */
export type CalverCounterRule = 'calendar' | 'commits'
/** Which date the calendar part shows: each release's, or the last breaking change's. */
export type CalverDateRule = 'release' | 'major'

export interface CalverNextOptions {
  readonly counters: CalverCounterRule
  readonly date: CalverDateRule
  /** A modifier id (`rc`, `beta`, …) to release a prerelease of the next version. */
  readonly modifier?: string | undefined
}

/** What a next version changed relative to the previous one, for the plan's reasons. */
export type CalverChange =
  | { readonly kind: 'first' }
  | { readonly kind: 'period'; readonly from: string; readonly to: string }
  | { readonly kind: 'counter'; readonly counter: CounterToken }
  | { readonly kind: 'final' }
  | { readonly kind: 'modifier'; readonly id: string }

export interface CalverNext {
  readonly version: CalverVersion
  readonly change: CalverChange
  /** Why this version, one sentence each, for release notes and dry runs. */
  readonly notes: readonly string[]
}

// Counters never have leading zeros; 15 digits keeps them exact as JavaScript numbers.
const COUNTER_PATTERN = '0|[1-9]\\d{0,14}'
const MODIFIER_ID = '[a-z](?:[a-z0-9]*[a-z])?'
const MODIFIER_PATTERN = `(?:-(${MODIFIER_ID})\\.(${COUNTER_PATTERN})|-(${MODIFIER_ID})(${COUNTER_PATTERN})|(${MODIFIER_ID})(${COUNTER_PATTERN}))`

// dev < alpha < beta < rc < (none); ids verso does not know sort below dev, by name.
const MODIFIER_RANK: ReadonlyMap<string, number> = new Map([['dev', 1], ['alpha', 2], ['beta', 3], ['rc', 4]])

// ── parse, format, compare ─────────────────────────────────────────────────────────────

/**
 * Reads a tag (without any `v` prefix the caller strips) as a version of `format`.
 *
 * Returns null when the text does not fit: another shape, a value out of range (month 13,
 * week 54, week 53 of a 52-week year, 2023-02-29), a leading zero where the token has none
 * (`MM` = `04`, a counter `01`) or a missing one (`0M` = `4`), a modifier where the format
 * has no `-MODIFIER`. Such tags are not this scheme's releases; callers skip them.
 */
export function parseCalver(format: CalverFormat, text: string): CalverVersion | null {
  const match = buildPattern(format).exec(text)
  if (match === null) return null

  const fields: Partial<Record<CalendarField, number>> = {}
  const counters: Partial<Record<CounterToken, number>> = {}
  let group = 1
  for (const { token } of format.segments) {
    if (token === 'MODIFIER') continue
    const digits = match[group++] ?? ''
    if (isCounterToken(token)) counters[token] = Number(digits)
    else fields[TOKEN_SPECS[token].field] = TOKEN_SPECS[token].read(digits)
  }
  const period = buildPeriod(format, fields)
  if (period === null || !isWritableYear(format, period.year)) return null

  return makeVersion(format, period, counters, readModifier(match.slice(group)))
}

/** Writes a version back in its format; the exact inverse of {@link parseCalver}. */
export function formatCalver(version: CalverVersion): string {
  return writeSegments(version, false) + writeModifier(version.modifier)
}

/**
 * Orders two versions of the same format: the calendar part first (year, then month or
 * week, then day, as numbers), then the counters MAJOR, MINOR, MICRO, then the modifier,
 * where dev < alpha < beta < rc < no modifier, ids verso does not know rank below dev (by
 * name among themselves), and the same id orders by number. The spelling of a modifier
 * does not count (`rc1` equals `-rc.1`).
 *
 * Note: this is not SemVer order for `dev`, which SemVer (ASCII) puts after `beta`.
 */
export function compareCalver(a: CalverVersion, b: CalverVersion): number {
  if (a.format.text !== b.format.text) {
    throw new Error(`compareCalver: versions of different formats (${a.format.text}, ${b.format.text}) have no order`)
  }
  return comparePeriods(a.period, b.period) || compareCounters(a, b) || compareModifiers(a.modifier, b.modifier)
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

function buildPattern(format: CalverFormat): RegExp {
  const parts = format.segments.map(({ separator, token }) => {
    if (token === 'MODIFIER') return `${MODIFIER_PATTERN}?`
    const pattern = isCounterToken(token) ? COUNTER_PATTERN : TOKEN_SPECS[token].pattern
    return `${separator === '' ? '' : `\\${separator}`}(${pattern})`
  })
  return new RegExp(`^${parts.join('')}$`)
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
    case 'dotted': return `-${modifier.id}.${modifier.number}`
    case 'dashed': return `-${modifier.id}${modifier.number}`
    case 'glued': return `${modifier.id}${modifier.number}`
  }
}

// The calendar segments alone (periodOnly) name a period in notes: "2024.02".
function writeSegments(version: CalverVersion, periodOnly: boolean): string {
  let text = ''
  for (const { separator, token } of version.format.segments) {
    if (token === 'MODIFIER') continue
    if (isCounterToken(token)) {
      if (periodOnly) break
      text += separator + String(version.counters[token])
    } else {
      text += separator + TOKEN_SPECS[token].write(readField(version.period, TOKEN_SPECS[token].field))
    }
  }
  return text
}

function makeVersion(
  format: CalverFormat,
  period: CalverPeriod,
  counters: Counters,
  modifier: CalverModifier | null
): CalverVersion {
  return { format, period, counters, modifier } as CalverVersion
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

// ── the next version ───────────────────────────────────────────────────────────────────

/**
 * Decides the version after `previous` for a release on `today` (a UTC instant; the
 * caller's clock, `--date` or `SOURCE_DATE_EPOCH`), explaining each step in `notes`.
 *
 * - counters `calendar`: a new period restarts every counter at 0; another release in the
 *   same period increments the lowest (rightmost) counter. A format without counters
 *   allows one release per period; a second one is an error, never a duplicate.
 * - counters `commits` (hybrid): in the same period the bump picks the counter, major →
 *   MAJOR, minor → MINOR, patch → MICRO, lower counters restarting at 0; a missing counter
 *   falls back to the nearest lower one, else the nearest higher one. A new period
 *   restarts the counters, since the period already marks the change.
 * - date `release`: the calendar part is today's period. date `major` (Teradata-style):
 *   the calendar part is the birth date of the current API, kept from `previous` and
 *   moved to today only by a breaking change.
 * - A breaking change the version cannot show (no MAJOR, or counters `calendar`) is still
 *   released, with a note that it must be called out.
 * - `modifier` releases a prerelease of what the stable next would be, SemVer-style
 *   (`2024.02.2-rc.0`), or the next number of the same id (`-rc.0` → `-rc.1`). Without a
 *   modifier, a prerelease `previous` in the same period is made final (`2024.02.2`);
 *   in hybrid mode only if its base already holds the bump, as SemVer does.
 *
 * The result always sorts above `previous`.
 *
 * @throws VersoError `ECALVER` when today is before the previous release's period, a
 *   year cannot be written (before 2000 with YY/0Y), a second release in a period has no
 *   counter to go in, or the requested modifier would sort below `previous`.
 */
export function nextCalver(
  format: CalverFormat,
  previous: CalverVersion | null,
  today: Date,
  bump: Bump,
  options: CalverNextOptions
): CalverNext {
  if (bump === 'none') throw new Error('nextCalver: a bump of none releases nothing; the caller decides that before asking for a version')
  if (previous !== null && previous.format.text !== format.text) {
    throw new Error(`nextCalver: previous ${formatCalver(previous)} is not a version of ${format.text}`)
  }
  const modifierId = options.modifier === undefined ? null : checkModifierId(format, options.modifier)
  const todayPeriod = readTodayPeriod(format, today)
  const lowestCounter = format.counters.at(-1) ?? null
  const notes: string[] = []
  const stamp = (period: CalverPeriod, counters: Counters, id: string | null): CalverVersion =>
    makeVersion(format, period, counters, id === null ? null : { id, number: 0, spelling: 'dotted' })

  if (previous === null) {
    notes.push(`no previous release: the calendar part is today's period ${writePeriod(format, todayPeriod)}` +
      (lowestCounter === null ? '' : `, ${describeCounters(format.counters)} ${format.counters.length > 1 ? 'start' : 'starts'} at 0`))
    return { version: stamp(todayPeriod, zeroCounters(format), modifierId), change: { kind: 'first' }, notes }
  }

  const previousText = formatCalver(previous)
  const previousPeriod = writePeriod(format, previous.period)
  if (comparePeriods(todayPeriod, previous.period) < 0) {
    throw new VersoError('ECALVER', `The release date ${writeIsoDate(today)} (period ${writePeriod(format, todayPeriod)}) is earlier than the previous release ${previousText} (period ${previousPeriod}).`, {
      hint: 'verso never releases a lower version. Check the runner clock, --date or SOURCE_DATE_EPOCH.'
    })
  }

  const period = options.date === 'release' || bump === 'major' ? todayPeriod : previous.period
  const moved = comparePeriods(period, previous.period) !== 0
  notes.push(...explainDateRule(format, options, bump, previousPeriod, moved))

  let next: { version: CalverVersion; change: CalverChange }
  if (moved) {
    const to = writePeriod(format, period)
    notes.push(`calendar moved from ${previousPeriod} to ${to}` +
      (lowestCounter === null ? '' : `: ${describeCounters(format.counters)} ${format.counters.length > 1 ? 'restart' : 'restarts'} at 0`))
    next = { version: stamp(period, zeroCounters(format), modifierId), change: { kind: 'period', from: previousPeriod, to } }
  } else {
    const slot = options.counters === 'commits' ? chooseCounter(format, bump) : { counter: lowestCounter, note: null }
    const base = stamp(previous.period, previous.counters, null)
    if (previous.modifier !== null && (options.counters === 'calendar' || holdsBump(previous, slot.counter))) {
      next = continuePrerelease(previous, base, modifierId, notes)
    } else {
      if (slot.counter === null) {
        const example = format.text.replace(/(-MODIFIER)?$/, '.MICRO$1')
        throw new VersoError('ECALVER', `A second release in period ${previousPeriod} needs a MICRO in calver-format (e.g. ${example}).`, {
          hint: `${previousText} is already released, and ${format.text} has no counter to tell another release apart.`
        })
      }
      if (slot.note !== null) notes.push(slot.note)
      const counters = incrementCounter(format, previous.counters, slot.counter)
      notes.push(`same period ${previousPeriod} as ${previousText}: ${slot.counter} moves from ${previous.counters[slot.counter] ?? 0} to ${counters[slot.counter] ?? 0}` +
        describeResets(format, slot.counter))
      next = { version: stamp(previous.period, counters, modifierId), change: { kind: 'counter', counter: slot.counter } }
    }
  }
  if (modifierId !== null && next.change.kind !== 'modifier') {
    notes.push(`a prerelease: ${modifierId}.0 of ${writeSegments(next.version, false)}`)
  }

  if (compareCalver(next.version, previous) <= 0) {
    throw new Error(`nextCalver: ${formatCalver(next.version)} does not sort above ${previousText}`)
  }
  return { ...next, notes }
}

function readTodayPeriod(format: CalverFormat, today: Date): CalverPeriod {
  if (Number.isNaN(today.getTime())) {
    throw new VersoError('ECALVER', 'The release date is not a valid date.', { hint: 'Pass --date as YYYY-MM-DD, or SOURCE_DATE_EPOCH as seconds since 1970.' })
  }
  const period = readPeriod(format, today)
  if (!isWritableYear(format, period.year)) {
    const short = format.segments.find(({ token }) => token === 'YY' || token === '0Y')
    throw new VersoError('ECALVER', `The release date ${writeIsoDate(today)} cannot be written in calver-format ${format.text}.`, {
      hint: short === undefined
        ? 'YYYY writes the years 1000 to 9999. Check the clock, --date or SOURCE_DATE_EPOCH.'
        : `${short.token} counts years from 2000 (2006 is ${short.token === 'YY' ? '6' : '06'}). Use YYYY for earlier years, or check the clock, --date or SOURCE_DATE_EPOCH.`
    })
  }
  return period
}

function checkModifierId(format: CalverFormat, id: string): string {
  if (!format.modifier) {
    throw new VersoError('ECALVER', `calver-format ${format.text} has no MODIFIER, so it cannot release a "${id}" prerelease.`, {
      hint: `End the format with -MODIFIER (${format.text}-MODIFIER) to release versions such as ${format.text}-${id}.0.`
    })
  }
  if (!new RegExp(`^${MODIFIER_ID}$`).test(id)) {
    throw new VersoError('ECALVER', `The modifier "${id}" is not a modifier id.`, {
      hint: 'Use lower-case letters and digits, starting and ending with a letter: dev, alpha, beta or rc.'
    })
  }
  return id
}

function explainDateRule(format: CalverFormat, options: CalverNextOptions, bump: Bump, previousPeriod: string, moved: boolean): string[] {
  if (options.date === 'major') {
    if (bump !== 'major') return [`calver-date is major: the calendar part ${previousPeriod} is the current API's birth date and stays until a breaking change`]
    if (moved) return ['a breaking change moves the calendar part to today (calver-date: major)']
    return [`a breaking change would move the calendar part to today, but today is still in ${previousPeriod}: the counters carry it, so call it out in the release notes`]
  }
  if (bump !== 'major') return []
  if (options.counters === 'calendar') {
    return ['a breaking change has no slot in a calendar version (calver-bump: calendar): call it out in the release notes']
  }
  if (!format.counters.includes('MAJOR')) {
    return [`a breaking change has no slot in calver-format ${format.text} (no MAJOR): call it out in the release notes`]
  }
  return []
}

// The preferred counter for the bump, else the nearest lower one, else the nearest higher.
function chooseCounter(format: CalverFormat, bump: Exclude<Bump, 'none'>): { counter: CounterToken | null; note: string | null } {
  const wanted: CounterToken = bump === 'major' ? 'MAJOR' : bump === 'minor' ? 'MINOR' : 'MICRO'
  const at = COUNTER_TOKENS.indexOf(wanted)
  const order = [...COUNTER_TOKENS.slice(at), ...COUNTER_TOKENS.slice(0, at).reverse()]
  const counter = order.find((c) => format.counters.includes(c)) ?? null
  // A breaking change without MAJOR is already explained by explainDateRule.
  const note = counter === null || counter === wanted || bump === 'major'
    ? null
    : `a ${bump} change goes to ${counter}: calver-format ${format.text} has no ${wanted}`
  return { counter, note }
}

// A prerelease already holds a bump when every counter after the bump's counter is 0
// (2024.2.0-rc.0 holds a minor, 2024.1.1-rc.0 does not), as SemVer's inc() decides.
function holdsBump(previous: CalverVersion, counter: CounterToken | null): boolean {
  if (counter === null) return true
  const after = COUNTER_TOKENS.slice(COUNTER_TOKENS.indexOf(counter) + 1)
  return after.every((c) => (previous.counters[c] ?? 0) === 0)
}

function continuePrerelease(
  previous: CalverVersion,
  base: CalverVersion,
  modifierId: string | null,
  notes: string[]
): { version: CalverVersion; change: CalverChange } {
  const previousText = formatCalver(previous)
  const baseText = formatCalver(base)
  const modifier = previous.modifier
  if (modifier === null) throw new Error('continuePrerelease: previous is not a prerelease')
  if (modifierId === null) {
    notes.push(`${previousText} was a prerelease of ${baseText}: this is its final release`)
    return { version: base, change: { kind: 'final' } }
  }
  const number = modifierId === modifier.id ? modifier.number + 1 : 0
  const version = makeVersion(base.format, base.period, base.counters, { id: modifierId, number, spelling: 'dotted' })
  if (compareCalver(version, previous) <= 0) {
    throw new VersoError('ECALVER', `${formatCalver(version)} would sort below the previous release ${previousText}.`, {
      hint: `Modifiers order dev < alpha < beta < rc < final. Release ${modifier.id} again, a later stage, or the final ${baseText}.`
    })
  }
  notes.push(modifierId === modifier.id
    ? `${previousText} was ${modifier.id}.${modifier.number} of ${baseText}: this is ${modifierId}.${number}`
    : `${previousText} was ${modifier.id} of ${baseText}: this is ${modifierId}.0`)
  return { version, change: { kind: 'modifier', id: modifierId } }
}

function zeroCounters(format: CalverFormat): Counters {
  return Object.fromEntries(format.counters.map((c) => [c, 0]))
}

function incrementCounter(format: CalverFormat, counters: Counters, counter: CounterToken): Counters {
  const at = COUNTER_TOKENS.indexOf(counter)
  return Object.fromEntries(format.counters.map((c) => {
    const index = COUNTER_TOKENS.indexOf(c)
    return [c, index < at ? counters[c] ?? 0 : index === at ? (counters[c] ?? 0) + 1 : 0]
  }))
}

function describeResets(format: CalverFormat, counter: CounterToken): string {
  const after = format.counters.slice(format.counters.indexOf(counter) + 1)
  return after.length === 0 ? '' : `; ${describeCounters(after)} ${after.length > 1 ? 'restart' : 'restarts'} at 0`
}

function describeCounters(counters: readonly CounterToken[]): string {
  return counters.length <= 1 ? counters.join('') : `${counters.slice(0, -1).join(', ')} and ${counters.at(-1)}`
}

function writePeriod(format: CalverFormat, period: CalverPeriod): string {
  return writeSegments(makeVersion(format, period, {}, null), true)
}

function writeIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}
