import { describe, expect, it } from 'vitest'
import { checkImage } from '../../src/image/check.js'
import { buildImage, parseImage, renderImage } from '../../src/image/image.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import {
  DEVICE_HISTORY,
  DEVICE_PROPERTIES,
  DOCUMENT_HISTORY,
  jsonFile,
  plus,
  release,
  repo,
  runScenario,
  SECTION_HISTORY,
  SECTION_PROPERTIES,
  SETTINGS_HISTORY,
  type Entry
} from './schemas.js'

const SECTION_WITHOUT_TAGS = Object.fromEntries(Object.entries(SECTION_PROPERTIES).filter(([name]) => name !== 'tags'))
const SECTION_WITH_SUMMARY = { ...SECTION_PROPERTIES, summary: { type: 'string' } }

describe('the four outcomes', () => {
  it('created: no baseline image; the caller writes imageText', () => {
    const today = loadTypes(repo())
    const result = checkImage({ today, baseline: { image: null, types: null }, committedImageText: null, bootstrap: 'create' })
    expect(result).toMatchObject({ outcome: 'created', findings: [], bump: { bump: 'none' }, imageUpToDate: false })
    expect(result.imageText).toBe(renderImage(buildImage(today)))
  })

  it("created is a finding when bootstrap is 'fail'", () => {
    const result = checkImage({
      today: loadTypes(repo()),
      baseline: { image: null, types: null },
      committedImageText: null,
      bootstrap: 'fail'
    })
    expect(result.outcome).toBe('incomplete')
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'bootstrap', file: '.release-image', message: expect.stringContaining('verso image set') })
    ])
  })

  it('unchanged: same names, tags and fingerprints', () => {
    const result = runScenario({ before: repo(), after: repo() })
    expect(result).toMatchObject({
      outcome: 'unchanged',
      findings: [],
      remarks: [],
      warnings: [],
      bump: { bump: 'none', reasons: [] },
      imageUpToDate: true
    })
  })

  it('valid: every change is covered; the notes list the new entries', () => {
    const result = runScenario({
      before: repo(),
      after: repo({
        sectionProperties: SECTION_WITH_SUMMARY,
        sectionHistory: plus(SECTION_HISTORY, ['0.8', 'minor', 'Added an optional summary']),
        documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', null, 'Reachable document.Section 0.7 -> 0.8'])
      })
    })
    expect(result.outcome).toBe('valid')
    expect(result.findings).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.remarks.map((remark) => remark.message)).toEqual([
      'document.Document 0.2.1 (patch, inferred): Reachable document.Section 0.7 -> 0.8',
      'document.Section 0.8 (minor): Added an optional summary'
    ])
    expect(result.bump.bump).toBe('minor')
    expect(result.bump.reasons).toContainEqual({
      type: 'document.Section',
      bump: 'minor',
      message: 'optional property `summary` added to document.Section'
    })
  })

  it('incomplete: a content change without a history entry (R2, and R1 for the document), major suggested', () => {
    const result = runScenario({ before: repo(), after: repo({ sectionProperties: SECTION_WITHOUT_TAGS }) })
    expect(result.outcome).toBe('incomplete')
    expect(result.findings.map((finding) => [finding.rule, finding.type, finding.file, finding.suggestion?.text])).toEqual([
      [
        'R1',
        'document.Document',
        'schemas/document.json',
        'schemas/document.json: x-release.history += ["0.2.1", "major", "Reachable document.Section 0.7 -> 1.0"]'
      ],
      [
        'R2',
        'document.Section',
        'schemas/document.json',
        'schemas/document.json#/$defs/Section: x-release.history += ["1.0", "major", "Property `tags` removed"]'
      ]
    ])
    const section = result.findings[1]
    expect(section?.message).toBe('document.Section changed but is still tagged 0.7: Property `tags` removed. Add a history entry.')
    const lines = repo()[0]?.text.split('\n') ?? []
    expect(lines[(section?.line ?? 0) - 1]).toMatch(/^ {6}"x-release"/)
    expect(section?.suggestion).toMatchObject({
      action: 'append',
      pointer: '/$defs/Section/x-release/history',
      entry: ['1.0', 'major', 'Property `tags` removed']
    })
    expect(result.bump).toEqual({
      bump: 'major',
      reasons: [{ type: 'document.Section', bump: 'major', message: 'property `tags` removed from document.Section' }]
    })
  })

  it('applying the suggestions turns incomplete into valid', () => {
    const after = repo({
      sectionProperties: SECTION_WITHOUT_TAGS,
      sectionHistory: plus(SECTION_HISTORY, ['1.0', 'major', 'Property `tags` removed']),
      documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', 'major', 'Reachable document.Section 0.7 -> 1.0'])
    })
    expect(runScenario({ before: repo(), after })).toMatchObject({ outcome: 'valid', findings: [], bump: { bump: 'major' } })
  })
})

