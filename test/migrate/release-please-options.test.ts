import { describe, expect, it } from 'vitest'
import { notCarriedOptions, NOT_CARRIED_OPTIONS, packageSettings, versionFiles } from '../../src/migrate/release-please-options.js'

const reader = (files: Readonly<Record<string, string>>) => async (path: string) => files[path] ?? null

describe('packageSettings', () => {
  it.each([
    [{}, 'major', false],
    [{ 'bump-minor-pre-major': false }, 'major', false],
    [{ 'bump-minor-pre-major': true }, 'minor', true]
  ])('%j: major-zero-breaking %s', (options, value, isDefault) => {
    const { settings } = packageSettings(options, 'rp.json')
    expect(settings.find((s) => s.key === 'major-zero-breaking')).toMatchObject({ value, isDefault })
  })

  it("carries release-please's defaults: first release 1.0.0 and CHANGELOG.md", () => {
    expect(packageSettings({}, 'rp.json').settings.map((s) => [s.key, s.value])).toEqual([
      ['major-zero-breaking', 'major'],
      ['initial-version', '1.0.0'],
      ['changelog-file', 'CHANGELOG.md']
    ])
  })

  it('turns visible changelog sections into patch rules, and says hidden release types stay', () => {
    const { settings, notCarried } = packageSettings(
      {
        'changelog-sections': [
          { type: 'feat', section: 'Features', hidden: true },
          { type: 'deps', section: 'Dependencies' },
          { type: 'docs', section: 'Documentation', hidden: false },
          { type: 'chore', section: 'Chores', hidden: true }
        ]
      },
      'rp.json'
    )
    expect(settings.find((s) => s.key === 'release-rules')).toMatchObject({ value: ['deps: patch', 'docs: patch'] })
    expect(notCarried.map((n) => n.option)).toEqual(['changelog-sections: feat (hidden)', 'changelog-sections (headings)'])
  })
})

describe('versionFiles', () => {
  it.each([
    [{}, 'packages/a', {}, ['packages/a/package.json']],
    [{ 'release-type': 'node' }, '.', {}, ['package.json']],
    [{ 'release-type': 'simple' }, '.', {}, ['version.txt:/^(.*)$/']],
    [{ 'release-type': 'simple', 'version-file': 'VERSION' }, 'tools', {}, ['tools/VERSION:/^(.*)$/']],
    [{ 'release-type': 'go' }, '.', {}, []],
    [{ 'release-type': 'python' }, '.', { 'pyproject.toml': '[project]\nversion = "1.2.0"\n' }, ['pyproject.toml:/^version = "([^"]+)"/']],
    [{ 'release-type': 'python' }, 'py', { 'py/setup.py': 'setup(version="1.2.0")' }, ['py/setup.py:/version="([^"]+)"/']],
    [
      { 'release-type': 'rust' },
      'crates/x',
      { 'crates/x/Cargo.toml': '[package]\nname = "x"\nversion = "0.3.0"\n' },
      ['crates/x/Cargo.toml:/^version = "([^"]+)"/']
    ],
    [
      {
        'extra-files': [
          { type: 'json', path: 'manifest.json', jsonpath: '$.version' },
          { type: 'json', path: '/app.json', jsonpath: '$.expo.version' }
        ]
      },
      'web',
      {},
      ['web/package.json', 'web/manifest.json:$.version', 'app.json:$.expo.version']
    ]
  ])('%j in %s writes %j', async (options, path, files, items) => {
    expect((await versionFiles(options, path, reader(files))).items).toEqual(items)
  })

  it.each([
    [{ 'release-type': 'maven' }, 'release-type: maven'],
    [{ 'release-type': 'python' }, 'release-type: python'],
    [{ 'release-type': 'rust' }, 'release-type: rust'],
    [{ 'release-type': 'go', 'extra-files': ['README.md'] }, 'extra-files: README.md'],
    [{ 'release-type': 'go', 'extra-files': [{ type: 'yaml', path: 'chart.yaml', jsonpath: '$.version' }] }, 'extra-files: chart.yaml']
  ])('%j is not carried over', async (options, option) => {
    const { notCarried } = await versionFiles(options, '.', reader({}))
    expect(notCarried.map((n) => n.option)).toEqual([option])
  })

  it('names the files it read', async () => {
    const result = await versionFiles({ 'release-type': 'python' }, '.', reader({ 'setup.cfg': '[metadata]\nversion = 1.0\n' }))
    expect(result.read).toEqual(['setup.cfg'])
    expect(result.items).toEqual(['setup.cfg:/^version = (\\S+)/'])
  })
})

describe('notCarriedOptions', () => {
  it('reads only what verso has no equivalent for', () => {
    expect(
      notCarriedOptions({ 'release-type': 'node', versioning: 'default', 'bump-patch-for-minor-pre-major': false, packages: {} }, '')
    ).toEqual([])
    expect(notCarriedOptions({ 'bump-patch-for-minor-pre-major': true, label: 'x' }, 'packages/a').map((n) => n.option)).toEqual([
      'bump-patch-for-minor-pre-major (packages/a)',
      'label (packages/a)'
    ])
  })

  it('gives every option of its table a reason', () => {
    for (const why of Object.values(NOT_CARRIED_OPTIONS)) expect(why).toMatch(/^\S.*\.$/)
  })
})
