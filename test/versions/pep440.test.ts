import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'
import {
  comparePep440,
  parsePep440Semver,
  readPep440Stage,
  readPep440Suffix,
  requirePep440Stage,
  writePep440Semver,
  writePep440Suffix
} from '../../src/versions/pep440.js'
import { compareVersions, parseVersion } from '../../src/versions/scheme.js'
import { makePlan } from '../notes/plans.js'

describe('readPep440Suffix: every spelling PEP 440 normalises', () => {
  it.each<[string, string]>([
    ['rc1', 'rc1'],
    ['-rc.1', 'rc1'],
    ['RC1', 'rc1'],
    ['c1', 'rc1'],
    ['_rc_1', 'rc1'],
    ['.rc.1', 'rc1'],
    ['rc01', 'rc1'],
    ['-preview1', 'rc1'],
    ['pre1', 'rc1'],
    ['rc', 'rc0'],
    ['a1', 'a1'],
    ['alpha1', 'a1'],
    ['-Alpha.1', 'a1'],
    ['b2', 'b2'],
    ['beta2', 'b2'],
    ['.dev3', '.dev3'],
    ['-dev3', '.dev3'],
    ['dev3', '.dev3'],
    ['.post1', '.post1'],
    ['-post1', '.post1'],
    ['post1', '.post1'],
    ['-1', '.post1'],
    ['rev1', '.post1'],
    ['-r1', '.post1']
  ])('%s is %s', (text, normal) => {
    const suffix = readPep440Suffix(text)
    expect(suffix && writePep440Suffix(suffix)).toBe(normal)
  })

  it.each([
    '',
    '.5',
    '5',
    '0',
    '+local',
    'rc1+local',
    'rc1.post1',
    'rc1.dev2',
    '.post1.dev0',
    'v1',
    ' rc1',
    'rc1 ',
    'next1',
    'rc99999999999999999999'
  ])('%j is no single suffix', (text) => {
    expect(readPep440Suffix(text)).toBeNull()
  })
})

describe('prerelease channels as PEP 440 stages', () => {
  it.each<[string, string | null]>([
    ['alpha', 'a'],
    ['a', 'a'],
    ['beta', 'b'],
    ['b', 'b'],
    ['rc', 'rc'],
    ['c', 'rc'],
    ['pre', 'rc'],
    ['preview', 'rc'],
    ['dev', 'dev'],
    ['post', null],
    ['rev', null],
    ['next', null],
    ['canary', null],
    ['rc1', null]
  ])('%s → %s', (id, stage) => {
    expect(readPep440Stage(id)).toBe(stage)
  })

  it('a channel PEP 440 has no stage for is a clear error', () => {
    expect(() => requirePep440Stage('next')).toThrow(VersoError)
    expect(() => requirePep440Stage('next')).toThrow(/The prerelease channel "next" has no PEP 440 spelling/)
  })
})

describe('PEP 440 order, by the library', () => {
  it('.devN < aN < bN < rcN < final < .postN', () => {
    const order = ['24.1.dev3', '24.1a1', '24.1a2', '24.1b2', '24.1rc1', '24.1', '24.1.post1', '24.1.post2', '24.1.1.dev0']
    for (let i = 1; i < order.length; i++) expect(comparePep440(order[i - 1]!, order[i]!), `${order[i - 1]} < ${order[i]}`).toBeLessThan(0)
  })
})

describe('SemVer-shaped PEP 440 versions', () => {
  it.each<[string, string | null]>([
    ['1.4.0', '1.4.0'],
    ['1.4.0rc1', '1.4.0rc1'],
    ['1.4.0-rc.1', '1.4.0rc1'],
    ['1.4.0RC1', '1.4.0rc1'],
    ['1.4.0c1', '1.4.0rc1'],
    ['1.4.0-beta.2', '1.4.0b2'],
    ['1.4.0.dev3', '1.4.0.dev3'],
    ['1.4.0.post1', '1.4.0.post1'],
    ['1.4.0-1', '1.4.0.post1'],
    ['1.4', null],
    ['1.4.0.0', null],
    ['v1.4.0', null],
    ['1.4.0rc1.post1', null],
    ['1.4.0+local', null]
  ])('%s reads as %s', (text, written) => {
    const value = parsePep440Semver(text)
    expect(value && writePep440Semver(value)).toBe(written)
  })

  it('a post-release is a final release: its SemVer value has no prerelease', () => {
    expect(parsePep440Semver('1.4.0.post1')?.prerelease).toEqual([])
    expect(parsePep440Semver('1.4.0.dev3')?.prerelease).toEqual(['dev', 3])
  })

  it('orders as PEP 440, not as SemVer: a dev release sorts below the alphas', () => {
    const scheme = resolveConfig({ 'version-style': 'pep440' }).scheme
    const dev = parseVersion(scheme, '1.4.0.dev0')!
    const beta = parseVersion(scheme, '1.4.0b1')!
    const post = parseVersion(scheme, '1.4.0.post1')!
    const final = parseVersion(scheme, '1.4.0')!
    expect(compareVersions(dev, beta)).toBeLessThan(0)
    expect(compareVersions(final, post)).toBeLessThan(0)
  })

  it('writes back what it reads, for any numbers and suffix', () => {
    const suffix = fc.option(
      fc.record({ kind: fc.constantFrom('dev' as const, 'a' as const, 'b' as const, 'rc' as const, 'post' as const), number: fc.nat(99) })
    )
    fc.assert(
      fc.property(fc.nat(999), fc.nat(999), fc.nat(999), suffix, (major, minor, patch, s) => {
        const text = `${major}.${minor}.${patch}${s === null ? '' : writePep440Suffix(s)}`
        const value = parsePep440Semver(text)
        expect(value && writePep440Semver(value)).toBe(text)
      })
    )
  })
})

