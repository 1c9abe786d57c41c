import { describe, expect, it } from 'vitest'
import { clip, fitBytes, fitText } from '../../src/report/limits.js'

describe('clip', () => {
  it('keeps short text, and cuts long text to the limit with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short')
    expect(clip('x'.repeat(11), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(clip('x'.repeat(1_000_000)).length).toBe(200)
  })
})

describe('fitText', () => {
  it('keeps text that fits', () => expect(fitText('a\nb\n', 10, 'elsewhere')).toBe('a\nb\n'))

  it('cuts at a line, says how much is left out and where it is', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n')
    const fitted = fitText(text, 500, 'the log')
    expect(fitted.length).toBeLessThanOrEqual(500)
    expect(fitted).toMatch(/\n_… [\d,]+ more characters not shown here: the log\._\n$/)
    expect(text.startsWith(fitted.slice(0, fitted.indexOf('\n\n_…')))).toBe(true)
  })

  it('cuts inside a line when a single line is too long', () => {
    expect(fitText('x'.repeat(10_000), 1000, 'the log').length).toBeLessThanOrEqual(1000)
  })
})

describe('fitBytes', () => {
  it('counts UTF-8 bytes, not characters', () => {
    const text = '→'.repeat(100_000)
    const fitted = fitBytes(text, 50_000, 'the log')
    expect(Buffer.byteLength(fitted, 'utf8')).toBeLessThanOrEqual(50_000)
    expect(fitted.length).toBeGreaterThan(10_000)
  })

  it('keeps text that fits', () => expect(fitBytes('abc', 3, 'x')).toBe('abc'))
})
