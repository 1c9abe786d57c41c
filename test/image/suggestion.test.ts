import { describe, expect, it } from 'vitest'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import { composeNote, renderEntry, suggestAppend, suggestReplaceLast, suggestRestore } from '../../src/image/suggestion.js'
import type { VersionedType } from '../../src/image/versioned-type.js'
import { jsonFile, release, repo } from './schemas.js'

const TYPES = loadTypes(repo()).types

function typeNamed(name: string, types: readonly VersionedType[] = TYPES): VersionedType {
  const type = types.find((candidate) => candidate.name === name)
  if (type === undefined) throw new Error(`no type ${name}`)
  return type
}

const SECTION = typeNamed('document.Section')
const DOCUMENT = typeNamed('document.Document')

describe('renderEntry', () => {
  it.each<[readonly [string, 'major' | 'minor' | 'patch' | null, string], string]>([
    [['0.3', 'minor', 'Reachable document.Section 0.7 -> 0.8'], '["0.3", "minor", "Reachable document.Section 0.7 -> 0.8"]'],
    [['1.0', null, ''], '["1.0", null, ""]'],
    [['0.2.1', 'patch', 'Says "hi"\\n'], '["0.2.1", "patch", "Says \\"hi\\"\\\\n"]'],
    [['0.1', 'major', 'Zeile ü\n2'], '["0.1", "major", "Zeile ü\\n2"]']
  ])('%j → %s', (entry, text) => {
    expect(renderEntry(entry)).toBe(text)
    // What is printed is what the user pastes into a JSON file: it must read back as the entry.
    expect(JSON.parse(text)).toEqual(entry)
  })
})

describe('the suggestions', () => {
  it('points at a nested type by its pointer, and at its x-release line', () => {
    expect(SECTION.line).not.toBeNull()
    expect(suggestAppend(SECTION, ['0.8', 'minor', 'Added an optional summary'])).toEqual({
      action: 'append',
      file: 'schemas/document.json',
      pointer: '/$defs/Section/x-release/history',
      line: SECTION.line,
      entry: ['0.8', 'minor', 'Added an optional summary'],
      text: 'schemas/document.json#/$defs/Section: x-release.history += ["0.8", "minor", "Added an optional summary"]'
    })
  })

  it('names a file-root type by its file alone', () => {
    expect(suggestAppend(DOCUMENT, ['0.2.1', null, 'Reachable document.Section 0.7 -> 0.8'])).toEqual({
      action: 'append',
      file: 'schemas/document.json',
      pointer: '/x-release/history',
      line: DOCUMENT.line,
      entry: ['0.2.1', null, 'Reachable document.Section 0.7 -> 0.8'],
      text: 'schemas/document.json: x-release.history += ["0.2.1", null, "Reachable document.Section 0.7 -> 0.8"]'
    })
  })

  it('shows the newest entry it replaces', () => {
    expect(suggestReplaceLast(SECTION, ['1.0', 'major', 'Property `tags` removed'])).toEqual({
      action: 'replace-last',
      file: 'schemas/document.json',
      pointer: '/$defs/Section/x-release/history',
      line: SECTION.line,
      entry: ['1.0', 'major', 'Property `tags` removed'],
      text:
        'schemas/document.json#/$defs/Section: x-release.history[-1] ["0.7", "minor", "Added subsections"] -> ' +
        '["1.0", "major", "Property `tags` removed"]'
    })
  })

  it('replaces without a "was" when the history it is given is empty', () => {
    const empty: VersionedType = { ...SECTION, history: [] }
    expect(suggestReplaceLast(empty, ['0.1', null, 'x']).text).toBe(
      'schemas/document.json#/$defs/Section: x-release.history[-1] ["0.1", null, "x"]'
    )
  })

  it('restores an entry at its index', () => {
    expect(suggestRestore(DOCUMENT, 0, ['0.1', null, 'Initial version'])).toEqual({
      action: 'restore',
      file: 'schemas/document.json',
      pointer: '/x-release/history',
      line: DOCUMENT.line,
      index: 0,
      entry: ['0.1', null, 'Initial version'],
      text: 'schemas/document.json: x-release.history[0] = ["0.1", null, "Initial version"]'
    })
  })

  it('keeps an unknown line as null', () => {
    const unplaced: VersionedType = { ...SECTION, line: null }
    expect(suggestAppend(unplaced, ['0.8', null, 'x']).line).toBeNull()
    expect(suggestRestore(unplaced, 1, ['0.7', 'minor', 'x']).line).toBeNull()
  })

  it('escapes the pointer of a type whose $defs name holds "/" or "~"', () => {
    const [type] = loadTypes([
      jsonFile('schemas/odd.json', { $defs: { 'a/b~c': { 'x-release': release('odd.Odd', [['0.1', null, 'x']]), type: 'string' } } })
    ]).types
    expect(type?.pointer).toBe('/$defs/a~1b~0c')
    const suggestion = suggestAppend(type!, ['0.2', 'minor', 'y'])
    expect(suggestion.pointer).toBe('/$defs/a~1b~0c/x-release/history')
    expect(suggestion.text).toBe('schemas/odd.json#/$defs/a~1b~0c: x-release.history += ["0.2", "minor", "y"]')
  })
})

describe('composeNote', () => {
  it.each<[string, string[], number | undefined, string]>([
    ['nothing', [], undefined, ''],
    ['one change, capitalised', ['property `tags` removed'], undefined, 'Property `tags` removed'],
    ['three changes, all shown', ['a removed', 'b added', 'c changed'], undefined, 'A removed; b added; c changed'],
    ['four changes, the fourth counted', ['a', 'b', 'c', 'd'], undefined, 'A; b; c; and 1 more'],
    ['six changes, three counted', ['a', 'b', 'c', 'd', 'e', 'f'], undefined, 'A; b; c; and 3 more'],
    ['a smaller limit', ['a', 'b', 'c'], 1, 'A; and 2 more'],
    ['a limit above the count', ['a', 'b'], 5, 'A; b'],
    ['a summary that starts with a backtick', ['`maxLength` lowered from 9 to 5'], undefined, '`maxLength` lowered from 9 to 5'],
    ['an already capitalised summary', ['Type string no longer allowed'], undefined, 'Type string no longer allowed']
  ])('%s', (_, summaries, limit, expected) => {
    expect(limit === undefined ? composeNote(summaries) : composeNote(summaries, limit)).toBe(expected)
  })
})
