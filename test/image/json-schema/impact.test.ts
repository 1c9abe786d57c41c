import { describe, expect, it } from 'vitest'
import type { Bump } from '../../../src/commits/bump.js'
import { inferImpact } from '../../../src/image/json-schema/impact.js'

const OBJECT = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }
}
const props = (extra: Record<string, unknown>): Record<string, unknown> => ({ ...OBJECT, properties: { ...OBJECT.properties, ...extra } })
const withoutTags = { ...OBJECT, properties: { id: { type: 'string' } } }

/** [change, before, after, bump for stored, bump for produced] */
const TABLE: [string, unknown, unknown, Bump, Bump][] = [
  ['removing a property', OBJECT, withoutTags, 'major', 'minor'],
  ['adding an optional property', withoutTags, OBJECT, 'minor', 'major'],
  ['adding a required property', withoutTags, { ...OBJECT, required: ['id', 'tags'] }, 'major', 'major'],
  ['adding to required', OBJECT, { ...OBJECT, required: ['id', 'tags'] }, 'major', 'minor'],
  ['removing from required', OBJECT, { ...OBJECT, required: [] }, 'minor', 'major'],
  ['narrowing type', { type: ['string', 'null'] }, { type: 'string' }, 'major', 'minor'],
  ['widening type', { type: 'string' }, { type: ['string', 'null'] }, 'minor', 'major'],
  ['integer to number (widening)', { type: 'integer' }, { type: 'number' }, 'minor', 'major'],
  ['number to integer (narrowing)', { type: 'number' }, { type: 'integer' }, 'major', 'minor'],
  ['adding a type restriction', {}, { type: 'string' }, 'major', 'minor'],
  ['removing an enum value', { enum: ['a', 'b'] }, { enum: ['a'] }, 'major', 'minor'],
  ['adding an enum value', { enum: ['a'] }, { enum: ['a', 'b'] }, 'minor', 'major'],
  ['raising minimum', { minimum: 1 }, { minimum: 2 }, 'major', 'minor'],
  ['lowering minimum', { minimum: 2 }, { minimum: 1 }, 'minor', 'major'],
  ['lowering maximum', { maximum: 10 }, { maximum: 9 }, 'major', 'minor'],
  ['raising maximum', { maximum: 9 }, { maximum: 10 }, 'minor', 'major'],
  ['adding exclusiveMinimum', {}, { exclusiveMinimum: 0 }, 'major', 'minor'],
  ['removing exclusiveMaximum', { exclusiveMaximum: 5 }, {}, 'minor', 'major'],
  ['raising minLength', { minLength: 1 }, { minLength: 2 }, 'major', 'minor'],
  ['lowering maxLength', { maxLength: 80 }, { maxLength: 40 }, 'major', 'minor'],
  ['raising maxLength', { maxLength: 40 }, { maxLength: 80 }, 'minor', 'major'],
  ['raising minItems', { minItems: 0 }, { minItems: 1 }, 'major', 'minor'],
  ['removing maxItems', { maxItems: 3 }, {}, 'minor', 'major'],
  ['multipleOf 2 -> 4 (tighter)', { multipleOf: 2 }, { multipleOf: 4 }, 'major', 'minor'],
  ['multipleOf 4 -> 2 (looser)', { multipleOf: 4 }, { multipleOf: 2 }, 'minor', 'major'],
  ['multipleOf 2 -> 3 (neither)', { multipleOf: 2 }, { multipleOf: 3 }, 'major', 'major'],
  ['adding a pattern', { type: 'string' }, { type: 'string', pattern: '^[a-z]+$' }, 'major', 'minor'],
  ['changing a pattern', { pattern: '^[a-z]+$' }, { pattern: '^[a-z0-9]+$' }, 'major', 'major'],
  ['removing a pattern', { pattern: '^[a-z]+$' }, {}, 'minor', 'major'],
  ['adding a format', { type: 'string' }, { type: 'string', format: 'email' }, 'major', 'minor'],
  ['changing a format', { format: 'date' }, { format: 'date-time' }, 'major', 'major'],
  ['closing additionalProperties (absent -> false)', OBJECT, { ...OBJECT, additionalProperties: false }, 'major', 'minor'],
  [
    'closing additionalProperties (true -> schema)',
    { additionalProperties: true },
    { additionalProperties: { type: 'string' } },
    'major',
    'minor'
  ],
  ['opening additionalProperties (false -> absent)', { ...OBJECT, additionalProperties: false }, OBJECT, 'minor', 'major'],
  [
    'narrowing the additionalProperties schema',
    { additionalProperties: { type: ['string', 'number'] } },
    { additionalProperties: { type: 'string' } },
    'major',
    'minor'
  ],
  ['changing a const', { const: 1 }, { const: 2 }, 'major', 'major'],
  ['adding a const', {}, { const: 1 }, 'major', 'minor'],
  ['a change deep inside items', props({ tags: { type: 'array', items: { type: 'string', maxLength: 5 } } }), OBJECT, 'minor', 'major'],
  ['a new anyOf alternative', { anyOf: [{ type: 'string' }] }, { anyOf: [{ type: 'string' }, { type: 'null' }] }, 'minor', 'major'],
  ['a new allOf member', { allOf: [{ type: 'string' }] }, { allOf: [{ type: 'string' }, { minLength: 1 }] }, 'major', 'minor'],
  [
    'reordered anyOf (no change)',
    { anyOf: [{ type: 'string' }, { type: 'null' }] },
    { anyOf: [{ type: 'null' }, { type: 'string' }] },
    'none',
    'none'
  ],
  ['a reference to another versioned type swapped', { $ref: 'type:a.B' }, { $ref: 'type:a.C' }, 'major', 'major'],
  ['a default added', { type: 'string' }, { type: 'string', default: 'x' }, 'minor', 'minor'],
  ['a default changed', { type: 'string', default: 'x' }, { type: 'string', default: 'y' }, 'major', 'minor'],
  ['deprecated added (annotation)', { type: 'string' }, { type: 'string', deprecated: true }, 'patch', 'patch'],
  ['an unknown keyword changed', { contentEncoding: 'base64' }, { contentEncoding: 'base32' }, 'major', 'major'],
  ['uniqueItems required', { type: 'array' }, { type: 'array', uniqueItems: true }, 'major', 'minor'],
  ['a schema that now rejects everything', { type: 'string' }, false, 'major', 'minor'],
  [
    'tuple position added (2020-12)',
    { prefixItems: [{ type: 'string' }] },
    { prefixItems: [{ type: 'string' }, { type: 'number' }] },
    'major',
    'minor'
  ],
  ['tuple item narrowed (draft-07)', { items: [{ type: ['string', 'null'] }] }, { items: [{ type: 'string' }] }, 'major', 'minor'],
  ['nothing', OBJECT, OBJECT, 'none', 'none']
]

