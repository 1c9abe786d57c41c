import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { diagnoseHeader } from '../../src/validate/header.js'

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

// One line, as a header is: what the lenient reading and the parser treat specially.
const UNITS = [' ', '\t', ':', '(', ')', '!', '#', ',', '-', '\r', '\u2028', 'a', 'Z', '1', '🐛', ':bug:']
const WORDS = [...UNITS, 'feat', 'Fix ', 'feature', 'BREAKING CHANGE', '(api)', '!(', ': ', '[feat] ', ' - ', 'Revert "', 'WIP: ']
const types = fc.constantFrom(DEFAULT_TYPES, [], ['feat', 'fix'])

describe('diagnoseHeader reads in linear time', () => {
  it('any header of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), types, (header, allowed) => {
        expect(timed(BOUND_MS, () => diagnoseHeader(header, parseMessage(header), allowed)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a header, each mistake still named', () => {
    const spaces = ' '.repeat(MEGABYTE)
    const headers = [
      `feat(${spaces}`,
      `a:${spaces}x`,
      `feat!${spaces}(x): y`,
      `feat${spaces}!${spaces}x`,
      `BREAKING CHANGE${spaces}:${spaces}x`,
      `${'🐛'.repeat(MEGABYTE / 2)} fix: x`,
      `:${'a'.repeat(MEGABYTE)}`,
      `Fix${spaces}x\u2028`,
      `feat(${'('.repeat(MEGABYTE)}): x`
    ]
    for (const header of headers) {
      const { ms, value: findings } = timed(MEGABYTE_MS, () => diagnoseHeader(header, parseMessage(header), DEFAULT_TYPES))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(findings.length).toBeGreaterThan(0)
    }
  })
})