describe('the rules', () => {
  it('canonicalisation noise is no change', () => {
    const noisy = repo({
      sectionRequired: ['heading', 'heading'],
      sectionProperties: {
        tags: SECTION_PROPERTIES.tags,
        subsections: SECTION_PROPERTIES.subsections,
        paragraphs: SECTION_PROPERTIES.paragraphs,
        heading: { maxLength: 200.0, type: 'string', description: 'The heading' }
      },
      deviceProperties: { kind: { enum: ['tablet', 'phone'], description: 'What it is' }, id: { type: 'string', title: 'Id' } }
    })
    expect(runScenario({ before: repo(), after: noisy }).outcome).toBe('unchanged')
  })

  it('R1: a reachable shared by two documents, only one bumped, gives exactly one finding', () => {
    const files = (addressHistory: Entry[], orderHistory: Entry[]) => [
      jsonFile('address.json', {
        'x-release': release('common.Address', addressHistory),
        type: 'object',
        properties: { street: { type: 'string' }, ...(addressHistory.length > 1 ? { zip: { type: 'string' } } : {}) }
      }),
      jsonFile('order.json', {
        'x-release': release('shop.Order', orderHistory, { document: true }),
        properties: { to: { $ref: 'address.json' } }
      }),
      jsonFile('invoice.json', {
        'x-release': release('shop.Invoice', [['1.0', null, 'Initial']], { document: true }),
        properties: { to: { $ref: 'address.json' } }
      })
    ]
    const result = runScenario({
      before: files([['0.1', null, 'Initial']], [['1.0', null, 'Initial']]),
      after: files(
        [
          ['0.1', null, 'Initial'],
          ['0.2', 'minor', 'Added zip']
        ],
        [
          ['1.0', null, 'Initial'],
          ['1.0.1', null, 'Reachable common.Address 0.1 -> 0.2']
        ]
      )
    })
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({
      rule: 'R1',
      type: 'shop.Invoice',
      file: 'invoice.json',
      message:
        'shop.Invoice is still tagged 1.0, but what it reaches changed: reachable common.Address 0.1 -> 0.2. A document gets a new tag whenever its reachables change.',
      suggestion: { text: 'invoice.json: x-release.history += ["1.0.1", "minor", "Reachable common.Address 0.1 -> 0.2"]' }
    })
  })

  it('R1: a reachable added or removed is a change too', () => {
    const after = repo({
      documentProperties: {
        title: { type: 'string' },
        sections: { type: 'array', items: { $ref: '#/$defs/Section' } },
        settings: { $ref: 'settings.json' }
      }
    })
    const result = runScenario({ before: repo(), after })
    expect(result.findings.map((finding) => [finding.rule, finding.type, finding.suggestion?.entry])).toEqual([
      [
        'R2',
        'document.Document',
        ['0.3', 'minor', 'Optional property `settings` added; Reachable settings.Device 0.14 added; Reachable settings.Settings 0.11 added']
      ]
    ])
  })

  it('R3: a new tag with no content change is valid, with a warning', () => {
    const result = runScenario({
      before: repo(),
      after: repo({
        deviceHistory: plus(DEVICE_HISTORY, ['0.15', 'patch', 'Clarified that id is the serial number']),
        settingsHistory: plus(SETTINGS_HISTORY, ['0.11.1', null, 'Reachable settings.Device 0.14 -> 0.15'])
      })
    })
    expect(result.outcome).toBe('valid')
    expect(result.warnings).toEqual([
      expect.objectContaining({
        rule: 'R3',
        type: 'settings.Device',
        message: expect.stringContaining('settings.Device 0.14 -> 0.15 is a new tag, but its definition did not change')
      })
    ])
    expect(result.bump.bump).toBe('patch')
  })

  it('R4: a tag that goes backwards, and a removed released entry', () => {
    const result = runScenario({ before: repo(), after: repo({ sectionHistory: [['0.1', null, 'Initial version']] }) })
    expect(result.findings.map((finding) => [finding.rule, finding.message, finding.suggestion?.text])).toEqual([
      [
        'R4',
        'document.Section went back from 0.7 to 0.1; tags only move forward. Restore the released history and add new entries after 0.7.',
        undefined
      ],
      [
        'R4',
        'history[1] of document.Section (0.7) was released and is gone; released entries are never removed.',
        'schemas/document.json#/$defs/Section: x-release.history[1] = ["0.7", "minor", "Added subsections"]'
      ],
      ['R1', expect.stringContaining('reachable document.Section 0.7 -> 0.1'), expect.any(String)]
    ])
  })

  it('R4: an edited earlier history entry', () => {
    const result = runScenario({
      before: repo(),
      after: repo({
        sectionHistory: [
          ['0.1', null, 'First version'],
          ['0.7', 'minor', 'Added subsections']
        ]
      })
    })
    expect(result.outcome).toBe('incomplete')
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'R4',
        message:
          'history[0] of document.Section was ["0.1", null, "Initial version"] at the last release and is now ["0.1", null, "First version"]; released entries are never edited.',
        suggestion: expect.objectContaining({ action: 'restore', index: 0, entry: ['0.1', null, 'Initial version'] })
      })
    ])
  })

  it('R5: a third number may not mark a change to the document itself', () => {
    const result = runScenario({
      before: repo(),
      after: repo({
        documentProperties: {
          title: { type: 'string' },
          sections: { type: 'array', items: { $ref: '#/$defs/Section' } },
          subtitle: { type: 'string' }
        },
        documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', 'minor', 'Added subtitle'])
      })
    })
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'R5',
        type: 'document.Document',
        suggestion: expect.objectContaining({
          action: 'replace-last',
          entry: ['0.3', 'minor', 'Added subtitle'],
          text: 'schemas/document.json: x-release.history[-1] ["0.2.1", "minor", "Added subtitle"] -> ["0.3", "minor", "Added subtitle"]'
        })
      })
    ])
  })

  it('R6: a deleted document is a note and a major bump', () => {
    const result = runScenario({ before: repo(), after: repo().filter((file) => file.path !== 'schemas/settings.json') })
    expect(result.outcome).toBe('valid')
    expect(result.remarks).toEqual([expect.objectContaining({ kind: 'document-removed', type: 'settings.Settings' })])
    expect(result.bump).toEqual({
      bump: 'major',
      reasons: [{ type: 'settings.Settings', bump: 'major', message: 'document settings.Settings removed' }]
    })
  })

  it('R6: an added document is a note and a minor bump', () => {
    const result = runScenario({ before: repo().filter((file) => file.path !== 'schemas/settings.json'), after: repo() })
    expect(result).toMatchObject({
      outcome: 'valid',
      remarks: [{ kind: 'document-added', type: 'settings.Settings' }],
      bump: { bump: 'minor' }
    })
  })

  it('R6: a new name with the same fingerprint is a possible rename', () => {
    const renamed = repo().map((file) =>
      file.path === 'schemas/settings.json' ? { ...file, text: file.text.replace('"settings.Settings"', '"settings.Preferences"') } : file
    )
    const result = runScenario({ before: repo(), after: renamed })
    expect(result.remarks.map((remark) => remark.kind)).toEqual(['document-added', 'document-removed', 'possible-rename'])
    expect(result.remarks[2]).toMatchObject({
      from: 'settings.Settings',
      to: 'settings.Preferences',
      message: 'possible rename: settings.Settings -> settings.Preferences (same definition)'
    })
  })

  it('R7: a declared impact lower than the inferred one', () => {
    const result = runScenario({
      before: repo(),
      after: repo({
        sectionProperties: SECTION_WITHOUT_TAGS,
        sectionHistory: plus(SECTION_HISTORY, ['0.8', 'minor', 'Dropped tags']),
        documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', null, 'Reachable document.Section 0.7 -> 0.8'])
      })
    })
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'R7',
        type: 'document.Section',
        message: 'document.Section 0.8 declares a minor change, but the definition changed in a major way: Property `tags` removed.',
        suggestion: expect.objectContaining({ action: 'replace-last', entry: ['1.0', 'major', 'Dropped tags'] })
      })
    ])
  })

  it('R7 uses the role: widening produced data is major', () => {
    const result = runScenario({
      before: repo({ deviceRole: 'produced' }),
      after: repo({
        deviceRole: 'produced',
        deviceProperties: { ...DEVICE_PROPERTIES, model: { type: 'string' } },
        deviceHistory: plus(DEVICE_HISTORY, ['0.15', 'minor', 'Added model']),
        settingsHistory: plus(SETTINGS_HISTORY, ['0.11.1', null, 'Reachable settings.Device 0.14 -> 0.15'])
      })
    })
    expect(result.findings.map((finding) => [finding.rule, finding.suggestion?.entry])).toEqual([['R7', ['1.0', 'major', 'Added model']]])
  })

  it('a null impact leaves it to inference', () => {
    const result = runScenario({
      before: repo(),
      after: repo({
        sectionProperties: SECTION_WITHOUT_TAGS,
        sectionHistory: plus(SECTION_HISTORY, ['1.0', null, 'Dropped tags']),
        documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', null, 'Reachable document.Section 0.7 -> 1.0'])
      })
    })
    expect(result).toMatchObject({ outcome: 'valid', bump: { bump: 'major' } })
    expect(result.remarks.map((remark) => remark.message)).toContain('document.Section 1.0 (major, inferred): Dropped tags')
  })

  it('without baseline schemas, a change is still caught by its fingerprint but its impact is unknown', () => {
    const result = runScenario({ before: repo(), after: repo({ sectionProperties: SECTION_WITHOUT_TAGS }), baselineTypes: false })
    expect(result.findings.map((finding) => finding.suggestion?.text)).toEqual([
      'schemas/document.json: x-release.history += ["0.2.1", null, "Reachable document.Section 0.7 -> 0.8"]',
      'schemas/document.json#/$defs/Section: x-release.history += ["0.8", null, "Describe the change"]'
    ])
  })
})

