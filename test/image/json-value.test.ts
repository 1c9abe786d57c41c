import { describe, expect, it } from 'vitest'
import { compareNames, isJsonObject, isSameJson } from '../../src/image/json-value.js'

describe('isJsonObject', () => {
  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [JSON.parse('{"__proto__": 1}'), true],
    [[], false],
    [[{}], false],
    [null, false],
    [undefined, false],
    ['{}', false],
    [0, false],
    [true, false]
  ])('%j → %s', (value, expected) => {
    expect(isJsonObject(value)).toBe(expected)
  })
})

describe('isSameJson', () => {
  it.each<[string, unknown, unknown]>([
    ['equal primitives', 'a', 'a'],
    ['null and null', null, null],
    ['objects whose keys are in another order', { a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 }],
    ['empty objects', {}, {}],
    ['empty arrays', [], []],
    ['nested arrays of objects in another key order', [{ x: 1, y: 2 }, [{ z: true }]], [{ y: 2, x: 1 }, [{ z: true }]]]
  ])('%s are the same', (_, a, b) => {
    expect(isSameJson(a, b)).toBe(true)
    expect(isSameJson(b, a)).toBe(true)
  })

  it.each<[string, unknown, unknown]>([
    ['a number and its string', 1, '1'],
    ['0 and false', 0, false],
    ['null and an empty object', null, {}],
    ['an empty array and an empty object', [], {}],
    ['an array and an object with index keys', ['a'], { 0: 'a' }],
    ['arrays in another order (order is data)', [1, 2], [2, 1]],
    ['arrays of different lengths', [1, 2], [1, 2, 2]],
    ['objects with another key', { a: 1 }, { b: 1 }],
    ['an object with one more key', { a: 1 }, { a: 1, b: 2 }],
    ['a key set to undefined and no key (the key counts)', { a: undefined }, {}],
    ['a nested difference', { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }]
  ])('%s differ', (_, a, b) => {
    expect(isSameJson(a, b)).toBe(false)
    expect(isSameJson(b, a)).toBe(false)
  })

  it('does not take an inherited property for an own key', () => {
    // `toString` is on every object's prototype; only own keys are data.
    expect(isSameJson({ toString: 1 }, Object.assign(Object.create({ toString: 1 }) as object, { other: 1 }))).toBe(false)
  })
})

describe('compareNames', () => {
  it('sorts by UTF-16 code unit, not by locale: capitals, then "_", then lower case', () => {
    expect(['b', 'B', 'a', 'A', '_a', 'a.b', 'a-b', 'a'].sort(compareNames)).toEqual(['A', 'B', '_a', 'a', 'a', 'a-b', 'a.b', 'b'])
  })

  it('puts a name before the longer names it starts', () => {
    expect(['document.Section', 'document', 'document.S'].sort(compareNames)).toEqual(['document', 'document.S', 'document.Section'])
  })

  it('orders astral characters by their surrogates, as string comparison does', () => {
    // U+1F600 is \uD83D\uDE00, which sorts before U+FFFF by code unit although its code point is larger.
    expect(['\uFFFF', '😀'].sort(compareNames)).toEqual(['😀', '\uFFFF'])
  })

  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['Z', 'a', -1],
    ['', 'a', -1]
  ])('compareNames(%j, %j) is %d', (a, b, expected) => {
    expect(compareNames(a, b)).toBe(expected)
  })
})
