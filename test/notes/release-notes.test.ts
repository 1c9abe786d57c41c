import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { renderNotes } from '../../src/notes/release-notes.js'
import { describeReason } from '../../src/report/reasons.js'
import { makePlan, RELEASED_SHA, REPOSITORY_URL, shaOf } from './plans.js'

// The snapshots are Markdown files, so a reviewer can read them rendered.
const snapshot = (name: string): string => `./__snapshots__/${name}.md`

const TYPICAL = [
  'chore: init',
  'feat(api): add the /v2 endpoints',
  'fix(cli): exit 1 when the config is invalid',
  'perf: read every tag in one git process',
  'feat(api)!: drop the /v1 endpoints\n\nBREAKING CHANGE: /v1 is gone; call /v2 instead.\n',
  'fix!: stop reading VERSO_TOKEN',
  'docs(readme): explain release rules',
  'docs(api): fix a typo',
  'feat(ui): dark mode',
  `Revert "feat(ui): dark mode"\n\nThis reverts commit ${shaOf(9)}.\n`,
  `Revert "fix: retry pushes"\n\nThis reverts commit ${RELEASED_SHA}.\n`,
  'revert(cli): add --color\n\nRefs: 0123abc\n',
  'Update the README',
  { message: 'Merge pull request #9 from octo-org/topic', merge: true }
]

