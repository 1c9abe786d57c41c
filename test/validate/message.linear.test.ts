import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { validateMessage, validateTitle } from '../../src/validate/message.js'
import type { Problem, ProblemSubject } from '../../src/validate/problem.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, hostile, timed } from '../support/linear.js'

const UNITS = [' ', '\t', ':', '(', ')', '!', '#', ',', '-', '\n', '\r', '\u2028', 'a', '1', '"', 'Revert "', '#1 ', 'fix ']
const WORDS = [
  ...UNITS,
  'feat: x',
  'Fix ',
  'fixup! ',
  'Merge branch ',
  'Reapply "',
  'This reverts commit abcdef1.',
  'BREAKING CHANGE: ',
  'Breaking change:',
  '# ------------------------ >8 ------------------------\n',
  '\n\n',
  '🐛 '
]
const subject = fc.constantFrom<ProblemSubject>({ kind: 'title' }, { kind: 'message' }, { kind: 'commit', sha: 'abc1234' })
const types = fc.constantFrom(DEFAULT_TYPES, [], ['feat', 'fix'])
const codes = (problems: readonly Problem[]): string[] => problems.map((p) => p.code)

describe('validateMessage reads in linear time', () => {
  it('any message of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(hostile(UNITS, WORDS), subject, types, (message, who, allowed) => {
        expect(timed(BOUND_MS, () => validateMessage(message, { types: allowed, subject: who })).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a megabyte of a revert of a revert of …', () => {
    const depth = MEGABYTE / 18
    const header = `${'Revert "'.repeat(depth)}feat: x${'"'.repeat(depth)}`
    for (const [text, expected] of [
      [header, []],
      [`${header} (#12)`, []],
      [`${header} now`, ['revert-format']]
    ] as const) {
      for (const who of [{ kind: 'title' }, { kind: 'message' }] as const) {
        const { ms, value: problems } = timed(MEGABYTE_MS, () => validateMessage(text, { types: DEFAULT_TYPES, subject: who }))
        expect(ms).toBeLessThan(MEGABYTE_MS)
        expect(codes(problems)).toEqual(who.kind === 'title' && text.endsWith(')') ? ['revert-format'] : expected)
      }
    }
  })

  it('a megabyte of a header is too long, and says so', () => {
    for (const header of ['x'.repeat(MEGABYTE), `feat: ${'x'.repeat(MEGABYTE)}`, `feat:${' '.repeat(MEGABYTE)}x`]) {
      const { ms, value: problems } = timed(MEGABYTE_MS, () => validateTitle(header, { types: DEFAULT_TYPES }))
      expect(ms).toBeLessThan(MEGABYTE_MS)
      expect(codes(problems)).toContain('header-too-long')
    }
  })

  it('a megabyte of a body', () => {
    const bodies = [
      'Breaking change: y\n'.repeat(MEGABYTE / 19),
      `breaking${' '.repeat(MEGABYTE)}change${' '.repeat(MEGABYTE)}:`,
      `fix${' '.repeat(MEGABYTE)}a\u2028b`,
      '#\n'.repeat(MEGABYTE / 2)
    ]
    for (const body of bodies) {
      const message = `feat: x\n\n${body}`
      expect(timed(MEGABYTE_MS, () => validateMessage(message, { types: DEFAULT_TYPES, subject: { kind: 'message' } })).ms).toBeLessThan(
        MEGABYTE_MS
      )
    }
  })
})
