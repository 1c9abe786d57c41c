import { describe, expect, it } from 'vitest'
import type { PullRequest } from '../../src/github/pull-request.js'
import { PREVIEW_LIMIT, renderNotes } from '../../src/notes/release-notes.js'
import { renderCheckText } from '../../src/report/check-text.js'
import { renderPullRequestReport } from '../../src/report/pr-comment.js'
import { resolveLine } from '../../src/run/line.js'
import type { PullRequestCheck } from '../../src/run/pr-check.js'
import type { ReleasePlan } from '../../src/run/release-plan.js'
import { DEFAULT_TYPES, validateMessage, validateTitle, type Problem } from '../../src/validate/index.js'
import { makePlan, shaOf } from '../notes/plans.js'

function pullRequest(title: string): PullRequest {
  return {
    number: 0,
    title,
    baseSha: 'a'.repeat(40),
    baseRef: 'origin/main',
    headSha: 'f00dfeed'.padEnd(40, '0'),
    headRef: '',
    fork: false
  }
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
    pr: pullRequest(spec.title ?? ''),
    mergeStyle: spec.mergeStyle ?? 'merge',
    plan: spec.plan,
    ahead: 1,
    errors: spec.errors ?? [],
    warnings: spec.warnings ?? [],
    release: false
  }
}

/** The notes `verso check` previews: the plan's own, without links, sized as for a comment. */
function notesOf(plan: ReleasePlan): string {
  return plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: null, maxLength: PREVIEW_LIMIT })
}

/** The text as `verso check` prints it. */
function text(spec: CheckSpec, verbose = false): string {
  return renderCheckText(checkOf(spec), notesOf(spec.plan), { verbose })
}

const titleProblems = (title: string): Problem[] => validateTitle(title, { types: DEFAULT_TYPES })
const commitProblems = (message: string, n: number): Problem[] =>
  validateMessage(message, { types: DEFAULT_TYPES, subject: { kind: 'commit', sha: shaOf(n) } })

const NOT_CONVENTIONAL =
  'error: c000001 "Update stuff" is not a Conventional Commit (the header is not `type(scope)?: description`); ' +
  'with `strict: true` every commit must be one. Reword it as `type(scope): description` (`verso lint-commit` suggests a wording), ' +
  'or turn strict off.'

describe('renderCheckText: what merging releases', () => {
  it('a release: the version and the bump, why, and the notes preview', () => {
    expect(text({ plan: makePlan({ commits: ['feat: add x', 'fix: y', 'docs: z'] }), title: 'feat: add x' })).toBe(
      [
        'merging this releases v1.3.0 (minor)',
        'minor, because 1 feat commit: c000001 feat: add x; 1 commit released nothing',
        '',
        'Release notes:',
        '  ## v1.3.0',
        '',
        '  ### Features',
        '',
        '  - add x (c000001)',
        '',
        '  ### Bug fixes',
        '',
        '  - y (c000002)',
        ''
      ].join('\n')
    )
  })

  it("notes each of the plan's reasons", () => {
    expect(text({ plan: makePlan({ base: null, commits: ['feat: a'] }) })).toBe(
      [
        'merging this releases v0.1.0 (minor)',
        'minor, because 1 feat commit: c000001 feat: a',
        'note: first release: initial-version 0.1.0',
        '',
        'Release notes:',
        '  ## v0.1.0',
        '',
        '  ### Features',
        '',
        '  - a (c000001)',
        ''
      ].join('\n')
    )
  })

  it('a forced bump is said once, by the explanation', () => {
    const out = text({ plan: makePlan({ commits: ['fix: a'], options: { bump: 'major' } }) })
    expect(
      out.startsWith(
        'merging this releases v2.0.0 (major)\nmajor, bump forced to major by the `bump` input (the commits call for patch)\n\n'
      )
    ).toBe(true)
    expect(out).not.toContain('note: bump forced')
  })

  it("says the base branch's line when it is one", () => {
    const plan = makePlan({ commits: ['fix: a'], base: 'v1.4.0' })
    const line = resolveLine({
      policy: {
        kind: 'rules',
        from: 'branches',
        withDefaultBranch: false,
        rules: [
          { pattern: 'main', range: null, prerelease: null },
          { pattern: '1.x', range: '1.x', prerelease: null }
        ]
      },
      branch: '1.x',
      defaultBranch: 'main',
      prerelease: null,
      scheme: 'semver'
    })
    const out = text({ plan: { ...plan, line } })
    expect(out.split('\n').slice(0, 3)).toEqual([
      'merging this releases v1.4.1 (patch)',
      'patch, because 1 fix commit: c000001 fix: a',
      'base branch: 1.x is a maintenance line: only versions in 1.x'
    ])
  })

  it('nothing to release: says so and why, with no preview', () => {
    expect(text({ plan: makePlan({ commits: ['docs: a'] }), title: 'docs: a' })).toBe(
      ['merging this releases nothing', 'no release: none of the 1 commit calls for one', ''].join('\n')
    )
  })

  it('nothing to release: shows no preview, whatever notes are given', () => {
    const check = checkOf({ plan: makePlan({ commits: [] }) })
    expect(renderCheckText(check, '## notes', { verbose: false })).toBe(
      'merging this releases nothing\nno commits since the last release\n'
    )
  })
})