describe('the bump the data needs', () => {
  it.each(TABLE)('%s: stored %s', (_, before, after, stored) => {
    expect(inferImpact(before, after, 'stored', 't.T').bump).toBe(stored)
  })

  it.each(TABLE)('%s: produced', (_, before, after, _stored, produced) => {
    expect(inferImpact(before, after, 'produced', 't.T').bump).toBe(produced)
  })

  it.each(TABLE)('%s: both takes the larger', (_, before, after, stored, produced) => {
    const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 }
    expect(inferImpact(before, after, 'both', 't.T').bump).toBe(rank[stored] >= rank[produced] ? stored : produced)
  })

  it('says why, naming the property and the type, largest first', () => {
    const before = props({ title: { type: 'string', maxLength: 80 } })
    const after = {
      ...props({ title: { type: 'string', maxLength: 40 }, note: { type: 'string' } }),
      properties: { id: { type: 'string' }, title: { type: 'string', maxLength: 40 }, note: { type: 'string' } }
    }
    expect(inferImpact(before, after, 'stored', 'document.Section').reasons).toEqual([
      { bump: 'major', message: 'property `tags` removed from document.Section', summary: 'property `tags` removed' },
      {
        bump: 'major',
        message: '`maxLength` lowered from 80 to 40 at `title` in document.Section',
        summary: '`maxLength` lowered from 80 to 40 at `title`'
      },
      { bump: 'minor', message: 'optional property `note` added to document.Section', summary: 'optional property `note` added' }
    ])
  })

  it('names nested places readably', () => {
    const before = { properties: { body: { type: 'array', items: { properties: { text: { type: 'string' } } } } } }
    const after = { properties: { body: { type: 'array', items: { properties: {} } } } }
    expect(inferImpact(before, after, 'stored', 'd.D').reasons.map((reason) => reason.message)).toEqual([
      'property `body[].text` removed from d.D'
    ])
  })
})
