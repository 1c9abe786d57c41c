import { parseMessage } from '../commits/parse.js'
import { matchType } from './commit-types.js'

/** A corrected header and whether its type is a guess rather than the user's own word. */
export interface Example {
  readonly header: string
  readonly guessed: boolean
}

// First words that say what kind of change a free-form header describes.
const FIX_WORDS = new Set([
  'fix',
  'fixes',
  'fixed',
  'fixing',
  'bug',
  'bugs',
  'bugfix',
  'hotfix',
  'repair',
  'repairs',
  'repaired',
  'resolve',
  'resolves',
  'resolved',
  'correct',
  'corrects',
  'corrected'
])
const FEAT_WORDS = new Set([
  'add',
  'adds',
  'added',
  'adding',
  'implement',
  'implements',
  'implemented',
  'support',
  'supports',
  'introduce',
  'introduces',
  'introduced',
  'allow',
  'allows',
  'enable',
  'enables',
  'new'
])
const DOCS_WORDS = new Set(['doc', 'docs', 'documentation', 'document', 'documents', 'readme'])

// `[Feature] add export`, `docs - update`: a type the user set apart from the description.
const TAGGED = /^(?:\[(\w+)\]\s*|(\w+)\s+[-–—|]\s+)(\S.*)$/
// A first word that is the type itself, as a verb: `Fix crash` → `fix: crash`. Nouns are
// not taken (`Bug in the parser`, `Feature flags for x`): they are the description.
const TYPE_VERBS: ReadonlyMap<string, string> = new Map([
  ['fix', 'fix'],
  ['fixes', 'fix'],
  ['fixed', 'fix'],
  ['refactor', 'refactor'],
  ['refactored', 'refactor'],
  ['revert', 'revert'],
  ['reverted', 'revert']
])

/**
 * A Conventional header for a header that has no `type:`, from the user's words. A type
 * they set apart or a type verb first is their type (`Fix crash` → `fix: crash`);
 * otherwise the type is guessed from the first word: `fix` for fix/bug words, `feat` for
 * add/implement/support, `docs` for docs/README, else `chore`. null when no allowed type fits.
 */
export function guessHeader(text: string, types: readonly string[], bang = false): Example | null {
  const mark = bang ? '!' : ''
  const tagged = TAGGED.exec(text)
  const tag = tagged ? matchType(tagged[1] ?? tagged[2]!, types) : null
  if (tagged && tag && tag.how !== 'close') return checkExample(`${tag.type}${mark}: ${lowerFirstWord(tagged[3]!)}`, types, false)
  const verb = /^([A-Za-z]+)\s+(\S.*)$/.exec(text)
  const said = verb ? TYPE_VERBS.get(verb[1]!.toLowerCase()) : undefined
  if (verb && said !== undefined && (types.length === 0 || types.includes(said)))
    return checkExample(`${said}${mark}: ${lowerFirstWord(verb[2]!)}`, types, false)
  const type = guessType(text, types)
  return type === null ? null : checkExample(`${type}${mark}: ${lowerFirstWord(text)}`, types, true)
}

/** The allowed type a description's first word suggests; see guessHeader. */
export function guessType(text: string, types: readonly string[]): string | null {
  const first = /^[A-Za-z]+/.exec(text)?.[0].toLowerCase() ?? ''
  const guess = FIX_WORDS.has(first) ? 'fix' : FEAT_WORDS.has(first) ? 'feat' : DOCS_WORDS.has(first) ? 'docs' : 'chore'
  if (types.length === 0 || types.includes(guess)) return guess
  return matchType(guess, types)?.type ?? null
}

/**
 * The example if it is itself a valid header under `types`, else null: an example that
 * fails the same check would send the user round in circles.
 */
export function checkExample(header: string, types: readonly string[], guessed: boolean): Example | null {
  if (header.includes('\n')) return null
  const parsed = parseMessage(header)
  if (parsed.kind !== 'conventional' || parsed.header !== header) return null
  if (types.length > 0 && !types.includes(parsed.type)) return null
  return { header, guessed }
}

/**
 * `Update stuff` → `update stuff`, but `README`, `JavaScript` and `iOS` stay as written:
 * only a plain capitalised word is a sentence's capital.
 */
export function lowerFirstWord(text: string): string {
  return text.replace(/^[A-Z][a-z]*(?![A-Za-z0-9_])/, (word) => word.toLowerCase())
}

/** The part of an example that fitExample tells about: a finding or a problem. */
interface WithExample {
  readonly code: string
  readonly message: string
  readonly example: string | null
  readonly guessed: boolean
}

/**
 * The finding as it is if its example fits in `max` characters; else without the example
 * (cutting the user's words would change what they say), and with its message telling
 * how much to shorten. Footers have no length limit.
 */
export function fitExample<T extends WithExample>(finding: T, max: number): T {
  const example = finding.example
  if (example === null || finding.code === 'footer-token') return finding
  const length = [...example].length
  if (length <= max) return finding
  const colon = example.indexOf(': ')
  const prefix = colon === -1 ? '' : example.slice(0, colon + 2)
  const written = prefix === '' ? 'corrected' : `written as \`${prefix}…\`${finding.guessed ? ' (a guessed type)' : ''}`
  const advice =
    [...prefix].length >= max
      ? 'which leaves no room for a description'
      : `so shorten the description by at least ${length - max} character${length - max === 1 ? '' : 's'}`
  const message = `${finding.message.replace(/\.$/, '')}; ${written} it would be ${length} characters long, over the limit of ${max}, ${advice}.`
  return { ...finding, message, example: null, guessed: false }
}
