import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Bump } from '../../../src/commits/bump.js'
import { VersoError } from '../../../src/errors.js'
import { parseCalverFormat } from '../../../src/versions/calver/format.js'
import { nextCalver, type CalverNextOptions } from '../../../src/versions/calver/next.js'
import { compareCalver, formatCalver, parseCalver, type CalverVersion } from '../../../src/versions/calver/version.js'
import type { VersionStyle } from '../../../src/versions/pep440.js'
import { makePlan } from '../../notes/plans.js'

function read(format: string, text: string, style: VersionStyle = 'semver'): CalverVersion | null {
  return parseCalver(parseCalverFormat(format, style), text)
}

function problemsOf(format: string): readonly string[] {
  try {
    parseCalverFormat(format)
  } catch (error) {
    if (error instanceof VersoError) return error.details
    throw error
  }
  throw new Error(`${format} was accepted`)
}

describe('optional parts: reading and writing', () => {
  // format, tag, counters read, written back
  it.each<[string, string, Record<string, number>, string]>([
    ['YY.MINOR[.MICRO]', '20.0', { MINOR: 0, MICRO: 0 }, '20.0'],
    ['YY.MINOR[.MICRO]', '20.0.1', { MINOR: 0, MICRO: 1 }, '20.0.1'],
    ['YY.MINOR[.MICRO]', '20.0.0', { MINOR: 0, MICRO: 0 }, '20.0'],
    ['YYYY.0M.0D[.MICRO]', '2015.09.06', { MICRO: 0 }, '2015.09.06'],
    ['YYYY.0M.0D[.MICRO]', '2015.09.06.1', { MICRO: 1 }, '2015.09.06.1'],
    ['YY[.MINOR[.MICRO]]', '20', { MINOR: 0, MICRO: 0 }, '20'],
    ['YY[.MINOR[.MICRO]]', '20.3', { MINOR: 3, MICRO: 0 }, '20.3'],
    ['YY[.MINOR[.MICRO]]', '20.0.1', { MINOR: 0, MICRO: 1 }, '20.0.1'],
    ['YY[.MINOR.MICRO]', '20.1.0', { MINOR: 1, MICRO: 0 }, '20.1.0'],
    ['YY.MINOR[.MICRO]-MODIFIER', '20.1-rc.0', { MINOR: 1, MICRO: 0 }, '20.1-rc.0'],
    ['YY.MINOR[.MICRO]-MODIFIER', '20.1.2rc1', { MINOR: 1, MICRO: 2 }, '20.1.2rc1']
  ])('%s reads %s as %j and writes %s', (format, text, counters, written) => {
    const version = read(format, text)
    expect(version?.counters).toEqual(counters)
    expect(version && formatCalver(version)).toBe(written)
  })

  it.each<[string, string]>([
    ['YY.MINOR[.MICRO]', '20'],
    ['YY.MINOR[.MICRO]', '20.0.01'],
    ['YY.MINOR[.MICRO]', '20.0.1.2'],
    ['YY[.MINOR.MICRO]', '20.1'],
    ['YYYY.0M.0D[.MICRO]', '2015.09'],
    ['YY.MINOR[.MICRO]', '20.0.1-rc.0']
  ])('%s does not read %s', (format, text) => {
    expect(read(format, text)).toBeNull()
  })

  it('a missing part orders as 0, before the next number', () => {
    const order = ['2015.09.06', '2015.09.06.1', '2015.09.06.2', '2015.09.07']
    const versions = order.map((t) => read('YYYY.0M.0D[.MICRO]', t)!)
    for (let i = 1; i < versions.length; i++) expect(compareCalver(versions[i - 1]!, versions[i]!)).toBeLessThan(0)
    expect(compareCalver(read('YY.MINOR[.MICRO]', '20.0')!, read('YY.MINOR[.MICRO]', '20.0.0')!)).toBe(0)
  })
})