describe('renderCheckText: a blocked release', () => {
  it('with a version: the version, that it would be blocked, each finding as an error, and the preview', () => {
    expect(text({ plan: makePlan({ commits: ['Update stuff', 'feat: a'], options: { strict: true } }) })).toBe(
      [
        'merging this would release v1.3.0 (minor), but the release would be blocked',
        'minor, because 1 feat commit: c000002 feat: a; 1 commit released nothing',
        NOT_CONVENTIONAL,
        '',
        'Release notes:',
        '  ## v1.3.0',
        '',
        '  ### Features',
        '',
        '  - a (c000002)',
        ''
      ].join('\n')
    )
  })

  it('with nothing to release: no version and no preview', () => {
    expect(text({ plan: makePlan({ commits: ['Update stuff'], options: { strict: true } }) })).toBe(
      [
        'merging this would be blocked',
        'no release: none of the 1 commit calls for one (1 not Conventional Commits)',
        NOT_CONVENTIONAL,
        ''
      ].join('\n')
    )
  })
})

describe('renderCheckText: problems with the title and the commits', () => {
  it('errors, then warnings, each as renderProblem says it, its rewording indented under it', () => {
    const plan = makePlan({ commits: ['fix: a', 'feat:x'] })
    const out = text({ plan, title: 'Update stuff', errors: titleProblems('Update stuff'), warnings: commitProblems('feat:x', 2) })
    expect(out).toBe(
      [
        'merging this releases v1.2.4 (patch)',
        'patch, because 1 fix commit: c000001 fix: a; 1 commit released nothing',
        'error: Pull request title "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.',
        '  Write it as, for example: "chore: update stuff" (the type is a guess: pick the one that fits).',
        'warning: c000002 "feat:x": not a Conventional Commit: a space must follow the colon (`type: description`).',
        '  Write it as: "feat: x"',
        '',
        'Release notes:',
        '  ## v1.2.4',
        '',
        '  ### Bug fixes',
        '',
        '  - a (c000001)',
        ''
      ].join('\n')
    )
  })

  it("a blocked release's findings come before the title's and the commits' problems", () => {
    const plan = makePlan({ commits: ['Update stuff'], options: { strict: true } })
    const out = text({ plan, errors: commitProblems('Update stuff', 1) })
    expect(out.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      NOT_CONVENTIONAL,
      'error: c000001 "Update stuff": not a Conventional Commit: the header is not `type(scope)?: description`.'
    ])
  })

  it.each([
    ['errors', 'error', 60, 10],
    ['warnings', 'warning', 51, 1]
  ] as const)('lists at most 50 %s, counts the rest, and --verbose lists them all', (which, label, count, more) => {
    const problems = Array.from({ length: count }, (_, i) => commitProblems(`Update file ${i}`, i + 1)).flat()
    const spec = { plan: makePlan({ commits: ['feat: x'] }), [which]: problems }
    const listed = (out: string) => out.split('\n').filter((l) => l.startsWith(`${label}: `))
    const out = text(spec)
    expect(listed(out)).toHaveLength(50)
    expect(out).toContain(
      `${listed(out)[49]}\n  Write it as, for example: "chore: update file 49" (the type is a guess: pick the one that fits).\n  … and ${more} more ${which} (--verbose lists them all)\n`
    )
    const verbose = text(spec, true)
    expect(listed(verbose)).toHaveLength(count)
    expect(verbose).not.toContain('… and')
  })

  it('lists at most 50 findings of a blocked release, and counts the rest', () => {
    const commits = [...Array.from({ length: 55 }, (_, i) => `Update file ${i}`), 'feat: a']
    const out = text({ plan: makePlan({ commits, options: { strict: true } }) })
    expect(out.split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(50)
    expect(out).toContain('\n  … and 5 more errors (--verbose lists them all)\n')
  })
})

