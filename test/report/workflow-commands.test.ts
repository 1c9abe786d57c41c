import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutralizeCommands, neutralizeCommandsInJson } from '../../src/report/workflow-commands.js'
import { runnerCommands } from '../support/runner-commands.js'

/** The words again: the full-width forms back, and nothing the neutralizing dropped. */
const readBack = (text: string): string => text.replaceAll('\uff1a', ':').replaceAll('\uff03', '#')
const visible = (text: string): string => text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/[\t\r\n]/.test(c) ? c : ''))

const hostile = [
  '::add-mask::secret',
  '  ::stop-commands::token',
  '\t::set-env name=X::y',
  'text\r::warning::from a carriage return',
  'a ##[error]mid-line',
  '##[group]start',
  '\u00a0::error::after a no-break space',
  '::\n::\r\n::',
  '\u0085::warning::after a next-line character',
  '\u200b::warning::after a zero-width space',
  '\u00ad::warning::after a soft hyphen',
  ':\u200b:warning::a zero-width space inside',
  '#\u200b#[error]a zero-width space inside',
  '\u0001::error::after a control character'
]

describe('neutralizeCommands', () => {
  it.each(hostile)('%j reaches the runner as plain text', (text) => {
    const inert = neutralizeCommands(text)
    expect(runnerCommands(inert)).toEqual([])
    expect(visible(readBack(inert))).toBe(visible(text))
  })

  it('leaves ordinary text as it is', () => {
    const text = 'v1.2.3 → v1.3.0 (minor)\n  feat: a::b and C# [x]\n'
    expect(neutralizeCommands(text)).toBe(text)
  })

  it('for any text: no command line, and the same words', () => {
    const pieces = fc.constantFrom(
      '::',
      '##[',
      ':',
      '#',
      '[',
      ' ',
      '\t',
      '\u00a0',
      '\u0085',
      '\u200b',
      '\u00ad',
      '\u0001',
      '\r',
      '\n',
      'a',
      'add-mask'
    )
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
        (text) => {
          const inert = neutralizeCommands(text)
          expect(runnerCommands(inert)).toEqual([])
          expect(visible(readBack(inert))).toBe(visible(text))
        }
      )
    )
  })

  it('is linear: a megabyte of spaces and colons takes milliseconds', () => {
    const text = `${' '.repeat(500_000)}:${'#'.repeat(500_000)}`
    const started = performance.now()
    neutralizeCommands(text)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('neutralizeCommandsInJson', () => {
  it('keeps the data: every JSON reader sees the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('##[error]x', '::add-mask::y', 'a\\##[b'), (value, text) => {
        const data = { value, text, list: [text, `${text}\n::x`] }
        const json = neutralizeCommandsInJson(JSON.stringify(data, null, 2))
        expect(runnerCommands(json)).toEqual([])
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)))
      })
    )
  })
})
