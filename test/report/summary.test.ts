import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import type { Release } from '../../src/github/api.js'
import { RELEASE_BODY_LIMIT, renderNotes } from '../../src/notes/release-notes.js'
import { renderPlanSummary, renderReleaseResult } from '../../src/report/summary.js'
import { applyOptions, describeApply, type ApplyOutcome } from '../../src/run/apply.js'
import { resolveLine } from '../../src/run/line.js'
import { decideRelease } from '../../src/run/mode.js'
import type { ReleaseResult, ReleaseRun } from '../../src/run/release.js'
import type { ReleasePlan, ReleasingPlan } from '../../src/run/release-plan.js'
import { DEVICE_HISTORY, plus, repo, runScenario, SETTINGS_HISTORY } from '../image/schemas.js'
import { makePlan, REPOSITORY_URL, shaOf } from '../notes/plans.js'
import { IMAGE_OPTIONS, makeImagePlan, minorImageCheck } from './image-plans.js'

const TOKEN_NOTE =
  "> Tags pushed with the default `GITHUB_TOKEN` (actions/checkout's default credentials) start no `on: push: tags` workflows. " +
  'List such workflows in `dispatch-workflows`, or check out with a token that may start them.'

function releasing(plan: ReleasePlan): ReleasingPlan {
  if (plan.kind !== 'release') throw new Error(`expected a release plan, got ${plan.kind}`)
  return plan
}

function runOf(plan: ReleasePlan, result: ReleaseResult): ReleaseRun {
  const notes = plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: REPOSITORY_URL, maxLength: RELEASE_BODY_LIMIT })
  return { plan, fetched: [], resumed: false, notes, result }
}

/** The rows of the commit table, as cells. */
function commitRows(summary: string): string[][] {
  const lines = summary.split('\n')
  const start = lines.indexOf('| commit | bump | header | why |')
  if (start === -1) return []
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('| ')) break
    // A cell ends at a pipe that is not escaped.
    rows.push(line.slice(2, -2).split(/(?<!\\) \| /))
  }
  return rows
}

