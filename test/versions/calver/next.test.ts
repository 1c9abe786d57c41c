import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Bump } from '../../../src/commits/bump.js'
import { VersoError } from '../../../src/errors.js'
import { describeCalverReason } from '../../../src/report/calver-reasons.js'
import { parseCalverFormat } from '../../../src/versions/calver/format.js'
import { nextCalver, type CalverNext, type CalverNextOptions } from '../../../src/versions/calver/next.js'
import { compareCalver, formatCalver, isSemverCompatible, parseCalver, type CalverVersion } from '../../../src/versions/calver/version.js'

const DEFAULTS: CalverNextOptions = { counters: 'calendar', date: 'release' }

function readDate(text: string): Date {
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : text)
}

function parseOrFail(format: string, text: string): CalverVersion {
  const version = parseCalver(parseCalverFormat(format), text)
  if (version === null) throw new Error(`fixture: ${text} does not fit ${format}`)
  return version
}

function runNext(format: string, previous: string | null, today: string, bump: Bump, options: Partial<CalverNextOptions>): CalverNext {
  const parsed = parseCalverFormat(format)
  return nextCalver(parsed, previous === null ? null : parseOrFail(format, previous), readDate(today), bump, { ...DEFAULTS, ...options })
}

function catchError(run: () => unknown): VersoError {
  try {
    run()
  } catch (error) {
    if (error instanceof VersoError) return error
    throw error
  }
  throw new Error('expected a VersoError')
}

// The reasons as the sentences release notes and dry runs show.
function sentences(next: CalverNext): string[] {
  return next.reasons.map(describeCalverReason)
}

type NextRow = [format: string, previous: string | null, today: string, bump: Bump, options: Partial<CalverNextOptions>, expected: string]

const calendar = {}
const commits = { counters: 'commits' } as const
const teradata = { counters: 'commits', date: 'major' } as const

