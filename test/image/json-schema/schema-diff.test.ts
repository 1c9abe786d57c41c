import { describe, expect, it } from 'vitest'
import { diffSchemas, type ChangeKind } from '../../../src/image/json-schema/schema-diff.js'

const TYPE = 'document.Section'

/** Each change as [kind, summary]. */
function diff(before: unknown, after: unknown): [ChangeKind, string][] {
  return diffSchemas(before, after, TYPE).map((change) => [change.kind, change.summary])
}

describe('diffSchemas: no change', () => {
  it.each<[string, unknown, unknown]>([
    [
      'the same schema',
      { type: 'object', properties: { a: { type: 'string' } } },
      { properties: { a: { type: 'string' } }, type: 'object' }
    ],
    ['true and {}', true, {}],
    ['absent and true', undefined, true],
    ['anyOf branches reordered', { anyOf: [{ type: 'string' }, { type: 'null' }] }, { anyOf: [{ type: 'null' }, { type: 'string' }] }],
    ['allOf members reordered', { allOf: [{ minLength: 1 }, { maxLength: 9 }] }, { allOf: [{ maxLength: 9 }, { minLength: 1 }] }],
    ['enum values reordered', { enum: ['a', { x: 1, y: 2 }] }, { enum: [{ y: 2, x: 1 }, 'a'] }],
    ['a draft-07 tuple spelled as 2020-12 prefixItems', { items: [{ type: 'string' }] }, { prefixItems: [{ type: 'string' }] }],
    ['uniqueItems false and absent', { uniqueItems: false }, {}],
    ['additionalProperties true and absent', { additionalProperties: true }, {}],
    ['additionalProperties {} and true', { additionalProperties: {} }, { additionalProperties: true }]
  ])('%s', (_, before, after) => {
    expect(diffSchemas(before, after, TYPE)).toEqual([])
  })
})

