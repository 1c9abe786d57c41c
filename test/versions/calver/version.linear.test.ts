import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCalverFormat } from '../../../src/versions/calver/format.js'
import { isModifierId, isSemverCompatible, parseCalver } from '../../../src/versions/calver/version.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../../support/linear.js'

// Formats whose modifiers are written every way a version can spell one.
const FORMATS = ['YYYY.0M.MICRO-MODIFIER', 'YY.0M.MINOR.MICRO-MODIFIER', 'YYYY.0W.MICRO', 'YYYY.0M.0D', 'YYYY_MAJOR-MODIFIER', 'YY.MM']
const READ = FORMATS.map((format) => parseCalverFormat(format))
const UNITS = ['0', '1', '9', '.', '-', '_', 'a', 'rc', 'z9', ' ', '!', '+']
const WORDS = [...UNITS, '2024', '2024.01.1', '24.1.0.0', '-rc.', '-rc', 'beta2b']

describe('CalVer versions read in linear time', () => {
  it('any tag of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...READ),
        fc.constantFrom('', '2024.01.1', '24.01.0.0-', '2024_1'),
        hostile(UNITS, WORDS),
        (format, start, text) => {
          expect(timed(BOUND_MS, () => parseCalver(format, start + text)).ms).toBeLessThan(BOUND_MS)
          expect(timed(BOUND_MS, () => isModifierId(text)).ms).toBeLessThan(BOUND_MS)
          expect(timed(BOUND_MS, () => isSemverCompatible(start + text)).ms).toBeLessThan(BOUND_MS)
        }
      ),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a modifier, a counter and an id', () => {
    const format = READ[0]!
    for (const text of [
      `2024.01.1-${'a1'.repeat(MEGABYTE / 2)}!`,
      `2024.01.1-r${'1'.repeat(MEGABYTE)}`,
      `2024.01.${'1'.repeat(MEGABYTE)}`
    ]) {
      const { ms, value } = timed(MEGABYTE_MS, () => parseCalver(format, text))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(value).toBeNull()
    }
    const id = timed(MEGABYTE_MS, () => isModifierId(`a${'1'.repeat(MEGABYTE)}!`))
    expect(id.ms).toBeLessThan(MEGABYTE_MS)
    expect(id.value).toBe(false)
    expect(timed(MEGABYTE_MS, () => isSemverCompatible(`1.2.3-${'a'.repeat(MEGABYTE)}`)).ms).toBeLessThan(MEGABYTE_MS)
  })
})
