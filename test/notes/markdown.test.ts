import { describe, expect, it } from 'vitest'
import { escapeBlockStart, escapeMarkdown, indentLines, renderBlocks, renderInline, type LinkReference } from '../../src/notes/markdown.js'
import { linkReference, parseRepositoryUrl } from '../../src/notes/repository-links.js'
import { REPOSITORY_URL } from './plans.js'

const repository = parseRepositoryUrl(REPOSITORY_URL)
const link: LinkReference = (reference) => linkReference(repository, reference)
const noLinks: LinkReference = () => null
const issue = (n: number): string => `${REPOSITORY_URL}/issues/${n}`

describe('escapeMarkdown', () => {
  it.each([
    ['emphasis with stars', '*bold* and **strong**', '\\*bold\\* and \\*\\*strong\\*\\*'],
    ['emphasis with underscores', '_under_ and __strong__', '\\_under\\_ and \\_\\_strong\\_\\_'],
    ['strike-through', '~~struck~~', '\\~\\~struck\\~\\~'],
    ['a link', '[a link](https://evil.test)', '\\[a link\\](https://evil.test)'],
    ['an image', '![an image](x.png)', '!\\[an image\\](x.png)'],
    ['a reference-style link', '[x][1]', '\\[x\\]\\[1\\]'],
    ['an HTML tag', '<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['an autolink', '<https://evil.test>', '\\<https://evil.test>'],
    ['a named entity', '&amp; &nbsp;', '\\&amp; \\&nbsp;'],
    ['a numeric entity', '&#60; and &#x3C;', '\\&#60; and \\&#x3C;'],
    ['a backslash', 'C:\\path\\*', 'C:\\\\path\\\\\\*'],
    ['backticks', '`code`', '\\`code\\`']
  ])('escapes %s', (_, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected)
  })

  it.each([
    ['an underscore inside a word', 'parse_args and snake_case_name', 'parse_args and snake_case_name'],
    ['an underscore between digits', 'v1_2 and 10_000', 'v1_2 and 10_000'],
    ['an underscore between non-ASCII letters', 'café_crème and 日本_語', 'café_crème and 日本_語'],
    ['an ampersand that is no entity', 'R&D, a & b, &nbsp without a semicolon', 'R&D, a & b, &nbsp without a semicolon'],
    // A pipe is escaped anywhere: two lines of pipes can make a table.
    ['characters that only matter at the start of a line', '# > - + = | 1. 2)', '# > - + = \\| 1. 2)'],
    ['plain text', 'read every tag in one git process', 'read every tag in one git process']
  ])('leaves %s as it is', (_, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected)
  })

  it.each([
    ['at the start of the text', '_private', '\\_private'],
    ['at the end of the text', 'name_', 'name\\_'],
    ['next to another underscore', '__init__', '\\_\\_init\\_\\_'],
    ['next to punctuation', 'x._y', 'x.\\_y'],
    ['next to a space', 'a _b', 'a \\_b']
  ])('escapes an underscore %s, where it could open or close emphasis', (_, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected)
  })

  it('leaves nothing unescaped in a string made only of special characters', () => {
    expect(escapeMarkdown('\\`*[]~<_')).toBe('\\\\\\`\\*\\[\\]\\~\\<\\_')
  })
})