describe('renderNotes', () => {
  it('a typical release: breaking, features, fixes, performance, reverts and a docs rule', async () => {
    const plan = makePlan({ commits: TYPICAL, options: { 'release-rules': 'docs(readme): patch' } })
    expect(plan).toMatchObject({ kind: 'release', next: { tag: 'v2.0.0' } })
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('typical'))
  })

  it('without a repository URL, nothing is linked', async () => {
    const plan = makePlan({ commits: TYPICAL, options: { 'release-rules': 'docs(readme): patch' } })
    await expect(renderNotes(plan, { repositoryUrl: null })).toMatchFileSnapshot(snapshot('no-url'))
  })

  it('a first release links all its commits', async () => {
    const plan = makePlan({
      base: null,
      commits: ['chore: init', 'feat: plan releases', 'fix: read tags'],
      options: { 'initial-version': '1.0.0' }
    })
    expect(plan.reasons.map(describeReason)).toEqual(['first release: initial-version 1.0.0'])
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('first-release'))
  })

  it('sorts unscoped entries first, then by scope, each scope oldest first', async () => {
    const plan = makePlan({
      commits: ['feat(web): b', 'feat: unscoped later', 'feat(api): c', 'feat(Web): a', 'feat: unscoped', 'feat(api): d']
    })
    const notes = renderNotes(plan, { repositoryUrl: null })
    expect(notes.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- unscoped later (c000002)',
      '- unscoped (c000005)',
      '- **api:** c (c000003)',
      '- **api:** d (c000006)',
      '- **web:** b (c000001)',
      '- **Web:** a (c000004)'
    ])
  })

  it('links references where they are written, and lists the others after the shas', async () => {
    const plan = makePlan({
      commits: [
        'fix(parser): read CRLF footers (#12)',
        'fix: see octo-org/other#5 and `#7`, not issue#6 or https://x.test/a/b#8\n\nCloses #3, octo-org/other#5\nRefs: #12, foo#1a\n',
        'feat!: rename the outputs\n\nBREAKING CHANGE: `version` is now `next-version` (#4).\n\nCloses #4, #13\n'
      ]
    })
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('references'))
  })

  it('links other repositories on the same host (GitHub Enterprise)', () => {
    const plan = makePlan({ commits: ['fix: follow up on platform/core#77 and #8'] })
    const notes = renderNotes(plan, { repositoryUrl: 'https://ghe.example.com/team/app.git/' })
    expect(notes).toContain(
      '- follow up on [platform/core#77](https://ghe.example.com/platform/core/issues/77) and [#8](https://ghe.example.com/team/app/issues/8) ([c000001](https://ghe.example.com/team/app/commit/c000001'
    )
    expect(notes).toContain('## [v1.2.4](https://ghe.example.com/team/app/compare/v1.2.3...v1.2.4)')
  })

  it('escapes Markdown and HTML in commit text, and keeps code spans', async () => {
    const plan = makePlan({
      commits: [
        'fix: *bold* and _under_ but snake_case and __init__ stay readable',
        'fix: <script>alert(1)</script> and <details> are text',
        'fix: [a link](https://evil.test) and ![an image](x.png) are text',
        'fix: `<b>code</b>` and ``a ` tick`` stay code; a lone ` does not open one',
        'fix: # not a heading',
        'fix: 1. not a list',
        'fix(*scope*): ~~not struck~~, &amp; not an entity, a \\ backslash',
        'feat!: change the config\n\nBREAKING-CHANGE: keys are renamed:\n- `foo` is `bar`\n- <b>baz</b> is *qux*\n# not a heading\n---\n> not a quote\n'
      ]
    })
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('escaping'))
  })

  it('a footer that repeats the subject adds nothing; several footers are several paragraphs', () => {
    const plan = makePlan({
      commits: [
        'feat!: drop Node 20\n\nBREAKING CHANGE: drop Node 20\n',
        'fix!: exit codes\n\nBREAKING CHANGE: 2 is now usage\nBREAKING-CHANGE: 3 is now git\n'
      ]
    })
    expect(renderNotes(plan, { repositoryUrl: null })).toBe(
      '## v2.0.0\n\n### ⚠ Breaking changes\n\n- drop Node 20 (c000001)\n\n- exit codes (c000002)\n\n  2 is now usage\n\n  3 is now git\n'
    )
  })

  it('lists identical headers once, with all their shas', async () => {
    const plan = makePlan({
      commits: [
        'feat(api): add the /v2 endpoints',
        'fix: read tags',
        { message: 'feat(api): add the /v2 endpoints (#21)\n\nSquashed from the PR.\n', merge: true },
        'fix: Read  tags',
        'fix(cli): read tags'
      ]
    })
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('duplicates'))
  })

  it('a prerelease compares with the previous prerelease', async () => {
    const plan = makePlan({ base: 'v1.3.0-rc.0', stableBase: 'v1.2.3', commits: ['fix: read tags'], options: { prerelease: 'rc' } })
    expect(plan.next?.tag).toBe('v1.3.0-rc.1')
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('prerelease'))
  })

  it('says when major 0 turned a breaking change into a minor release', async () => {
    const plan = makePlan({ base: 'v0.4.2', commits: ['feat(api)!: drop the /v1 endpoints'] })
    expect(plan.next?.tag).toBe('v0.5.0')
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('major-zero'))
  })

  it('says when a calendar version cannot show a breaking change', async () => {
    const plan = makePlan({
      base: 'v2024.01.3',
      commits: ['fix!: drop the v1 schema\n\nBREAKING CHANGE: documents written before 2023 must be migrated first.\n'],
      options: { scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO' }
    })
    expect(plan.next?.tag).toBe('v2024.02.0')
    await expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toMatchFileSnapshot(snapshot('calver'))
  })

  it("a forced bump says so in the reader's words, not the input's", () => {
    const plan = makePlan({ commits: ['docs: rewrite the README'], options: { bump: 'major' } })
    expect(plan.reasons.map(describeReason)).toContain('bump forced to major by the `bump` input (the commits call for no release)')
    expect(renderNotes(plan, { repositoryUrl: null })).toBe(
      '## v2.0.0\n\n> Released as a major release by request.\n\nNo changes of note.\n'
    )
  })

  it('previews a blocked release like the release it would be', () => {
    const options = { strict: true }
    const plan = makePlan({ commits: ['Update stuff', 'feat: plan releases'], options })
    expect(plan.kind).toBe('blocked')
    expect(renderNotes(plan, { repositoryUrl: null })).toBe('## v1.3.0\n\n### Features\n\n- plan releases (c000002)\n')
  })

  it.each([
    ['no commits since the last release', [], 'v1.2.3', 'No release: nothing was committed since v1.2.3.\n'],
    ['nothing releasable', ['docs: a', 'chore: b'], 'v1.2.3', 'No release: none of the 2 commits since v1.2.3 calls for one.\n'],
    ['one commit, no release yet', ['chore: init'], null, 'No release: none of the 1 commit calls for one.\n']
  ] as const)('a plan that releases nothing: %s', (_, commits, base, expected) => {
    const plan = makePlan({ commits, base })
    expect(plan.kind).toBe('none')
    expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toBe(expected)
  })

  it('blocked without a next version releases nothing', () => {
    const plan = makePlan({ commits: ['Update stuff', 'docs: a'], options: { strict: true } })
    expect(plan).toMatchObject({ kind: 'blocked', next: null })
    expect(renderNotes(plan, { repositoryUrl: null })).toBe('No release: none of the 2 commits since v1.2.3 calls for one.\n')
  })

  it('adds a section for each type a release rule counts, in a fixed order, renamed on request', async () => {
    const plan = makePlan({
      commits: [
        'zap: unknown type',
        'chore: tidy',
        'build: esbuild 0.28',
        'refactor: split plan.ts',
        'style: format',
        'ci: pin actions',
        'test: cover CalVer',
        'constructor: a type named like a prototype key',
        'fix: a bug'
      ],
      options: {
        'release-rules': 'zap: patch\nchore: patch\nbuild: patch\nrefactor: patch\nstyle: patch\nci: patch\ntest: patch\nconstructor: patch'
      }
    })
    const titles = (notes: string): string[] => notes.split('\n').filter((l) => l.startsWith('### '))
    expect(titles(renderNotes(plan, { repositoryUrl: null }))).toEqual([
      '### Bug fixes',
      '### Refactoring',
      '### Styles',
      '### Tests',
      '### Build',
      '### CI',
      '### Chores',
      '### Constructor',
      '### Zap'
    ])
    const renamed = renderNotes(plan, { repositoryUrl: null, sections: { chore: 'Maintenance', build: 'Maintenance', zap: 'Zaps' } })
    expect(titles(renamed)).toEqual([
      '### Bug fixes',
      '### Refactoring',
      '### Styles',
      '### Tests',
      '### Maintenance',
      '### CI',
      '### Constructor',
      '### Zaps'
    ])
    expect(renamed).toContain('### Maintenance\n\n- tidy (c000002)\n- esbuild 0.28 (c000003)\n')
  })

  it('leaves out commits whose rule releases nothing', () => {
    const plan = makePlan({ commits: ['feat(internal): hidden', 'feat: shown'], options: { 'release-rules': 'feat(internal): none' } })
    const notes = renderNotes(plan, { repositoryUrl: null })
    expect(notes).toContain('- shown (c000002)')
    expect(notes).not.toContain('hidden')
  })

  it('encodes tags in links', () => {
    const plan = makePlan({ base: 'release/1.2.3', commits: ['fix: a'], options: { 'tag-prefix': 'release/' } })
    expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toContain(
      `**Full changelog**: [release/1.2.3...release/1.2.4](${REPOSITORY_URL}/compare/release/1.2.3...release/1.2.4)`
    )
  })

  it.each([
    'github.com/octo-org/octo-repo',
    'https://github.com/octo-org',
    'https://github.com/a/b/c',
    'ftp://github.com/a/b',
    'https://github.com/a/b?x=1'
  ])('rejects the repository URL %s, naming the expected form', (url) => {
    const plan = makePlan({ commits: [] })
    expect(() => renderNotes(plan, { repositoryUrl: url })).toThrow(VersoError)
    expect(() => renderNotes(plan, { repositoryUrl: url })).toThrow(/Expected https:\/\/<host>\/<owner>\/<repo>/)
  })
})

