import { describe, expect, it } from 'vitest'
import { COMMENT_MARKER } from '../../src/github/sticky-comment.js'
import type { PullRequest } from '../../src/github/pull-request.js'
import { PREVIEW_LIMIT, renderNotes } from '../../src/notes/release-notes.js'
import { renderPullRequestReport } from '../../src/report/pr-comment.js'
import type { PullRequestCheck } from '../../src/run/pr-check.js'
import type { ReleasePlan } from '../../src/run/release-plan.js'
import { DEFAULT_TYPES, validateMessage, validateTitle, type Problem } from '../../src/validate/index.js'
import { makePlan, REPOSITORY_URL, shaOf } from '../notes/plans.js'

const HEAD = 'f00dfeed'.padEnd(40, '0')
const FOOTER = '<sub>For f00dfee; updated on every push.</sub>'
const MORE = (n: number): string => `- … and ${n} more (the job's annotations list them all)`

function pullRequest(title: string): PullRequest {
  return { number: 7, title, baseSha: 'a'.repeat(40), baseRef: 'main', headSha: HEAD, headRef: '', fork: false }
}

interface CheckSpec {
  readonly plan: ReleasePlan
  readonly title?: string
  readonly mergeStyle?: PullRequestCheck['mergeStyle']
  readonly errors?: readonly Problem[]
  readonly warnings?: readonly Problem[]
}

function checkOf(spec: CheckSpec): PullRequestCheck {
  return {
    pr: pullRequest(spec.title ?? 'feat: add x'),
    mergeStyle: spec.mergeStyle ?? 'merge',
    plan: spec.plan,
    ahead: 1,
    errors: spec.errors ?? [],
    warnings: spec.warnings ?? [],
    release: false
  }
}

/** The report as the check renders it: with the plan's own notes, sized for a comment. */
function report(spec: CheckSpec): string {
  return renderPullRequestReport(checkOf(spec), renderNotes(spec.plan, { repositoryUrl: REPOSITORY_URL, maxLength: PREVIEW_LIMIT }))
}

const titleProblems = (title: string): Problem[] => validateTitle(title, { types: DEFAULT_TYPES })
const commitProblems = (message: string, n: number): Problem[] =>
  validateMessage(message, { types: DEFAULT_TYPES, subject: { kind: 'commit', sha: shaOf(n) } })

describe('renderPullRequestReport: the headline', () => {
  it('a release: the version and the bump, the reason and the notes preview', () => {
    const plan = makePlan({ commits: ['feat: add x'] })
    const notes = renderNotes(plan, { repositoryUrl: null })
    expect(renderPullRequestReport(checkOf({ plan }), notes)).toBe(
      [
        COMMENT_MARKER,
        '### verso: merging this releases **v1.3.0** (minor)',
        '',
        'minor, because 1 feat commit: c000001 feat: add x',
        '',
        '<details><summary>Release notes preview</summary>',
        '',
        '## v1.3.0\n\n### Features\n\n- add x (c000001)',
        '',
        '</details>',
        '',
        FOOTER,
        ''
      ].join('\n')
    )
  })

  it('starts with the marker that finds the comment again, on its own line', () => {
    for (const plan of [
      makePlan({ commits: ['feat: a'] }),
      makePlan({ commits: [] }),
      makePlan({ commits: ['Update'], options: { strict: true } })
    ])
      expect(report({ plan }).startsWith(`${COMMENT_MARKER}\n### verso: `)).toBe(true)
  })

  it('nothing to release: says so, and shows no preview', () => {
    const plan = makePlan({ commits: ['docs: a'] })
    const text = report({ plan, title: 'docs: a' })
    expect(text).toBe(
      [
        COMMENT_MARKER,
        '### verso: merging this releases nothing',
        '',
        'no release: none of the 1 commit calls for one',
        '',
        FOOTER,
        ''
      ].join('\n')
    )
  })

  it('blocked with a version: the version, that it would be blocked, each finding, and the preview', () => {
    const plan = makePlan({ commits: ['Update stuff', 'feat: a'], options: { strict: true } })
    const text = report({ plan })
    expect(text).toContain('\n### verso: merging this would release **v1.3.0** (minor), but the release would be blocked\n')
    expect(text).toContain(
      '\n**The release would be blocked:**\n\n' +
        '- :x: c000001 "Update stuff" is not a Conventional Commit (the header is not `type(scope)?: description`); '
    )
    expect(text).toContain('\n<details><summary>Release notes preview</summary>\n\n## [v1.3.0](')
  })

  it('blocked with nothing to release: no version and no preview', () => {
    const plan = makePlan({ commits: ['Update stuff'], options: { strict: true } })
    const text = report({ plan })
    expect(text).toContain('\n### verso: merging this would be blocked\n')
    expect(text).toContain('\n**The release would be blocked:**\n')
    expect(text).not.toContain('<details>')
  })

  it('escapes HTML in the explanation, which quotes commit headers', () => {
    const plan = makePlan({ commits: ['feat: add <details> support'] })
    expect(report({ plan })).toContain('\nminor, because 1 feat commit: c000001 feat: add \\<details> support\n')
  })
})

