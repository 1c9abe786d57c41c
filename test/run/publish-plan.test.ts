import { describe, expect, it } from 'vitest'
import type { Tarball } from '../../src/npm/registry.js'
import {
  decideDistTag,
  checkManifest,
  decidePublish,
  planLatestMove,
  type PublishFacts,
  type PublishTarget
} from '../../src/run/publish-plan.js'

const STABLE = { prerelease: null, range: null }

describe('decideDistTag', () => {
  it.each([
    // version, line, the registry's stable versions, the tag, why
    ['1.3.0', STABLE, [], 'latest', 'highest-stable'],
    ['1.3.0', STABLE, ['1.2.0', '1.2.9'], 'latest', 'highest-stable'],
    ['1.3.0', STABLE, ['2.0.0'], 'release-1.x', 'below-latest'],
    ['2.0.0', STABLE, ['2.0.0-rc.1', '1.9.0'], 'latest', 'highest-stable'],
    ['1.4.0-next.0', { prerelease: 'next', range: null }, ['1.3.0'], 'next', 'channel'],
    ['2.0.0-beta.3', { prerelease: 'beta', range: null }, ['3.0.0'], 'beta', 'channel'],
    ['2.0.0-rc.1', STABLE, [], 'rc', 'channel'],
    ['1.2.4', { prerelease: null, range: '1.x' }, ['2.0.0'], 'release-1.x', 'maintenance'],
    ['1.2.4', { prerelease: null, range: '1.2.x' }, [], 'release-1.2.x', 'maintenance'],
    ['1.4.1', { prerelease: null, range: '>=1.2.0 <1.5.0' }, [], 'release-1.x', 'maintenance']
  ] as const)('%s on %o, the registry having %o: %s (%s)', (version, line, stable, tag, why) => {
    const decided = decideDistTag({ version, line, stable, latest: false })
    expect(decided.tag).toBe(tag)
    expect(decided.reason.kind).toBe(why)
  })

  it('names the higher version that keeps latest', () => {
    expect(decideDistTag({ version: '1.3.0', line: STABLE, stable: ['2.0.0', '2.1.0', '1.0.0'], latest: true })).toEqual({
      tag: 'release-1.x',
      reason: { kind: 'below-latest', latest: '2.1.0' }
    })
  })

  it('without the registry (a dry run) follows the plan: latest only for the latest release', () => {
    expect(decideDistTag({ version: '1.3.0', line: STABLE, stable: null, latest: true }).tag).toBe('latest')
    expect(decideDistTag({ version: '1.3.0', line: STABLE, stable: null, latest: false })).toEqual({
      tag: 'release-1.x',
      reason: { kind: 'below-latest', latest: null }
    })
  })
})

const TARGET: PublishTarget = {
  release: '',
  path: '.',
  version: '1.3.0',
  tag: 'v1.3.0',
  sha: 'a'.repeat(40),
  line: STABLE,
  latest: true
}
const TARBALL: Tarball = {
  filename: 'pkg-1.3.0.tgz',
  size: 200,
  unpackedSize: 400,
  integrity: 'sha512-ours',
  files: [{ path: 'package.json', size: 40 }]
}
const REGISTRY = 'https://registry.npmjs.org/'

function facts(change: Partial<PublishFacts> = {}): PublishFacts {
  return {
    target: TARGET,
    manifest: { name: 'pkg' },
    registry: REGISTRY,
    published: null,
    gitHeadHere: false,
    registryPackage: null,
    tarball: TARBALL,
    ours: ['b'.repeat(40)],
    provenance: { kind: 'off' },
    ...change
  }
}