const NEXT: readonly NextRow[] = [
  // Ubuntu
  ['YY.0M', '16.04', '2016-10-13', 'patch', calendar, '16.10'],
  ['YY.0M', null, '2016-04-21', 'minor', calendar, '16.04'],
  // Twisted
  ['YY.MM.MICRO', '16.4.0', '2016-04-20', 'patch', calendar, '16.4.1'],
  ['YY.MM.MICRO', '16.4.1', '2016-06-01', 'minor', calendar, '16.6.0'],
  // youtube-dl
  ['YYYY.0M.0D', '2016.09.18', '2016-09-19', 'patch', calendar, '2016.09.19'],
  ['YYYY.0M.0D.MICRO', '2016.09.19.0', '2016-09-19', 'patch', calendar, '2016.09.19.1'],
  ['YYYY.0M.0D.MICRO', '2016.09.19.1', '2016-09-20', 'patch', calendar, '2016.09.20.0'],
  // pytz
  ['YYYY.MINOR', '2016.4', '2016-06-01', 'patch', calendar, '2016.5'],
  ['YYYY.MINOR', '2016.10', '2017-01-02', 'patch', calendar, '2017.0'],
  // pip
  ['YY.MINOR.MICRO', '19.3.1', '2020-01-21', 'minor', calendar, '20.0.0'],
  ['YY.MINOR.MICRO', '20.0.0', '2020-03-05', 'minor', calendar, '20.0.1'],
  ['YY.MINOR.MICRO', '20.0.2', '2020-04-01', 'minor', commits, '20.1.0'],
  ['YY.MINOR.MICRO', '20.1.0', '2020-04-20', 'patch', commits, '20.1.1'],
  // certifi
  ['YYYY.MM.DD', '2024.2.2', '2024-06-02', 'patch', calendar, '2024.6.2'],
  // OpenSCAD
  ['YYYY.0M', '2019.05', '2021-01-31', 'minor', calendar, '2021.01'],
  // Unity
  ['YYYY.MINOR.MICRO', '2018.1.3', '2018-05-02', 'patch', calendar, '2018.1.4'],
  ['YYYY.MINOR.MICRO', '2018.1.3', '2018-05-02', 'minor', commits, '2018.2.0'],
  ['YYYY.MINOR.MICRO', '2018.4.2', '2019-04-09', 'minor', commits, '2019.0.0'],
  // fusefs-ntfs
  ['YYYY.MM.DD_MICRO', '2010.10.2_0', '2010-10-02', 'patch', calendar, '2010.10.2_1'],
  ['YYYY.MM.DD_MICRO', '2010.10.2_1', '2010-10-03', 'patch', calendar, '2010.10.3_0'],
  // the brief's own case
  ['YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', calendar, '2024.02.2'],
  ['YYYY.0M.MICRO', '2024.02.1', '2024-03-01', 'patch', calendar, '2024.03.0'],
  ['YYYY.0M.MICRO', null, '2024-02-20', 'patch', calendar, '2024.02.0'],
  // dates are UTC: 23:30 in New York on 29 February is already 1 March
  ['YYYY.0M.MICRO', '2024.02.1', '2024-02-29T23:30:00-05:00', 'patch', calendar, '2024.03.0'],
  ['YYYY.0M.MICRO', '2024.02.1', '2024-02-29T23:59:59Z', 'patch', calendar, '2024.02.2'],
  // leap day, year end
  ['YYYY.0M.0D', '2024.02.28', '2024-02-29', 'patch', calendar, '2024.02.29'],
  ['YYYY.0M.0D', '2024.02.29', '2024-03-01', 'patch', calendar, '2024.03.01'],
  ['YYYY.0M.0D.MICRO', '2024.12.31.3', '2025-01-01', 'patch', calendar, '2025.01.01.0'],
  ['YY.0M.MICRO', '24.12.5', '2025-01-01', 'patch', calendar, '25.01.0'],
  // ISO weeks: the year is the ISO week-year
  ['YYYY.0W', null, '2020-12-31', 'patch', calendar, '2020.53'],
  ['YYYY.0W', null, '2021-01-02', 'patch', calendar, '2020.53'],
  ['YYYY.0W', null, '2021-01-04', 'patch', calendar, '2021.01'],
  ['YYYY.0W', '2024.52', '2024-12-30', 'patch', calendar, '2025.01'],
  ['YY.WW', null, '2024-12-30', 'patch', calendar, '25.1'],
  ['YYYY.0W.MICRO', '2020.53.0', '2021-01-02', 'patch', calendar, '2020.53.1'],
  ['YYYY.0W.MICRO', '2020.53.1', '2021-01-04', 'patch', calendar, '2021.01.0'],
  // short years count from 2000
  ['YY.0M', null, '2106-03-01', 'patch', calendar, '106.03'],
  ['0Y.MM', null, '2106-03-01', 'patch', calendar, '106.3'],
  ['YY.MM', '99.12', '2100-01-05', 'patch', calendar, '100.1'],
  ['0Y.0M', null, '2006-04-01', 'patch', calendar, '06.04'],
  ['YY.0M', null, '2000-01-01', 'patch', calendar, '0.01'],
  ['0Y.0M', null, '2000-01-01', 'patch', calendar, '00.01'],
  // hybrid: commits pick the counter in the same period
  ['YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-02-20', 'minor', commits, '2024.02.2.0'],
  ['YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-02-20', 'patch', commits, '2024.02.1.4'],
  ['YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-02-20', 'major', commits, '2024.02.2.0'],
  ['YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-03-20', 'major', commits, '2024.03.0.0'],
  ['YYYY.MAJOR.MINOR.MICRO', '2024.1.2.3', '2024-05-01', 'major', commits, '2024.2.0.0'],
  ['YYYY.MAJOR.MINOR.MICRO', '2024.1.2.3', '2024-05-01', 'minor', commits, '2024.1.3.0'],
  ['YYYY.MAJOR.MICRO', '2024.1.2', '2024-05-01', 'minor', commits, '2024.1.3'],
  ['YYYY.MAJOR', '2024.1', '2024-05-01', 'patch', commits, '2024.2'],
  ['YYYY.MINOR.MICRO', '2024.1.3', '2024-06-01', 'patch', commits, '2024.1.4'],
  ['YYYY.MINOR.MICRO', '2024.1.3', '2024-06-01', 'minor', commits, '2024.2.0'],
  ['YYYY.MINOR.MICRO', '2024.1.3', '2024-06-01', 'major', commits, '2024.2.0'],
  ['YYYY.MICRO', '2024.1', '2024-05-01', 'major', commits, '2024.2'],
  // Teradata-style: YY.0M is the birth of the current API and acts as the major
  ['YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'patch', teradata, '16.04.3.3'],
  ['YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'minor', teradata, '16.04.4.0'],
  ['YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'major', teradata, '24.11.0.0'],
  ['YY.0M.MINOR.MICRO', '24.11.0.0', '2024-11-20', 'major', teradata, '24.11.1.0'],
  ['YY.0M.MINOR.MICRO', null, '2016-04-02', 'minor', teradata, '16.04.0.0'],
  ['YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'patch', { date: 'major' }, '16.04.3.3'],
  // modifiers: written SemVer-style, read in either spelling
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1', '2024-02-20', 'patch', { modifier: 'rc' }, '2024.02.2-rc.0'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', { modifier: 'rc' }, '2024.02.2-rc.1'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.1', '2024-02-22', 'patch', calendar, '2024.02.2'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2-beta.3', '2024-02-22', 'patch', { modifier: 'rc' }, '2024.02.2-rc.0'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2-dev.3', '2024-02-22', 'patch', { modifier: 'alpha' }, '2024.02.2-alpha.0'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2rc1', '2024-02-22', 'patch', { modifier: 'rc' }, '2024.02.2-rc.2'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc1', '2024-02-22', 'patch', calendar, '2024.02.2'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.1', '2024-03-01', 'patch', calendar, '2024.03.0'],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.1', '2024-03-01', 'patch', { modifier: 'rc' }, '2024.03.0-rc.0'],
  ['YYYY.0M.MICRO-MODIFIER', null, '2024-03-01', 'patch', { modifier: 'dev' }, '2024.03.0-dev.0'],
  ['YY.0M-MODIFIER', '16.04rc2', '2016-04-21', 'patch', calendar, '16.04'],
  ['YY.0M-MODIFIER', '16.04-beta.1', '2016-04-21', 'patch', { modifier: 'rc' }, '16.04-rc.0'],
  // hybrid prereleases: the final only when the prerelease already holds the bump (as SemVer)
  ['YYYY.MINOR.MICRO-MODIFIER', '2024.2.0-rc.0', '2024-05-01', 'minor', commits, '2024.2.0'],
  ['YYYY.MINOR.MICRO-MODIFIER', '2024.1.1-rc.0', '2024-05-01', 'patch', commits, '2024.1.1'],
  ['YYYY.MINOR.MICRO-MODIFIER', '2024.1.1-rc.0', '2024-05-01', 'minor', commits, '2024.2.0'],
  ['YYYY.MINOR.MICRO-MODIFIER', '2024.1.1-rc.0', '2024-05-01', 'minor', { counters: 'commits', modifier: 'rc' }, '2024.2.0-rc.0'],
  ['YYYY.MINOR.MICRO-MODIFIER', '2024.2.0-rc.0', '2024-05-01', 'minor', { counters: 'commits', modifier: 'rc' }, '2024.2.0-rc.1']
]

describe('nextCalver', () => {
  it.each(NEXT)('%s: %s on %s (%s, %j) → %s', (format, previous, today, bump, options, expected) => {
    const next = runNext(format, previous, today, bump, options)
    expect(formatCalver(next.version)).toBe(expected)
    if (previous !== null) expect(compareCalver(next.version, parseOrFail(format, previous))).toBeGreaterThan(0)
    expect(next.reasons.length).toBeGreaterThan(0)
  })

  it('does not change the previous version it was given', () => {
    const previous = parseOrFail('YYYY.0M.MICRO', '2024.02.1')
    const copy = structuredClone(previous)
    runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', calendar)
    nextCalver(previous.format, previous, readDate('2024-03-01'), 'major', DEFAULTS)
    expect(previous).toEqual(copy)
  })

  it('explains a new period and a counter move', () => {
    expect(sentences(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-03-01', 'patch', calendar))).toContain(
      'calendar moved from 2024.02 to 2024.03: MICRO restarts at 0'
    )
    expect(sentences(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', calendar))).toContain(
      'same period 2024.02 as 2024.02.1: MICRO moves from 1 to 2'
    )
    expect(sentences(runNext('YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-02-20', 'minor', commits))).toContain(
      'same period 2024.02 as 2024.02.1.3: MINOR moves from 1 to 2; MICRO restarts at 0'
    )
  })

  it('reports what changed', () => {
    expect(runNext('YYYY.0M.MICRO', null, '2024-02-20', 'patch', calendar).change).toEqual({ kind: 'first' })
    expect(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-03-01', 'patch', calendar).change).toEqual({
      kind: 'period',
      from: '2024.02',
      to: '2024.03'
    })
    expect(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', calendar).change).toEqual({ kind: 'counter', counter: 'MICRO' })
    expect(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', calendar).change).toEqual({ kind: 'final' })
    expect(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', { modifier: 'rc' }).change).toEqual({
      kind: 'modifier',
      id: 'rc'
    })
  })

  it('calls out a breaking change the version cannot show', () => {
    const noMajor = runNext('YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-02-20', 'major', commits)
    expect(sentences(noMajor).join('\n')).toMatch(
      /breaking change has no slot in calver-format YYYY\.0M\.MINOR\.MICRO \(no MAJOR\): call it out/
    )
    const calendarMode = runNext('YYYY.MAJOR.MICRO', '2024.1.2', '2024-02-20', 'major', calendar)
    expect(sentences(calendarMode).join('\n')).toMatch(/no slot in a calendar version/)
    const withMajor = runNext('YYYY.MAJOR.MINOR.MICRO', '2024.1.2.3', '2024-05-01', 'major', commits)
    expect(sentences(withMajor).join('\n')).not.toMatch(/no slot/)
    const fallback = runNext('YYYY.MAJOR', '2024.1', '2024-05-01', 'patch', commits)
    expect(sentences(fallback)).toContain('a patch change goes to MAJOR: calver-format YYYY.MAJOR has no MICRO')
  })

  it('explains a prerelease', () => {
    expect(sentences(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.1', '2024-02-20', 'patch', { modifier: 'rc' }))).toEqual([
      'same period 2024.02 as 2024.02.1: MICRO moves from 1 to 2',
      'a prerelease: rc.0 of 2024.02.2'
    ])
    expect(sentences(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', { modifier: 'rc' }))).toEqual([
      '2024.02.2-rc.0 was rc.0 of 2024.02.2: this is rc.1'
    ])
    expect(sentences(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.1', '2024-02-22', 'patch', calendar))).toEqual([
      '2024.02.2-rc.1 was a prerelease of 2024.02.2: this is its final release'
    ])
  })

  it('explains the Teradata-style date rule', () => {
    expect(sentences(runNext('YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'patch', teradata)).join('\n')).toMatch(
      /calendar part 16\.04 is the current API's birth date/
    )
    expect(sentences(runNext('YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'major', teradata))).toContain(
      'calendar moved from 16.04 to 24.11: MINOR and MICRO restart at 0'
    )
  })

  it('refuses to go back when the clock is earlier than the previous release', () => {
    const error = catchError(() => runNext('YYYY.0M.MICRO', '2024.03.0', '2024-02-28', 'patch', calendar))
    expect(error.code).toBe('ECALVER')
    expect(error.message).toBe(
      'The release date 2024-02-28 (period 2024.02) is earlier than the previous release 2024.03.0 (period 2024.03).'
    )
    expect(error.hint).toMatch(/SOURCE_DATE_EPOCH/)
    // the rule holds when the calendar part is kept, too
    expect(catchError(() => runNext('YY.0M.MINOR.MICRO', '24.11.0.0', '2024-10-01', 'patch', teradata)).code).toBe('ECALVER')
  })

  it('refuses a second release in a period when the format has no counter', () => {
    const error = catchError(() => runNext('YYYY.0M', '2024.02', '2024-02-20', 'patch', calendar))
    expect(error.message).toBe('A second release in period 2024.02 needs a MICRO in calver-format (e.g. YYYY.0M.MICRO).')
    expect(catchError(() => runNext('YYYY.0M.0D', '2016.09.19', '2016-09-19', 'patch', commits)).message).toMatch(/needs a MICRO/)
    expect(catchError(() => runNext('YY.0M-MODIFIER', '16.04', '2016-04-30', 'patch', { modifier: 'rc' })).message).toMatch(
      /e\.g\. YY\.0M\.MICRO-MODIFIER/
    )
  })

  it('refuses a modifier that would sort below the previous prerelease', () => {
    const error = catchError(() => runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', { modifier: 'beta' }))
    expect(error.message).toBe('2024.02.2-beta.0 would sort below the previous release 2024.02.2-rc.0.')
    expect(error.hint).toMatch(/dev < alpha < beta < rc < final/)
  })

  it('refuses a modifier the format has no room for, or that is not an id', () => {
    expect(catchError(() => runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', { modifier: 'rc' })).hint).toMatch(
      /YYYY\.0M\.MICRO-MODIFIER/
    )
    for (const bad of ['RC', 'rc.1', 'rc1', '1rc', '']) {
      expect(catchError(() => runNext('YYYY.0M.MICRO-MODIFIER', null, '2024-02-20', 'patch', { modifier: bad })).code).toBe('ECALVER')
    }
  })

  it('refuses years that short-year tokens cannot write', () => {
    const error = catchError(() => runNext('YY.0M', null, '1999-12-31', 'patch', calendar))
    expect(error.message).toBe('The release date 1999-12-31 cannot be written in calver-format YY.0M.')
    expect(error.hint).toMatch(/from 2000/)
    expect(runNext('YYYY.0M', null, '1999-12-31', 'patch', calendar).version.period.year).toBe(1999)
    expect(catchError(() => runNext('YYYY.0M', null, 'not a date', 'patch', calendar)).message).toMatch(/not a valid date/)
  })

  it('a clock past the year 9999 names the release date as ISO 8601 writes it, and how to set another', () => {
    // SOURCE_DATE_EPOCH=253402300800 is the first second of the year 10000.
    const error = catchError(() => runNext('YYYY.0M.MICRO', '2024.02.1', '+010000-01-01T00:00:00Z', 'patch', calendar))
    expect(error.code).toBe('ECALVER')
    expect(error.message).toBe('The release date +010000-01-01 is in the year 10000, past 9999, the last year a CalVer version writes.')
    expect(error.hint).toMatch(/SOURCE_DATE_EPOCH=\$\(git log -1 --format=%ct\)/)
    expect(error.hint).toMatch(/--date YYYY-MM-DD/)
    const instant = catchError(() => runNext('YY.0M', null, '+012024-05-06T07:08:09Z', 'patch', calendar))
    expect(instant.message).toBe(
      'The release date +012024-05-06T07:08:09.000Z is in the year 12024, past 9999, the last year a CalVer version writes.'
    )
  })

  it('treats a bump of none as a programming error', () => {
    expect(() => runNext('YYYY.0M.MICRO', null, '2024-02-20', 'none', calendar)).toThrow(/none/)
  })

  it('writes YY.MM.MICRO-MODIFIER prereleases that SemVer tools accept', () => {
    const next = runNext('YY.MM.MICRO-MODIFIER', '24.2.1', '2024-02-20', 'patch', { modifier: 'rc' })
    expect(isSemverCompatible(formatCalver(next.version))).toBe(true)
  })
})

// ── properties ─────────────────────────────────────────────────────────────────────────

// Generated formats: every calendar shape, any counters, separators and modifier.
const arbitraryFormat: fc.Arbitrary<string> = fc
  .record({
    year: fc.constantFrom('YYYY', 'YY', '0Y'),
    rest: fc.oneof(
      fc.constant([]),
      fc.tuple(fc.constantFrom('MM', '0M')),
      fc.tuple(fc.constantFrom('MM', '0M'), fc.constantFrom('DD', '0D')),
      fc.tuple(fc.constantFrom('WW', '0W'))
    ),
    counters: fc.subarray(['MAJOR', 'MINOR', 'MICRO']),
    modifier: fc.boolean(),
    separators: fc.array(fc.constantFrom('.', '-', '_'), { minLength: 6, maxLength: 6 })
  })
  .map((shape) => {
    const tokens = [shape.year, ...shape.rest, ...shape.counters]
    const text = tokens.map((t, i) => (i === 0 ? '' : shape.separators[i - 1]) + t).join('')
    return shape.modifier ? `${text}-MODIFIER` : text
  })

// 2000-01-03 (the first day of ISO week-year 2000, which YY can write) to 2199-12-31
const arbitraryDay = fc.integer({ min: 3, max: 73_048 })

describe('properties', () => {
  const arbitraryStep = fc.record({
    days: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 400 })),
    bump: fc.constantFrom<Bump>('major', 'minor', 'patch'),
    modifier: fc.constantFrom<string | undefined>(undefined, undefined, 'dev', 'alpha', 'beta', 'rc')
  })

  it('every next version sorts above the previous one and round-trips', () => {
    fc.assert(
      fc.property(
        arbitraryFormat,
        arbitraryDay,
        fc.constantFrom<CalverNextOptions['counters']>('calendar', 'commits'),
        fc.constantFrom<CalverNextOptions['date']>('release', 'major'),
        fc.array(arbitraryStep, { minLength: 1, maxLength: 12 }),
        (text, startDay, counters, date, steps) => {
          const format = parseCalverFormat(text)
          let previous: CalverVersion | null = null
          let day = startDay
          for (const step of steps) {
            day += step.days
            const today = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000 + 3_600_000 * (day % 24))
            const modifier = format.modifier ? step.modifier : undefined
            let next: CalverNext
            try {
              next = nextCalver(format, previous, today, step.bump, { counters, date, modifier })
            } catch (error) {
              // The only refusals: no counter for a second release, a modifier stage going back.
              expect(error).toBeInstanceOf(VersoError)
              expect((error as VersoError).message).toMatch(/needs a MICRO|would sort below/)
              continue
            }
            if (previous !== null) expect(compareCalver(next.version, previous)).toBeGreaterThan(0)
            const written = formatCalver(next.version)
            const reread = parseCalver(format, written)
            expect(reread, written).not.toBeNull()
            if (reread !== null) {
              expect(compareCalver(reread, next.version)).toBe(0)
              expect(reread.period).toEqual(next.version.period)
              expect(reread.counters).toEqual(next.version.counters)
              expect(reread.modifier).toEqual(next.version.modifier)
            }
            previous = next.version
          }
        }
      ),
      { numRuns: 1_000 }
    )
  })
})
