import type { Bump } from '../../commits/bump.js'
import { VersoError } from '../../errors.js'
import { requirePep440Stage } from '../pep440.js'
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
  isCalverPrerelease,
  isModifierId,
  isPostRelease,
  makeVersion,
  type CalverModifier,
  type CalverVersion,
  type Counters
} from './version.js'
import type { CalverChange, CalverFormatOrigin, CalverReason } from './reasons.js'

/** How counters move: from the calendar alone, or from the commits' bump (hybrid). */
export type CalverCounterRule = 'calendar' | 'commits'
/** Which date the calendar part shows: each release's, or the last breaking change's. */
export type CalverDateRule = 'release' | 'major'
/**
 * Which period a final release takes after its prereleases: its own release date's, or
 * that of the prereleases (`22.8.0rc1` in August, final `22.8.0` in September).
 */
export type CalverFinalRule = 'release-period' | 'prerelease-period'

export interface CalverNextOptions {
  readonly counters: CalverCounterRule
  readonly date: CalverDateRule
  /** A modifier id (`rc`, `beta`, …) to release a prerelease of the next version. */
  readonly modifier?: string | undefined
  /** Where the first counter of a new period starts (`2014.1`, `21.1.0`); the others start at 0. */
  readonly counterStart?: 0 | 1
  /** The number of a modifier's first prerelease: 0 (`-rc.0`, `rc0`) or 1 (`-rc.1`, `rc1`). */
  readonly modifierStart?: 0 | 1
  /** Which period a final release takes after its prereleases; `release-period` unless told. */
  readonly final?: CalverFinalRule
  /** A PEP 440 post-release of the last release (`24.1` → `24.1.post1`), whatever the date and the bump. */
  readonly post?: boolean
  /** Every version already tagged, reachable or not: one that is taken is skipped for the next free one. */
  readonly taken?: readonly CalverVersion[]
  /** Where the format came from, when it was not given: the first reason says so. */
  readonly origin?: CalverFormatOrigin | null
}

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
 *   in hybrid mode only if its base already holds the bump, as SemVer does. In the PEP
 *   440 style the modifier is PEP 440's stage (`beta` is released as `24.1b0`).
 * - final `prerelease-period`: a final release (or the next prerelease) keeps the period
 *   of the prerelease it finishes, the previous one or one tagged elsewhere, whatever
 *   today's is (`22.8.0rc1` in August, `22.8.0` in September).
 * - `post`: the previous final release again, with the next PEP 440 post number.
 * - A version in `taken` (tagged on another branch, withdrawn) is skipped for the next
 *   free one: the next modifier number, else the counter that moved.
 *
 * The result always sorts above `previous`.
 *
 * @throws VersoError `ECALVER` when today is before the previous release's period, a
 *   year cannot be written (before 2000 with YY/0Y, after 9999), a second release in a
 *   period has no counter to go in, the requested modifier would sort below `previous`,
 *   or a post-release has no final release to follow.
 */
export function nextCalver(
  format: CalverFormat,
  previous: CalverVersion | null,
  today: Date,
  bump: Bump,
  options: CalverNextOptions
): CalverNext {
  if (bump === 'none') throw new Error('nextCalver: a bump of none releases nothing; the caller decides that before asking for a version')
  if (previous !== null && (previous.format.text !== format.text || previous.format.style !== format.style)) {
    throw new Error(`nextCalver: previous ${formatCalver(previous)} is not a version of ${format.text}`)
  }
  const modifierId = options.modifier === undefined ? null : checkModifierId(format, options.modifier)
  const origin: CalverReason[] = options.origin ? [{ kind: 'format-origin', ...options.origin }] : []
  const next = decideNext(format, previous, today, bump, options, modifierId)
  const free = skipTaken(format, next, options.taken ?? [])
  if (previous !== null && compareCalver(free.version, previous) <= 0) {
    throw new Error(`nextCalver: ${formatCalver(free.version)} does not sort above ${formatCalver(previous)}`)
  }
  return { ...free, reasons: [...origin, ...free.reasons] }
}

