import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Bump } from '../../../src/commits/bump.js'
import { resolveConfig } from '../../../src/config/config.js'
import { VersoError } from '../../../src/errors.js'
import { describeCalverReason } from '../../../src/report/calver-reasons.js'
import { parseCalverFormat } from '../../../src/versions/calver/format.js'
import { nextCalver, type CalverNext, type CalverNextOptions } from '../../../src/versions/calver/next.js'
import { compareCalver, formatCalver, isCalverPrerelease, parseCalver } from '../../../src/versions/calver/version.js'
import { comparePep440 } from '../../../src/versions/pep440.js'
import { makePlan } from '../../notes/plans.js'

function runNext(
  format: string,
  previous: string | null,
  today: string,
  bump: Exclude<Bump, 'none'>,
  options: Partial<CalverNextOptions> = {}
): CalverNext {
  const parsed = parseCalverFormat(format, 'pep440')
  const base = previous === null ? null : parseCalver(parsed, previous)
  if (previous !== null && base === null) throw new Error(`fixture: ${previous} does not fit ${format}`)
  return nextCalver(parsed, base, new Date(`${today}T12:00:00Z`), bump, { counters: 'calendar', date: 'release', ...options })
}

describe('calver in the PEP 440 style: reading', () => {
  // Every spelling of one prerelease is the same version, written in PEP 440's normal form.
  it.each([
    '24.1rc1',
    '24.1-rc.1',
    '24.1-rc1',
    '24.1.rc1',
    '24.1_rc_1',
    '24.1RC1',
    '24.1c1',
    '24.1-c.1',
    '24.1pre1',
    '24.1-preview.1',
    '24.1rc01'
  ])('%s is 24.1rc1', (text) => {
    const format = parseCalverFormat('YY.MINOR', 'pep440')
    const version = parseCalver(format, text)
    expect(version && formatCalver(version)).toBe('24.1rc1')
    expect(version && compareCalver(version, parseCalver(format, '24.1rc1')!)).toBe(0)
  })

  it.each<[string, string]>([
    ['24.1a1', '24.1a1'],
    ['24.1alpha1', '24.1a1'],
    ['24.1b2', '24.1b2'],
    ['24.1-beta.2', '24.1b2'],
    ['24.1.dev3', '24.1.dev3'],
    ['24.1-dev3', '24.1.dev3'],
    ['24.1.post1', '24.1.post1'],
    ['24.1-1', '24.1.post1'],
    ['24.1rev1', '24.1.post1']
  ])('%s is %s', (text, written) => {
    const version = parseCalver(parseCalverFormat('YY.MINOR', 'pep440'), text)
    expect(version && formatCalver(version)).toBe(written)
  })

  it.each(['24.1.5', '24.1rc1.post1', '24.1+local', 'v24.1', '24.1 rc1'])('%s is not a version of YY.MINOR', (text) => {
    expect(parseCalver(parseCalverFormat('YY.MINOR', 'pep440'), text)).toBeNull()
  })

  it('a post-release is a final release; the stages are prereleases', () => {
    const format = parseCalverFormat('YY.MINOR', 'pep440')
    expect(isCalverPrerelease(parseCalver(format, '24.1.post1')!)).toBe(false)
    for (const text of ['24.1.dev1', '24.1a1', '24.1b1', '24.1rc1']) expect(isCalverPrerelease(parseCalver(format, text)!)).toBe(true)
  })

  it('orders as PEP 440: .devN < aN < bN < rcN < final < .postN', () => {
    const format = parseCalverFormat('YYYY.0M[.MICRO]', 'pep440')
    const order = ['2024.02.dev3', '2024.02a1', '2024.02b2', '2024.02rc1', '2024.02', '2024.02.post1', '2024.02.1.dev0', '2024.02.1']
    const versions = order.map((t) => parseCalver(format, t)!)
    for (let i = 1; i < versions.length; i++) expect(compareCalver(versions[i - 1]!, versions[i]!), order[i]).toBeLessThan(0)
  })

  it('a PEP 440 format writes its numbers with dots', () => {
    expect(() => parseCalverFormat('YYYY.MM.DD_MICRO', 'pep440')).toThrow(
      expect.objectContaining({
        details: [`PEP 440 writes a version's numbers with dots (version-style: pep440): "_" before MICRO`]
      })
    )
  })
})