describe('renderInline', () => {
  it('keeps code spans as written, and escapes the text around them', () => {
    expect(renderInline('a *b* `<b>*c*</b>` d_e _f_', noLinks)).toEqual({
      markdown: 'a \\*b\\* `<b>*c*</b>` d_e \\_f\\_',
      references: new Set()
    })
  })

  it.each([
    ['a span of two backticks holding one', '``a ` tick``', '``a ` tick``'],
    ['two spans on one line', '`a` and `b`', '`a` and `b`'],
    ['a run of two backticks inside a span of one', 'x`a``b`', 'x`a``b`'],
    ['a lone backtick', 'a ` does not open one', 'a \\` does not open one'],
    ['runs of different lengths', '``a`', '\\`\\`a\\`'],
    ['a span closed by the next run of its length', '` open `x`', '` open `x\\`']
  ])('pairs backticks as CommonMark does: %s', (_, text, expected) => {
    expect(renderInline(text, noLinks).markdown).toBe(expected)
  })

  it('links references where they stand, and reports them', () => {
    expect(renderInline('fix #12 (see octo-org/other#5)', link)).toEqual({
      markdown: `fix [#12](${issue(12)}) (see [octo-org/other#5](https://github.com/octo-org/other/issues/5))`,
      references: new Set(['#12', 'octo-org/other#5'])
    })
  })

  it('escapes the text next to a reference without breaking the link', () => {
    expect(renderInline('*see #3*', link).markdown).toBe(`\\*see [#3](${issue(3)})\\*`)
    expect(renderInline('<b>#1</b>', link).markdown).toBe(`\\<b>[#1](${issue(1)})\\</b>`)
  })

  it('leaves a reference as text when there is nowhere to link it, and still reports it', () => {
    expect(renderInline('fix #12', noLinks)).toEqual({ markdown: 'fix #12', references: new Set(['#12']) })
  })

  it('does not link or report a reference inside a code span', () => {
    expect(renderInline('see `#7` and #8', link)).toEqual({
      markdown: `see \`#7\` and [#8](${issue(8)})`,
      references: new Set(['#8'])
    })
  })

  it('does not link what is not a reference', () => {
    expect(renderInline('issue#6, x/#7, https://x.test/a/b#8', link)).toEqual({
      markdown: 'issue#6, x/#7, https://x.test/a/b#8',
      references: new Set()
    })
  })

  it('folds line breaks and the white space around them into one space', () => {
    expect(renderInline('first line\n  second\r\n\tthird', noLinks).markdown).toBe('first line second third')
  })

  it('folds line breaks before pairing backticks, as a paragraph would', () => {
    expect(renderInline('`a\nb`', noLinks).markdown).toBe('`a b`')
  })

  it('renders empty text as nothing', () => {
    expect(renderInline('', link)).toEqual({ markdown: '', references: new Set() })
  })

  // A reference split off from the `&` before it leaves `&#60;` whole, and with no link to
  // separate them an entity is written: the text shows `<` instead of itself.
  it('keeps a numeric entity as text when the reference inside it is not linked', () => {
    expect(renderInline('&#60;script&#62;', noLinks).markdown).toBe('\\&#60;script\\&#62;')
  })
})

