import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { checkSquashTitle, type SquashCommit } from '../../src/validate/squash.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

const UNITS = [' ', '\t', ':', '(', ')', '!', '#', ',', '-', '\r', '\u2028', 'a', '1', '"', 'Revert "', 'feat']
const WORDS = [...UNITS, 'feat: ', 'feat(api)', '!:', ': x', 'fixup! ', 'Merge branch ', '(#12)', 'BREAKING CHANGE: ']
const BREAKING: readonly SquashCommit[] = [
  { sha: 'a'.repeat(40), message: 'feat!: x' },
  { sha: 'b'.repeat(40), message: 'fix: y\n\nBREAKING CHANGE: z' }
]

describe('checkSquashTitle reads in linear time', () => {
  it('any title and commit message of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), hostile(UNITS, [...WORDS, '\n', '\n\n']), (title, message) => {
        const commits = [...BREAKING, { sha: 'c'.repeat(40), message }]
        expect(timed(BOUND_MS, () => checkSquashTitle(title, commits, { types: DEFAULT_TYPES })).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a title over breaking commits, the problem still told', () => {
    const depth = MEGABYTE / 18
    const spaces = ' '.repeat(MEGABYTE)
    const titles = [
      `${'Revert "'.repeat(depth)}feat: x${'"'.repeat(depth)}`,
      `feat${'!'.repeat(MEGABYTE)}${spaces}x`,
      `a${spaces}x`,
      `feat: ${'x'.repeat(MEGABYTE)}`
    ]
    for (const title of titles) {
      const { ms, value } = timed(MEGABYTE_MS, () => checkSquashTitle(title, BREAKING, { types: DEFAULT_TYPES }))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(value.map((p) => p.code)).toEqual(['squash-breaking'])
    }
  })

  it('a megabyte of commits', () => {
    const commits = Array.from({ length: MEGABYTE / 64 }, (_, i) => ({ sha: String(i).padStart(40, '0'), message: 'feat!: x' }))
    expect(timed(MEGABYTE_MS, () => checkSquashTitle('feat: x', commits, { types: DEFAULT_TYPES })).ms).toBeLessThan(MEGABYTE_MS)
  })
})
