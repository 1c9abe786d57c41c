import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkFooters } from '../../src/validate/footers.js'

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

// The near misses the footer check reads: spacing, separators and case around the token.
const UNITS = [' ', '\t', ':', '-', '_', '\n', '\r', '\r\n', '\u2028', 'a', 'breaking', 'change', 'S', '#', '!', '(', ')', ',']
const WORDS = [...UNITS, 'BREAKING CHANGE:', 'BREAKING-CHANGE: ', 'Breaking change:', 'BREAKING CHANGES :', 'breaking_change:', '  ', 'x']

describe('checkFooters reads in linear time', () => {
  it('any body of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), (body) => {
        expect(timed(BOUND_MS, () => checkFooters(body)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of footers that are near misses', () => {
    const spaces = ' '.repeat(MEGABYTE)
    const bodies = [
      `breaking${spaces}change${spaces}\u2028`,
      `breaking${'-_ '.repeat(MEGABYTE / 3)}x`,
      `${spaces}BREAKING CHANGE${spaces}:${spaces}x`,
      'Breaking change: y\n'.repeat(MEGABYTE / 19)
    ]
    for (const body of bodies) {
      const { ms, value: findings } = timed(MEGABYTE_MS, () => checkFooters(body))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(findings.every((f) => f.code === 'footer-token')).toBe(true)
    }
  })
})