function decideNext(
  format: CalverFormat,
  previous: CalverVersion | null,
  today: Date,
  bump: Exclude<Bump, 'none'>,
  options: CalverNextOptions,
  modifierId: string | null
): CalverNext {
  if (options.post) return makePostRelease(format, previous, modifierId)
  const todayPeriod = readTodayPeriod(format, today)
  if (previous !== null && comparePeriods(todayPeriod, previous.period) < 0) {
    const todayText = `${writeReleaseDate(today)} (period ${formatCalverPeriod(format, todayPeriod)})`
    const previousText = `${formatCalver(previous)} (period ${formatCalverPeriod(format, previous.period)})`
    throw new VersoError('ECALVER', `The release date ${todayText} is earlier than the previous release ${previousText}.`, {
      hint: 'verso never releases a lower version. Check the runner clock, --date or SOURCE_DATE_EPOCH.'
    })
  }
  const pending = options.final === 'prerelease-period' ? findPendingPrerelease(previous, options.taken ?? []) : null
  if (pending !== null) return finishInItsPeriod(format, pending, todayPeriod, bump, options, modifierId)

  if (previous === null) {
    return {
      version: makeVersion(
        format,
        todayPeriod,
        startCounters(format, options.counterStart ?? 0),
        startModifier(format, modifierId, options)
      ),
      change: { kind: 'first' },
      reasons: [{ kind: 'first-release', period: formatCalverPeriod(format, todayPeriod), counters: format.counters }]
    }
  }

  const previousPeriod = formatCalverPeriod(format, previous.period)
  const period = options.date === 'release' || bump === 'major' ? todayPeriod : previous.period
  const moved = comparePeriods(period, previous.period) !== 0
  const step = moved
    ? moveToPeriod(format, previous, period, modifierId, options)
    : stepInPeriod(format, previous, bump, options, modifierId)
  const reasons = [...explainDateRule(format, options, bump, previousPeriod, moved), ...step.reasons]
  if (modifierId !== null && step.change.kind !== 'modifier') reasons.push(explainPrereleaseStart(step.version, modifierId))
  return { version: step.version, change: step.change, reasons }
}

function explainPrereleaseStart(version: CalverVersion, id: string): CalverReason {
  const base = makeVersion(version.format, version.period, version.counters, null)
  return { kind: 'prerelease-start', id, number: version.modifier?.number ?? 0, base: formatCalver(base) }
}

// The prerelease a final release (or the next prerelease) finishes: the previous release
// itself on a prerelease line, else the highest prerelease tagged above it whose version is
// not released yet (the release line builds on stable releases; the prereleases may have
// been made on another branch). Released versions are compared as written, in one pass.
function findPendingPrerelease(previous: CalverVersion | null, taken: readonly CalverVersion[]): CalverVersion | null {
  if (previous !== null && isCalverPrerelease(previous)) return previous
  const released = new Set(taken.flatMap((v) => (isCalverPrerelease(v) ? [] : [formatCalver(baseOf(v))])))
  let pending: CalverVersion | null = null
  for (const version of taken) {
    if (!isCalverPrerelease(version) || (pending !== null && compareCalver(version, pending) <= 0)) continue
    const base = baseOf(version)
    if ((previous === null || compareCalver(base, previous) > 0) && !released.has(formatCalver(base))) pending = version
  }
  return pending
}

// calver-final `prerelease-period`: what the prerelease began is finished in its period,
// whatever today's is: its final, or its next prerelease.
function finishInItsPeriod(
  format: CalverFormat,
  pending: CalverVersion,
  todayPeriod: CalverPeriod,
  bump: Exclude<Bump, 'none'>,
  options: CalverNextOptions,
  modifierId: string | null
): CalverNext {
  const step = stepInPeriod(format, pending, bump, options, modifierId)
  const reasons: CalverReason[] =
    comparePeriods(todayPeriod, pending.period) === 0
      ? []
      : [{ kind: 'prerelease-period', prerelease: formatCalver(pending), period: formatCalverPeriod(format, pending.period) }]
  reasons.push(...step.reasons)
  if (modifierId !== null && step.change.kind !== 'modifier') reasons.push(explainPrereleaseStart(step.version, modifierId))
  return { version: step.version, change: step.change, reasons }
}

