/**
 * The `x-release` block that makes a schema resource a versioned type: checked against
 * our meta-schema (ajv), then for what a schema cannot say (tags strictly increasing, a
 * third number only on documents). A malformed history is a configuration error, never
 * "valid": a check that cannot read the history cannot vouch for the data.
 */

import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import type { ConfigProblem } from '../config-error.js'
import { appendPointer } from './json-pointer.js'
import { compareTags, parseTag, TAG_PATTERN } from '../tag.js'
import type { HistoryEntry, Impact, Role } from '../versioned-type.js'

export const RELEASE_KEY = 'x-release'
export const NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_.-]*$'

/** What one `x-release` block declares. */
export type ReleaseBlock = {
  readonly name: string
  readonly document: boolean
  readonly role: Role
  readonly history: readonly HistoryEntry[]
}

/** The meta-schema of `x-release`; exported so docs and editors can use the same one. */
export const RELEASE_BLOCK_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://verso.invalid/schemas/x-release.json',
  type: 'object',
  required: ['name', 'history'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: NAME_PATTERN },
    document: { type: 'boolean' },
    role: { enum: ['stored', 'produced', 'both'] },
    history: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'array',
        minItems: 3,
        maxItems: 3,
        prefixItems: [{ type: 'string', pattern: TAG_PATTERN }, { enum: ['major', 'minor', 'patch', null] }, { type: 'string' }]
      }
    }
  }
} as const

let validate: ReturnType<Ajv2020['compile']> | undefined

function validateBlock(value: unknown): ErrorObject[] {
  validate ??= new Ajv2020({ allErrors: true, strict: true }).compile(RELEASE_BLOCK_SCHEMA)
  return validate(value) ? [] : [...(validate.errors ?? [])]
}

/**
 * The block at `pointer` (the schema that carries it) read into a ReleaseBlock, or null
 * when it is malformed; every problem is appended to `problems`.
 */
export function readReleaseBlock(value: unknown, file: string, pointer: string, problems: ConfigProblem[]): ReleaseBlock | null {
  const blockPointer = appendPointer(pointer, RELEASE_KEY)
  const errors = validateBlock(value)
  if (errors.length > 0) {
    const seen = new Set<string>()
    for (const error of errors) {
      const problem = { file, pointer: blockPointer + error.instancePath, message: describeAjvError(error, value) }
      const key = `${problem.pointer}\n${problem.message}`
      if (!seen.has(key)) problems.push(problem)
      seen.add(key)
    }
    return null
  }
  const block = value as { name: string; document?: boolean; role?: Role; history: [string, Impact | null, string][] }
  const document = block.document ?? false
  const history = block.history.map(([tag, impact, note]) => ({ tag, impact, note }))
  const before = problems.length
  history.forEach((entry, index) => {
    const at = appendPointer(blockPointer, 'history', String(index))
    if (!document && parseTag(entry.tag)?.third !== null) {
      problems.push({
        file,
        pointer: at,
        message:
          `tag "${entry.tag}" has a third number, which only documents use (it marks a change that came only through reachables); ` +
          `use MAJOR.MINOR, or set "document": true.`
      })
    }
    const previous = history[index - 1]
    if (previous === undefined) return
    const order = compareTags(entry.tag, previous.tag)
    if (order === 0) {
      problems.push({
        file,
        pointer: at,
        message: `tag "${entry.tag}" repeats history[${index - 1}] ("${previous.tag}"); every entry needs a new, higher tag.`
      })
    } else if (order < 0) {
      problems.push({ file, pointer: at, message: `tag "${entry.tag}" follows "${previous.tag}"; tags must increase, newest last.` })
    }
  })
  if (problems.length > before) return null
  return { name: block.name, document, role: block.role ?? 'stored', history }
}

const ENTRY_EXAMPLE = '["0.2", "minor", "Added optional tags"]'

/** An ajv error in words a user can act on, naming the expected form. */
function describeAjvError(error: ErrorObject, block: unknown): string {
  const path = error.instancePath
  const params = error.params as Record<string, unknown>
  const got = JSON.stringify(readAt(block, path))
  if (path === '' && error.keyword === 'type')
    return `x-release must be an object like {"name": "document.Section", "history": [${ENTRY_EXAMPLE}]}.`
  if (path === '' && error.keyword === 'required') return `x-release needs "${String(params['missingProperty'])}".`
  if (path === '' && error.keyword === 'additionalProperties') {
    return `x-release has an unknown key "${String(params['additionalProperty'])}"; the keys are name, document, role and history.`
  }
  if (path === '/name') return `name ${got} must match ${NAME_PATTERN} (letters, digits, "_", "." and "-"; no ":" "/" or ",").`
  if (path === '/document') return `document must be true or false, not ${got}.`
  if (path === '/role') return `role must be "stored", "produced" or "both", not ${got}.`
  if (path === '/history' && error.keyword === 'minItems') return `history is empty; start it with ["0.1", null, "Initial version"].`
  if (path === '/history') return `history must be a list of [tag, impact, note] entries, e.g. [${ENTRY_EXAMPLE}].`
  const entry = /^\/history\/(\d+)(?:\/(\d+))?$/.exec(path)
  if (entry !== null) {
    const [, index, field] = entry
    if (field === undefined) return `history[${index}] is ${got}; each entry is [tag, impact, note], e.g. ${ENTRY_EXAMPLE}.`
    if (field === '0') return `history[${index}] tag ${got} is not MAJOR.MINOR (e.g. "0.3"; no leading zeros).`
    if (field === '1') return `history[${index}] impact ${got} must be "major", "minor", "patch" or null (null: verso infers it).`
    if (field === '2') return `history[${index}] note ${got} must be a string.`
  }
  return `x-release${path} ${error.message ?? 'is invalid'}.`
}

function readAt(block: unknown, path: string): unknown {
  let node = block
  for (const token of path.split('/').slice(1)) {
    node = (node as Record<string, unknown> | undefined)?.[token]
  }
  return node
}
