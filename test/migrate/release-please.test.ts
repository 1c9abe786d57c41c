import { describe, expect, it } from 'vitest'
import { migrateReleasePlease } from '../../src/migrate/release-please.js'

const reader = (files: Readonly<Record<string, string>>) => async (path: string) => files[path] ?? null

async function run(config: unknown, files: Record<string, string> = {}, manifest?: unknown) {
  const all: Record<string, string> = { 'release-please-config.json': JSON.stringify(config), ...files }
  if (manifest !== undefined) all['.release-please-manifest.json'] = JSON.stringify(manifest)
  const result = await migrateReleasePlease(reader(all))
  return result!.draft
}

describe('migrateReleasePlease', () => {
  it('finds nothing without its files', async () => {
    expect(await migrateReleasePlease(reader({}))).toBeNull()
  })

  // release-please's tag: `<component><separator>v<version>`, the component and the `v` optional.
  it.each([
    [{ 'package-name': 'lib' }, 'lib-v', '{name}-v{version}'],
    [{ 'package-name': 'lib', 'include-v-in-tag': false }, 'lib-', '{name}-{version}'],
    [{ 'package-name': 'lib', 'tag-separator': '/' }, 'lib/v', '{name}/v{version}'],
    [{ 'package-name': 'lib', 'include-component-in-tag': false }, 'v', 'v{version}'],
    [{ 'package-name': 'lib', component: 'api' }, 'api-v', 'api-v{version}'],
    [{ 'package-name': '@acme/lib' }, 'lib-v', 'lib-v{version}'],
    [{ 'package-name': '@acme/lib', 'release-type': 'simple' }, '@acme/lib-v', '{name}-v{version}'],
    [{ 'release-type': 'simple' }, 'v', 'v{version}']
  ])('tags %j as %s', async (own, prefix, format) => {
    const single = await run({ packages: { '.': own } })
    const tag = single.settings.find((s) => (s.kind === 'option' || s.kind === 'default') && s.key === 'tag-prefix')
    expect(tag).toMatchObject({ value: prefix })
    const several = await run({ packages: { 'packages/a': own, 'packages/b': { 'package-name': 'other' } } })
    const packages = several.settings.find((s) => s.kind === 'packages')
    expect(packages).toMatchObject({
      entries: [
        { path: 'packages/a', tagFormat: format },
        { path: 'packages/b', tagFormat: '{name}-v{version}' }
      ]
    })
  })

  it('names a node package from its package.json, and a package without a name by its folder', async () => {
    const draft = await run(
      { packages: { 'packages/a': {}, 'packages/b': { 'release-type': 'go' } } },
      { 'packages/a/package.json': '{ "name": "@acme/a" }' }
    )
    expect(draft.settings.find((s) => s.kind === 'packages')).toMatchObject({
      entries: [
        { name: '@acme/a', tagFormat: 'a-v{version}' },
        { name: 'b', tagFormat: 'v{version}' }
      ]
    })
  })

  it('writes a package setting only where it differs from the top level, and undoes one the package turns off', async () => {
    const draft = await run({
      draft: true,
      'changelog-sections': [
        { type: 'feat', section: 'Features' },
        { type: 'docs', section: 'Docs' }
      ],
      packages: {
        'packages/a': { 'package-name': 'a' },
        'packages/b': {
          'package-name': 'b',
          draft: false,
          'changelog-sections': [{ type: 'fix', section: 'Fixes' }],
          'skip-changelog': true
        },
        'packages/c': { 'package-name': 'c', 'initial-version': '0.1.0', 'bump-minor-pre-major': true }
      }
    })
    expect(draft.settings.find((s) => s.kind === 'packages')).toMatchObject({
      entries: [
        { name: 'a', settings: [] },
        {
          name: 'b',
          settings: [
            { key: 'changelog-file', value: '' },
            { key: 'draft', value: 'false' },
            { key: 'release-rules', value: [] }
          ]
        },
        {
          name: 'c',
          settings: [
            { key: 'major-zero-breaking', value: 'minor' },
            { key: 'initial-version', value: '0.1.0' }
          ]
        }
      ]
    })
    expect(draft.settings.filter((s) => s.kind === 'option').map((s) => s.kind === 'option' && [s.key, s.value])).toEqual([
      ['major-zero-breaking', 'major'],
      ['initial-version', '1.0.0'],
      ['changelog-file', 'CHANGELOG.md'],
      ['draft', 'true'],
      ['release-rules', ['docs: patch']],
      ['version-files', ['packages/a/package.json', 'packages/b/package.json', 'packages/c/package.json']]
    ])
    expect(draft.notCarried.map((n) => n.option)).toEqual(['changelog-sections (headings)', 'changelog-sections (headings) (packages/b)'])
  })

  it('reads the packages of a manifest that has no configuration beside it', async () => {
    const result = await migrateReleasePlease(
      reader({
        '.release-please-manifest.json': '{ "packages/a": "1.0.0", "packages/b": "2.1.0" }',
        'packages/a/package.json': '{ "name": "a" }',
        'packages/b/package.json': '{ "name": "b" }'
      })
    )
    expect(result!.from).toEqual(['.release-please-manifest.json', 'packages/a/package.json', 'packages/b/package.json'])
    expect(result!.draft.notes[0]).toMatch(/^There is no release-please-config.json: release-please took its settings from the workflow/)
    expect(result!.draft.settings.find((s) => s.kind === 'packages')).toMatchObject({
      entries: [
        { name: 'a', tagFormat: '{name}-v{version}' },
        { name: 'b', tagFormat: '{name}-v{version}' }
      ]
    })
  })

  it('says which tags to look for, and what the manifest lists beyond the packages', async () => {
    const draft = await run(
      { packages: { 'packages/a': { 'package-name': 'a' } } },
      {},
      { 'packages/a': '0.2.0', 'packages/gone': '1.0.0' }
    )
    expect(draft.notes).toContain(
      '.release-please-manifest.json lists packages/gone, which is not a package of the configuration: it is not carried over.'
    )
    expect(draft.notes).toContainEqual(expect.stringContaining('Check that this tag exists on the release branch'))
    expect(draft.notes).toContainEqual(expect.stringContaining(': a-v0.2.0.'))
  })

  it('says when there is no manifest where the tags come from', async () => {
    const draft = await run({ packages: { '.': { 'release-type': 'simple' } } })
    expect(draft.notes).toContain(
      "There is no .release-please-manifest.json: verso finds each package's last release from its tags (v<version>)."
    )
  })

  it('carries linked-versions over as linked, and lists the plugins it cannot', async () => {
    const draft = await run({
      'release-type': 'simple',
      plugins: [{ type: 'linked-versions', groupName: 'g', components: ['a', 'b', 'zzz'] }, 'cargo-workspace', { type: 'sentence-case' }],
      packages: { 'packages/a': { component: 'a' }, 'packages/b': { component: 'b' } }
    })
    expect(draft.settings.find((s) => s.kind === 'linked')).toMatchObject({ groups: [['a', 'b']] })
    expect(draft.notCarried).toEqual([
      { option: 'linked-versions: zzz', why: 'no package has this component.' },
      { option: 'plugins: cargo-workspace', why: "verso follows dependencies between npm workspaces' package.json only." },
      { option: 'plugins: sentence-case', why: expect.stringMatching(/^verso has no plugins/) }
    ])
  })

  it('lists the options it cannot carry, at the top level and per package', async () => {
    const draft = await run({
      'release-type': 'simple',
      'bootstrap-sha': 'abc',
      'pull-request-title-pattern': 'chore: release ${version}',
      packages: {
        '.': { 'release-as': '2.0.0', versioning: 'always-bump-patch', prerelease: true, 'exclude-paths': ['docs'], colour: 'blue' }
      }
    })
    expect(draft.notCarried.map((n) => n.option)).toEqual([
      'bootstrap-sha',
      'pull-request-title-pattern',
      'release-as (.)',
      'versioning: always-bump-patch (.)',
      'prerelease (.)',
      'exclude-paths (.)',
      'colour (.)'
    ])
  })

  it('says why a file it cannot parse is not carried over', async () => {
    const result = await migrateReleasePlease(reader({ 'release-please-config.json': '{ "packages": ' }))
    expect(result!.draft.notCarried).toEqual([
      { option: 'release-please-config.json', why: expect.stringMatching(/^release-please-config.json is not valid JSON: /) }
    ])
    expect(result!.draft.settings).toEqual([])
  })

  it('says when there are no packages', async () => {
    expect((await run({ 'release-type': 'node' })).notCarried).toEqual([
      { option: 'packages', why: 'release-please-config.json lists no packages, so there is nothing to version.' }
    ])
  })

  it('does not carry over two packages verso could not tell apart by their tags', async () => {
    const draft = await run({
      'release-type': 'simple',
      'include-component-in-tag': false,
      packages: { 'packages/a': {}, 'packages/b': {} }
    })
    expect(draft.notes).toContainEqual(expect.stringMatching(/^verso does not accept the packages together: .*both tag `v<version>`/))
  })
})
