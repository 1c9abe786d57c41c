import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'
import { checkSquashTitle, DEFAULT_TYPES, validateMessage, validateTitle, type ProblemSubject } from '../../src/validate/index.js'

// Pieces that steer arbitrary text towards the branches: types, scopes, colons, footers,
// comments, git's own headers.
const piece = fc.oneof(
  fc.constantFrom(
    'feat',
    'Fix',
    'feature',
    'chroe',
    'wip',
    '(',
    ')',
    '()',
    '(api)',
    '!',
    ':',
    ': ',
    '  ',
    ' ',
    '\t',
    '\n',
    '\n\n',
    '\r\n',
    '#',
    '# comment\n'
  ),
  fc.constantFrom(
    'BREAKING CHANGE: ',
    'Breaking change:',
    'BREAKING-CHANGE:',
    'Revert "',
    '"',
    'Reapply "',
    'Merge branch ',
    'Merge pull request #1 from x',
    'fixup! ',
    'amend! '
  ),
  fc.constantFrom('🐛 ', ':bug: ', '♻️', '(ui) ', '!(', ') ', 'feat(api)', ': '),
  fc.constantFrom(
    'This reverts commit 0123456789abcdef.',
    '# ------------------------ >8 ------------------------\n',
    '[',
    ']',
    ' - ',
    'Update',
    'add',
    '\u2028',
    '\uFEFF',
    '😀'
  ),
  fc.string({ maxLength: 12 })
)
const message = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(piece, { maxLength: 30 }).map((p) => p.join(''))
)
const subject: fc.Arbitrary<ProblemSubject> = fc.constantFrom({ kind: 'title' }, { kind: 'message' }, { kind: 'commit', sha: 'abc1234' })
// Small limits make most corrections too long; undefined is the default of 100.
const maxHeaderLength = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 40 }), fc.constant(Infinity))
const types = fc.oneof(fc.constant(DEFAULT_TYPES), fc.array(fc.constantFrom('feat', 'fix', 'Docs', 'deps', 'x', ''), { maxLength: 4 }))

describe('validateMessage: properties', () => {
  it('never throws, and quotes the header it read', () => {
    fc.assert(
      fc.property(message, subject, types, (text, who, allowed) => {
        const problems = validateMessage(text, { types: allowed, subject: who })
        for (const p of problems) {
          expect(p.subject).toBe(who)
          expect(p.header).not.toContain('\n')
          expect(p.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('offers only headers that are themselves valid, under the same options and length limit', () => {
    fc.assert(
      fc.property(message, subject, types, maxHeaderLength, (text, who, allowed, max) => {
        const options = { types: allowed, subject: who, ...(max === undefined ? {} : { maxHeaderLength: max }) }
        for (const p of validateMessage(text, options)) {
          if (p.example === null || p.code === 'footer-token') continue
          expect(validateMessage(p.example, options), p.example).toEqual([])
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('offers a squash title that is valid and breaking', () => {
    fc.assert(
      fc.property(message, types, maxHeaderLength, (title, allowed, max) => {
        const options = { types: allowed, ...(max === undefined ? {} : { maxHeaderLength: max }) }
        for (const p of checkSquashTitle(title, [{ sha: 'abc1234', message: 'feat!: x' }], options)) {
          expect(p.code).toBe('squash-breaking')
          if (p.example === null) continue
          expect(validateTitle(p.example, options), p.example).toEqual([])
          expect(checkSquashTitle(p.example, [{ sha: 'abc1234', message: 'feat!: x' }], options)).toEqual([])
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('accepts only what parses, or what git wrote', () => {
    fc.assert(
      fc.property(message, (text) => {
        if (validateMessage(text, { types: DEFAULT_TYPES, subject: { kind: 'commit', sha: 'abc1234' } }).length > 0) return
        const parsed = parseMessage(text)
        if (parsed.kind === 'unconventional') expect(parsed.header).toMatch(/^(Merge |Reapply ")/)
        if (parsed.kind === 'conventional') expect(DEFAULT_TYPES).toContain(parsed.type)
      }),
      { numRuns: 2000 }
    )
  })

  it('reads a long header in linear time', () => {
    const started = performance.now()
    for (const text of [
      `feat${' '.repeat(50_000)}x`,
      `feat(${'('.repeat(50_000)}`,
      `Breaking${' '.repeat(50_000)}x`,
      `x\n\nBREAKING${'-'.repeat(50_000)}`,
      `[${'a'.repeat(50_000)} b`,
      `:${'a'.repeat(50_000)}`,
      '🐛'.repeat(50_000),
      `${':a'.repeat(25_000)}: x`,
      `feat!${' '.repeat(50_000)}(`,
      `fix(${'x'.repeat(50_000)}) y`
    ]) {
      validateMessage(text, { types: DEFAULT_TYPES, subject: { kind: 'message' } })
    }
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})
