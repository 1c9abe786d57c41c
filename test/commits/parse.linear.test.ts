import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'
import { BOUND_MS, MEGABYTE, MEGABYTE_MS, timed } from '../support/linear.js'

// What the header pattern and the parser's patterns treat specially, and what they look for.
const UNITS = [' ', '\t', ':', '(', ')', '!', '#', ',', '-', '\n', '\r', '\u2028', 'a', '1', '#1 ', 'fix ', 'BREAKING CHANGE: y\n']
const WORDS = [...UNITS, 'Closes: ', 'o/r#2', 'BREAKING-CHANGE:', '-x-', 'gpg: ', '@a', 'http://a/', 'abcdef1 ', '\n\n', '\r\n']
// A unit repeated to 50,000 characters between a few words: where a pattern retries, this is where it shows.
const repeated = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
    fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 2 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
    fc.nat(50_000)
  )
  .map(([before, unit, after, length]) => {
    const text = unit.join('')
    return before.join('') + text.repeat(Math.ceil(length / text.length)) + after.join('')
  })
const mixed = fc.array(fc.constantFrom(...WORDS), { maxLength: 8_000, size: 'max' }).map((words) => words.join('').slice(0, 50_000))
// Headers the parser is given the whole message after, and none.
const start = fc.constantFrom('', 'feat: x\n\n', 'feat: x\n\nfix', 'feat: ', 'fix(a)!: b\n', 'revert: x\n\nRefs: ')

describe('parseMessage reads in linear time', () => {
  it('any text of up to 50,000 characters, quickly', () => {
    fc.assert(
      fc.property(start, fc.oneof(repeated, mixed), (header, text) => {
        expect(timed(BOUND_MS, () => parseMessage(header + text)).ms).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 150, endOnFailure: true }
    )
  }, 60_000)

  it('a `fix` before a megabyte of spaces and a line separator', () => {
    const message = `feat: x\n\nfix${' '.repeat(MEGABYTE)}a\u2028b`
    const { ms, value: parsed } = timed(MEGABYTE_MS, () => parseMessage(message))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(parsed.kind).toBe('conventional')
  })

  it('a megabyte of references in a header', () => {
    const message = `feat: ${'#1 '.repeat(MEGABYTE / 3)}`
    const { ms, value: parsed } = timed(MEGABYTE_MS, () => parseMessage(message))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(parsed.kind === 'conventional' && parsed.references.length).toBeGreaterThan(0)
  })

  it('a megabyte of breaking-change footers', () => {
    const message = `feat: x\n\n${'BREAKING CHANGE: y\n'.repeat(MEGABYTE / 19)}`
    const { ms, value: parsed } = timed(MEGABYTE_MS, () => parseMessage(message))
    expect(ms).toBeLessThan(MEGABYTE_MS)
    expect(parsed.kind === 'conventional' && parsed.breakingNotes.length).toBe(1000)
  })

  it('a megabyte of a header in parentheses, colons and spaces', () => {
    for (const header of [
      `feat(${' '.repeat(MEGABYTE)}`,
      `a:${' '.repeat(MEGABYTE)}x`,
      `feat${'('.repeat(MEGABYTE)}: x`,
      ':'.repeat(MEGABYTE)
    ]) {
      expect(timed(MEGABYTE_MS, () => parseMessage(header)).ms).toBeLessThan(MEGABYTE_MS)
    }
  })
})

describe('parseMessage on text the parser would read slowly', () => {
  it('gives a breaking change back as written, line separators and marks included', () => {
    const text = `a${' '.repeat(40)}b\u2028c \u2000 \uE000 ${'#'.repeat(150)} end\ncontinued \r with a CR`
    const parsed = parseMessage(`feat: x\n\nBREAKING CHANGE: ${text}\n\nRefs: #1`)
    expect(parsed.kind === 'conventional' && parsed.breakingNotes).toEqual([text])
  })

  it('reads the first hundred references of a line', () => {
    const line = Array.from({ length: 150 }, (_, i) => `#${i + 1}`).join(' ')
    const parsed = parseMessage(`feat: x\n\n${line}`)
    expect(parsed.kind === 'conventional' && parsed.references).toEqual(Array.from({ length: 100 }, (_, i) => `#${i + 1}`))
  })

  it('reads a line separator as white space on a line with a long run of it', () => {
    const parsed = parseMessage(`feat: x\n\nfix #1\u2028${' '.repeat(20)}#2`)
    expect(parsed.kind === 'conventional' && parsed.references).toEqual(['#1', '#2'])
  })

  it('reads the first thousand breaking-change footers, and the rest as text of the last', () => {
    const parsed = parseMessage(`feat: x\n\n${'BREAKING CHANGE: y\n'.repeat(1002)}`)
    expect(parsed.kind === 'conventional' && parsed.breakingNotes.length).toBe(1000)
    expect(parsed.kind === 'conventional' && parsed.breakingNotes.at(-1)).toBe('y\nBREAKING CHANGE: y\nBREAKING CHANGE: y')
  })

  it('reads a `-field-` line that ends the message after a breaking change', () => {
    for (const end of ['-x-', '-x-\n', '-x-\n\n-y-', '-x-\r\ngpg: signed']) {
      const parsed = parseMessage(`feat: x\n\nBREAKING CHANGE: y\n${end}`)
      expect(parsed.kind === 'conventional' && parsed.breakingNotes).toEqual(['y'])
    }
  })
})
