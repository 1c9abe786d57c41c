import { describe, expect, it } from 'vitest'
import { buildImage, parseImage, type Image, type ImageLine } from '../../src/image/image.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import type { SchemaFile } from '../../src/image/json-schema/schema-files.js'
import { compareReachables, compareTypeStates, type Baseline, type TypeChange } from '../../src/image/type-changes.js'
import type { LoadedTypes } from '../../src/image/versioned-type.js'
import {
  DOCUMENT_HISTORY,
  jsonFile,
  PARAGRAPH_HISTORY,
  plus,
  release,
  repo,
  SECTION_HISTORY,
  SECTION_PROPERTIES,
  type Entry
} from './schemas.js'

const SECTION_WITHOUT_TAGS = Object.fromEntries(Object.entries(SECTION_PROPERTIES).filter(([name]) => name !== 'tags'))
const SECTION_WITH_SUMMARY = { ...SECTION_PROPERTIES, summary: { type: 'string' } }

/** The baseline as `verso image check` reads it at the last release: its image and, unless left out, its schemas. */
function baselineOf(files: SchemaFile[], withTypes = true): Baseline {
  const types = loadTypes(files)
  return { image: buildImage(types), types: withTypes ? types : null }
}

function changeOf(changes: ReadonlyMap<string, TypeChange>, name: string): TypeChange {
  const change = changes.get(name)
  if (change === undefined) throw new Error(`no change for ${name}; have ${[...changes.keys()].join(', ')}`)
  return change
}

function lineOf(image: Image, document: string): ImageLine {
  const line = image.lines.find((candidate) => candidate.document.name === document)
  if (line === undefined) throw new Error(`no line for ${document}`)
  return line
}

function imageWithout(types: LoadedTypes, fingerprint: (real: string) => string | null): Image {
  const image = buildImage(types)
  const entry = (item: { name: string; tag: string; fingerprint: string | null }) => ({
    ...item,
    fingerprint: fingerprint(item.fingerprint ?? '')
  })
  return { lines: image.lines.map((line) => ({ document: entry(line.document), reachables: line.reachables.map(entry) })) }
}

