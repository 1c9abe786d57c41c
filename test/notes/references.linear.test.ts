import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findReferences, parseReference } from '../../src/notes/references.js'

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

// What a reference is made of, and what may stand before and after one.
const UNITS = ['#', '1', 'a', '-', '/', '.', '_', ' ', '\t', '\n', ':', '(', ')', '!', ',', 'é', '#1', 'o/r']
const WORDS = [...UNITS, 'owner/repo#12', 'https://github.com/o/r#5', 'issue#6', 'x/#7', '#12a', '42']

describe('references read in linear time', () => {
  it('any text of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), (text) => {
        expect(timed(BOUND_MS, () => findReferences(text)).ms).toBeLessThan(BOUND_MS)
        expect(timed(BOUND_MS, () => parseReference(text)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of owners, repositories, digits and marks', () => {
    const texts = [
      'a'.repeat(MEGABYTE),
      `${'a/'.repeat(MEGABYTE / 2)}#`,
      `${`${'a'.repeat(100)}/${'b'.repeat(100)} `.repeat(MEGABYTE / 202)}`,
      `#${'1'.repeat(MEGABYTE)}a`,
      '#'.repeat(MEGABYTE),
      ` a${'-'.repeat(MEGABYTE)}/`
    ]
    for (const text of texts) {
      const { ms, value } = timed(MEGABYTE_MS, () => findReferences(text))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(value).toEqual([])
      expect(timed(MEGABYTE_MS, () => parseReference(text)).ms).toBeLessThan(MEGABYTE_MS)
    }
  })

  it('a megabyte of references, each found', () => {
    const count = Math.floor(MEGABYTE / 3)
    const { ms, value } = timed(MEGABYTE_MS, () => findReferences('#1 '.repeat(count)))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(value).toHaveLength(count)
  })
})
