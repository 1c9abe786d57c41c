/** JSON Pointers (RFC 6901): how problems, types and `$ref` fragments name a place in a file. */

import { isJsonObject } from '../json-value.js'

/** The pointer for a list of reference tokens; `[]` is the whole document (`''`). */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => '/' + token.replaceAll('~', '~0').replaceAll('/', '~1')).join('')
}

/** The reference tokens of a pointer, or null when it is not one (it must be empty or start with `/`). */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return []
  // RFC 6901 allows `~` only as `~0` or `~1`.
  if (!pointer.startsWith('/') || /~(?![01])/.test(pointer)) return null
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** The pointer one token deeper. */
export function appendPointer(pointer: string, ...tokens: readonly string[]): string {
  return pointer + formatPointer(tokens)
}

/** The value a pointer names inside `root`, or undefined when nothing is there. */
export function readPointer(root: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer)
  if (tokens === null) return undefined
  let node = root
  for (const token of tokens) {
    if (Array.isArray(node)) {
      // RFC 6901 array indexes: digits without leading zeros, nothing else.
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined
      node = node[Number(token)]
    } else if (isJsonObject(node)) {
      if (!Object.hasOwn(node, token)) return undefined
      node = node[token]
    } else {
      return undefined
    }
  }
  return node
}

/** Every proper ancestor of a pointer, nearest first, ending with the root (`''`). */
export function listAncestorPointers(pointer: string): string[] {
  const tokens = parsePointer(pointer) ?? []
  const ancestors: string[] = []
  for (let length = tokens.length - 1; length >= 0; length -= 1) {
    ancestors.push(formatPointer(tokens.slice(0, length)))
  }
  return ancestors
}