describe('diffSchemas: each kind of change, with its summary', () => {
  it.each<[string, unknown, unknown, [ChangeKind, string][]]>([
    ['a schema that rejects everything', { type: 'string' }, false, [['narrow', 'schema now rejects every value']]],
    ['a schema that was false', false, { type: 'string' }, [['widen', 'schema now accepts values (was false)']]],
    ['true becoming a type', true, { type: 'string' }, [['narrow', 'type restricted to string']]],
    // References to other versioned types, as folding writes them.
    ['a reference swapped', { $ref: 'type:a.B' }, { $ref: 'type:a.C' }, [['incompatible', 'reference changed from a.B to a.C']]],
    ['a reference added', {}, { $ref: 'type:a.B' }, [['narrow', 'reference to a.B added']]],
    ['a reference removed', { $ref: 'type:a.B' }, {}, [['widen', 'reference to a.B removed']]],
    [
      'an inline reference target replaced by a type',
      { $ref: { type: 'string' } },
      { $ref: 'type:a.B' },
      [['incompatible', 'reference changed from an inline schema to a.B']]
    ],
    [
      'an inline reference target widened',
      { $ref: { type: 'string' } },
      { $ref: { type: ['null', 'string'] } },
      [['widen', 'type null now allowed']]
    ],
    [
      'a recursive marker kept as written',
      { $ref: 'recursive:1' },
      { $ref: 'recursive:2' },
      [['incompatible', 'reference changed from recursive:1 to recursive:2']]
    ],
    // type
    ['a type restriction added', {}, { type: ['null', 'string'] }, [['narrow', 'type restricted to null, string']]],
    ['a type restriction removed', { type: ['null', 'string'] }, {}, [['widen', 'type restriction (null, string) removed']]],
    [
      'a type swapped',
      { type: 'string' },
      { type: 'boolean' },
      [
        ['narrow', 'type string no longer allowed'],
        ['widen', 'type boolean now allowed']
      ]
    ],
    ['integer to number', { type: 'integer' }, { type: 'number' }, [['widen', 'type number now allowed']]],
    ['number to integer', { type: 'number' }, { type: 'integer' }, [['narrow', 'type number no longer allowed']]],
    ['integer dropped beside number', { type: ['integer', 'number'] }, { type: 'number' }, []],
    // properties and required
    ['a property removed', { properties: { tags: {} } }, { properties: {} }, [['narrow', 'property `tags` removed']]],
    ['an optional property added', { properties: {} }, { properties: { tags: {} } }, [['widen', 'optional property `tags` added']]],
    [
      'a required property added',
      {},
      { properties: { id: { type: 'string' } }, required: ['id'] },
      [
        ['widen', 'property `id` added'],
        ['narrow', 'property `id` is now required']
      ]
    ],
    ['a property made required', { required: ['a'] }, { required: ['a', 'b'] }, [['narrow', 'property `b` is now required']]],
    ['a property made optional', { required: ['a', 'b'] }, { required: ['b'] }, [['widen', 'property `a` is no longer required']]],
    ['required reordered', { required: ['a', 'b'] }, { required: ['b', 'a'] }, []],
    [
      'a nested property changed',
      { properties: { body: { properties: { text: { type: 'string', maxLength: 9 } } } } },
      { properties: { body: { properties: { text: { type: 'string', maxLength: 5 } } } } },
      [['narrow', '`maxLength` lowered from 9 to 5 at `body.text`']]
    ],
    [
      'a property removed deep inside items',
      { properties: { body: { items: { properties: { text: {} } } } } },
      { properties: { body: { items: { properties: {} } } } },
      [['narrow', 'property `body[].text` removed']]
    ],
    // patternProperties
    ['a pattern property added', {}, { patternProperties: { '^x-': {} } }, [['widen', 'pattern property /^x-/ added']]],
    ['a pattern property removed', { patternProperties: { '^x-': {} } }, {}, [['narrow', 'pattern property /^x-/ removed']]],
    [
      'a pattern property narrowed',
      { properties: { meta: { patternProperties: { '^x-': {} } } } },
      { properties: { meta: { patternProperties: { '^x-': { type: 'string' } } } } },
      [['narrow', 'type restricted to string at `meta(/^x-/)`']]
    ],
    // enum and const
    ['an enum added', {}, { enum: ['b', 'a'] }, [['narrow', 'values restricted to the enum ["b","a"]']]],
    ['an enum removed', { enum: ['a'] }, {}, [['widen', 'enum removed']]],
    [
      'enum values swapped',
      { enum: ['a', 1, null] },
      { enum: ['a', '1', { k: true }] },
      [
        ['narrow', 'enum value 1 removed'],
        ['narrow', 'enum value null removed'],
        ['widen', 'enum value "1" added'],
        ['widen', 'enum value {"k":true} added']
      ]
    ],
    ['a const changed', { const: 'v1' }, { const: 'v2' }, [['incompatible', 'const changed from "v1" to "v2"']]],
    ['a const added', {}, { const: { b: 1, a: 2 } }, [['narrow', 'const {"a":2,"b":1} added']]],
    ['a null const removed', { const: null }, {}, [['widen', 'const null removed']]],
    // bounds
    ['a lower bound added', {}, { minimum: 1 }, [['narrow', '`minimum` 1 added']]],
    ['a lower bound removed', { minLength: 1 }, {}, [['widen', '`minLength` 1 removed']]],
    ['a lower bound raised', { minItems: 1 }, { minItems: 2 }, [['narrow', '`minItems` raised from 1 to 2']]],
    ['a lower bound lowered', { exclusiveMinimum: 0 }, { exclusiveMinimum: -1 }, [['widen', '`exclusiveMinimum` lowered from 0 to -1']]],
    ['an upper bound added', {}, { maxProperties: 9 }, [['narrow', '`maxProperties` 9 added']]],
    ['an upper bound lowered', { maximum: 10 }, { maximum: 9.5 }, [['narrow', '`maximum` lowered from 10 to 9.5']]],
    ['an upper bound raised', { maxContains: 2 }, { maxContains: 3 }, [['widen', '`maxContains` raised from 2 to 3']]],
    ['a bound that is no number', { minimum: '1' }, { minimum: 1 }, [['incompatible', '`minimum` changed from "1" to 1']]],
    [
      'both bounds moved',
      { minimum: 0, maximum: 10 },
      { minimum: 1, maximum: 20 },
      [
        ['narrow', '`minimum` raised from 0 to 1'],
        ['widen', '`maximum` raised from 10 to 20']
      ]
    ],
    // multipleOf
    ['multipleOf added', {}, { multipleOf: 2 }, [['narrow', '`multipleOf` 2 added']]],
    ['multipleOf removed', { multipleOf: 2 }, {}, [['widen', '`multipleOf` 2 removed']]],
    ['multipleOf 2 → 4', { multipleOf: 2 }, { multipleOf: 4 }, [['narrow', '`multipleOf` changed from 2 to 4']]],
    ['multipleOf 0.5 → 0.25', { multipleOf: 0.5 }, { multipleOf: 0.25 }, [['widen', '`multipleOf` changed from 0.5 to 0.25']]],
    ['multipleOf 2 → 3', { multipleOf: 2 }, { multipleOf: 3 }, [['incompatible', '`multipleOf` changed from 2 to 3']]],
    // pattern and format
    ['a pattern added', {}, { pattern: '^[a-z]+$' }, [['narrow', '`pattern` "^[a-z]+$" added']]],
    ['a pattern removed', { pattern: '^a' }, {}, [['widen', '`pattern` "^a" removed']]],
    ['a format changed', { format: 'date' }, { format: 'date-time' }, [['incompatible', '`format` changed from "date" to "date-time"']]],
    // uniqueItems
    ['uniqueItems turned on', {}, { uniqueItems: true }, [['narrow', '`uniqueItems` now required']]],
    ['uniqueItems turned off', { uniqueItems: true }, { uniqueItems: false }, [['widen', '`uniqueItems` no longer required']]],
    // open-ended keywords
    ['additionalProperties closed', {}, { additionalProperties: false }, [['narrow', '`additionalProperties` closed (false)']]],
    [
      'unevaluatedProperties closed to a schema',
      { unevaluatedProperties: true },
      { unevaluatedProperties: { type: 'string' } },
      [['narrow', '`unevaluatedProperties` closed ({"type":"string"})']]
    ],
    ['additionalProperties opened', { additionalProperties: false }, {}, [['widen', '`additionalProperties` opened (was false)']]],
    [
      'additionalItems opened to a schema',
      { additionalItems: false },
      { additionalItems: { type: 'string' } },
      [['widen', '`additionalItems` opened to a schema (was false)']]
    ],
    [
      'unevaluatedItems closed from a schema',
      { unevaluatedItems: { type: 'string' } },
      { unevaluatedItems: false },
      [['narrow', '`unevaluatedItems` closed (was a schema)']]
    ],
    [
      'the additionalProperties schema narrowed',
      { additionalProperties: { type: ['number', 'string'] } },
      { additionalProperties: { type: 'string' } },
      [['narrow', 'type number no longer allowed at `(additionalProperties)`']]
    ],
    // items, tuples, contains, propertyNames
    ['the items schema narrowed', { items: {} }, { items: { type: 'string' } }, [['narrow', 'type restricted to string at `[]`']]],
    ['items closed', { prefixItems: [{}] }, { prefixItems: [{}], items: false }, [['narrow', '`items` closed (false)']]],
    ['items opened', { prefixItems: [{}], items: false }, { prefixItems: [{}] }, [['widen', '`items` opened (was false)']]],
    ['a tuple position added', { prefixItems: [{}] }, { prefixItems: [{}, { type: 'number' }] }, [['narrow', 'tuple position 1 added']]],
    ['a tuple position removed', { items: [{}, {}] }, { items: [{}] }, [['widen', 'tuple position 1 removed']]],
    [
      'a tuple position narrowed',
      { prefixItems: [{}, { type: ['null', 'string'] }] },
      { prefixItems: [{}, { type: 'string' }] },
      [['narrow', 'type null no longer allowed at `[1]`']]
    ],
    [
      'the contains schema changed',
      { contains: { minimum: 1 } },
      { contains: { minimum: 2 } },
      [['narrow', '`minimum` raised from 1 to 2 at `(contains)`']]
    ],
    [
      'the propertyNames schema changed',
      { propertyNames: { maxLength: 9 } },
      { propertyNames: { maxLength: 5 } },
      [['narrow', '`maxLength` lowered from 9 to 5 at `(propertyNames)`']]
    ],
    // allOf, anyOf, oneOf
    ['an allOf member added', { allOf: [{}] }, { allOf: [{}, { minLength: 1 }] }, [['narrow', '`allOf` branch {"minLength":1} added']]],
    ['an allOf member removed', { allOf: [{ minLength: 1 }] }, {}, [['widen', '`allOf` branch {"minLength":1} removed']]],
    ['an anyOf branch added', {}, { anyOf: [{ type: 'null' }] }, [['widen', '`anyOf` branch {"type":"null"} added']]],
    [
      'a oneOf branch removed',
      { oneOf: [{ type: 'null' }, { type: 'string' }] },
      { oneOf: [{ type: 'string' }] },
      [['narrow', '`oneOf` branch {"type":"null"} removed']]
    ],
    [
      'an unmatched branch compared with the one in its place',
      { anyOf: [{ type: 'string', maxLength: 9 }] },
      { anyOf: [{ type: 'string', maxLength: 5 }] },
      [['narrow', '`maxLength` lowered from 9 to 5 at `(anyOf[0])`']]
    ],
    // default
    ['a default added', {}, { default: 'x' }, [['compatible', 'default "x" added']]],
    ['a null default added', {}, { default: null }, [['compatible', 'default null added']]],
    ['a default removed', { default: 'x' }, {}, [['narrow', 'default "x" removed']]],
    ['a default changed', { default: [1] }, { default: [2] }, [['narrow', 'default changed from [1] to [2]']]],
    // everything else
    ['deprecated added', {}, { deprecated: true }, [['annotation', '`deprecated` added (true)']]],
    ['readOnly removed', { readOnly: true }, {}, [['annotation', '`readOnly` removed (was true)']]],
    ['a kept title changed', { title: 'A' }, { title: 'B' }, [['annotation', '`title` changed from "A" to "B"']]],
    ['an x- extension changed', { 'x-ui': { w: 1 } }, { 'x-ui': { w: 2 } }, [['annotation', '`x-ui` changed from {"w":1} to {"w":2}']]],
    [
      'an unknown keyword changed',
      { contentEncoding: 'base64' },
      { contentEncoding: 'base32' },
      [['incompatible', '`contentEncoding` changed from "base64" to "base32"']]
    ],
    ['if added', {}, { if: { type: 'string' } }, [['incompatible', '`if` added ({"type":"string"})']]]
  ])('%s', (_, before, after, expected) => {
    expect(diff(before, after)).toEqual(expected)
  })

  // 0.3 / 0.1 is 2.9999999999999996 in floating point: every multiple of 0.3 is a multiple of 0.1.
  it('multipleOf 0.1 → 0.3 narrows, as 1 → 3 does', () => {
    expect(diff({ multipleOf: 0.1 }, { multipleOf: 0.3 })).toEqual([['narrow', '`multipleOf` changed from 0.1 to 0.3']])
  })

  // The unchanged string branch is matched away first; the changed one keeps its own place.
  it('names a changed branch by its place in the schema', () => {
    expect(
      diff(
        { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] },
        { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 1 }] }
      )
    ).toEqual([['narrow', '`minimum` raised from 0 to 1 at `(anyOf[1])`']])
  })
})

