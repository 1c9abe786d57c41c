import { posix } from 'node:path'
import { parserMessage } from '../errors.js'

/**
 * Where a file holds the version, as one `version-files` item says:
 *
 * - `package.json`, `packages/a/composer.json`: a JSON file's top-level `version`;
 * - `path:$.tool.version`: a JSON file, at a simple JSONPath (dotted keys, `[0]`, `["odd-key"]`);
 * - `path:/version="([^"]+)"/`: a text file, where the regex's one capture group is the version.
 *   `^` and `$` match at every line (the `m` flag is always on, as version files are lines);
 *   the first match is updated, or every match with the `g` flag, as `String.replace` does.
 *
 * The path is relative to the repository and may be a glob (`packages/*\/package.json`):
 * the caller expands it (`glob` says whether it must) and applies the rule to each file.
 */
export type VersionFileRule =
  | (RuleBase & { readonly kind: 'manifest' })
  | (RuleBase & { readonly kind: 'json'; readonly keys: readonly JsonKey[] })
  | (RuleBase & { readonly kind: 'regex'; readonly pattern: RegExp; readonly all: boolean })

interface RuleBase {
  /** The path or glob, normalised (`./a.json` is `a.json`). */
  readonly path: string
  readonly glob: boolean
  /** The item as written, to name the rule in messages. */
  readonly source: string
}

/** A key of a JSON object, or an index of a JSON array. */
export type JsonKey = string | number

/** A file's new text, or a sentence saying why it could not be updated. */
export type FileUpdate = { readonly text: string; readonly changed: boolean } | { readonly error: string }

const EXAMPLES = '`package.json`, `packages/*/package.json`, `pyproject.toml:/^version = "([^"]+)"/` or `tool.json:$.tool.version`'

/** The rules of a `version-files` list; each problem is a sentence saying what to write instead. */
export function parseVersionFileRules(items: readonly string[]): { rules: VersionFileRule[]; problems: string[] } {
  const rules: VersionFileRule[] = []
  const problems: string[] = []
  for (const item of items.map((i) => i.trim()).filter((i) => i !== '')) {
    const parsed = parseRule(item)
    if (typeof parsed === 'string') problems.push(parsed)
    else rules.push(parsed)
  }
  return { rules, problems }
}

function parseRule(item: string): VersionFileRule | string {
  if (/^[A-Za-z]:[\\/]/.test(item)) return `version-files: \`${item}\` is an absolute path; write it relative to the repository.`
  const colon = item.indexOf(':')
  const path = colon === -1 ? item : item.slice(0, colon)
  const pathProblem = checkPath(path, item)
  if (pathProblem !== null) return pathProblem
  const base = { path: posix.normalize(path), glob: /[*?[\]{}]/.test(path), source: item }
  if (colon === -1) {
    if (path.endsWith('.json')) return { kind: 'manifest', ...base }
    return (
      `version-files: \`${item}\` does not say where the version is. Follow the path with a regex whose one group is the ` +
      `version (\`${path}:/^(.*)$/\` for a file that holds only the version, \`${path}:/^version = "([^"]+)"/\` for a line ` +
      `of it) or, for JSON, a JSONPath (\`${path}:$.version\`).`
    )
  }
  const selector = item.slice(colon + 1)
  if (selector.startsWith('$')) {
    const keys = parseJsonPath(selector)
    if (keys !== null) return { kind: 'json', ...base, keys }
    return (
      `version-files: \`${item}\` has a JSONPath verso does not read. Write keys from \`$\`: dotted names and array ` +
      'indices, such as `$.version`, `$.tool.version`, `$.items[0].version` or `$["odd-key"]` (no wildcards or filters).'
    )
  }
  if (selector.startsWith('/')) {
    const regex = parseRegex(selector)
    if (typeof regex === 'string') return `version-files: \`${item}\` ${regex}`
    return { kind: 'regex', ...base, ...regex }
  }
  return `version-files: in \`${item}\`, the colon must be followed by a JSONPath (\`$.version\`) or a regex between slashes (\`/version="([^"]+)"/\`).`
}

