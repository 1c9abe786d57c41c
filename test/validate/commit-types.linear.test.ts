import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES, matchType, measureDistance, normalizeTypes } from '../../src/validate/commit-types.js'

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
