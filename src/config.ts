import { parse as parseYaml } from 'yaml'
import type semver from 'semver'
import { isBump, type Bump } from './commits/bump.js'
import { parseReleaseRules, type ReleaseRule } from './commits/rules.js'
import { VersoError } from './errors.js'
import { isPrereleaseId, parseSemver } from './versions/semver.js'

/** Everything a run is told, validated once. */
export interface Config {
  readonly tagPrefix: string
  readonly initialVersion: semver.SemVer
  readonly releaseRules: readonly ReleaseRule[]
  readonly majorZeroBreaking: 'minor' | 'major'
  /** Prerelease channel id (`rc`), or null for stable releases. */
  readonly prerelease: string | null
  /** A bump forced by the user; 'auto' lets the commits decide. */
  readonly bump: Exclude<Bump, 'none'> | 'auto'
  readonly strict: boolean
  readonly fetchHistory: 'auto' | 'never'
  readonly workingDirectory: string
}

/**
 * The option names: action inputs, CLI flags (`--tag-prefix`) and `.github/verso.yml` keys
 * are one vocabulary. action.yml declares the same names (a test keeps them equal).
 */
export const OPTION_NAMES = [
  'tag-prefix',
  'initial-version',
  'release-rules',
  'major-zero-breaking',
  'prerelease',
  'bump',
  'strict',
  'fetch-history',
  'working-directory',
  'config-file'
] as const
export type OptionName = (typeof OPTION_NAMES)[number]

/** Options as given: a string (or a list, or a boolean, from YAML) or absent. */
export type RawOptions = Partial<Record<OptionName, string | boolean | readonly string[]>>

export const DEFAULT_CONFIG_FILE = '.github/verso.yml'

export const DEFAULTS: Readonly<Record<OptionName, string>> = {
  'tag-prefix': 'v',
  'initial-version': '0.1.0',
  'release-rules': '',
  'major-zero-breaking': 'minor',
  prerelease: '',
  bump: 'auto',
  strict: 'false',
  'fetch-history': 'auto',
  'working-directory': '.',
  'config-file': DEFAULT_CONFIG_FILE
}

/** Reads `.github/verso.yml`: the same keys as the inputs. */
export function parseConfigFile(text: string, path: string): RawOptions {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (error) {
    throw new VersoError('EINVALIDCONFIG', `${path} is not valid YAML: ${(error as Error).message}`)
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new VersoError('EINVALIDCONFIG', `${path} must be a mapping of option names to values (e.g. \`tag-prefix: v\`).`)
  }
  const problems: string[] = []
  const options: RawOptions = {}
  for (const [key, value] of Object.entries(data)) {
    if (!isOptionName(key) || key === 'config-file') {
      problems.push(`\`${key}\` is not an option.${suggest(key)} Known: ${OPTION_NAMES.filter((n) => n !== 'config-file').join(', ')}.`)
    } else if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
      options[key] = typeof value === 'number' ? String(value) : value
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      options[key] = value as string[]
    } else {
      problems.push(`\`${key}\` must be a string, a boolean or a list of strings.`)
    }
  }
  if (problems.length) throw new VersoError('EINVALIDCONFIG', `${path} has ${problems.length} problem(s):`, { details: problems })
  return options
}

/**
 * Merges the config file under what was given explicitly, then validates everything,
 * listing every problem at once.
 */
export function resolveConfig(given: RawOptions, file: RawOptions = {}): Config {
  const problems: string[] = []
  const value = (name: OptionName): string => {
    const raw = given[name] ?? file[name] ?? DEFAULTS[name]
    return Array.isArray(raw) ? raw.join('\n') : String(raw)
  }
  const oneOf = <T extends string>(name: OptionName, allowed: readonly T[]): T => {
    const v = value(name).trim()
    if ((allowed as readonly string[]).includes(v)) return v as T
    problems.push(`\`${name}: ${v}\` must be one of: ${allowed.join(', ')}.`)
    return allowed[0]!
  }
  const bool = (name: OptionName): boolean => {
    const v = value(name).trim().toLowerCase()
    if (v === 'true' || v === 'false') return v === 'true'
    problems.push(`\`${name}: ${v}\` must be true or false.`)
    return false
  }

  const tagPrefix = value('tag-prefix')
  if (/[\s~^:?*[\\]|\.\.|@\{/.test(tagPrefix) || tagPrefix.startsWith('-') || tagPrefix.startsWith('/')) {
    problems.push(`\`tag-prefix: ${tagPrefix}\` cannot start a git tag name (no spaces, \`~^:?*[\\\`, \`..\` or \`@{\`; not starting with \`-\` or \`/\`).`)
  }
  const initialText = value('initial-version').trim()
  const initialVersion = parseSemver(initialText)
  if (!initialVersion) problems.push(`\`initial-version: ${initialText}\` is not a SemVer version such as 0.1.0 or 1.0.0 (no \`v\`).`)

  const rules = parseReleaseRules(value('release-rules'))
  problems.push(...rules.errors)

  const prerelease = value('prerelease').trim()
  if (prerelease && !isPrereleaseId(prerelease)) {
    problems.push(`\`prerelease: ${prerelease}\` must be a SemVer prerelease id: letters, digits and \`-\`, not only digits (e.g. rc, beta).`)
  }
  const bump = value('bump').trim()
  if (bump !== 'auto' && (!isBump(bump) || bump === 'none')) problems.push(`\`bump: ${bump}\` must be auto, major, minor or patch.`)

  const config: Config = {
    tagPrefix,
    initialVersion: initialVersion ?? parseSemver('0.1.0')!,
    releaseRules: rules.rules,
    majorZeroBreaking: oneOf('major-zero-breaking', ['minor', 'major'] as const),
    prerelease: prerelease || null,
    bump: bump === 'major' || bump === 'minor' || bump === 'patch' ? bump : 'auto',
    strict: bool('strict'),
    fetchHistory: oneOf('fetch-history', ['auto', 'never'] as const),
    workingDirectory: value('working-directory')
  }
  if (problems.length) {
    throw new VersoError('EINVALIDCONFIG', `The configuration has ${problems.length} problem(s):`, {
      details: problems,
      hint: 'Fix them in the workflow inputs, the command-line flags or .github/verso.yml.'
    })
  }
  return config
}

/** Which config file to read, given the explicit options. */
export function configFilePath(given: RawOptions): string {
  const v = given['config-file']
  return typeof v === 'string' && v ? v : DEFAULT_CONFIG_FILE
}

export function isOptionName(name: string): name is OptionName {
  return (OPTION_NAMES as readonly string[]).includes(name)
}

function suggest(key: string): string {
  const close = OPTION_NAMES.find((n) => n.replace(/-/g, '') === key.replace(/[-_]/g, '').toLowerCase())
  return close ? ` Did you mean \`${close}\`?` : ''
}
