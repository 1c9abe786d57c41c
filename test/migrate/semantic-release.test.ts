import { describe, expect, it } from 'vitest'
import { findSemanticRelease, mapSemanticRelease, type SemanticReleaseConfig } from '../../src/migrate/semantic-release.js'

const reader = (files: Readonly<Record<string, string>>) => async (path: string) => files[path] ?? null

function options(opts: Record<string, unknown>): Extract<SemanticReleaseConfig, { kind: 'options' }> {
  // No plugins: what is tested here is semantic-release's own options.
  return { kind: 'options', path: '.releaserc.json', label: '.releaserc.json', options: { plugins: [], ...opts }, manifest: null }
}

describe('findSemanticRelease', () => {
  it('finds nothing where there is nothing', async () => {
    expect(await findSemanticRelease(reader({ 'package.json': '{ "name": "x" }' }))).toBeNull()
  })

  it('reads package.json#release first, as semantic-release does', async () => {
    const found = await findSemanticRelease(
      reader({ 'package.json': '{ "release": { "branches": ["main"] } }', '.releaserc': 'branches: [next]' })
    )
    expect(found?.config).toMatchObject({ kind: 'options', label: 'package.json#release', options: { branches: ['main'] } })
    expect(found?.shadowed).toEqual(['.releaserc'])
  })

  it.each([
    ['.releaserc', '{ "branches": ["main"] }'],
    ['.releaserc', 'branches:\n  - main\n'],
    ['.releaserc.json', '{ "branches": ["main"] }'],
    ['.releaserc.yaml', 'branches: [main]'],
    ['.releaserc.yml', 'branches: [main]'],
    ['.config/releaserc.json', '{ "branches": ["main"] }']
  ])('reads %s as data', async (path, text) => {
    const found = await findSemanticRelease(reader({ [path]: text }))
    expect(found?.config).toEqual({ kind: 'options', path, label: path, options: { branches: ['main'] }, manifest: null })
  })

  it('keeps the package.json a configuration file sits beside, for `private`', async () => {
    const found = await findSemanticRelease(reader({ '.releaserc.json': '{}', 'package.json': '{ "private": true }' }))
    expect(found?.config).toMatchObject({ kind: 'options', manifest: { private: true } })
  })

  it('skips an empty file, as semantic-release does', async () => {
    const found = await findSemanticRelease(reader({ '.releaserc': '  \n', '.releaserc.yml': 'tagFormat: x${version}' }))
    expect(found?.config).toMatchObject({ path: '.releaserc.yml' })
  })

  it.each([
    ['.releaserc.json', '{ "branches": [main] }', /^\.releaserc\.json is not valid JSON: /],
    ['.releaserc', 'branches: [main', /^\.releaserc is not valid YAML or JSON: /],
    ['.releaserc.yml', '- main', /must hold an object of semantic-release options/]
  ])('says why %s cannot be read', async (path, text, why) => {
    const found = await findSemanticRelease(reader({ [path]: text }))
    expect(found?.config).toMatchObject({ kind: 'unreadable', path, why: expect.stringMatching(why) })
  })

  it('does not quote a secret from a file it cannot parse', async () => {
    const found = await findSemanticRelease(reader({ '.releaserc.json': '{ "token": ghp_abcdefghijklmnopqrstuvwxyz0123456789 }' }))
    expect(found?.config.kind === 'unreadable' && found.config.why).not.toContain('ghp_abcdefghijklmnop')
  })
})

