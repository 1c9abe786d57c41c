import fc from 'fast-check'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { nextSemver, parseSemver } from '../../src/versions/semver.js'
import {
  buildIdentifiers,
  snapshotVersion,
  withBuild,
  type BuildFacts,
  type BuildMetadata,
  type SnapshotForm,
  type SnapshotWhere
} from '../../src/versions/snapshot.js'

const SHA = '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39'

const v = (text: string) => {
  const parsed = parseSemver(text)
  if (!parsed) throw new Error(`bad fixture ${text}`)
  return parsed
}

const snapshot = (previous: string | null, next: string, where: SnapshotWhere) =>
  snapshotVersion({ previous: previous === null ? null : v(previous), next: v(next), where })

const pr = (number: number, ahead: number): SnapshotWhere => ({ kind: 'pull-request', number, ahead })
const branch = (ahead: number): SnapshotWhere => ({ kind: 'branch', ahead })

describe('buildIdentifiers', () => {
  const table: [BuildMetadata, BuildFacts, string[], 'no-run-number' | null][] = [
    ['none', { sha: SHA, runNumber: '812' }, [], null],
    ['sha', { sha: SHA, runNumber: '812' }, ['sha', '4f2a9c1'], null],
    ['sha', { sha: SHA, runNumber: null }, ['sha', '4f2a9c1'], null],
    ['run', { sha: SHA, runNumber: '812' }, ['run', '812', 'sha', '4f2a9c1'], null],
    ['run', { sha: SHA, runNumber: null }, ['sha', '4f2a9c1'], 'no-run-number'],
    ['sha', { sha: '4F2A9C1', runNumber: null }, ['sha', '4f2a9c1'], null],
    ['sha', { sha: 'a'.repeat(64), runNumber: null }, ['sha', 'aaaaaaa'], null]
  ]
  it.each(table)('%s from %j', (kind, facts, identifiers, fallback) => {
    expect(buildIdentifiers(kind, facts)).toEqual({ identifiers, fallback })
  })

  it.each(['', '4f2a9c', '4f2a9cg', 'HEAD', `${SHA} `, 'a'.repeat(65)])('refuses the sha %j', (sha) => {
    expect(() => buildIdentifiers('sha', { sha, runNumber: null })).toThrow(/is not a commit sha/)
  })
  it.each(['', '8a', '-1', '1.5', ' 812', '８１２'])('refuses the run number %j', (runNumber) => {
    expect(() => buildIdentifiers('run', { sha: SHA, runNumber })).toThrow(/is not digits/)
  })
})

describe('withBuild', () => {
  it.each([
    ['1.3.0', ['sha', '4f2a9c1'], '1.3.0+sha.4f2a9c1'],
    ['1.3.0', ['run', '812', 'sha', '4f2a9c1'], '1.3.0+run.812.sha.4f2a9c1'],
    ['1.4.0-pr.7.3', ['sha', '4f2a9c1'], '1.4.0-pr.7.3+sha.4f2a9c1'],
    // Unlike a prerelease number, a build identifier may start with 0: any short sha will do.
    ['1.3.0', ['sha', '0123456'], '1.3.0+sha.0123456'],
    ['1.3.0', [], '1.3.0']
  ])('%s with %j is %s', (version, identifiers, expected) => {
    const built = withBuild(version, identifiers)
    expect(built).toBe(expected)
    expect(parseSemver(built)?.build).toEqual(identifiers)
    expect(semver.compare(built, version)).toBe(0)
  })

  it('refuses a version that already has build metadata', () => {
    expect(() => withBuild('1.3.0+sha.4f2a9c1', ['sha', '4f2a9c1'])).toThrow(/already has build metadata/)
  })
  it.each(['v1.3.0', '1.3', '', '1.3.0-01'])('refuses %j, which is not SemVer', (version) => {
    expect(() => withBuild(version, ['sha', '4f2a9c1'])).toThrow(/is not a SemVer version/)
  })
  it.each([[['']], [['a.b']], [['a+b']], [['sha', 'ä']]])('refuses the identifiers %j', (identifiers) => {
    expect(() => withBuild('1.3.0', identifiers)).toThrow(/is not a build identifier/)
  })
})

