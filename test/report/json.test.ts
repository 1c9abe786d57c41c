import { describe, expect, it } from 'vitest'
import { renderImageJson, renderPlanJson, writePlanJson } from '../../src/report/json.js'
import type { ReleasePlan } from '../../src/run/release-plan.js'
import { DEVICE_HISTORY, plus, repo, runScenario, SETTINGS_HISTORY } from '../image/schemas.js'
import { makePlan, shaOf } from '../notes/plans.js'
import { IMAGE_OPTIONS, incompleteImageCheck, majorImageCheck, makeImagePlan, minorImageCheck } from './image-plans.js'

const BASE_SHA = `${'b'.repeat(39)}0`
const parse = (plan: ReleasePlan): Record<string, unknown> => JSON.parse(renderPlanJson(plan)) as Record<string, unknown>

const SUMMARY_REASONS = [
  'optional property `summary` added to document.Section',
  'document.Document 0.2 -> 0.2.1 without a change to its own definition'
]
const SUMMARY_IMAGE = {
  outcome: 'valid',
  requiredBump: 'minor',
  bumpReasons: SUMMARY_REASONS,
  findings: [],
  notes: [
    'document.Document 0.2.1 (patch, inferred): Reachable document.Section 0.7 -> 0.8',
    'document.Section 0.8 (minor): Added an optional summary'
  ],
  warnings: [],
  imageUpToDate: true
}

