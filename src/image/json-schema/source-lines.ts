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
  collectPointers(root, '', key, pointers)
  const quoted = escapeRegExp(key)
  const pattern = new RegExp(`(?:"${quoted}"|'${quoted}'|(?<![\\w$-])${quoted})\\s*:`, 'g')
  const offsets = [...text.matchAll(pattern)].map((match) => match.index)
  const lines = new Map<string, number>()
  if (offsets.length !== pointers.length) return lines
  const lineStarts = listLineStarts(text)
  pointers.forEach((pointer, index) => lines.set(pointer, lineOf(lineStarts, offsets[index] ?? 0)))
  return lines
}

function collectPointers(node: unknown, pointer: string, key: string, into: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectPointers(item, appendPointer(pointer, String(index)), key, into))
  } else if (isJsonObject(node)) {
    for (const [name, value] of Object.entries(node)) {
      if (name === key) into.push(pointer)
      collectPointers(value, appendPointer(pointer, name), key, into)
    }
  }
}

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