describe('snapshotVersion: the forms', () => {
  it('gives the examples of the issue', () => {
    const build = buildIdentifiers('sha', { sha: SHA, runNumber: null }).identifiers
    const onPullRequest = snapshot('1.3.0', '1.4.0', pr(7, 3))
    expect(withBuild(onPullRequest.version.version, build)).toBe('1.4.0-pr.7.3+sha.4f2a9c1')
    const onBranch = snapshot('1.3.0', '1.4.0', branch(12))
    expect(withBuild(onBranch.version.version, build)).toBe('1.4.0-dev.12+sha.4f2a9c1')
    const run = buildIdentifiers('run', { sha: SHA, runNumber: '812' }).identifiers
    expect(withBuild('1.3.0', run)).toBe('1.3.0+run.812.sha.4f2a9c1')
  })

  const table: [string, string | null, string, SnapshotWhere, string, SnapshotForm][] = [
    ['a stable next', '1.3.0', '1.4.0', branch(12), '1.4.0-dev.12', { kind: 'next-core' }],
    ['a stable next, on a pull request', '1.3.0', '1.4.0', pr(7, 3), '1.4.0-pr.7.3', { kind: 'next-core' }],
    ['nothing ahead', '1.3.0', '1.3.1', branch(0), '1.3.1-dev.0', { kind: 'next-core' }],
    ['the first release', null, '0.1.0', branch(5), '0.1.0-dev.5', { kind: 'next-core' }],
    ['from a prerelease of an earlier core', '1.3.0-rc.1', '1.3.1', branch(5), '1.3.1-dev.5', { kind: 'next-core' }],
    // 1.4.0-dev.5 would sort below 1.4.0-rc.2 (d < r).
    [
      'a stable next, from its own rc',
      '1.4.0-rc.2',
      '1.4.0',
      branch(5),
      '1.4.0-rc.2.dev.5',
      { kind: 'after-previous', previous: '1.4.0-rc.2' }
    ],
    ['a prerelease next', '2.0.0-beta.3', '2.0.0-beta.4', branch(5), '2.0.0-beta.3.dev.5', { kind: 'below-next', floor: '2.0.0-beta.3' }],
    [
      'a prerelease next, on a pull request',
      '2.0.0-beta.3',
      '2.0.0-beta.4',
      pr(7, 3),
      '2.0.0-beta.3.pr.7.3',
      { kind: 'below-next', floor: '2.0.0-beta.3' }
    ],
    // beta.0 to beta.3 were tagged on another branch.
    [
      'a prerelease next, from a stable release',
      '1.9.0',
      '2.0.0-beta.4',
      branch(5),
      '2.0.0-beta.3.dev.5',
      { kind: 'below-next', floor: '2.0.0-beta.3' }
    ],
    // Nothing in the beta channel sorts below beta.0; a number sorts below every word.
    ['the first of a channel', '1.9.0', '2.0.0-beta.0', branch(5), '2.0.0-0.dev.5', { kind: 'below-next', floor: '2.0.0-0' }],
    ['the first of a channel, first release', null, '0.1.0-beta.0', pr(1, 1), '0.1.0-0.pr.1.1', { kind: 'below-next', floor: '0.1.0-0' }],
    [
      'a channel after another',
      '2.0.0-alpha.3',
      '2.0.0-beta.0',
      branch(5),
      '2.0.0-alpha.3.dev.5',
      { kind: 'after-previous', previous: '2.0.0-alpha.3' }
    ],
    [
      'a previous between the floor and next',
      '2.0.0-beta.3.1',
      '2.0.0-beta.4',
      branch(5),
      '2.0.0-beta.3.1.dev.5',
      { kind: 'after-previous', previous: '2.0.0-beta.3.1' }
    ],
    ['a channel without a number', '1.9.0', '2.0.0-beta', branch(5), '2.0.0-0.dev.5', { kind: 'below-next', floor: '2.0.0-0' }],
    [
      'a next whose prerelease ends in 0',
      '2.0.0-rc.1',
      '2.0.0-rc.2.0',
      branch(5),
      '2.0.0-rc.1.dev.5',
      { kind: 'below-next', floor: '2.0.0-rc.1' }
    ],
    [
      'a next of an all-zero prerelease, from an earlier prerelease',
      '1.9.0-rc.1',
      '2.0.0-0',
      branch(5),
      '1.9.0-rc.1.dev.5',
      { kind: 'after-previous', previous: '1.9.0-rc.1' }
    ],
    [
      'a previous with build metadata',
      '1.4.0-rc.2+sha.0123456',
      '1.4.0',
      branch(5),
      '1.4.0-rc.2.dev.5',
      { kind: 'after-previous', previous: '1.4.0-rc.2' }
    ]
  ]
  it.each(table)('%s: %s → %s', (_, previous, next, where, expected, form) => {
    const inputs = { previous: previous === null ? null : v(previous), next: v(next) }
    const frozen = JSON.stringify(inputs)
    const result = snapshotVersion({ ...inputs, where })
    expect(result.version.version).toBe(expected)
    expect(result.form).toEqual(form)
    if (previous) expect(semver.lt(previous, expected)).toBe(true)
    expect(semver.lt(expected, next)).toBe(true)
    expect(JSON.stringify(inputs), 'inputs are not mutated').toBe(frozen)
  })
})

