import { VersoError } from '../errors.js'
import { configFilePath, resolveConfig, type Config, type RawOptions } from './config.js'

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
  return resolveConfig(given, file.packages === 'auto' && listFiles ? await discover(file, readText, listFiles) : file)
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
