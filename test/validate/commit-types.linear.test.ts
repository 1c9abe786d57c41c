import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES, matchType, measureDistance, normalizeTypes } from '../../src/validate/commit-types.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

const UNITS = ['a', 'b', 'ab', 'fix', 'feat', '_', '1', ' ', '-', ':', '(', '#']
const WORDS = [...UNITS, 'chore', 'docs', 'feature', 'x']
// A word and a type one edit from it: the spelling is compared, not just the lengths.
const near = hostile(UNITS, WORDS).chain((word) =>
  fc
    .tuple(fc.constant(word), fc.nat(word.length), fc.constantFrom('', 'z', 'zz'))
    .map(([w, at, edit]) => [w, w.slice(0, at) + edit + w.slice(at + 1)] as const)
)

describe('matchType and measureDistance read in linear time', () => {
  it('any word and type of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(near, fc.integer({ min: 0, max: 3 }), ([word, type], limit) => {
        const allowed = normalizeTypes([...DEFAULT_TYPES, type])
        expect(timed(BOUND_MS, () => matchType(word, allowed)).ms).toBeLessThan(BOUND_MS)
        expect(timed(BOUND_MS, () => measureDistance(word, type, limit)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a type one letter from an allowed one', () => {
    const half = 'a'.repeat(MEGABYTE / 2)
    const type = `${half}a${half}`
    const { ms, value: match } = timed(MEGABYTE_MS, () => matchType(`${half}b${half}`, [...DEFAULT_TYPES, type]))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(match).toEqual({ type, how: 'close' })
    const distance = timed(MEGABYTE_MS, () => measureDistance(`${half}ba${half}`, `${half}ab${half}`, 2))
    expect(distance.ms).toBeLessThan(MEGABYTE_MS)
    expect(distance.value).toBe(1)
  })

  it('a megabyte of types', () => {
    const types = Array.from({ length: MEGABYTE / 8 }, (_, i) => ` Type${i}`)
    expect(timed(MEGABYTE_MS, () => matchType('type1', normalizeTypes(types))).ms).toBeLessThan(MEGABYTE_MS)
  })
})