describe('mapSemanticRelease: branches', () => {
  // README's "Coming from semantic-release's branches" table, row by row.
  it.each([
    ['main', { name: 'main', range: null, prerelease: null, from: null }],
    [{ name: 'main' }, { name: 'main', range: null, prerelease: null, from: null }],
    ['+([0-9])?(.{+([0-9]),x}).x', { name: '*.x', range: null, prerelease: null, from: expect.stringContaining('maintenance') }],
    [
      { name: '1.x', range: '1.x' },
      { name: '1.x', range: '1.x', prerelease: null, from: null }
    ],
    [
      { name: 'beta', prerelease: true },
      { name: 'beta', range: null, prerelease: 'true', from: null }
    ],
    [
      { name: 'release/*', prerelease: 'rc' },
      { name: 'release/*', range: null, prerelease: 'rc', from: null }
    ],
    [
      { name: 'next', prerelease: false },
      { name: 'next', range: null, prerelease: null, from: null }
    ]
  ])('%j becomes %j', (entry, expected) => {
    const draft = mapSemanticRelease(options({ branches: [entry] }))
    expect(draft.settings[0]).toMatchObject({ kind: 'branches', entries: [expected] })
    expect(draft.notCarried).toEqual([])
  })

  it('reads one branch given as text', () => {
    expect(mapSemanticRelease(options({ branches: 'main' })).settings[0]).toMatchObject({ kind: 'branches', entries: [{ name: 'main' }] })
  })

  it('says a channel is not needed, and keeps the branch', () => {
    const draft = mapSemanticRelease(options({ branches: ['main', { name: 'next', channel: 'next' }] }))
    expect(draft.settings[0]).toMatchObject({ kind: 'branches', entries: [{ name: 'main' }, { name: 'next' }] })
    expect(draft.notCarried).toEqual([
      {
        option: 'branches: next (channel)',
        why: "a channel is the npm dist-tag a branch publishes to; verso publishes no npm package, and a tag and a GitHub Release need no channel: a prerelease's GitHub Release is marked as a prerelease."
      }
    ])
  })

  it('leaves out what verso would not accept, with its reason', () => {
    const draft = mapSemanticRelease(
      options({
        branches: [
          'main',
          { name: 'pre/*', prerelease: '${name.replace(/^pre\\//g, "")}' },
          { name: '2.x', range: 'two' },
          { name: '' },
          42
        ]
      })
    )
    expect(draft.settings[0]).toMatchObject({ kind: 'branches', entries: [{ name: 'main' }] })
    expect(draft.notCarried.map((n) => n.option)).toEqual(['branches: pre/* (prerelease)', 'branches: 2.x', 'branches', 'branches'])
    expect(draft.notCarried[0]!.why).toMatch(/^a template .*`true` for the last part of the branch's name/)
    expect(draft.notCarried[1]!.why).toMatch(/^verso does not accept it: .*`range: two` is not a SemVer range/)
  })
})

describe('mapSemanticRelease: tagFormat', () => {
  it.each([
    [undefined, { kind: 'default', key: 'tag-prefix', value: 'v' }],
    ['v${version}', { kind: 'default', key: 'tag-prefix', value: 'v' }],
    ['${version}', { kind: 'option', key: 'tag-prefix', value: '' }],
    ['release-${version}', { kind: 'option', key: 'tag-prefix', value: 'release-' }],
    ['my-lib@<%= version %>', { kind: 'option', key: 'tag-prefix', value: 'my-lib@' }]
  ])('%s is carried over as %j', (tagFormat, expected) => {
    const draft = mapSemanticRelease(options(tagFormat === undefined ? {} : { tagFormat }))
    expect(draft.settings.find((s) => 'key' in s && s.key === 'tag-prefix')).toMatchObject(expected)
    expect(draft.notCarried).toEqual([])
  })

  it.each([
    ['v${version}-stable', /the version must come last/],
    ['${name}-v${version}', /the rest must be plain text/],
    ['v1.${version}', /^verso does not accept the prefix: .*ends in a dot/]
  ])('%s is not carried over', (tagFormat, why) => {
    const draft = mapSemanticRelease(options({ tagFormat }))
    expect(draft.settings.some((s) => 'key' in s && s.key === 'tag-prefix')).toBe(false)
    expect(draft.notCarried).toEqual([{ option: `tagFormat: ${tagFormat}`, why: expect.stringMatching(why) }])
  })
})

describe('mapSemanticRelease: its own options', () => {
  it('sends a dry run to the workflow and says what needs no setting', () => {
    const draft = mapSemanticRelease(
      options({
        dryRun: true,
        ci: false,
        debug: true,
        repositoryUrl: 'https://github.com/acme/lib.git',
        extends: '@acme/semantic-release-config',
        prepare: []
      })
    )
    expect(draft.workflow).toEqual([
      { name: 'dry-run', value: 'true', from: '.releaserc.json: dryRun (a file cannot hold dry-run; it is decided per run)' }
    ])
    expect(draft.notCarried.map((n) => n.option)).toEqual([
      'ci: false',
      'debug',
      'repositoryUrl',
      'extends (@acme/semantic-release-config)',
      'prepare'
    ])
  })

  it("carries semantic-release's first version and 0.y.z rule over", () => {
    const draft = mapSemanticRelease(options({}))
    expect(draft.settings.filter((s) => s.kind === 'option')).toEqual([
      // semantic-release's default branches have prerelease channels, numbered from .1 there.
      expect.objectContaining({ key: 'prerelease-start', value: '1' }),
      expect.objectContaining({ key: 'initial-version', value: '1.0.0' }),
      expect.objectContaining({ key: 'major-zero-breaking', value: 'major' })
    ])
  })

  it('does not change the options it is given', () => {
    const given = Object.freeze({
      branches: Object.freeze(['main', Object.freeze({ name: 'beta', prerelease: true })]),
      plugins: Object.freeze([])
    })
    expect(() => mapSemanticRelease({ kind: 'options', path: 'p', label: 'p', options: given, manifest: null })).not.toThrow()
  })
})
