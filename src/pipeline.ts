import { readCommit } from './commits/analyze.js'
import { configFilePath, parseConfigFile, resolveConfig, type Config, type ImageConfig, type RawOptions } from './config.js'
import { VersoError } from './errors.js'
import type { Git } from './git/git.js'
import { readHistory } from './git/history.js'
import type { ImageCheck } from './image/index.js'
import { decidePlan, orderTags, type ReleasePlan } from './plan.js'
import { readImageSources, runImageCheck } from './release-image.js'

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

/**
 * From the repository to the plan: history and schema files (git), then the pure check
 * and decision. The image file is written nowhere here: that is an effect.
 */
export async function planRelease(git: Git, config: Config, now: Date): Promise<PlanOutcome> {
  const history = await readHistory(git, { fetchHistory: config.fetchHistory, order: (tags) => orderTags(config, tags), read: readCommit })
  const image = config.image && runImageCheck(config.image, await readImageSources(git, config.image, history.base?.name ?? null), { checkWorktreeImage: true })
  return { plan: decidePlan(config, history, now, image), fetched: history.fetched }
}

/** What `verso image check|set|status` work from: the check against the last release. */
export async function checkReleaseImage(git: Git, config: Config, options: { checkWorktreeImage: boolean }): Promise<{ check: ImageCheck; image: ImageConfig }> {
  if (!config.image) {
    throw new VersoError('EINVALIDCONFIG', 'The release-image check has no schemas to look at.', {
      hint: 'Set `schemas` (e.g. `--schemas "schemas/**/*.json"`, or `schemas:` in .github/verso.yml).'
    })
  }
  const history = await readHistory(git, { fetchHistory: config.fetchHistory, order: (tags) => orderTags(config, tags), read: () => null, commits: false })
  const sources = await readImageSources(git, config.image, history.base?.name ?? null)
  return { check: runImageCheck(config.image, sources, options), image: config.image }
}
