import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { checkImage } from '../../src/image/check.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import { RELEASE_BODY_LIMIT, renderNotes } from '../../src/notes/release-notes.js'
import { renderPlanText, renderReleaseText } from '../../src/report/text.js'
import { applyOptions, describeApply, type ApplyOutcome } from '../../src/run/apply.js'
import { resolveLine } from '../../src/run/line.js'
import { decideRelease } from '../../src/run/mode.js'
import type { ReleaseResult, ReleaseRun } from '../../src/run/release.js'
import type { ReleasePlan, ReleasingPlan } from '../../src/run/release-plan.js'
import { repo, runScenario } from '../image/schemas.js'
import { makePlan, REPOSITORY_URL, shaOf } from '../notes/plans.js'
import { IMAGE_OPTIONS, incompleteImageCheck, makeImagePlan, minorImageCheck } from './image-plans.js'

const MORE = '(--verbose lists every commit)'

function releasing(plan: ReleasePlan): ReleasingPlan {
  if (plan.kind !== 'release') throw new Error(`expected a release plan, got ${plan.kind}`)
  return plan
}

/** A release run as runRelease returns it: the plan, its notes, and one result. */
function runOf(plan: ReleasePlan, result: ReleaseResult): ReleaseRun {
  const notes = plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: REPOSITORY_URL, maxLength: RELEASE_BODY_LIMIT })
  return { plan, fetched: [], resumed: false, notes, result }
}

/** The steps a dry run of this plan lists, as runRelease makes them. */
function dryRunSteps(plan: ReleasingPlan, options: RawOptions = {}): string[] {
  return describeApply(
    plan,
    applyOptions(resolveConfig(options), plan, runOf(plan, { kind: 'planned' }).notes, () => {})
  )
}

describe('renderPlanText: a release', () => {
  const plan = makePlan({ commits: ['feat(api): add x', 'fix: y', 'docs: z'] })

  it('lists the commits that release something, newest first, and counts the rest', () => {
    expect(renderPlanText(plan, { verbose: false })).toBe(
      [
        'v1.2.3 → v1.3.0 (minor)',
        'minor, because 1 feat commit: c000001 feat(api): add x; 1 commit released nothing',
        '',
        'Commits since the last release:',
        '  c000002  patch  fix: y  (default rule `fix: patch`)',
        '  c000001  minor  feat(api): add x  (default rule `feat: minor`)',
        `  … and 1 more that release nothing or are not listed ${MORE}`,
        ''
      ].join('\n')
    )
  })

  it('--verbose lists every commit, and says nothing is hidden', () => {
    expect(renderPlanText(plan, { verbose: true })).toBe(
      [
        'v1.2.3 → v1.3.0 (minor)',
        'minor, because 1 feat commit: c000001 feat(api): add x; 1 commit released nothing',
        '',
        'Commits since the last release:',
        '  c000003  none   docs: z  (type `docs` has no release rule: no release)',
        '  c000002  patch  fix: y  (default rule `fix: patch`)',
        '  c000001  minor  feat(api): add x  (default rule `feat: minor`)',
        ''
      ].join('\n')
    )
  })

  it('adds no "more" line when every commit is listed', () => {
    const text = renderPlanText(makePlan({ commits: ['fix: a', 'feat: b'] }), { verbose: false })
    expect(text).not.toContain('… and')
    expect(text.endsWith('  c000001  patch  fix: a  (default rule `fix: patch`)\n')).toBe(true)
  })

  it('notes each reason of the plan', () => {
    expect(renderPlanText(makePlan({ base: null, commits: ['feat: a'] }), { verbose: false })).toBe(
      [
        'no release yet → v0.1.0 (minor)',
        'minor, because 1 feat commit: c000001 feat: a',
        'note: first release: initial-version 0.1.0',
        '',
        'Commits since the last release:',
        '  c000001  minor  feat: a  (default rule `feat: minor`)',
        ''
      ].join('\n')
    )
    expect(renderPlanText(makePlan({ base: 'v0.4.0', commits: ['feat!: a'] }), { verbose: false })).toContain(
      '\nnote: major is 0, so a breaking change bumps the minor (SemVer §4); ' +
        'set `major-zero-breaking: major` or force `bump: major` to release 1.0.0\n'
    )
  })

  it('does not repeat a forced bump as a note: the explanation says it', () => {
    const text = renderPlanText(makePlan({ commits: ['docs: a'], options: { bump: 'major' } }), { verbose: false })
    expect(text.split('\n').slice(0, 2)).toEqual([
      'v1.2.3 → v2.0.0 (major)',
      'major, bump forced to major by the `bump` input (the commits call for no release); 1 commit released nothing'
    ])
    expect(text).not.toContain('note:')
  })

  it('shows what the release-image check needs', () => {
    const plan = makeImagePlan({ commits: ['feat: a'], options: IMAGE_OPTIONS, image: minorImageCheck() })
    expect(renderPlanText(plan, { verbose: false })).toContain('\nrelease image: valid, the data needs a minor release\n')
  })

  it('says when the data needs no release', () => {
    const plan = makeImagePlan({ commits: ['feat: a'], options: IMAGE_OPTIONS, image: runScenario({ before: repo(), after: repo() }) })
    expect(plan.image?.outcome).toBe('unchanged')
    expect(renderPlanText(plan, { verbose: false })).toContain('\nrelease image: unchanged, the data needs no release\n')
  })

  it('says when there is no release image yet, and how to write it', () => {
    const created = checkImage({
      today: loadTypes(repo()),
      baseline: { image: null, types: null },
      committedImageText: null,
      bootstrap: 'create'
    })
    const plan = makeImagePlan({ commits: ['feat: a'], options: IMAGE_OPTIONS, image: created })
    expect(renderPlanText(plan, { verbose: false })).toContain('\nrelease image: none yet (`verso image set` writes it; commit it)\n')
  })

  it('says nothing about the release image when there is no check', () => {
    expect(renderPlanText(plan, { verbose: true })).not.toContain('release image')
  })
})

