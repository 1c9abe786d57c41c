import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeCommits, type CommitDecision } from '../../src/commits/analyze.js'
import { parseMessage } from '../../src/commits/parse.js'
import { DEFAULT_RULES } from '../../src/commits/rules.js'
import { collectSections } from '../../src/notes/sections.js'

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

/** The decisions for commits written newest first, each counted by the default rules or not. */
function decide(messages: readonly string[]): readonly CommitDecision[] {
  const parsed = messages.map((message, i) => ({ sha: String(i).padStart(40, '0'), merge: false, message: parseMessage(message) }))
  return analyzeCommits(parsed, DEFAULT_RULES).decisions
}

// Subjects as a squash merge ends them, and the white space and brackets around that.
const UNITS = [' ', '\t', '(', ')', '#', '1', '(#1)', ' (#12)', '\u2028', '\u00a0', 'a', '!', ':', ',', '-']
const WORDS = [...UNITS, 'x', 'Revert "', '"', '  ', '(#', '#1)']

describe('collectSections reads in linear time', () => {
  it('any subject of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(fc.constantFrom('feat: ', 'fix(ui)!: ', 'perf(a): '), hostile(UNITS, WORDS), (header, subject) => {
        const decisions = decide([`${header}${subject}`, `${header}${subject} (#7)`, `fix: ${subject}`])
        expect(timed(BOUND_MS, () => collectSections(decisions)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of spaces inside a subject', () => {
    const subject = `a${' '.repeat(MEGABYTE)}b`
    const decisions = decide([`feat: ${subject}`, `feat: a b (#9)`])
    const { ms, value } = timed(MEGABYTE_MS, () => collectSections(decisions))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(value.map((s) => s.entries.map((e) => e.subject))).toEqual([['a b (#9)']])
  })

  it('a megabyte of pull-request suffixes, and of spaces between them', () => {
    for (const subject of [`a ${'(#1)'.repeat(MEGABYTE / 4)}x`, `a${' (#1) '.repeat(MEGABYTE / 6)}`, `a${' '.repeat(MEGABYTE)}(#1`]) {
      const decisions = decide([`feat: ${subject}`])
      expect(timed(MEGABYTE_MS, () => collectSections(decisions)).ms).toBeLessThan(MEGABYTE_MS)
    }
  })
})
