/**
 * Line numbers of `x-release` keys in a schema file's text, so findings can point an
 * editor (or a PR annotation) at the block to edit. Parsers drop positions, so the keys
 * found in the parsed tree are matched, in order, with the keys found in the text; when
 * the two counts differ (a key spelled inside a string, say) no line is given rather than
 * a wrong one.
 */

import { appendPointer } from './json-pointer.js'
import { isJsonObject } from '../json-value.js'

/** Pointer of each schema carrying `key` → 1-based line of the key in `text`. */
export function locateKeyLines(text: string, root: unknown, key: string): Map<string, number> {
  const pointers: string[] = []
  if (!collectPointers(root, '', key, pointers)) return new Map()
  const quoted = escapeRegExp(key)
  const pattern = new RegExp(`(?:"${quoted}"|'${quoted}'|(?<![\\w$-])${quoted})\\s*:`, 'g')
  const offsets = [...text.matchAll(pattern)].map((match) => match.index)
  const lines = new Map<string, number>()
  if (offsets.length !== pointers.length) return lines
  const lineStarts = listLineStarts(text)
  pointers.forEach((pointer, index) => lines.set(pointer, lineOf(lineStarts, offsets[index] ?? 0)))
  return lines
}

/**
 * The pointers in the order the text has them, or false when that order cannot be known:
 * JavaScript lists an object's integer-like keys (`"1"`) first, wherever the text has them.
 */
function collectPointers(node: unknown, pointer: string, key: string, into: string[]): boolean {
  if (Array.isArray(node)) {
    return node.every((item, index) => collectPointers(item, appendPointer(pointer, String(index)), key, into))
  }
  if (!isJsonObject(node)) return true
  const names = Object.keys(node)
  if (names.length > 1 && names.some((name) => ARRAY_INDEX.test(name))) return false
  for (const name of names) {
    if (name === key) into.push(pointer)
    if (!collectPointers(node[name], appendPointer(pointer, name), key, into)) return false
  }
  return true
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/

function listLineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if ((lineStarts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
