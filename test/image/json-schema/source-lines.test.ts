import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { locateKeyLines } from '../../../src/image/json-schema/source-lines.js'

const KEY = 'x-release'

function jsonLines(text: string): Map<string, number> {
  return locateKeyLines(text, JSON.parse(text), KEY)
}

function yamlLines(text: string): Map<string, number> {
  return locateKeyLines(text, parseYaml(text), KEY)
}

describe('locateKeyLines in JSON', () => {
  it('finds the line of each x-release key, root and nested', () => {
    const text = [
      '{',
      '  "$id": "https://example.com/document.json",',
      '  "x-release": { "name": "document.Document", "history": [["0.1", null, "x"]] },',
      '  "type": "object",',
      '  "$defs": {',
      '    "Section": {',
      '      "x-release": {',
      '        "name": "document.Section",',
      '        "history": [["0.1", null, "x"]]',
      '      }',
      '    },',
      '    "a/b": { "x-release": { "name": "a.B", "history": [] } }',
      '  }',
      '}',
      ''
    ].join('\n')
    expect(jsonLines(text)).toEqual(
      new Map([
        ['', 3],
        ['/$defs/Section', 7],
        ['/$defs/a~1b', 12]
      ])
    )
  })

  it('gives every key on one line of minified JSON line 1', () => {
    const text = '{"x-release":{"name":"a.A"},"$defs":{"B":{"x-release":{"name":"a.B"}}}}'
    expect(jsonLines(text)).toEqual(
      new Map([
        ['', 1],
        ['/$defs/B', 1]
      ])
    )
  })

  it('counts CRLF lines like LF lines', () => {
    const text = '{\r\n  "type": "object",\r\n  "x-release" : {"name": "a.A"}\r\n}\r\n'
    expect(jsonLines(text)).toEqual(new Map([['', 3]]))
  })

  it('finds keys inside lists of schemas', () => {
    const text = ['{', '  "allOf": [', '    {},', '    { "x-release": {} }', '  ]', '}'].join('\n')
    expect(jsonLines(text)).toEqual(new Map([['/allOf/1', 4]]))
  })

  it('does not take a longer key or the key as a value for the key', () => {
    const text = ['{', '  "my-x-release": 1,', '  "x-releases": 2,', '  "enum": ["x-release"],', '  "x-release": {}', '}'].join('\n')
    expect(jsonLines(text)).toEqual(new Map([['', 5]]))
  })

  it('gives no line at all when the text spells the key more often than the tree holds it', () => {
    const text = ['{', '  "description": "edit the x-release: block below",', '  "x-release": {}', '}'].join('\n')
    expect(jsonLines(text)).toEqual(new Map())
  })

  it('gives no line when the key is written with an escape the text search cannot see', () => {
    const text = ['{', '  "$defs": { "A": { "x-release": {} } },', '  "x\\u002drelease": {}', '}'].join('\n')
    expect(jsonLines(text)).toEqual(new Map())
  })

  it('finds nothing in a schema without the key', () => {
    expect(jsonLines('{"type": "object"}')).toEqual(new Map())
    expect(locateKeyLines('', undefined, KEY)).toEqual(new Map())
  })

  it('works for any key, escaping it for the search', () => {
    const text = ['{', '  "a.b": 1,', '  "axb": 2', '}'].join('\n')
    expect(locateKeyLines(text, JSON.parse(text), 'a.b')).toEqual(new Map([['', 2]]))
  })

  // JavaScript objects list integer-like keys first, so the tree's order is not the text's:
  // "$defs/1" is matched with the line of "$defs/b". A wrong line is worse than none.
  it('gives the right line (or none) for $defs names that look like integers', () => {
    const text = ['{', '  "$defs": {', '    "b": { "x-release": {} },', '    "1": { "x-release": {} }', '  }', '}'].join('\n')
    const lines = jsonLines(text)
    expect(lines.get('/$defs/b') ?? 3).toBe(3)
    expect(lines.get('/$defs/1') ?? 4).toBe(4)
  })
})

describe('locateKeyLines in YAML', () => {
  it('finds plain, single-quoted and double-quoted keys', () => {
    const text = [
      '$id: https://example.com/settings.yaml',
      'x-release:',
      '  name: settings.Settings',
      '  history:',
      '    - ["0.1", null, Initial version]',
      '$defs:',
      '  Device:',
      "    'x-release': { name: settings.Device, history: [] }",
      '  Phone:',
      '    type: object',
      '    "x-release"   :',
      '      name: settings.Phone',
      ''
    ].join('\n')
    expect(yamlLines(text)).toEqual(
      new Map([
        ['', 2],
        ['/$defs/Device', 8],
        ['/$defs/Phone', 11]
      ])
    )
  })

  it('finds a key in flow style', () => {
    const text = ['$defs: {A: {x-release: {name: a.A}}, B: {type: string}}', 'x-release: {name: a.Root}', ''].join('\n')
    expect(yamlLines(text)).toEqual(
      new Map([
        ['/$defs/A', 1],
        ['', 2]
      ])
    )
  })

  it('gives no line when a comment spells the key', () => {
    const text = ['# x-release: moved to the $defs below', 'x-release:', '  name: a.A', ''].join('\n')
    expect(yamlLines(text)).toEqual(new Map())
  })

  it('gives no line when an alias repeats a node that holds the key', () => {
    const text = ['$defs:', '  A: &a', '    x-release: {name: a.A}', '  B: *a', ''].join('\n')
    expect(yamlLines(text)).toEqual(new Map())
  })
})