describe('renderPlanSummary', () => {
  it('a release: headline, explanation, the facts table and every commit', () => {
    expect(renderPlanSummary(makePlan({ commits: ['feat(api): add x', 'docs: y'] }))).toBe(
      [
        '## verso: v1.2.3 → v1.3.0 (minor)',
        '',
        'minor, because 1 feat commit: c000001 feat(api): add x; 1 commit released nothing',
        '',
        '| | |',
        '|---|---|',
        '| previous | `v1.2.3` (bbbbbbb) |',
        '| next | `v1.3.0` |',
        '| bump | minor |',
        '| commits | 2 |',
        '',
        '| commit | bump | header | why |',
        '|---|---|---|---|',
        '| `c000002` | none | docs: y | type `docs` has no release rule: no release |',
        '| `c000001` | minor | feat(api): add x | default rule `feat: minor` |',
        ''
      ].join('\n')
    )
  })

  it('a first release has no previous; each reason is a quote', () => {
    const summary = renderPlanSummary(makePlan({ base: null, commits: ['fix: a'] }))
    expect(summary).toContain('\n> first release: initial-version 0.1.0\n\n| | |\n')
    expect(summary).toContain('\n| previous | — |\n| next | `v0.1.0` |\n')
  })

  it('nothing to release: no next, and no commit table without commits', () => {
    expect(renderPlanSummary(makePlan({ commits: [] }))).toBe(
      [
        '## verso: v1.2.3: nothing to release (no commits since it)',
        '',
        'no commits since the last release',
        '',
        '| | |',
        '|---|---|',
        '| previous | `v1.2.3` (bbbbbbb) |',
        '| next | — |',
        '| bump | none |',
        '| commits | 0 |',
        '',
        ''
      ].join('\n')
    )
  })

  it('blocked: each finding, and the version it would be', () => {
    const summary = renderPlanSummary(makePlan({ commits: ['Update stuff', 'feat: a'], options: { strict: true } }))
    expect(summary.startsWith('## verso: v1.2.3: release blocked (1 problem)\n')).toBe(true)
    expect(summary).toContain(
      '\n- :x: c000001 "Update stuff" is not a Conventional Commit (the header is not `type(scope)?: description`); '
    )
    expect(summary).toContain('\n| next | `v1.3.0` |\n')
  })

  it.each([
    ['a pipe', 'fix: a | b', 'fix: a \\| b'],
    ['several pipes', 'fix: a||b|', 'fix: a\\|\\|b\\|'],
    ['an HTML tag', 'fix: <details> stays shut', 'fix: &lt;details> stays shut'],
    ['a comment opener', 'fix: <!-- hide the rest', 'fix: &lt;!-- hide the rest'],
    ['a pipe in a code span', 'fix: `a|b`', 'fix: `a\\|b`']
  ])('escapes %s in a header, so the table keeps its columns', (_, header, cell) => {
    const summary = renderPlanSummary(makePlan({ commits: [header] }))
    expect(commitRows(summary)).toEqual([['`c000001`', 'patch', cell, 'default rule `fix: patch`']])
    expect(summary).toContain(`patch, because 1 fix commit: c000001 ${cell}\n`)
  })

  it('escapes the header in a finding too', () => {
    const summary = renderPlanSummary(makePlan({ commits: ['Update <b>|x</b>', 'feat: a'], options: { strict: true } }))
    expect(summary).toContain('\n- :x: c000001 "Update &lt;b>\\|x&lt;/b>" is not a Conventional Commit')
    expect(commitRows(summary)[1]?.[2]).toBe('Update &lt;b>\\|x&lt;/b>')
  })

  it('lists at most 200 commits, the newest, and says how to see the rest', () => {
    const plan = makePlan({ commits: Array.from({ length: 250 }, (_, i) => `fix: bug ${i + 1}`) })
    const summary = renderPlanSummary(plan)
    const rows = commitRows(summary)
    expect(rows).toHaveLength(200)
    expect(rows[0]).toEqual(['`c0000fa`', 'patch', 'fix: bug 250', 'default rule `fix: patch`'])
    expect(rows[199]?.[2]).toBe('fix: bug 51')
    expect(summary.endsWith('\n\n… and 50 older commits (run `verso plan --verbose` to list them).\n')).toBe(true)
    expect(summary).toContain('\n| commits | 250 |\n')
  })

  it('lists exactly 200 commits with no "more" line', () => {
    const summary = renderPlanSummary(makePlan({ commits: Array.from({ length: 200 }, (_, i) => `fix: bug ${i}`) }))
    expect(commitRows(summary)).toHaveLength(200)
    expect(summary).not.toContain('older commits')
  })

  it('the release-image check: a row, then its remarks', () => {
    const plan = makeImagePlan({ commits: ['feat: a'], options: IMAGE_OPTIONS, image: minorImageCheck() })
    expect(renderPlanSummary(plan)).toContain(
      [
        '| commits | 1 |',
        '| release image | valid; the data needs: minor |',
        '',
        'Release image:',
        '',
        '- document.Document 0.2.1 (patch, inferred): Reachable document.Section 0.7 -> 0.8',
        '- document.Section 0.8 (minor): Added an optional summary',
        '',
        '| commit | bump | header | why |'
      ].join('\n')
    )
  })

  it('the release-image warnings, marked', () => {
    const image = runScenario({
      before: repo(),
      after: repo({
        deviceHistory: plus(DEVICE_HISTORY, ['0.15', 'patch', 'Clarified that id is the serial number']),
        settingsHistory: plus(SETTINGS_HISTORY, ['0.11.1', null, 'Reachable settings.Device 0.14 -> 0.15'])
      })
    })
    const summary = renderPlanSummary(makeImagePlan({ commits: ['fix: a'], options: IMAGE_OPTIONS, image }))
    expect(summary).toContain(`\n- :warning: ${image.warnings[0]!.message.replace(/</g, '&lt;')}\n`)
  })

  it('an unchanged release image has a row and no list', () => {
    const plan = makeImagePlan({ commits: ['feat: a'], options: IMAGE_OPTIONS, image: runScenario({ before: repo(), after: repo() }) })
    const summary = renderPlanSummary(plan)
    expect(summary).toContain('\n| release image | unchanged; the data needs: none |\n')
    expect(summary).not.toContain('Release image:')
  })
})

