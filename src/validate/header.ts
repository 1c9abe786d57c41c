import { parseMessage, type ParsedMessage } from '../commits/parse.js'
import { matchType } from './commit-types.js'
import { checkExample, guessHeader, guessType, type Example } from './example.js'
import type { ProblemCode } from './problem.js'

/** A problem before it is told which message it belongs to. */
export interface Finding {
  readonly code: ProblemCode
  readonly message: string
  readonly example: string | null
  readonly guessed: boolean
}

/** What the start of a header says, read leniently so that each mistake can be named. */
interface Prefix {
  readonly type: string
  /** Between the parentheses (or up to the colon when `)` is missing); null: no scope. */
  readonly scope: string | null
  readonly scopeClosed: boolean
  readonly spaceBeforeScope: boolean
  readonly spaceBeforeColon: boolean
  readonly bang: boolean
  /** `feat!(api):`: the `!` is written before the scope rather than after it. */
  readonly bangBeforeScope: boolean
  /** false: `fix(ui) add button`, the colon after the scope is missing. */
  readonly colon: boolean
  /** The white space right after the colon: the spec wants exactly one space. */
  readonly afterColon: string
  readonly description: string
}

const NOT_CONVENTIONAL = 'not a Conventional Commit: '
const BREAKING_HEADER = /^BREAKING[ _-]?CHANGES?\s*:\s*/i
// Emoji (with their modifiers and joiners) or gitmoji `:bug:` codes, and the space after.
const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\uFE0F\u200D]|:[a-z0-9_+-]+:)+\s*/u

/**
 * Every problem with a header's form and type, each with the same corrected example, so
 * that the user can fix them all at once. `types` is normalised; empty allows any type.
 */
export function diagnoseHeader(header: string, parsed: ParsedMessage, types: readonly string[]): Finding[] {
  const breaking = BREAKING_HEADER.exec(header)
  if (breaking) {
    const example = guessHeader(header.slice(breaking[0].length), types, true)
    return [
      finding(
        'not-conventional',
        `${NOT_CONVENTIONAL}\`BREAKING CHANGE:\` is a footer, not a header; mark a breaking header with \`!\` after the type.`,
        example
      )
    ]
  }
  // `🐛 fix: x`, `:bug: fix: x`: gitmoji before a header that is otherwise one.
  const emoji = LEADING_EMOJI.exec(header)
  const rest = emoji ? header.slice(emoji[0].length) : ''
  const restPrefix = emoji ? readPrefix(rest) : null
  if (restPrefix && restPrefix.colon && restPrefix.type !== '' && (types.length === 0 || matchType(restPrefix.type, types) !== null)) {
    const findings = diagnosePrefix(restPrefix, parseMessage(rest), types)
    const example = correctHeader(restPrefix, types)
    return [
      finding('not-conventional', `${NOT_CONVENTIONAL}an emoji cannot come before the type; drop it, or put it after the colon.`, example),
      ...findings
    ]
  }
  const prefix = readPrefix(header)
  // `Fix (again) the crash` is prose; `fix(ui) add button` is a header missing its colon.
  const missingColon = prefix !== null && !prefix.colon
  if (!prefix || (missingColon && (prefix.spaceBeforeScope || (types.length > 0 && matchType(prefix.type, types) === null)))) {
    const why = parsed.kind === 'unconventional' ? parsed.why : 'the header is not `type(scope)?: description`'
    return [finding('not-conventional', `${NOT_CONVENTIONAL}${why}.`, guessHeader(header, types))]
  }
  return diagnosePrefix(prefix, parsed, types)
}

/** The problems of a header read as `type(scope)!: description`, however loosely. */
function diagnosePrefix(prefix: Prefix, parsed: ParsedMessage, types: readonly string[]): Finding[] {
  const example = correctHeader(prefix, types)
  const shape: [ProblemCode, string][] = []
  if (prefix.type === '') shape.push(['not-conventional', 'the type is missing before the colon'])
  if (prefix.spaceBeforeScope) shape.push(['scope-format', 'no space is allowed between the type and the scope'])
  if (prefix.bangBeforeScope) shape.push(['scope-format', 'the `!` goes after the scope (`type(scope)!: description`)'])
  if (prefix.scope !== null) {
    if (!prefix.scopeClosed) shape.push(['scope-format', 'the scope is not closed with `)`'])
    else if (prefix.scope.trim() === '')
      shape.push(['scope-format', 'the scope `()` is empty; name the part of the code it changes, or drop the parentheses'])
    else if (prefix.scope.includes('(')) shape.push(['scope-format', 'a scope cannot contain `(`'])
  }
  if (!prefix.colon)
    shape.push([
      'not-conventional',
      prefix.bang
        ? 'a colon must follow the `!` (`type(scope)!: description`)'
        : 'a colon must follow the scope (`type(scope): description`)'
    ])
  if (prefix.spaceBeforeColon) shape.push(['colon-spacing', 'no space is allowed before the colon'])
  if (prefix.description === '') shape.push(['empty-description', 'the description after the colon is empty'])
  else if (prefix.afterColon === '') shape.push(['colon-spacing', 'a space must follow the colon (`type: description`)'])
  else if (prefix.afterColon !== ' ') shape.push(['colon-spacing', 'exactly one space must follow the colon (`type: description`)'])
  const findings = shape.map(([code, text]) => finding(code, `${NOT_CONVENTIONAL}${text}.`, example))

  const type = prefix.type.toLowerCase()
  if (type !== '' && types.length > 0 && !types.includes(type)) {
    const match = matchType(type, types)
    const hint = match ? ` (did you mean \`${match.type}\`?)` : ''
    findings.push(finding('unknown-type', `the type \`${prefix.type}\` is not allowed${hint}; use one of ${types.join(', ')}.`, example))
  }
  // The lenient reading let through something the parser refuses: say so in its words.
  if (findings.length === 0 && parsed.kind === 'unconventional')
    findings.push(finding('not-conventional', `${NOT_CONVENTIONAL}${parsed.why}.`, example))
  return findings
}