/** Why a rule's path cannot name a file inside the repository, or null when it can. */
function checkPath(path: string, item: string): string | null {
  const segments = path.split('/')
  if (path === '') return `version-files: \`${item}\` names no file: write the file's path first, as in ${EXAMPLES}.`
  if (/[\0\r\n]/.test(path)) return `version-files: ${JSON.stringify(item)} has a line break in its path.`
  if (path.includes('\\')) return `version-files: \`${item}\` has a backslash: separate folders with \`/\`, on every platform.`
  if (path.startsWith('/')) return `version-files: \`${item}\` is an absolute path; write it relative to the repository.`
  if (path.startsWith('!')) return `version-files: \`${item}\` is an exclusion; list only the files to update.`
  if (segments.includes('..')) return `version-files: \`${item}\` leads out of the repository (\`..\`); name a file inside it.`
  if (segments.some((s) => s.toLowerCase() === '.git')) return `version-files: \`${item}\` is inside .git; name a file of the repository.`
  if (path.endsWith('/')) return `version-files: \`${item}\` names a folder; name the file, as in ${EXAMPLES}.`
  return null
}

/** The keys of `$.a.b[0]["c d"]`, or null for anything else (wildcards, filters, `..`, a bare `$`). */
function parseJsonPath(path: string): JsonKey[] | null {
  const keys: JsonKey[] = []
  const step = /\.([A-Za-z0-9_$-]+)|\[(0|[1-9]\d*)\]|\[("(?:[^"\\]|\\.)*")\]|\[('(?:[^'\\]|\\.)*')\]/y
  step.lastIndex = 1
  while (step.lastIndex < path.length) {
    const match = step.exec(path)
    if (match === null) return null
    const [, name, index, double, single] = match
    if (name !== undefined) keys.push(name)
    else if (index !== undefined) keys.push(Number(index))
    else if (double !== undefined) {
      const key = parseJsonString(double)
      if (key === null) return null
      keys.push(key)
    } else keys.push(single!.slice(1, -1).replace(/\\(.)/g, '$1'))
  }
  return keys.length ? keys : null
}

function parseJsonString(token: string): string | null {
  try {
    return JSON.parse(token) as string
  } catch {
    return null
  }
}