describe('optional parts: the format', () => {
  it.each<[string, string]>([
    ['YY[.MINOR][.MICRO]', 'optional parts nest, each inside the one before'],
    ['YY.[MINOR]', 'an optional part starts with its separator'],
    ['YY.MINOR[.MICRO', 'a "[" without its "]"'],
    ['YY.MINOR.MICRO]', 'a "]" closes no "["'],
    ['YYYY[.0M].MICRO', 'only counters can be optional (written when not 0): 0M is part of the date, always written'],
    ['YY.MINOR[.MICRO].MAJOR', 'optional parts end the format (only -MODIFIER may follow them)'],
    ['YY.MINOR[-MODIFIER]', 'a modifier is optional by itself: write -MODIFIER after the brackets']
  ])('%s is refused: %s', (format, problem) => {
    expect(problemsOf(format)).toEqual(expect.arrayContaining([expect.stringContaining(problem)]))
  })

  it('tells where each optional part starts, outermost first', () => {
    expect(parseCalverFormat('YY.MINOR[.MICRO]').optional).toEqual([2])
    expect(parseCalverFormat('YY[.MINOR[.MICRO]]-MODIFIER').optional).toEqual([1, 2])
    expect(parseCalverFormat('YYYY.0M.MICRO').optional).toEqual([])
  })
})

type NextRow = [
  format: string,
  previous: string | null,
  today: string,
  bump: Exclude<Bump, 'none'>,
  options: Partial<CalverNextOptions>,
  next: string
]

describe('optional parts: the next version', () => {
  it.each<NextRow>([
    // pip: 20.0, then 20.0.1
    ['YY.MINOR[.MICRO]', '19.3.1', '2020-01-21', 'minor', {}, '20.0'],
    ['YY.MINOR[.MICRO]', '20.0', '2020-01-23', 'patch', {}, '20.0.1'],
    ['YY.MINOR[.MICRO]', '20.0.2', '2020-04-01', 'minor', { counters: 'commits' }, '20.1'],
    ['YY.MINOR[.MICRO]', '20.1', '2020-04-20', 'patch', { counters: 'commits' }, '20.1.1'],
    // youtube-dl: one a day, then a second the same day
    ['YYYY.0M.0D[.MICRO]', null, '2015-09-06', 'patch', {}, '2015.09.06'],
    ['YYYY.0M.0D[.MICRO]', '2015.09.06', '2015-09-06', 'patch', {}, '2015.09.06.1'],
    ['YYYY.0M.0D[.MICRO]', '2015.09.06.1', '2015-09-06', 'patch', {}, '2015.09.06.2'],
    ['YYYY.0M.0D[.MICRO]', '2015.09.06.2', '2015-09-07', 'patch', {}, '2015.09.07'],
    // nested: MINOR's part holds MICRO's
    ['YY[.MINOR[.MICRO]]', '20', '2020-05-01', 'patch', { counters: 'commits' }, '20.0.1'],
    ['YY[.MINOR[.MICRO]]', '20.0.1', '2020-05-02', 'minor', { counters: 'commits' }, '20.1'],
    ['YY[.MINOR[.MICRO]]', '20.1', '2021-01-02', 'minor', { counters: 'commits' }, '21'],
    ['YY.MINOR[.MICRO]-MODIFIER', '20.0', '2020-01-23', 'patch', { modifier: 'rc' }, '20.0.1-rc.0']
  ])('%s after %s on %s (%s, %j): %s', (format, previous, today, bump, options, next) => {
    const parsed = parseCalverFormat(format)
    const base = previous === null ? null : parseCalver(parsed, previous)
    const made = nextCalver(parsed, base, new Date(`${today}T12:00:00Z`), bump, { counters: 'calendar', date: 'release', ...options })
    expect(formatCalver(made.version)).toBe(next)
  })

  it('through a plan: the same day, and the day after', () => {
    const options = { scheme: 'calver', 'calver-format': 'YYYY.0M.0D[.MICRO]' }
    const same = makePlan({ commits: ['fix: a'], base: 'v2015.09.06', options, now: new Date('2015-09-06T18:00:00Z') })
    expect(same.next?.tag).toBe('v2015.09.06.1')
    const after = makePlan({ commits: ['fix: a'], base: 'v2015.09.06.1', options, now: new Date('2015-09-07T08:00:00Z') })
    expect(after.next?.tag).toBe('v2015.09.07')
  })
})

