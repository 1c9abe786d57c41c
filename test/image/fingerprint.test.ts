import { describe, expect, it } from 'vitest'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import type { SchemaFile } from '../../src/image/json-schema/schema-files.js'
import { jsonFile, release } from './schemas.js'

const HISTORY: [string, null, string][] = [['0.1', null, 'Initial']]

function fingerprintOf(files: SchemaFile[], name = 'a.A'): string {
  const type = loadTypes(files).types.find((candidate) => candidate.name === name)
  if (type === undefined) throw new Error(`no type ${name}`)
  return type.fingerprint
}

const BASE = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  'x-release': release('a.A', HISTORY),
  type: 'object',
  required: ['id', 'kind'],
  properties: {
    id: { type: 'string', maxLength: 10 },
    kind: { enum: ['a', 'b', 'c'] },
    size: { type: ['integer', 'null'], minimum: 1 }
  }
}

describe('fingerprints', () => {
  const base = fingerprintOf([jsonFile('a.json', BASE)])

  it('ignore key order, whitespace and number spelling', () => {
    const text = `{"properties":{"size":{"minimum":1.0,"type":["integer","null"]},"kind":{"enum":["a","b","c"]},
      "id":{"maxLength":1e1,"type":"string"}},"required":["id","kind"],"type":"object",
      "x-release":{"history":[["0.1",null,"Initial"]],"name":"a.A"},"$schema":"https://json-schema.org/draft/2020-12/schema"}`
    expect(fingerprintOf([{ path: 'a.json', text }])).toBe(base)
  })

  it('ignore the order of required, enum and type lists', () => {
    const reordered = {
      ...BASE,
      required: ['kind', 'id', 'kind'],
      properties: { ...BASE.properties, kind: { enum: ['c', 'a', 'b'] }, size: { type: ['null', 'integer'], minimum: 1 } }
    }
    expect(fingerprintOf([jsonFile('a.json', reordered)])).toBe(base)
  })

  it('ignore title, description, $comment and examples', () => {
    const annotated = {
      ...BASE,
      title: 'A',
      description: 'The A',
      $comment: 'why',
      properties: { ...BASE.properties, id: { type: 'string', maxLength: 10, description: 'Its id', examples: ['x'] } }
    }
    expect(fingerprintOf([jsonFile('a.json', annotated)])).toBe(base)
  })

  it('ignore $id, $schema and moving the file', () => {
    const moved = { ...BASE, $id: 'https://example.com/a.json', $schema: 'http://json-schema.org/draft-07/schema#' }
    expect(fingerprintOf([jsonFile('elsewhere/a.yaml', moved)])).toBe(base)
  })

  it('ignore whether a helper is inline or in $defs', () => {
    const viaDefs = {
      ...BASE,
      properties: { ...BASE.properties, id: { $ref: '#/$defs/Id' } },
      $defs: { Id: { type: 'string', maxLength: 10 } }
    }
    expect(fingerprintOf([jsonFile('a.json', viaDefs)])).toBe(base)
  })

  it('keep annotations that are configured to count', () => {
    const annotated = { ...BASE, description: 'The A' }
    const files = [jsonFile('a.json', annotated)]
    expect(loadTypes(files, { annotations: ['title'] }).types[0]?.fingerprint).not.toBe(base)
  })

  it('change with the data: a bound, a default, a referenced helper, a referenced type name', () => {
    const variants = [
      { ...BASE, properties: { ...BASE.properties, id: { type: 'string', maxLength: 11 } } },
      { ...BASE, properties: { ...BASE.properties, id: { type: 'string', maxLength: 10, default: 'x' } } },
      { ...BASE, required: ['id'] }
    ]
    for (const variant of variants) expect(fingerprintOf([jsonFile('a.json', variant)])).not.toBe(base)
  })

  it('do not change when a referenced versioned type changes (its own fingerprint does)', () => {
    const files = (maxLength: number): SchemaFile[] => [
      jsonFile('a.json', { ...BASE, properties: { b: { $ref: 'b.json' } } }),
      jsonFile('b.json', { 'x-release': release('b.B', HISTORY), type: 'string', maxLength })
    ]
    expect(fingerprintOf(files(1))).toBe(fingerprintOf(files(2)))
    expect(fingerprintOf(files(1), 'b.B')).not.toBe(fingerprintOf(files(2), 'b.B'))
  })
})
