import { describe, expect, it } from 'vitest'
import { parseConfigFile } from '../src/config-file.js'
import { resolveConfig } from '../src/config.js'
import { VersoError } from '../src/errors.js'

describe('resolveConfig', () => {
  it('has defaults', () => {
    const config = resolveConfig({})
    expect(config).toMatchObject({ tagPrefix: 'v', scheme: { kind: 'semver', majorZeroBreaking: 'minor' }, prerelease: null, bump: 'auto', strict: false, fetchHistory: 'auto' })
    expect(config.scheme.kind === 'semver' && config.scheme.initialVersion.version).toBe('0.1.0')
  })

  it('lists every problem at once', () => {
    let error: unknown
    try {
      resolveConfig({ 'initial-version': 'v1', 'major-zero-breaking': 'sometimes', prerelease: 'rc.1', bump: 'huge', strict: 'yes', 'fetch-history': 'always', 'release-rules': 'docs => patch', 'tag-prefix': 'a b' })
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
    const file = parseConfigFile('tag-prefix: rel-\nstrict: true\nrelease-rules:\n  - "docs: patch"\n  - "refactor: patch"\n', '.github/verso.yml')
    const config = resolveConfig({ 'tag-prefix': '' }, file)
    expect(config.tagPrefix).toBe('')
    expect(config.strict).toBe(true)
    expect(config.releaseRules.map((r) => r.text)).toContain('refactor: patch')
  })

  it('rejects unknown keys in the file and suggests the right one', async () => {
    expect(() => parseConfigFile('tag_prefix: v\ncolour: blue\n', 'f.yml')).toThrow(VersoError)
    expect(() => parseConfigFile('tag_prefix: v\n', 'f.yml')).toThrow(expect.objectContaining({ details: [expect.stringContaining('Did you mean `tag-prefix`?')] }))
  })

  it('reports YAML errors with the file name', async () => {
    expect(() => parseConfigFile('a: [', '.github/verso.yml')).toThrow(/\.github\/verso\.yml is not valid YAML/)
  })
})
