/**
 * Type tags: `MAJOR.MINOR`, and on documents an optional third number that marks a change
 * which came only through reachables (`2.5` → `2.5.1`; `2.5` equals `2.5.0`).
 */

import type { Bump } from '../commits/bump.js'

export type Tag = { readonly major: number; readonly minor: number; readonly third: number | null }

/** No leading zeros, so every tag has one spelling and string equality means tag equality. */
export const TAG_PATTERN = '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?$'
const TAG = new RegExp(TAG_PATTERN)

export function parseTag(text: string): Tag | null {
  const match = TAG.exec(text)
  if (match === null) return null
  return { major: Number(match[1]), minor: Number(match[2]), third: match[4] === undefined ? null : Number(match[4]) }
}

export function formatTag(tag: Tag): string {
  return tag.third === null ? `${tag.major}.${tag.minor}` : `${tag.major}.${tag.minor}.${tag.third}`
}

/** Negative, zero or positive as a is older than, the same as or newer than b. Unparsable tags sort first. */
export function compareTags(a: string, b: string): number {
  const left = parseTag(a)
  const right = parseTag(b)
  if (left === null || right === null) return (left === null ? 0 : 1) - (right === null ? 0 : 1)
  return left.major - right.major || left.minor - right.minor || (left.third ?? 0) - (right.third ?? 0)
}

/** Whether only the third number differs (`2.5` → `2.5.1`): the mark of a reachables-only change. */
export function isThirdNumberOnly(from: string, to: string): boolean {
  const a = parseTag(from)
  const b = parseTag(to)
  return a !== null && b !== null && a.major === b.major && a.minor === b.minor && (a.third ?? 0) !== (b.third ?? 0)
}

/**
 * The tag to suggest after `current` for a change of the given size: the major for a major
 * change, the minor for anything smaller (tags have no patch level of their own), and the
 * third number for a document whose change came only through its reachables.
 */
export function nextTag(current: string, change: Bump | 'reachables'): string {
  const tag = parseTag(current) ?? { major: 0, minor: 0, third: null }
  if (change === 'reachables') return formatTag({ major: tag.major, minor: tag.minor, third: (tag.third ?? 0) + 1 })
  if (change === 'major') return formatTag({ major: tag.major + 1, minor: 0, third: null })
  return formatTag({ major: tag.major, minor: tag.minor + 1, third: null })
}
