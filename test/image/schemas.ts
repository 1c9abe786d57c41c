/** Builders for in-memory schema repositories used by the image tests. */

import type { CheckInput, ImageCheck } from '../../src/image/check-result.js'
import { checkImage } from '../../src/image/check.js'
import { buildImage, parseImage, renderImage } from '../../src/image/image.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import type { SchemaFile } from '../../src/image/json-schema/schema-files.js'

export type Entry = [string, 'major' | 'minor' | 'patch' | null, string]

/** A schema file from a value, as JSON text (indented, like a real file). */
export function jsonFile(path: string, value: unknown): SchemaFile {
  return { path, text: JSON.stringify(value, null, 2) + '\n' }
}

/** An `x-release` block. */
export function release(
  name: string,
  history: Entry[],
  extra: { document?: boolean; role?: 'stored' | 'produced' | 'both' } = {}
): Record<string, unknown> {
  return { name, ...extra, history }
}

/**
 * A small document set: document.Document (root of document.json) reaching
 * document.Section ($defs) and document.Paragraph (paragraph.json), with the cycle
 * Section → Paragraph → Section; and settings.Settings reaching settings.Device.
 */
export type RepoOptions = {
  documentHistory?: Entry[]
  sectionHistory?: Entry[]
  paragraphHistory?: Entry[]
  settingsHistory?: Entry[]
  deviceHistory?: Entry[]
  sectionProperties?: Record<string, unknown>
  sectionRequired?: string[]
  deviceProperties?: Record<string, unknown>
  deviceRole?: 'stored' | 'produced' | 'both'
  documentProperties?: Record<string, unknown>
}

export const DOCUMENT_HISTORY: Entry[] = [
  ['0.1', null, 'Initial version'],
  ['0.2', 'minor', 'Added sections']
]
export const SECTION_HISTORY: Entry[] = [
  ['0.1', null, 'Initial version'],
  ['0.7', 'minor', 'Added subsections']
]
export const PARAGRAPH_HISTORY: Entry[] = [['0.3', null, 'Initial version']]
export const SETTINGS_HISTORY: Entry[] = [['0.11', null, 'Initial version']]
export const DEVICE_HISTORY: Entry[] = [['0.14', null, 'Initial version']]

export const SECTION_PROPERTIES = {
  heading: { type: 'string', maxLength: 200 },
  paragraphs: { type: 'array', items: { $ref: 'paragraph.json' } },
  subsections: { type: 'array', items: { $ref: '#/$defs/Section' } },
  tags: { type: 'array', items: { type: 'string' } }
}
export const DEVICE_PROPERTIES = { id: { type: 'string' }, kind: { enum: ['phone', 'tablet'] } }

export function repo(options: RepoOptions = {}): SchemaFile[] {
  return [
    jsonFile('schemas/document.json', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.com/schemas/document.json',
      'x-release': release('document.Document', options.documentHistory ?? DOCUMENT_HISTORY, { document: true }),
      title: 'A document',
      type: 'object',
      required: ['title', 'sections'],
      properties: options.documentProperties ?? {
        title: { type: 'string' },
        sections: { type: 'array', items: { $ref: '#/$defs/Section' } }
      },
      $defs: {
        Section: {
          'x-release': release('document.Section', options.sectionHistory ?? SECTION_HISTORY),
          type: 'object',
          required: options.sectionRequired ?? ['heading'],
          properties: options.sectionProperties ?? SECTION_PROPERTIES
        }
      }
    }),
    jsonFile('schemas/paragraph.json', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.com/schemas/paragraph.json',
      'x-release': release('document.Paragraph', options.paragraphHistory ?? PARAGRAPH_HISTORY),
      type: 'object',
      properties: { text: { type: 'string' }, quote: { $ref: 'document.json#/$defs/Section' } }
    }),
    jsonFile('schemas/settings.json', {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://example.com/schemas/settings.json',
      'x-release': release('settings.Settings', options.settingsHistory ?? SETTINGS_HISTORY, { document: true }),
      type: 'object',
      properties: { devices: { type: 'array', items: { $ref: '#/definitions/Device' } } },
      definitions: {
        Device: {
          'x-release': release(
            'settings.Device',
            options.deviceHistory ?? DEVICE_HISTORY,
            options.deviceRole === undefined ? {} : { role: options.deviceRole }
          ),
          type: 'object',
          required: ['id'],
          properties: options.deviceProperties ?? DEVICE_PROPERTIES
        }
      }
    })
  ]
}

export type Scenario = {
  before: SchemaFile[]
  after: SchemaFile[]
  /** 'today': the committed image equals today's (the user ran `verso image set`); 'baseline': it was not updated. */
  committed?: 'today' | 'baseline' | string | null
  /** Whether the baseline schema files are given (default true). */
  baselineTypes?: boolean
  bootstrap?: CheckInput['bootstrap']
}

/** Load both sides, write the baseline image the way `verso image set` would, and check. */
export function runScenario(scenario: Scenario): ImageCheck {
  const baseTypes = loadTypes(scenario.before)
  const baselineText = renderImage(buildImage(baseTypes))
  const today = loadTypes(scenario.after)
  const committed = scenario.committed === undefined ? 'today' : scenario.committed
  const committedImageText = committed === 'today' ? renderImage(buildImage(today)) : committed === 'baseline' ? baselineText : committed
  return checkImage({
    today,
    baseline: { image: parseImage(baselineText), types: scenario.baselineTypes === false ? null : baseTypes },
    committedImageText,
    bootstrap: scenario.bootstrap ?? 'create'
  })
}

/** The history with one more entry. */
export function plus(history: Entry[], ...entries: Entry[]): Entry[] {
  return [...history, ...entries]
}