describe('renderPlanJson: the documented shape', () => {
  it('a release, key by key in the README order, one commit a line', () => {
    const plan = makePlan({ commits: ['feat(x): b', 'fix: c\n\nBREAKING CHANGE: d\n', 'Update stuff'] })
    const json = renderPlanJson(plan)
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      'kind',
      'reason',
      'scheme',
      'bump',
      'head',
      'previous',
      'next',
      'blockedNext',
      'notes',
      'reasons',
      'findings',
      'commits',
      'ignoredTags',
      'image',
      'line',
      'buildVersion'
    ])
    expect(JSON.parse(json)).toEqual({
      kind: 'release',
      reason: null,
      scheme: 'semver',
      bump: 'major',
      head: shaOf(3),
      previous: { version: '1.2.3', tag: 'v1.2.3', sha: BASE_SHA },
      next: { version: '2.0.0', tag: 'v2.0.0' },
      blockedNext: null,
      notes: [],
      reasons: [],
      findings: [],
      commits: [
        {
          sha: shaOf(3),
          header: 'Update stuff',
          type: null,
          scope: null,
          breaking: false,
          merge: false,
          bump: 'none',
          status: 'ignored',
          reason: 'not a Conventional Commit: the header is not `type(scope)?: description`'
        },
        {
          sha: shaOf(2),
          header: 'fix: c',
          type: 'fix',
          scope: null,
          breaking: true,
          merge: false,
          bump: 'major',
          status: 'counted',
          reason: 'breaking change (`BREAKING CHANGE:` footer): major'
        },
        {
          sha: shaOf(1),
          header: 'feat(x): b',
          type: 'feat',
          scope: 'x',
          breaking: false,
          merge: false,
          bump: 'minor',
          status: 'counted',
          reason: 'default rule `feat: minor`'
        }
      ],
      ignoredTags: [],
      image: null,
      line: {
        branch: null,
        entry: null,
        prerelease: null,
        range: null,
        releases: false,
        why: 'the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`'
      },
      buildVersion: null
    })
    expect(json.split('\n').filter((l) => l.startsWith('    {"sha":'))).toHaveLength(3)
    expect(json.endsWith('}\n')).toBe(true)
  })

  it('nothing to release: the reason, and no next', () => {
    expect(parse(makePlan({ commits: [] }))).toMatchObject({ kind: 'none', reason: 'no-commits', bump: 'none', next: null, commits: [] })
    expect(parse(makePlan({ commits: ['docs: a'] }))).toMatchObject({ kind: 'none', reason: 'no-releasable-commits', next: null })
  })

  it('a first release has no previous, and says why', () => {
    expect(parse(makePlan({ base: null, commits: ['feat: a'] }))).toMatchObject({
      previous: null,
      next: { version: '0.1.0', tag: 'v0.1.0' },
      notes: ['first release: initial-version 0.1.0'],
      reasons: [{ kind: 'first-release', initialVersion: '0.1.0' }]
    })
  })

  it('lists tags that are not versions as ignored', () => {
    expect(parse(makePlan({ base: 'latest', commits: ['feat: a'] }))).toMatchObject({ previous: null, ignoredTags: ['latest'] })
  })

  it('blocked: the findings as values, and the version it would have released as blockedNext', () => {
    const plan = makePlan({ commits: ['Update stuff', 'feat: a'], options: { strict: true } })
    expect(parse(plan)).toMatchObject({
      kind: 'blocked',
      reason: null,
      next: null,
      blockedNext: { version: '1.3.0', tag: 'v1.3.0' },
      findings: [{ kind: 'non-conventional', sha: shaOf(1), header: 'Update stuff', why: 'the header is not `type(scope)?: description`' }]
    })
  })

  it('blocked with nothing to release has no blockedNext', () => {
    expect(parse(makePlan({ commits: ['Update stuff'], options: { strict: true } }))).toMatchObject({ kind: 'blocked', blockedNext: null })
  })

  it('reasons as values beside the notes as sentences: the 0.y.z hold names its commits', () => {
    const json = parse(makePlan({ base: 'v0.4.0', commits: ['feat!: x'] }))
    expect(json).toMatchObject({
      bump: 'minor',
      next: { version: '0.5.0', tag: 'v0.5.0' },
      notes: [
        'major is 0, so a breaking change bumps the minor (SemVer §4); ' +
          'set `major-zero-breaking: major` or force `bump: major` to release 1.0.0'
      ],
      reasons: [{ kind: 'held-by-major-zero', commits: [shaOf(1)] }]
    })
  })

  it('reasons of a CalVer plan, with the CalVer step', () => {
    const plan = makePlan({ base: 'v2024.01.3', commits: ['fix: a'], options: { scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO' } })
    expect(parse(plan)).toMatchObject({
      scheme: 'calver',
      next: { version: '2024.02.0', tag: 'v2024.02.0' },
      notes: [
        'calendar moved from 2024.01 to 2024.02: MICRO restarts at 0',
        '2024.02.0 is not a SemVer version: do not hand it to tools that expect one'
      ],
      reasons: [
        { kind: 'calver', reason: { kind: 'period-moved', from: '2024.01', to: '2024.02', counters: ['MICRO'] } },
        { kind: 'not-semver', version: '2024.02.0' }
      ]
    })
  })

  it('the release-image check, and the bump it raised', () => {
    const plan = makeImagePlan({ commits: ['fix: a'], options: { ...IMAGE_OPTIONS, 'image-bump': 'escalate' }, image: minorImageCheck() })
    expect(parse(plan)).toMatchObject({
      bump: 'minor',
      reasons: [{ kind: 'raised-by-image', from: 'patch', to: 'minor', why: SUMMARY_REASONS }],
      image: SUMMARY_IMAGE
    })
  })

  it('an incomplete release image: its findings with their suggestions, and the blocking finding', () => {
    const json = parse(makeImagePlan({ commits: ['fix: a'], options: IMAGE_OPTIONS, image: incompleteImageCheck() }))
    expect(json).toMatchObject({
      kind: 'blocked',
      image: {
        outcome: 'incomplete',
        requiredBump: 'major',
        findings: [
          {
            rule: 'R1',
            file: 'schemas/document.json',
            line: 4,
            type: 'document.Document',
            suggestion: 'schemas/document.json: x-release.history += ["0.2.1", "major", "Reachable document.Section 0.7 -> 1.0"]'
          },
          { rule: 'R2', type: 'document.Section' }
        ]
      }
    })
    expect((json.findings as { kind: string }[]).map((f) => f.kind)).toEqual(['image', 'image', 'image-bump'])
    expect((json.findings as unknown[])[2]).toEqual({
      kind: 'image-bump',
      required: 'major',
      declared: 'patch',
      reasons: ['property `tags` removed from document.Section']
    })
  })
})

const SQUASH = 'Add the export endpoint (#12)\n\n* feat(api)!: drop v1\n\n* fix(api): escape names\n\nBREAKING CHANGE: quietly\n'

describe('renderPlanJson: squash commits', () => {
  it('merge-style squash: the squash commit, one line, with the commits it was read as and the footer it ignored', () => {
    const json = renderPlanJson(makePlan({ commits: [SQUASH], options: { 'merge-style': 'squash' } }))
    expect(json.split('\n').filter((l) => l.startsWith('    {"sha":'))).toHaveLength(1)
    const plan = JSON.parse(json) as { bump: string; commits: unknown[] }
    expect(plan.bump).toBe('major')
    expect(plan.commits).toEqual([
      {
        sha: shaOf(1),
        header: 'Add the export endpoint (#12)',
        type: null,
        scope: null,
        breaking: true,
        merge: false,
        bump: 'major',
        status: 'counted',
        reason: 'squashed pull request #12: read as the 2 commits its message lists; 1 `BREAKING CHANGE:` footer ignored',
        squashed: {
          pullRequest: 12,
          commits: [
            {
              header: 'feat(api)!: drop v1',
              type: 'feat',
              scope: 'api',
              breaking: true,
              bump: 'major',
              status: 'counted',
              reason: 'from the squashed pull request #12: breaking change (`!` in the header): major'
            },
            {
              header: 'fix(api): escape names',
              type: 'fix',
              scope: 'api',
              breaking: false,
              bump: 'patch',
              status: 'counted',
              reason: 'from the squashed pull request #12: default rule `fix: patch`'
            }
          ],
          ignored: [
            {
              kind: 'unmarked-bullet',
              note: 'quietly',
              header: 'fix(api): escape names',
              reason: expect.stringMatching(/^`BREAKING CHANGE: quietly` ignored: the squash commit's title is not a Conventional Commit/)
            }
          ]
        }
      }
    ])
  })

  it.each(['merge', 'rebase'])('merge-style %s: a commit like any that is not conventional, no `squashed` field', (style) => {
    const plan = makePlan({ commits: [SQUASH, 'fix: a'], options: { 'merge-style': style } })
    const lines = renderPlanJson(plan).split('\n')
    // Newest first: the squash commit is the older one, the last line.
    expect(lines.filter((l) => l.startsWith('    {"sha":'))[1]).toBe(
      `    {"sha":"${shaOf(1)}","header":"Add the export endpoint (#12)","type":null,"scope":null,"breaking":false,"merge":false,` +
        '"bump":"none","status":"ignored","reason":"not a Conventional Commit: the header is not `type(scope)?: description`"}'
    )
  })
})

describe('renderPlanJson: text that must stay data', () => {
  it.each([
    ['quotes', 'fix: say "hi"'],
    ['a backslash', 'fix: C:\\path\\'],
    ['a tab and control characters', 'fix: a\tb\u0001c'],
    ['line and paragraph separators', 'fix: a\u2028b\u2029c'],
    ['non-ASCII text', 'fix: 日本語 and émoji 🎉'],
    ['HTML', 'fix: </script><script>alert(1)</script>'],
    ['the key the writer splits at', 'fix: "commits": []'],
    ['JSON itself', 'fix: {"sha":"x"},']
  ])('keeps %s in a header as it is', (_, header) => {
    const json = parse(makePlan({ commits: [header, 'feat: b'] }))
    expect((json.commits as { header: string }[])[1]?.header).toBe(header)
    expect((json.commits as unknown[]).length).toBe(2)
  })

  it('keeps a header holding the split key as data in the findings too', () => {
    const plan = makePlan({ commits: ['Update "commits": [] and more', 'feat: a'], options: { strict: true } })
    const json = parse(plan)
    expect((json.findings as { header: string }[])[0]?.header).toBe('Update "commits": [] and more')
    expect((json.commits as unknown[]).length).toBe(2)
  })

  it('keeps a type and scope with special characters', () => {
    const plan = makePlan({ commits: ['feat(a"b\\c): x'] })
    expect((parse(plan).commits as { scope: string }[])[0]?.scope).toBe('a"b\\c')
  })

  // A reason may hold an empty list, as the commits do when there are none: the commits
  // are still written where they belong.
  it('writes valid JSON when a reason holds an empty commits list', () => {
    const real = makePlan({ base: 'v0.4.0', commits: ['fix: a'] })
    const plan = { ...real, reasons: [{ kind: 'held-by-major-zero' as const, commits: [] }] }
    const json = parse(plan)
    expect(json.reasons).toEqual(plan.reasons)
    expect((json.commits as { sha: string }[]).map((c) => c.sha)).toEqual([shaOf(1)])
  })

  it('at 0.y.z an image that needs major raises a fix to minor, and says so', () => {
    const plan = makeImagePlan({
      base: 'v0.4.0',
      commits: ['fix: a'],
      options: { ...IMAGE_OPTIONS, 'image-bump': 'escalate' },
      image: majorImageCheck()
    })
    expect(plan).toMatchObject({ kind: 'release', bump: 'minor', next: { version: '0.5.0' } })
    expect(plan.reasons.map((r) => r.kind)).toEqual(['raised-by-image'])
    expect(plan.reasons[0]).toMatchObject({ from: 'patch', to: 'minor' })
  })
})

describe('writePlanJson: in pieces', () => {
  it.each([
    ['a release', makePlan({ commits: ['feat: a', 'fix: b', 'docs: c'] })],
    ['no commits', makePlan({ commits: [] })],
    ['nothing releasable', makePlan({ commits: ['docs: a'] })],
    ['blocked', makePlan({ commits: ['Update stuff', 'feat: a'], options: { strict: true } })],
    ['an image check', makeImagePlan({ commits: ['feat: a'], options: IMAGE_OPTIONS, image: minorImageCheck() })]
  ])('renderPlanJson is its pieces joined: %s', (_, plan) => {
    const pieces = [...writePlanJson(plan)]
    expect(pieces.join('')).toBe(renderPlanJson(plan))
    expect(() => JSON.parse(pieces.join(''))).not.toThrow()
  })

  it('writes a small plan in one piece', () => {
    expect([...writePlanJson(makePlan({ commits: ['feat: a'] }))]).toHaveLength(1)
    expect([...writePlanJson(makePlan({ commits: [] }))]).toHaveLength(1)
  })

  it('writes 20,000 commits in pieces of about 64 KiB, and the whole still parses', () => {
    const commits = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `feat(api): feature ${i}` : `fix: bug ${i} "quoted" \\ done`))
    const plan = makePlan({ commits })
    const pieces = [...writePlanJson(plan)]
    expect(pieces.length).toBeGreaterThan(10)
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(64 * 1024)
      expect(piece.length).toBeLessThan(64 * 1024 + 1024)
    }
    expect(pieces.at(-1)!.length).toBeLessThanOrEqual(64 * 1024 + 1024)
    const whole = pieces.join('')
    expect(whole).toBe(renderPlanJson(plan))
    const json = JSON.parse(whole) as { commits: { sha: string; header: string }[]; next: unknown }
    expect(json.commits).toHaveLength(20_000)
    expect(json.commits[0]).toMatchObject({ sha: shaOf(20_000), header: 'fix: bug 19999 "quoted" \\ done' })
    expect(json.commits.at(-1)).toMatchObject({ sha: shaOf(1), header: 'feat(api): feature 0' })
    expect(json.next).toEqual({ version: '1.3.0', tag: 'v1.3.0' })
  })
})

