import { describe, expect, it } from 'vitest'
import type { ParsedMessage } from '../../src/commits/parse.js'
import { readSquashMessage, type IgnoredBreaking } from '../../src/commits/squash.js'

/** What a test compares of each commit read: enough to show which lines went where. */
type Read =
  | { readonly header: string; readonly breaking: readonly string[]; readonly references: readonly string[] }
  | { readonly header: string; readonly reverts: string; readonly shas: readonly string[] }
  | { readonly header: string; readonly why: string }

function project(message: ParsedMessage): Read {
  switch (message.kind) {
    case 'conventional':
      return { header: message.header, breaking: message.breakingNotes, references: message.references }
    case 'revert':
      return { header: message.header, reverts: message.revertedHeader, shas: message.reverts }
    case 'unconventional':
      return { header: message.header, why: message.why }
  }
}

function read(message: string): { pullRequest: number | null; commits: Read[]; ignored: readonly IgnoredBreaking[] } | null {
  const reading = readSquashMessage(message)
  return reading && { pullRequest: reading.pullRequest, commits: reading.commits.map(project), ignored: reading.ignored }
}

const plain = (header: string, references: string[] = []): Read => ({ header, breaking: [], references })
const NOT_CONVENTIONAL = 'the header is not `type(scope)?: description`'

