import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'
import { checkFooters } from '../../src/validate/footers.js'

const TOKEN_RULE = 'the token is exactly `BREAKING CHANGE:` or `BREAKING-CHANGE:`, in capitals'

describe('checkFooters: footers a tool reads as breaking', () => {
  it.each([
    'BREAKING CHANGE: the v1 API is gone',
    'BREAKING-CHANGE: the v1 API is gone',
    'BREAKING CHANGE:  two spaces are still a space',
    'BREAKING CHANGE:',
    'BREAKING CHANGE: x\r',
    'Refs: #12',
    'This is a breaking change: in prose, not a footer',
    'Breaking news: none',
    'BREAKING CHANGE #12'
  ])('%j', (line) => {
    expect(checkFooters(`Some body.\n\n${line}\n`)).toEqual([])
  })

  it('finds nothing in an empty body', () => {
    expect(checkFooters('')).toEqual([])
  })
})

describe('checkFooters: near misses', () => {
  it.each<[string, string, string | null]>([
    [
      'Breaking change: the v1 API is gone',
      `\`Breaking change:\` is not read as a breaking change: ${TOKEN_RULE}.`,
      'BREAKING CHANGE: the v1 API is gone'
    ],
    ['BREAKING CHANGES: x', `\`BREAKING CHANGES:\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING CHANGE: x'],
    ['Breaking Changes:', `\`Breaking Changes:\` is not read as a breaking change: ${TOKEN_RULE}.`, null],
    ['BREAKING_CHANGE: x', `\`BREAKING_CHANGE:\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING CHANGE: x'],
    ['BREAKINGCHANGE: x', `\`BREAKINGCHANGE:\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING CHANGE: x'],
    ['BREAKING: x', `\`BREAKING:\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING CHANGE: x'],
    ['breaking-change: x', `\`breaking-change:\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING-CHANGE: x'],
    ['Breaking - Change: x', `\`Breaking - Change:\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING-CHANGE: x'],
    // The wrong token is named first; once it is right, the next mistake shows.
    ['Breaking change :x', `\`Breaking change :\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING CHANGE: x'],
    [
      '  BREAKING CHANGE: x',
      'an indented `BREAKING CHANGE:` is not read as a breaking change: start the line with it.',
      'BREAKING CHANGE: x'
    ],
    [
      '\tBREAKING-CHANGE: x',
      'an indented `BREAKING-CHANGE:` is not read as a breaking change: start the line with it.',
      'BREAKING-CHANGE: x'
    ],
    [
      'BREAKING CHANGE : x',
      '`BREAKING CHANGE :` is not read as a breaking change: no space is allowed before its colon.',
      'BREAKING CHANGE: x'
    ],
    ['BREAKING CHANGE:x', 'a space must follow `BREAKING CHANGE:`.', 'BREAKING CHANGE: x'],
    ['BREAKING-CHANGE:\tx', 'a space must follow `BREAKING-CHANGE:`.', 'BREAKING-CHANGE: x'],
    ['Breaking change: x  \r', `\`Breaking change:\` is not read as a breaking change: ${TOKEN_RULE}.`, 'BREAKING CHANGE: x']
  ])('%j', (line, message, example) => {
    expect(checkFooters(`The old API goes.\n\n${line}\nRefs: #12\n`)).toEqual([{ code: 'footer-token', message, example, guessed: false }])
  })

  it('reports every bad footer, in order', () => {
    const body = 'Breaking change: a\nBREAKING CHANGE: b\n  BREAKING CHANGE: c\nbreaking change:d\n'
    expect(checkFooters(body).map((finding) => finding.example)).toEqual(['BREAKING CHANGE: a', 'BREAKING CHANGE: c', 'BREAKING CHANGE: d'])
  })

  it('suggests a footer that the parser reads as breaking', () => {
    for (const line of ['Breaking change: a', 'breaking-change: b', 'BREAKING CHANGE : c', '  BREAKING CHANGE: d']) {
      const [finding] = checkFooters(line)
      expect(finding?.example).toBeTypeOf('string')
      const parsed = parseMessage(`feat: x\n\n${finding!.example!}\n`)
      expect(parsed.kind === 'conventional' ? parsed.breakingNotes : null, line).toEqual([
        finding!.example!.replace(/^BREAKING[ -]CHANGE: /, '')
      ])
    }
  })

  it('reports the near misses the parser would silently let through as no breaking change', () => {
    for (const line of ['Breaking change: a', 'BREAKING CHANGES: a', '  BREAKING CHANGE: a']) {
      const parsed = parseMessage(`feat: x\n\n${line}\n`)
      expect(parsed.kind === 'conventional' ? parsed.breakingNotes : null, line).toEqual([])
      expect(checkFooters(line), line).toHaveLength(1)
    }
  })
})