describe('renderPlanText: a squash commit read as its commits', () => {
  const plan = makePlan({
    commits: ['fix: a', 'Add export (#12)\n\n* feat(api): add export\n\nBREAKING CHANGE: quietly\n\n* docs: say how\n'],
    options: { 'merge-style': 'squash' }
  })
  const ignored =
    "           note: `BREAKING CHANGE: quietly` ignored: the squash commit's title is not a Conventional Commit, so its message has no footers, " +
    'and `feat(api): add export`, which it follows, has no `!`; to count it, release with `bump: major`; next time, mark the breaking ' +
    "commit's header with `!`, or give the pull request a Conventional title that does"

  it('lists under it the commits that count, each with its reason, and the footer it ignored', () => {
    expect(renderPlanText(plan, { verbose: false })).toBe(
      [
        'v1.2.3 → v1.3.0 (minor)',
        'minor, because 1 feat commit: c000002 feat(api): add export',
        '',
        'Commits since the last release:',
        '  c000002  minor  Add export (#12)  (squashed pull request #12: read as the 2 commits its message lists; 1 `BREAKING CHANGE:` footer ignored)',
        '           minor  * feat(api): add export  (from the squashed pull request #12: default rule `feat: minor`)',
        ignored,
        '  c000001  patch  fix: a  (default rule `fix: patch`)',
        ''
      ].join('\n')
    )
  })

  it('a squash commit that releases nothing is still listed when it ignored a BREAKING CHANGE footer', () => {
    const quiet = makePlan({
      commits: ['fix: a', 'Docs (#13)\n\n* docs: a\n\nBREAKING CHANGE: quietly\n'],
      options: { 'merge-style': 'squash' }
    })
    const lines = renderPlanText(quiet, { verbose: false }).split('\n')
    expect(lines).toContain(
      '  c000002  none   Docs (#13)  (squashed pull request #13: read as the commit its message lists; 1 `BREAKING CHANGE:` footer ignored)'
    )
    expect(lines.some((l) => l.startsWith('           note: `BREAKING CHANGE: quietly` ignored: '))).toBe(true)
    expect(lines.some((l) => l.includes('* docs: a'))).toBe(false)
  })

  it('--verbose lists every commit it was read as', () => {
    expect(renderPlanText(plan, { verbose: true })).toContain(
      '           none   * docs: say how  (from the squashed pull request #12: type `docs` has no release rule: no release)\n'
    )
  })
})

