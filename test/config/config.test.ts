import { describe, expect, it } from 'vitest'
import { parseConfigFile } from '../../src/config/file.js'
import { resolveConfig } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'

describe('resolveConfig', () => {
  it('has defaults', () => {
    const config = resolveConfig({})
    expect(config).toMatchObject({
      tagPrefix: 'v',
      scheme: { kind: 'semver', majorZeroBreaking: 'minor' },
      prerelease: null,
      bump: 'auto',
      strict: false,
      fetchHistory: 'auto'
    })
    expect(config.scheme.kind === 'semver' && config.scheme.initialVersion.version).toBe('0.1.0')
  })

  it('lists every problem at once', () => {
    let error: unknown
    try {
      resolveConfig({
        'initial-version': 'v1',
        'major-zero-breaking': 'sometimes',
        prerelease: 'rc.1',
        bump: 'huge',
        strict: 'yes',
        'fetch-history': 'always',
        'release-rules': 'docs => patch',
        'tag-prefix': 'a b'
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(VersoError)
    const details = (error as VersoError).details
    expect(details).toHaveLength(8)
    expect(details.join('\n')).toMatch(/initial-version: v1/)
    expect(details.join('\n')).toMatch(/release-rules line 1/)
  })

  it('lets explicit options override the file', async () => {
    const file = parseConfigFile(
      'tag-prefix: rel-\nstrict: true\nrelease-rules:\n  - "docs: patch"\n  - "refactor: patch"\n',
      '.github/verso.yml'
    )
    const config = resolveConfig({ 'tag-prefix': '' }, file)
    expect(config.tagPrefix).toBe('')
    expect(config.strict).toBe(true)
    expect(config.releaseRules.map((r) => r.text)).toContain('refactor: patch')
  })

  it('rejects unknown keys in the file and suggests the right one', async () => {
    expect(() => parseConfigFile('tag_prefix: v\ncolour: blue\n', 'f.yml')).toThrow(VersoError)
    expect(() => parseConfigFile('tag_prefix: v\n', 'f.yml')).toThrow(
      expect.objectContaining({ details: [expect.stringContaining('Did you mean `tag-prefix`?')] })
    )
  })

  it('reports YAML errors with the file name', async () => {
    expect(() => parseConfigFile('a: [', '.github/verso.yml')).toThrow(/\.github\/verso\.yml is not valid YAML/)
  })
})

describe('config file and values, read as written', () => {
  it('keeps scalars as text: 1.0 is not 1, an empty value is empty', () => {
    expect(parseConfigFile('initial-version: 1.0\ntag-prefix:\n', 'f.yml')).toEqual({ 'initial-version': '1.0', 'tag-prefix': '' })
  })

  it('refuses YAML null rather than reading it as a value named "null"', () => {
    expect(() => parseConfigFile('prerelease: null\n', 'f.yml')).toThrow(
      expect.objectContaining({ details: [expect.stringContaining("for no value write `prerelease: ''`")] })
    )
  })

  it('refuses keys decided per run or by where the file is', () => {
    for (const key of ['bump: major', 'dry-run: true', 'working-directory: sub', 'config-file: x.yml']) {
      expect(() => parseConfigFile(`${key}\n`, 'f.yml'), key).toThrow(VersoError)
    }
  })

  it('suggests the option a small typo meant', () => {
    expect(() => parseConfigFile('tag-prefx: v\n', 'f.yml')).toThrow(
      expect.objectContaining({ details: [expect.stringContaining('Did you mean `tag-prefix`?')] })
    )
  })

  it('initial-version is a release version', () => {
    expect(() => resolveConfig({ 'initial-version': '1.0.0-rc.0' })).toThrow(VersoError)
    expect(() => resolveConfig({ 'initial-version': '1.0.0+build' })).toThrow(VersoError)
  })

  it('release rules refuse types a header cannot have and wildcard scopes', () => {
    const problems = (rules: string) => {
      try {
        resolveConfig({ 'release-rules': rules })
        return ''
      } catch (error) {
        return (error as VersoError).details.join('\n')
      }
    }
    expect(problems('sec-fix: patch')).toContain('a type is letters, digits and `_`')
    expect(problems('feat(*): none')).toContain('A scope is matched exactly')
  })

  it('lists split on commas outside braces; a workflow path becomes its file name', () => {
    const config = resolveConfig({
      'release-branches': 'main, release/{1,2}.x',
      'dispatch-workflows': '.github/workflows/deploy.yml\nci.yml'
    })
    expect(config.release.policy).toEqual({
      kind: 'rules',
      from: 'short-forms',
      withDefaultBranch: false,
      rules: [
        { pattern: 'main', range: null, prerelease: null },
        { pattern: 'release/{1,2}.x', range: null, prerelease: null }
      ]
    })
    expect(config.release.dispatch).toEqual(['deploy.yml', 'ci.yml'])
  })
})

describe('tag-prefix', () => {
  it.each(['1.0', 'v1', 'release.', 'x9'])('%j runs into the version, so it is refused with what to write', (prefix) => {
    let details: readonly string[] = []
    try {
      resolveConfig({ 'tag-prefix': prefix })
    } catch (error) {
      details = (error as { details: readonly string[] }).details
    }
    expect(details).toEqual([expect.stringMatching(/ends in (a digit|a dot), so no version could be told from it .*tag-prefix: ''/)])
  })

  it.each(['v', 'release-', 'pkg/', 'a_', ''])('%j is a prefix', (prefix) => {
    expect(resolveConfig({ 'tag-prefix': prefix }).tagPrefix).toBe(prefix)
  })
})

describe('resolveConfig: publishing', () => {
  it('publishes nowhere by default', () => {
    expect(resolveConfig({}).publish).toEqual({ to: 'none', registry: null, provenance: false })
  })

  it('reads publish, registry and provenance, the registry ending in /', () => {
    expect(resolveConfig({ publish: 'npm', registry: 'https://npm.pkg.github.com', provenance: 'true' }).publish).toEqual({
      to: 'npm',
      registry: 'https://npm.pkg.github.com/',
      provenance: true
    })
  })

  it.each([
    [{ publish: 'yarn' }, '`publish: yarn` must be one of: none, npm.'],
    [{ registry: 'npm.example.com' }, "`registry: npm.example.com` must be a registry's address, such as `https://registry.npmjs.org/`."],
    [
      { registry: 'ftp://npm.example.com/' },
      "`registry: ftp://npm.example.com/` must be a registry's address, such as `https://registry.npmjs.org/`."
    ],
    [{ provenance: 'yes' }, '`provenance: yes` must be true or false.']
  ])('%o is refused', (given, problem) => {
    expect(() => resolveConfig(given)).toThrow(expect.objectContaining({ details: [problem] }))
  })

  it('a registry with credentials in it is refused without quoting them', () => {
    const attempt = () => resolveConfig({ registry: 'https://me:npm_secret0123456789@npm.example.com/' })
    expect(attempt).toThrow(
      expect.objectContaining({
        details: ['`registry` has credentials in its address: give the address alone, and the token as NODE_AUTH_TOKEN.']
      })
    )
  })

  it("publish may be set per package, and the registry is the top level's", () => {
    const file = parseConfigFile(
      'registry: https://npm.example.com/\npublish: npm\npackages:\n  - name: web\n    path: web\n  - name: docs\n    path: docs\n    publish: none\n',
      '.github/verso.yml'
    )
    const config = resolveConfig({}, file)
    expect(config.packages!.list.map((p) => [p.spec.name, p.config.publish])).toEqual([
      ['web', { to: 'npm', registry: 'https://npm.example.com/', provenance: false }],
      ['docs', { to: 'none', registry: 'https://npm.example.com/', provenance: false }]
    ])
  })
})

describe('commit-via', () => {
  it('is git unless set, and api from an input or the config file', () => {
    expect(resolveConfig({}).release.commitVia).toBe('git')
    expect(resolveConfig({ 'commit-via': 'api' }).release.commitVia).toBe('api')
    expect(resolveConfig({}, parseConfigFile('commit-via: api\n', '.github/verso.yml')).release.commitVia).toBe('api')
  })

  it('is refused when it is neither', () => {
    expect(() => resolveConfig({ 'commit-via': 'rest' })).toThrow(
      expect.objectContaining({ details: ['`commit-via: rest` must be one of: git, api.'] })
    )
  })
})