describe('the committed image file', () => {
  const changed = repo({
    sectionProperties: SECTION_WITH_SUMMARY,
    sectionHistory: plus(SECTION_HISTORY, ['0.8', 'minor', 'Added an optional summary']),
    documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', null, 'Reachable document.Section 0.7 -> 0.8'])
  })

  it('must be updated when the schemas change', () => {
    const result = runScenario({ before: repo(), after: changed, committed: 'baseline' })
    expect(result.outcome).toBe('incomplete')
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'image-file',
        file: '.release-image',
        message: expect.stringMatching(
          /^\.release-image does not match the schemas: document\.Document is 0\.2 in \.release-image but 0\.2\.1 in the schemas; .*Run `verso image set` and commit `\.release-image`\.$/
        )
      })
    ])
  })

  it('must exist once there is a baseline', () => {
    expect(runScenario({ before: repo(), after: repo(), committed: null }).findings).toEqual([
      expect.objectContaining({
        rule: 'image-file',
        message: '.release-image is missing. Run `verso image set` and commit `.release-image`.'
      })
    ])
  })

  it('may have CRLF line ends', () => {
    const text = renderImage(buildImage(loadTypes(changed))).replaceAll('\n', '\r\n')
    expect(runScenario({ before: repo(), after: changed, committed: text })).toMatchObject({
      outcome: 'valid',
      warnings: [],
      imageUpToDate: false
    })
  })

  it('is skipped when no committed text is given', () => {
    const today = loadTypes(repo())
    const image = parseImage(renderImage(buildImage(today)))
    expect(checkImage({ today, baseline: { image, types: today }, bootstrap: 'create' }).outcome).toBe('unchanged')
  })
})