describe('calver in the PEP 440 style: the next version', () => {
  it.each<[string, string | null, string, Exclude<Bump, 'none'>, Partial<CalverNextOptions>, string]>([
    ['YY.MINOR', '23.4', '2024-01-10', 'patch', {}, '24.0'],
    ['YY.MINOR', '24.0', '2024-01-10', 'patch', { modifier: 'alpha', modifierStart: 1 }, '24.1a1'],
    ['YY.MINOR', '24.1a1', '2024-01-11', 'patch', { modifier: 'beta', modifierStart: 1 }, '24.1b1'],
    ['YY.MINOR', '24.1b1', '2024-01-12', 'patch', { modifier: 'b' }, '24.1b2'],
    ['YY.MINOR', '24.1b2', '2024-01-13', 'patch', { modifier: 'rc', modifierStart: 1 }, '24.1rc1'],
    ['YY.MINOR', '24.1rc1', '2024-01-14', 'patch', {}, '24.1'],
    ['YY.MINOR', '24.1', '2024-01-15', 'patch', { modifier: 'dev', modifierStart: 1 }, '24.2.dev1'],
    ['YY.MINOR', '24.2.dev1', '2024-01-15', 'patch', { modifier: 'dev' }, '24.2.dev2'],
    ['YY.MINOR', '24.1', '2024-03-15', 'patch', { post: true }, '24.1.post1'],
    ['YY.MINOR', '24.1.post1', '2024-03-16', 'patch', { post: true }, '24.1.post2'],
    ['YY.MINOR', '24.1.post2', '2024-03-17', 'patch', {}, '24.2'],
    ['YY.MINOR', '24.1.post2', '2024-03-17', 'patch', { modifier: 'rc' }, '24.2rc0'],
    ['YYYY.0M.0D[.MICRO]', '2024.02.06', '2024-02-06', 'patch', { modifier: 'rc' }, '2024.02.06.1rc0']
  ])('%s after %s on %s (%s, %j): %s', (format, previous, today, bump, options, next) => {
    expect(formatCalver(runNext(format, previous, today, bump, options).version)).toBe(next)
  })

  it('a post-release says so', () => {
    expect(runNext('YY.MINOR', '24.1', '2024-03-15', 'patch', { post: true }).reasons.map(describeCalverReason)).toEqual([
      'bump: post releases 24.1 again, as its post-release 1'
    ])
  })

  it.each<[string, string | null, Partial<CalverNextOptions>, RegExp]>([
    ['YY.MINOR', null, { post: true }, /There is no release yet to make a post-release/],
    ['YY.MINOR', '24.1rc1', { post: true }, /The last release 24.1rc1 is a prerelease/],
    ['YY.MINOR', '24.1', { post: true, modifier: 'rc' }, /a post-release \(bump: post\) is a final release/i],
    ['YY.MINOR', '24.1rc1', { modifier: 'beta' }, /24.1b0 would sort below the previous release 24.1rc1/],
    ['YY.MINOR', '24.1', { modifier: 'next' }, /The prerelease channel "next" has no PEP 440 spelling/]
  ])('%s after %s with %j is refused', (format, previous, options, message) => {
    expect(() => runNext(format, previous, '2024-03-15', 'patch', options)).toThrow(message)
  })

  it('a post-release needs the PEP 440 style', () => {
    const parsed = parseCalverFormat('YY.MINOR')
    expect(() =>
      nextCalver(parsed, parseCalver(parsed, '24.1'), new Date('2024-03-15'), 'patch', {
        counters: 'calendar',
        date: 'release',
        post: true
      })
    ).toThrow(VersoError)
  })

  it('every next version orders above the previous one in PEP 440 order, as the library says', () => {
    const step = fc.record({
      days: fc.integer({ min: 0, max: 45 }),
      stage: fc.constantFrom<string | null>(null, null, 'dev', 'alpha', 'beta', 'rc', 'post'),
      bump: fc.constantFrom<Exclude<Bump, 'none'>>('major', 'minor', 'patch')
    })
    fc.assert(
      fc.property(
        fc.constantFrom('YY.MINOR', 'YYYY.0M[.MICRO]', 'YY.MINOR[.MICRO]', 'YYYY.MINOR.MICRO'),
        fc.array(step, { maxLength: 10 }),
        (format, steps) => {
          const parsed = parseCalverFormat(format, 'pep440')
          let today = Date.parse('2024-01-10T12:00:00Z')
          let previous = nextCalver(parsed, null, new Date(today), 'patch', { counters: 'commits', date: 'release' }).version
          for (const { days, stage, bump } of steps) {
            today += days * 86_400_000
            const options: CalverNextOptions =
              stage === 'post'
                ? { counters: 'commits', date: 'release', post: true }
                : { counters: 'commits', date: 'release', ...(stage ? { modifier: stage } : {}) }
            let next
            try {
              next = nextCalver(parsed, previous, new Date(today), bump, options).version
            } catch (error) {
              if (error instanceof VersoError && error.code === 'ECALVER') continue
              throw error
            }
            expect(
              comparePep440(formatCalver(next), formatCalver(previous)),
              `${formatCalver(previous)} → ${formatCalver(next)}`
            ).toBeGreaterThan(0)
            previous = next
          }
        }
      )
    )
  })
})

describe('calver in the PEP 440 style: plans', () => {
  const options = { scheme: 'calver', 'calver-format': 'YY.MINOR', 'version-style': 'pep440' }

  it('a beta branch releases b, counting from prerelease-start', () => {
    const plan = makePlan({ commits: ['feat: a'], base: 'v24.0', options: { ...options, prerelease: 'beta', 'prerelease-start': '1' } })
    expect(plan.next?.version).toBe('24.1b1')
    expect(plan.kind === 'release' && plan.standing.parts.prerelease).toBe('b1')
  })

  it('a post-release, forced by bump: post', () => {
    const plan = makePlan({
      commits: ['docs: a'],
      base: 'v24.1',
      options: { ...options, bump: 'post' },
      now: new Date('2024-05-01T12:00:00Z')
    })
    expect(plan.next?.version).toBe('24.1.post1')
    expect(plan.kind === 'release' && plan.standing.prerelease).toBe(false)
    expect(plan.reasons).toContainEqual({ kind: 'forced', bump: 'post', commits: 'none' })
  })

  it('the format is checked in the style chosen', () => {
    expect(() => resolveConfig({ ...options, 'calver-format': 'YYYY-0M' })).toThrow(
      expect.objectContaining({
        details: [`\`calver-format: YYYY-0M\`: PEP 440 writes a version's numbers with dots (version-style: pep440): "-" before 0M`]
      })
    )
  })
})