/** `/body/flags` as a pattern with exactly one capture group, or what is wrong with it. */
function parseRegex(selector: string): { pattern: RegExp; all: boolean } | string {
  const end = selector.lastIndexOf('/')
  const body = selector.slice(1, end)
  const flags = selector.slice(end + 1)
  if (end <= 0 || body === '') return 'has no regex between the slashes: write one such as `/version="([^"]+)"/`.'
  if (!/^[gimsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
    return `has flags \`${flags}\` after its regex; verso takes g (every match), i, m, s and u, each once.`
  }
  const kept = flags.replace('g', '').replace('m', '') + 'm'
  let pattern: RegExp
  try {
    pattern = new RegExp(body, kept)
  } catch (error) {
    return `is not a valid regex: ${parserMessage((error as Error).message)}.`
  }
  // An alternative that matches the empty string makes every group show up in the match.
  const groups = new RegExp(`${body}|`, kept).exec('')!.length - 1
  if (groups !== 1) {
    return `has ${groups} capture groups; it needs exactly one, around the version (write any other group as \`(?:…)\`).`
  }
  return { pattern, all: flags.includes('g') }
}

/**
 * The text of `path` with the version the rule points at set to `version`. Only the
 * version's own characters change: indentation, key order, line endings and the final
 * newline stay as they were. `changed` is false when the file already holds it (a re-run).
 */
export function updateVersionFile(rule: VersionFileRule, path: string, text: string, version: string): FileUpdate {
  switch (rule.kind) {
    case 'manifest':
      return updateJson(rule, path, text, ['version'], version)
    case 'json':
      return updateJson(rule, path, text, rule.keys, version)
    case 'regex':
      return updateMatches(rule, path, text, version)
    default:
      return assertNever(rule)
  }
}

function updateJson(rule: VersionFileRule, path: string, text: string, keys: readonly JsonKey[], version: string): FileUpdate {
  const parsed = parseJson(path, text)
  if ('error' in parsed) return { error: `${parsed.error}, so \`${rule.source}\` cannot update it.` }
  const found = locate(text, jsonStart(text), keys)
  if (found.kind === 'missing') {
    const missing = formatJsonPath(keys.slice(0, found.depth + 1))
    const whole = found.depth < keys.length - 1 ? ` (so no ${formatJsonPath(keys)})` : ''
    return { error: `${path} has no ${missing}${whole}, where \`${rule.source}\` looks for the version: add it, or correct the rule.` }
  }
  return replaceString(text, found, version, `${path}: ${formatJsonPath(keys)}`)
}

function updateMatches(rule: Extract<VersionFileRule, { kind: 'regex' }>, path: string, text: string, version: string): FileUpdate {
  const regex = new RegExp(rule.pattern.source, `${rule.pattern.flags}gd`)
  const spans: Span[] = []
  for (const match of text.matchAll(regex)) {
    const group = match.indices?.[1]
    const where = `${path}: the capture group of /${rule.pattern.source}/`
    if (group === undefined) {
      return { error: `${where} took no part in its match on line ${lineOf(text, match.index)}; make the group required.` }
    }
    if (group[0] === group[1]) return { error: `${where} is empty on line ${lineOf(text, match.index)}; it must hold the version there.` }
    spans.push({ start: group[0], end: group[1], text: version })
    if (!rule.all) break
  }
  if (spans.length === 0) {
    return { error: `${path} has no match for /${rule.pattern.source}/ (\`${rule.source}\`): correct the regex, or the file.` }
  }
  return applySpans(text, spans)
}

/**
 * `package-lock.json` (or `npm-shrinkwrap.json`) with the versions npm records there: the
 * root package's, at the top and in `packages[""]`, and each released workspace's in
 * `packages["<its folder>"]` (`.` is the root). In place, as updateVersionFile writes. A
 * version the lockfile does not record is an error: npm would have recorded it, so the
 * lockfile is out of date, and verso does not guess where npm would put it.
 */
export function updatePackageLock(
  text: string,
  options: { rootVersion?: string | null; workspaces: readonly { path: string; version: string }[]; path?: string }
): FileUpdate {
  const file = options.path ?? 'package-lock.json'
  const parsed = parseJson(file, text)
  if ('error' in parsed) return { error: `${parsed.error}: run npm install and commit the lockfile it writes.` }
  const lockfileVersion = (parsed.value as { lockfileVersion?: unknown } | null)?.lockfileVersion
  if (lockfileVersion !== 1 && lockfileVersion !== 2 && lockfileVersion !== 3) {
    return { error: `${file} has lockfileVersion ${JSON.stringify(lockfileVersion)}; verso updates versions 1, 2 and 3.` }
  }
  const folders = options.workspaces.map(({ path, version }) => ({ folder: posix.normalize(path).replace(/\/+$/, ''), version }))
  const rootVersion = folders.find((w) => w.folder === '.')?.version ?? options.rootVersion ?? null
  const workspaces = folders.filter((w) => w.folder !== '.')
  if (workspaces.length && lockfileVersion === 1) {
    return { error: `${file} is a lockfileVersion 1, which records no workspaces: update npm, run npm install and commit the lockfile.` }
  }

  const root = jsonStart(text)
  const targets: { found: Located | null; version: string; what: string }[] = []
  if (rootVersion !== null) {
    targets.push({ found: locate(text, root, ['version']), version: rootVersion, what: 'the root package' })
    if (lockfileVersion !== 1) {
      targets.push({ found: locate(text, root, ['packages', '', 'version']), version: rootVersion, what: 'the root package' })
    }
  }
  // One scan of `packages`, however many workspaces: it is most of a lockfile.
  const packagesAt = workspaces.length ? locate(text, root, ['packages']) : null
  const packages = packagesAt?.kind === 'found' ? members(text, packagesAt.start) : null
  for (const { folder, version } of workspaces) {
    const entry = packages?.get(folder)
    targets.push({ found: entry === undefined ? null : locate(text, entry, ['version']), version, what: `the workspace ${folder}` })
  }

  const spans: Span[] = []
  for (const { found, version, what } of targets) {
    if (found === null || found.kind === 'missing') {
      return { error: `${file} has no version for ${what}: run npm install and commit the lockfile it writes.` }
    }
    if (text[found.start] !== '"') {
      return { error: `${file} records a version for ${what} that is not a string: run npm install and commit the lockfile.` }
    }
    spans.push({ ...found, text: JSON.stringify(version) })
  }
  return applySpans(text, spans)
}

/** The parsed text, or why it is not JSON (`path is not valid JSON (…)`). */
function parseJson(path: string, text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text.slice(jsonStart(text))) as unknown }
  } catch (error) {
    return { error: `${path} is not valid JSON (${parserMessage((error as Error).message)})` }
  }
}