describe('renderPlanSummary: a squash commit read as its commits', () => {
  it('a row for the squash commit, then one for each commit it was read as and each footer it ignored', () => {
    const plan = makePlan({
      commits: ['Add export (#12)\n\n* feat(api)!: drop v1\n\n* fix: names | quotes\n\nBREAKING CHANGE: quietly\n'],
      options: { 'merge-style': 'squash' }
    })
    expect(commitRows(renderPlanSummary(plan))).toEqual([
      [
        '`c000001`',
        'major',
        'Add export (#12)',
        'squashed pull request #12: read as the 2 commits its message lists; 1 `BREAKING CHANGE:` footer ignored'
      ],
      ['↳', 'major', '* feat(api)!: drop v1', 'from the squashed pull request #12: breaking change (`!` in the header): major'],
      ['↳', 'patch', '* fix: names \\| quotes', 'from the squashed pull request #12: default rule `fix: patch`'],
      ['↳', 'none', '`BREAKING CHANGE:`', expect.stringContaining('`BREAKING CHANGE: quietly` ignored: ')]
    ])
  })

  it('merge-style merge: one row, a commit that is not conventional', () => {
    const plan = makePlan({ commits: ['fix: a', 'Add export (#12)\n\n* feat(api)!: drop v1\n'] })
    expect(commitRows(renderPlanSummary(plan)).map((row) => row[0])).toEqual(['`c000002`', '`c000001`'])
  })
})

describe('renderReleaseResult', () => {
  const plan = releasing(makePlan({ commits: ['feat: a'] }))
  const release: Release = {
    id: 1,
    tag: 'v1.3.0',
    name: 'v1.3.0',
    body: '',
    url: 'https://github.com/octo-org/octo-repo/releases/tag/v1.3.0',
    draft: false,
    prerelease: false
  }
  const released = (outcome: Partial<Extract<ApplyOutcome, { kind: 'released' }>>): string =>
    renderReleaseResult(
      runOf(plan, {
        kind: 'applied',
        outcome: { kind: 'released', tag: 'v1.3.0', sha: plan.head, release, floating: [], dispatched: [], ...outcome },
        finished: null
      })
    )

  it('a plan that released nothing adds nothing', () => {
    expect(renderReleaseResult(runOf(makePlan({ commits: ['docs: a'] }), { kind: 'planned' }))).toBe('')
  })

  it('a skipped release says why', () => {
    const decision = decideRelease(
      resolveLine({ policy: { kind: 'default-branch' }, branch: null, defaultBranch: 'main', prerelease: null, scheme: 'semver' }),
      false
    )
    if (decision.kind !== 'skip') throw new Error('expected a skip')
    expect(renderReleaseResult(runOf(plan, { kind: 'skipped', why: decision.why }))).toBe(
      'Nothing was released: HEAD is not on a branch (a tag push or a detached checkout), so nothing is released.\n'
    )
  })

  it('a dry run lists what a release would do', () => {
    const options = applyOptions(resolveConfig({ 'floating-tags': 'major' }), plan, '', () => {})
    expect(renderReleaseResult(runOf(plan, { kind: 'dry-run', steps: describeApply(plan, options) }))).toBe(
      '**Dry run**: nothing was pushed and no request was made. A release would:\n\n' +
        '- push an annotated tag v1.3.0 at c000001\n' +
        '- create or update the GitHub Release "v1.3.0" (the latest release)\n' +
        '- move the floating tag (major) to it\n'
    )
  })

  it('a release links the GitHub Release, and says how tag workflows start', () => {
    expect(released({})).toBe(`Released **v1.3.0** at \`c000001\`: ${release.url}.\n\n${TOKEN_NOTE}\n`)
  })

  it('a release without the API has no link', () => {
    expect(released({ release: null })).toBe(`Released **v1.3.0** at \`c000001\`.\n\n${TOKEN_NOTE}\n`)
  })

  it('a release names the floating tags it moved and the workflows it started', () => {
    expect(released({ floating: ['v1', 'v1.3'], dispatched: ['deploy.yml', 'docs.yml'] })).toBe(
      `Released **v1.3.0** at \`c000001\`: ${release.url}.\n` +
        'Moved `v1` and `v1.3` to it.\n' +
        'Sent workflow_dispatch to deploy.yml, docs.yml.\n' +
        `\n${TOKEN_NOTE}\n`
    )
  })

  it('a release a later run went past says so', () => {
    const outcome: ApplyOutcome = { kind: 'superseded', tag: 'v1.3.0', sha: plan.head, by: shaOf(7) }
    expect(renderReleaseResult(runOf(plan, { kind: 'applied', outcome, finished: null }))).toBe(
      'Not released: tag v1.3.0 was already published at c000007, which contains this commit. A later run released past this one.\n'
    )
  })
})
