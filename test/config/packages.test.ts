import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { packageTagPrefix, routesTo } from '../../src/config/packages.js'
import { VersoError } from '../../src/errors.js'
import { matchesGlob } from 'node:path'

const file = (yaml: string) => parseConfigFile(yaml, '.github/verso.yml')

function problems(yaml: string, given = {}): string[] {
  try {
    resolveConfig(given, file(yaml))
  } catch (error) {
    if (error instanceof VersoError) return error.details as string[]
    throw error
  }
  throw new Error('expected a configuration error')
}

describe('packages in the config file', () => {
  it('each package gets its own configuration: its settings over the top level, its tag prefix from its format', () => {
    const config = resolveConfig(
      { 'tag-prefix': 'rel-' },
      file(
        'release-rules: ["docs: patch"]\npackages:\n  - name: web\n    path: ./packages/web/\n  - name: cli\n    path: tools/cli\n    tag-format: "{prefix}{name}-{version}"\n    scheme: calver\n    calver-format: YYYY.MICRO\n'
      )
    )
    const [web, cli] = config.packages!.list
    expect(web!.spec).toEqual({ name: 'web', path: 'packages/web', paths: [], tagFormat: '{name}@{version}', overrides: {} })
    expect(web!.config.tagPrefix).toBe('web@')
    expect(web!.config.releaseRules.map((r) => r.type)).toContain('docs')
    expect(cli!.config.tagPrefix).toBe('rel-cli-')
    expect(cli!.config.scheme.kind).toBe('calver')
    expect(config.packages!.source).toBe('list')
  })

  it.each([
    ['packages:\n  - path: a\n', "`packages` entry 1 has no `name`: write the package's name, e.g. `name: web`."],
    [
      'packages:\n  - name: a\n',
      '`packages` entry 1 (a) has no `path`: write its folder, e.g. `path: packages/web` (`.` for the root package).'
    ],
    [
      'packages:\n  - name: a\n    path: ../elsewhere\n',
      '`packages` entry 1 (a): `path: ../elsewhere` must be one folder inside the repository, e.g. `packages/web` (globs go in `paths`).'
    ],
    [
      'packages:\n  - name: a\n    path: a\n    tag-format: "{version}-{name}"\n',
      '`packages` entry 1 (a): `tag-format: {version}-{name}` must end with `{version}` (e.g. `{name}@{version}`, `{name}-v{version}`).'
    ],
    [
      'packages:\n  - name: a\n    path: a\n    tag-format: "{pkg}@{version}"\n',
      '`packages` entry 1 (a): `tag-format` knows `{name}`, `{prefix}` and `{version}`, not `{pkg}`.'
    ],
    ['packages:\n  - name: a\n    path: a\n  - name: a\n    path: b\n', 'The package `a` is listed twice: give each package one entry.'],
    [
      'packages:\n  - name: a\n    path: a\n  - name: b\n    path: a/\n',
      'Two packages have the path `a`: a folder belongs to one package.'
    ],
    [
      'packages:\n  - name: a\n    path: a\n    prerelease: "1"\n',
      'package a: `prerelease: 1` must be a SemVer prerelease id: letters, digits and `-`, not only digits (e.g. rc, beta).'
    ],
    [
      'packages:\n  - name: a\n    path: a\n    tag-prefix: x\n',
      expect.stringMatching(/^`packages` entry 1 \(a\): `tag-prefix` cannot be set per package/)
    ],
    ['packages: []\n', expect.stringMatching(/^`packages` is an empty list/)]
  ])('%j is refused with what to write', (yaml, problem) => {
    expect(problems(yaml)).toEqual([problem])
  })

  it('the file reader takes `auto` or a list of mappings only', () => {
    expect(file('packages: auto\n').packages).toBe('auto')
    expect(() => file('packages: some\n')).toThrow(VersoError)
  })

  it('tag prefixes and routing', () => {
    expect(packageTagPrefix({ name: '@acme/core', tagFormat: '{name}@{version}' }, 'v')).toBe('@acme/core@')
    expect(packageTagPrefix({ name: 'web', tagFormat: '{name}/{prefix}{version}' }, 'v')).toBe('web/v')
    const web = { path: 'packages/web', paths: ['shared/**'] }
    expect(routesTo(web, 'packages/web/a.ts', matchesGlob)).toBe(true)
    expect(routesTo(web, 'packages/website/a.ts', matchesGlob)).toBe(false)
    expect(routesTo(web, 'shared/x/y.css', matchesGlob)).toBe(true)
    expect(routesTo({ path: '.', paths: [] }, 'README.md', matchesGlob)).toBe(false)
  })
})