describe('snapshotVersion: refusals', () => {
  it.each([
    ['the same version', '1.4.0', '1.4.0', /is not below the next/],
    ['the same version, build aside', '1.4.0+sha.0123456', '1.4.0', /is not below the next/],
    ['a previous above next', '2.0.0-rc.0', '1.3.1', /is not below the next/],
    ['a stable previous of a prerelease next', '2.0.0', '2.0.0-beta.1', /is not below the next/],
    // 2.0.0-beta.0 is the very next version after 2.0.0-beta.
    ['adjacent versions', '2.0.0-beta', '2.0.0-beta.0', /between 2\.0\.0-beta and 2\.0\.0-beta\.0: .* followed by zeros/],
    ['adjacent but for zeros', '2.0.0-0', '2.0.0-0.0.0', /followed by zeros/],
    ['no prerelease below next to continue', '1.9.0', '2.0.0-0', /below 2\.0\.0-0: .*1\.9\.0 is not a prerelease to continue/],
    ['nothing below the lowest prerelease', null, '0.1.0-0.0', /below 0\.1\.0-0\.0: .*there is no release to continue/]
  ])('%s: %s, %s', (_, previous, next, error) => {
    expect(() => snapshot(previous, next, branch(1))).toThrow(error)
  })

  it.each([
    ['a pull request numbered 0', pr(0, 1)],
    ['a negative pull request number', pr(-7, 1)],
    ['a fractional pull request number', pr(7.5, 1)],
    ['a negative ahead', branch(-1)],
    ['a fractional ahead', pr(7, 0.5)],
    ['an ahead of NaN', branch(Number.NaN)],
    ['an ahead beyond safe integers', branch(2 ** 53)]
  ])('refuses %s', (_, where) => {
    expect(() => snapshot('1.3.0', '1.4.0', where)).toThrow(/is not an integer/)
  })
})

// Release lines as verso makes them: next from the last stable release, the bump and a
// channel, counting on from the last prerelease or from numbers taken elsewhere.
const CHANNELS = ['alpha', 'beta', 'next', 'rc'] as const
const bump = fc.constantFrom('patch' as const, 'minor' as const, 'major' as const)
const stableVersion = fc.tuple(fc.nat(3), fc.nat(12), fc.nat(12)).map(([a, b, c]) => new semver.SemVer(`${a}.${b}.${c}`))
const channelTag = fc.tuple(bump, fc.constantFrom(...CHANNELS), fc.nat(6)).map(([towards, id, number]) => ({ towards, id, number }))

interface Line {
  readonly previous: semver.SemVer | null
  readonly next: semver.SemVer
}

const verso: fc.Arbitrary<Line> = fc
  .record({
    stable: fc.option(stableVersion, { nil: null }),
    // The last release HEAD reaches may be a prerelease on the way to a later core.
    onChannel: fc.option(channelTag, { nil: null }),
    bump,
    prerelease: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
    elsewhere: fc.array(channelTag, { maxLength: 3 }),
    initial: fc.constantFrom('0.1.0', '1.0.0')
  })
  .map(({ stable, onChannel, bump, prerelease, elsewhere, initial }) => {
    const tagOf = (t: { towards: 'patch' | 'minor' | 'major'; id: string; number: number }) =>
      new semver.SemVer(`${stable ? semver.inc(stable, t.towards)! : initial}-${t.id}.${t.number}`)
    const base = onChannel ? tagOf(onChannel) : stable
    const taken = [...(base ? [base] : []), ...elsewhere.map(tagOf)]
    try {
      const next = nextSemver({ base, stable, bump, initialVersion: new semver.SemVer(initial), prerelease, taken }).version
      return { previous: base, next }
    } catch {
      return null // a channel that sorts below the last prerelease: verso refuses it itself
    }
  })
  .filter((line): line is Line => line !== null)

// Any two versions, not only verso's, with words and numbers mixed as SemVer allows.
const identifier = fc.oneof(fc.nat(3), fc.constantFrom('0', 'a', 'alpha', 'beta', 'dev', 'pr', 'rc', 'x-1'))
const anyVersion = fc
  .tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.array(identifier, { maxLength: 4 }))
  .map(([a, b, c, pre]) => new semver.SemVer(`${a}.${b}.${c}${pre.length ? `-${pre.join('.')}` : ''}`))

