import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { checkSquashTitle, type SquashCommit } from '../../src/validate/squash.js'

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
