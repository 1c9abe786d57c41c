import { describe, expect, it } from 'vitest'
import type { ConfigProblem } from '../../../src/image/config-error.js'
import { parseSchemaFiles, type SchemaFile } from '../../../src/image/json-schema/schema-files.js'
import { indexSchemas, locationKey } from '../../../src/image/json-schema/schema-index.js'
import {
  DEFAULT_ANNOTATIONS,
  foldDefinition,
  RECURSIVE_REF_PREFIX,
  type FoldContext,
  type FoldedDefinition
} from '../../../src/image/json-schema/type-definition.js'
import { TYPE_REF_PREFIX } from '../../../src/image/versioned-type.js'
import { jsonFile } from '../schemas.js'

type Options = {
  /** `file#pointer` of each versioned type → its name. */
  readonly types?: Record<string, string>
  readonly annotations?: readonly string[]
  readonly problems?: ConfigProblem[]
}

function contextFor(files: SchemaFile[], options: Options = {}): FoldContext {
  const problems = options.problems ?? []
  const index = indexSchemas(parseSchemaFiles(files, problems), problems)
  expect(problems).toEqual([])
  const types = new Map(Object.entries(options.types ?? {}))
  return {
    index,
    typeAt: (location) => types.get(locationKey(location)),
    annotations: new Set(options.annotations ?? DEFAULT_ANNOTATIONS),
    problems
  }
}

/** The folded definition of the schema at `file#pointer` (the file root by default). */
function fold(
  files: SchemaFile[],
  options: Options = {},
  file = files[0]!.path,
  pointer = ''
): FoldedDefinition & { problems: ConfigProblem[] } {
  const context = contextFor(files, options)
  return { ...foldDefinition(context, { file, pointer }), problems: context.problems }
}

const A = 'schemas/a.json'
const B = 'schemas/b.json'

describe('the exported constants', () => {
  it('drops titles, descriptions, comments and examples by default', () => {
    expect(DEFAULT_ANNOTATIONS).toEqual(['title', 'description', '$comment', 'examples'])
  })

  it('names the markers folding writes for recursion and for versioned types', () => {
    expect(RECURSIVE_REF_PREFIX).toBe('recursive:')
    expect(TYPE_REF_PREFIX).toBe('type:')
  })
})

describe('foldDefinition: what is dropped and what is kept', () => {
  it('drops identifiers, definitions, the x-release block and annotations; keeps default and data keywords', () => {
    const { definition, refs, problems } = fold([
      jsonFile(A, {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://example.com/a.json',
        $anchor: 'top',
        $dynamicAnchor: 'meta',
        $vocabulary: { 'https://json-schema.org/draft/2020-12/vocab/core': true },
        'x-release': { name: 'a.A', history: [['0.1', null, 'x']] },
        title: 'A',
        description: 'An A',
        $comment: 'internal',
        examples: [{ id: 'x' }],
        type: 'object',
        default: { id: 'none' },
        deprecated: true,
        readOnly: true,
        'x-ui': { order: 1 },
        properties: { id: { type: 'string', title: 'Id', description: 'The id' } },
        $defs: { Unused: { type: 'number' } },
        definitions: { Old: { type: 'null' } }
      })
    ])
    expect(problems).toEqual([])
    expect(refs).toEqual([])
    expect(definition).toEqual({
      type: 'object',
      default: { id: 'none' },
      deprecated: true,
      readOnly: true,
      'x-ui': { order: 1 },
      properties: { id: { type: 'string' } }
    })
  })

  it('drops only the annotations it is told to', () => {
    const files = [jsonFile(A, { title: 'A', description: 'An A', deprecated: true, examples: [1], type: 'integer' })]
    expect(fold(files, { annotations: [] }).definition).toEqual({
      title: 'A',
      description: 'An A',
      deprecated: true,
      examples: [1],
      type: 'integer'
    })
    expect(fold(files, { annotations: ['deprecated', 'examples'] }).definition).toEqual({
      title: 'A',
      description: 'An A',
      type: 'integer'
    })
  })

  it('keeps data that looks like a schema as it is', () => {
    const data = { title: 'kept', $ref: '#/nowhere', $id: 'kept' }
    const { definition, problems } = fold([jsonFile(A, { default: data, const: data, enum: [data] })])
    expect(problems).toEqual([])
    expect(definition).toEqual({ default: data, const: data, enum: [data] })
  })

  it('keeps a property named like a dropped keyword: it is a schema, not the keyword', () => {
    const { definition } = fold([jsonFile(A, { properties: { title: { type: 'string', title: 'T' }, $id: { type: 'string' } } })])
    expect(definition).toEqual({ properties: { title: { type: 'string' }, $id: { type: 'string' } } })
  })

  it('folds a boolean or primitive schema to itself', () => {
    expect(fold([jsonFile(A, true)]).definition).toBe(true)
    expect(fold([jsonFile(A, { properties: { never: false } })]).definition).toEqual({ properties: { never: false } })
  })
})

