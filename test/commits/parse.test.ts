import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../src/commits/parse.js'

describe('parseMessage: the Conventional Commits 1.0.0 examples', () => {
  const cases: [string, string, { type?: string; scope?: string | null; bang?: boolean; breaking?: string[] }][] = [
    [
      'description and breaking change footer',
      'feat: allow provided config object to extend other configs\n\nBREAKING CHANGE: `extends` key in config file is now used for extending other config files\n',
      { type: 'feat', scope: null, bang: false, breaking: ['`extends` key in config file is now used for extending other config files'] }
    ],
    [
      '! to draw attention to breaking change',
      'feat!: send an email to the customer when a product is shipped',
      { type: 'feat', bang: true, breaking: [] }
    ],
    ['scope and !', 'feat(api)!: send an email to the customer when a product is shipped', { type: 'feat', scope: 'api', bang: true }],
    [
      'both ! and BREAKING CHANGE footer',
      'chore!: drop support for Node 6\n\nBREAKING CHANGE: use JavaScript features not available in Node 6.\n',
      { type: 'chore', bang: true, breaking: ['use JavaScript features not available in Node 6.'] }
    ],
    ['no body', 'docs: correct spelling of CHANGELOG', { type: 'docs', bang: false, breaking: [] }],
    ['with scope', 'feat(lang): add Polish language', { type: 'feat', scope: 'lang' }],
    [
      'multi-paragraph body and multiple footers',
      'fix: prevent racing of requests\n\nIntroduce a request id and a reference to latest request. Dismiss\nincoming responses other than from latest request.\n\nRemove timeouts which were used to mitigate the racing issue but are\nobsolete now.\n\nReviewed-by: Z\nRefs: #123\n',
      { type: 'fix', scope: null, bang: false, breaking: [] }
    ],
    ['BREAKING-CHANGE synonym', 'refactor: x\n\nBREAKING-CHANGE: y', { type: 'refactor', breaking: ['y'] }],
    ['types are case-insensitive', 'FEAT(Api): shout', { type: 'feat', scope: 'Api' }],
    ['Fix capitalised', 'Fix: a bug', { type: 'fix' }]
  ]
  it.each(cases)('%s', (_, message, expected) => {
    const parsed = parseMessage(message)
    expect(parsed.kind).toBe('conventional')
    if (parsed.kind !== 'conventional') return
    if (expected.type !== undefined) expect(parsed.type).toBe(expected.type)
    if (expected.scope !== undefined) expect(parsed.scope).toBe(expected.scope)
    if (expected.bang !== undefined) expect(parsed.bang).toBe(expected.bang)
    if (expected.breaking !== undefined) expect(parsed.breakingNotes).toEqual(expected.breaking)
  })
})

describe('parseMessage: what is not a breaking change', () => {
  it.each([
    ['lower-case footer token', 'fix: a\n\nbreaking change: not the token'],
    ['prose in the body', 'fix: a\n\nThis is a Breaking Change: maybe'],
    ['token inside a line', 'fix: a\n\nNote that BREAKING CHANGE: is mentioned here']
  ])('%s', (_, message) => {
    const parsed = parseMessage(message)
    expect(parsed.kind === 'conventional' && parsed.breakingNotes).toEqual([])
  })
})

describe('parseMessage: headers that are not Conventional Commits say why', () => {
  it.each([
    ['feat:no space', 'a space must follow the colon'],
    ['feat: ', 'description after the colon is empty'],
    ['feat (api): x', 'no space is allowed between the type and the scope'],
    ['feat(api: x', 'scope is not closed'],
    ['Merge branch "main" into x', 'merge commit'],
    ['fixup! feat: x', 'fixup commit'],
    ['Update README.md', 'not `type(scope)?: description`'],
    ['', 'empty']
  ])('%j', (message, why) => {
    const parsed = parseMessage(message)
    expect(parsed.kind).toBe('unconventional')
    expect(parsed.kind === 'unconventional' && parsed.why).toContain(why)
  })
})

