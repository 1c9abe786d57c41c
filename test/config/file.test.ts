import { describe, expect, it } from 'vitest'
import { parseConfigFile } from '../../src/config/file.js'
import { VersoError } from '../../src/errors.js'

function fileError(text: string): VersoError {
  let error: unknown
  try {
    parseConfigFile(text, '.github/verso.yml')
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

describe('parseConfigFile: list items YAML read as mappings', () => {
  it.each([
    [
      'an unquoted rule',
      'release-rules:\n  - refactor: patch\n',
      ['`release-rules` item 1, `refactor: patch`, was read by YAML as a mapping, not as text: quote it, `- "refactor: patch"`.']
    ],
    [
      'a rule with a scope, after a quoted one',
      'release-rules:\n  - "docs: patch"\n  - docs(readme): patch\n',
      ['`release-rules` item 2, `docs(readme): patch`, was read by YAML as a mapping, not as text: quote it, `- "docs(readme): patch"`.']
    ],
    [
      'a quoted key and an empty value',
      "release-rules:\n  - 'docs(readme)': patch\n  - refactor:\n",
      [
        '`release-rules` item 1, `docs(readme): patch`, was read by YAML as a mapping, not as text: quote it, `- "docs(readme): patch"`.',
        '`release-rules` item 2, `refactor:`, was read by YAML as a mapping, not as text: quote it, `- "refactor:"`.'
      ]
    ],
    [
      'two rules without a dash between them',
      'release-rules:\n  - docs: patch\n    refactor: patch\n',
      [
        '`release-rules` item 1, `docs: patch` and `refactor: patch`, was read by YAML as one mapping, not as text: ' +
          'quote each as an item of its own, `- "docs: patch"` and `- "refactor: patch"`.'
      ]
    ],
    [
      'a flow list',
      'release-rules: [docs: patch, "refactor: patch"]\n',
      ['`release-rules` item 1, `docs: patch`, was read by YAML as a mapping, not as text: quote it, `- "docs: patch"`.']
    ],
    [
      'a quote inside the text',
      'release-rules:\n  - docs: "pa\\"tch"\n',
      ['`release-rules` item 1, `docs: pa"tch`, was read by YAML as a mapping, not as text: quote it, `- "docs: pa\\"tch"`.']
    ],
    [
      'any list option',
      'release-branches:\n  - main\n  - release/*: rc\n',
      ['`release-branches` item 2, `release/*: rc`, was read by YAML as a mapping, not as text: quote it, `- "release/*: rc"`.']
    ],
    [
      'items that are no text at all',
      'types:\n  - [feat, fix]\n  - docs: [a]\n',
      ['`types` item 1 must be text, not a list.', '`types` item 2 must be text, not a mapping.']
    ]
  ])('%s', (_, text, details) => {
    const error = fileError(text)
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toBe(`.github/verso.yml has ${details.length} problem(s):`)
    expect(error.details).toEqual(details)
  })

  it('names every such item at once, with the problems of other keys', () => {
    const error = fileError('release-rules:\n  - refactor: patch\n  - "docs: patch"\n  - style: none\ntag_prefix: v\n')
    expect(error.details).toEqual([
      expect.stringMatching(/^`release-rules` item 1, `refactor: patch`,/),
      expect.stringMatching(/^`release-rules` item 3, `style: none`,/),
      expect.stringMatching(/^`tag_prefix` is not an option\./)
    ])
  })

  it('quotes at most a short, redacted excerpt of what it could not read', () => {
    const token = `ghp_${'a1B2'.repeat(9)}`
    const [detail] = fileError(`release-rules:\n  - docs: ${token}\n`).details
    expect(detail).not.toContain(token)
    expect(detail).toContain('[redacted]')
  })

  it('reads quoted items as text', () => {
    const text = 'release-rules:\n  - "refactor: patch"\n  - \'docs(readme): patch\'\n  - "*: none"\n'
    expect(parseConfigFile(text, 'f.yml')).toEqual({ 'release-rules': ['refactor: patch', 'docs(readme): patch', '*: none'] })
  })
})

describe('parseConfigFile: the wildcard rule', () => {
  it.each([
    ['release-rules:\n  - "docs: patch"\n  - *: none\n', '`- "*: none"`'],
    ['release-rules:\n  - *:patch\n', '`- "*: patch"`'],
    ['release-rules: *: minor\n', '`- "*: minor"`']
  ])('unquoted, `*` is a YAML alias: the error says to quote it (%j)', (text, quoted) => {
    const error = fileError(text)
    expect(error.message).toMatch(/^\.github\/verso\.yml is not valid YAML: /)
    expect(error.hint).toBe(`An unquoted \`*\` starts a YAML alias: quote a wildcard release rule, ${quoted}.`)
  })

  it.each([
    ['another error, with a wildcard rule in a block', 'release-rules: |\n  *: patch\ntag-prefix: [\n'],
    ['an alias of another name', 'release-rules:\n  - *rules\n']
  ])('gives no such hint for %s', (_, text) => {
    expect(fileError(text).hint).toBeUndefined()
  })

  it('reads it quoted, or in a block of lines', () => {
    expect(parseConfigFile('release-rules: |\n  *: patch\n  docs: none\n', 'f.yml')).toEqual({ 'release-rules': '*: patch\ndocs: none\n' })
  })
})

describe('an unquoted glob item', () => {
  it.each([
    ['branches:\n  - main\n  - *.x\n', '`- "*.x"`'],
    ['schemas:\n  - **/*.json\n', '`- "**/*.json"`']
  ])('%j says to quote it', (yaml, quoted) => {
    expect(() => parseConfigFile(yaml, '.github/verso.yml')).toThrow(expect.objectContaining({ hint: expect.stringContaining(quoted) }))
  })
})
