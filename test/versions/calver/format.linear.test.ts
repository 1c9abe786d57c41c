import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../../src/errors.js'
import { parseCalverFormat, type CalverFormat } from '../../../src/versions/calver/format.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../../support/linear.js'

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