describe('renderPlanText: nothing to release', () => {
  it('no commits: two lines and no commit list', () => {
    expect(renderPlanText(makePlan({ commits: [] }), { verbose: true })).toBe(
      'v1.2.3: nothing to release (no commits since it)\nno commits since the last release\n'
    )
  })

  it('commits that release nothing are counted, and listed only with --verbose', () => {
    const plan = makePlan({ commits: ['docs: a', 'Update stuff'] })
    const head = [
      'v1.2.3: nothing to release (no releasable commits)',
      'no release: none of the 2 commits calls for one (1 not Conventional Commits)'
    ]
    expect(renderPlanText(plan, { verbose: false })).toBe(
      [...head, '', 'Commits since the last release:', `  … and 2 more that release nothing or are not listed ${MORE}`, ''].join('\n')
    )
    expect(renderPlanText(plan, { verbose: true })).toBe(
      [
        ...head,
        '',
        'Commits since the last release:',
        '  c000002  none   Update stuff  (not a Conventional Commit: the header is not `type(scope)?: description`)',
        '  c000001  none   docs: a  (type `docs` has no release rule: no release)',
        ''
      ].join('\n')
    )
  })
})

describe('renderPlanText: blocked', () => {
  it('lists each finding as an error, saying what to do', () => {
    const plan = makePlan({ commits: ['Update stuff', 'feat: a'], options: { strict: true } })
    expect(renderPlanText(plan, { verbose: false })).toBe(
      [
        'v1.2.3: release blocked (1 problem)',
        'minor, because 1 feat commit: c000002 feat: a; 1 commit released nothing',
        'error: c000001 "Update stuff" is not a Conventional Commit (the header is not `type(scope)?: description`); with `strict: true` ' +
          'every commit must be one. Reword it as `type(scope): description` (`verso lint-commit` suggests a wording), or turn strict off.',
        '',
        'Commits since the last release:',
        '  c000002  minor  feat: a  (default rule `feat: minor`)',
        `  … and 1 more that release nothing or are not listed ${MORE}`,
        ''
      ].join('\n')
    )
  })

  it('lists the release-image findings and the bump they need', () => {
    const plan = makeImagePlan({ commits: ['fix: a'], options: IMAGE_OPTIONS, image: incompleteImageCheck() })
    expect(plan.kind).toBe('blocked')
    const errors = renderPlanText(plan, { verbose: false })
      .split('\n')
      .filter((l) => l.startsWith('error: '))
    expect(errors).toHaveLength(3)
    expect(errors[1]).toBe(
      'error: schemas/document.json:39: document.Section changed but is still tagged 0.7: Property `tags` removed. Add a history entry. ' +
        'Add: schemas/document.json#/$defs/Section: x-release.history += ["1.0", "major", "Property `tags` removed"]'
    )
    expect(errors[2]).toMatch(/^error: The schema changes need a major release, but this release is a patch /)
    expect(renderPlanText(plan, { verbose: false })).toContain('\nrelease image: incomplete, the data needs a major release\n')
  })
})

