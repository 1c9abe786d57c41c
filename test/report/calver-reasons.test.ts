import { describe, expect, it } from 'vitest'
import type { Bump } from '../../src/commits/bump.js'
import { describeCalverReason } from '../../src/report/calver-reasons.js'
import { parseCalverFormat } from '../../src/versions/calver/format.js'
import { nextCalver, type CalverNext, type CalverNextOptions } from '../../src/versions/calver/next.js'
import type { CalverBreakingNotShown, CalverReason } from '../../src/versions/calver/reasons.js'
import { parseCalver } from '../../src/versions/calver/version.js'

type Row = [
  format: string,
  previous: string | null,
  today: string,
  bump: Exclude<Bump, 'none'>,
  options: Partial<CalverNextOptions>,
  kind: CalverReason['kind'],
  sentence: string
]

const calendar = {}
const commits = { counters: 'commits' } as const
const teradata = { counters: 'commits', date: 'major' } as const

// A format written `pep440 YY.MINOR` is read in the PEP 440 style.
function readFormat(format: string) {
  return format.startsWith('pep440 ') ? parseCalverFormat(format.slice('pep440 '.length), 'pep440') : parseCalverFormat(format)
}

/** Versions tagged elsewhere, for `taken`. */
function tagged(format: string, ...texts: string[]) {
  return texts.map((text) => parseCalver(readFormat(format), text)!)
}