describe('renderBlocks', () => {
  it('keeps paragraphs, and trims each line', () => {
    expect(renderBlocks('  first paragraph\n  goes on\n\nsecond one  ', noLinks).markdown).toBe('first paragraph\ngoes on\n\nsecond one')
  })

  it.each([
    ['a blank line with spaces', 'a\n \t \nb'],
    ['CRLF line ends', 'a\r\n\r\nb'],
    ['several blank lines', 'a\n\n\n\nb']
  ])('separates paragraphs at %s', (_, text) => {
    expect(renderBlocks(text, noLinks).markdown).toBe('a\n\nb')
  })

  it('keeps list items, with one space after the marker', () => {
    const text = 'keys are renamed:\n- `foo` is `bar`\n*\tbaz is *qux*\n+ a\n1. one\n2) two\n123456789. nine digits'
    expect(renderBlocks(text, noLinks).markdown).toBe(
      'keys are renamed:\n- `foo` is `bar`\n* baz is \\*qux\\*\n+ a\n1. one\n2) two\n123456789. nine digits'
    )
  })

  it.each([
    ['a heading', '# not a heading', '\\# not a heading'],
    ['a heading without a space', '#not-a-heading', '\\#not-a-heading'],
    ['a quote', '> not a quote', '\\> not a quote'],
    ['a rule', '---', '\\---'],
    ['a rule of stars', '***', '\\*\\*\\*'],
    ['a rule of underscores', '___', '\\_\\_\\_'],
    ['a setext underline', 'a title\n===', 'a title\n\\==='],
    ['a table row', '| a | b |', '\\| a \\| b \\|'],
    ['a fence', '```js', '\\`\\`\\`js'],
    ['a tilde fence', '~~~', '\\~\\~\\~'],
    ['an indented code block', '    code', 'code'],
    ['an HTML block', '<details>', '\\<details>'],
    ['a list marker without its space', '1.', '1\\.'],
    ['a number of ten digits', '1234567890. x', '1234567890. x']
  ])('escapes %s to plain text', (_, text, expected) => {
    expect(renderBlocks(text, noLinks).markdown).toBe(expected)
  })

  it('links references on every line and reports them all', () => {
    const rendered = renderBlocks('call /v2 instead (#4)\n\n- see octo-org/other#5\n- and `#6`', link)
    expect(rendered).toEqual({
      markdown:
        `call /v2 instead ([#4](${issue(4)}))\n\n` + '- see [octo-org/other#5](https://github.com/octo-org/other/issues/5)\n- and `#6`',
      references: new Set(['#4', 'octo-org/other#5'])
    })
  })

  it('a line that opens with a reference is no heading', () => {
    expect(renderBlocks('#12 is fixed', noLinks).markdown).toBe('\\#12 is fixed')
    expect(renderBlocks('#12 is fixed', link).markdown).toBe(`[#12](${issue(12)}) is fixed`)
  })

  it.each(['', '   ', '\n\n', ' \n \n '])('renders white space (%j) as nothing', (text) => {
    expect(renderBlocks(text, link)).toEqual({ markdown: '', references: new Set() })
  })

  // A list item is kept, but what follows its marker is not escaped as a block start: a
  // footer line `- # x` puts a heading inside the list, `- > x` a quote.
  it('escapes a block that starts right after a list marker', () => {
    expect(renderBlocks('- # not a heading\n- > not a quote', noLinks).markdown).toBe('- \\# not a heading\n- \\> not a quote')
  })

  // A header line with pipes followed by a delimiter row that opens with `:` is a GFM
  // table: escapeBlockStart escapes a leading `|` or `-`, not `:`.
  it('does not let two lines of a footer form a table', () => {
    const [header = '', delimiter = ''] = renderBlocks('a | b\n:-- | --', noLinks).markdown.split('\n')
    const unescapedPipe = /(^|[^\\])\|/
    const delimiterRow = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?$/
    expect(unescapedPipe.test(header) && delimiterRow.test(delimiter)).toBe(false)
  })
})

describe('escapeBlockStart', () => {
  it.each([
    ['# heading', '\\# heading'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['= underline', '\\= underline'],
    ['| cell |', '\\| cell |'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['123456789. item', '123456789\\. item'],
    ['7.', '7\\.'],
    ['1.\titem', '1\\.\titem']
  ])('escapes %j', (text, expected) => {
    expect(escapeBlockStart(text)).toBe(expected)
  })

  it.each([
    ['a number of ten digits', '1234567890. item'],
    ['a decimal number', '1.5 apples'],
    ['a version', '2.0.0 is out'],
    ['plain text', 'plain text'],
    ['nothing', ''],
    ['a character that escapeMarkdown handles', '\\* item'],
    ['a block start after the first line', 'first\n# second']
  ])('leaves %s as it is', (_, text) => {
    expect(escapeBlockStart(text)).toBe(text)
  })
})

describe('indentLines', () => {
  it.each([
    ['one line', 'a', '  a'],
    ['several lines', 'a\nb\nc', '  a\n  b\n  c'],
    ['blank lines stay blank', 'a\n\nb', '  a\n\n  b'],
    ['a trailing newline', 'a\n', '  a\n'],
    ['nothing', '', '']
  ])('%s', (_, markdown, expected) => {
    expect(indentLines(markdown, '  ')).toBe(expected)
  })

  it('indents by any prefix, and each line once', () => {
    expect(indentLines('- a\n\n  b', '    ')).toBe('    - a\n\n      b')
  })
})