describe('renderImageJson', () => {
  it('a valid check, with the file and whether it was written', () => {
    const text = renderImageJson(minorImageCheck(), { file: '.release-image', written: false })
    expect(JSON.parse(text)).toEqual({ file: '.release-image', written: false, ...SUMMARY_IMAGE })
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "file": ".release-image",')
  })

  it('the same image shape as the plan carries', () => {
    const check = minorImageCheck()
    const plan = makeImagePlan({ commits: ['feat: a'], options: IMAGE_OPTIONS, image: check })
    const { file, written, ...image } = JSON.parse(renderImageJson(check, { file: 'data/.image', written: true })) as Record<
      string,
      unknown
    >
    expect([file, written]).toEqual(['data/.image', true])
    expect(image).toEqual(parse(plan).image)
  })

  it('an incomplete check: each finding with its suggestion, or null', () => {
    const json = JSON.parse(renderImageJson(incompleteImageCheck(), { file: '.release-image', written: false })) as {
      findings: { suggestion: string | null }[]
    }
    expect(json).toMatchObject({ outcome: 'incomplete', requiredBump: 'major', imageUpToDate: true })
    expect(json.findings.map((f) => f.suggestion)).toEqual([
      'schemas/document.json: x-release.history += ["0.2.1", "major", "Reachable document.Section 0.7 -> 1.0"]',
      'schemas/document.json#/$defs/Section: x-release.history += ["1.0", "major", "Property `tags` removed"]'
    ])
    const missing = JSON.parse(
      renderImageJson(runScenario({ before: repo(), after: repo(), committed: null }), { file: '.release-image', written: false })
    )
    expect(missing).toMatchObject({
      outcome: 'incomplete',
      imageUpToDate: false,
      findings: [
        {
          rule: 'image-file',
          type: null,
          suggestion: null,
          message: '.release-image is missing. Run `verso image set` and commit `.release-image`.'
        }
      ]
    })
  })

  it('warnings as sentences', () => {
    const check = runScenario({
      before: repo(),
      after: repo({
        deviceHistory: plus(DEVICE_HISTORY, ['0.15', 'patch', 'Clarified that id is the serial number']),
        settingsHistory: plus(SETTINGS_HISTORY, ['0.11.1', null, 'Reachable settings.Device 0.14 -> 0.15'])
      })
    })
    const json = JSON.parse(renderImageJson(check, { file: '.release-image', written: true })) as { warnings: string[] }
    expect(json.warnings).toEqual([check.warnings[0]!.message])
    expect(json.warnings[0]).toContain('settings.Device 0.14 -> 0.15 is a new tag, but its definition did not change')
  })
})