describe('renderCheckText: squash merge', () => {
  it('says the title is the commit that lands, after the explanation and before the problems', () => {
    const title = 'feat(api): add x'
    const out = text({ plan: makePlan({ commits: [title] }), title, mergeStyle: 'squash', warnings: commitProblems('wip', 1) })
    expect(out).toBe(
      [
        'merging this releases v1.3.0 (minor)',
        'minor, because 1 feat commit: c000001 feat(api): add x',
        'squash merge: the title is the commit that lands on the base branch',
        'warning: c000001 "wip": not a Conventional Commit: the header is not `type(scope)?: description`.',
        '  Write it as, for example: "chore: wip" (the type is a guess: pick the one that fits).',
        '',
        'Release notes:',
        '  ## v1.3.0',
        '',
        '  ### Features',
        '',
        // The notes are the release's own Markdown, quoted as they are.
        '  - **api:** add x (c000001)',
        ''
      ].join('\n')
    )
  })

  it.each(['merge', 'rebase'] as const)('says nothing of it with merge-style %s', (mergeStyle) => {
    expect(text({ plan: makePlan({ commits: ['feat: x'] }), mergeStyle })).not.toContain('squash merge')
  })
})

describe('renderCheckText: the notes preview', () => {
  it('trims the notes, indents each line by two spaces, and leaves blank lines empty (no trailing spaces)', () => {
    const check = checkOf({ plan: makePlan({ commits: ['fix: a'] }) })
    expect(renderCheckText(check, '\n\n## the notes\n\n- one\n  more\n\n', { verbose: false })).toBe(
      'merging this releases v1.2.4 (patch)\npatch, because 1 fix commit: c000001 fix: a\n\nRelease notes:\n  ## the notes\n\n  - one\n    more\n'
    )
  })

  it('is left out when the notes are empty', () => {
    const check = checkOf({ plan: makePlan({ commits: ['fix: a'] }) })
    expect(renderCheckText(check, '  \n', { verbose: false })).not.toContain('Release notes:')
  })
})

describe('renderCheckText: text for a terminal, not a comment', () => {
  const specs: Record<string, CheckSpec> = {
    release: { plan: makePlan({ commits: ['feat: add x', 'fix: y'] }) },
    blocked: { plan: makePlan({ commits: ['Update stuff', 'feat: a'], options: { strict: true } }) },
    problems: { plan: makePlan({ commits: ['fix: a'] }), errors: titleProblems('Update stuff'), warnings: commitProblems('feat:x', 1) },
    squash: { plan: makePlan({ commits: ['feat: add x'] }), title: 'feat: add x', mergeStyle: 'squash' },
    nothing: { plan: makePlan({ commits: ['docs: a'] }) }
  }

  it.each(Object.keys(specs))('%s: no emoji shortcode, HTML or emphasis, where the comment has them', (name) => {
    const spec = specs[name]!
    const out = text(spec)
    for (const markup of [':x:', ':warning:', '<details>', '<summary>', '<sub>', '**', '_Squash', '### verso', '<!--'])
      expect(out).not.toContain(markup)
    expect(out.endsWith('\n')).toBe(true)
    expect(out.endsWith('\n\n')).toBe(false)
  })

  it('says what the comment says: the same explanation and problems', () => {
    const spec = specs.problems!
    const comment = renderPullRequestReport(checkOf(spec), notesOf(spec.plan))
    const out = text(spec)
    expect(comment).toContain('\npatch, because 1 fix commit: c000001 fix: a\n')
    expect(out).toContain('\npatch, because 1 fix commit: c000001 fix: a\n')
    expect(out).toContain('\nerror: Pull request title "Update stuff": not a Conventional Commit: ')
    expect(comment).toContain('\n- :x: Pull request title "Update stuff": not a Conventional Commit: ')
  })

  it('leaves the check as it was', () => {
    const spec = specs.blocked!
    const check = checkOf(spec)
    const before = JSON.stringify(check)
    renderCheckText(check, notesOf(spec.plan), { verbose: true })
    expect(JSON.stringify(check)).toBe(before)
  })
})
