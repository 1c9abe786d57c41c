import type { Bump } from '../../commits/bump.js'
import { VersoError } from '../../errors.js'
import {
  comparePeriods,
  COUNTER_TOKENS,
  isWritableYear,
  readPeriod,
  type CalverFormat,
  type CalverPeriod,
  type CounterToken
} from './format.js'
import {
  compareCalver,
  formatCalver,
  formatCalverPeriod,
  isModifierId,
  makeVersion,
  type CalverModifier,
  type CalverVersion,
  type Counters
} from './version.js'

/** How counters move: from the calendar alone, or from the commits' bump (hybrid). */
export type CalverCounterRule = 'calendar' | 'commits'
/** Which date the calendar part shows: each release's, or the last breaking change's. */
export type CalverDateRule = 'release' | 'major'

export interface CalverNextOptions {
  readonly counters: CalverCounterRule
  readonly date: CalverDateRule
  /** A modifier id (`rc`, `beta`, …) to release a prerelease of the next version. */
  readonly modifier?: string | undefined
  /** Where the first counter of a new period starts (`2014.1`, `21.1.0`); the others start at 0. */
  readonly counterStart?: 0 | 1
}

/** What a next version changed relative to the previous one, for the plan's reasons. */
export type CalverChange =
  | { readonly kind: 'first' }
  | { readonly kind: 'period'; readonly from: string; readonly to: string }
  | { readonly kind: 'counter'; readonly counter: CounterToken }
  | { readonly kind: 'final' }
  | { readonly kind: 'modifier'; readonly id: string }

/**
 * A breaking change released in a version that cannot show it, so the release notes must
 * call it out. One kind, whatever the cause, so that readers need to look for one only.
 */
export type CalverBreakingNotShown =
  /** calver-bump `calendar`: only the calendar moves the counters. */
  | { readonly kind: 'breaking-not-shown'; readonly why: 'calendar-bump' }
  /** The format (its text) has no MAJOR for the change to bump. */
  | { readonly kind: 'breaking-not-shown'; readonly why: 'no-major'; readonly format: string }
  /** calver-date `major`: the calendar part would move, but today is still in its period. */
  | { readonly kind: 'breaking-not-shown'; readonly why: 'same-period'; readonly period: string }

/**
 * One step of the reasoning behind a next version, as data for whoever explains it.
 * Periods and versions are given as written (`2024.02`, `2024.02.1`), counters in format order.
 */
export type CalverReason =
  /** No previous release: the calendar part is today's period and the counters start at 0. */
  | { readonly kind: 'first-release'; readonly period: string; readonly counters: readonly CounterToken[] }
  /** calver-date `major` without a breaking change: the calendar part stays. */
  | { readonly kind: 'date-held'; readonly period: string }
  /** calver-date `major`: a breaking change moves the calendar part to today. */
  | { readonly kind: 'breaking-moves-date' }
  /** A new period, in which the counters restart at 0. */
  | { readonly kind: 'period-moved'; readonly from: string; readonly to: string; readonly counters: readonly CounterToken[] }
  /** The same period as the previous release: one counter moves, the ones after it restart at 0. */
  | {
      readonly kind: 'counter-moved'
      readonly period: string
      readonly previous: string
      readonly counter: CounterToken
      readonly from: number
      readonly to: number
      readonly resets: readonly CounterToken[]
    }
  /** The bump's own counter is not in the format, so the change goes to another one. */
  | {
      readonly kind: 'counter-fallback'
      readonly bump: Exclude<Bump, 'none' | 'major'>
      readonly wanted: CounterToken
      readonly counter: CounterToken
      readonly format: string
    }
  /** Another prerelease of the same id as the previous one (`base` is the version it leads to). */
  | {
      readonly kind: 'prerelease-next'
      readonly previous: string
      readonly base: string
      readonly id: string
      readonly from: number
      readonly to: number
    }
  /** A prerelease of another stage (`id`) than the previous one (`previousId`); a new id starts at 0. */
  | {
      readonly kind: 'prerelease-switch'
      readonly previous: string
      readonly base: string
      readonly previousId: string
      readonly id: string
    }
  /** The final release of the previous prerelease. */
  | { readonly kind: 'prerelease-final'; readonly previous: string; readonly base: string }
  /** A prerelease, number 0 of the id, of the version that would be released without one. */
  | { readonly kind: 'prerelease-start'; readonly id: string; readonly base: string }
  | CalverBreakingNotShown

export interface CalverNext {
  readonly version: CalverVersion
  readonly change: CalverChange
  /** Why this version, in the order the decision was made, for release notes and dry runs. */
  readonly reasons: readonly CalverReason[]
}

