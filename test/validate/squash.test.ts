import { describe, expect, it } from 'vitest'
import { parseReleaseRules } from '../../src/commits/rules.js'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { renderProblem } from '../../src/validate/problem.js'
import { checkSquashTitle, type SquashCommit } from '../../src/validate/squash.js'

const FOOTER: SquashCommit = { sha: 'abc1234def5678', message: 'feat(api): add export\n\nBREAKING CHANGE: the v1 export is gone\n' }
const BANG: SquashCommit = { sha: 'bcd2345ef', message: 'feat(api)!: drop v1\n' }
const HYPHEN: SquashCommit = { sha: 'cde3456', message: 'fix: x\n\nBREAKING-CHANGE: y' }
const PLAIN: SquashCommit = { sha: 'def4567', message: 'fix: typo\n' }
const options = { types: DEFAULT_TYPES }

describe('checkSquashTitle', () => {
  it('reports a breaking commit (footer) that the title does not mark, with the title marked', () => {
    expect(checkSquashTitle('feat(api): add export', [PLAIN, FOOTER], options)).toEqual([
      {
        subject: { kind: 'title' },
        header: 'feat(api): add export',
        code: 'squash-breaking',
        message:
          "commit abc1234 is a breaking change, but the title does not say so: GitHub's default squash message carries the commits' footers into the squashed commit, so the release would be major while this check predicts minor; mark the title breaking with `!` before its colon.",
        example: 'feat(api)!: add export',
        guessed: false
      }
    ])
  })

  it.each([
    ['fix: tidy', [HYPHEN], 'predicts patch', 'fix!: tidy'],
    ['docs: tidy', [FOOTER], 'predicts no release', 'docs!: tidy'],
    ['Fix(UI): tidy', [FOOTER], 'predicts patch', 'Fix(UI)!: tidy']
  ])('%j: says what the check predicts', (title, commits, says, example) => {
    const [problem] = checkSquashTitle(title, commits, options)
    expect(problem!.message).toContain(says)
    expect(problem!.example).toBe(example)
  })

  it('says a `!` header is not carried over, and what the breaking change would be released as', () => {
    expect(checkSquashTitle('feat: add export', [BANG], options)[0]!.message).toBe(
      "commit bcd2345 is a breaking change, but the title does not say so: the title becomes the squashed commit's header, and a `!` in a commit's header is not carried into it, so the breaking change would be released as minor; mark the title breaking with `!` before its colon."
    )
    expect(checkSquashTitle('chore: tidy', [BANG], options)[0]!.message).toContain('so the breaking change would not be released at all;')
  })

  it('uses the release rules it is given', () => {
    const { rules } = parseReleaseRules('feat: major\ndocs: patch')
    expect(checkSquashTitle('docs: tidy', [FOOTER], { ...options, rules })[0]!.message).toContain('predicts patch;')
    const major = checkSquashTitle('feat: tidy', [FOOTER], { ...options, rules })[0]!
    expect(major.message).not.toContain('predicts')
    expect(major.example).toBe('feat!: tidy')
    expect(checkSquashTitle('feat: tidy', [BANG], { ...options, rules })[0]!.message).toContain('so it would not be marked breaking;')
  })

  it('names every breaking commit in one problem', () => {
    expect(checkSquashTitle('feat: x', [BANG, PLAIN, FOOTER], options)).toHaveLength(1)
    expect(checkSquashTitle('feat: x', [BANG, FOOTER], options)[0]!.message).toMatch(
      /^commits bcd2345 and abc1234 are breaking changes, but .*footers/
    )
    expect(checkSquashTitle('feat: x', [BANG, FOOTER, HYPHEN], options)[0]!.message).toMatch(
      /^commits bcd2345, abc1234 and cde3456 are breaking changes/
    )
    expect(checkSquashTitle('feat: x', [BANG, FOOTER, HYPHEN, BANG, BANG], options)[0]!.message).toMatch(
      /^commits bcd2345, abc1234, cde3456 and 2 more are breaking changes/
    )
  })

  it.each([
    ['a breaking title', 'feat(api)!: drop v1', [FOOTER, BANG]],
    ['the reverse: a breaking title over plain commits', 'feat!: drop v1', [PLAIN]],
    ['no breaking commit', 'feat: add export', [PLAIN, { sha: 'e', message: 'feat: x\n\nBreaking change: not the exact token' }]],
    ['no commits', 'feat: add export', []],
    ['a breaking commit that is not a Conventional Commit', 'feat: add export', [{ sha: 'f', message: 'Update\n\nBREAKING CHANGE: x' }]],
    ['an empty title (validateTitle reports it)', '  ', [FOOTER]],
    ['a title that means breaking, however written', 'feat!:drop v1', [FOOTER]],
    ['a title that means breaking, however written', 'BREAKING CHANGE: drop v1', [FOOTER]]
  ] satisfies [string, string, SquashCommit[]][])('no problem for %s: %j', (_, title, commits) => {
    expect(checkSquashTitle(title, commits, options)).toEqual([])
  })

  it('says a revert title is never breaking, and marks the Conventional Commit it means', () => {
    const [problem, ...rest] = checkSquashTitle('Revert "feat(api): add export"', [FOOTER], options)
    expect(rest).toEqual([])
    expect(problem).toEqual({
      subject: { kind: 'title' },
      header: 'Revert "feat(api): add export"',
      code: 'squash-breaking',
      message:
        'commit abc1234 is a breaking change, but the title does not say so: a `Revert "…"` title makes the squashed commit a revert, which is never a breaking change; title it as the change it makes, and mark the title breaking with `!` before its colon.',
      example: 'revert!: feat(api): add export',
      guessed: false
    })
    expect(checkSquashTitle('Revert "Revert "feat!: drop v1""', [BANG], options)[0]).toMatchObject({ example: 'feat!: drop v1' })
    expect(checkSquashTitle('Revert "feat: x"', [BANG], { types: ['feat'] })[0]).toMatchObject({ example: null })
  })

  it("no problem for GitHub's revert title over the revert commits it squashes", () => {
    const reverts = [{ sha: 'e', message: `Revert "feat(api)!: drop v1"\n\nThis reverts commit ${'b'.repeat(40)}.\n` }, PLAIN]
    expect(checkSquashTitle('Revert "feat(api)!: drop v1"', reverts, options)).toEqual([])
  })

  it('corrects a title that is not a Conventional Commit before marking it', () => {
    const [problem] = checkSquashTitle('Add export', [FOOTER], options)
    // The type is guessed from the description, and says so.
    expect(problem).toMatchObject({ code: 'squash-breaking', header: 'Add export', example: 'feat!: add export', guessed: true })
    expect(problem!.message).toBe(
      'commit abc1234 is a breaking change, but the title does not say so; once the title is a Conventional Commit, mark the title breaking with `!` before its colon.'
    )
    expect(checkSquashTitle('feature(api):add export', [FOOTER], options)[0]).toMatchObject({
      example: 'feat(api)!: add export',
      guessed: false
    })
    expect(checkSquashTitle('Tidy up', [FOOTER], { types: ['feat', 'fix'] })[0]!.example).toBeNull()
  })

  it('gives no example over the length limit, and says what to shorten', () => {
    const title = `feat: ${'x'.repeat(94)}`
    const [problem] = checkSquashTitle(title, [FOOTER], options)
    expect(problem!.example).toBeNull()
    expect(problem!.message).toMatch(
      /; written as `feat!: …` it would be 101 characters long, over the limit of 100, so shorten the description by at least 1 character\.$/
    )
    expect(checkSquashTitle(title, [FOOTER], { ...options, maxHeaderLength: 101 })[0]!.example).toBe(`feat!: ${'x'.repeat(94)}`)
  })

  it('renders as a title problem', () => {
    expect(renderProblem(checkSquashTitle('feat: add export', [FOOTER], options)[0]!)).toMatch(
      /^Pull request title "feat: add export": commit abc1234 is a breaking change, .*\n {2}Write it as: "feat!: add export"$/
    )
  })
})
