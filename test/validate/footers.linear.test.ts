import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkFooters } from '../../src/validate/footers.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

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
