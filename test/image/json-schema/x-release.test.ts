import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import type { ConfigProblem } from '../../../src/image/config-error.js'
import {
  NAME_PATTERN,
  readReleaseBlock,
  RELEASE_BLOCK_SCHEMA,
  RELEASE_KEY,
  type ReleaseBlock
} from '../../../src/image/json-schema/release-block.js'

const FILE = 'schemas/document.json'
const EXAMPLE = '["0.2", "minor", "Added optional tags"]'

/** The block read at `pointer`, and the problems it added. */
function read(value: unknown, pointer = ''): { block: ReleaseBlock | null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = []
  const block = readReleaseBlock(value, FILE, pointer, problems)
  return { block, problems }
}

/** The problems of a block that must be rejected, as [pointer, message]. */
function rejected(value: unknown, pointer = ''): [string | undefined, string][] {
  const { block, problems } = read(value, pointer)
  expect(block).toBeNull()
  expect(problems.every((problem) => problem.file === FILE)).toBe(true)
  return problems.map((problem) => [problem.pointer, problem.message])
}

describe('the exported constants', () => {
  it('names the key and the pattern the meta-schema uses', () => {
    expect(RELEASE_KEY).toBe('x-release')
    expect(RELEASE_BLOCK_SCHEMA.properties.name.pattern).toBe(NAME_PATTERN)
    expect(RELEASE_BLOCK_SCHEMA.required).toEqual(['name', 'history'])
  })

  it('is a meta-schema that a strict 2020-12 validator compiles, for editors and docs to use', () => {
    const validate = new Ajv2020({ strict: true }).compile(RELEASE_BLOCK_SCHEMA)
    expect(validate({ name: 'a.A', history: [['0.1', null, 'Initial version']] })).toBe(true)
    expect(validate({ name: 'a.A', history: [] })).toBe(false)
  })

  it.each(['document.Section', 'A', '_private', 'a-b_c.d9', 'a..b', 'Z.'])('NAME_PATTERN accepts %j', (name) => {
    expect(new RegExp(NAME_PATTERN).test(name)).toBe(true)
  })

  it.each(['', '1a', '.a', '-a', 'a:b', 'a/b', 'a,b', 'a b', 'a#b', 'ä'])('NAME_PATTERN rejects %j', (name) => {
    expect(new RegExp(NAME_PATTERN).test(name)).toBe(false)
  })
})

describe('readReleaseBlock: well-formed blocks', () => {
  it('reads a block with the defaults filled in: not a document, stored', () => {
    const { block, problems } = read({
      name: 'document.Section',
      history: [
        ['0.1', null, 'Initial version'],
        ['0.2', 'minor', 'Added optional tags']
      ]
    })
    expect(problems).toEqual([])
    expect(block).toEqual({
      name: 'document.Section',
      document: false,
      role: 'stored',
      history: [
        { tag: '0.1', impact: null, note: 'Initial version' },
        { tag: '0.2', impact: 'minor', note: 'Added optional tags' }
      ]
    })
  })

  it.each(['stored', 'produced', 'both'] as const)('keeps role %j', (role) => {
    expect(read({ name: 'a.A', role, history: [['0.1', null, '']] }).block?.role).toBe(role)
  })

  it('keeps document: true, which allows third numbers', () => {
    const { block, problems } = read({
      name: 'a.A',
      document: true,
      history: [
        ['2.5', null, 'x'],
        ['2.5.1', 'patch', 'Reachable a.B 0.1 -> 0.2'],
        ['2.6', 'major', 'y'],
        ['3.0.1', null, 'z']
      ]
    })
    expect(problems).toEqual([])
    expect(block?.document).toBe(true)
    expect(block?.history.map((entry) => entry.tag)).toEqual(['2.5', '2.5.1', '2.6', '3.0.1'])
  })

  it('orders tags by number, not by text: 0.9 then 0.10, 0.99 then 1.0', () => {
    const { block, problems } = read({
      name: 'a.A',
      history: [
        ['0.9', null, ''],
        ['0.10', 'minor', ''],
        ['0.99', 'minor', ''],
        ['1.0', 'major', ''],
        ['10.0', 'major', '']
      ]
    })
    expect(problems).toEqual([])
    expect(block?.history).toHaveLength(5)
  })

  it('accepts every impact and an empty note', () => {
    const history = [
      ['0.1', null, ''],
      ['0.2', 'patch', ''],
      ['0.3', 'minor', ''],
      ['1.0', 'major', '']
    ]
    expect(read({ name: 'a.A', history }).block?.history.map((entry) => entry.impact)).toEqual([null, 'patch', 'minor', 'major'])
  })

  it('is not made null by problems other blocks added before it', () => {
    const earlier: ConfigProblem = { file: 'schemas/other.json', message: 'something else' }
    const problems: ConfigProblem[] = [earlier]
    const block = readReleaseBlock({ name: 'a.A', history: [['0.1', null, 'x']] }, FILE, '', problems)
    expect(block?.name).toBe('a.A')
    expect(problems).toEqual([earlier])
  })

  it('leaves the value it reads as it was', () => {
    const value = { name: 'a.A', history: [['0.1', null, 'x']] }
    const copy = structuredClone(value)
    read(value)
    expect(value).toEqual(copy)
  })
})