describe('renderPlanText: long histories', () => {
  const fixes = Array.from({ length: 60 }, (_, i) => `fix: bug ${i + 1}`)

  it('lists at most 50 commits without --verbose, the newest, and counts the rest', () => {
    const plan = makePlan({ commits: [...fixes, 'docs: a', 'docs: b'] })
    const lines = renderPlanText(plan, { verbose: false }).trimEnd().split('\n')
    const listed = lines.filter((l) => /^ {2}c0/.test(l))
    expect(listed).toHaveLength(50)
    expect(listed[0]).toBe('  c00003c  patch  fix: bug 60  (default rule `fix: patch`)')
    expect(listed[49]).toBe('  c00000b  patch  fix: bug 11  (default rule `fix: patch`)')
    expect(lines.at(-1)).toBe(`  … and 12 more that release nothing or are not listed ${MORE}`)
  })

  it('lists exactly 50 with no "more" line', () => {
    const plan = makePlan({ commits: fixes.slice(0, 50) })
    const text = renderPlanText(plan, { verbose: false })
    expect(text.split('\n').filter((l) => /^ {2}c0/.test(l))).toHaveLength(50)
    expect(text).not.toContain('… and')
  })

  it('--verbose lists every commit, however many', () => {
    const plan = makePlan({ commits: [...fixes, 'docs: a', 'docs: b'] })
    const text = renderPlanText(plan, { verbose: true })
    expect(text.split('\n').filter((l) => /^ {2}c0/.test(l))).toHaveLength(62)
    expect(text).not.toContain('… and')
  })
})

describe('renderReleaseText', () => {
  const plan = releasing(makePlan({ commits: ['feat: a'] }))

  it('says nothing more when the plan released nothing or was blocked', () => {
    expect(renderReleaseText(runOf(makePlan({ commits: ['docs: a'] }), { kind: 'planned' }), { unasked: false })).toBe('')
  })

  it('says why nothing was released on a branch that may not release', () => {
    const decision = decideRelease(
      resolveLine({ policy: { kind: 'default-branch' }, branch: 'topic', defaultBranch: 'main', prerelease: null, scheme: 'semver' }),
      false
    )
    if (decision.kind !== 'skip') throw new Error('expected a skip')
    expect(renderReleaseText(runOf(plan, { kind: 'skipped', why: decision.why }), { unasked: false })).toBe(
      '\nNothing released: topic is not a release branch (release-branches: main).\n'
    )
  })

  it('a dry run lists each step, then the notes', () => {
    const run = runOf(plan, { kind: 'dry-run', steps: dryRunSteps(plan) })
    expect(renderReleaseText(run, { unasked: false })).toBe(
      '\nDry run: a release would\n' +
        '  - push an annotated tag v1.3.0 at c000001\n' +
        '  - create or update the GitHub Release "v1.3.0" (the latest release)\n' +
        `\n${run.notes}`
    )
    expect(run.notes).toContain('## [v1.3.0](')
  })

  it('a dry run nobody asked for says how to release', () => {
    const run = runOf(plan, { kind: 'dry-run', steps: dryRunSteps(plan, { 'dispatch-workflows': 'deploy.yml', draft: true }) })
    expect(renderReleaseText(run, { unasked: true })).toBe(
      '\nDry run (not in CI; --no-dry-run releases): a release would\n' +
        '  - push an annotated tag v1.3.0 at c000001\n' +
        '  - create or update the GitHub Release "v1.3.0" (the latest release) as a draft\n' +
        '  - send workflow_dispatch for v1.3.0 to deploy.yml\n' +
        `\n${run.notes}`
    )
  })

  it('a release says nothing more: its steps were logged as they happened', () => {
    const outcome: ApplyOutcome = { kind: 'released', tag: 'v1.3.0', sha: plan.head, release: null, floating: ['v1'], dispatched: [] }
    expect(renderReleaseText(runOf(plan, { kind: 'applied', outcome, finished: null }), { unasked: false })).toBe('')
  })

  it('a release a later run went past says which commit has the tag', () => {
    const outcome: ApplyOutcome = { kind: 'superseded', tag: 'v1.3.0', sha: plan.head, by: shaOf(9) }
    expect(renderReleaseText(runOf(plan, { kind: 'applied', outcome, finished: null }), { unasked: false })).toBe(
      'Not released: v1.3.0 is already published at c000009, which contains this commit.\n'
    )
  })
})
