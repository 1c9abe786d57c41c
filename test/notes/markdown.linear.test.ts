import { describe, expect, it } from 'vitest'
import { renderBlocks, renderInline } from '../../src/notes/markdown.js'
import { parseRepositoryUrl } from '../../src/notes/repository-links.js'
import { MEGABYTE_MS, timed } from '../support/linear.js'

const none = () => null

describe('Markdown of commit text, linear in its length', () => {
  it.each([
    ['200,000 spaces around a line break', `a${' '.repeat(200_000)}\n${' '.repeat(200_000)}b`],
    ['a megabyte of unpaired backtick runs of growing length', Array.from({ length: 1400 }, (_, i) => '`'.repeat(i + 1)).join('x')],
    ['half a megabyte of single backticks and letters', '`a'.repeat(250_000)],
    ['a megabyte of brackets', '['.repeat(1_000_000)]
  ])('%s', (_, text) => {
    expect(timed(MEGABYTE_MS, () => renderInline(text, none)).ms).toBeLessThan(MEGABYTE_MS)
    expect(timed(MEGABYTE_MS, () => renderBlocks(text, none)).ms).toBeLessThan(MEGABYTE_MS)
  })

  it('still pairs code spans as CommonMark does', () => {
    expect(renderInline('a `` b ` c `` d `e`', none).markdown).toBe('a `` b ` c `` d `e`')
    expect(renderInline('unpaired ``` and `code`', none).markdown).toBe('unpaired \\`\\`\\` and `code`')
  })

  it('a repository URL ending in a long run of slashes', () => {
    const url = `https://github.com/octo-org/octo-repo${'/'.repeat(200_000)}`
    expect(timed(MEGABYTE_MS, () => parseRepositoryUrl(url)).ms).toBeLessThan(MEGABYTE_MS)
  })
})
