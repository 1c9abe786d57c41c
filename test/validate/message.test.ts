import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'
import { DEFAULT_TYPES } from '../../src/validate/commit-types.js'
import { validateMessage, validateTitle } from '../../src/validate/message.js'
import type { Problem, ProblemCode, ProblemSubject } from '../../src/validate/problem.js'

const COMMIT: ProblemSubject = { kind: 'commit', sha: 'abc1234def5678' }
const HOOK: ProblemSubject = { kind: 'message' }
const SHA = '0123456789abcdef0123456789abcdef01234567'

function check(message: string, subject: ProblemSubject = COMMIT, types: readonly string[] = DEFAULT_TYPES): Problem[] {
  return validateMessage(message, { types, subject })
}

function codes(problems: readonly Problem[]): ProblemCode[] {
  return problems.map((p) => p.code)
}

describe('validateMessage: valid messages', () => {
  it.each([
    // The Conventional Commits 1.0.0 examples.
    'feat: allow provided config object to extend other configs\n\nBREAKING CHANGE: `extends` key in config file is now used for extending other config files\n',
    'feat!: send an email to the customer when a product is shipped',
    'feat(api)!: send an email to the customer when a product is shipped',
    'chore!: drop support for Node 6\n\nBREAKING CHANGE: use JavaScript features not available in Node 6.\n',
    'docs: correct spelling of CHANGELOG',
    'feat(lang): add Polish language',
    'fix: prevent racing of requests\n\nIntroduce a request id and a reference to latest request. Dismiss\nincoming responses other than from latest request.\n\nRemove timeouts which were used to mitigate the racing issue but are\nobsolete now.\n\nReviewed-by: Z\nRefs: #123\n',
    'revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868\n',
    // Types are case-insensitive; a period at the end is not forbidden.
    'FEAT(Api): shout',
    'Fix: a bug.',
    'refactor: x\n\nBREAKING-CHANGE: y',
    'perf(parser): read each line once',
    'build(deps): bump lodash from 4.17.20 to 4.17.21',
    'ci: pin actions by sha',
    'style: format with prettier',
    'test: cover the empty case',
    'fix(scope with space): still a scope',
    'feat: a header of exactly one hundred characters is fine xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'.slice(0, 100),
    'fix: crash on start (#42)\n\nCloses #7',
    'feat: x\n\nBREAKING CHANGE:\n  the value is on the next line',
    // The body may mention breaking changes in prose.
    'fix: a\n\nThis is a Breaking Change: maybe',
    '\n\n  fix: leading blank lines are skipped, as git does\n'
  ])('%j', (message) => {
    expect(check(message)).toEqual([])
  })

  it('accepts a message that git wrote: merges and reverts', () => {
    for (const message of [
      "Merge branch 'main' into feature/x",
      "Merge branch 'feature' of github.com:acme/app",
      "Merge branches 'a' and 'b'",
      "Merge remote-tracking branch 'origin/main'",
      "Merge tag 'v1.2.0'",
      'Merge pull request #123 from acme/feature-branch\n\nfeat: add export',
      `Revert "feat: add export"\n\nThis reverts commit ${SHA}.\n`,
      `Revert "Update stuff"\n\nThis reverts commit ${SHA}.\n`,
      `Reapply "feat: add export"\n\nThis reverts commit ${SHA}.\n`
    ]) {
      expect(check(message), message).toEqual([])
      expect(check(message, HOOK), message).toEqual([])
    }
  })

  it.each([
    ['the title alone', 'Revert "feat: add export" (#123)'],
    ['trailing spaces', 'Revert "feat: add export" (#123)   \n'],
    ['a squash of one commit', `Revert "feat: add export" (#123)\n\nThis reverts commit ${SHA}.\n`],
    ["GitHub's commit list", `Revert "feat: add export" (#12)\n\n* Revert "feat: add export"\n\nThis reverts commit ${SHA}.`],
    ["the pull request's description", 'Revert "feat: add export" (#123)\n\nReverts acme/app#12\n'],
    ['the description, no number in the title', 'Revert "feat: add export"\n\nReverts acme/app#12\n'],
    ['no body', 'Revert "feat: add export"'],
    ['a revert of a revert', 'Revert "Revert "feat: add export"" (#124)\n\nReverts acme/app#123'],
    ['a revert of a commit that is not conventional', 'Revert "Update stuff" (#9)'],
    ['a quoted header over the length limit', `Revert "feat: ${'x'.repeat(94)}" (#123)`]
  ])("accepts GitHub's revert: %s", (_, message) => {
    expect(check(message)).toEqual([])
    expect(check(message, HOOK)).toEqual([])
  })
})