describe('diffSchemas: messages', () => {
  it('names the type with the preposition each kind of change takes', () => {
    const before = { required: ['a', 'b'], properties: { a: {}, b: {}, gone: {} }, maxLength: 9 }
    const after = { required: ['a', 'c'], properties: { a: {}, b: {}, c: {}, note: {} }, maxLength: 5 }
    expect(diffSchemas(before, after, TYPE)).toEqual([
      { kind: 'narrow', message: 'property `gone` removed from document.Section', summary: 'property `gone` removed' },
      { kind: 'widen', message: 'property `c` added to document.Section', summary: 'property `c` added' },
      { kind: 'widen', message: 'optional property `note` added to document.Section', summary: 'optional property `note` added' },
      { kind: 'narrow', message: 'property `c` is now required in document.Section', summary: 'property `c` is now required' },
      { kind: 'widen', message: 'property `b` is no longer required in document.Section', summary: 'property `b` is no longer required' },
      { kind: 'narrow', message: '`maxLength` lowered from 9 to 5 in document.Section', summary: '`maxLength` lowered from 9 to 5' }
    ])
  })

  it('says where inside the type a change is', () => {
    expect(diffSchemas({ properties: { tags: { items: {} } } }, { properties: { tags: { items: { type: 'string' } } } }, 'a.A')).toEqual([
      { kind: 'narrow', message: 'type restricted to string at `tags[]` in a.A', summary: 'type restricted to string at `tags[]`' }
    ])
  })

  it('follows the keyword order the module walks: ref, type, properties, enum, bounds, pattern, items, default, the rest', () => {
    const before = { type: 'object', properties: { a: {} }, minLength: 1, description: 'x' }
    const after = { $comment: 'y', default: {}, pattern: 'p', minLength: 2, enum: [1], properties: {}, type: 'array', $ref: 'type:a.B' }
    expect(diff(before, after).map(([, summary]) => summary)).toEqual([
      'reference to a.B added',
      'type object no longer allowed',
      'type array now allowed',
      'property `a` removed',
      'values restricted to the enum [1]',
      '`minLength` raised from 1 to 2',
      '`pattern` "p" added',
      'default {} added',
      '`description` removed (was "x")',
      '`$comment` added ("y")'
    ])
  })

  it('reports nothing for a type compared with itself, whatever the subject', () => {
    const schema = { type: 'object', properties: { a: { $ref: 'type:a.A' } }, additionalProperties: false }
    expect(diffSchemas(schema, structuredClone(schema), '')).toEqual([])
  })
})