// Each reason as nextCalver gives it, with the sentence the release notes have shown so far.
const CASES: readonly Row[] = [
  ['YY.0M', null, '2016-04-21', 'minor', calendar, 'first-release', "no previous release: the calendar part is today's period 16.04"],
  [
    'YYYY.0M.MICRO',
    null,
    '2024-02-20',
    'patch',
    calendar,
    'first-release',
    "no previous release: the calendar part is today's period 2024.02, MICRO starts at 0"
  ],
  [
    'YY.0M.MINOR.MICRO',
    null,
    '2016-04-02',
    'minor',
    teradata,
    'first-release',
    "no previous release: the calendar part is today's period 16.04, MINOR and MICRO start at 0"
  ],
  [
    'YYYY.MAJOR.MINOR.MICRO',
    null,
    '2024-05-01',
    'patch',
    commits,
    'first-release',
    "no previous release: the calendar part is today's period 2024, MAJOR, MINOR and MICRO start at 0"
  ],
  [
    'YY.0M.MINOR.MICRO',
    '16.04.3.2',
    '2024-11-05',
    'patch',
    teradata,
    'date-held',
    "calver-date is major: the calendar part 16.04 is the current API's birth date and stays until a breaking change"
  ],
  [
    'YY.0M.MINOR.MICRO',
    '16.04.3.2',
    '2024-11-05',
    'major',
    teradata,
    'breaking-moves-date',
    'a breaking change moves the calendar part to today (calver-date: major)'
  ],
  ['YY.0M', '16.04', '2016-10-13', 'patch', calendar, 'period-moved', 'calendar moved from 16.04 to 16.10'],
  [
    'YYYY.0M.MICRO',
    '2024.02.1',
    '2024-03-01',
    'patch',
    calendar,
    'period-moved',
    'calendar moved from 2024.02 to 2024.03: MICRO restarts at 0'
  ],
  [
    'YY.0M.MINOR.MICRO',
    '16.04.3.2',
    '2024-11-05',
    'major',
    teradata,
    'period-moved',
    'calendar moved from 16.04 to 24.11: MINOR and MICRO restart at 0'
  ],
  [
    'YYYY.MAJOR.MINOR.MICRO',
    '2024.1.2.3',
    '2025-01-02',
    'patch',
    commits,
    'period-moved',
    'calendar moved from 2024 to 2025: MAJOR, MINOR and MICRO restart at 0'
  ],
  [
    'YYYY.0M.MICRO',
    '2024.02.1',
    '2024-02-20',
    'patch',
    calendar,
    'counter-moved',
    'same period 2024.02 as 2024.02.1: MICRO moves from 1 to 2'
  ],
  [
    'YYYY.0M.MINOR.MICRO',
    '2024.02.1.3',
    '2024-02-20',
    'minor',
    commits,
    'counter-moved',
    'same period 2024.02 as 2024.02.1.3: MINOR moves from 1 to 2; MICRO restarts at 0'
  ],
  [
    'YYYY.MAJOR.MINOR.MICRO',
    '2024.1.2.3',
    '2024-05-01',
    'major',
    commits,
    'counter-moved',
    'same period 2024 as 2024.1.2.3: MAJOR moves from 1 to 2; MINOR and MICRO restart at 0'
  ],
  [
    'YYYY.MAJOR',
    '2024.1',
    '2024-05-01',
    'patch',
    commits,
    'counter-fallback',
    'a patch change goes to MAJOR: calver-format YYYY.MAJOR has no MICRO'
  ],
  [
    'YYYY.MAJOR.MICRO',
    '2024.1.2',
    '2024-05-01',
    'minor',
    commits,
    'counter-fallback',
    'a minor change goes to MICRO: calver-format YYYY.MAJOR.MICRO has no MINOR'
  ],
  [
    'YYYY.0M.MICRO-MODIFIER',
    '2024.02.2-rc.0',
    '2024-02-21',
    'patch',
    { modifier: 'rc' },
    'prerelease-next',
    '2024.02.2-rc.0 was rc.0 of 2024.02.2: this is rc.1'
  ],
  [
    'YYYY.0M.MICRO-MODIFIER',
    '2024.02.2rc1',
    '2024-02-22',
    'patch',
    { modifier: 'rc' },
    'prerelease-next',
    '2024.02.2rc1 was rc.1 of 2024.02.2: this is rc.2'
  ],
  [
    'YYYY.0M.MICRO-MODIFIER',
    '2024.02.2-beta.3',
    '2024-02-22',
    'patch',
    { modifier: 'rc' },
    'prerelease-switch',
    '2024.02.2-beta.3 was beta of 2024.02.2: this is rc.0'
  ],
  [
    'YYYY.0M.MICRO-MODIFIER',
    '2024.02.2-rc.1',
    '2024-02-22',
    'patch',
    calendar,
    'prerelease-final',
    '2024.02.2-rc.1 was a prerelease of 2024.02.2: this is its final release'
  ],
  ['YYYY.0M.MICRO-MODIFIER', '2024.02.1', '2024-02-20', 'patch', { modifier: 'rc' }, 'prerelease-start', 'a prerelease: rc.0 of 2024.02.2'],
  [
    'YYYY.0M.MICRO-MODIFIER',
    '2024.02.2-rc.1',
    '2024-03-01',
    'patch',
    { modifier: 'rc' },
    'prerelease-start',
    'a prerelease: rc.0 of 2024.03.0'
  ],
  [
    'YYYY.0M.MICRO-MODIFIER',
    '2024.02.1',
    '2024-02-20',
    'patch',
    { modifier: 'rc', modifierStart: 1 },
    'prerelease-start',
    'a prerelease: rc.1 of 2024.02.2'
  ],
  [
    'pep440 YY.MM.MICRO',
    '22.7.3',
    '2022-09-02',
    'patch',
    { final: 'prerelease-period', taken: tagged('pep440 YY.MM.MICRO', '22.8.0rc1') },
    'prerelease-period',
    'calver-final is prerelease-period: the release keeps the period 22.8 of its prerelease 22.8.0rc1'
  ],
  [
    'pep440 YY.MINOR',
    '24.1.post1',
    '2024-05-01',
    'patch',
    { post: true },
    'post-release',
    'bump: post releases 24.1.post1 again, as its post-release 2'
  ],
  [
    'YYYY.0M.MICRO',
    '2024.02.1',
    '2024-02-20',
    'patch',
    { taken: tagged('YYYY.0M.MICRO', '2024.02.2') },
    'tag-taken',
    '2024.02.2 is tagged already, outside this history (a withdrawn or unmerged release): the next free version is 2024.02.3'
  ],
  [
    'YYYY.MICRO-MODIFIER',
    '2020.1001',
    '2020-05-01',
    'patch',
    {
      origin: {
        file: 'pyproject.toml',
        pattern: 'YYYY.BUILD[-TAG]',
        format: 'YYYY.MICRO-MODIFIER',
        settings: [{ name: 'tag-prefix', value: "''" }],
        restarts: ['BUILD']
      }
    },
    'format-origin',
    "calver-format YYYY.MICRO-MODIFIER (with tag-prefix: '') from bumpver's version_pattern YYYY.BUILD[-TAG] in pyproject.toml; " +
      "bumpver's BUILD counts on across periods, MICRO restarts at 0 in each new one"
  ],
  [
    'YYYY.0M.0D[.MICRO]',
    '2015.09.06',
    '2015-09-07',
    'patch',
    { origin: { file: 'setup.cfg', pattern: 'YYYY.0M.0D[.PATCH]', format: 'YYYY.0M.0D[.MICRO]', settings: [], restarts: [] } },
    'format-origin',
    "calver-format YYYY.0M.0D[.MICRO] from bumpver's version_pattern YYYY.0M.0D[.PATCH] in setup.cfg"
  ],
  [
    'YYYY.MAJOR.MICRO',
    '2024.1.2',
    '2024-02-20',
    'major',
    calendar,
    'breaking-not-shown',
    'a breaking change has no slot in a calendar version (calver-bump: calendar): call it out in the release notes'
  ],
  [
    'YYYY.0M.MINOR.MICRO',
    '2024.02.1.3',
    '2024-02-20',
    'major',
    commits,
    'breaking-not-shown',
    'a breaking change has no slot in calver-format YYYY.0M.MINOR.MICRO (no MAJOR): call it out in the release notes'
  ],
  [
    'YY.0M.MINOR.MICRO',
    '24.11.0.0',
    '2024-11-20',
    'major',
    teradata,
    'breaking-not-shown',
    'a breaking change would move the calendar part to today, but today is still in 24.11: ' +
      'the counters carry it, so call it out in the release notes'
  ]
]

