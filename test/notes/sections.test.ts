import { describe, expect, it } from 'vitest'
import { BREAKING_TITLE, collectSections, type NoteSection } from '../../src/notes/sections.js'
import { makePlan, RELEASED_SHA, shaOf, type PlanSpec } from './plans.js'

const sectionsOf = (spec: PlanSpec, titles?: Record<string, string>): NoteSection[] => collectSections(makePlan(spec).commits, titles)

/** Each section as its title and its entries' subjects: the shape a reader sees. */
const outline = (sections: readonly NoteSection[]): [string, string[]][] =>
  sections.map((s) => [s.title, s.entries.map((e) => (e.scope === null ? e.subject : `${e.scope}: ${e.subject}`))])

describe('collectSections: grouping by type', () => {
  it('puts each type under its title, in reading order', () => {
    const sections = sectionsOf({ commits: ['perf: faster', 'fix: a bug', 'feat: a feature', 'fix: another bug'] })
    expect(outline(sections)).toEqual([
      ['Features', ['a feature']],
      ['Bug fixes', ['a bug', 'another bug']],
      ['Performance', ['faster']]
    ])
  })

  it('writes each entry with its scope, subject, sha, references and no breaking notes', () => {
    const sections = sectionsOf({ commits: ['fix(cli): exit 1 on a bad config\n\nCloses #3, octo-org/other#5\n'] })
    expect(sections).toEqual([
      {
        title: 'Bug fixes',
        entries: [
          { scope: 'cli', subject: 'exit 1 on a bad config', shas: [shaOf(1)], references: ['#3', 'octo-org/other#5'], breakingNotes: [] }
        ]
      }
    ])
  })

  it('reads types case-insensitively, as the release rules do', () => {
    expect(outline(sectionsOf({ commits: ['FEAT: shout', 'Fix: capital'] }))).toEqual([
      ['Features', ['shout']],
      ['Bug fixes', ['capital']]
    ])
  })

  it('gives every type a release rule counts a section, known ones in a fixed order, others after by name', () => {
    const commits = ['zap: z', 'chore: c', 'build: b', 'ci: i', 'test: t', 'style: s', 'refactor: r', 'docs: d', 'alpha: a', 'fix: f']
    const rules = ['zap', 'chore', 'build', 'ci', 'test', 'style', 'refactor', 'docs', 'alpha'].map((t) => `${t}: patch`).join('\n')
    const titles = sectionsOf({ commits, options: { 'release-rules': rules } }).map((s) => s.title)
    expect(titles).toEqual(['Bug fixes', 'Documentation', 'Refactoring', 'Styles', 'Tests', 'Build', 'CI', 'Chores', 'Alpha', 'Zap'])
  })

  it('names a type like a prototype key after itself', () => {
    const sections = sectionsOf({
      commits: ['constructor: x', 'toString: y'],
      options: { 'release-rules': 'constructor: patch\ntoString: patch' }
    })
    expect(sections.map((s) => s.title)).toEqual(['Constructor', 'Tostring'])
  })
})

describe('collectSections: custom titles', () => {
  it('renames a section', () => {
    expect(sectionsOf({ commits: ['feat: a', 'fix: b'] }, { feat: 'New', fix: 'Fixed' }).map((s) => s.title)).toEqual(['New', 'Fixed'])
  })

  it('puts types given one title into one section, where the first of them ranks', () => {
    const commits = ['chore: tidy', 'fix: a bug', 'build: esbuild 0.28', 'zap: zapped']
    const options = { 'release-rules': 'chore: patch\nbuild: patch\nzap: patch' }
    const sections = sectionsOf({ commits, options }, { chore: 'Maintenance', build: 'Maintenance', zap: 'Maintenance' })
    expect(outline(sections)).toEqual([
      ['Bug fixes', ['a bug']],
      ['Maintenance', ['tidy', 'esbuild 0.28', 'zapped']]
    ])
  })

  it('ignores titles for types that have no commits', () => {
    expect(sectionsOf({ commits: ['fix: a'] }, { feat: 'New', chore: 'Maintenance' }).map((s) => s.title)).toEqual(['Bug fixes'])
  })

  it('ignores inherited keys of the titles object', () => {
    const titles = Object.create({ fix: 'Inherited' }) as Record<string, string>
    expect(sectionsOf({ commits: ['fix: a'] }, titles).map((s) => s.title)).toEqual(['Bug fixes'])
  })

  it('cannot rename the breaking changes', () => {
    const sections = sectionsOf({ commits: ['feat!: a', 'fix: b'] }, { '!': 'Renamed', feat: 'New' })
    expect(outline(sections)).toEqual([
      [BREAKING_TITLE, ['a']],
      ['Bug fixes', ['b']]
    ])
  })
})

