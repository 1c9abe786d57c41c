import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeCommits, type CommitDecision } from '../../src/commits/analyze.js'
import { parseMessage } from '../../src/commits/parse.js'
import { DEFAULT_RULES } from '../../src/commits/rules.js'
import { collectSections } from '../../src/notes/sections.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

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
