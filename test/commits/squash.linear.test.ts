import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readSquashMessage } from '../../src/commits/squash.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

// What the squash reading looks for at line starts, and what the header parser treats specially.
const UNITS = [' ', '\t', ':', '(', ')', '!', '#', '-', '*', '\n', '\r\n', '\r', 'a', '1', '* ', '* feat: x\n', 'BREAKING CHANGE: y\n']
const WORDS = [...UNITS, '---------\n', 'Co-authored-by: A <a@b>\n', ' (#12)', '  ', '\n\n', 'Revert "', '* Revert "feat: x"\n']

describe('readSquashMessage reads in linear time', () => {
  it('any body of up to 50,000 characters under a title that is not conventional, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), (body) => {
        expect(timed(BOUND_MS, () => readSquashMessage(`Export (#12)\n\n${body}`)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of bullets, of trailers, and of indented body', () => {
    const messages = [
      `Export\n\n${'* feat: x\n'.repeat(MEGABYTE / 10)}`,
      `Export\n\n* feat: x\n\n---------\n\n${'Co-authored-by: A <a@b>\n'.repeat(MEGABYTE / 24)}`,
      `Export\n\n* feat!: x\n\n${'  BREAKING CHANGE: y\n'.repeat(MEGABYTE / 21)}`,
      `Export\n\n* feat: x\n${' '.repeat(MEGABYTE)}\n`
    ]
    for (const message of messages) {
      const { ms, value } = timed(MEGABYTE_MS, () => readSquashMessage(message))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(value).not.toBeNull()
    }
  })
})
