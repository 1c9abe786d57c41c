import fc from 'fast-check'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { isPrereleaseId, nextSemver, parseSemver } from '../../src/versions/semver.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

const UNITS = ['0', '1', '9', '.', '-', '+', 'a', 'rc', 'v', ' ', '=', '!']
const WORDS = [...UNITS, '1.2.3', '1.2.3-', '0.0.0+', '01', 'beta.1']

describe('SemVer versions read in linear time', () => {
  it('any text of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), (text) => {
        expect(timed(BOUND_MS, () => parseSemver(text)).ms).toBeLessThan(BOUND_MS)
        expect(timed(BOUND_MS, () => isPrereleaseId(text)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a version and of a prerelease id', () => {
    for (const text of [`1.2.3-${'a.'.repeat(MEGABYTE / 2)}`, '1'.repeat(MEGABYTE), `${'a-'.repeat(MEGABYTE / 2)}!`]) {
      expect(timed(MEGABYTE_MS, () => parseSemver(text)).ms).toBeLessThan(MEGABYTE_MS)
      expect(timed(MEGABYTE_MS, () => isPrereleaseId(text)).ms).toBeLessThan(MEGABYTE_MS)
    }
  })

  it('counts on past two hundred thousand prereleases', () => {
    const taken = Array.from({ length: 200_000 }, (_, i) => new semver.SemVer(`1.1.0-rc.${i}`))
    const input = {
      base: taken.at(-1)!,
      stable: new semver.SemVer('1.0.0'),
      bump: 'minor',
      initialVersion: new semver.SemVer('0.1.0'),
      prerelease: 'rc',
      taken
    } as const
    const { ms, value } = timed(MEGABYTE_MS, () => nextSemver(input))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(value.version.version).toBe('1.1.0-rc.200000')
  })
})
