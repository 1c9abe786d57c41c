import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Bump } from '../../../src/commits/bump.js'
import { VersoError } from '../../../src/errors.js'
import {
  compareCalver,
  formatCalver,
  isSemverCompatible,
  nextCalver,
  parseCalver,
  parseCalverFormat,
  type CalverNext,
  type CalverNextOptions,
  type CalverVersion
} from '../../../src/versions/calver/calver.js'

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
    expect(next.notes.length).toBeGreaterThan(0)
  })

  it('does not change the previous version it was given', () => {
    const previous = parseOrFail('YYYY.0M.MICRO', '2024.02.1')
    const copy = structuredClone(previous)
    runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', calendar)
    nextCalver(previous.format, previous, readDate('2024-03-01'), 'major', DEFAULTS)
    expect(previous).toEqual(copy)
  })

  it('explains a new period and a counter move', () => {
    expect(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-03-01', 'patch', calendar).notes)
      .toContain('calendar moved from 2024.02 to 2024.03: MICRO restarts at 0')
    expect(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', calendar).notes)
      .toContain('same period 2024.02 as 2024.02.1: MICRO moves from 1 to 2')
    expect(runNext('YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-02-20', 'minor', commits).notes)
      .toContain('same period 2024.02 as 2024.02.1.3: MINOR moves from 1 to 2; MICRO restarts at 0')
  })

  it('reports what changed', () => {
    expect(runNext('YYYY.0M.MICRO', null, '2024-02-20', 'patch', calendar).change).toEqual({ kind: 'first' })
    expect(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-03-01', 'patch', calendar).change).toEqual({ kind: 'period', from: '2024.02', to: '2024.03' })
    expect(runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', calendar).change).toEqual({ kind: 'counter', counter: 'MICRO' })
    expect(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', calendar).change).toEqual({ kind: 'final' })
    expect(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', { modifier: 'rc' }).change).toEqual({ kind: 'modifier', id: 'rc' })
  })

  it('calls out a breaking change the version cannot show', () => {
    const noMajor = runNext('YYYY.0M.MINOR.MICRO', '2024.02.1.3', '2024-02-20', 'major', commits)
    expect(noMajor.notes.join('\n')).toMatch(/breaking change has no slot in calver-format YYYY\.0M\.MINOR\.MICRO \(no MAJOR\): call it out/)
    const calendarMode = runNext('YYYY.MAJOR.MICRO', '2024.1.2', '2024-02-20', 'major', calendar)
    expect(calendarMode.notes.join('\n')).toMatch(/no slot in a calendar version/)
    const withMajor = runNext('YYYY.MAJOR.MINOR.MICRO', '2024.1.2.3', '2024-05-01', 'major', commits)
    expect(withMajor.notes.join('\n')).not.toMatch(/no slot/)
    const fallback = runNext('YYYY.MAJOR', '2024.1', '2024-05-01', 'patch', commits)
    expect(fallback.notes).toContain('a patch change goes to MAJOR: calver-format YYYY.MAJOR has no MICRO')
  })

  it('explains a prerelease', () => {
    expect(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.1', '2024-02-20', 'patch', { modifier: 'rc' }).notes)
      .toEqual(['same period 2024.02 as 2024.02.1: MICRO moves from 1 to 2', 'a prerelease: rc.0 of 2024.02.2'])
    expect(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', { modifier: 'rc' }).notes)
      .toEqual(['2024.02.2-rc.0 was rc.0 of 2024.02.2: this is rc.1'])
    expect(runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.1', '2024-02-22', 'patch', calendar).notes)
      .toEqual(['2024.02.2-rc.1 was a prerelease of 2024.02.2: this is its final release'])
  })

  it('explains the Teradata-style date rule', () => {
    expect(runNext('YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'patch', teradata).notes.join('\n'))
      .toMatch(/calendar part 16\.04 is the current API's birth date/)
    expect(runNext('YY.0M.MINOR.MICRO', '16.04.3.2', '2024-11-05', 'major', teradata).notes)
      .toContain('calendar moved from 16.04 to 24.11: MINOR and MICRO restart at 0')
  })

  it('refuses to go back when the clock is earlier than the previous release', () => {
    const error = catchError(() => runNext('YYYY.0M.MICRO', '2024.03.0', '2024-02-28', 'patch', calendar))
    expect(error.code).toBe('ECALVER')
    expect(error.message).toBe('The release date 2024-02-28 (period 2024.02) is earlier than the previous release 2024.03.0 (period 2024.03).')
    expect(error.hint).toMatch(/SOURCE_DATE_EPOCH/)
    // the rule holds when the calendar part is kept, too
    expect(catchError(() => runNext('YY.0M.MINOR.MICRO', '24.11.0.0', '2024-10-01', 'patch', teradata)).code).toBe('ECALVER')
  })

  it('refuses a second release in a period when the format has no counter', () => {
    const error = catchError(() => runNext('YYYY.0M', '2024.02', '2024-02-20', 'patch', calendar))
    expect(error.message).toBe('A second release in period 2024.02 needs a MICRO in calver-format (e.g. YYYY.0M.MICRO).')
    expect(catchError(() => runNext('YYYY.0M.0D', '2016.09.19', '2016-09-19', 'patch', commits)).message).toMatch(/needs a MICRO/)
    expect(catchError(() => runNext('YY.0M-MODIFIER', '16.04', '2016-04-30', 'patch', { modifier: 'rc' })).message)
      .toMatch(/e\.g\. YY\.0M\.MICRO-MODIFIER/)
  })

  it('refuses a modifier that would sort below the previous prerelease', () => {
    const error = catchError(() => runNext('YYYY.0M.MICRO-MODIFIER', '2024.02.2-rc.0', '2024-02-21', 'patch', { modifier: 'beta' }))
    expect(error.message).toBe('2024.02.2-beta.0 would sort below the previous release 2024.02.2-rc.0.')
    expect(error.hint).toMatch(/dev < alpha < beta < rc < final/)
  })

  it('refuses a modifier the format has no room for, or that is not an id', () => {
    expect(catchError(() => runNext('YYYY.0M.MICRO', '2024.02.1', '2024-02-20', 'patch', { modifier: 'rc' })).hint)
      .toMatch(/YYYY\.0M\.MICRO-MODIFIER/)
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

  it('treats a bump of none as a programming error', () => {
    expect(() => runNext('YYYY.0M.MICRO', null, '2024-02-20', 'none', calendar)).toThrow(/none/)
  })
})

type FormatErrorRow = [format: string, detail: RegExp]

const BAD_FORMATS: readonly FormatErrorRow[] = [
  ['', /the format is empty/],
  ['   ', /the format is empty/],
  ['ZZ', /unknown token "ZZ": allowed tokens are YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, MICRO, MODIFIER/],
  ['yyyy.0m', /tokens are upper-case, did you mean YYYY\?/],
  ['YYYY.WW.DD', /weeks \(WW, 0W\) cannot be mixed with months or days/],
  ['YYYY.0M.0W', /weeks \(WW, 0W\) cannot be mixed/],
  ['YYYY.MODIFIER.MICRO', /MODIFIER must be the last token/],
  ['YYYY.0M.MICRO.MODIFIER', /MODIFIER must follow a "-"/],
  ['YYYY.0MMODIFIER', /write the modifier after a "-" \(YYYY\.0M-MODIFIER\)|unknown token "0MMODIFIER"/],
  ['YYYY.YYYY', /YYYY appears more than once/],
  ['YYYY.YY', /YYYY and YY both write the year/],
  ['YYYY.MM.0M', /MM and 0M both write the month or week/],
  ['YYYY.MINOR.MAJOR', /MAJOR comes after MINOR: counters go MAJOR, MINOR, MICRO/],
  ['YYYY.MICRO.0M', /0M comes after MICRO: calendar tokens come first/],
  ['0M.YYYY', /YYYY comes after month or week/],
  ['MAJOR.MINOR.MICRO', /no calendar token .*: a version of counters only is SemVer, use scheme: semver/],
  ['0M.MICRO', /0M without a year token .* would repeat every year/],
  ['YYYY.DD', /DD is a day of the month and needs a month token/],
  ['YYYY..0M', /an empty token at position 2/],
  ['.YYYY', /an empty token at position 1/],
  ['YYYY.0M.', /an empty token at position 3/],
  ['YYYY 0M', /unknown token "YYYY 0M"/],
  ['YYYY/0M', /unknown token "YYYY\/0M"/]
]

describe('parseCalverFormat', () => {
  it.each(BAD_FORMATS)('rejects %j', (format, detail) => {
    const error = catchError(() => parseCalverFormat(format))
    expect(error.code).toBe('ECALVER')
    expect(error.message).toBe(`calver-format "${format}" is not a valid CalVer format.`)
    expect(error.details.join('\n')).toMatch(detail)
    expect(error.hint).toMatch(/YYYY\.0M\.MICRO/)
  })

  it('lists every problem at once', () => {
    const error = catchError(() => parseCalverFormat('ZZ.YYYY.YYYY.MINOR.MAJOR.MODIFIER.QQ'))
    expect(error.details).toEqual([
      'unknown token "ZZ": allowed tokens are YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, MICRO, MODIFIER',
      'unknown token "QQ": allowed tokens are YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D, MAJOR, MINOR, MICRO, MODIFIER',
      'YYYY appears more than once',
      'MAJOR comes after MINOR: counters go MAJOR, MINOR, MICRO',
      'MODIFIER must be the last token'
    ])
  })

  it('does not guess at missing tokens while a token is unreadable', () => {
    expect(catchError(() => parseCalverFormat('yyyy.MINOR')).details).toEqual(['unknown token "yyyy": tokens are upper-case, did you mean YYYY?'])
  })

  it('describes a valid format', () => {
    const format = parseCalverFormat('YYYY.0M.0D_MICRO-MODIFIER')
    expect(format.text).toBe('YYYY.0M.0D_MICRO-MODIFIER')
    expect(format.calendar).toBe('day')
    expect(format.counters).toEqual(['MICRO'])
    expect(format.modifier).toBe(true)
    expect(format.segments.map((s) => s.separator + s.token).join('')).toBe('YYYY.0M.0D_MICRO-MODIFIER')
    expect(parseCalverFormat('YY-0W').calendar).toBe('week')
    expect(parseCalverFormat('YYYY.MINOR').calendar).toBe('year')
    expect(parseCalverFormat('YYYY.MAJOR.MINOR.MICRO').counters).toEqual(['MAJOR', 'MINOR', 'MICRO'])
  })
})

type ParseRow = [format: string, text: string, fits: boolean]

const PARSE: readonly ParseRow[] = [
  ['YY.0M', '16.04', true],
  ['YY.0M', '16.4', false],
  ['YY.MM', '16.04', false],
  ['YY.MM', '16.4', true],
  ['YY.MM', '16.13', false],
  ['YY.MM', '016.4', false],
  ['0Y.0M', '6.04', false],
  ['0Y.0M', '106.04', true],
  ['0Y.0M', '0106.04', false],
  ['YYYY.0M.MICRO', '2024.02.1', true],
  ['YYYY.0M.MICRO', '2024.02.01', false],
  ['YYYY.0M.MICRO', '2024.2.1', false],
  ['YYYY.0M.MICRO', 'v2024.02.1', false],
  ['YYYY.0M.MICRO', '2024.02.1 ', false],
  ['YYYY.0M.MICRO', '2024.02', false],
  ['YYYY.0M.MICRO', '2024.02.1.0', false],
  ['YYYY.0M.MICRO', '2024-02-1', false],
  ['YYYY.0M.MICRO', '2024.02.1-rc.1', false],
  ['YYYY.0M.MICRO', '0999.01.0', false],
  ['YYYY.0M.0D', '2024.02.29', true],
  ['YYYY.0M.0D', '2023.02.29', false],
  ['YYYY.0M.0D', '2024.04.31', false],
  ['YYYY.MM.DD', '2024.2.32', false],
  ['YYYY.MM.DD', '2024.2.0', false],
  ['YYYY.0W', '2020.53', true],
  ['YYYY.0W', '2021.53', false],
  ['YYYY.0W', '2024.54', false],
  ['YYYY.0W', '2024.00', false],
  ['YYYY.WW', '2024.01', false],
  ['YYYY.MM.DD_MICRO', '2010.10.2_1', true],
  ['YYYY.MM.DD_MICRO', '2010.10.2.1', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc.1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1rc1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1', true],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc.01', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-RC.1', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc', false],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1-rc.1.2', false],
  ['YY.0M-MODIFIER', '16.04rc2', true],
  ['YYYY.MINOR', '2016.10', true],
  ['YYYY.MINOR', '2016.010', false]
]

describe('parseCalver', () => {
  it.each(PARSE)('%s reads %j: %s', (format, text, fits) => {
    const version = parseCalver(parseCalverFormat(format), text)
    expect(version === null ? null : formatCalver(version)).toBe(fits ? text : null)
  })

  it('reads each field', () => {
    const version = parseOrFail('YYYY.0M.0D.MICRO-MODIFIER', '2024.02.29.3rc2')
    expect(version.period).toEqual({ kind: 'day', year: 2024, month: 2, day: 29 })
    expect(version.counters).toEqual({ MICRO: 3 })
    expect(version.modifier).toEqual({ id: 'rc', number: 2, spelling: 'glued' })
    expect(parseOrFail('YY.WW', '106.7').period).toEqual({ kind: 'week', year: 2106, week: 7 })
  })
})

describe('compareCalver', () => {
  const sorted = (format: string, tags: readonly string[]): string[] =>
    tags.map((t) => parseOrFail(format, t)).sort(compareCalver).map(formatCalver)

  it('orders calendar, counters, then modifier with the final last', () => {
    const order = ['2024.02.1-dev.0', '2024.02.1-alpha.0', '2024.02.1-alpha.2', '2024.02.1-beta.10', '2024.02.1-rc.0', '2024.02.1rc1', '2024.02.1',
      '2024.02.2-nightly.5', '2024.02.2-dev.0', '2024.02.2', '2024.02.10', '2024.10.0', '2025.01.0']
    expect(sorted('YYYY.0M.MICRO-MODIFIER', [...order].reverse())).toEqual(order)
  })

  it('compares segments as numbers, not text', () => {
    expect(sorted('YY.MM.MICRO', ['16.10.0', '16.9.11', '16.9.2', '100.1.0'])).toEqual(['16.9.2', '16.9.11', '16.10.0', '100.1.0'])
  })

  it('ignores the spelling of a modifier', () => {
    expect(compareCalver(parseOrFail('YY.0M-MODIFIER', '16.04rc2'), parseOrFail('YY.0M-MODIFIER', '16.04-rc.2'))).toBe(0)
  })
})

describe('isSemverCompatible', () => {
  it.each([
    ['24.2.1', true],
    ['2024.2.29', true],
    ['2024.02.1', false],
    ['2016.09.19', false],
    ['16.04', false],
    ['24.2.1-rc.0', true],
    ['24.2.1rc0', false],
    ['v24.2.1', false],
    [' 24.2.1', false],
    ['2010.10.2_1', false]
  ])('%j: %s', (text, expected) => {
    expect(isSemverCompatible(text)).toBe(expected)
  })

  it('holds for YY.MM.MICRO-MODIFIER versions verso writes', () => {
    const next = runNext('YY.MM.MICRO-MODIFIER', '24.2.1', '2024-02-20', 'patch', { modifier: 'rc' })
    expect(isSemverCompatible(formatCalver(next.version))).toBe(true)
  })
})

// ── properties ─────────────────────────────────────────────────────────────────────────

interface FormatShape {
  year: 'YYYY' | 'YY' | '0Y'
  rest: readonly string[]
  counters: readonly string[]
  modifier: boolean
  separators: readonly string[]
}

const arbitraryShape: fc.Arbitrary<FormatShape> = fc.record({
  year: fc.constantFrom('YYYY' as const, 'YY' as const, '0Y' as const),
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

function writeShape(shape: FormatShape): string {
  const tokens = [shape.year, ...shape.rest, ...shape.counters]
  const text = tokens.map((t, i) => (i === 0 ? '' : shape.separators[i - 1]) + t).join('')
  return shape.modifier ? `${text}-MODIFIER` : text
}

// An independent oracle: ISO weeks from the Monday of the week holding 4 January.
function startOfIsoYear(year: number): number {
  const jan4 = Date.UTC(year, 0, 4)
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000
}

function writeExpected(shape: FormatShape, day: number, counters: readonly number[], modifier: string): string {
  const date = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000)
  let weekYear = date.getUTCFullYear()
  if (date.getTime() >= startOfIsoYear(weekYear + 1)) weekYear += 1
  else if (date.getTime() < startOfIsoYear(weekYear)) weekYear -= 1
  const week = Math.floor((date.getTime() - startOfIsoYear(weekYear)) / (7 * 86_400_000)) + 1
  const hasWeek = shape.rest.some((t) => t.endsWith('W'))
  const year = hasWeek ? weekYear : date.getUTCFullYear()
  const pad = (n: number): string => String(n).padStart(2, '0')
  const values: Record<string, string> = {
    YYYY: String(year), YY: String(year - 2000), '0Y': pad(year - 2000),
    MM: String(date.getUTCMonth() + 1), '0M': pad(date.getUTCMonth() + 1),
    DD: String(date.getUTCDate()), '0D': pad(date.getUTCDate()),
    WW: String(week), '0W': pad(week)
  }
  const tokens = [shape.year, ...shape.rest]
  let text = tokens.map((t, i) => `${i === 0 ? '' : shape.separators[i - 1]}${values[t]}`).join('')
  shape.counters.forEach((_, i) => { text += `${shape.separators[tokens.length + i - 1]}${counters[i]}` })
  return shape.modifier ? text + modifier : text
}

const arbitraryModifier = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('dev', 'alpha', 'beta', 'rc', 'a1b', 'pre'), fc.nat(30), fc.constantFrom('-%s.%n', '-%s%n', '%s%n'))
    .map(([id, n, spelling]) => spelling.replace('%s', id).replace('%n', String(n)))
)

// 2000-01-03 (the first day of ISO week-year 2000, which YY can write) to 2199-12-31
const arbitraryDay = fc.integer({ min: 3, max: 73_048 })

describe('properties', () => {
  it('formatCalver(parseCalver(f, s)) === s for every generated s', () => {
    fc.assert(fc.property(
      arbitraryShape, arbitraryDay, fc.array(fc.nat(1_000), { minLength: 3, maxLength: 3 }), arbitraryModifier,
      (shape, day, counters, modifier) => {
        const format = parseCalverFormat(writeShape(shape))
        const text = writeExpected(shape, day, counters, modifier)
        const version = parseCalver(format, text)
        expect(version, text).not.toBeNull()
        if (version !== null) expect(formatCalver(version)).toBe(text)
      }
    ), { numRuns: 2_000 })
  })

  it('accepts a day or week exactly when the calendar has it', () => {
    const ymd = parseCalverFormat('YYYY.MM.DD')
    const yw = parseCalverFormat('YYYY.WW')
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
      const exists = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
      expect(parseCalver(ymd, `${year}.${month}.${day}`) !== null).toBe(exists)
      const weeks = (startOfIsoYear(year + 1) - startOfIsoYear(year)) / (7 * 86_400_000)
      expect(parseCalver(yw, `${year}.${Math.min(day + 22, 53)}`) !== null).toBe(Math.min(day + 22, 53) <= weeks)
    }), { numRuns: 2_000 })
  })

  it('any string a format accepts is written back unchanged', () => {
    const character = fc.constantFrom('0', '1', '2', '4', '9', '.', '-', '_', 'r', 'c', 'v')
    fc.assert(fc.property(arbitraryShape, fc.array(character, { maxLength: 16 }), (shape, chars) => {
      const version = parseCalver(parseCalverFormat(writeShape(shape)), chars.join(''))
      if (version !== null) expect(formatCalver(version)).toBe(chars.join(''))
    }), { numRuns: 5_000 })
  })

  const arbitraryStep = fc.record({
    days: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 400 })),
    bump: fc.constantFrom<Bump>('major', 'minor', 'patch'),
    modifier: fc.constantFrom<string | undefined>(undefined, undefined, 'dev', 'alpha', 'beta', 'rc')
  })

  it('every next version sorts above the previous one and round-trips', () => {
    fc.assert(fc.property(
      arbitraryShape, arbitraryDay,
      fc.constantFrom<CalverNextOptions['counters']>('calendar', 'commits'),
      fc.constantFrom<CalverNextOptions['date']>('release', 'major'),
      fc.array(arbitraryStep, { minLength: 1, maxLength: 12 }),
      (shape, startDay, counters, date, steps) => {
        const format = parseCalverFormat(writeShape(shape))
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
          const text = formatCalver(next.version)
          const reread = parseCalver(format, text)
          expect(reread, text).not.toBeNull()
          if (reread !== null) {
            expect(compareCalver(reread, next.version)).toBe(0)
            expect(reread.period).toEqual(next.version.period)
            expect(reread.counters).toEqual(next.version.counters)
            expect(reread.modifier).toEqual(next.version.modifier)
          }
          previous = next.version
        }
      }
    ), { numRuns: 1_000 })
  })

  it('compareCalver is antisymmetric', () => {
    fc.assert(fc.property(
      arbitraryShape, arbitraryDay, arbitraryDay, fc.array(fc.nat(3), { minLength: 3, maxLength: 3 }), fc.array(fc.nat(3), { minLength: 3, maxLength: 3 }),
      arbitraryModifier, arbitraryModifier,
      (shape, dayA, dayB, countersA, countersB, modifierA, modifierB) => {
        const format = parseCalverFormat(writeShape(shape))
        const a = parseCalver(format, writeExpected(shape, dayA, countersA, modifierA))
        const b = parseCalver(format, writeExpected(shape, dayB, countersB, modifierB))
        if (a === null || b === null) throw new Error('generated versions must parse')
        expect(Math.sign(compareCalver(a, b)) + Math.sign(compareCalver(b, a))).toBe(0)
        expect(compareCalver(a, a)).toBe(0)
      }
    ), { numRuns: 1_000 })
  })
})