describe('parseMessage: reverts', () => {
  it("reads git's own revert message", () => {
    const sha = 'a'.repeat(40)
    expect(parseMessage(`Revert "feat: x"\n\nThis reverts commit ${sha}.\n`)).toEqual({
      kind: 'revert',
      header: 'Revert "feat: x"',
      revertedHeader: 'feat: x',
      reverts: [sha],
      revertedPullRequests: []
    })
  })

  const SHA = 'b'.repeat(40)
  // Header as read, the header it quotes, the commits and pull requests its body names.
  const forms: [string, string, string, string[], string[]][] = [
    ['git, with the sha', `Revert "feat: x"\n\nThis reverts commit ${SHA}.\n`, 'feat: x', [SHA], []],
    ['git, trailing spaces', `Revert "feat: x"  \t\n\nThis reverts commit ${SHA}.\n`, 'feat: x', [SHA], []],
    ['a header alone', 'Revert "feat: x"', 'feat: x', [], []],
    ["GitHub's merge or squash title alone", 'Revert "feat: x" (#123)', 'feat: x', [], []],
    ["GitHub's title, trailing spaces", 'Revert "feat: x" (#123)   \n', 'feat: x', [], []],
    ['a squash of one revert commit', `Revert "feat: x" (#123)\n\nThis reverts commit ${SHA}.\n`, 'feat: x', [SHA], []],
    [
      "a squash with GitHub's commit list",
      `Revert "feat: x" (#123)\n\n* Revert "feat: x"\n\nThis reverts commit ${SHA}.\n`,
      'feat: x',
      [SHA],
      []
    ],
    ["a squash with the pull request's description", 'Revert "feat: x" (#123)\n\nReverts acme/app#12\n', 'feat: x', [], ['12']],
    ['the description, CRLF', 'Revert "feat: x" (#123)\r\n\r\nReverts acme/app#12  \r\n', 'feat: x', [], ['12']],
    ['the description without the number in the title', 'Revert "feat: x"\n\nReverts #12', 'feat: x', [], ['12']],
    ['a squashed header it quotes', 'Revert "feat: x (#12)" (#13)', 'feat: x (#12)', [], []],
    ['a revert of a revert', 'Revert "Revert "feat: x"" (#124)\n\nReverts acme/app#123', 'Revert "feat: x"', [], ['123']],
    ["git's revert of a revert", `Reapply "feat: x"\n\nThis reverts commit ${SHA}.`, 'Revert "feat: x"', [SHA], []],
    ["GitHub's title of git's revert of a revert", 'Reapply "feat: x" (#125)', 'Revert "feat: x"', [], []],
    ['a line separator in the quoted header', 'Revert "feat: a\u2028b" (#5)', 'feat: a\u2028b', [], []]
  ]
  it.each(forms)('reads %s as a revert', (_, message, revertedHeader, reverts, revertedPullRequests) => {
    const parsed = parseMessage(message)
    expect(parsed).toEqual({ kind: 'revert', header: message.split('\n')[0]!.trim(), revertedHeader, reverts, revertedPullRequests })
  })

  it.each([
    ['two numbers: a title that had its own', 'Revert "feat: x" (#12) (#13)'],
    ['no space before the number', 'Revert "feat: x"(#12)'],
    ['text after the quote', 'Revert "feat: x" again'],
    ['no quotes', 'Revert feat: x'],
    ['another word', 'Reverted "feat: x"'],
    ['no closing quote', 'Revert "feat: x (#12)']
  ])('does not read %s as a revert: %j', (_, header) => {
    expect(parseMessage(`${header}\n\nThis reverts commit ${SHA}.`).kind).toBe('unconventional')
  })

  it('reads a `Reverts` line only as the whole line', () => {
    const parsed = parseMessage('Revert "feat: x" (#13)\n\nThis Reverts acme/app#12\nReverts acme/app#12 and #14\nReverts #15\n')
    expect(parsed.kind === 'revert' && parsed.revertedPullRequests).toEqual(['15'])
  })
  it('reads the Refs footer of a revert: commit (the spec example)', () => {
    const parsed = parseMessage('revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868\n')
    expect(parsed.kind === 'conventional' && parsed.reverts).toEqual(['676104e', 'a215868'])
  })
  it('keeps issue references', () => {
    const parsed = parseMessage('fix: crash on start (#42)\n\nCloses #7')
    expect(parsed.kind === 'conventional' && parsed.references).toEqual(['#42', '#7'])
  })
})

describe('a body with nothing the parser would keep', () => {
  // A line holding a lone `#` is no reference (a reference needs a digit) and no note, yet it
  // sends the message through the parser: both readings must agree.
  const throughParser = (message: string) => parseMessage(`${message}\n\n#\n`)
  const word = fc.constantFrom('fix', 'closes', 'Refs', 'see', 'BREAKING', 'CHANGE', 'change', 'Reviewed-by', 'x', '42', '@octo')
  const piece = fc.oneof(word, fc.constantFrom(' ', '  ', '\n', '\n\n', ':', ': ', '-', '(', ')', '.', '\t', '\r\n', '*'))
  const body = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''))
  const revert = fc.constantFrom('', '\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n')

  it('is read as the parser reads it', () => {
    fc.assert(
      fc.property(fc.constantFrom('feat', 'fix(api)', 'chore!'), body, revert, (head, text, reverts) => {
        const message = `${head}: a change\n\n${text}${reverts}`
        fc.pre(!message.includes('#') && !message.includes('BREAKING'))
        const parsed = parseMessage(message)
        const parser = throughParser(message)
        expect(parsed).toEqual(parser)
      }),
      { numRuns: 500 }
    )
  })

  it('still has its notes and references read when it has them', () => {
    const parsed = parseMessage('feat: a\n\nBody text.\n\nBREAKING CHANGE: the API changed\nRefs: #12\n')
    expect(parsed).toMatchObject({ breakingNotes: ['the API changed'], references: ['#12'] })
  })
})

describe("a line named after a part of the parser's reading", () => {
  const names = ['merge', 'revert', 'header', 'body', 'footer', 'notes', 'references', 'mentions', 'type', 'scope', 'bang', 'subject']

  it.each(names)('-%s- is text, and what follows it is still read', (name) => {
    const parsed = parseMessage(`fix: b\n\n-${name}-\nsee #12\n\nBREAKING CHANGE: gone\n`)
    expect(parsed).toMatchObject({ kind: 'conventional', type: 'fix', references: ['#12'], breakingNotes: ['gone'] })
  })

  it('a field of any other name is still a field, as the parser reads one', () => {
    const parsed = parseMessage('fix: b\n\n-hash-\nsee #12\n')
    expect(parsed).toMatchObject({ kind: 'conventional', references: [] })
  })
})
