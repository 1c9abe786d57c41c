import { describe, expect, it } from 'vitest'
import type { BranchPolicy, BranchRule } from '../../src/config/branches.js'
import { VersoError } from '../../src/errors.js'
import { impliedRange, resolveLine } from '../../src/run/line.js'
import { describeLine } from '../../src/report/line.js'

const rules = (...list: Partial<BranchRule>[]): BranchPolicy => ({
  kind: 'rules',
  from: 'branches',
  rules: list.map((r) => ({ pattern: '', range: null, prerelease: null, ...r })),
  withDefaultBranch: false
})

const POLICY = rules(
  { pattern: 'main' },
  { pattern: '1.x', range: '1.x' },
  { pattern: '*.x' },
  { pattern: 'next', prerelease: 'next' },
  { pattern: 'release/*', prerelease: 'rc' },
  { pattern: 'channel/*', prerelease: '{branch}' }
)

function line(branch: string | null, policy: BranchPolicy = POLICY, prerelease: string | null = null) {
  return resolveLine({ policy, branch, defaultBranch: 'main', prerelease, scheme: 'semver' })
}

describe('resolveLine', () => {
  it.each<[string, string | null, string | null, string | null]>([
    ['main', null, null, null],
    ['1.x', '1.x', null, 'main'],
    ['2.x', '2.x', null, 'main'],
    ['3.4.x', '3.4.x', null, 'main'],
    ['next', null, 'next', 'main'],
    ['release/2024', null, 'rc', 'main'],
    ['channel/beta', null, 'beta', 'main']
  ])('%s: range %s, channel %s, the newest versions are %s’s', (branch, range, prerelease, owner) => {
    expect(line(branch)).toMatchObject({ branch, range, prerelease, newestOwner: owner, status: { kind: 'releases' } })
  })

  it('the first matching entry wins', () => {
    expect(line('release/x', rules({ pattern: 'release/*', prerelease: 'rc' }, { pattern: 'release/x' }))).toMatchObject({
      pattern: 'release/*',
      prerelease: 'rc'
    })
  })

  it('a branch no entry matches still has a line to plan on, and says it never releases', () => {
    expect(line('feature/x')).toMatchObject({
      range: null,
      prerelease: null,
      pattern: null,
      status: { kind: 'unmatched', from: 'branches' }
    })
    expect(describeLine(line('feature/x'))).toBe(
      'feature/x matches no entry of `branches` (main, 1.x, *.x, next, release/*, channel/*), so it plans but never releases'
    )
  })

  it('`release/*` does not make release/1.x a maintenance line; `*.x` and `release/*.x` do', () => {
    expect(line('release/1.x', rules({ pattern: 'release/*' }))).toMatchObject({ range: null, newestOwner: null })
    expect(line('release/1.x', rules({ pattern: 'main' }, { pattern: 'release/*.x' }))).toMatchObject({ range: '1.x', newestOwner: 'main' })
  })

  it('the `prerelease` input opens a channel on any releasing branch, keeping a maintenance range', () => {
    expect(line('main', POLICY, 'rc')).toMatchObject({ prerelease: 'rc', range: null, prereleaseFromInput: true })
    expect(line('1.x', POLICY, 'rc')).toMatchObject({ prerelease: 'rc', range: '1.x' })
  })

  it('without a policy the default branch is the stable line; CalVer has no implied ranges', () => {
    const none: BranchPolicy = { kind: 'default-branch' }
    expect(line('main', none)).toMatchObject({ status: { kind: 'releases' }, newestOwner: null })
    expect(
      resolveLine({ policy: rules({ pattern: '*.x' }), branch: '2024.x', defaultBranch: null, prerelease: null, scheme: 'calver' })
    ).toMatchObject({
      range: null
    })
  })

  it('a branch name that is no prerelease id cannot name its channel', () => {
    expect(() => line('channel/1.0')).toThrow(VersoError)
    expect(() => line('channel/1.0')).toThrow(/`1.0` is not a SemVer prerelease id/)
  })

  it.each([
    ['1.x', '1.x'],
    ['01.x', '1.x'],
    ['1.2.x', '1.2.x'],
    ['v2.x', '2.x'],
    ['support/3.x', '3.x'],
    ['main', null],
    ['1.x.x', null],
    ['x', null]
  ])('impliedRange(%s) is %s', (branch, range) => {
    expect(impliedRange(branch)).toBe(range)
  })

  it('a line says what it releases', () => {
    expect(describeLine(line('main'))).toBe(null)
    expect(describeLine(line('2.x'))).toBe('2.x (entry `*.x`) is a maintenance line: only versions in 2.x')
    expect(describeLine(line('next'))).toBe('next is a release line: prereleases on channel `next`')
    expect(describeLine(line('1.x', POLICY, 'rc'))).toBe(
      '1.x is a release line: prereleases on channel `rc` (the `prerelease` input), only versions in 1.x'
    )
  })
})