describe('readReleaseBlock: meta-schema errors, each at its pointer', () => {
  it.each<[string, unknown, string, string]>([
    [
      'a string for a block',
      'document.Section',
      '/x-release',
      `x-release must be an object like {"name": "document.Section", "history": [${EXAMPLE}]}.`
    ],
    ['null for a block', null, '/x-release', `x-release must be an object like {"name": "document.Section", "history": [${EXAMPLE}]}.`],
    ['a list for a block', [], '/x-release', `x-release must be an object like {"name": "document.Section", "history": [${EXAMPLE}]}.`],
    ['a missing name', { history: [['0.1', null, 'x']] }, '/x-release', 'x-release needs "name".'],
    ['a missing history', { name: 'a.A' }, '/x-release', 'x-release needs "history".'],
    [
      'an unknown key',
      { name: 'a.A', history: [['0.1', null, 'x']], version: '1' },
      '/x-release',
      'x-release has an unknown key "version"; the keys are name, document, role and history.'
    ],
    [
      'a name with a colon',
      { name: 'a:A', history: [['0.1', null, 'x']] },
      '/x-release/name',
      `name "a:A" must match ${NAME_PATTERN} (letters, digits, "_", "." and "-"; no ":" "/" or ",").`
    ],
    [
      'a number for a name',
      { name: 7, history: [['0.1', null, 'x']] },
      '/x-release/name',
      `name 7 must match ${NAME_PATTERN} (letters, digits, "_", "." and "-"; no ":" "/" or ",").`
    ],
    [
      'a string for document',
      { name: 'a.A', document: 'yes', history: [['0.1', null, 'x']] },
      '/x-release/document',
      'document must be true or false, not "yes".'
    ],
    [
      'an unknown role',
      { name: 'a.A', role: 'read', history: [['0.1', null, 'x']] },
      '/x-release/role',
      'role must be "stored", "produced" or "both", not "read".'
    ],
    [
      'an empty history',
      { name: 'a.A', history: [] },
      '/x-release/history',
      'history is empty; start it with ["0.1", null, "Initial version"].'
    ],
    [
      'a history that is no list',
      { name: 'a.A', history: { '0.1': 'x' } },
      '/x-release/history',
      `history must be a list of [tag, impact, note] entries, e.g. [${EXAMPLE}].`
    ],
    [
      'an entry of two fields',
      { name: 'a.A', history: [['0.1', null]] },
      '/x-release/history/0',
      `history[0] is ["0.1",null]; each entry is [tag, impact, note], e.g. ${EXAMPLE}.`
    ],
    [
      'an entry of four fields',
      { name: 'a.A', history: [['0.1', null, 'x', 'y']] },
      '/x-release/history/0',
      `history[0] is ["0.1",null,"x","y"]; each entry is [tag, impact, note], e.g. ${EXAMPLE}.`
    ],
    [
      'an entry that is an object',
      { name: 'a.A', history: [{ tag: '0.1' }] },
      '/x-release/history/0',
      `history[0] is {"tag":"0.1"}; each entry is [tag, impact, note], e.g. ${EXAMPLE}.`
    ],
    [
      'a tag with a leading zero',
      { name: 'a.A', history: [['01.2', null, 'x']] },
      '/x-release/history/0/0',
      'history[0] tag "01.2" is not MAJOR.MINOR (e.g. "0.3"; no leading zeros).'
    ],
    [
      'a tag that is a number',
      { name: 'a.A', history: [[0.1, null, 'x']] },
      '/x-release/history/0/0',
      'history[0] tag 0.1 is not MAJOR.MINOR (e.g. "0.3"; no leading zeros).'
    ],
    [
      'a tag with a v',
      { name: 'a.A', history: [['v1.0', null, 'x']] },
      '/x-release/history/0/0',
      'history[0] tag "v1.0" is not MAJOR.MINOR (e.g. "0.3"; no leading zeros).'
    ],
    [
      'an unknown impact',
      { name: 'a.A', history: [['0.1', 'huge', 'x']] },
      '/x-release/history/0/1',
      'history[0] impact "huge" must be "major", "minor", "patch" or null (null: verso infers it).'
    ],
    [
      'an impact in capitals',
      { name: 'a.A', history: [['0.1', 'Minor', 'x']] },
      '/x-release/history/0/1',
      'history[0] impact "Minor" must be "major", "minor", "patch" or null (null: verso infers it).'
    ],
    [
      'a note that is no string',
      { name: 'a.A', history: [['0.1', null, 5]] },
      '/x-release/history/0/2',
      'history[0] note 5 must be a string.'
    ]
  ])('%s', (_, value, pointer, message) => {
    expect(rejected(value)).toEqual([[pointer, message]])
  })

  it('puts the pointer of the schema that carries the block first', () => {
    expect(rejected({ name: 'a.A', history: [['0.1', 'huge', 'x']] }, '/$defs/Section')).toEqual([
      [
        '/$defs/Section/x-release/history/0/1',
        'history[0] impact "huge" must be "major", "minor", "patch" or null (null: verso infers it).'
      ]
    ])
    expect(rejected({ name: 'a.A', history: [] }, '/$defs/a~1b')).toEqual([
      ['/$defs/a~1b/x-release/history', 'history is empty; start it with ["0.1", null, "Initial version"].']
    ])
  })

  it('reports every meta-schema error at once, and no ordering errors on top', () => {
    expect(
      rejected({
        role: 'read',
        extra: true,
        history: [
          ['0.2', null, 'x'],
          ['0.1', 'big', 'y'],
          ['1.x', null, 3]
        ]
      })
    ).toEqual([
      ['/x-release', 'x-release needs "name".'],
      ['/x-release', 'x-release has an unknown key "extra"; the keys are name, document, role and history.'],
      ['/x-release/role', 'role must be "stored", "produced" or "both", not "read".'],
      ['/x-release/history/1/1', 'history[1] impact "big" must be "major", "minor", "patch" or null (null: verso infers it).'],
      ['/x-release/history/2/0', 'history[2] tag "1.x" is not MAJOR.MINOR (e.g. "0.3"; no leading zeros).'],
      ['/x-release/history/2/2', 'history[2] note 3 must be a string.']
    ])
  })
})

