import { describe, expect, it } from 'vitest'
import { ImageConfigError } from '../../../src/image/config-error.js'
import { loadTypes } from '../../../src/image/json-schema/load-types.js'
import type { SchemaFile } from '../../../src/image/json-schema/schema-files.js'
import { jsonFile, release, repo } from '../schemas.js'

function problemsOf(files: SchemaFile[]): string[] {
  try {
    loadTypes(files)
  } catch (error) {
    if (error instanceof ImageConfigError) return error.details
    throw error
  }
  throw new Error('expected an ImageConfigError')
}

describe('loadTypes', () => {
  it('finds every versioned type, with its file, pointer, line and reachables', () => {
    const loaded = loadTypes(repo())
    expect(loaded.types.map((type) => [type.name, type.file, type.pointer, type.tag, type.document, type.refs])).toEqual([
      ['document.Document', 'schemas/document.json', '', '0.2', true, ['document.Section']],
      ['document.Paragraph', 'schemas/paragraph.json', '', '0.3', false, ['document.Section']],
      ['document.Section', 'schemas/document.json', '/$defs/Section', '0.7', false, ['document.Paragraph']],
      ['settings.Device', 'schemas/settings.json', '/definitions/Device', '0.14', false, []],
      ['settings.Settings', 'schemas/settings.json', '', '0.11', true, ['settings.Device']]
    ])
    const section = loaded.types.find((type) => type.name === 'document.Section')
    expect(section?.fingerprint).toMatch(/^j1s-[0-9a-f]{16}$/)
  })

  it('gives the line of each x-release key', () => {
    const files = repo()
    const loaded = loadTypes(files)
    for (const type of loaded.types) {
      const text = files.find((file) => file.path === type.file)?.text ?? ''
      expect(text.split('\n')[(type.line ?? 0) - 1]).toContain('"x-release"')
    }
  })

  it('replaces refs to versioned types by name markers, itself included', () => {
    const section = loadTypes(repo()).types.find((type) => type.name === 'document.Section')
    expect(section?.definition).toEqual({
      type: 'object',
      required: ['heading'],
      properties: {
        heading: { type: 'string', maxLength: 200 },
        paragraphs: { type: 'array', items: { $ref: 'type:document.Paragraph' } },
        subsections: { type: 'array', items: { $ref: 'type:document.Section' } },
        tags: { type: 'array', items: { type: 'string' } }
      }
    })
  })

  it('reads YAML files', () => {
    const yaml = [
      'x-release:',
      '  name: config.Config',
      '  document: true',
      '  history:',
      '    - ["1.0", null, "Initial version"]',
      'type: object',
      'properties:',
      '  port: { type: integer, minimum: 1.0 }',
      ''
    ].join('\n')
    const [config] = loadTypes([{ path: 'config.yaml', text: yaml }]).types
    expect(config?.definition).toEqual({ type: 'object', properties: { port: { type: 'integer', minimum: 1 } } })
    expect(config?.line).toBe(1)
  })

  it('lists unparsable files', () => {
    expect(
      problemsOf([
        { path: 'a.json', text: '{\n  "type": \n}' },
        { path: 'b.yaml', text: 'a: [1' }
      ])
    ).toEqual([expect.stringMatching(/^a\.json(:3)?: not valid JSON: /), expect.stringMatching(/^b\.yaml:1: not valid YAML/)])
  })
})