describe('an image written by Ansar', () => {
  const ansar =
    'document.Document:document.Document/0.2,document.Section/0.7,document.Paragraph/0.3\nsettings.Settings:settings.Settings/0.11,settings.Device/0.14\n'

  it('is read; only its rules apply, and a warning says so', () => {
    const today = loadTypes(repo({ sectionProperties: SECTION_WITHOUT_TAGS }))
    const result = checkImage({
      today,
      baseline: { image: parseImage(ansar), types: null },
      committedImageText: ansar,
      bootstrap: 'create'
    })
    expect(result.outcome).toBe('unchanged')
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^The saved image has no usable fingerprint for document\.Document, document\.Paragraph, document\.Section, settings\.Device, settings\.Settings .*Run `verso image set`/
      ),
      ".release-image has entries without fingerprints (Ansar's format). Run `verso image set` and commit `.release-image`."
    ])
  })

  it("still enforces Ansar's rule (R1)", () => {
    const today = loadTypes(repo({ sectionHistory: plus(SECTION_HISTORY, ['0.8', 'minor', 'x']) }))
    const result = checkImage({ today, baseline: { image: parseImage(ansar), types: null }, bootstrap: 'create' })
    expect(result.findings.map((finding) => [finding.rule, finding.type])).toEqual([['R1', 'document.Document']])
  })

  it('uses the baseline schemas for fingerprints when they are given', () => {
    const today = loadTypes(repo({ sectionProperties: SECTION_WITHOUT_TAGS }))
    const result = checkImage({ today, baseline: { image: parseImage(ansar), types: loadTypes(repo()) }, bootstrap: 'create' })
    expect(result.findings.map((finding) => finding.rule)).toEqual(['R1', 'R2'])
    expect(result.warnings).toEqual([])
  })
})
