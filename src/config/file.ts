import { parse as parseYaml } from 'yaml'
import type { RawBranchEntry } from './branches.js'
import type { RawPackages } from './packages.js'
import { isOptionName, OPTION_NAMES, suggestOption, type RawOptions } from './config.js'
import { excerpt, parserMessage, VersoError } from '../errors.js'

// A module of its own so that the YAML parser is loaded only by repositories that have a
// config file (the pipeline imports this one on demand).

/** Reads `.github/verso.yml`: the same keys as the inputs. */
export function parseConfigFile(text: string, path: string): RawOptions {
  let data: unknown
  try {
    // Every scalar stays text as written: `1.0` is not the number 1, `tag-prefix:` is ''.
    // Warnings would go to the process's own stderr, past verso's writer, quoting the file.
    data = parseYaml(text, { schema: 'failsafe', logLevel: 'error' })
  } catch (error) {
    // The parser's first line says what and where; the lines after it quote the file.
    const hint = wildcardHint(text, error)
    throw new VersoError('EINVALIDCONFIG', `${path} is not valid YAML: ${parserMessage((error as Error).message)}`, hint ? { hint } : {})
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new VersoError('EINVALIDCONFIG', `${path} must be a mapping of option names to values (e.g. \`tag-prefix: v\`).`)
  }
  const problems: string[] = []
  const options: { -readonly [K in keyof RawOptions]: RawOptions[K] } = {}
  for (const [key, value] of Object.entries(data)) {
    if (key === 'branches') {
      const entries = readBranches(value, problems)
      if (entries) options.branches = entries
    } else if (key === 'packages') {
      const packages = readPackages(value, problems)
      if (packages) options.packages = packages
    } else if (key === 'linked') {
      if (Array.isArray(value) && value.every((g) => Array.isArray(g) && g.every((n) => typeof n === 'string')))
        options.linked = value as string[][]
      else problems.push('`linked` must be a list of groups of package names, e.g. `linked: [[web, api]]`.')
    } else if (key === 'config-file' || key === 'working-directory') {
      // Where the repository and this file are cannot be said from inside the file.
      problems.push(`\`${key}\` cannot be set in the config file: give it as an input or a command-line flag.`)
    } else if (key === 'bump' || key === 'dry-run') {
      // A file's setting would win over an input left empty, so these are decided per run.
      problems.push(`\`${key}\` is decided per run: give it as an input or a command-line flag, not in the config file.`)
    } else if (!isOptionName(key)) {
      problems.push(
        `\`${excerpt(key)}\` is not an option.${suggestOption(key)}` +
          ` Known: branches, packages, linked, ${OPTION_NAMES.filter((n) => !['config-file', 'working-directory', 'bump', 'dry-run'].includes(n)).join(', ')}.`
      )
    } else if (value === 'null' || value === '~') {
      // Read as written, YAML's null would become a value named "null": say what to write.
      problems.push(`\`${key}: ${value}\` is YAML's null; for no value write \`${key}: ''\`, or leave the key out.`)
    } else if (typeof value === 'string') {
      options[key] = value
    } else if (Array.isArray(value)) {
      const misread = checkListItems(key, value)
      if (misread.length) problems.push(...misread)
      else options[key] = value as string[]
    } else {
      problems.push(`\`${key}\` must be a string, a boolean or a list of strings.`)
    }
  }
  if (problems.length) throw new VersoError('EINVALIDCONFIG', `${path} has ${problems.length} problem(s):`, { details: problems })
  return options
}

/**
 * A list option's items must be text: one problem per item that is not, so that all are
 * named at once. An unquoted `- refactor: patch` is a mapping to YAML; it is refused with
 * the quoting that makes it text rather than read back as `refactor: patch`, which would
 * hide a mistake as well as mend one.
 */