describe('foldDefinition: set-like keywords', () => {
  it.each<[string, unknown, unknown]>([
    ['required, sorted and deduplicated', { required: ['b', 'a', 'b'] }, { required: ['a', 'b'] }],
    ['a type list, sorted', { type: ['string', 'null'] }, { type: ['null', 'string'] }],
    ['a one-element type list, as the plain type', { type: ['string'] }, { type: 'string' }],
    ['a type list with a repeat, deduplicated to the plain type', { type: ['string', 'string'] }, { type: 'string' }],
    [
      'an enum, by canonical text and deduplicated',
      { enum: ['b', 1, { y: 1, x: 2 }, 'a', { x: 2, y: 1 }] },
      { enum: ['"a"', '"b"', '1', '{"x":2,"y":1}'].map((text) => JSON.parse(text)) }
    ],
    [
      'draft-07 property dependencies, sorted',
      { dependencies: { card: ['zip', 'billing'] } },
      { dependencies: { card: ['billing', 'zip'] } }
    ],
    ['required with a non-string member, as written', { required: ['b', 1, 'a'] }, { required: ['b', 1, 'a'] }],
    [
      'a list value of another keyword, in its order',
      { prefixItems: [{ type: 'string' }, { type: 'number' }] },
      { prefixItems: [{ type: 'string' }, { type: 'number' }] }
    ]
  ])('%s', (_, schema, expected) => {
    expect(fold([jsonFile(A, schema)]).definition).toEqual(expected)
  })

  it('gives the same definition for differently written equal schemas', () => {
    const one = fold([jsonFile(A, { type: ['string', 'null'], enum: ['x', null], required: ['a', 'b'], title: 'One' })])
    const two = fold([jsonFile(A, { required: ['b', 'a'], enum: [null, 'x', 'x'], title: 'Two', type: ['null', 'string'] })])
    expect(one.definition).toEqual(two.definition)
  })
})

describe('foldDefinition: references', () => {
  it('inlines a same-file helper where it is referenced', () => {
    const { definition, refs, problems } = fold([
      jsonFile(A, {
        type: 'object',
        properties: { name: { $ref: '#/$defs/Name' }, alias: { $ref: '#/$defs/Name' } },
        $defs: { Name: { type: 'string', minLength: 1, title: 'A name' } }
      })
    ])
    expect(problems).toEqual([])
    expect(refs).toEqual([])
    expect(definition).toEqual({
      type: 'object',
      properties: { name: { type: 'string', minLength: 1 }, alias: { type: 'string', minLength: 1 } }
    })
  })

  it('inlines helpers of helpers, and follows $anchor and $dynamicRef', () => {
    const { definition } = fold([
      jsonFile(A, {
        properties: { a: { $ref: '#/$defs/Outer' }, b: { $dynamicRef: '#leaf' } },
        $defs: { Outer: { items: { $ref: '#leaf' } }, Leaf: { $anchor: 'leaf', type: 'boolean' } }
      })
    ])
    expect(definition).toEqual({ properties: { a: { items: { type: 'boolean' } }, b: { type: 'boolean' } } })
  })

  it('keeps the siblings of a $ref beside the schema it points at', () => {
    const { definition } = fold([
      jsonFile(A, {
        properties: { name: { $ref: '#/$defs/Name', maxLength: 9, description: 'dropped' } },
        $defs: { Name: { type: 'string' } }
      })
    ])
    expect(definition).toEqual({ properties: { name: { maxLength: 9, $ref: { type: 'string' } } } })
  })

  it('replaces a versioned type by its marker and lists it in refs, sorted; itself is no ref', () => {
    const files = [
      jsonFile(A, {
        properties: {
          self: { $ref: '#' },
          z: { $ref: 'b.json' },
          c: { $ref: 'b.json#/$defs/C', minItems: 1 },
          again: { $ref: 'https://example.com/b.json' }
        }
      }),
      jsonFile(B, { $id: 'https://example.com/b.json', $defs: { C: { type: 'string' } } })
    ]
    const { definition, refs, problems } = fold(files, { types: { [`${A}#`]: 'a.A', [`${B}#`]: 'z.B', [`${B}#/$defs/C`]: 'b.C' } })
    expect(problems).toEqual([])
    expect(refs).toEqual(['b.C', 'z.B'])
    expect(definition).toEqual({
      properties: {
        self: { $ref: 'type:a.A' },
        z: { $ref: 'type:z.B' },
        c: { minItems: 1, $ref: 'type:b.C' },
        again: { $ref: 'type:z.B' }
      }
    })
  })

  it('cuts a versioned type nested inside the one being folded out to its marker', () => {
    const { definition, refs } = fold(
      [
        jsonFile(A, {
          properties: { child: { $id: 'child.json', 'x-release': {}, type: 'object', properties: { deep: { type: 'string' } } } }
        })
      ],
      { types: { [`${A}#`]: 'a.A', [`${A}#/properties/child`]: 'a.Child' } }
    )
    expect(definition).toEqual({ properties: { child: { $ref: 'type:a.Child' } } })
    expect(refs).toEqual(['a.Child'])
  })

  it('folds a nested type itself in full when it is the root asked for', () => {
    const files = [jsonFile(A, { properties: { child: { $id: 'child.json', type: 'object' } } })]
    const { definition } = fold(files, { types: { [`${A}#`]: 'a.A', [`${A}#/properties/child`]: 'a.Child' } }, A, '/properties/child')
    expect(definition).toEqual({ type: 'object' })
  })

  it('marks a helper that refers back into itself, counting inlined helpers outward', () => {
    const { definition } = fold([
      jsonFile(A, {
        properties: { head: { $ref: '#/$defs/Node' }, tree: { $ref: '#/$defs/Tree' } },
        $defs: {
          Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } },
          Tree: { properties: { children: { items: { $ref: '#/$defs/Branch' } } } },
          Branch: { properties: { tree: { $ref: '#/$defs/Tree' } } }
        }
      })
    ])
    expect(definition).toEqual({
      properties: {
        head: { type: 'object', properties: { next: { $ref: 'recursive:1' } } },
        tree: { properties: { children: { items: { properties: { tree: { $ref: 'recursive:2' } } } } } }
      }
    })
  })

  it('does not depend on where the helpers live: the same shapes in other places fold alike', () => {
    const one = fold([jsonFile(A, { $ref: '#/$defs/N', $defs: { N: { properties: { n: { $ref: '#/$defs/N' } } } } })])
    const two = fold([
      jsonFile(B, { $ref: '#/definitions/Other', definitions: { Other: { properties: { n: { $ref: '#/definitions/Other' } } } } })
    ])
    expect(one.definition).toEqual(two.definition)
    expect(one.definition).toEqual({ properties: { n: { $ref: 'recursive:1' } } })
  })

  it('writes an unresolved reference as a marker and leaves reporting it to the caller', () => {
    const { definition, problems } = fold([jsonFile(A, { properties: { x: { $ref: '#/$defs/Missing' }, y: { $ref: 'other.json' } } })])
    expect(problems).toEqual([])
    expect(definition).toEqual({ properties: { x: { $ref: 'unresolved:#/$defs/Missing' }, y: { $ref: 'unresolved:other.json' } } })
  })
})