describe('readReleaseBlock: what the meta-schema cannot say', () => {
  it.each<[string, unknown[][], [string, string][]]>([
    [
      'a tag lower than the one before',
      [
        ['0.2', null, 'x'],
        ['0.1', null, 'y']
      ],
      [['/x-release/history/1', 'tag "0.1" follows "0.2"; tags must increase, newest last.']]
    ],
    [
      'a lower tag that sorts higher as text',
      [
        ['0.10', null, 'x'],
        ['0.9', null, 'y']
      ],
      [['/x-release/history/1', 'tag "0.9" follows "0.10"; tags must increase, newest last.']]
    ],
    [
      'a repeated tag',
      [
        ['0.1', null, 'x'],
        ['0.2', null, 'y'],
        ['0.2', 'minor', 'z']
      ],
      [['/x-release/history/2', 'tag "0.2" repeats history[1] ("0.2"); every entry needs a new, higher tag.']]
    ],
    [
      'a third number on a type that is not a document',
      [['0.1.1', null, 'x']],
      [
        [
          '/x-release/history/0',
          'tag "0.1.1" has a third number, which only documents use (it marks a change that came only through reachables); ' +
            'use MAJOR.MINOR, or set "document": true.'
        ]
      ]
    ],
    [
      'every ordering problem of the history, not just the first',
      [
        ['0.3', null, 'x'],
        ['0.2', null, 'y'],
        ['0.2', null, 'z'],
        ['0.4', null, 'w'],
        ['0.1', null, 'v']
      ],
      [
        ['/x-release/history/1', 'tag "0.2" follows "0.3"; tags must increase, newest last.'],
        ['/x-release/history/2', 'tag "0.2" repeats history[1] ("0.2"); every entry needs a new, higher tag.'],
        ['/x-release/history/4', 'tag "0.1" follows "0.4"; tags must increase, newest last.']
      ]
    ]
  ])('rejects %s', (_, history, expected) => {
    expect(rejected({ name: 'a.A', history })).toEqual(expected)
  })

  it('compares a document tag without a third number as .0: 2.5 and 2.5.0 are the same tag', () => {
    expect(
      rejected({
        name: 'a.A',
        document: true,
        history: [
          ['2.5', null, 'x'],
          ['2.5.0', 'minor', 'y']
        ]
      })
    ).toEqual([['/x-release/history/1', 'tag "2.5.0" repeats history[0] ("2.5"); every entry needs a new, higher tag.']])
  })

  it('reports a third number and a lower tag after it, each at its entry', () => {
    expect(
      rejected(
        {
          name: 'a.A',
          history: [
            ['0.1.1', null, 'x'],
            ['0.1', null, 'y']
          ]
        },
        '/$defs/A'
      )
    ).toEqual([
      [
        '/$defs/A/x-release/history/0',
        'tag "0.1.1" has a third number, which only documents use (it marks a change that came only through reachables); ' +
          'use MAJOR.MINOR, or set "document": true.'
      ],
      ['/$defs/A/x-release/history/1', 'tag "0.1" follows "0.1.1"; tags must increase, newest last.']
    ])
  })
})
