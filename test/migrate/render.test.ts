import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseConfigFile } from '../../src/config/file.js'
import { emptyDraft } from '../../src/migrate/draft.js'
import { renderConfig, renderWorkflow, yamlScalar } from '../../src/migrate/render.js'

describe('yamlScalar', () => {
  it.each([
    ['main', 'main'],
    ['release-', 'release-'],
    ['packages/core', 'packages/core'],
    ['.', '.'],
    ['1.0.0', '1.0.0'],
    ['true', 'true'],
    ['1.x', '"1.x"'],
    ['1.0', '"1.0"'],
    ['.5', '".5"'],
    ['*.x', '"*.x"'],
    ['release/*', '"release/*"'],
    ['@acme/core', '"@acme/core"'],
    ['{name}-v{version}', '"{name}-v{version}"'],
    ['docs(readme): patch', '"docs(readme): patch"'],
    ['no', '"no"'],
    ['null', '"null"'],
    ['a "quoted" word', '"a \\"quoted\\" word"'],
    ['', '""']
  ])('%j is written %s and reads back as itself', (text, written) => {
    expect(yamlScalar(text)).toBe(written)
    expect(parse(`key: ${written}`, { schema: 'failsafe' })).toEqual({ key: text })
  })
})

describe('renderConfig', () => {
  it('writes each setting under its comment, and defaults as comments only', () => {
    const draft = emptyDraft()
    draft.settings.push(
      { kind: 'default', key: 'tag-prefix', value: 'v', from: 'From a: tagFormat.' },
      { kind: 'option', key: 'tag-prefix', value: '', from: 'empty' },
      { kind: 'option', key: 'release-rules', value: ['docs: patch'], from: 'rules\nsecond line' },
      { kind: 'option', key: 'version-files', value: [], from: 'none' },
      {
        kind: 'branches',
        entries: [
          { name: 'main', range: null, prerelease: null, from: null },
          { name: '1.x', range: '1.x', prerelease: null, from: 'kept' }
        ],
        from: 'b'
      },
      {
        kind: 'packages',
        entries: [
          {
            name: 'web',
            path: 'packages/web',
            tagFormat: '{name}-v{version}',
            settings: [
              { key: 'draft', value: 'true' },
              { key: 'release-rules', value: [] }
            ],
            from: null
          }
        ],
        from: 'p'
      },
      { kind: 'linked', groups: [['web', '@acme/core']], from: 'l' }
    )
    const text = renderConfig(draft, ['header'])
    expect(text).toBe(`# header

# From a: tagFormat.
# tag-prefix: v is verso's default: nothing to write.

# empty
tag-prefix: ''

# rules
# second line
release-rules:
  - "docs: patch"

# none
version-files: []

# b
branches:
  - main
  - name: "1.x" # kept
    range: "1.x"

# p
packages:
  - name: web
    path: packages/web
    tag-format: "{name}-v{version}"
    draft: true
    release-rules: []

# l
linked:
  - [web, "@acme/core"]
`)
    expect(parseConfigFile(text, 'x.yml')).toEqual({
      'tag-prefix': '',
      'release-rules': ['docs: patch'],
      'version-files': [],
      branches: ['main', { name: '1.x', range: '1.x' }],
      packages: [{ name: 'web', path: 'packages/web', 'tag-format': '{name}-v{version}', draft: 'true', 'release-rules': [] }],
      linked: [['web', '@acme/core']]
    })
  })

  it('writes nothing for nothing', () => {
    expect(renderConfig(emptyDraft(), [])).toBe('')
  })
})

describe('renderWorkflow', () => {
  it('puts the inputs under `with:`, each with where it came from', () => {
    const text = renderWorkflow([{ name: 'dry-run', value: 'true', from: '.releaserc: dryRun' }], ['main', 'release/*'])
    expect(text).toContain('#   on: push: branches: [main, "release/*"]\n')
    expect(parse(text)).toEqual([{ uses: 'actions/checkout@v4' }, { id: 'verso', uses: 'OWNER/verso@v1', with: { 'dry-run': true } }])
  })

  it('leaves github-token out: the default token releases', () => {
    const text = renderWorkflow([], null)
    expect(parse(text)).toEqual([{ uses: 'actions/checkout@v4' }, { id: 'verso', uses: 'OWNER/verso@v1' }])
    expect(text).toContain('# github-token stays the default')
    expect(text).toContain('#   on: push: branches: [main]            # the default branch releases\n')
  })
})