describe('decidePublish', () => {
  it('a version the registry does not have is published, with the dist-tag of its line', () => {
    const decision = decidePublish(facts({ registryPackage: { versions: ['1.2.0', '2.0.0-rc.0'], distTags: { latest: '1.2.0' } } }))
    expect(decision).toMatchObject({ kind: 'publish', name: 'pkg', registry: REGISTRY, distTag: { tag: 'latest' }, secrets: [] })
  })

  it.each([
    ['the tagged commit as its gitHead', { gitHead: 'a'.repeat(40), integrity: 'sha512-other' }, 'git-head'],
    ['the checkout as its gitHead', { gitHead: 'b'.repeat(40), integrity: null }, 'git-head'],
    ['the release commit as its gitHead', { gitHead: 'd'.repeat(40), integrity: null, ours: ['b'.repeat(40), 'd'.repeat(40)] }, 'git-head'],
    ['no gitHead, and the same tarball', { gitHead: null, integrity: 'sha512-ours' }, 'integrity']
  ] as const)('a version published with %s is already published', (_, published, by) => {
    const { ours, ...version } = { ours: undefined, ...published }
    expect(decidePublish(facts({ published: version, ...(ours ? { ours } : {}) }))).toMatchObject({ kind: 'already-published', by })
  })

  it.each([
    ['another commit as its gitHead', { gitHead: 'c'.repeat(40), integrity: 'sha512-ours' }],
    ['no gitHead, and another tarball', { gitHead: null, integrity: 'sha512-other' }],
    ['nothing to tell it by', { gitHead: null, integrity: null }]
  ] as const)('a version published with %s is in the way', (_, published) => {
    expect(decidePublish(facts({ published }))).toEqual({
      kind: 'conflict',
      target: TARGET,
      name: 'pkg',
      registry: REGISTRY,
      problem: { kind: 'published-elsewhere', ...published, here: false }
    })
  })

  it('says when the commit a version was published from is one of this repository', () => {
    const published = { gitHead: 'c'.repeat(40), integrity: null }
    expect(decidePublish(facts({ published, gitHeadHere: true }))).toMatchObject({
      kind: 'conflict',
      problem: { kind: 'published-elsewhere', here: true }
    })
  })

  it('finds files that look like secrets in the tarball', () => {
    const tarball = { ...TARBALL, files: [{ path: '.env', size: 10 }, ...TARBALL.files] }
    expect(decidePublish(facts({ tarball }))).toMatchObject({ kind: 'publish', secrets: [{ path: '.env', kind: 'env-file' }] })
  })

  it('carries the provenance decision', () => {
    expect(decidePublish(facts({ provenance: { kind: 'on' } }))).toMatchObject({ kind: 'publish', provenance: { kind: 'on' } })
  })
})

describe('checkManifest', () => {
  const read = (name: string | null, change: { private?: boolean; workspaceRanges?: string[] } = {}) =>
    ({ kind: 'read', name, private: false, workspaceRanges: [], ...change }) as const
  it.each([
    ['no manifest', null, TARGET, { kind: 'conflict', problem: { kind: 'no-manifest' } }],
    [
      'a manifest that is not JSON',
      { kind: 'unreadable', error: 'Unexpected token' } as const,
      TARGET,
      { kind: 'conflict', problem: { kind: 'unreadable-manifest', error: 'Unexpected token' } }
    ],
    ['a private package', read('pkg', { private: true }), TARGET, { kind: 'skipped', reason: 'private' }],
    ['a manifest without a name', read(null), TARGET, { kind: 'conflict', problem: { kind: 'no-name' } }],
    [
      'a version npm does not take',
      read('pkg'),
      { ...TARGET, version: '2024.02.1' },
      { kind: 'conflict', problem: { kind: 'not-semver' } }
    ],
    [
      'a dependency by a workspace: range',
      read('pkg', { workspaceRanges: ['lib'] }),
      TARGET,
      { kind: 'conflict', name: 'pkg', problem: { kind: 'workspace-protocol', dependencies: ['lib'] } }
    ]
  ] as const)('%s settles it before the registry is asked', (_, manifest, target, expected) => {
    expect(checkManifest(target, manifest)).toMatchObject({ kind: 'decided', decision: expected })
  })

  it('leaves a publishable package to the registry', () => {
    expect(checkManifest(TARGET, read('pkg'))).toEqual({ kind: 'publishable', manifest: { name: 'pkg' } })
  })
})

describe('planLatestMove', () => {
  it.each([
    [
      'moves latest back to a published version',
      { versions: ['1.3.0', '1.4.0'], distTags: { latest: '1.4.0' } },
      { kind: 'move', from: '1.4.0' }
    ],
    ['leaves latest where it is already', { versions: ['1.3.0'], distTags: { latest: '1.3.0' } }, { kind: 'already' }],
    ['makes a latest that is missing', { versions: ['1.3.0'], distTags: {} }, { kind: 'move', from: null }],
    ['does nothing for a version the registry lacks', { versions: ['1.4.0'], distTags: { latest: '1.4.0' } }, { kind: 'not-published' }],
    ['does nothing for a package the registry lacks', null, { kind: 'not-published' }]
  ] as const)('%s', (_, found, expected) => {
    expect(planLatestMove('pkg', '1.3.0', REGISTRY, found)).toEqual({ name: 'pkg', version: '1.3.0', registry: REGISTRY, ...expected })
  })
})