// Formats with one to three counters and every nesting of optional parts at their end.
const FORMAT = fc
  .record({
    calendar: fc.constantFrom('YYYY', 'YY.MM', 'YYYY.0M.0D', 'YYYY.0W'),
    counters: fc.subarray(['MAJOR', 'MINOR', 'MICRO'], { minLength: 1 }),
    optionalFrom: fc.nat(),
    nested: fc.boolean(),
    modifier: fc.boolean()
  })
  .map(({ calendar, counters, optionalFrom, nested, modifier }) => {
    const from = optionalFrom % counters.length
    const required = counters.slice(0, from).map((c) => `.${c}`)
    const optional = counters.slice(from)
    const tail = nested
      ? optional.map((c) => `[.${c}`).join('') + ']'.repeat(optional.length)
      : `[${optional.map((c) => `.${c}`).join('')}]`
    return `${calendar}${required.join('')}${tail}${modifier ? '-MODIFIER' : ''}`
  })

const STYLE = fc.constantFrom<VersionStyle>('semver', 'pep440')

describe('optional parts: properties', () => {
  it('format ∘ parse is the identity on every version verso writes, with its modifiers', () => {
    const step = fc.record({
      bump: fc.constantFrom<Exclude<Bump, 'none'>>('major', 'minor', 'patch'),
      stage: fc.constantFrom<string | null>(null, null, 'dev', 'alpha', 'beta', 'rc', 'post'),
      days: fc.integer({ min: 0, max: 40 })
    })
    fc.assert(
      fc.property(FORMAT, STYLE, fc.array(step, { maxLength: 8 }), (text, style, steps) => {
        const format = parseCalverFormat(text, style)
        let today = Date.parse('2024-02-20T12:00:00Z')
        let version = nextCalver(format, null, new Date(today), 'patch', { counters: 'commits', date: 'release' }).version
        for (const { bump, stage, days } of steps) {
          const written = formatCalver(version)
          const read = parseCalver(format, written)
          expect(read && formatCalver(read)).toBe(written)
          expect(read && compareCalver(read, version)).toBe(0)
          today += days * 86_400_000
          const asked = stage === 'post' ? { post: true } : stage !== null && format.modifier ? { modifier: stage } : {}
          try {
            version = nextCalver(format, version, new Date(today), bump, { counters: 'commits', date: 'release', ...asked }).version
          } catch (error) {
            // A stage below the last prerelease, or a post-release where none can be, is refused.
            if (!(error instanceof VersoError && error.code === 'ECALVER')) throw error
          }
        }
      })
    )
  })

  it('every next version orders above the previous, in the chosen style, across days and stages', () => {
    const day = fc.integer({ min: 0, max: 40 })
    const step = fc.record({
      days: day,
      bump: fc.constantFrom<Exclude<Bump, 'none'>>('major', 'minor', 'patch'),
      stage: fc.constantFrom<string | undefined>(undefined, undefined, 'dev', 'alpha', 'beta', 'rc'),
      counters: fc.constantFrom<'calendar' | 'commits'>('calendar', 'commits')
    })
    fc.assert(
      fc.property(FORMAT, STYLE, fc.array(step, { minLength: 1, maxLength: 8 }), (text, style, steps) => {
        const format = parseCalverFormat(text, style)
        let today = Date.parse('2024-02-20T12:00:00Z')
        let previous: CalverVersion | null = null
        for (const { days, bump, stage, counters } of steps) {
          today += days * 86_400_000
          const modifier = format.modifier ? stage : undefined
          let next: CalverVersion
          try {
            next = nextCalver(format, previous, new Date(today), bump, { counters, date: 'release', modifier }).version
          } catch (error) {
            // An earlier stage than the last prerelease is refused, never released below it.
            if (error instanceof VersoError && error.code === 'ECALVER') continue
            throw error
          }
          if (previous !== null) expect(compareCalver(next, previous)).toBeGreaterThan(0)
          previous = next
        }
      })
    )
  })
})
