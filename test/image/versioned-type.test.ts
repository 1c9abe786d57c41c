import { describe, expect, expectTypeOf, it } from 'vitest'
import { compareNames } from '../../src/image/json-value.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import {
  TYPE_REF_PREFIX,
  type HistoryEntry,
  type Impact,
  type LoadedTypes,
  type Role,
  type VersionedType
} from '../../src/image/versioned-type.js'
import { repo } from './schemas.js'

const LOADED: LoadedTypes = loadTypes(repo())
const FILES = new Map(repo().map((file) => [file.path, file.text]))

/** Every `$ref` string anywhere in a folded definition. */
function listRefs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(listRefs)
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : listRefs(value)))
}

describe('TYPE_REF_PREFIX', () => {
  it('is "type:"', () => {
    expect(TYPE_REF_PREFIX).toBe('type:')
  })

  it('marks exactly the versioned types a definition names in refs, and itself when it recurses', () => {
    for (const type of LOADED.types) {
      const marked = listRefs(type.definition)
        .filter((ref) => ref.startsWith(TYPE_REF_PREFIX))
        .map((ref) => ref.slice(TYPE_REF_PREFIX.length))
      expect([...new Set(marked)].filter((name) => name !== type.name).sort(compareNames)).toEqual(type.refs)
    }
    const section = LOADED.types.find((type) => type.name === 'document.Section')
    expect(listRefs(section?.definition)).toEqual(['type:document.Paragraph', 'type:document.Section'])
  })
})

describe('the types, as loadTypes fills them in', () => {
  it('builds a valid value of every exported type from real loaded types', () => {
    const [first] = LOADED.types
    expect(first).toBeDefined()
    const type: VersionedType = first!
    const entry: HistoryEntry = type.history[0]!
    const impact: Impact | null = entry.impact
    const role: Role = type.role
    const loaded: LoadedTypes = { types: [type] }
    expect(loaded.types[0]?.history[0]).toBe(entry)
    expect([null, 'major', 'minor', 'patch']).toContain(impact)
    expect(['stored', 'produced', 'both']).toContain(role)
    expectTypeOf<Impact>().toEqualTypeOf<'major' | 'minor' | 'patch'>()
    expectTypeOf<Role>().toEqualTypeOf<'stored' | 'produced' | 'both'>()
    expectTypeOf<HistoryEntry>().toEqualTypeOf<{ readonly tag: string; readonly impact: Impact | null; readonly note: string }>()
    expectTypeOf<LoadedTypes['types']>().toEqualTypeOf<readonly VersionedType[]>()
  })

  it('keeps the documented promises of each field', () => {
    expect(LOADED.types.map((type) => type.name)).toEqual([...LOADED.types.map((type) => type.name)].sort(compareNames))
    for (const type of LOADED.types) {
      expect(type.history.length).toBeGreaterThan(0)
      expect(type.tag).toBe(type.history[type.history.length - 1]?.tag)
      expect(type.fingerprint).toMatch(/^j1s-[0-9a-f]{16}$/)
      expect(type.refs).not.toContain(type.name)
      expect([...type.refs].sort(compareNames)).toEqual(type.refs)
      expect(type.line).not.toBeNull()
      const lines = FILES.get(type.file)?.split('\n') ?? []
      expect(lines[(type.line ?? 0) - 1]).toMatch(/^\s*"x-release":/)
    }
  })

  it('gives a file root the empty pointer and a $defs member its JSON Pointer', () => {
    const places = LOADED.types.map((type) => [type.name, type.file, type.pointer, type.document, type.role])
    expect(places).toEqual([
      ['document.Document', 'schemas/document.json', '', true, 'stored'],
      ['document.Paragraph', 'schemas/paragraph.json', '', false, 'stored'],
      ['document.Section', 'schemas/document.json', '/$defs/Section', false, 'stored'],
      ['settings.Device', 'schemas/settings.json', '/definitions/Device', false, 'stored'],
      ['settings.Settings', 'schemas/settings.json', '', true, 'stored']
    ])
  })
})