describe('compareTypeStates', () => {
  it('reports every type of an unchanged repository as unchanged', () => {
    const today = loadTypes(repo())
    const changes = compareTypeStates(today, baselineOf(repo()))
    expect([...changes.keys()]).toEqual([
      'document.Document',
      'document.Paragraph',
      'document.Section',
      'settings.Device',
      'settings.Settings'
    ])
    for (const type of today.types) {
      expect(changeOf(changes, type.name)).toEqual({
        name: type.name,
        today: type,
        baseTag: type.tag,
        baseFingerprint: type.fingerprint,
        baseType: expect.objectContaining({ name: type.name, fingerprint: type.fingerprint }),
        tagOrder: 0,
        contentChanged: false,
        newEntries: [],
        inferred: null,
        rewrites: []
      })
    }
  })

  it('sees a covered change: new content, a newer tag, the new entry and the inferred impact', () => {
    const entry: Entry = ['0.8', 'minor', 'Added an optional summary']
    const today = loadTypes(repo({ sectionProperties: SECTION_WITH_SUMMARY, sectionHistory: plus(SECTION_HISTORY, entry) }))
    const section = changeOf(compareTypeStates(today, baselineOf(repo())), 'document.Section')
    expect(section).toMatchObject({ baseTag: '0.7', contentChanged: true, rewrites: [] })
    expect(section.tagOrder).toBeGreaterThan(0)
    expect(section.newEntries).toEqual([{ tag: '0.8', impact: 'minor', note: 'Added an optional summary' }])
    expect(section.inferred).toEqual({
      bump: 'minor',
      reasons: [
        {
          bump: 'minor',
          message: 'optional property `summary` added to document.Section',
          summary: 'optional property `summary` added'
        }
      ]
    })
  })

  it('sees an uncovered change: new content under the same tag, no new entry', () => {
    const today = loadTypes(repo({ sectionProperties: SECTION_WITHOUT_TAGS }))
    const changes = compareTypeStates(today, baselineOf(repo()))
    expect(changeOf(changes, 'document.Section')).toMatchObject({
      baseTag: '0.7',
      tagOrder: 0,
      contentChanged: true,
      newEntries: [],
      inferred: { bump: 'major', reasons: [{ bump: 'major', summary: 'property `tags` removed' }] },
      rewrites: []
    })
    // The document's own definition refers to the section by name only: its content did not change.
    expect(changeOf(changes, 'document.Document')).toMatchObject({ contentChanged: false, inferred: null })
  })

  it('sees a new tag without a content change', () => {
    const today = loadTypes(repo({ paragraphHistory: plus(PARAGRAPH_HISTORY, ['0.4', 'minor', 'Nothing really']) }))
    expect(changeOf(compareTypeStates(today, baselineOf(repo())), 'document.Paragraph')).toMatchObject({
      baseTag: '0.3',
      contentChanged: false,
      inferred: null,
      newEntries: [{ tag: '0.4', impact: 'minor', note: 'Nothing really' }]
    })
  })

  it('leaves out types the baseline does not know', () => {
    const extra = jsonFile('schemas/extra.json', {
      'x-release': release('extra.New', [['0.1', null, 'x']], { document: true }),
      type: 'string'
    })
    const changes = compareTypeStates(loadTypes([...repo(), extra]), baselineOf(repo()))
    expect(changes.has('extra.New')).toBe(false)
    expect(changes.size).toBe(5)
  })

  it('compares a type no document reaches through the baseline schemas alone', () => {
    const loose = (properties: Record<string, unknown>, history: Entry[]): SchemaFile =>
      jsonFile('schemas/loose.json', { $defs: { Loose: { 'x-release': release('loose.Loose', history), type: 'object', properties } } })
    const before = [...repo(), loose({ a: { type: 'string' } }, [['0.1', null, 'x']])]
    const after = [...repo(), loose({}, [['0.1', null, 'x']])]
    const baseline = baselineOf(before)
    expect(baseline.image.lines.flatMap((line) => [line.document.name, ...line.reachables.map((entry) => entry.name)])).not.toContain(
      'loose.Loose'
    )
    expect(changeOf(compareTypeStates(loadTypes(after), baseline), 'loose.Loose')).toMatchObject({
      baseTag: '0.1',
      contentChanged: true,
      inferred: { bump: 'major', reasons: [{ summary: 'property `a` removed' }] }
    })
  })

  it('takes the tag from the released image over the baseline schemas', () => {
    const baseTypes = loadTypes(repo())
    const fingerprints = new Map(baseTypes.types.map((type) => [type.name, type.fingerprint]))
    const own = `document.Document/0.2/${fingerprints.get('document.Document')}`
    const image = parseImage(`document.Document:${own},document.Section/0.6/${fingerprints.get('document.Section')}\n`)
    expect(changeOf(compareTypeStates(loadTypes(repo()), { image, types: baseTypes }), 'document.Section')).toMatchObject({
      baseTag: '0.6',
      contentChanged: false
    })
  })

  describe('without the baseline schemas', () => {
    it('compares fingerprints from the image and infers nothing', () => {
      const today = loadTypes(repo({ sectionProperties: SECTION_WITHOUT_TAGS }))
      const before = loadTypes(repo())
      const section = changeOf(compareTypeStates(today, baselineOf(repo(), false)), 'document.Section')
      expect(section).toMatchObject({
        baseTag: '0.7',
        baseType: null,
        baseFingerprint: before.types.find((type) => type.name === 'document.Section')?.fingerprint,
        contentChanged: true,
        inferred: null,
        rewrites: []
      })
    })

    it('takes history entries with a newer tag than the released one as new', () => {
      const today = loadTypes(
        repo({ sectionHistory: plus(SECTION_HISTORY, ['0.8', 'minor', 'a'], ['0.9', null, 'b']), sectionProperties: SECTION_WITH_SUMMARY })
      )
      expect(changeOf(compareTypeStates(today, baselineOf(repo(), false)), 'document.Section').newEntries).toEqual([
        { tag: '0.8', impact: 'minor', note: 'a' },
        { tag: '0.9', impact: null, note: 'b' }
      ])
    })

    it('can only tell that the released tag is gone from the history', () => {
      const today = loadTypes(
        repo({
          sectionHistory: [
            ['0.1', null, 'Initial version'],
            ['0.8', 'minor', 'Added subsections']
          ]
        })
      )
      const section = changeOf(compareTypeStates(today, baselineOf(repo(), false)), 'document.Section')
      expect(section.rewrites).toEqual([{ kind: 'tag-missing' }])
      expect(section.newEntries).toEqual([{ tag: '0.8', impact: 'minor', note: 'Added subsections' }])
    })

    it('finds the released tag however it is spelled: 0.2 in the image is 0.2.0 in the history', () => {
      const today = loadTypes(
        repo({
          documentHistory: [
            ['0.1', null, 'Initial version'],
            ['0.2.0', 'minor', 'Added sections']
          ]
        })
      )
      expect(changeOf(compareTypeStates(today, baselineOf(repo(), false)), 'document.Document')).toMatchObject({
        baseTag: '0.2',
        tagOrder: 0,
        rewrites: []
      })
    })

    it('cannot tell content changes from an image written without fingerprints', () => {
      const before = loadTypes(repo())
      const ansar = imageWithout(before, () => null)
      const today = loadTypes(repo({ sectionProperties: SECTION_WITHOUT_TAGS }))
      expect(changeOf(compareTypeStates(today, { image: ansar, types: null }), 'document.Section')).toMatchObject({
        baseFingerprint: null,
        contentChanged: null,
        inferred: null
      })
    })

    it('does not compare a fingerprint of another scheme', () => {
      const before = loadTypes(repo())
      const other = imageWithout(before, (real) => real.replace(/^j1s-/, 'j2s-'))
      expect(changeOf(compareTypeStates(loadTypes(repo()), { image: other, types: null }), 'document.Section')).toMatchObject({
        baseFingerprint: null,
        contentChanged: null
      })
    })
  })

  it('falls back to the baseline schemas for a fingerprint the image lacks or cannot compare', () => {
    const before = loadTypes(repo())
    const today = loadTypes(repo({ sectionProperties: SECTION_WITHOUT_TAGS }))
    const released = before.types.find((type) => type.name === 'document.Section')?.fingerprint
    for (const image of [imageWithout(before, () => null), imageWithout(before, (real) => real.replace(/^j1s-/, 'j2s-'))]) {
      expect(changeOf(compareTypeStates(today, { image, types: before }), 'document.Section')).toMatchObject({
        baseFingerprint: released,
        contentChanged: true,
        inferred: { bump: 'major' }
      })
    }
  })

  describe('released history entries', () => {
    it.each<[string, Entry[], unknown[]]>([
      [
        'a note edited',
        [
          ['0.1', null, 'First version'],
          ['0.7', 'minor', 'Added subsections']
        ],
        [
          {
            kind: 'edited',
            index: 0,
            released: { tag: '0.1', impact: null, note: 'Initial version' },
            now: { tag: '0.1', impact: null, note: 'First version' }
          }
        ]
      ],
      [
        'an impact edited',
        [
          ['0.1', null, 'Initial version'],
          ['0.7', 'major', 'Added subsections']
        ],
        [
          {
            kind: 'edited',
            index: 1,
            released: { tag: '0.7', impact: 'minor', note: 'Added subsections' },
            now: { tag: '0.7', impact: 'major', note: 'Added subsections' }
          }
        ]
      ],
      [
        'a tag edited',
        [
          ['0.1', null, 'Initial version'],
          ['0.6', 'minor', 'Added subsections']
        ],
        [
          {
            kind: 'edited',
            index: 1,
            released: { tag: '0.7', impact: 'minor', note: 'Added subsections' },
            now: { tag: '0.6', impact: 'minor', note: 'Added subsections' }
          }
        ]
      ],
      [
        'the newest removed',
        [['0.1', null, 'Initial version']],
        [{ kind: 'removed', index: 1, released: { tag: '0.7', impact: 'minor', note: 'Added subsections' } }]
      ]
    ])('%s', (_, sectionHistory, rewrites) => {
      const today = loadTypes(repo({ sectionHistory }))
      expect(changeOf(compareTypeStates(today, baselineOf(repo())), 'document.Section').rewrites).toEqual(rewrites)
    })

    it('sees the tag go back when the newest entry is removed', () => {
      const today = loadTypes(repo({ sectionHistory: [['0.1', null, 'Initial version']] }))
      expect(changeOf(compareTypeStates(today, baselineOf(repo())), 'document.Section').tagOrder).toBeLessThan(0)
    })

    it('counts entries newer than the released tag as new when the released ones were rewritten', () => {
      const today = loadTypes(
        repo({
          sectionProperties: SECTION_WITH_SUMMARY,
          sectionHistory: [
            ['0.1', null, 'Edited'],
            ['0.7', 'minor', 'Added subsections'],
            ['0.8', 'minor', 'Added a summary']
          ]
        })
      )
      const section = changeOf(compareTypeStates(today, baselineOf(repo())), 'document.Section')
      expect(section.rewrites).toHaveLength(1)
      expect(section.newEntries).toEqual([{ tag: '0.8', impact: 'minor', note: 'Added a summary' }])
    })

    it('counts entries past the released length as new when the released ones stand', () => {
      const today = loadTypes(repo({ documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', null, 'Reachable document.Section 0.7 -> 0.8']) }))
      expect(changeOf(compareTypeStates(today, baselineOf(repo())), 'document.Document')).toMatchObject({
        rewrites: [],
        newEntries: [{ tag: '0.2.1', impact: null, note: 'Reachable document.Section 0.7 -> 0.8' }]
      })
    })
  })
})

describe('compareReachables', () => {
  it('sees a reachable retagged and one changed under its old tag; the unchanged line has none', () => {
    const before = buildImage(loadTypes(repo()))
    const todayTypes = loadTypes(
      repo({ sectionProperties: SECTION_WITHOUT_TAGS, paragraphHistory: plus(PARAGRAPH_HISTORY, ['0.4', 'minor', 'Retagged']) })
    )
    const after = buildImage(todayTypes)
    const changes = compareTypeStates(todayTypes, { image: before, types: loadTypes(repo()) })
    expect(compareReachables(lineOf(before, 'document.Document'), lineOf(after, 'document.Document'), changes)).toEqual([
      { name: 'document.Paragraph', kind: 'retagged', from: '0.3', to: '0.4' },
      { name: 'document.Section', kind: 'changed', from: '0.7', to: '0.7' }
    ])
    expect(compareReachables(lineOf(before, 'settings.Settings'), lineOf(after, 'settings.Settings'), changes)).toEqual([])
  })

  it('sees reachables added and removed', () => {
    const alone = repo({ documentProperties: { title: { type: 'string' } } })
    const reaching = buildImage(loadTypes(repo()))
    const notReaching = buildImage(loadTypes(alone))
    const changes = compareTypeStates(loadTypes(repo()), baselineOf(alone))
    const added = compareReachables(lineOf(notReaching, 'document.Document'), lineOf(reaching, 'document.Document'), changes)
    expect(added).toEqual([
      { name: 'document.Paragraph', kind: 'added', from: null, to: '0.3' },
      { name: 'document.Section', kind: 'added', from: null, to: '0.7' }
    ])
    const removed = compareReachables(lineOf(reaching, 'document.Document'), lineOf(notReaching, 'document.Document'), changes)
    expect(removed).toEqual([
      { name: 'document.Paragraph', kind: 'removed', from: '0.3', to: null },
      { name: 'document.Section', kind: 'removed', from: '0.7', to: null }
    ])
  })

  it('sorts by name and treats 2.5 and 2.5.0 as one tag', () => {
    const [before, after] = [
      parseImage('d.D:d.D/1.0,d.E/2.5,d.C/0.1,d.A/0.1,d.B/0.1\n'),
      parseImage('d.D:d.D/1.0,d.N/0.1,d.E/2.5.0,d.C/0.1,d.B/0.2\n')
    ]
    const found = compareReachables(lineOf(before, 'd.D'), lineOf(after, 'd.D'), new Map())
    expect(found).toEqual([
      { name: 'd.A', kind: 'removed', from: '0.1', to: null },
      { name: 'd.B', kind: 'retagged', from: '0.1', to: '0.2' },
      { name: 'd.N', kind: 'added', from: null, to: '0.1' }
    ])
  })

  it('calls a reachable changed only when its content is known to have changed', () => {
    const before = loadTypes(repo())
    const todayTypes = loadTypes(repo({ sectionProperties: SECTION_WITHOUT_TAGS }))
    const [was, is] = [lineOf(buildImage(before), 'document.Document'), lineOf(buildImage(todayTypes), 'document.Document')]
    const known = compareTypeStates(todayTypes, { image: buildImage(before), types: null })
    expect(compareReachables(was, is, known)).toEqual([{ name: 'document.Section', kind: 'changed', from: '0.7', to: '0.7' }])
    const unknown = compareTypeStates(todayTypes, { image: imageWithout(before, () => null), types: null })
    expect(changeOf(unknown, 'document.Section').contentChanged).toBeNull()
    expect(compareReachables(was, is, unknown)).toEqual([])
    expect(compareReachables(was, is, new Map())).toEqual([])
  })
})