function checkListItems(key: string, items: readonly unknown[]): string[] {
  return items.flatMap((item, index) => {
    if (typeof item === 'string') return []
    const where = `\`${key}\` item ${index + 1}`
    const pairs = textPairs(item)
    if (pairs === null) return [`${where} must be text, not ${Array.isArray(item) ? 'a list' : item === null ? 'empty' : 'a mapping'}.`]
    const quoted = pairs.map((pair) => `\`- ${JSON.stringify(pair)}\``)
    return [
      pairs.length === 1
        ? `${where}, \`${pairs[0]!}\`, was read by YAML as a mapping, not as text: quote it, ${quoted[0]!}.`
        : `${where}, ${pairs.map((pair) => `\`${pair}\``).join(' and ')}, was read by YAML as one mapping, not as text: ` +
          `quote each as an item of its own, ${quoted.join(' and ')}.`
    ]
  })
}

/** A mapping of text to text as its lines would be written (`refactor: patch`), quotable; else null. */
function textPairs(item: unknown): string[] | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null
  const entries = Object.entries(item)
  if (entries.length === 0 || !entries.every(([, v]) => typeof v === 'string')) return null
  return entries.map(([k, v]) => excerpt(v === '' ? `${k}:` : `${k}: ${v as string}`))
}

/**
 * Unquoted, the wildcard rule `*: patch` is a YAML alias and the file does not parse: when
 * the line the parser stopped at holds one, say to quote it. `*:patch` is an alias named
 * `:patch`, which the parser reports by name rather than by line.
 */
function wildcardHint(text: string, error: unknown): string | null {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''
  const line = (error as { linePos?: readonly { line: number }[] }).linePos?.[0]?.line
  const match =
    /^Unresolved alias\b[^:]*: :[ \t]*(\w*)/.exec(message) ??
    (line === undefined ? null : /\*[ \t]*:[ \t]*(\w*)/.exec(text.split('\n')[line - 1] ?? ''))
  if (!match) {
    // Any other item that starts with `*` (a glob: `- *.x`, `- **/*.json`) is an alias named by the rest of it.
    const alias = /^Unresolved alias\b[^:]*: (.+)$/.exec(message)?.[1]
    // Only what reads as a glob: `- *rules` may be a real alias whose anchor is missing.
    const item = alias === undefined || !/[./*]/.test(alias) ? null : `*${alias}`
    return item !== null && text.split('\n').some((l) => l.trim() === `- ${item}`)
      ? `An unquoted \`*\` starts a YAML alias: quote the item, \`- ${JSON.stringify(excerpt(item))}\`.`
      : null
  }
  const rule = `*: ${match[1] || 'patch'}`
  return `An unquoted \`*\` starts a YAML alias: quote a wildcard release rule, \`- ${JSON.stringify(excerpt(rule))}\`.`
}

/** `packages:`: `auto`, or a list of mappings whose values are text or lists of text (`paths`). */
function readPackages(value: unknown, problems: string[]): RawPackages | null {
  if (value === 'auto') return 'auto'
  const isText = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
  if (
    Array.isArray(value) &&
    value.every((item) => item && typeof item === 'object' && !Array.isArray(item) && Object.values(item).every(isText))
  )
    return value as Record<string, string | string[]>[]
  problems.push('`packages` must be `auto` or a list of packages, e.g.\n  packages:\n    - name: web\n      path: packages/web')
  return null
}

/** `branches:`, a list of names and of mappings (`name`, `range`, `prerelease`); their keys are checked with the rest of the policy. */
function readBranches(value: unknown, problems: string[]): RawBranchEntry[] | null {
  const example = 'e.g.\n  branches:\n    - main\n    - name: "1.x"\n      range: "1.x"'
  if (!Array.isArray(value)) {
    problems.push(`\`branches\` must be a list of branch names and mappings, ${example}`)
    return null
  }
  const entries: RawBranchEntry[] = []
  for (const [index, item] of value.entries()) {
    if (typeof item === 'string') entries.push(item)
    else if (item && typeof item === 'object' && !Array.isArray(item) && Object.values(item).every((v) => typeof v === 'string'))
      entries.push(item as Record<string, string>)
    else
      problems.push(`\`branches\` entry ${index + 1} must be a branch name or a mapping of \`name\`, \`range\` and \`prerelease\` to text.`)
  }
  return entries
}