/** JSON.parse refuses a byte-order mark that editors on Windows write; it is kept, and skipped. */
function jsonStart(text: string): number {
  return text.startsWith('\uFEFF') ? 1 : 0
}

type Span = { readonly start: number; readonly end: number; readonly text: string }

function replaceString(text: string, found: { start: number; end: number }, version: string, where: string): FileUpdate {
  const token = text.slice(found.start, found.end)
  if (!token.startsWith('"')) return { error: `${where} is ${describeToken(token)}, not a string: verso writes the version as a string.` }
  return applySpans(text, [{ ...found, text: JSON.stringify(version) }])
}

function applySpans(text: string, spans: readonly Span[]): FileUpdate {
  let result = ''
  let at = 0
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, span.start) + span.text
    at = span.end
  }
  result += text.slice(at)
  return { text: result, changed: result !== text }
}

function describeToken(token: string): string {
  if (token.startsWith('{')) return 'an object'
  if (token.startsWith('[')) return 'an array'
  if (token === 'true' || token === 'false' || token === 'null') return token
  return `the number ${token}`
}

/** `$.a[0]["b c"]`: keys as a user writes them in a rule. */
function formatJsonPath(keys: readonly JsonKey[]): string {
  return `$${keys.map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)).join('')}`
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

/*
 * Where a value is in JSON text, so it can be replaced without writing the file again.
 * The text has passed JSON.parse, so the scan trusts its shape. A key written twice means
 * its last value, as JSON.parse reads it.
 */

type Located =
  { readonly kind: 'found'; readonly start: number; readonly end: number } | { readonly kind: 'missing'; readonly depth: number }

function locate(text: string, from: number, keys: readonly JsonKey[]): Located {
  let at = skipSpace(text, from)
  for (const [depth, key] of keys.entries()) {
    const next = typeof key === 'number' ? elements(text, at)?.[key] : members(text, at)?.get(key)
    if (next === undefined) return { kind: 'missing', depth }
    at = next
  }
  return { kind: 'found', start: at, end: valueEnd(text, at) }
}

/** The offset of each member's value by key, or null when the value at `at` is not an object. */
function members(text: string, at: number): Map<string, number> | null {
  if (text[at] !== '{') return null
  const found = new Map<string, number>()
  for (let i = skipSpace(text, at + 1); text[i] === '"';) {
    const keyEnd = stringEnd(text, i)
    const raw = text.slice(i + 1, keyEnd - 1)
    const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1)
    found.set(key, value)
    i = skipSpace(text, valueEnd(text, value))
    if (text[i] === ',') i = skipSpace(text, i + 1)
  }
  return found
}

/** The offset of each element, or null when the value at `at` is not an array. */
function elements(text: string, at: number): number[] | null {
  if (text[at] !== '[') return null
  const found: number[] = []
  for (let i = skipSpace(text, at + 1); i < text.length && text[i] !== ']';) {
    found.push(i)
    i = skipSpace(text, valueEnd(text, i))
    if (text[i] === ',') i = skipSpace(text, i + 1)
  }
  return found
}

function valueEnd(text: string, at: number): number {
  const first = text[at]
  if (first === '"') return stringEnd(text, at)
  if (first === '{' || first === '[') {
    let depth = 0
    for (let i = at; i < text.length; i++) {
      const c = text[i]
      if (c === '"') i = stringEnd(text, i) - 1
      else if (c === '{' || c === '[') depth++
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1
    }
    return text.length
  }
  let i = at
  while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++
  return i
}

/** The offset just past the string that opens at `at`. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c) i++
    else if (c === 0x22) return i + 1
  }
  return text.length
}

function skipSpace(text: string, at: number): number {
  let i = at
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++
  return i
}

function assertNever(value: never): never {
  throw new Error(`updateVersionFile: unexpected rule ${JSON.stringify(value)}`)
}