describe("validateMessage: invalid headers name the mistake and correct it in the user's words", () => {
  const cases: [string, ProblemCode[], string | null, boolean?][] = [
    // No type at all: the type is guessed from the first word, and says so.
    ['Update stuff', ['not-conventional'], 'chore: update stuff', true],
    ['Fixed the crash on start', ['not-conventional'], 'fix: the crash on start'],
    ['Fixing the crash on start', ['not-conventional'], 'fix: fixing the crash on start', true],
    ['Bug in the parser', ['not-conventional'], 'fix: bug in the parser', true],
    ['Feature flags for login', ['not-conventional'], 'chore: feature flags for login', true],
    ['Resolve race in the cache', ['not-conventional'], 'fix: resolve race in the cache', true],
    ['Add login page', ['not-conventional'], 'feat: add login page', true],
    ['Implement export', ['not-conventional'], 'feat: implement export', true],
    ['Support Node 24', ['not-conventional'], 'feat: support Node 24', true],
    ['Bump lodash from 4.17.20 to 4.17.21', ['not-conventional'], 'chore: bump lodash from 4.17.20 to 4.17.21', true],
    ['README typo', ['not-conventional'], 'docs: README typo', true],
    ['Document the hook', ['not-conventional'], 'docs: document the hook', true],
    ['Docs update', ['not-conventional'], 'docs: docs update', true],
    ['JavaScript API cleanup', ['not-conventional'], 'chore: JavaScript API cleanup', true],
    ['Update README.md: fix typos', ['not-conventional'], 'chore: update README.md: fix typos', true],
    ['✨ add login', ['not-conventional'], 'chore: ✨ add login', true],
    ['feat/api: add export', ['not-conventional'], 'chore: feat/api: add export', true],
    [': no type', ['not-conventional'], 'chore: no type', true],
    [':no type', ['not-conventional', 'colon-spacing'], 'chore: no type', true],
    ['(api): add export', ['not-conventional'], 'feat(api): add export', true],
    // A header but for an emoji before its type: the emoji goes.
    ['🐛 fix: gitmoji', ['not-conventional'], 'fix: gitmoji'],
    [':bug: fix(parser): gitmoji code', ['not-conventional'], 'fix(parser): gitmoji code'],
    ['♻️ refactor: split the parser', ['not-conventional'], 'refactor: split the parser'],
    ['👩‍💻 feat: add export', ['not-conventional'], 'feat: add export'],
    ['🐛 fixes:crash', ['not-conventional', 'colon-spacing', 'unknown-type'], 'fix: crash'],
    ['🎉 Hooray: it ships', ['not-conventional'], 'chore: 🎉 Hooray: it ships', true],
    // A type word the user wrote first is their type, not a guess.
    ['Fix typo in README', ['not-conventional'], 'fix: typo in README'],
    ['fix typo', ['not-conventional'], 'fix: typo'],
    ['Refactored the parser', ['not-conventional'], 'refactor: the parser'],
    ['Docs - update the install section', ['not-conventional'], 'docs: update the install section'],
    ['[Feature] Add export', ['not-conventional'], 'feat: add export'],
    ['[FIX] crash on start', ['not-conventional'], 'fix: crash on start'],
    ['BREAKING CHANGE: drop Node 16', ['not-conventional'], 'chore!: drop Node 16', true],
    ['Breaking change: remove the v1 API', ['not-conventional'], 'chore!: remove the v1 API', true],
    // Unknown types: the closest allowed type, keeping the scope, `!` and description.
    ['feature: add export', ['unknown-type'], 'feat: add export'],
    ['feature(api): add export', ['unknown-type'], 'feat(api): add export'],
    ['Feature(api)!: drop v1', ['unknown-type'], 'feat(api)!: drop v1'],
    ['features: add export', ['unknown-type'], 'feat: add export'],
    ['bugfix: crash on start', ['unknown-type'], 'fix: crash on start'],
    ['fixes: crash on start', ['unknown-type'], 'fix: crash on start'],
    ['hotfix: crash on start', ['unknown-type'], 'fix: crash on start'],
    ['doc: install section', ['unknown-type'], 'docs: install section'],
    ['documentation: install section', ['unknown-type'], 'docs: install section'],
    ['tests: cover the parser', ['unknown-type'], 'test: cover the parser'],
    ['refactoring: split the parser', ['unknown-type'], 'refactor: split the parser'],
    ['chroe: update deps', ['unknown-type'], 'chore: update deps'],
    ['fxi: crash', ['unknown-type'], 'fix: crash'],
    ['refact: split the parser', ['unknown-type'], 'refactor: split the parser'],
    ['performance: cache the index', ['unknown-type'], 'perf: cache the index'],
    // No close type: the description guesses one, or the header after a prefix is used.
    ['wip: add login', ['unknown-type'], 'feat: add login', true],
    ['cd: deploy on tag', ['unknown-type'], 'chore: deploy on tag', true],
    ['Note: this is temporary', ['unknown-type'], 'chore: this is temporary', true],
    ['WIP: feat(api): add export', ['unknown-type'], 'feat(api): add export'],
    ['Draft: fix: crash', ['unknown-type'], 'fix: crash'],
    // Punctuation.
    ['feat:add export', ['colon-spacing'], 'feat: add export'],
    ['feat(api):add export', ['colon-spacing'], 'feat(api): add export'],
    ['feat:  add export', ['colon-spacing'], 'feat: add export'],
    ['feat:\tadd export', ['colon-spacing'], 'feat: add export'],
    ['feat : add export', ['colon-spacing'], 'feat: add export'],
    ['feat(api) : add export', ['colon-spacing'], 'feat(api): add export'],
    ['feat ! : add export', ['colon-spacing'], 'feat!: add export'],
    ['Feat : Add export', ['colon-spacing'], 'feat: Add export'],
    ['feat (api): add export', ['scope-format'], 'feat(api): add export'],
    ['feat(api: add export', ['scope-format'], 'feat(api): add export'],
    ['feat(): add export', ['scope-format'], 'feat: add export'],
    ['feat( ): add export', ['scope-format'], 'feat: add export'],
    ['feat(a(b): add export', ['scope-format'], 'feat(ab): add export'],
    ['feat!(api): drop', ['scope-format'], 'feat(api)!: drop'],
    ['feat ! (api): drop', ['scope-format', 'scope-format'], 'feat(api)!: drop'],
    ['feat!(api)!: drop', ['scope-format'], 'feat(api)!: drop'],
    // A scope and no colon: the colon goes after it. Without a scope it is prose.
    ['fix(ui) add button', ['not-conventional'], 'fix(ui): add button'],
    ['Fix(ui)   add button', ['not-conventional'], 'fix(ui): add button'],
    ['feat(api)! drop v1', ['not-conventional'], 'feat(api)!: drop v1'],
    ['feature(api) add export', ['not-conventional', 'unknown-type'], 'feat(api): add export'],
    ['Fix (again) the crash', ['not-conventional'], 'fix: (again) the crash'],
    ['Wow! It ships', ['not-conventional'], 'chore: wow! It ships', true],
    ['Update(readme) typos', ['not-conventional'], 'chore: update(readme) typos', true],
    ['feat:', ['empty-description'], null],
    ['feat: ', ['empty-description'], null],
    ['feat(api)!:   ', ['empty-description'], null],
    // Several mistakes: each is a problem, all with the same full correction.
    ['feature:add export', ['colon-spacing', 'unknown-type'], 'feat: add export'],
    ['Feature (api):Add export', ['scope-format', 'colon-spacing', 'unknown-type'], 'feat(api): Add export'],
    ['featur():', ['scope-format', 'empty-description', 'unknown-type'], null]
  ]
  it.each(cases)('%j', (header, expected, example, guessed = false) => {
    const problems = check(header)
    expect(codes(problems)).toEqual(expected)
    for (const p of problems) {
      expect(p).toMatchObject({ subject: COMMIT, header: header.trim(), example, guessed })
      expect(p.message).toMatch(/^[a-z`].*\.$/)
    }
    if (example !== null) expect(check(example)).toEqual([])
  })

  it("says what parseMessage says about the header's form", () => {
    expect(check('feat:add')[0]!.message).toContain(whyOf('feat:add'))
    expect(check('feat (api): x')[0]!.message).toContain(whyOf('feat (api): x'))
    expect(check('feat(api: x')[0]!.message).toContain(whyOf('feat(api: x'))
    expect(check('Update stuff')[0]!.message).toBe(`not a Conventional Commit: ${whyOf('Update stuff')}.`)
  })

  it('names the closest type and lists the allowed ones', () => {
    expect(check('feature: x')[0]!.message).toBe(
      'the type `feature` is not allowed (did you mean `feat`?); use one of feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert.'
    )
    expect(check('wip: x')[0]!.message).toBe(
      'the type `wip` is not allowed; use one of feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert.'
    )
  })
})

function whyOf(header: string): string {
  const parsed = parseMessage(header)
  if (parsed.kind !== 'unconventional') throw new Error(`${header} parses`)
  return parsed.why
}

describe('validateMessage: the allowed types', () => {
  const types = ['feat', 'fix', 'deps', 'Security']
  it.each([
    ['deps: bump lodash', []],
    ['security: escape the header', []],
    ['SECURITY: escape the header', []],
    ['docs: install section', ['unknown-type']],
    ['chore: tidy', ['unknown-type']],
    ['dep: bump lodash', ['unknown-type']]
  ])('%j', (header, expected) => {
    expect(codes(check(header, COMMIT, types))).toEqual(expected)
  })

  it('lists the configured types, lower-cased, and suggests only among them', () => {
    const [problem] = check('dep: bump lodash', COMMIT, types)
    expect(problem).toMatchObject({
      message: 'the type `dep` is not allowed (did you mean `deps`?); use one of feat, fix, deps, security.',
      example: 'deps: bump lodash'
    })
  })

  it('does not map to a synonym that is not allowed', () => {
    // `bugfix` means `fix`, but `fix` is not in this list.
    expect(check('bugfix: crash', COMMIT, ['feat', 'bug'])[0]!.example).toBe('bug: crash')
  })

  it('gives no example when no allowed type fits', () => {
    const [problem] = check('Tidy up', COMMIT, ['feat', 'fix'])
    expect(problem).toMatchObject({ code: 'not-conventional', example: null })
    expect(check('Repair the cache', COMMIT, ['feat', 'fix'])[0]!.example).toBe('fix: repair the cache')
  })

  it('accepts any type when the list is empty', () => {
    expect(check('anything: goes', COMMIT, [])).toEqual([])
    expect(check('Anything:goes', COMMIT, [])[0]).toMatchObject({ code: 'colon-spacing', example: 'anything: goes' })
  })
})

describe('validateMessage: comments, as git strips them from a message being written', () => {
  const written = [
    '',
    '# Please enter the commit message for your changes. Lines starting',
    "# with '#' will be ignored, and an empty message aborts the commit.",
    '#',
    '# On branch main',
    'Update stuff',
    '',
    '# ------------------------ >8 ------------------------',
    '# Do not modify or remove the line above.',
    'diff --git a/x b/x',
    'Breaking change: not part of the message'
  ].join('\n')

  it('skips comment lines and everything under the scissors line', () => {
    const problems = check(written, HOOK)
    expect(codes(problems)).toEqual(['not-conventional'])
    expect(problems[0]).toMatchObject({ header: 'Update stuff', example: 'chore: update stuff' })
  })

  it('finds a valid message among the comments', () => {
    expect(check('feat: add export\n# Changes to be committed:\n#\tmodified: x\n', HOOK)).toEqual([])
    expect(check('feat: add export\r\n# comment\r\n', HOOK)).toEqual([])
  })

  it('reports a message of nothing but comments as empty', () => {
    expect(codes(check('# only\n# comments\n', HOOK))).toEqual(['empty'])
  })

  it('keeps # lines in history: they were content when git recorded them', () => {
    expect(check('#123 crash on start', COMMIT)[0]!.header).toBe('#123 crash on start')
    expect(check('fix: crash\n\n## Why\nbecause', COMMIT)).toEqual([])
  })

  it('honours another comment character, or none', () => {
    expect(check('; a comment\nfeat: x', HOOK)).not.toEqual([])
    expect(validateMessage('; a comment\nfeat: x', { types: DEFAULT_TYPES, subject: HOOK, commentChar: ';' })).toEqual([])
    expect(validateMessage('# x\nfeat: y', { types: DEFAULT_TYPES, subject: HOOK, commentChar: null })[0]!.header).toBe('# x')
  })
})

describe('validateMessage: fixup commits', () => {
  it.each(['fixup! feat: add export', 'squash! feat: add export', 'amend! feat: add export', 'fixup! fixup! Update stuff'])(
    '%j must be squashed before merging',
    (header) => {
      const [problem, ...rest] = check(`${header}\n`)
      expect(rest).toEqual([])
      expect(problem).toMatchObject({ code: 'fixup', example: null })
      expect(problem!.message).toContain('git rebase -i --autosquash')
    }
  )

  it('accepts them while they are written: `git commit --fixup` makes them on purpose', () => {
    expect(check('fixup! feat: add export\n', HOOK)).toEqual([])
    expect(check('amend! feat: add export\n\nfeat: add the export button\n', HOOK)).toEqual([])
  })
})

describe('validateMessage: headers that start like a revert but are not one', () => {
  it.each([
    ['Revert "feat: add export" again', 'revert: feat: add export', 'start it with `revert:`'],
    ['Revert "feat: add export"(#12)', 'revert: feat: add export', 'start it with `revert:`'],
    [`Revert "feat: add export" (#12) (#13)\n\nThis reverts commit ${SHA}.`, 'revert: feat: add export', 'start it with `revert:`'],
    ['Revert "Revert "feat: add export"" now', 'feat: add export', 'the change it brings back'],
    ['Reapply "feat: add export" now', 'feat: add export', 'the change it brings back'],
    ['Revert "Update stuff" again', 'revert: Update stuff', 'start it with `revert:`']
  ])('%j', (message, example, advice) => {
    for (const subject of [COMMIT, HOOK, { kind: 'title' } as const]) {
      const problems = check(message, subject)
      expect(codes(problems)).toEqual(['revert-format'])
      expect(problems[0]).toMatchObject({ example })
      expect(problems[0]!.message).toContain('read as a revert only when it ends at the closing quote')
      expect(problems[0]!.message).toContain(advice)
    }
  })
})

describe('validateMessage: breaking-change footers', () => {
  it.each([
    ['Breaking change: the v1 API is gone', 'BREAKING CHANGE: the v1 API is gone', 'the token is exactly'],
    ['BREAKING CHANGES: the v1 API is gone', 'BREAKING CHANGE: the v1 API is gone', 'the token is exactly'],
    ['breaking-change: the v1 API is gone', 'BREAKING-CHANGE: the v1 API is gone', 'the token is exactly'],
    ['BREAKING_CHANGE: the v1 API is gone', 'BREAKING CHANGE: the v1 API is gone', 'the token is exactly'],
    ['BREAKING: the v1 API is gone', 'BREAKING CHANGE: the v1 API is gone', 'the token is exactly'],
    ['Breaking Changes:', null, 'the token is exactly'],
    ['BREAKING CHANGE : the v1 API is gone', 'BREAKING CHANGE: the v1 API is gone', 'no space is allowed before its colon'],
    ['BREAKING CHANGE:the v1 API is gone', 'BREAKING CHANGE: the v1 API is gone', 'a space must follow'],
    ['  BREAKING CHANGE: the v1 API is gone', 'BREAKING CHANGE: the v1 API is gone', 'start the line with it']
  ])('%j', (footer, example, why) => {
    const problems = check(`feat: drop v1\n\nThe old API goes.\n\n${footer}\nRefs: #12\n`)
    expect(codes(problems)).toEqual(['footer-token'])
    expect(problems[0]).toMatchObject({ header: 'feat: drop v1', example })
    expect(problems[0]!.message).toContain(why)
    expect(problems[0]!.message).toContain('`BREAKING')
  })

  it('reports each bad footer', () => {
    expect(codes(check('feat: x\n\nBreaking change: a\nbreaking change: b\nBREAKING CHANGE: c'))).toEqual(['footer-token', 'footer-token'])
  })

  it('leaves prose alone', () => {
    expect(check('feat: x\n\nBreaking news: none.\nNote that breaking change: is prose here.\n')).toEqual([])
  })
})

describe('validateMessage: the header line', () => {
  it('reports a header over the limit, counting characters rather than UTF-16 units', () => {
    const long = `feat: ${'x'.repeat(95)}`
    expect(check(long)).toEqual([
      expect.objectContaining({
        code: 'header-too-long',
        message: 'the header is 101 characters long; keep it to 100 or fewer and put the details in the body.',
        example: null
      })
    ])
    expect(check(`feat: ${'😀'.repeat(94)}`)).toEqual([])
    expect(validateMessage('feat: add export', { types: DEFAULT_TYPES, subject: COMMIT, maxHeaderLength: 10 })[0]!.code).toBe(
      'header-too-long'
    )
  })

  it('gives no example that is itself too long, and says what to shorten', () => {
    const header = `Update ${'y'.repeat(95)}`
    const problems = check(header)
    expect(codes(problems)).toEqual(['not-conventional', 'header-too-long'])
    expect(problems[0]).toMatchObject({ example: null, guessed: false })
    expect(problems[0]!.message).toBe(
      `not a Conventional Commit: ${whyOf(header)}; written as \`chore: …\` (a guessed type) it would be 109 characters long, over the limit of 100, so shorten the description by at least 9 characters.`
    )
  })

  it.each([
    // Each correction is one character over the limit: at the limit it is given.
    [
      'feat:add export',
      15,
      ['colon-spacing'],
      'written as `feat: …` it would be 16 characters long, over the limit of 15, so shorten the description by at least 1 character.'
    ],
    ['fix(ui) add button', 18, ['not-conventional'], 'written as `fix(ui): …` it would be 19 characters long'],
    ['🐛 fix: gitmoji', 11, ['not-conventional', 'header-too-long'], 'written as `fix: …` it would be 12 characters long'],
    ['fixup! feat: add export', 15, ['fixup'], 'written as `feat: …` it would be 16 characters long'],
    ['Revert "feat: x" again', 14, ['revert-format'], 'written as `revert: …` it would be 15 characters long'],
    [
      'Update stuff',
      18,
      ['not-conventional'],
      'written as `chore: …` (a guessed type) it would be 19 characters long, over the limit of 18, so shorten the description by at least 1 character.'
    ]
  ])('%j, at most %d characters', (header, max, expected, says) => {
    const problems = validateTitle(header, { types: DEFAULT_TYPES, maxHeaderLength: max })
    expect(codes(problems)).toEqual(expected)
    expect(problems[0]).toMatchObject({ example: null, guessed: false })
    expect(problems[0]!.message).toContain(says)
    expect(problems[0]!.message).toMatch(/\.$/)
    const example = validateTitle(header, { types: DEFAULT_TYPES, maxHeaderLength: max + 1 })[0]!.example
    expect(example).not.toBeNull()
    expect(validateTitle(example!, { types: DEFAULT_TYPES, maxHeaderLength: max + 1 })).toEqual([])
  })

  it('says when the limit leaves no room for a description', () => {
    const [problem] = validateTitle('feat:x', { types: DEFAULT_TYPES, maxHeaderLength: 5 })
    expect(problem).toMatchObject({ code: 'colon-spacing', example: null })
    expect(problem!.message).toBe(
      'not a Conventional Commit: a space must follow the colon (`type: description`); written as `feat: …` it would be 7 characters long, over the limit of 5, which leaves no room for a description.'
    )
  })

  it('keeps a footer example whatever its length: the limit is for the header', () => {
    const problems = validateMessage(`feat: x\n\nBreaking change: ${'z'.repeat(200)}`, {
      types: DEFAULT_TYPES,
      subject: COMMIT,
      maxHeaderLength: 20
    })
    expect(problems).toEqual([expect.objectContaining({ code: 'footer-token', example: `BREAKING CHANGE: ${'z'.repeat(200)}` })])
  })

  it('reports a long header that is also not conventional twice', () => {
    expect(codes(check('x'.repeat(120)))).toEqual(['not-conventional', 'header-too-long'])
  })

  it('wants a blank line between the header and the body', () => {
    expect(codes(check('feat: add export\nto CSV and JSON'))).toEqual(['body-separation'])
    expect(check('feat: add export\n\nto CSV and JSON')).toEqual([])
    expect(check('feat: add export\n   \nto CSV and JSON')).toEqual([])
  })

  it('reports an empty message', () => {
    for (const message of ['', '\n\n', '   \t\n'])
      expect(check(message)).toEqual([
        {
          subject: COMMIT,
          header: '',
          code: 'empty',
          message: 'the message is empty; say what the change does, as `type: description`.',
          example: null,
          guessed: false
        }
      ])
  })

  it('does not change its input', () => {
    const types = ['feat', 'Fix']
    const frozen = Object.freeze([...types])
    validateMessage('fix: x', { types: frozen, subject: COMMIT })
    expect(frozen).toEqual(types)
  })
})

describe('validateTitle', () => {
  it.each(['feat(api): add export', 'fix!: drop the v1 endpoint', 'docs: describe `validate`'])('accepts %j', (title) => {
    expect(validateTitle(title, { types: DEFAULT_TYPES })).toEqual([])
  })

  it.each([
    ["Merge branch 'main' into feature/x", 'merge-title', null],
    ['Merge pull request #12 from acme/x', 'merge-title', null],
    ['fixup! feat: add export', 'fixup', 'feat: add export'],
    ['Revert "feat: add export" (#12)', 'revert-format', 'Revert "feat: add export"'],
    ['Update stuff', 'not-conventional', 'chore: update stuff'],
    ['', 'empty', null]
  ])('%j', (title, code, example) => {
    const problems = validateTitle(title, { types: DEFAULT_TYPES })
    expect(problems).toEqual([expect.objectContaining({ subject: { kind: 'title' }, code, example })])
  })

  it.each([
    'Revert "feat: add export"',
    'Revert "Revert "feat: add export""',
    'Reapply "feat: add export"',
    'Revert "Update stuff"',
    'Revert "feat: add export (#12)"',
    `Revert "feat: ${'x'.repeat(94)}"`
  ])("accepts GitHub's revert title %j: squash-merged, it is a revert with ` (#n)`", (title) => {
    expect(validateTitle(title, { types: DEFAULT_TYPES })).toEqual([])
    expect(parseMessage(`${title} (#13)`).kind).toBe('revert')
  })

  it('says why a revert title must not have its number already', () => {
    expect(validateTitle('Revert "feat: add export" (#12)', { types: ['feat'], maxHeaderLength: 10 })).toEqual([
      {
        subject: { kind: 'title' },
        header: 'Revert "feat: add export" (#12)',
        code: 'revert-format',
        message: 'a squash merge adds ` (#n)` to the title, and a revert header with two is not read as a revert; leave the number out.',
        example: 'Revert "feat: add export"',
        guessed: false
      }
    ])
  })

  it("reads a merge-like title that is not git's as any other header", () => {
    expect(validateTitle('Merge the two config readers', { types: DEFAULT_TYPES })[0]).toMatchObject({
      code: 'not-conventional',
      example: 'chore: merge the two config readers'
    })
  })

  it('does not read # as a comment', () => {
    expect(validateTitle('#12 crash on start', { types: DEFAULT_TYPES })[0]!.header).toBe('#12 crash on start')
  })

  it('says where the details go when the title is long', () => {
    expect(validateTitle(`feat: ${'x'.repeat(20)}`, { types: DEFAULT_TYPES, maxHeaderLength: 20 })[0]!.message).toContain(
      'the pull request description'
    )
  })
})
