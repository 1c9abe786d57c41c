import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { checkExample, fitExample, guessHeader, guessType, lowerFirstWord } from '../../src/validate/example.js'

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

// A header without a type, as guessHeader is given one: tags, separators, verbs and spacing.
const UNITS = [' ', '\t', ':', '(', ')', '!', '#', ',', '-', '|', '[', ']', '\r', '\u2028', 'a', 'A', '1', '_', '.']
const WORDS = [...UNITS, 'Fix ', 'fix', 'Add ', 'README ', '[Feature] ', 'docs - ', 'feat: ', 'Update', '–', '—']
const types = fc.constantFrom(DEFAULT_TYPES, [], ['feat', 'fix'])

describe('the examples read in linear time', () => {
  it('any text of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), types, fc.boolean(), (text, allowed, bang) => {
        expect(timed(BOUND_MS, () => guessHeader(text, allowed, bang)).ms).toBeLessThan(BOUND_MS)
        expect(timed(BOUND_MS, () => guessType(text, allowed)).ms).toBeLessThan(BOUND_MS)
        expect(timed(BOUND_MS, () => checkExample(text, allowed, false)).ms).toBeLessThan(BOUND_MS)
        expect(timed(BOUND_MS, () => lowerFirstWord(text)).ms).toBeLessThan(BOUND_MS)
        const finding = { code: 'not-conventional', message: text, example: text, guessed: bang }
        expect(timed(BOUND_MS, () => fitExample(finding, 100)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a header to guess a type for', () => {
    const spaces = ' '.repeat(MEGABYTE)
    for (const text of [
      `Fix${spaces}x\u2028`,
      `a${spaces}|${spaces}\u2028`,
      `[feat]${spaces}x\u2028`,
      `Add ${'a '.repeat(MEGABYTE / 2)}`
    ]) {
      const { ms, value: example } = timed(MEGABYTE_MS, () => guessHeader(text, DEFAULT_TYPES))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(example?.header ?? '').not.toContain('\n')
    }
  })

  it('a megabyte of an example too long to show', () => {
    const finding = {
      code: 'not-conventional',
      message: `${'.'.repeat(MEGABYTE)}.`,
      example: `feat: ${'x'.repeat(MEGABYTE)}`,
      guessed: false
    }
    const { ms, value: fitted } = timed(MEGABYTE_MS, () => fitExample(finding, 100))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(fitted.example).toBeNull()
  })
})