describe('renderPullRequestReport: problems', () => {
  it('lists errors to fix, then warnings, each as renderProblem says it, on one line', () => {
    const plan = makePlan({ commits: ['feat: x'] })
    const text = report({ plan, title: 'Update stuff', errors: titleProblems('Update stuff'), warnings: commitProblems('feat:x', 1) })
    expect(text).toContain(
      [
        '**To fix before merging:**',
        '',
        '- :x: Pull request title "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`. ' +
          'Write it as, for example: "chore: update stuff" (the type is a guess: pick the one that fits).',
        '',
        '**Worth a look:**',
        '',
        '- :warning: c000001 "feat:x": not a Conventional Commit: a space must follow the colon (`type: description`). ' +
          'Write it as: "feat: x"',
        ''
      ].join('\n')
    )
  })

  it('escapes HTML in a problem', () => {
    const text = report({ plan: makePlan({ commits: ['feat: x'] }), errors: titleProblems('Update <b>stuff</b>') })
    expect(text).toContain('- :x: Pull request title "Update \\<b>stuff\\</b>": ')
    expect(text).not.toMatch(/(^|[^\\])<b>/)
  })

  it('has no problem sections when there are none', () => {
    const text = report({ plan: makePlan({ commits: ['feat: x'] }) })
    expect(text).not.toContain('**To fix before merging:**')
    expect(text).not.toContain('**Worth a look:**')
    expect(text).not.toContain('**The release would be blocked:**')
  })

  it.each([
    ['errors', 60, 10],
    ['warnings', 51, 1]
  ] as const)('lists at most 50 %s, and counts the rest', (which, count, more) => {
    const problems = Array.from({ length: count }, (_, i) => commitProblems(`Update file ${i}`, i + 1)).flat()
    expect(problems).toHaveLength(count)
    const text = report({ plan: makePlan({ commits: ['feat: x'] }), [which]: problems })
    const mark = which === 'errors' ? '- :x: ' : '- :warning: '
    const listed = text.split('\n').filter((l) => l.startsWith(mark))
    expect(listed).toHaveLength(50)
    expect(listed[49]).toContain('c000032 "Update file 49"')
    expect(text).toContain(`${listed[49]}\n${MORE(more)}\n`)
  })

  it('lists exactly 50 problems with no "more" line', () => {
    const problems = Array.from({ length: 50 }, (_, i) => commitProblems(`Update file ${i}`, i + 1)).flat()
    const text = report({ plan: makePlan({ commits: ['feat: x'] }), errors: problems })
    expect(text.split('\n').filter((l) => l.startsWith('- :x: '))).toHaveLength(50)
    expect(text).not.toContain('more (the job')
  })

  it('lists at most 50 findings of a blocked release, and counts the rest', () => {
    const commits = [...Array.from({ length: 55 }, (_, i) => `Update file ${i}`), 'feat: a']
    const plan = makePlan({ commits, options: { strict: true } })
    expect(plan.kind === 'blocked' && plan.findings.length).toBe(55)
    const text = report({ plan })
    const listed = text.split('\n').filter((l) => l.startsWith('- :x: '))
    expect(listed).toHaveLength(50)
    expect(text).toContain(`${listed[49]}\n${MORE(5)}\n`)
  })
})

