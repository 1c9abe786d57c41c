import { describe, expect, it } from 'vitest'
import type { RawOptions } from '../../src/config/config.js'
import { selectReaderNotes } from '../../src/notes/reader-notes.js'
import type { PlanReason } from '../../src/run/release-plan.js'
import { IMAGE_OPTIONS, majorImageCheck, makeImagePlan, minorImageCheck } from '../report/image-plans.js'
import { makePlan, type PlanSpec } from './plans.js'

const FORCED_MAJOR = 'Released as a major release by request.'
const HELD = 'The major version is 0, so breaking changes bump the minor version (SemVer §4).'
const CALVER_BREAKING =
  'This release has breaking changes, and its calendar version cannot show them: read the breaking changes before upgrading.'

const CALVER: RawOptions = { scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO' }

/** The reasons of a real plan, checked to hold the kinds the test is about. */
function reasonsOf(spec: PlanSpec, kinds: readonly string[]): readonly PlanReason[] {
  const { reasons } = makePlan(spec)
  expect(reasons.map((r) => (r.kind === 'calver' ? `calver:${r.reason.kind}` : r.kind))).toEqual(kinds)
  return reasons
}

describe('selectReaderNotes: what a reader must know', () => {
  it.each([
    ['major', FORCED_MAJOR],
    ['minor', 'Released as a minor release by request.'],
    ['patch', 'Released as a patch release by request.']
  ] as const)('a bump forced to %s', (bump, sentence) => {
    expect(selectReaderNotes(reasonsOf({ commits: ['docs: a'], options: { bump } }, ['forced']))).toEqual([sentence])
  })

  it('a forced bump below what the commits call for says so too', () => {
    expect(selectReaderNotes(reasonsOf({ commits: ['feat!: x'], options: { bump: 'patch' } }, ['forced']))).toEqual([
      'Released as a patch release by request.'
    ])
  })

  it.each([
    ['minor', minorImageCheck, 'v1.3.0'],
    ['major', majorImageCheck, 'v2.0.0']
  ] as const)('a bump raised to %s by the release-image check', (to, check, tag) => {
    const plan = makeImagePlan({ commits: ['fix: a'], options: { ...IMAGE_OPTIONS, 'image-bump': 'escalate' }, image: check() })
    expect(plan).toMatchObject({ kind: 'release', next: { tag } })
    expect(plan.reasons.map((r) => r.kind)).toEqual(['raised-by-image'])
    expect(selectReaderNotes(plan.reasons)).toEqual([`Released as a ${to} release because versioned data formats changed.`])
  })

  it('the 0.y.z hold: v0.4.0 with feat!: x releases 0.5.0', () => {
    const plan = makePlan({ base: 'v0.4.0', commits: ['feat!: x'] })
    expect(plan.next?.tag).toBe('v0.5.0')
    expect(selectReaderNotes(plan.reasons)).toEqual([HELD])
  })

  it.each([
    ['calver-bump calendar', 'v2024.01.3', CALVER, 'calendar-bump'],
    [
      'a format without MAJOR',
      'v2024.1.3',
      { scheme: 'calver', 'calver-format': 'YYYY.MINOR.MICRO', 'calver-bump': 'commits' },
      'no-major'
    ],
    ['calver-date major, still in the same period', 'v2024.02.0', { ...CALVER, 'calver-date': 'major' }, 'same-period']
  ] as const)('a CalVer breaking change the version cannot show: %s', (_, base, options, why) => {
    const plan = makePlan({ base, commits: ['fix: a', 'fix!: drop the v1 schema'], options })
    expect(plan.reasons).toContainEqual({ kind: 'calver', reason: expect.objectContaining({ kind: 'breaking-not-shown', why }) })
    expect(selectReaderNotes(plan.reasons)).toEqual([CALVER_BREAKING])
  })

  it('several reasons, in the order of the plan', () => {
    const reasons = reasonsOf({ base: 'v2024.02.3', commits: ['fix!: x'], options: { ...CALVER, bump: 'major' } }, [
      'forced',
      'calver:breaking-not-shown',
      'calver:counter-moved',
      'not-semver'
    ])
    expect(selectReaderNotes(reasons)).toEqual([FORCED_MAJOR, CALVER_BREAKING])
  })
})

describe('selectReaderNotes: what is left to the job summary', () => {
  it.each([
    ['a first release', { base: null, commits: ['feat: a'] }, ['first-release']],
    [
      'a prerelease channel that covers the bump',
      { base: 'v1.3.0-rc.0', stableBase: 'v1.2.3', commits: ['fix: a'], options: { prerelease: 'rc' } },
      ['prerelease-covers']
    ],
    ['a CalVer period that moved', { base: 'v2024.01.3', commits: ['fix: a'], options: CALVER }, ['calver:period-moved', 'not-semver']],
    ['a CalVer counter that moved', { base: 'v2024.02.3', commits: ['feat: a'], options: CALVER }, ['calver:counter-moved', 'not-semver']],
    ['a first CalVer release', { base: null, commits: ['fix: a'], options: CALVER }, ['calver:first-release', 'not-semver']],
    [
      'a CalVer date held until a breaking change',
      { base: 'v2024.01.0', commits: ['fix: a'], options: { ...CALVER, 'calver-date': 'major' } },
      ['calver:date-held', 'calver:counter-moved', 'not-semver']
    ],
    [
      'a breaking change that moves the CalVer date, which shows it',
      { base: 'v2024.01.0', commits: ['feat!: a'], options: { ...CALVER, 'calver-date': 'major' } },
      ['calver:breaking-moves-date', 'calver:period-moved', 'not-semver']
    ],
    [
      'a CalVer prerelease',
      { base: 'v2024.02.3', commits: ['fix: a'], options: { ...CALVER, 'calver-format': 'YYYY.0M.MICRO-MODIFIER', prerelease: 'rc' } },
      ['calver:counter-moved', 'calver:prerelease-start', 'not-semver']
    ]
  ] as const)('%s', (_, spec, kinds) => {
    expect(selectReaderNotes(reasonsOf(spec as PlanSpec, kinds))).toEqual([])
  })

  it('a CalVer breaking change that a MAJOR counter shows', () => {
    const options = { scheme: 'calver', 'calver-format': 'YYYY.MAJOR.MICRO', 'calver-bump': 'commits' }
    const reasons = reasonsOf({ base: 'v2024.1.3', commits: ['feat!: a'], options }, ['calver:counter-moved'])
    expect(selectReaderNotes(reasons)).toEqual([])
  })

  it('a re-run finishing a release tagged at HEAD', () => {
    const plan = makeImagePlan({ commits: ['fix: a'], finish: '1.2.4' })
    expect(plan.reasons).toEqual([{ kind: 'finishing', tag: 'v1.2.4' }])
    expect(selectReaderNotes(plan.reasons)).toEqual([])
  })

  it('a plan without reasons', () => {
    expect(selectReaderNotes(makePlan({ commits: ['feat: a'] }).reasons)).toEqual([])
    expect(selectReaderNotes([])).toEqual([])
  })
})

describe('selectReaderNotes: each sentence once', () => {
  it('says the CalVer breaking change once, however many reasons give it', () => {
    const calendar = makePlan({ base: 'v2024.01.3', commits: ['fix!: a'], options: CALVER }).reasons
    const noMajor = makePlan({
      base: 'v2024.1.3',
      commits: ['fix!: a'],
      options: { scheme: 'calver', 'calver-format': 'YYYY.MINOR.MICRO', 'calver-bump': 'commits' }
    }).reasons
    expect(selectReaderNotes([...calendar, ...noMajor, ...calendar])).toEqual([CALVER_BREAKING])
  })

  it('says the 0.y.z hold once for several breaking commits', () => {
    const plan = makePlan({ base: 'v0.4.0', commits: ['feat!: a', 'fix!: b', 'feat: c\n\nBREAKING CHANGE: d\n'] })
    expect(selectReaderNotes([...plan.reasons, ...plan.reasons])).toEqual([HELD])
  })

  it('keeps sentences that differ, in their first order', () => {
    const patch = makePlan({ commits: ['fix: a'], options: { bump: 'patch' } }).reasons
    const major = makePlan({ commits: ['fix: a'], options: { bump: 'major' } }).reasons
    const held = makePlan({ base: 'v0.4.0', commits: ['feat!: x'] }).reasons
    expect(selectReaderNotes([...patch, ...held, ...major, ...patch])).toEqual([
      'Released as a patch release by request.',
      HELD,
      FORCED_MAJOR
    ])
  })
})
