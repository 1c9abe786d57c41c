import { describe, expect, it } from 'vitest'
import { classifyKeyword, isDefinitionsKeyword, listSubschemas, type KeywordShape } from '../../../src/image/json-schema/schema-keywords.js'

describe('classifyKeyword', () => {
  it.each<[string, unknown, KeywordShape]>([
    ['additionalProperties', false, 'schema'],
    ['additionalProperties', { type: 'string' }, 'schema'],
    ['unevaluatedProperties', false, 'schema'],
    ['additionalItems', {}, 'schema'],
    ['unevaluatedItems', {}, 'schema'],
    ['contains', {}, 'schema'],
    ['propertyNames', {}, 'schema'],
    ['if', {}, 'schema'],
    ['then', {}, 'schema'],
    ['else', {}, 'schema'],
    ['not', {}, 'schema'],
    ['contentSchema', {}, 'schema'],
    ['items', { type: 'string' }, 'schema'],
    ['items', true, 'schema'],
    // draft-07 tuples.
    ['items', [{ type: 'string' }, { type: 'number' }], 'schema-list'],
    ['$defs', {}, 'schema-map'],
    ['definitions', {}, 'schema-map'],
    ['properties', {}, 'schema-map'],
    ['patternProperties', {}, 'schema-map'],
    ['dependentSchemas', {}, 'schema-map'],
    ['dependencies', {}, 'schema-map'],
    ['allOf', [], 'schema-list'],
    ['anyOf', [], 'schema-list'],
    ['oneOf', [], 'schema-list'],
    ['prefixItems', [], 'schema-list'],
    // Values that are data even when they look like schemas.
    ['default', { type: 'string' }, 'data'],
    ['enum', [{ type: 'string' }], 'data'],
    ['const', { properties: {} }, 'data'],
    ['examples', [{}], 'data'],
    ['required', ['a'], 'data'],
    ['dependentRequired', { a: ['b'] }, 'data'],
    ['x-release', { name: 'a.A' }, 'data'],
    ['$ref', '#/$defs/A', 'data'],
    ['type', 'object', 'data'],
    // Keywords are case-sensitive.
    ['Properties', {}, 'data'],
    ['ITEMS', {}, 'data']
  ])('%s holding %j is %s', (keyword, value, shape) => {
    expect(classifyKeyword(keyword, value)).toBe(shape)
  })
})

describe('isDefinitionsKeyword', () => {
  it.each([
    ['$defs', true],
    ['definitions', true],
    ['properties', false],
    ['defs', false],
    ['$Defs', false],
    ['', false]
  ])('%j → %s', (keyword, expected) => {
    expect(isDefinitionsKeyword(keyword)).toBe(expected)
  })
})

describe('listSubschemas', () => {
  it('lists every subschema one level down, in key order, with its keyword path', () => {
    const title = { type: 'string' }
    const item = { $ref: '#/$defs/Item' }
    const Item = { type: 'object' }
    const first = { required: ['a'] }
    const second = { required: ['b'] }
    const rest = false
    expect(
      listSubschemas({
        type: 'object',
        properties: { title, items: item },
        anyOf: [first, second],
        additionalProperties: rest,
        $defs: { Item }
      })
    ).toEqual([
      { value: title, tokens: ['properties', 'title'], keyword: 'properties' },
      { value: item, tokens: ['properties', 'items'], keyword: 'properties' },
      { value: first, tokens: ['anyOf', '0'], keyword: 'anyOf' },
      { value: second, tokens: ['anyOf', '1'], keyword: 'anyOf' },
      { value: false, tokens: ['additionalProperties'], keyword: 'additionalProperties' },
      { value: Item, tokens: ['$defs', 'Item'], keyword: '$defs' }
    ])
  })

  it('does not descend into data: a property named like a keyword is a schema, the default value is not', () => {
    const enumProperty = { type: 'string' }
    const found = listSubschemas({
      properties: { default: { type: 'number' }, enum: enumProperty },
      default: { properties: { hidden: {} } },
      enum: [{ type: 'string' }],
      const: { items: {} },
      examples: [{ not: {} }]
    })
    expect(found.map((sub) => sub.tokens)).toEqual([
      ['properties', 'default'],
      ['properties', 'enum']
    ])
    expect(found[1]?.value).toBe(enumProperty)
  })

  it('reads `items` as one schema (2020-12) or a tuple (draft-07)', () => {
    expect(listSubschemas({ items: { type: 'string' } }).map((sub) => sub.tokens)).toEqual([['items']])
    expect(listSubschemas({ items: [{ type: 'string' }, { type: 'number' }] }).map((sub) => sub.tokens)).toEqual([
      ['items', '0'],
      ['items', '1']
    ])
  })

  it('skips the lists of property names in draft-07 `dependencies`, keeping its schemas', () => {
    const schema = { required: ['billing'] }
    expect(listSubschemas({ dependencies: { card: ['billing', 'address'], address: schema } })).toEqual([
      { value: schema, tokens: ['dependencies', 'address'], keyword: 'dependencies' }
    ])
  })

  it('passes boolean and non-object members through for the caller to judge', () => {
    expect(listSubschemas({ properties: { open: true, closed: false }, allOf: [true, 'junk'], not: null })).toEqual([
      { value: true, tokens: ['properties', 'open'], keyword: 'properties' },
      { value: false, tokens: ['properties', 'closed'], keyword: 'properties' },
      { value: true, tokens: ['allOf', '0'], keyword: 'allOf' },
      { value: 'junk', tokens: ['allOf', '1'], keyword: 'allOf' },
      { value: null, tokens: ['not'], keyword: 'not' }
    ])
  })

  it('ignores a map keyword that holds no map and a list keyword that holds no list', () => {
    expect(listSubschemas({ properties: ['a'], $defs: null, definitions: 'x', anyOf: { a: {} }, prefixItems: {} })).toEqual([])
  })

  it('finds nothing in a schema without subschemas', () => {
    expect(listSubschemas({})).toEqual([])
    expect(listSubschemas({ type: 'string', minLength: 1, 'x-release': { name: 'a.A', history: [] } })).toEqual([])
  })

  it('keeps keyword path tokens unescaped (callers turn them into pointers)', () => {
    const value = { type: 'string' }
    expect(listSubschemas({ properties: { 'a/b~c': value } })).toEqual([{ value, tokens: ['properties', 'a/b~c'], keyword: 'properties' }])
  })
})