describe('renderPullRequestReport: the squash note', () => {
  it('says the title is the commit that lands when squash-merged', () => {
    const title = 'feat(api): add x'
    const text = report({ plan: makePlan({ commits: [title] }), title, mergeStyle: 'squash' })
    expect(text).toContain(
      '\nminor, because 1 feat commit: c000001 feat(api): add x\n\n' +
        '_Squash merge: the title is the commit that lands on the base branch._\n\n<details>'
    )
  })

  it.each(['merge', 'rebase'] as const)('says nothing of it with merge-style %s', (mergeStyle) => {
    expect(report({ plan: makePlan({ commits: ['feat: x'] }), mergeStyle })).not.toContain('Squash merge')
  })

  it('comes before the problems', () => {
    const text = report({ plan: makePlan({ commits: ['chore: x'] }), mergeStyle: 'squash', errors: titleProblems('Update') })
    expect(text.indexOf('_Squash merge')).toBeGreaterThan(0)
    expect(text.indexOf('_Squash merge')).toBeLessThan(text.indexOf('**To fix before merging:**'))
  })
})

describe('renderPullRequestReport: the notes preview', () => {
  it('shows the notes it is given, trimmed, between blank lines', () => {
    const text = renderPullRequestReport(checkOf({ plan: makePlan({ commits: ['fix: a'] }) }), '\n\n  ## the notes  \n\n')
    expect(text).toContain('<details><summary>Release notes preview</summary>\n\n## the notes\n\n</details>\n\n')
  })

  it('is left out when nothing would be released, whatever notes are given', () => {
    expect(renderPullRequestReport(checkOf({ plan: makePlan({ commits: [] }) }), '## notes')).not.toContain('## notes')
  })

  it('comes last, before the footer', () => {
    const text = report({ plan: makePlan({ commits: ['fix: a'] }), errors: titleProblems('Update') })
    expect(text.indexOf('**To fix before merging:**')).toBeLessThan(text.indexOf('<details>'))
    expect(text.endsWith(`</details>\n\n${FOOTER}\n`)).toBe(true)
  })
})

describe("renderPullRequestReport: anyone's text in a comment", () => {
  it('mentions in titles and commits ping no one', () => {
    const plan = makePlan({ commits: ['feat: thanks @octocat and @octo-org/team'] })
    const text = report({ plan, title: 'feat: ping @someone' })
    expect(text).not.toMatch(/@[A-Za-z0-9]/)
    expect(text.replaceAll('\u200b', '')).toContain('@octocat')
  })

  it('a script link never survives', () => {
    const plan = makePlan({ commits: ['feat: [click](javascript:alert(1)) and [x](JavaScript:void)'] })
    expect(report({ plan })).not.toMatch(/\]\(\s*javascript:/i)
  })

  it('a megabyte title or header still makes a comment GitHub takes, marker and footer included', () => {
    const header = `feat: ${'x'.repeat(1_000_000)}`
    const plan = makePlan({
      commits: [header, ...Array.from({ length: 60 }, (_, i) => `bad ${i} ${'y'.repeat(20_000)}`)],
      options: { strict: 'true' }
    })
    const title = `fix ${'z'.repeat(1_000_000)}`
    const errors = validateTitle(title, { types: DEFAULT_TYPES })
    const text = report({ plan, title, errors })
    expect(text.length).toBeLessThanOrEqual(65_536)
    expect(text.startsWith(COMMENT_MARKER)).toBe(true)
    expect(text.trimEnd().endsWith(FOOTER)).toBe(true)
  })
})

describe('renderPullRequestReport: linear in what it quotes', () => {
  it('200,000 brackets in a header render in well under a second', () => {
    const plan = makePlan({ commits: [`feat: ${'['.repeat(200_000)}`] })
    const started = performance.now()
    const text = report({ plan })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(text.length).toBeLessThanOrEqual(65_536)
  })
})
