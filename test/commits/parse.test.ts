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
      reverts: [sha]
    })
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
