import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  appendPointer,
  formatPointer,
  listAncestorPointers,
  parsePointer,
  readPointer
} from '../../../src/image/json-schema/json-pointer.js'

describe('formatPointer and parsePointer (RFC 6901)', () => {
  it.each<[string[], string]>([
    [[], ''],
    [[''], '/'],
    [['', ''], '//'],
    [['$defs', 'Section'], '/$defs/Section'],
    [['a/b'], '/a~1b'],
    [['m~n'], '/m~0n'],
    [['~1'], '/~01'],
    [['/0'], '/~10'],
    [['~/~'], '/~0~1~0'],
    [['properties', 'x-release', '0'], '/properties/x-release/0'],
    [['a b', 'ü', '%25'], '/a b/ü/%25']
  ])('%j ↔ %j', (tokens, pointer) => {
    expect(formatPointer(tokens)).toBe(pointer)
    expect(parsePointer(pointer)).toEqual(tokens)
  })

  it('unescapes ~1 before ~0, so "~01" is "~1" and not "/"', () => {
    expect(parsePointer('/~01')).toEqual(['~1'])
    expect(parsePointer('/~0~1')).toEqual(['~/'])
  })

  it.each(['a', 'a/b', '#/a', '#', ' /a', '~0'])('%j is not a pointer: it is neither empty nor starts with "/"', (text) => {
    expect(parsePointer(text)).toBeNull()
  })

  // RFC 6901's grammar allows "~" only as "~0" or "~1"; a lone "~" or "~2" makes the text no pointer at all.
  it.each(['/a~', '/a~2', '/~'])('%j, with a "~" that escapes nothing, is not a pointer', (text) => {
    expect(parsePointer(text)).toBeNull()
  })

  it('round-trips any list of tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('~', '/', '0', '1', 'a', '') })), (tokens) => {
        expect(parsePointer(formatPointer(tokens))).toEqual(tokens)
      })
    )
    fc.assert(
      fc.property(fc.array(fc.string()), (tokens) => {
        expect(parsePointer(formatPointer(tokens))).toEqual(tokens)
      })
    )
  })
})

describe('appendPointer', () => {
  it.each<[string, string[], string]>([
    ['', ['x-release', 'history'], '/x-release/history'],
    ['/$defs/Section', ['x-release', 'history', '2'], '/$defs/Section/x-release/history/2'],
    ['/$defs/a~1b', ['c/d'], '/$defs/a~1b/c~1d'],
    ['/a', [], '/a'],
    ['', [''], '/']
  ])('appendPointer(%j, ...%j) is %j', (pointer, tokens, expected) => {
    expect(appendPointer(pointer, ...tokens)).toBe(expected)
  })
})

describe('readPointer', () => {
  const root = {
    '': 'empty key',
    'a/b': { 'm~n': 'escaped' },
    $defs: { Section: { type: 'object' } },
    list: ['zero', 'one', { deep: [null] }],
    nothing: null,
    falsy: 0
  }

  it.each<[string, unknown]>([
    ['', root],
    ['/', 'empty key'],
    ['/a~1b/m~0n', 'escaped'],
    ['/$defs/Section/type', 'object'],
    ['/list/0', 'zero'],
    ['/list/2/deep/0', null],
    ['/nothing', null],
    ['/falsy', 0]
  ])('%j names %j', (pointer, expected) => {
    expect(readPointer(root, pointer)).toEqual(expected)
  })

  it.each([
    ['a missing key', '/missing'],
    ['a key spelled with the separator unescaped', '/a/b/m~n'],
    ['an index past the end', '/list/3'],
    ['an index with a leading zero', '/list/01'],
    ['a negative index', '/list/-1'],
    ['the "-" past-the-end index', '/list/-'],
    ['an index with a sign', '/list/+1'],
    ['a non-numeric index', '/list/length'],
    ['a step into a string', '/list/0/0'],
    ['a step into null', '/nothing/x'],
    ['a step into a number', '/falsy/x'],
    ['an inherited property', '/$defs/constructor'],
    ['a prototype key', '/__proto__'],
    ['text that is no pointer', '$defs/Section'],
    ['a URI fragment rather than a pointer', '#/$defs']
  ])('%s reads as undefined', (_, pointer) => {
    expect(readPointer(root, pointer)).toBeUndefined()
  })

  it('reads a "__proto__" key that parsed JSON holds as its own', () => {
    expect(readPointer(JSON.parse('{"__proto__": {"x": 1}}'), '/__proto__/x')).toBe(1)
  })

  it('reads the root of a primitive document, and nothing below it', () => {
    expect(readPointer('text', '')).toBe('text')
    expect(readPointer('text', '/0')).toBeUndefined()
    expect(readPointer(undefined, '/a')).toBeUndefined()
  })
})

describe('listAncestorPointers', () => {
  it.each<[string, string[]]>([
    ['/$defs/Section/properties/title', ['/$defs/Section/properties', '/$defs/Section', '/$defs', '']],
    ['/a~1b/c~0d/e', ['/a~1b/c~0d', '/a~1b', '']],
    ['/a', ['']],
    ['/', ['']],
    ['', []],
    ['not-a-pointer', []]
  ])('%j → %j', (pointer, expected) => {
    expect(listAncestorPointers(pointer)).toEqual(expected)
  })
})