describe('folding', () => {
  it('inlines same-file helpers without x-release, and guards their cycles', () => {
    const files = [
      jsonFile('tree.json', {
        'x-release': release('tree.Tree', [['0.1', null, 'Initial']], { document: true }),
        type: 'object',
        properties: { root: { $ref: '#/$defs/Node' } },
        $defs: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/Node' } } } } }
      })
    ]
    const [tree] = loadTypes(files).types
    expect(tree?.definition).toEqual({
      type: 'object',
      properties: { root: { type: 'object', properties: { children: { type: 'array', items: { $ref: 'recursive:1' } } } } }
    })
    expect(tree?.refs).toEqual([])
  })

  it('handles a document that refers to itself with $ref "#"', () => {
    const files = [
      jsonFile('list.json', {
        'x-release': release('list.List', [['0.1', null, 'Initial']], { document: true }),
        type: 'object',
        properties: { next: { $ref: '#' } }
      })
    ]
    const [list] = loadTypes(files).types
    expect(list?.definition).toEqual({ type: 'object', properties: { next: { $ref: 'type:list.List' } } })
    expect(list?.refs).toEqual([])
  })

  it('keeps the siblings of a $ref next to the inlined schema', () => {
    const files = [
      jsonFile('a.json', {
        'x-release': release('a.A', [['0.1', null, 'Initial']]),
        properties: { name: { $ref: '#/$defs/Name', maxLength: 10, description: 'dropped' } },
        $defs: { Name: { type: 'string' } }
      })
    ]
    expect(loadTypes(files).types[0]?.definition).toEqual({ properties: { name: { maxLength: 10, $ref: { type: 'string' } } } })
  })

  it('treats a property named like a keyword as a schema, and keyword data as data', () => {
    const files = [
      jsonFile('a.json', {
        'x-release': release('a.A', [['0.1', null, 'Initial']]),
        properties: { default: { $ref: '#/$defs/B' }, enum: { type: 'string' } },
        default: { $ref: 'not-a-ref.json' },
        $defs: { B: { 'x-release': release('a.B', [['0.1', null, 'Initial']]), type: 'number' } }
      })
    ]
    const a = loadTypes(files).types.find((type) => type.name === 'a.A')
    expect(a?.refs).toEqual(['a.B'])
    expect(a?.definition).toEqual({
      properties: { default: { $ref: 'type:a.B' }, enum: { type: 'string' } },
      default: { $ref: 'not-a-ref.json' }
    })
  })

  it('rejects a cross-file ref into a file with no x-release on the path, naming both files', () => {
    const files = [
      jsonFile('a.json', { 'x-release': release('a.A', [['0.1', null, 'Initial']]), properties: { b: { $ref: 'common.json#/$defs/B' } } }),
      jsonFile('common.json', { $defs: { B: { type: 'string' } } })
    ]
    expect(problemsOf(files)).toEqual([
      expect.stringMatching(/^a\.json at #\/properties\/b\/\$ref: unversioned reachable: .*common\.json#\/\$defs\/B/)
    ])
  })

  it('allows a cross-file ref to an unversioned helper in a versioned file', () => {
    const files = [
      jsonFile('a.json', { 'x-release': release('a.A', [['0.1', null, 'Initial']]), properties: { b: { $ref: 'b.json#/$defs/Helper' } } }),
      jsonFile('b.json', { 'x-release': release('b.B', [['0.1', null, 'Initial']]), $defs: { Helper: { type: 'string' } } })
    ]
    expect(loadTypes(files).types[0]?.definition).toEqual({ properties: { b: { type: 'string' } } })
  })

  it('reports every ref that resolves nowhere, naming file and pointer', () => {
    const files = [
      jsonFile('a.json', {
        'x-release': release('a.A', [['0.1', null, 'Initial']]),
        properties: { b: { $ref: 'missing.json' }, c: { $ref: '#/$defs/Nope' }, d: { $ref: '#nowhere' } }
      })
    ]
    expect(problemsOf(files)).toEqual([
      'a.json at #/properties/b/$ref: $ref "missing.json" resolves nowhere: nothing is at missing.json (no schema file has that path and no `$id` that URI).',
      'a.json at #/properties/c/$ref: $ref "#/$defs/Nope" resolves nowhere: a.json has nothing at #/$defs/Nope.',
      'a.json at #/properties/d/$ref: $ref "#nowhere" resolves nowhere: a.json has no anchor "nowhere".'
    ])
  })

  it('rejects x-release in a place that is not a schema resource', () => {
    const files = [jsonFile('a.json', { properties: { b: { 'x-release': release('a.B', [['0.1', null, 'Initial']]) } } })]
    expect(problemsOf(files)).toEqual([
      expect.stringContaining('a.json:4 at #/properties/b/x-release: x-release is read only on a file root')
    ])
  })

  it('accepts x-release on a nested schema with its own $id, and cuts it out of its parent', () => {
    const files = [
      jsonFile('a.json', {
        'x-release': release('a.A', [['0.1', null, 'Initial']], { document: true }),
        properties: { b: { $id: 'b-inline', 'x-release': release('a.B', [['0.1', null, 'Initial']]), type: 'string' } }
      })
    ]
    const loaded = loadTypes(files)
    expect(loaded.types.map((type) => [type.name, type.definition])).toEqual([
      ['a.A', { properties: { b: { $ref: 'type:a.B' } } }],
      ['a.B', { type: 'string' }]
    ])
  })
})
