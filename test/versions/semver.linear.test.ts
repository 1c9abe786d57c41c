import fc from 'fast-check'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { isPrereleaseId, nextSemver, parseSemver } from '../../src/versions/semver.js'

// Generous for a loaded machine, yet far below what reading text again for each of its
// characters costs: at 50,000 characters that is seconds, at a megabyte minutes.
const BOUND_MS = 200
const MEGABYTE_MS = 1000
const MEGABYTE = 1 << 20

/**
 * What a call returns and the milliseconds it took; timed again when over `bound`, since a
 * pause of the machine slows one run but a quadratic reading slows every run.
 */
function timed<T>(bound: number, run: () => T): { readonly ms: number; readonly value: T } {
  const once = (): { ms: number; value: T } => {
    const started = performance.now()
    const value = run()
    return { ms: performance.now() - started, value }
  }
  const first = once()
  if (first.ms <= bound) return first
  const second = once()
  return second.ms < first.ms ? second : first
}

/** A unit repeated to up to 50,000 characters between a few words: where a pattern retries, this is where it shows. */
function hostile(units: readonly string[], words: readonly string[]): fc.Arbitrary<string> {
  const repeated = fc
    .tuple(
      fc.array(fc.constantFrom(...words), { maxLength: 3 }),
      fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 2 }),
      fc.array(fc.constantFrom(...words), { maxLength: 3 }),
      fc.nat(50_000)
    )
    .map(([before, unit, after, length]) => {
      const text = unit.join('')
      return before.join('') + text.repeat(Math.ceil(length / text.length)) + after.join('')
    })
  const mixed = fc.array(fc.constantFrom(...words), { maxLength: 10_000, size: 'max' }).map((all) => all.join('').slice(0, 50_000))
  return fc.oneof(repeated, mixed)
}

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
