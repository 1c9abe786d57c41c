import { describe, expect, it } from 'vitest'
import { ImageConfigError, type ConfigProblem } from '../../../src/image/config-error.js'
import { loadTypes } from '../../../src/image/json-schema/load-types.js'
import type { SchemaFile } from '../../../src/image/json-schema/schema-files.js'
import { jsonFile } from '../schemas.js'

function problemsOf(files: SchemaFile[]): readonly ConfigProblem[] {
  try {
    loadTypes(files)
  } catch (error) {
    if (error instanceof ImageConfigError) return error.problems
    throw error
  }
  throw new Error('expected an ImageConfigError, got valid types')
}

/** One schema file whose root carries the given x-release block. */
function withBlock(block: unknown, path = 'schemas/a.json'): SchemaFile {
  return jsonFile(path, { 'x-release': block, type: 'object' })
}

describe('x-release validation', () => {
  const table: [string, unknown, string, RegExp][] = [
    [
      'non-monotonic tags',
      {
        name: 'a.A',
        history: [
          ['0.2', null, 'x'],
          ['0.1', null, 'y']
        ]
      },
      '/x-release/history/1',
      /tag "0.1" follows "0.2"; tags must increase/
    ],
    [
      'a duplicate tag',
      {
        name: 'a.A',
        history: [
          ['0.1', null, 'x'],
          ['0.1', 'minor', 'y']
        ]
      },
      '/x-release/history/1',
      /tag "0.1" repeats history\[0\]/
    ],
    [
      '2.5 and 2.5.0 (the same tag)',
      {
        name: 'a.A',
        document: true,
        history: [
          ['2.5', null, 'x'],
          ['2.5.0', 'minor', 'y']
        ]
      },
      '/x-release/history/1',
      /repeats/
    ],
    ['a tag like 1.x', { name: 'a.A', history: [['1.x', null, 'x']] }, '/x-release/history/0/0', /tag "1.x" is not MAJOR.MINOR/],
    ['a tag with a leading zero', { name: 'a.A', history: [['01.2', null, 'x']] }, '/x-release/history/0/0', /not MAJOR.MINOR/],
    [
      'an empty history',
      { name: 'a.A', history: [] },
      '/x-release/history',
      /history is empty; start it with \["0.1", null, "Initial version"\]/
    ],
    ['a 2-tuple entry', { name: 'a.A', history: [['0.1', null]] }, '/x-release/history/0', /each entry is \[tag, impact, note\]/],
    [
      'a bad impact',
      { name: 'a.A', history: [['0.1', 'huge', 'x']] },
      '/x-release/history/0/1',
      /impact "huge" must be "major", "minor", "patch" or null/
    ],
    [
      'a 3-part tag on a non-document',
      { name: 'a.A', history: [['0.1.1', null, 'x']] },
      '/x-release/history/0',
      /third number, which only documents use/
    ],
    ['a missing history', { name: 'a.A' }, '/x-release', /x-release needs "history"/],
    ['a bad name', { name: 'a:A', history: [['0.1', null, 'x']] }, '/x-release/name', /name "a:A" must match/],
    ['an unknown key', { name: 'a.A', history: [['0.1', null, 'x']], version: 2 }, '/x-release', /unknown key "version"/],
    [
      'a bad role',
      { name: 'a.A', role: 'read', history: [['0.1', null, 'x']] },
      '/x-release/role',
      /role must be "stored", "produced" or "both"/
    ],
    ['a non-object block', 'a.A', '/x-release', /x-release must be an object/]
  ]
  it.each(table)('rejects %s, naming file and pointer', (_, block, pointer, message) => {
    expect(problemsOf([withBlock(block)])).toEqual([{ file: 'schemas/a.json', pointer, line: 2, message: expect.stringMatching(message) }])
  })

  it('rejects a name used twice, naming both places', () => {
    const problems = problemsOf([
      withBlock({ name: 'a.A', history: [['0.1', null, 'x']] }),
      withBlock({ name: 'a.A', history: [['0.1', null, 'x']] }, 'schemas/b.json')
    ])
    expect(problems.map((problem) => [problem.file, problem.pointer, problem.message])).toEqual([
      ['schemas/a.json', '/x-release/name', 'name "a.A" is also used by schemas/b.json#; each versioned type needs its own name.'],
      ['schemas/b.json', '/x-release/name', 'name "a.A" is also used by schemas/a.json#; each versioned type needs its own name.']
    ])
  })

  it('lists every problem in every file at once', () => {
    const problems = problemsOf([
      withBlock({ name: 'a.A', history: [] }),
      jsonFile('schemas/b.json', {
        'x-release': {
          name: 'b.B',
          history: [
            ['0.2', null, 'x'],
            ['0.1', 'big', 'y']
          ]
        },
        properties: { c: { $ref: '#/$defs/Missing' } },
        $defs: { D: { 'x-release': { name: 'b.D', history: [['1.x', null, 'z']] } } }
      })
    ])
    expect(problems.map((problem) => `${problem.file}#${problem.pointer ?? ''}`)).toEqual([
      'schemas/b.json#/properties/c/$ref',
      'schemas/a.json#/x-release/history',
      'schemas/b.json#/x-release/history/1/1',
      'schemas/b.json#/$defs/D/x-release/history/0/0'
    ])
  })

  it('accepts a well-formed block with the defaults filled in', () => {
    const [type] = loadTypes([
      withBlock({
        name: 'a.A',
        history: [
          ['0.1', null, 'Initial'],
          ['0.2', 'minor', 'More']
        ]
      })
    ]).types
    expect(type).toMatchObject({
      name: 'a.A',
      document: false,
      role: 'stored',
      tag: '0.2',
      history: [
        { tag: '0.1', impact: null, note: 'Initial' },
        { tag: '0.2', impact: 'minor', note: 'More' }
      ]
    })
  })

  it('accepts a third number on a document', () => {
    const [type] = loadTypes([
      withBlock({
        name: 'a.A',
        document: true,
        history: [
          ['2.5', null, 'x'],
          ['2.5.1', 'patch', 'y'],
          ['2.6', 'minor', 'z']
        ]
      })
    ]).types
    expect(type?.tag).toBe('2.6')
  })
})
