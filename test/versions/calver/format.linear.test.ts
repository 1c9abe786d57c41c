import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../../src/errors.js'
import { parseCalverFormat, type CalverFormat } from '../../../src/versions/calver/format.js'

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

/** The format, or the problems it has: a format that is wrong says so, and is no slower for it. */
function read(text: string): CalverFormat | readonly string[] {
  try {
    return parseCalverFormat(text)
  } catch (error) {
    if (error instanceof VersoError) return error.details
    throw error
  }
}

const UNITS = ['.', '-', '_', 'YYYY', '0M', 'MM', 'WW', 'DD', 'MAJOR', 'MINOR', 'MICRO', 'MODIFIER', 'yyyy', 'a', ' ', '1']
const WORDS = [...UNITS, 'YYYY.0M.MICRO', '-MODIFIER', 'ZZ', '..']

describe('parseCalverFormat reads in linear time', () => {
  it('any format of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), (text) => {
        expect(timed(BOUND_MS, () => read(text)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a format is one problem, told at once', () => {
    for (const text of [
      '.'.repeat(MEGABYTE),
      `${'YYYY.'.repeat(MEGABYTE / 5)}YYYY`,
      'MICRO.MINOR.'.repeat(MEGABYTE / 12),
      `${'a.'.repeat(MEGABYTE / 2)}`
    ]) {
      const { ms, value } = timed(MEGABYTE_MS, () => read(text))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(value).toEqual([expect.stringMatching(/^the format has \d+ tokens; a CalVer format has at most 7/)])
    }
  })

  it('a megabyte of one token is read as one', () => {
    const { ms, value } = timed(MEGABYTE_MS, () => read('MODIFIER'.repeat(MEGABYTE / 8)))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(value).toEqual([expect.stringMatching(/^unknown token/)])
  })

  it('still lists each problem of a format of sixteen tokens', () => {
    expect(read('YYYY.'.repeat(15) + 'YYYY')).toEqual(Array.from({ length: 15 }, () => 'YYYY appears more than once'))
  })
})
