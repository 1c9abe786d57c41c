import { describe, expect, it } from 'vitest'
import { findReferences, parseReference } from '../../src/notes/references.js'

describe('parseReference', () => {
  it.each([
    ['#12', { repository: null, number: '12' }],
    ['#0', { repository: null, number: '0' }],
    ['#123456789', { repository: null, number: '123456789' }],
    ['octo-org/octo-repo#5', { repository: 'octo-org/octo-repo', number: '5' }],
    ['Octo/Repo#5', { repository: 'Octo/Repo', number: '5' }],
    ['a1/b.c_d-e#7', { repository: 'a1/b.c_d-e', number: '7' }],
    ['0/x#1', { repository: '0/x', number: '1' }]
  ])('reads %s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected)
  })

  it.each([
    ['an empty string', ''],
    ['a lone #', '#'],
    ['a number without #', '12'],
    ["Jira's and GitLab's GH- form", 'GH-123'],
    ['a number followed by letters', '#12a'],
    ['a negative number', '#-1'],
    ['a decimal', '#1.5'],
    ['a repository without an owner', 'repo#5'],
    ['an owner starting with a hyphen', '-org/repo#5'],
    ['an owner with an underscore', 'octo_org/repo#5'],
    ['an owner with a dot', 'octo.org/repo#5'],
    ['a path of three parts', 'a/b/c#5'],
    ['an empty repository', 'org/#5'],
    ['no number after owner/repo', 'org/repo#'],
    ['leading white space', ' #12'],
    ['trailing white space', '#12 '],
    ['a trailing newline', '#12\n'],
    ['an issue URL', 'https://github.com/octo-org/octo-repo/issues/5'],
    ['a URL with a fragment', 'https://github.com/octo-org/octo-repo#5'],
    ['two references', '#1 #2'],
    ['a mention', '@octocat'],
    ['a commit sha', 'c0ffee1']
  ])('rejects %s', (_, text) => {
    expect(parseReference(text)).toBeNull()
  })
})

describe('findReferences', () => {
  it('finds each reference with where it stands', () => {
    expect(findReferences('fix #12 and octo-org/other#5, refs #3.')).toEqual([
      { text: '#12', index: 4 },
      { text: 'octo-org/other#5', index: 12 },
      { text: '#3', index: 35 }
    ])
  })

  it.each([
    ['the start of the text', '#5 first', '#5'],
    ['the end of the text', 'last #5', '#5'],
    ['parentheses, as a squash merge writes it', 'add x (#21)', '#21'],
    ['brackets', '[#5]', '#5'],
    ['quotes', '"#5"', '#5'],
    ['a comma after it', '#5, #6', '#5'],
    ['a full stop after it', 'see #5.', '#5'],
    ['a colon before it', 'closes:#5', '#5'],
    ['a line break before it', 'x\n#5', '#5'],
    ['an owner of digits', 'see 42/app#5', '42/app#5'],
    ['a repository with dots and underscores', 'see octo/my_repo.js#5', 'octo/my_repo.js#5']
  ])('finds a reference at %s', (_, text, reference) => {
    expect(findReferences(text)[0]?.text).toBe(reference)
  })

  it.each([
    ['inside a word', 'issue#6'],
    ['after a digit', 'v2#6'],
    ['after an underscore', 'foo_#3'],
    ['after a hyphen', 'step-#3'],
    ['after a dot', 'file.#3'],
    ['after a slash', 'x/#7'],
    ['after another #', '##4'],
    ['after a non-ASCII letter', 'café#5 and 日本#6'],
    ['followed by letters', '#12a'],
    ['followed by an underscore', '#12_x'],
    ['followed by a non-ASCII letter', '#12é'],
    ['in a URL fragment', 'https://x.test/a/b#8'],
    ['in a github.com URL', 'https://github.com/octo-org/octo-repo#5'],
    ['in an issue URL', 'https://github.com/octo-org/octo-repo/issues/5'],
    ['in a comment link', 'https://github.com/o/r/pull/5#issuecomment-12'],
    ['in a path', 'src/lib/parse#3'],
    ['in a host-less URL', 'github.com/octo-org/octo-repo#5'],
    ['after an e-mail address', 'ops@example.com#12'],
    ['in an e-mail address', 'ops#12@example.com'],
    ['in an owner that GitHub cannot have', '-org/repo#5 and octo_org/repo#6'],
    ['in the GH- form', 'GH-123 and gh-7'],
    ['in a heading marker', '## Notes'],
    ['with no number', '# and #x']
  ])('finds no reference %s', (_, text) => {
    expect(findReferences(text)).toEqual([])
  })

  it('reads the longest owner/repo form, not the #n inside it', () => {
    expect(findReferences('see octo-org/octo-repo#5')).toEqual([{ text: 'octo-org/octo-repo#5', index: 4 }])
  })

  it('finds nothing in empty text', () => {
    expect(findReferences('')).toEqual([])
  })

  it('is not stateful across calls, though its pattern is global', () => {
    expect(findReferences('a #1')).toEqual([{ text: '#1', index: 2 }])
    expect(findReferences('a #1')).toEqual([{ text: '#1', index: 2 }])
  })

  it('every reference it finds is one parseReference reads, and stands where it says', () => {
    const text = 'Closes #4, octo-org/other#5 (#13); not issue#6, x/#7 or https://x.test/a/b#8; also 42/app#9.'
    const found = findReferences(text)
    expect(found.map((r) => r.text)).toEqual(['#4', 'octo-org/other#5', '#13', '42/app#9'])
    for (const { text: reference, index } of found) {
      expect(text.slice(index, index + reference.length)).toBe(reference)
      expect(parseReference(reference)).not.toBeNull()
    }
  })
})
