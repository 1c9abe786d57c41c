import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { checkExample, fitExample, guessHeader, guessType, lowerFirstWord, type Example } from '../../src/validate/example.js'

describe('guessHeader', () => {
  it.each<[string, Example]>([
    // A type the user set apart is theirs.
    ['[Feature] Add export', { header: 'feat: add export', guessed: false }],
    ['[fix]   crash on start', { header: 'fix: crash on start', guessed: false }],
    ['docs - update the install section', { header: 'docs: update the install section', guessed: false }],
    ['Perf – cache the index', { header: 'perf: cache the index', guessed: false }],
    ['test | cover the parser', { header: 'test: cover the parser', guessed: false }],
    ['chore — tidy', { header: 'chore: tidy', guessed: false }],
    // A type verb first is theirs too.
    ['Fix crash on start', { header: 'fix: crash on start', guessed: false }],
    ['Fixes the crash', { header: 'fix: the crash', guessed: false }],
    ['Refactored the parser', { header: 'refactor: the parser', guessed: false }],
    ['Revert the cache', { header: 'revert: the cache', guessed: false }],
    // Otherwise the first word suggests a type, and the example says it is a guess.
    ['Bug in the parser', { header: 'fix: bug in the parser', guessed: true }],
    ['Corrected a typo', { header: 'fix: corrected a typo', guessed: true }],
    ['Add export', { header: 'feat: add export', guessed: true }],
    ['new login page', { header: 'feat: new login page', guessed: true }],
    ['README typo', { header: 'docs: README typo', guessed: true }],
    ['Documentation for the hook', { header: 'docs: documentation for the hook', guessed: true }],
    ['Update stuff', { header: 'chore: update stuff', guessed: true }],
    ['42 is the answer', { header: 'chore: 42 is the answer', guessed: true }],
    // A typo of a type in brackets is not trusted as the user's type.
    ['[feet] thing', { header: 'chore: [feet] thing', guessed: true }]
  ])('%j → %j', (text, example) => {
    expect(guessHeader(text, DEFAULT_TYPES)).toEqual(example)
  })

  it('marks a breaking change with ! after the type', () => {
    expect(guessHeader('drop Node 18', DEFAULT_TYPES, true)).toEqual({ header: 'chore!: drop Node 18', guessed: true })
    expect(guessHeader('Fix the API', DEFAULT_TYPES, true)).toEqual({ header: 'fix!: the API', guessed: false })
    expect(guessHeader('[feat] new API', DEFAULT_TYPES, true)).toEqual({ header: 'feat!: new API', guessed: false })
  })

  it('guesses only among the allowed types', () => {
    expect(guessHeader('Update stuff', ['feat', 'fix'])).toBeNull()
    expect(guessHeader('Fix crash', ['feat', 'bug'])).toBeNull()
    expect(guessHeader('Repair the cache', ['feat', 'fix'])).toEqual({ header: 'fix: repair the cache', guessed: true })
    expect(guessHeader('README typo', ['doc'])).toEqual({ header: 'doc: README typo', guessed: true })
  })

  it('allows any type when the list is empty', () => {
    expect(guessHeader('Fix crash', [])).toEqual({ header: 'fix: crash', guessed: false })
    expect(guessHeader('Update stuff', [])).toEqual({ header: 'chore: update stuff', guessed: true })
  })

  it('gives nothing rather than an example that would not pass', () => {
    // Two lines would not be one header.
    expect(guessHeader('Update stuff\nmore', DEFAULT_TYPES)).toBeNull()
  })
})

describe('guessType', () => {
  it.each<[string, string | null]>([
    ['fixes the crash', 'fix'],
    ['HOTFIX for prod', 'fix'],
    ['Resolved race', 'fix'],
    ['Implemented export', 'feat'],
    ['Enables dark mode', 'feat'],
    ['docs', 'docs'],
    ['readme: typo', 'docs'],
    ['Tidy up', 'chore'],
    ['', 'chore'],
    ['  leading space', 'chore'],
    ['✨ sparkle', 'chore']
  ])('%j → %j', (text, type) => {
    expect(guessType(text, DEFAULT_TYPES)).toBe(type)
  })

  it('falls back to the allowed type closest to the guess, or none', () => {
    expect(guessType('Docs update', ['doc', 'feat'])).toBe('doc')
    expect(guessType('Tidy up', ['chores'])).toBe('chores')
    expect(guessType('Tidy up', ['feat', 'fix'])).toBeNull()
    expect(guessType('Tidy up', [])).toBe('chore')
  })
})