// A post-release makes the last final release again (packaging, documentation): its
// numbers stay, whatever the date, and only the post number moves.
function makePostRelease(format: CalverFormat, previous: CalverVersion | null, modifierId: string | null): CalverNext {
  if (format.style !== 'pep440') {
    throw new VersoError('ECALVER', `A post-release (bump: post) is PEP 440's, and calver-format ${format.text} is written SemVer-style.`, {
      hint: 'Set version-style: pep440 to release 24.1.post1 after 24.1.'
    })
  }
  if (modifierId !== null) {
    throw new VersoError('ECALVER', `A post-release (bump: post) is a final release, and this one is a "${modifierId}" prerelease.`, {
      hint: 'Make post-releases where stable releases are made (no prerelease channel).'
    })
  }
  if (previous === null) {
    throw new VersoError('ECALVER', 'There is no release yet to make a post-release (bump: post) of.', {
      hint: 'bump: post releases the last release again with .postN (24.1 → 24.1.post1): release a version first.'
    })
  }
  const previousText = formatCalver(previous)
  if (isCalverPrerelease(previous)) {
    throw new VersoError(
      'ECALVER',
      `The last release ${previousText} is a prerelease: a post-release (bump: post) follows a final release.`,
      {
        hint: `Release the final ${formatCalver(baseOf(previous))} first, or release the next prerelease.`
      }
    )
  }
  const number = previous.modifier === null ? 1 : previous.modifier.number + 1
  return {
    version: makeVersion(format, previous.period, previous.counters, { id: 'post', number, spelling: 'pep440' }),
    change: { kind: 'post' },
    reasons: [{ kind: 'post-release', previous: previousText, number }]
  }
}

// A version tagged already (on a branch not merged, or withdrawn) is never made twice: the
// count goes on to the first free version. Versions are compared as values (`rc0` is
// `-rc.0`, `20.0.0` is `20.0`), through their SemVer-style writing. A format without a
// counter has no next free version in the period: the plan then reports the tag as taken.
function skipTaken(format: CalverFormat, next: CalverNext, taken: readonly CalverVersion[]): CalverNext {
  if (taken.length === 0) return next
  const tagged = new Set(taken.map(identify))
  const skipped: string[] = []
  let version = next.version
  while (tagged.has(identify(version))) {
    const following = followVersion(format, version, next.change)
    if (following === null) break
    skipped.push(formatCalver(version))
    version = following
  }
  if (skipped.length === 0) return next
  return { version, change: next.change, reasons: [...next.reasons, { kind: 'tag-taken', taken: skipped, next: formatCalver(version) }] }
}

function identify(version: CalverVersion): string {
  const { modifier } = version
  return formatCalver(makeVersion(version.format, version.period, version.counters, modifier && { ...modifier, spelling: 'dotted' }))
}

// The version after one that is taken: the next modifier number, or the counter that moved
// (the lowest counter when the period did).
function followVersion(format: CalverFormat, version: CalverVersion, change: CalverChange): CalverVersion | null {
  const { modifier } = version
  if (modifier !== null) return makeVersion(format, version.period, version.counters, { ...modifier, number: modifier.number + 1 })
  const counter = change.kind === 'counter' ? change.counter : (format.counters.at(-1) ?? null)
  return counter === null ? null : makeVersion(format, version.period, incrementCounter(format, version.counters, counter), null)
}

function baseOf(version: CalverVersion): CalverVersion {
  return makeVersion(version.format, version.period, version.counters, null)
}