describe('collectSections: breaking changes', () => {
  it('lists every breaking change first, in its own section, whatever its type', () => {
    const commits = [
      'feat: plain feature',
      'fix!: stop reading VERSO_TOKEN',
      'feat(api)!: drop /v1',
      'perf: faster\n\nBREAKING CHANGE: needs Node 24\n',
      'docs!: rewrite',
      'refactor: split\n\nBREAKING-CHANGE: the API moved\n'
    ]
    expect(outline(sectionsOf({ commits }))).toEqual([
      [BREAKING_TITLE, ['stop reading VERSO_TOKEN', 'faster', 'rewrite', 'split', 'api: drop /v1']],
      ['Features', ['plain feature']]
    ])
  })

  it('keeps the breaking notes of each entry', () => {
    const [section] = sectionsOf({
      commits: ['fix!: exit codes\n\nBREAKING CHANGE: 2 is now usage\nBREAKING-CHANGE: 3 is now git\n']
    })
    expect(section?.entries[0]?.breakingNotes).toEqual(['2 is now usage', '3 is now git'])
  })

  it('is its own section even at 0.y.z, where the bump is only minor', () => {
    const plan = makePlan({ base: 'v0.4.0', commits: ['feat!: x', 'feat: y'] })
    expect(plan.bump).toBe('minor')
    expect(outline(collectSections(plan.commits))).toEqual([
      [BREAKING_TITLE, ['x']],
      ['Features', ['y']]
    ])
  })
})

describe('collectSections: what is left out', () => {
  it('leaves out types that release nothing', () => {
    expect(outline(sectionsOf({ commits: ['docs: a', 'chore: b', 'feat: c', 'ci: d'] }))).toEqual([['Features', ['c']]])
  })

  it('leaves out a commit whose rule releases nothing', () => {
    const options = { 'release-rules': 'feat(internal): none' }
    expect(outline(sectionsOf({ commits: ['feat(internal): hidden', 'feat: shown'], options }))).toEqual([['Features', ['shown']]])
  })

  it('leaves out commits that are not Conventional Commits, and merge commits', () => {
    const commits = ['Update the README', { message: 'Merge pull request #9 from octo-org/topic', merge: true }, 'fix: a']
    expect(outline(sectionsOf({ commits }))).toEqual([['Bug fixes', ['a']]])
  })

  it('keeps a merge commit whose own message is a Conventional Commit', () => {
    const commits = [{ message: 'feat: merged as one', merge: true }]
    expect(sectionsOf({ commits })[0]?.entries[0]).toMatchObject({ subject: 'merged as one', shas: [shaOf(1)] })
  })

  it('leaves out a commit reverted in the same range, and its revert', () => {
    const commits = ['feat(ui): dark mode', `Revert "feat(ui): dark mode"\n\nThis reverts commit ${shaOf(1)}.\n`, 'fix: a']
    expect(outline(sectionsOf({ commits }))).toEqual([['Bug fixes', ['a']]])
  })

  it('brings back a commit whose revert was reverted', () => {
    const commits = [
      'feat(ui): dark mode',
      `Revert "feat(ui): dark mode"\n\nThis reverts commit ${shaOf(1)}.\n`,
      `Revert "Revert "feat(ui): dark mode""\n\nThis reverts commit ${shaOf(2)}.\n`
    ]
    expect(outline(sectionsOf({ commits }))).toEqual([['Features', ['ui: dark mode']]])
  })

  it('lists nothing when nothing counts', () => {
    expect(sectionsOf({ commits: [] })).toEqual([])
    expect(sectionsOf({ commits: ['docs: a', 'Update stuff'] })).toEqual([])
  })
})

