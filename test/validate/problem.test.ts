import { describe, expect, it } from 'vitest'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { validateMessage, validateTitle } from '../../src/validate/message.js'
import { renderProblem, type Problem } from '../../src/validate/problem.js'

const base: Problem = {
  subject: { kind: 'commit', sha: 'abc1234def5678' },
  header: 'Update stuff',
  code: 'not-conventional',
  message: 'not a Conventional Commit: the header is not `type(scope)?: description`.',
  example: null,
  guessed: false
}

describe('renderProblem', () => {
  it.each([
    [
      'a commit, without an example',
      base,
      'abc1234 "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.'
    ],
    [
      'a corrected example',
      { ...base, example: 'fix: update stuff' },
      'abc1234 "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.\n  Write it as: "fix: update stuff"'
    ],
    [
      'a guessed example',
      { ...base, example: 'chore: update stuff', guessed: true },
      'abc1234 "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.\n  Write it as, for example: "chore: update stuff" (the type is a guess: pick the one that fits).'
    ],
    [
      'a title',
      { ...base, subject: { kind: 'title' } },
      'Pull request title "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.'
    ],
    [
      'a message being written: its header',
      { ...base, subject: { kind: 'message' } },
      'Header "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.'
    ],
    [
      'a commit without a sha',
      { ...base, subject: { kind: 'commit', sha: '' } },
      'Commit "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.'
    ],
    ['an empty header', { ...base, header: '', code: 'empty', message: 'the message is empty.' }, 'abc1234: the message is empty.'],
    [
      'an empty title',
      { ...base, subject: { kind: 'title' }, header: '', code: 'empty', message: 'the title is empty.' },
      'Pull request title: the title is empty.'
    ]
  ] satisfies [string, Problem, string][])('%s', (_, problem, expected) => {
    expect(renderProblem(problem)).toBe(expected)
  })

  it('renders what validation finds in one or two lines', () => {
    const rendered = [
      ...validateMessage('feature(api):add export\n\nBreaking change: the v1 API is gone', {
        types: DEFAULT_TYPES,
        subject: { kind: 'commit', sha: 'abc1234def5678' }
      }),
      ...validateTitle("Merge branch 'main' into x", { types: DEFAULT_TYPES })
    ].map(renderProblem)
    expect(rendered).toEqual([
      'abc1234 "feature(api):add export": not a Conventional Commit: a space must follow the colon (`type: description`).\n  Write it as: "feat(api): add export"',
      'abc1234 "feature(api):add export": the type `feature` is not allowed (did you mean `feat`?); use one of feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert.\n  Write it as: "feat(api): add export"',
      'abc1234 "feature(api):add export": `Breaking change:` is not read as a breaking change: the token is exactly `BREAKING CHANGE:` or `BREAKING-CHANGE:`, in capitals.\n  Write it as: "BREAKING CHANGE: the v1 API is gone"',
      "Pull request title \"Merge branch 'main' into x\": a merge header is not a pull request title; the title becomes the squash commit's header, so say what the change does."
    ])
    for (const text of rendered) expect(text.split('\n').length).toBeLessThanOrEqual(2)
  })

  it('renders a message being written (the commit-msg hook) without a sha, naming the part at fault', () => {
    const hook = (message: string) => validateMessage(message, { types: DEFAULT_TYPES, subject: { kind: 'message' } }).map(renderProblem)
    expect(hook('# Please enter the commit message\n')).toEqual(['The message is empty; say what the change does, as `type: description`.'])
    expect(hook('Update stuff\n# comment')).toEqual([
      'Header "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.\n  Write it as, for example: "chore: update stuff" (the type is a guess: pick the one that fits).'
    ])
    expect(hook('feat: drop v1\nthe old API goes\n\nBreaking change: v1 is gone')).toEqual([
      'Commit message: the body starts on the line right after the header; leave one blank line between them, or git reads both as the header.',
      'Commit message: `Breaking change:` is not read as a breaking change: the token is exactly `BREAKING CHANGE:` or `BREAKING-CHANGE:`, in capitals.\n  Write it as: "BREAKING CHANGE: v1 is gone"'
    ])
    for (const text of [...hook('x'.repeat(120)), ...hook('fix(ui) add button')]) {
      expect(text).not.toMatch(/Commit message "|undefined|abc/)
      expect(text).toMatch(/^Header "/)
    }
  })
})