// Every kind and cause of the unions: the type check makes a new one appear here, and
// the coverage tests below then fail until the table has a case that produces it.
const KINDS: Readonly<Record<CalverReason['kind'], true>> = {
  'first-release': true,
  'date-held': true,
  'breaking-moves-date': true,
  'period-moved': true,
  'counter-moved': true,
  'counter-fallback': true,
  'prerelease-next': true,
  'prerelease-switch': true,
  'prerelease-final': true,
  'prerelease-start': true,
  'prerelease-period': true,
  'post-release': true,
  'tag-taken': true,
  'format-origin': true,
  'breaking-not-shown': true
}
const BREAKING_CAUSES: Readonly<Record<CalverBreakingNotShown['why'], true>> = {
  'calendar-bump': true,
  'no-major': true,
  'same-period': true
}

function runCase([format, previous, today, bump, options]: Row): CalverNext {
  const parsed = readFormat(format)
  const base = previous === null ? null : parseCalver(parsed, previous)
  if (previous !== null && base === null) throw new Error(`fixture: ${previous} does not fit ${format}`)
  return nextCalver(parsed, base, new Date(`${today}T00:00:00Z`), bump, { counters: 'calendar', date: 'release', ...options })
}

function produceAll(): CalverReason[] {
  return CASES.flatMap((row) => runCase(row).reasons)
}

describe('describeCalverReason', () => {
  it.each(CASES)('%s: %s on %s (%s, %j) → %s', (...row) => {
    const [, , , , , kind, sentence] = row
    const reasons = runCase(row).reasons.filter((reason) => reason.kind === kind)
    expect(reasons.map(describeCalverReason)).toEqual([sentence])
  })

  it('has a case for every kind of reason', () => {
    const kinds = new Set(produceAll().map((reason) => reason.kind))
    expect(Object.keys(KINDS).filter((kind) => !kinds.has(kind as CalverReason['kind']))).toEqual([])
  })

  it('has a case for every cause of a breaking change the version cannot show', () => {
    const causes = new Set(produceAll().flatMap((reason) => (reason.kind === 'breaking-not-shown' ? [reason.why] : [])))
    expect(Object.keys(BREAKING_CAUSES).filter((why) => !causes.has(why as CalverBreakingNotShown['why']))).toEqual([])
  })
})
