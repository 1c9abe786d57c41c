import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { checkExample, fitExample, guessHeader, guessType, lowerFirstWord } from '../../src/validate/example.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

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
