import { readCommit } from './commits/analyze.js'
import { configFilePath, parseConfigFile, resolveConfig, type Config, type RawOptions } from './config.js'
import { VersoError } from './errors.js'
import type { Git } from './git/git.js'
import { readHistory } from './git/history.js'
import { decidePlan, orderTags, type ReleasePlan } from './plan.js'

/** Reads a file of the repository, or null when there is none. */
export type ReadText = (path: string) => Promise<string | null>

/** The explicit options over `.github/verso.yml` (or the file `config-file` names). */
export async function loadConfig(given: RawOptions, readText: ReadText): Promise<Config> {
  const path = configFilePath(given)
  const text = await readText(path)
  if (text === null && given['config-file'] !== undefined) {
    throw new VersoError('EINVALIDCONFIG', `The config file ${path} does not exist.`, { hint: 'Fix `config-file`, or leave it out to use .github/verso.yml when present.' })
  }
  return resolveConfig(given, text === null ? {} : parseConfigFile(text, path))
}

export interface PlanOutcome {
  readonly plan: ReleasePlan
  /** What verso had to do to a shallow clone, if anything. */
  readonly fetched: readonly string[]
}

/** From the repository to the plan: history (git) then the pure decision. */
export async function planRelease(git: Git, config: Config, now: Date): Promise<PlanOutcome> {
  const history = await readHistory(git, { fetchHistory: config.fetchHistory, order: (tags) => orderTags(config, tags), read: readCommit })
  return { plan: decidePlan(config, history, now), fetched: history.fetched }
}
