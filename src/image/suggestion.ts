/** The history edits findings suggest, ready to print and to apply by hand. */

import type { Suggestion } from './check-result.js'
import { appendPointer } from './json-schema/json-pointer.js'
import { RELEASE_KEY } from './json-schema/release-block.js'
import type { Impact, VersionedType } from './versioned-type.js'

type Entry = readonly [tag: string, impact: Impact | null, note: string]

/** `["0.3", "minor", "Reachable document.Section 0.7 -> 0.8"]`, as it is typed into the file. */
export function renderEntry(entry: Entry): string {
  return `[${entry.map((field) => JSON.stringify(field)).join(', ')}]`
}

/** `schemas/document.json` for a file root, `schemas/document.json#/$defs/Section` for a nested type. */
function renderPlace(type: VersionedType): string {
  return type.pointer === '' ? type.file : `${type.file}#${type.pointer}`
}

function base(type: VersionedType): Pick<Suggestion, 'file' | 'pointer' | 'line'> {
  return { file: type.file, pointer: appendPointer(type.pointer, RELEASE_KEY, 'history'), line: type.line }
}

export function suggestAppend(type: VersionedType, entry: Entry): Suggestion {
  return { action: 'append', ...base(type), entry, text: `${renderPlace(type)}: x-release.history += ${renderEntry(entry)}` }
}

export function suggestReplaceLast(type: VersionedType, entry: Entry): Suggestion {
  const last = type.history[type.history.length - 1]
  const was = last === undefined ? '' : `${renderEntry([last.tag, last.impact, last.note])} -> `
  return { action: 'replace-last', ...base(type), entry, text: `${renderPlace(type)}: x-release.history[-1] ${was}${renderEntry(entry)}` }
}

export function suggestRestore(type: VersionedType, index: number, entry: Entry): Suggestion {
  return {
    action: 'restore',
    ...base(type),
    index,
    entry,
    text: `${renderPlace(type)}: x-release.history[${index}] = ${renderEntry(entry)}`
  }
}

/** "Property `tags` removed; optional property `x` added" from change summaries: the first few, capitalised. */
export function composeNote(summaries: readonly string[], limit = 3): string {
  const shown = summaries.slice(0, limit)
  const more = summaries.length > limit ? `; and ${summaries.length - limit} more` : ''
  const text = shown.join('; ') + more
  return text.charAt(0).toUpperCase() + text.slice(1)
}
