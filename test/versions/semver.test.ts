import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { compareSemver, nextSemver, parseSemver, type SemverNextInput } from '../../src/versions/semver.js'

const v = (text: string) => {
  const parsed = parseSemver(text)
  if (!parsed) throw new Error(`bad fixture ${text}`)
  return parsed
}

describe('parseSemver: SemVer 2.0.0 exactly', () => {
  it.each([
    '1.2.3',
    '0.0.0',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-0.3.7',
    '1.0.0-x.7.z.92',
    '1.0.0+20130313144700',
    '1.0.0-beta+exp.sha.5114f85',
    '1.0.0+21AF26D3----117B344092BD',
    '1.0.0-pkg.1.17.0+account'
  ])('accepts %s', (text) => expect(parseSemver(text)).not.toBeNull())
  it.each([
    'v1.2.3',
    '01.2.3',
    '1.02.3',
    '1.2.03',
    '1.2',
    '1.2.3.4',
    '1.0.0-01',
    '=1.2.3',
    ' 1.2.3',
    '1.2.3 ',
    'latest',
    '1.0.0-',
    '1.0.0+'
  ])('rejects %j', (text) => expect(parseSemver(text)).toBeNull())
})

describe('compareSemver: §11 precedence', () => {
  it('orders the spec example', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0'
    ]
    const shuffled = [...ordered].reverse()
    expect(
      shuffled
        .map(v)
        .sort(compareSemver)
        .map((x) => x.version)
    ).toEqual(ordered)
  })
  it('orders 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1', () => {
    expect(
      ['2.1.1', '1.0.0', '2.1.0', '2.0.0']
        .map(v)
        .sort(compareSemver)
        .map((x) => x.version)
    ).toEqual(['1.0.0', '2.0.0', '2.1.0', '2.1.1'])
  })
  it('ignores build metadata', () => expect(compareSemver(v('1.0.0+a'), v('1.0.0+b'))).toBe(0))
  it('orders extended artifact versions', () => {
    expect(compareSemver(v('1.0.0-pkg.1.18.0'), v('1.0.0-pkg.1.17.0'))).toBe(1)
    expect(compareSemver(v('2.0.0-pkg.1.0.0'), v('1.0.0-pkg.2.0.0'))).toBe(1)
    expect(compareSemver(v('1.0.0-pkg.1.17.0+account'), v('1.0.0-pkg.1.17.0'))).toBe(0)
  })
})

const input = (over: Partial<SemverNextInput>): SemverNextInput => ({
  base: null,
  stable: null,
  bump: 'patch',
  initialVersion: v('0.1.0'),
  prerelease: null,
  taken: [],
  ...over
})

describe('nextSemver', () => {
  const table: [string, Partial<SemverNextInput>, string][] = [
    ['patch', { base: v('1.2.3'), stable: v('1.2.3'), bump: 'patch' }, '1.2.4'],
    ['minor', { base: v('1.2.3'), stable: v('1.2.3'), bump: 'minor' }, '1.3.0'],
    ['major', { base: v('1.2.3'), stable: v('1.2.3'), bump: 'major' }, '2.0.0'],
    ['first release', { bump: 'major' }, '0.1.0'],
    ['first release, other initial', { bump: 'patch', initialVersion: v('1.0.0') }, '1.0.0'],
    ['0.y.z: feat is minor', { base: v('0.4.1'), stable: v('0.4.1'), bump: 'minor' }, '0.5.0'],
    // The 0.y.z rule for breaking changes is decided before: test/run/effective-bump.test.ts.
    ['0.y.z: a major bump, as decided, is 1.0.0', { base: v('0.4.1'), stable: v('0.4.1'), bump: 'major' }, '1.0.0'],
    ['rc from stable', { base: v('1.2.3'), stable: v('1.2.3'), bump: 'minor', prerelease: 'rc' }, '1.3.0-rc.0'],
    [
      'rc counts on',
      { base: v('1.3.0-rc.0'), stable: v('1.2.3'), bump: 'patch', prerelease: 'rc', taken: [v('1.3.0-rc.0')] },
      '1.3.0-rc.1'
    ],
    [
      'rc after a bigger bump',
      { base: v('1.3.0-rc.1'), stable: v('1.2.3'), bump: 'major', prerelease: 'rc', taken: [v('1.3.0-rc.1')] },
      '2.0.0-rc.0'
    ],
    [
      'rc skips numbers taken elsewhere',
      { base: v('1.2.3'), stable: v('1.2.3'), bump: 'minor', prerelease: 'rc', taken: [v('1.3.0-rc.0'), v('1.3.0-rc.4')] },
      '1.3.0-rc.5'
    ],
    [
      'beta to rc',
      { base: v('1.3.0-beta.2'), stable: v('1.2.3'), bump: 'patch', prerelease: 'rc', taken: [v('1.3.0-beta.2')] },
      '1.3.0-rc.0'
    ],
    ['first release on a channel', { bump: 'minor', prerelease: 'beta' }, '0.1.0-beta.0']
  ]
  it.each(table)('%s', (_, over, expected) => {
    const next = nextSemver(input(over))
    expect(next.version.version).toBe(expected)
    const base = over.base
    if (base) expect(semver.gt(next.version, base)).toBe(true)
  })

  it('says when a channel would sort below the prerelease HEAD has, instead of going backwards', () => {
    const next = nextSemver(input({ base: v('1.3.0-rc.0'), stable: v('1.2.3'), bump: 'patch', prerelease: 'alpha' }))
    expect(next.version.version).toBe('1.3.0-alpha.0')
    expect(next.below?.version).toBe('1.3.0-rc.0')
  })

  it('a channel whose aim was released meanwhile aims past the release', () => {
    const next = nextSemver(
      input({ base: v('1.3.0-beta.0'), stable: v('1.2.3'), bump: 'patch', prerelease: 'beta', taken: [v('1.3.0-beta.0'), v('1.3.0')] })
    )
    expect(next.version.version).toBe('1.3.1-beta.0')
    expect(next.reasons).toContainEqual({ kind: 'prerelease-passed', released: '1.3.0', aim: '1.3.1' })
  })
})