function readTodayPeriod(format: CalverFormat, today: Date): CalverPeriod {
  if (Number.isNaN(today.getTime())) {
    throw new VersoError('ECALVER', 'The release date is not a valid date.', {
      hint: 'Pass --date as YYYY-MM-DD, or SOURCE_DATE_EPOCH as seconds since 1970.'
    })
  }
  const period = readPeriod(format, today)
  if (period.year > 9999) {
    const message = `The release date ${writeReleaseDate(today)} is in the year ${period.year}, past 9999, the last year a CalVer version writes.`
    throw new VersoError('ECALVER', message, {
      hint:
        'The clock is wrong, or the release date was set so: set SOURCE_DATE_EPOCH to seconds since 1970 ' +
        '(e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)), or pass --date YYYY-MM-DD to the CLI.'
    })
  }
  if (!isWritableYear(format, period.year)) {
    const short = format.segments.find(({ token }) => token === 'YY' || token === '0Y')
    throw new VersoError('ECALVER', `The release date ${writeReleaseDate(today)} cannot be written in calver-format ${format.text}.`, {
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
  // PEP 440 has its own stages, and a channel named for one (beta) is released as it (b).
  if (format.style === 'pep440') return requirePep440Stage(id)
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
  options: CalverNextOptions
): CalverNext {
  const from = formatCalverPeriod(format, previous.period)
  const to = formatCalverPeriod(format, period)
  return {
    version: makeVersion(format, period, startCounters(format, options.counterStart ?? 0), startModifier(format, modifierId, options)),
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
  // A post-release is a final release: the next version moves on from its numbers.
  if (
    previous.modifier !== null &&
    !isPostRelease(previous.modifier) &&
    (options.counters === 'calendar' || holdsBump(previous, slot.counter))
  ) {
    return continuePrerelease(previous, previous.modifier, base, modifierId, options)
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
    version: makeVersion(format, previous.period, counters, startModifier(format, modifierId, options)),
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

function continuePrerelease(
  previous: CalverVersion,
  modifier: CalverModifier,
  base: CalverVersion,
  modifierId: string | null,
  options: CalverNextOptions
): CalverNext {
  const previousText = formatCalver(previous)
  const baseText = formatCalver(base)
  if (modifierId === null) {
    return { version: base, change: { kind: 'final' }, reasons: [{ kind: 'prerelease-final', previous: previousText, base: baseText }] }
  }
  const started = startModifier(base.format, modifierId, options)!
  const version = makeVersion(
    base.format,
    base.period,
    base.counters,
    modifierId === modifier.id ? { ...started, number: modifier.number + 1 } : started
  )
  if (compareCalver(version, previous) <= 0) {
    const order = base.format.style === 'pep440' ? '.devN < aN < bN < rcN < final' : 'dev < alpha < beta < rc < final'
    throw new VersoError('ECALVER', `${formatCalver(version)} would sort below the previous release ${previousText}.`, {
      hint: `Modifiers order ${order}. Release ${modifier.id} again, a later stage, or the final ${baseText}.`
    })
  }
  const number = version.modifier?.number ?? 0
  const reason: CalverReason =
    modifierId === modifier.id
      ? { kind: 'prerelease-next', previous: previousText, base: baseText, id: modifierId, from: modifier.number, to: number }
      : { kind: 'prerelease-switch', previous: previousText, base: baseText, previousId: modifier.id, id: modifierId, number }
  return { version, change: { kind: 'modifier', id: modifierId }, reasons: [reason] }
}

// verso writes the modifiers it starts in the format's style: SemVer's `-rc.0`, PEP 440's `rc0`.
function startModifier(format: CalverFormat, id: string | null, options: CalverNextOptions): CalverModifier | null {
  if (id === null) return null
  return { id, number: options.modifierStart ?? 0, spelling: format.style === 'pep440' ? 'pep440' : 'dotted' }
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

// As the user would write it: a date at midnight UTC (from --date, or dated in a time zone)
// as the date, any other instant in full; ISO 8601 writes a year past 9999 as +010000.
function writeReleaseDate(date: Date): string {
  const instant = date.toISOString()
  return instant.endsWith('T00:00:00.000Z') ? instant.slice(0, -'T00:00:00.000Z'.length) : instant
}
