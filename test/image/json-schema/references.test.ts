import { describe, expect, it } from 'vitest'
import { loadTypes } from '../../../src/image/json-schema/load-types.js'
import { indexSchemas, resolveRef, type ParsedSchemaFile } from '../../../src/image/json-schema/schema-index.js'
import { jsonFile, release } from '../schemas.js'

const A = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://example.com/schemas/a.json',
  $anchor: 'root',
  'x-release': release('a.A', [['0.1', null, 'Initial']]),
  type: 'string'
}

describe('$ref resolution', () => {
  it('treats ./a.json, a.json#, the absolute $id and an anchor as one node', () => {
    const files = [
      jsonFile('schemas/a.json', A),
      jsonFile('schemas/b.json', {
        'x-release': release('b.B', [['0.1', null, 'Initial']], { document: true }),
        type: 'object',
        properties: {
          relative: { $ref: './a.json' },
          emptyFragment: { $ref: 'a.json#' },
          absolute: { $ref: 'https://example.com/schemas/a.json' },
          anchorViaId: { $ref: 'https://example.com/schemas/a.json#root' },
          anchorViaPath: { $ref: 'a.json#root' },
          upAndDown: { $ref: '../schemas/a.json' }
        }
      })
    ]
    const b = loadTypes(files).types.find((type) => type.name === 'b.B')
    expect(b?.refs).toEqual(['a.A'])
    expect(Object.values((b?.definition as { properties: Record<string, unknown> }).properties)).toEqual(
      Array(6).fill({ $ref: 'type:a.A' })
    )
  })

  it('resolves pointers with ~0, ~1 and %-escapes, inside nested $id resources too', () => {
    const root = {
      $defs: {
        'a/b': { type: 'string' },
        'c~d': { type: 'number' },
        'e f': { type: 'boolean' },
        é: { type: 'null' },
        nested: { $id: 'https://example.com/nested.json', $defs: { inner: { type: 'integer' } } }
      }
    }
    const files: ParsedSchemaFile[] = [{ path: 'x.json', text: JSON.stringify(root), root }]
    const index = indexSchemas(files, [])
    const at = { file: 'x.json', pointer: '' }
    const resolve = (ref: string): string => {
      const result = resolveRef(index, at, ref)
      return result.kind === 'found' ? result.location.pointer : result.reason
    }
    expect(resolve('#/$defs/a~1b')).toBe('/$defs/a~1b')
    expect(resolve('#/$defs/c~0d')).toBe('/$defs/c~0d')
    expect(resolve('#/$defs/e%20f')).toBe('/$defs/e f')
    expect(resolve('#/$defs/%C3%A9')).toBe('/$defs/é')
    expect(resolve('https://example.com/nested.json#/$defs/inner')).toBe('/$defs/nested/$defs/inner')
    expect(resolve('#/$defs/missing')).toBe('x.json has nothing at #/$defs/missing')
  })

  it('resolves relative refs against a nested $id, and draft-07 "#name" ids as anchors', () => {
    const files = [
      jsonFile('schemas/main.json', {
        $schema: 'http://json-schema.org/draft-07/schema#',
        'x-release': release('m.Main', [['0.1', null, 'Initial']], { document: true }),
        properties: { item: { $ref: '#item' }, other: { $ref: 'https://example.com/deep/one.json' } },
        definitions: {
          item: { $id: '#item', 'x-release': release('m.Item', [['0.1', null, 'Initial']]), type: 'string' },
          deep: { $id: 'https://example.com/deep/one.json', properties: { two: { $ref: 'two.json' } } },
          two: { $id: 'https://example.com/deep/two.json', type: 'number' }
        }
      })
    ]
    const main = loadTypes(files).types.find((type) => type.name === 'm.Main')
    expect(main?.definition).toEqual({ properties: { item: { $ref: 'type:m.Item' }, other: { properties: { two: { type: 'number' } } } } })
  })

  it('explains a relative ref that misses because an $id moved the base', () => {
    const files = [
      jsonFile('schemas/a.json', { ...A, properties: { b: { $ref: 'b.json' } } }),
      jsonFile('schemas/b.json', { 'x-release': release('b.B', [['0.1', null, 'Initial']]) })
    ]
    expect(() => loadTypes(files)).toThrow(
      expect.objectContaining({
        details: [expect.stringContaining('relative refs resolve against the `$id` https://example.com/schemas/a.json')]
      })
    )
  })
})