const PEP440 = { 'version-style': 'pep440' }

describe('SemVer with version-style pep440: plans', () => {
  it.each<[string, string | null, Record<string, string>, string]>([
    ['feat: a', 'v1.3.2', {}, '1.4.0'],
    ['feat: a', 'v1.3.2', { prerelease: 'rc' }, '1.4.0rc0'],
    ['feat: a', 'v1.3.2', { prerelease: 'rc', 'prerelease-start': '1' }, '1.4.0rc1'],
    ['feat: a', 'v1.3.2', { prerelease: 'beta' }, '1.4.0b0'],
    ['feat: a', 'v1.3.2', { prerelease: 'alpha', 'prerelease-start': '1' }, '1.4.0a1'],
    ['feat: a', 'v1.3.2', { prerelease: 'dev' }, '1.4.0.dev0'],
    ['fix: a', 'v1.4.0rc1', { prerelease: 'rc' }, '1.4.0rc2'],
    ['fix: a', 'v1.4.0-rc.1', { prerelease: 'rc' }, '1.4.0rc2'],
    ['docs: a', 'v1.4.0', { bump: 'post' }, '1.4.0.post1'],
    ['docs: a', 'v1.4.0.post1', { bump: 'post' }, '1.4.0.post2'],
    ['fix: a', 'v1.4.0.post2', {}, '1.4.1']
  ])('%s after %s with %j: %s', (commit, base, options, next) => {
    const plan = makePlan({ commits: [commit], base, options: { ...PEP440, ...options } })
    expect(plan.next?.version).toBe(next)
  })

  it('the channel after a later stage is refused as going backwards (dev after beta), in PEP 440 order', () => {
    const plan = makePlan({ commits: ['fix: a'], base: 'v1.4.0b1', options: { ...PEP440, prerelease: 'dev' } })
    expect(plan.kind).toBe('blocked')
    expect(plan.kind === 'blocked' && plan.findings.map((f) => f.kind)).toEqual(['prerelease-below'])
  })

  it('the outputs give the prerelease as PEP 440 writes it', () => {
    const plan = makePlan({ commits: ['feat: a'], base: 'v1.3.2', options: { ...PEP440, prerelease: 'rc' } })
    expect(plan.kind === 'release' && plan.standing.parts).toEqual({ major: '1', minor: '4', patch: '0', prerelease: 'rc0' })
    expect(plan.reasons).toContainEqual({ kind: 'not-semver', version: '1.4.0rc0' })
  })

  it('bump: post without a release, or without PEP 440, says what to do', () => {
    expect(() => makePlan({ commits: ['docs: a'], base: null, options: { ...PEP440, bump: 'post' } })).toThrow(
      /There is no release yet to make a post-release/
    )
    expect(() => resolveConfig({ bump: 'post' })).toThrow(
      expect.objectContaining({
        details: ['`bump: post` makes a PEP 440 post-release (1.4.0.post1, 24.1.post1): set `version-style: pep440`.']
      })
    )
  })

  it('prerelease ids are mapped to PEP 440 stages, and others refused with the stages named', () => {
    expect(resolveConfig({ ...PEP440, prerelease: 'beta' }).prerelease).toBe('b')
    const policy = resolveConfig({ ...PEP440, 'prerelease-branches': 'next:preview' }).release.policy
    expect(policy.kind === 'rules' && policy.rules.map((r) => r.prerelease)).toEqual(['rc'])
    expect(() => resolveConfig({ ...PEP440, 'prerelease-branches': 'next:canary' })).toThrow(
      expect.objectContaining({
        details: [
          '`branches` (next): the channel `canary` has no PEP 440 spelling (version-style: pep440): name it alpha, beta, rc or dev.'
        ]
      })
    )
  })
})
