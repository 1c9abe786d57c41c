import { VersoError } from '../errors.js'
import { configFilePath, resolveConfig, type Config, type RawOptions } from './config.js'

/** Reads a file of the repository, or null when there is none. */
export type ReadText = (path: string) => Promise<string | null>

/** The explicit options over `.github/verso.yml` (or the file `config-file` names). */
export async function loadConfig(given: RawOptions, readText: ReadText): Promise<Config> {
  const path = configFilePath(given)
  const text = await readText(path)
  // An empty `config-file` (an unset workflow input) means the default, which may be absent.
  if (text === null && given['config-file'] !== undefined && given['config-file'] !== '') {
    throw new VersoError('EINVALIDCONFIG', `The config file ${path} does not exist.`, {
      hint: 'Fix `config-file`, or leave it out to use .github/verso.yml when present.'
    })
  }
  // The YAML parser is loaded only by repositories that have a config file.
  return resolveConfig(given, text === null ? {} : (await import('./file.js')).parseConfigFile(text, path))
}