/**
 * Decides the version after `previous` for a release on `today` (a UTC instant; the
 * caller's clock, `--date` or `SOURCE_DATE_EPOCH`), explaining each step in `reasons`.
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
 *   released, with a `breaking-not-shown` reason: it must be called out.
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

  if (previous === null) {
    return {
      version: makeVersion(format, todayPeriod, startCounters(format, options.counterStart ?? 0), startModifier(modifierId)),
      change: { kind: 'first' },
      reasons: [{ kind: 'first-release', period: formatCalverPeriod(format, todayPeriod), counters: format.counters }]
    }
  }

  const previousText = formatCalver(previous)
  const previousPeriod = formatCalverPeriod(format, previous.period)
  if (comparePeriods(todayPeriod, previous.period) < 0) {
    const todayText = `${writeIsoDate(today)} (period ${formatCalverPeriod(format, todayPeriod)})`
    const message = `The release date ${todayText} is earlier than the previous release ${previousText} (period ${previousPeriod}).`
    throw new VersoError('ECALVER', message, {
      hint: 'verso never releases a lower version. Check the runner clock, --date or SOURCE_DATE_EPOCH.'
    })
  }

  const period = options.date === 'release' || bump === 'major' ? todayPeriod : previous.period
  const moved = comparePeriods(period, previous.period) !== 0
  const step = moved
    ? moveToPeriod(format, previous, period, modifierId, options.counterStart ?? 0)
    : stepInPeriod(format, previous, bump, options, modifierId)
  const reasons = [...explainDateRule(format, options, bump, previousPeriod, moved), ...step.reasons]
  if (modifierId !== null && step.change.kind !== 'modifier') {
    const base = makeVersion(format, step.version.period, step.version.counters, null)
    reasons.push({ kind: 'prerelease-start', id: modifierId, base: formatCalver(base) })
  }

  if (compareCalver(step.version, previous) <= 0) {
    throw new Error(`nextCalver: ${formatCalver(step.version)} does not sort above ${previousText}`)
  }
  return { version: step.version, change: step.change, reasons }
}

function readTodayPeriod(format: CalverFormat, today: Date): CalverPeriod {
  if (Number.isNaN(today.getTime())) {
    throw new VersoError('ECALVER', 'The release date is not a valid date.', {
      hint: 'Pass --date as YYYY-MM-DD, or SOURCE_DATE_EPOCH as seconds since 1970.'
    })
  }
  const period = readPeriod(format, today)
  if (!isWritableYear(format, period.year)) {
    const short = format.segments.find(({ token }) => token === 'YY' || token === '0Y')
    throw new VersoError('ECALVER', `The release date ${writeIsoDate(today)} cannot be written in calver-format ${format.text}.`, {
      hint:
        short === undefined
          ? 'YYYY writes the years 1000 to 9999. Check the clock, --date or SOURCE_DATE_EPOCH.'
          : `${short.token} counts years from 2000 (2006 is ${short.token === 'YY' ? '6' : '06'}). ` +
            'Use YYYY for earlier years, or check the clock, --date or SOURCE_DATE_EPOCH.'
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
  if (!isModifierId(id)) {
    throw new VersoError('ECALVER', `The modifier "${id}" is not a modifier id.`, {
      hint: 'Use lower-case letters and digits, starting and ending with a letter: dev, alpha, beta or rc.'
    })
  }
  return id
}

function explainDateRule(
  format: CalverFormat,
  options: CalverNextOptions,
  bump: Bump,
  previousPeriod: string,
  moved: boolean
): CalverReason[] {
  if (options.date === 'major') {
    if (bump !== 'major') return [{ kind: 'date-held', period: previousPeriod }]
    if (moved) return [{ kind: 'breaking-moves-date' }]
    return [{ kind: 'breaking-not-shown', why: 'same-period', period: previousPeriod }]
  }
  if (bump !== 'major') return []
  if (options.counters === 'calendar') return [{ kind: 'breaking-not-shown', why: 'calendar-bump' }]
  if (!format.counters.includes('MAJOR')) return [{ kind: 'breaking-not-shown', why: 'no-major', format: format.text }]
  return []
}

// A new period marks the change itself, so every counter restarts whatever the bump.
function moveToPeriod(
  format: CalverFormat,
  previous: CalverVersion,
  period: CalverPeriod,
  modifierId: string | null,
  counterStart: 0 | 1
): CalverNext {
  const from = formatCalverPeriod(format, previous.period)
  const to = formatCalverPeriod(format, period)
  return {
    version: makeVersion(format, period, startCounters(format, counterStart), startModifier(modifierId)),
    change: { kind: 'period', from, to },
    reasons: [{ kind: 'period-moved', from, to, counters: format.counters }]
  }
}

function stepInPeriod(
  format: CalverFormat,
  previous: CalverVersion,
  bump: Exclude<Bump, 'none'>,
  options: CalverNextOptions,
  modifierId: string | null
): CalverNext {
  const slot = options.counters === 'commits' ? chooseCounter(format, bump) : { counter: format.counters.at(-1) ?? null, fallback: null }
  const base = makeVersion(format, previous.period, previous.counters, null)
  if (previous.modifier !== null && (options.counters === 'calendar' || holdsBump(previous, slot.counter))) {
    return continuePrerelease(previous, previous.modifier, base, modifierId)
  }
  const previousText = formatCalver(previous)
  const period = formatCalverPeriod(format, previous.period)
  if (slot.counter === null) {
    const example = format.text.replace(/(-MODIFIER)?$/, '.MICRO$1')
    throw new VersoError('ECALVER', `A second release in period ${period} needs a MICRO in calver-format (e.g. ${example}).`, {
      hint: `${previousText} is already released, and ${format.text} has no counter to tell another release apart.`
    })
  }
  const counters = incrementCounter(format, previous.counters, slot.counter)
  const move: CalverReason = {
    kind: 'counter-moved',
    period,
    previous: previousText,
    counter: slot.counter,
    from: previous.counters[slot.counter] ?? 0,
    to: counters[slot.counter] ?? 0,
    resets: format.counters.slice(format.counters.indexOf(slot.counter) + 1)
  }
  return {
    version: makeVersion(format, previous.period, counters, startModifier(modifierId)),
    change: { kind: 'counter', counter: slot.counter },
    reasons: slot.fallback === null ? [move] : [slot.fallback, move]
  }
}

// The preferred counter for the bump, else the nearest lower one, else the nearest higher.
function chooseCounter(format: CalverFormat, bump: Exclude<Bump, 'none'>): { counter: CounterToken | null; fallback: CalverReason | null } {
  const wanted: CounterToken = bump === 'major' ? 'MAJOR' : bump === 'minor' ? 'MINOR' : 'MICRO'
  const at = COUNTER_TOKENS.indexOf(wanted)
  const order = [...COUNTER_TOKENS.slice(at), ...COUNTER_TOKENS.slice(0, at).reverse()]
  const counter = order.find((c) => format.counters.includes(c)) ?? null
  // A breaking change without MAJOR is already explained by explainDateRule.
  const fallback: CalverReason | null =
    counter === null || counter === wanted || bump === 'major'
      ? null
      : { kind: 'counter-fallback', bump, wanted, counter, format: format.text }
  return { counter, fallback }
}

// A prerelease already holds a bump when every counter after the bump's counter is 0
// (2024.2.0-rc.0 holds a minor, 2024.1.1-rc.0 does not), as SemVer's inc() decides.
function holdsBump(previous: CalverVersion, counter: CounterToken | null): boolean {
  if (counter === null) return true
  const after = COUNTER_TOKENS.slice(COUNTER_TOKENS.indexOf(counter) + 1)
  return after.every((c) => (previous.counters[c] ?? 0) === 0)
}

function continuePrerelease(previous: CalverVersion, modifier: CalverModifier, base: CalverVersion, modifierId: string | null): CalverNext {
  const previousText = formatCalver(previous)
  const baseText = formatCalver(base)
  if (modifierId === null) {
    return { version: base, change: { kind: 'final' }, reasons: [{ kind: 'prerelease-final', previous: previousText, base: baseText }] }
  }
  const number = modifierId === modifier.id ? modifier.number + 1 : 0
  const version = makeVersion(base.format, base.period, base.counters, { id: modifierId, number, spelling: 'dotted' })
  if (compareCalver(version, previous) <= 0) {
    throw new VersoError('ECALVER', `${formatCalver(version)} would sort below the previous release ${previousText}.`, {
      hint: `Modifiers order dev < alpha < beta < rc < final. Release ${modifier.id} again, a later stage, or the final ${baseText}.`
    })
  }
  const reason: CalverReason =
    modifierId === modifier.id
      ? { kind: 'prerelease-next', previous: previousText, base: baseText, id: modifierId, from: modifier.number, to: number }
      : { kind: 'prerelease-switch', previous: previousText, base: baseText, previousId: modifier.id, id: modifierId }
  return { version, change: { kind: 'modifier', id: modifierId }, reasons: [reason] }
}

// verso writes the modifiers it starts SemVer-style, from 0.
function startModifier(id: string | null): CalverModifier | null {
  return id === null ? null : { id, number: 0, spelling: 'dotted' }
}

/** A new period's counters: the first (leftmost) at `start`, the rest at 0. */
function startCounters(format: CalverFormat, start: 0 | 1): Counters {
  return Object.fromEntries(format.counters.map((c, i) => [c, i === 0 ? start : 0]))
}

function incrementCounter(format: CalverFormat, counters: Counters, counter: CounterToken): Counters {
  const at = COUNTER_TOKENS.indexOf(counter)
  return Object.fromEntries(
    format.counters.map((c) => {
      const index = COUNTER_TOKENS.indexOf(c)
      return [c, index < at ? (counters[c] ?? 0) : index === at ? (counters[c] ?? 0) + 1 : 0]
    })
  )
}

function writeIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}