describe('collectSections: reverts', () => {
  it("lists git's revert of a released commit under Reverts, by the reverted header", () => {
    const sections = sectionsOf({ commits: [`Revert "fix: retry pushes"\n\nThis reverts commit ${RELEASED_SHA}.\n`] })
    expect(sections).toEqual([
      { title: 'Reverts', entries: [{ scope: null, subject: 'fix: retry pushes', shas: [shaOf(1)], references: [], breakingNotes: [] }] }
    ])
  })

  it('lists a revert: commit under Reverts with its own scope and subject', () => {
    expect(outline(sectionsOf({ commits: ['revert(cli): add --color\n\nRefs: 0123abc\n'] }))).toEqual([['Reverts', ['cli: add --color']]])
  })

  it('places Reverts after the fixes and performance, before other counted types', () => {
    const commits = [`Revert "feat: x"\n\nThis reverts commit ${RELEASED_SHA}.\n`, 'docs: d', 'perf: p', 'fix: f']
    const titles = sectionsOf({ commits, options: { 'release-rules': 'docs: patch' } }).map((s) => s.title)
    expect(titles).toEqual(['Bug fixes', 'Performance', 'Reverts', 'Documentation'])
  })
})

describe('collectSections: one entry per change', () => {
  it('merges identical headers, with all their shas oldest first', () => {
    const sections = sectionsOf({ commits: ['fix: read tags', 'feat: other', 'fix: read tags'] })
    expect(sections.find((s) => s.title === 'Bug fixes')?.entries).toEqual([
      { scope: null, subject: 'read tags', shas: [shaOf(1), shaOf(3)], references: [], breakingNotes: [] }
    ])
  })

  it("prefers a squash merge's spelling, which names its pull request", () => {
    const commits = ['feat(api): add the /v2 endpoints', 'feat(api): add the /v2 endpoints (#21)']
    expect(sectionsOf({ commits })[0]?.entries).toEqual([
      { scope: 'api', subject: 'add the /v2 endpoints (#21)', shas: [shaOf(1), shaOf(2)], references: ['#21'], breakingNotes: [] }
    ])
  })

  it('treats case, spacing and the scope case as the same change, spelled as first written', () => {
    const sections = sectionsOf({ commits: ['fix(API): read tags', 'fix(api): Read  tags ', 'fix: read tags'] })
    expect(sections[0]?.entries.map((e) => [e.scope, e.subject, e.shas])).toEqual([
      [null, 'read tags', [shaOf(3)]],
      ['API', 'read tags', [shaOf(1), shaOf(2)]]
    ])
  })

  it('keeps a breaking change apart from the same header without the mark', () => {
    expect(outline(sectionsOf({ commits: ['feat: x', 'feat!: x'] }))).toEqual([
      [BREAKING_TITLE, ['x']],
      ['Features', ['x']]
    ])
  })

  it('joins the references and breaking notes of merged entries, each once', () => {
    const commits = [
      'feat!: rename outputs\n\nBREAKING CHANGE: `version` is `next-version`\n\nCloses #4\n',
      'feat!: rename outputs (#13)\n\nBREAKING CHANGE: `version` is `next-version`\n\nCloses #4, #13\n'
    ]
    expect(sectionsOf({ commits })).toEqual([
      {
        title: BREAKING_TITLE,
        entries: [
          {
            scope: null,
            subject: 'rename outputs (#13)',
            shas: [shaOf(1), shaOf(2)],
            references: ['#4', '#13'],
            breakingNotes: ['`version` is `next-version`']
          }
        ]
      }
    ])
  })
})

describe('collectSections: order within a section', () => {
  it('unscoped first, then by scope case-insensitively, each scope oldest first', () => {
    const commits = ['feat(web): b', 'feat: unscoped later', 'feat(api): c', 'feat(Web): a', 'feat: unscoped', 'feat(api): d', 'feat(B): e']
    expect(outline(sectionsOf({ commits }))).toEqual([
      ['Features', ['unscoped later', 'unscoped', 'api: c', 'api: d', 'B: e', 'web: b', 'Web: a']]
    ])
  })
})