describe('checkExample', () => {
  it.each<[string, readonly string[], boolean, Example | null]>([
    ['feat: add export', DEFAULT_TYPES, false, { header: 'feat: add export', guessed: false }],
    ['chore: tidy', DEFAULT_TYPES, true, { header: 'chore: tidy', guessed: true }],
    ['FEAT(api)!: shout', DEFAULT_TYPES, false, { header: 'FEAT(api)!: shout', guessed: false }],
    ['wip: add export', [], false, { header: 'wip: add export', guessed: false }],
    ['wip: add export', DEFAULT_TYPES, false, null],
    ['feat:add export', DEFAULT_TYPES, false, null],
    ['feat: add export\n\nbody', DEFAULT_TYPES, false, null],
    [' feat: add export', DEFAULT_TYPES, false, null],
    ['feat: add export ', DEFAULT_TYPES, false, null],
    ['', DEFAULT_TYPES, false, null],
    ['Revert "feat: add export"', DEFAULT_TYPES, false, null]
  ])('%j under %j', (header, types, guessed, expected) => {
    expect(checkExample(header, types, guessed)).toEqual(expected)
  })
})

describe('lowerFirstWord', () => {
  it.each([
    ['Update stuff', 'update stuff'],
    ['A thing', 'a thing'],
    ['Update-stuff', 'update-stuff'],
    ["Don't panic", "don't panic"],
    ['README typo', 'README typo'],
    ['JavaScript API', 'JavaScript API'],
    ['iOS build', 'iOS build'],
    ['X11 support', 'X11 support'],
    ['Über alles', 'Über alles'],
    ['update Stuff', 'update Stuff'],
    ['', '']
  ])('%j → %j', (text, expected) => {
    expect(lowerFirstWord(text)).toBe(expected)
  })
})

describe('fitExample', () => {
  type Problem = { code: string; message: string; example: string | null; guessed: boolean; header: string }
  const problem = (example: string | null, extra: Partial<Problem> = {}): Problem => ({
    code: 'colon-spacing',
    message: 'not a Conventional Commit: a space must follow the colon (`type: description`).',
    example,
    guessed: false,
    header: 'feat:add export',
    ...extra
  })

  it('leaves a finding whose example fits as it is', () => {
    const fits = problem('feat: add export')
    expect(fitExample(fits, 16)).toBe(fits)
    expect(fitExample(fits, 100)).toBe(fits)
  })

  it('leaves a finding without an example, and a footer of any length, as it is', () => {
    const none = problem(null)
    expect(fitExample(none, 1)).toBe(none)
    const footer = problem(`BREAKING CHANGE: ${'x'.repeat(200)}`, { code: 'footer-token' })
    expect(fitExample(footer, 100)).toBe(footer)
  })

  it('counts characters, not UTF-16 units', () => {
    const emoji = problem(`feat: ${'😀'.repeat(4)}`)
    expect(fitExample(emoji, 10)).toBe(emoji)
    expect(fitExample(emoji, 9).example).toBeNull()
  })

  it('drops an example over the limit and says by how much to shorten, keeping the other fields', () => {
    expect(fitExample(problem('feat: add export'), 15)).toEqual({
      code: 'colon-spacing',
      message:
        'not a Conventional Commit: a space must follow the colon (`type: description`); ' +
        'written as `feat: …` it would be 16 characters long, over the limit of 15, so shorten the description by at least 1 character.',
      example: null,
      guessed: false,
      header: 'feat:add export'
    })
    expect(fitExample(problem('feat: add export'), 10).message).toMatch(
      /it would be 16 characters long, over the limit of 10, so shorten the description by at least 6 characters\.$/
    )
  })

  it('says when the type was a guess', () => {
    const guessed = fitExample(problem('chore: update stuff', { message: 'not a Conventional Commit: x.', guessed: true }), 18)
    expect(guessed).toMatchObject({ example: null, guessed: false })
    expect(guessed.message).toBe(
      'not a Conventional Commit: x; written as `chore: …` (a guessed type) it would be 19 characters long, over the limit of 18, ' +
        'so shorten the description by at least 1 character.'
    )
  })

  it('says when the type and scope alone leave no room', () => {
    // `feat(api): ` is 11 characters: a limit of 12 leaves one for the description, 11 none.
    expect(fitExample(problem('feat(api): xy'), 12).message).toMatch(/so shorten the description by at least 1 character\.$/)
    expect(fitExample(problem('feat(api): xy'), 11).message).toMatch(
      /written as `feat\(api\): …` it would be 13 characters long, over the limit of 11, which leaves no room for a description\.$/
    )
  })

  it('speaks of a correction in general when the example has no type', () => {
    expect(fitExample(problem('x'.repeat(12), { message: 'a merge header.' }), 10).message).toBe(
      'a merge header; corrected it would be 12 characters long, over the limit of 10, so shorten the description by at least 2 characters.'
    )
  })
})
