import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findReferences, parseReference } from '../../src/notes/references.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

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
