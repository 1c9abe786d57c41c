import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { diagnoseHeader } from '../../src/validate/header.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

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