describe('readSquashMessage', () => {
  const table: [string, string, ReturnType<typeof read>][] = [
    [
      "GitHub's default message: the title with its (#12), one bullet a commit, a body under one, the co-authors after dashes",
      'Add the export endpoint (#12)\n\n* feat(api): add export\n\n* fix(api): escape names\n\nNames with quotes broke the CSV.\nCloses #7\n\n' +
        '* docs: say how\n\n---------\n\nCo-authored-by: Ada <ada@example.com>\nCo-authored-by: Bob <bob@example.com>\n',
      {
        pullRequest: 12,
        commits: [plain('feat(api): add export'), plain('fix(api): escape names', ['#7']), plain('docs: say how')],
        ignored: []
      }
    ],
    [
      'a title without (#12): no pull request',
      'Export\n\n* feat: export\n',
      { pullRequest: null, commits: [plain('feat: export')], ignored: [] }
    ],
    [
      'the last of several (#n): the squash of a cherry-pick',
      'Export (#3) (#12)\n\n* feat: export\n',
      { pullRequest: 12, commits: [plain('feat: export')], ignored: [] }
    ],
    [
      'a (#12) that does not end the title is no pull request',
      'Fix (#12) again\n\n* fix: x\n',
      { pullRequest: null, commits: [plain('fix: x')], ignored: [] }
    ],
    [
      'a bullet with `!` keeps its BREAKING CHANGE footer',
      'Drop v1 (#4)\n\n* feat(api)!: drop v1\n\nBREAKING CHANGE: /v1 is gone\n\n* fix: y\n',
      {
        pullRequest: 4,
        commits: [{ header: 'feat(api)!: drop v1', breaking: ['/v1 is gone'], references: [] }, plain('fix: y')],
        ignored: []
      }
    ],
    [
      'a bullet without `!`: its BREAKING CHANGE footer is ignored, and says under which header',
      'Rework (#5)\n\n* feat: new config\n\nBREAKING CHANGE: the old keys are gone\n\n* fix: y\n',
      {
        pullRequest: 5,
        commits: [plain('feat: new config'), plain('fix: y')],
        ignored: [{ kind: 'unmarked-bullet', note: 'the old keys are gone', header: 'feat: new config' }]
      }
    ],
    [
      'BREAKING-CHANGE in the description, before every bullet: under no bullet',
      'Rework (#5)\n\nBREAKING-CHANGE: everything\n\n* feat: x\n',
      { pullRequest: 5, commits: [plain('feat: x')], ignored: [{ kind: 'outside-bullets', note: 'everything' }] }
    ],
    [
      'BREAKING-CHANGE among the trailers: under no bullet',
      'Rework\n\n* feat: x\n\n---------\n\nBREAKING-CHANGE: hidden\nCo-authored-by: A <a@example.com>\n',
      { pullRequest: null, commits: [plain('feat: x')], ignored: [{ kind: 'outside-bullets', note: 'hidden' }] }
    ],
    [
      'BREAKING CHANGE after the dashes: among the trailers, not under the last bullet',
      'Rework\n\n* feat!: x\n\n---------\n\nBREAKING CHANGE: hidden\n',
      {
        pullRequest: null,
        commits: [{ header: 'feat!: x', breaking: [], references: [] }],
        ignored: [{ kind: 'outside-bullets', note: 'hidden' }]
      }
    ],
    [
      'indented bodies, nested bullets included, belong to the bullet above',
      'Parser work (#9)\n\n* feat(parser)!: strict mode\n  Reads less.\n\n  BREAKING CHANGE: lax input fails\n  * nested: not a commit\n' +
        '* fix(parser): spaces\n    Refs #3\n',
      {
        pullRequest: 9,
        commits: [
          { header: 'feat(parser)!: strict mode', breaking: ['lax input fails\n* nested: not a commit'], references: [] },
          plain('fix(parser): spaces', ['#3'])
        ],
        ignored: []
      }
    ],
    [
      'Co-authored-by lines are the squash commit’s, wherever GitHub put them',
      'Export\n\n* feat: export\n\nCo-authored-by: A <a@example.com>\n\n* fix: names\nCo-authored-by: B <b@example.com>\n',
      { pullRequest: null, commits: [plain('feat: export'), plain('fix: names')], ignored: [] }
    ],
    [
      'a line of dashes inside a body, with text after it, is the body’s',
      'Export\n\n* feat: export\n\n---\n\nMore about it, #8.\n',
      { pullRequest: null, commits: [plain('feat: export', ['#8'])], ignored: [] }
    ],
    [
      'bullets that are not Conventional Commits are read, with why; the others count',
      'Cleanup (#2)\n\n* Update README\n\n* fix: typo\n\n* wip\n',
      {
        pullRequest: 2,
        commits: [{ header: 'Update README', why: NOT_CONVENTIONAL }, plain('fix: typo'), { header: 'wip', why: NOT_CONVENTIONAL }],
        ignored: []
      }
    ],
    [
      'a BREAKING CHANGE under a bullet that is not conventional is ignored too',
      'Cleanup\n\n* Rewrite it all\n\nBREAKING CHANGE: all of it\n\n* fix: typo\n',
      {
        pullRequest: null,
        commits: [{ header: 'Rewrite it all', why: NOT_CONVENTIONAL }, plain('fix: typo')],
        ignored: [{ kind: 'unmarked-bullet', note: 'all of it', header: 'Rewrite it all' }]
      }
    ],
    [
      'a revert bullet, as git writes it, with the commit it names',
      'Back out (#6)\n\n* feat: x\n\n* Revert "feat: x"\n\nThis reverts commit 1234567abcdef.\n',
      {
        pullRequest: 6,
        commits: [plain('feat: x'), { header: 'Revert "feat: x"', reverts: 'feat: x', shas: ['1234567abcdef'] }],
        ignored: []
      }
    ],
    [
      'Windows line endings',
      'Export (#12)\r\n\r\n* feat(api): export\r\n\r\n* fix: y\r\n\r\nBREAKING CHANGE: z\r\n\r\n---------\r\n\r\nCo-authored-by: A <a@example.com>\r\n',
      {
        pullRequest: 12,
        commits: [plain('feat(api): export'), plain('fix: y')],
        ignored: [{ kind: 'unmarked-bullet', note: 'z', header: 'fix: y' }]
      }
    ],
    [
      '`-` lines under a `*` bullet are its body, not commits',
      'Export\n\n* feat: export\n\n- fix: not a commit\n- [ ] tests\n',
      { pullRequest: null, commits: [plain('feat: export')], ignored: [] }
    ],
    [
      'blank lines before the title are skipped',
      '\n\n  Export  \n\n* feat: export\n',
      { pullRequest: null, commits: [plain('feat: export')], ignored: [] }
    ]
  ]
  it.each(table)('%s', (_, message, expected) => {
    expect(read(message)).toEqual(expected)
  })

  const none: [string, string][] = [
    ['a Conventional title: the title decides', 'feat: export (#12)\n\n* fix: a\n\n* feat!: b\n'],
    ['a revert title: the title decides', 'Revert "Export (#12)" (#13)\n\n* feat: a\n'],
    ['a body with no bullets', 'Export (#12)\n\nAdds the export endpoint.\nfeat: looks like one, but no bullet\n'],
    ['no bullet is a Conventional Commit', 'Cleanup (#2)\n\n* Update README\n\n* wip\n'],
    [
      '`-` bullets: the habit of hand-written descriptions, not what GitHub writes',
      'Export (#12)\n\n- feat(api): add export\n- fix(api): escape names\n'
    ],
    ['`*` not at the start of the line', 'Export\n\n  * feat: indented, so a body line\n'],
    ['`*` with no space after it', 'Export\n\n*feat: x\n'],
    ['the title alone', 'Export (#12)\n'],
    ['an empty message', ''],
    ['a bullet for a title, and nothing after', '* feat: x\n']
  ]
  it.each(none)('null: %s', (_, message) => {
    expect(readSquashMessage(message)).toBeNull()
  })
})
