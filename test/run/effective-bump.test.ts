import { describe, expect, it } from 'vitest'
import { analyzeCommits, parseCommit } from '../../src/commits/analyze.js'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { describeReason } from '../../src/report/reasons.js'
import { decideBump } from '../../src/run/effective-bump.js'
import { parseVersion, type Version } from '../../src/versions/scheme.js'
import { makePlan } from '../notes/plans.js'

const sha = (n: number) => String(n).padStart(40, '0')

function decide(messages: readonly string[], stable: string | null, options: RawOptions = {}) {
  const config = resolveConfig(options)
  const analysis = analyzeCommits(
    messages.map((message, i) => parseCommit({ sha: sha(i + 1), parents: [sha(i)], message })),
    config.releaseRules
  )
  const version: Version | null = stable === null ? null : parseVersion(config.scheme, stable)
  return decideBump(config, analysis, null, version)
}

describe('decideBump: the one place the bump is decided', () => {
  const table: [string, readonly string[], string | null, RawOptions, string, readonly string[]][] = [
    ['the commits decide', ['fix: a', 'feat: b'], '1.2.3', {}, 'minor', []],
    ['a breaking change on 1.x is major', ['feat!: b'], '1.2.3', {}, 'major', []],
    ['0.y.z: a breaking change bumps the minor', ['feat!: b'], '0.4.1', {}, 'minor', ['held-by-major-zero']],
    ['0.y.z: major-zero-breaking major graduates', ['feat!: b'], '0.4.1', { 'major-zero-breaking': 'major' }, 'major', []],
    ['0.y.z: a forced major graduates', ['fix: a'], '0.4.1', { bump: 'major' }, 'major', ['forced']],
    ['a first release holds nothing', ['feat!: b'], null, {}, 'major', []],
    ['a forced bump wins over the commits', ['feat!: b'], '1.2.3', { bump: 'patch' }, 'patch', ['forced']]
  ]
  it.each(table)('%s', (_, messages, stable, options, bump, kinds) => {
    const decided = decide(messages, stable, options)
    expect(decided.bump).toBe(bump)
    expect(decided.reasons.map((r) => r.kind)).toEqual(kinds)
  })

  it('names the breaking commits it held, and explains the 0.y.z rule', () => {
    const decided = decide(['fix: a', 'feat!: b'], '0.4.1')
    expect(decided.reasons).toEqual([{ kind: 'held-by-major-zero', commits: [sha(2)] }])
    expect(describeReason(decided.reasons[0]!)).toContain('SemVer §4')
  })

  it('v0.4.0 + feat!: the plan says 0.5.0, bump minor, and why', () => {
    const plan = makePlan({ base: 'v0.4.0', commits: ['feat!: x'] })
    expect(plan).toMatchObject({ kind: 'release', bump: 'minor', next: { version: '0.5.0', tag: 'v0.5.0' } })
    expect(plan.reasons.map((r) => r.kind)).toEqual(['held-by-major-zero'])
  })

  it('0.y.z with major-zero-breaking major and a forced major release 1.0.0', () => {
    expect(makePlan({ base: 'v0.4.1', commits: ['feat!: x'], options: { 'major-zero-breaking': 'major' } }).next?.version).toBe('1.0.0')
    expect(makePlan({ base: 'v0.4.1', commits: ['fix: x'], options: { bump: 'major' } }).next?.version).toBe('1.0.0')
  })
})