const where: fc.Arbitrary<SnapshotWhere> = fc.oneof(
  fc.record({ kind: fc.constant('branch' as const), ahead: fc.nat(10_000) }),
  fc.record({ kind: fc.constant('pull-request' as const), number: fc.integer({ min: 1, max: 100_000 }), ahead: fc.nat(10_000) })
)
const sha = fc.stringMatching(/^[0-9a-f]{40}$/)
const runNumber = fc.option(
  fc.nat().map((n) => String(n + 1)),
  { nil: null }
)

describe('snapshotVersion, for any release line verso makes', () => {
  it('is valid SemVer, above previous and below next; build metadata changes neither', () => {
    fc.assert(
      fc.property(verso, where, fc.constantFrom<BuildMetadata>('sha', 'run'), sha, runNumber, (line, at, kind, commit, run) => {
        fc.pre(line.previous === null || semver.lt(line.previous, line.next))
        const { version } = snapshotVersion({ ...line, where: at })
        const text = version.version
        expect(semver.valid(text)).toBe(text)
        expect(parseSemver(text)?.version).toBe(text)
        if (line.previous) expect(semver.lt(line.previous, text), `${line.previous.version} < ${text}`).toBe(true)
        expect(semver.lt(text, line.next), `${text} < ${line.next.version}`).toBe(true)

        const built = withBuild(text, buildIdentifiers(kind, { sha: commit, runNumber: run }).identifiers)
        expect(semver.valid(built)).toBe(text)
        expect(parseSemver(built)?.version).toBe(text)
        expect(semver.compare(built, text)).toBe(0)
        if (line.previous) expect(semver.lt(line.previous, built)).toBe(true)
        expect(semver.lt(built, line.next)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('has room exactly when the last release sorts below the next', () => {
    fc.assert(
      fc.property(verso, where, (line, at) => {
        const fits = line.previous === null || semver.lt(line.previous, line.next)
        if (fits) expect(() => snapshotVersion({ ...line, where: at })).not.toThrow()
        else expect(() => snapshotVersion({ ...line, where: at })).toThrow(/is not below the next/)
      }),
      { numRuns: 500 }
    )
  })

  it('orders snapshots of a branch by the commits ahead', () => {
    fc.assert(
      fc.property(verso, fc.nat(10_000), fc.nat(10_000), (line, a, b) => {
        fc.pre(line.previous === null || semver.lt(line.previous, line.next))
        const one = snapshotVersion({ ...line, where: branch(a) }).version
        const two = snapshotVersion({ ...line, where: branch(b) }).version
        expect(Math.sign(semver.compare(one, two))).toBe(Math.sign(a - b))
      }),
      { numRuns: 300 }
    )
  })

  it('orders snapshots of pull requests by number, then by the commits ahead', () => {
    const at = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.nat(10_000))
    fc.assert(
      fc.property(verso, at, at, (line, [n1, a1], [n2, a2]) => {
        fc.pre(line.previous === null || semver.lt(line.previous, line.next))
        const one = snapshotVersion({ ...line, where: pr(n1, a1) }).version
        const two = snapshotVersion({ ...line, where: pr(n2, a2) }).version
        expect(Math.sign(semver.compare(one, two))).toBe(Math.sign(n1 - n2 || a1 - a2))
      }),
      { numRuns: 300 }
    )
  })
})

describe('snapshotVersion, for any two versions', () => {
  it('is between them, or refuses where there is no room', () => {
    fc.assert(
      fc.property(anyVersion, anyVersion, where, (previous, next, at) => {
        let text: string
        try {
          text = snapshotVersion({ previous, next, where: at }).version.version
        } catch (error) {
          expect(String(error)).toMatch(/No snapshot version fits/)
          // Refused only where next leaves no room: above previous, it adds nothing but zeros.
          if (semver.lt(previous, next)) {
            const kept =
              semver.compare(previous.version.replace(/-.*/, ''), next.version.replace(/-.*/, '')) === 0 ? previous.prerelease : []
            expect(next.prerelease.slice(0, kept.length)).toEqual(kept)
            expect(next.prerelease.slice(kept.length).every((id) => id === 0)).toBe(true)
          }
          return
        }
        expect(semver.valid(text)).toBe(text)
        expect(semver.lt(previous, text) && semver.lt(text, next), `${previous.version} < ${text} < ${next.version}`).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })
})
