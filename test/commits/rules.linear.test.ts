import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES, parseReleaseRules } from '../../src/commits/rules.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, timed } from '../support/linear.js'

const UNITS = [' ', '\t', ':', '(', ')', '!', '#', ',', '-', '*', '\n', '\r', '\u2028', 'a', '1']
const WORDS = [...UNITS, 'feat', 'docs(readme)', ': patch', ': none', '(*)', '# comment', '\r\n']
const repeated = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
    fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 2 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
    fc.nat(50_000)
  )
  .map(([before, unit, after, length]) => {
    const text = unit.join('')
    return before.join('') + text.repeat(Math.ceil(length / text.length)) + after.join('')
  })
const mixed = fc.array(fc.constantFrom(...WORDS), { maxLength: 10_000, size: 'max' }).map((words) => words.join('').slice(0, 50_000))

describe('parseReleaseRules reads in linear time', () => {
  it('any text of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(fc.oneof(repeated, mixed), (text) => {
        expect(timed(BOUND_MS, () => parseReleaseRules(text)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of `#` before a character that ends a line', () => {
    for (const end of ['\rx', '\u2028x', '']) {
      const { ms, value: parsed } = timed(MEGABYTE_MS, () => parseReleaseRules(`${'#'.repeat(MEGABYTE)}${end}`))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(parsed.rules).toEqual(DEFAULT_RULES)
    }
  })

  it('a megabyte of a rule in spaces, colons and a scope', () => {
    for (const text of [`feat${' '.repeat(MEGABYTE)}: minor`, `feat(${' '.repeat(MEGABYTE)}`, `feat:${':'.repeat(MEGABYTE)}`]) {
      const { ms, value: parsed } = timed(MEGABYTE_MS, () => parseReleaseRules(text))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(parsed.errors.length + parsed.rules.length).toBeGreaterThan(0)
    }
  })

  it('cuts a comment only from a `#` with nothing after it that ends a line, as before', () => {
    expect(parseReleaseRules('docs: patch\r# the docs ship').rules.find((r) => r.type === 'docs')?.bump).toBe('patch')
    expect(parseReleaseRules('docs: patch # x\ry').errors).toHaveLength(1)
    expect(parseReleaseRules('docs: patch # x\u2028y').errors).toHaveLength(1)
  })
})
