import { VersoError } from '../errors.js'
import type { CalverFormatOrigin } from '../versions/calver/reasons.js'
import { configFilePath, resolveConfig, type Config, type OptionName, type RawOptions } from './config.js'

/** Reads a file of the repository, or null when there is none. */
export type ReadText = (path: string) => Promise<string | null>

/** Lists the repository's files that match any of the globs (for `packages: auto`). */
export type ListFiles = (globs: string[]) => Promise<string[]>

/** The explicit options over `.github/verso.yml` (or the file `config-file` names). */
export async function loadConfig(given: RawOptions, readText: ReadText, listFiles?: ListFiles): Promise<Config> {
  const path = configFilePath(given)
  const text = await readText(path)
  // An empty `config-file` (an unset workflow input) means the default, which may be absent.
  if (text === null && given['config-file'] !== undefined && given['config-file'] !== '') {
    throw new VersoError('EINVALIDCONFIG', `The config file ${path} does not exist.`, {
      hint: 'Fix `config-file`, or leave it out to use .github/verso.yml when present.'
    })
  }
  // The YAML parser is loaded only by repositories that have a config file.
  const file = text === null ? {} : (await import('./file.js')).parseConfigFile(text, path)
  const listed = file.packages === 'auto' && listFiles ? await discover(file, readText, listFiles) : file
  return resolveConfig(given, await readBumpver(given, listed, readText))
}

/**
 * `scheme: calver` without a calver-format: a repository that versions with bumpver has its
 * `version_pattern`, which is read as if the config file had given the format (and the
 * settings the pattern decides, where none were given), with where it came from.
 */
async function readBumpver(given: RawOptions, file: RawOptions, read: ReadText): Promise<RawOptions> {
  const option = (name: OptionName): string | undefined => {
    const raw = given[name] ?? file[name]
    return raw === undefined ? undefined : String(raw).trim()
  }
  if (option('scheme') !== 'calver' || (option('calver-format') ?? '') !== '') return file
  // The TOML and INI parsers are loaded only by the runs that look for bumpver.
  const { BUMPVER_FILES, mapBumpverPattern, readBumpverPattern } = await import('./bumpver.js')
  for (const path of BUMPVER_FILES) {
    const text = await read(path)
    const pattern = text === null ? null : readBumpverPattern(path, text)
    if (pattern === null) continue
    const mapped = mapBumpverPattern(pattern, path)
    if (mapped.style === 'pep440' && option('version-style') === 'semver')
      throw new VersoError(
        'EINVALIDCONFIG',
        `bumpver's version_pattern "${pattern}" in ${path} writes PEP 440 tags, and version-style is semver.`,
        { hint: 'Set version-style: pep440, or set the calver-format verso should write.' }
      )
    const settings: { name: OptionName; value: string }[] = []
    const decide = (name: OptionName, value: string, unless: string) => {
      if (option(name) === undefined && value !== unless) settings.push({ name, value })
    }
    decide('version-style', mapped.style, 'semver')
    decide('calver-counter-start', String(mapped.counterStart), '0')
    decide('tag-prefix', mapped.tagPrefix, 'v')
    const origin: CalverFormatOrigin = {
      file: path,
      pattern,
      format: mapped.format,
      settings: settings.map(({ name, value }) => ({ name, value: value === '' ? "''" : value })),
      restarts: mapped.restarts
    }
    return {
      ...file,
      'calver-format': mapped.format,
      ...Object.fromEntries(settings.map((s) => [s.name, s.value])),
      calverFormatOrigin: origin
    }
  }
  return file
}

/** `packages: auto`: the workspaces the manifests declare, as if they had been listed. */
async function discover(file: RawOptions, read: ReadText, list: ListFiles): Promise<RawOptions> {
  const { discoverWorkspaces } = await import('../packages/workspaces.js')
  const found = await discoverWorkspaces({ list, read })
  if (found.source === 'none')
    throw new VersoError('EINVALIDCONFIG', found.message, { hint: 'List the packages under `packages:` in .github/verso.yml.' })
  if (found.packages.length === 0) {
    throw new VersoError('EINVALIDCONFIG', `packages: auto found no usable ${found.source} workspace.`, {
      details: found.skipped.map((s) => `${s.path}: ${s.why}`),
      hint: 'Fix the manifests named above, or list the packages under `packages:`.'
    })
  }
  return {
    ...file,
    packages: found.packages.map((w) => ({ name: w.name, path: w.path })),
    packagesSource: { kind: found.source, skipped: found.skipped }
  }
}