describe('foldDefinition: helpers in other files', () => {
  it('reports a helper in another file with no x-release on its path once, and still inlines it', () => {
    const files = [
      jsonFile(A, { properties: { a: { $ref: 'b.json#/$defs/Name' }, b: { $ref: 'b.json#/$defs/Name' } } }),
      jsonFile(B, { $defs: { Name: { type: 'string' } } })
    ]
    const { definition, problems } = fold(files, { types: { [`${A}#`]: 'a.A' } })
    expect(definition).toEqual({ properties: { a: { type: 'string' }, b: { type: 'string' } } })
    expect(problems).toEqual([
      {
        file: A,
        pointer: '/properties/a/$ref',
        message:
          'unversioned reachable: "b.json#/$defs/Name" refers to schemas/b.json#/$defs/Name, which has no x-release on its path. ' +
          'Give it (or its file root) an x-release block, or move it into schemas/a.json.'
      },
      {
        file: A,
        pointer: '/properties/b/$ref',
        message:
          'unversioned reachable: "b.json#/$defs/Name" refers to schemas/b.json#/$defs/Name, which has no x-release on its path. ' +
          'Give it (or its file root) an x-release block, or move it into schemas/a.json.'
      }
    ])
  })

  it('does not repeat a problem the caller already holds', () => {
    const files = [jsonFile(A, { $ref: 'b.json#/$defs/Name' }), jsonFile(B, { $defs: { Name: { type: 'string' } } })]
    const context = contextFor(files, { types: { [`${A}#`]: 'a.A' } })
    foldDefinition(context, { file: A, pointer: '' })
    foldDefinition(context, { file: A, pointer: '' })
    expect(context.problems.map((problem) => problem.pointer)).toEqual(['/$ref'])
  })

  it('accepts a helper in a file whose root is versioned, without a problem', () => {
    const files = [
      jsonFile(A, { properties: { name: { $ref: 'b.json#/$defs/Name' } } }),
      jsonFile(B, { 'x-release': { name: 'b.B', history: [['0.1', null, 'x']] }, $defs: { Name: { type: 'string' } } })
    ]
    const { definition, refs, problems } = fold(files, { types: { [`${A}#`]: 'a.A', [`${B}#`]: 'b.B' } })
    expect(problems).toEqual([])
    expect(refs).toEqual([])
    expect(definition).toEqual({ properties: { name: { type: 'string' } } })
  })
})