function finding(code: ProblemCode, message: string, example: Example | null): Finding {
  return { code, message, example: example?.header ?? null, guessed: example?.guessed ?? false }
}

/** The header with its type, scope and spacing put right, keeping the user's words. */
function correctHeader(prefix: Prefix, types: readonly string[]): Example | null {
  const description = prefix.description
  if (description === '') return null
  const scope = prefix.scope?.replace(/[()]/g, '').trim() || null
  const rest = `${scope === null ? '' : `(${scope})`}${prefix.bang ? '!' : ''}: ${description}`
  // `: no type`: nothing to go on but the description.
  if (prefix.type === '') {
    const guess = guessType(description, types)
    return guess === null ? null : checkExample(`${guess}${rest}`, types, true)
  }
  if (types.length === 0) return checkExample(`${prefix.type.toLowerCase()}${rest}`, types, false)
  const match = matchType(prefix.type, types)
  if (match) return checkExample(`${match.type}${rest}`, types, false)
  // `WIP: feat: add x`: the real header follows an unknown prefix.
  const inner = checkExample(description, types, false)
  if (inner) return inner
  const guess = guessType(description, types)
  return guess === null ? null : checkExample(`${guess}${rest}`, types, true)
}

/**
 * Reads `type(scope)!:` leniently, in one pass: headers can be long and arbitrary. The
 * type may be missing before `(`, `!` or `:`; the `!` may come before the scope; the
 * colon may be missing after a closed scope. null: not a header of that form.
 */
function readPrefix(header: string): Prefix | null {
  let i = 0
  while (i < header.length && isWordChar(header.charCodeAt(i))) i++
  const type = header.slice(0, i)
  let j = skipSpace(header, i)
  if (i === 0 && header[0] !== '(' && header[0] !== '!' && header[0] !== ':') return null
  let bang = false
  let bangBeforeScope = false
  let scopeAt = j
  if (header[j] === '!') {
    const k = skipSpace(header, j + 1)
    if (header[k] === '(') {
      bang = bangBeforeScope = true
      scopeAt = j
      j = k
    }
  }
  let scope: string | null = null
  let scopeClosed = false
  let spaceBeforeScope = false
  if (header[j] === '(') {
    spaceBeforeScope = scopeAt > i || (bangBeforeScope && j > scopeAt + 1)
    const close = header.indexOf(')', j + 1)
    const colon = header.indexOf(':', j + 1)
    if (close !== -1 && (colon === -1 || close < colon)) {
      scope = header.slice(j + 1, close)
      scopeClosed = true
      i = close + 1
    } else if (colon !== -1) {
      scope = header.slice(j + 1, colon)
      i = colon
    } else return null
    j = skipSpace(header, i)
  }
  let spaceBeforeColon = j > i
  if (header[j] === '!') {
    bang = true
    const k = skipSpace(header, j + 1)
    spaceBeforeColon ||= k > j + 1
    j = k
  }
  if (header[j] !== ':') {
    // `fix(ui) add button`: a header but for its colon. Without a scope it is prose
    // (`Wow! It works`), and a `!` in prose must not become a breaking change.
    const description = header.slice(j).trimEnd()
    if (type === '' || !scopeClosed || description === '' || j === i) return null
    return {
      type,
      scope,
      scopeClosed,
      spaceBeforeScope,
      spaceBeforeColon: false,
      bang,
      bangBeforeScope,
      colon: false,
      afterColon: ' ',
      description
    }
  }
  const start = skipSpace(header, j + 1)
  return {
    type,
    scope,
    scopeClosed,
    spaceBeforeScope,
    spaceBeforeColon,
    bang,
    bangBeforeScope,
    colon: true,
    afterColon: header.slice(j + 1, start),
    description: header.slice(start).trimEnd()
  }
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && /\s/.test(text[i]!)) i++
  return i
}
