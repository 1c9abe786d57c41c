import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { artifactVersion, type ArtifactInput } from '../../src/run/artifact-version.js'
import type { ReleasePlan } from '../../src/run/release-plan.js'
import { makePlan } from '../notes/plans.js'

const SHA = '4f2a9c1d'.padEnd(40, '0')

function artifact(plan: ReleasePlan, options: RawOptions, input: Partial<ArtifactInput> = {}) {
  return artifactVersion({
    plan,
    config: resolveConfig(options),
    releasing: false,
    where: { kind: 'branch' },
    sha: SHA,
    runNumber: null,
    ...input
  })
}

describe('artifactVersion', () => {
  const feat = makePlan({ commits: ['feat: a', 'fix: b'] })

  it('nothing asked for: the planned version as it is', () => {
    expect(artifact(feat, {}, { releasing: true })).toMatchObject({ version: '1.3.0', core: '1.3.0', metadata: '', snapshot: null })
  })

  it('build metadata rides on the release version; outside a run, `run` falls back to the commit and says so', () => {
    expect(artifact(feat, { 'build-metadata': 'sha' }, { releasing: true })?.version).toBe('1.3.0+sha.4f2a9c1')
    expect(artifact(feat, { 'build-metadata': 'run' }, { releasing: true, runNumber: '812' })?.version).toBe('1.3.0+run.812.sha.4f2a9c1')
    const outside = artifact(feat, { 'build-metadata': 'run' }, { releasing: true })
    expect(outside?.version).toBe('1.3.0+sha.4f2a9c1')
    expect(outside?.notes).toEqual(['build-metadata: run needs GITHUB_RUN_NUMBER (a workflow run); the commit alone is used.'])
  })

  it('a snapshot when nothing is released, always with the commit, between the last release and the next', () => {
    const made = artifact(feat, { 'snapshot-versions': 'true' })
    expect(made).toMatchObject({ version: '1.3.0-dev.2+sha.4f2a9c1', core: '1.3.0-dev.2', metadata: 'sha.4f2a9c1' })
    expect(semver.gt(made!.core, '1.2.3') && semver.lt(made!.core, '1.3.0')).toBe(true)
    const pr = artifact(feat, { 'snapshot-versions': 'true' }, { where: { kind: 'pull-request', number: 7, ahead: 3 } })
    expect(pr?.version).toBe('1.3.0-pr.7.3+sha.4f2a9c1')
  })

  it('a run that releases gets no snapshot', () => {
    expect(artifact(feat, { 'snapshot-versions': 'true' }, { releasing: true })?.snapshot).toBe(null)
  })

  it('with nothing releasable the snapshot sorts below the next patch, or the channel’s next number', () => {
    expect(artifact(makePlan({ commits: ['docs: a'] }), { 'snapshot-versions': 'true' })?.core).toBe('1.2.4-dev.1')
    const beta = makePlan({ commits: ['docs: a'], base: 'v2.0.0-beta.3', stableBase: 'v1.2.3', options: { prerelease: 'beta' } })
    const made = artifact(beta, { 'snapshot-versions': 'true' })
    expect(semver.gt(made!.core, '2.0.0-beta.3') && semver.lt(made!.core, '2.0.0-beta.4')).toBe(true)
    expect(artifact(makePlan({ commits: ['docs: a'], base: null }), { 'snapshot-versions': 'true' })?.core).toBe('0.1.0-dev.1')
  })

  it('a build of a released commit is that release, not a snapshot', () => {
    const plan = makePlan({ commits: [] })
    const at = { ...plan, previous: { ...plan.previous!, sha: SHA } }
    expect(artifact(at, { 'snapshot-versions': 'true', 'build-metadata': 'sha' })).toMatchObject({
      version: '1.2.3+sha.4f2a9c1',
      snapshot: null
    })
  })

  it('nothing planned and no snapshot: no version at all', () => {
    expect(artifact(makePlan({ commits: ['docs: a'] }), { 'build-metadata': 'sha' })).toBe(null)
  })

  it('CalVer: build metadata as written; no snapshot, with a note', () => {
    const options = { scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO' }
    const plan = makePlan({ commits: ['fix: a'], base: 'v2024.01.3', options })
    expect(artifact(plan, { ...options, 'build-metadata': 'sha' }, { releasing: true })?.version).toBe('2024.02.0+sha.4f2a9c1')
    const snap = artifact(plan, { ...options, 'snapshot-versions': 'true' })
    expect(snap?.snapshot).toBe(null)
    expect(snap?.notes[0]).toMatch(/CalVer version has no SemVer snapshot/)
  })
})