describe('renderNotes: squash commits', () => {
  const SQUASH =
    'Add the export endpoint (#12)\n\n* feat(api)!: drop v1\n\nBREAKING CHANGE: /v1 is gone; call /v2.\n\n* feat(api): add export\n\n' +
    '* fix(api): escape names, see #3\n\n* docs: say how\n\n---------\n\nCo-authored-by: A <a@example.com>\n'

  it('merge-style squash: each commit it lists its own entry in its section, with the squash commit and the pull request', () => {
    const plan = makePlan({ commits: ['fix: before', SQUASH], options: { 'merge-style': 'squash' } })
    expect(renderNotes(plan, { repositoryUrl: null })).toBe(
      [
        '## v2.0.0',
        '',
        '### ⚠ Breaking changes',
        '',
        '- **api:** drop v1 (c000002), refs #12',
        '',
        '  /v1 is gone; call /v2.',
        '',
        '### Features',
        '',
        '- **api:** add export (c000002), refs #12',
        '',
        '### Bug fixes',
        '',
        '- before (c000001)',
        '- **api:** escape names, see #3 (c000002), refs #12',
        ''
      ].join('\n')
    )
  })

  it('links the squash commit and the pull request', () => {
    const plan = makePlan({ commits: [SQUASH], options: { 'merge-style': 'squash' } })
    expect(renderNotes(plan, { repositoryUrl: REPOSITORY_URL })).toContain(
      `- **api:** add export ([c000001](${REPOSITORY_URL}/commit/${shaOf(1)})), refs [#12](${REPOSITORY_URL}/issues/12)\n`
    )
  })

  it('merge-style merge: the squash commit is not a Conventional Commit, and not in the notes', () => {
    const plan = makePlan({ commits: ['fix: before', SQUASH] })
    expect(renderNotes(plan, { repositoryUrl: null })).toBe(['## v1.2.4', '', '### Bug fixes', '', '- before (c000001)', ''].join('\n'))
  })
})

describe('renderNotes: GitHub size limits', () => {
  it('cuts a long list at a line, says so, and keeps the full-changelog link', () => {
    const commits = Array.from({ length: 400 }, (_, i) => `feat: a feature with a fairly long description number ${i}`)
    const plan = makePlan({ commits })
    const full = renderNotes(plan, { repositoryUrl: 'https://github.com/octo-org/hello-world' })
    const cut = renderNotes(plan, { repositoryUrl: 'https://github.com/octo-org/hello-world', maxLength: 5_000 })
    expect(full.length).toBeGreaterThan(5_000)
    expect(cut.length).toBeLessThanOrEqual(5_000)
    expect(cut).toMatch(/_… and \d+ more lines, too many to list here: see the full changelog\._/)
    expect(cut.trimEnd().split('\n').at(-1)).toBe(full.trimEnd().split('\n').at(-1))
  })
})
