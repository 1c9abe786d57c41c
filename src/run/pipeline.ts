import { readCommit, type ParsedCommit } from '../commits/analyze.js'
import { configFilePath, resolveConfig, type Config, type ImageConfig, type RawOptions } from '../config/config.js'
import { VersoError } from '../errors.js'
import type { Git } from '../git/git.js'
import { readHistory } from '../git/history.js'
import { readTaggerEmail } from '../git/publish.js'
import type { TagRef } from '../git/tags.js'
import type { ImageCheck } from '../image/index.js'
import { channelOf, parseVersion } from '../versions/scheme.js'
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
  return resolveConfig(given, text === null ? {} : (await import('../config/file.js')).parseConfigFile(text, path))
}

export interface PlanOutcome {
  readonly plan: ReleasePlan
  /** What verso had to do to a shallow clone, if anything. */
  readonly fetched: readonly string[]
}

export interface PlanOptions {
  /** Plans as if this tag did not exist: how a re-run finishes a release at HEAD. */
  readonly ignoreTag?: string
  /** Plans for this commit instead of HEAD. */
  readonly head?: string
  /** Commits on top of the history, newest first: a pull request's title as its squash commit. */
  readonly extraCommits?: readonly ParsedCommit[]
  /** The version to release instead of the one the plan would choose (finishing a release). */
  readonly finish?: string
  /** Reads the schemas at this commit instead of the working tree (a pull request's head). */
  readonly schemasAt?: string
}

/**
 * From the repository to the plan: history and schema files (git), then the pure check
 * and decision. The image file is written nowhere here: that is an effect.
 */
export async function planRelease(git: Git, config: Config, now: Date, options: PlanOptions = {}): Promise<PlanOutcome> {
  const keep = (tags: readonly TagRef[]) => tags.filter((t) => t.name !== options.ignoreTag)
  const read = await readHistory(git, {
    fetchHistory: config.fetchHistory,
    order: (tags) => orderTags(config, keep(tags)),
    read: readCommit,
    ...(options.head ? { head: options.head } : {})
  })
  const history = { ...read, tags: keep(read.tags), commits: [...(options.extraCommits ?? []), ...read.commits] }
  const image = config.image && (await checkImage(git, config.image, history.base?.name ?? null, { checkWorktreeImage: true }, options.schemasAt ?? null))
  return { plan: decidePlan(config, history, now, image, options.finish === undefined ? {} : { finish: options.finish }), fetched: history.fetched }
}

/** What `verso image check|set|status` work from: the check against the last release. */
export async function checkReleaseImage(git: Git, config: Config, options: { checkWorktreeImage: boolean }): Promise<{ check: ImageCheck; image: ImageConfig }> {
  if (!config.image) {
    throw new VersoError('EINVALIDCONFIG', 'The release-image check has no schemas to look at.', {
      hint: 'Set `schemas` (e.g. `--schemas "schemas/**/*.json"`, or `schemas:` in .github/verso.yml).'
    })
  }
  const history = await readHistory(git, { fetchHistory: config.fetchHistory, order: (tags) => orderTags(config, tags), read: () => null, commits: false })
  return { check: await checkImage(git, config.image, history.base?.name ?? null, options), image: config.image }
}

// The check (JSON Schema tooling included) is loaded only by repositories that use it.
async function checkImage(git: Git, image: ImageConfig, releaseTag: string | null, options: { checkWorktreeImage: boolean }, todayAt: string | null = null): Promise<ImageCheck> {
  const { readImageSources, runImageCheck } = await import('./image.js')
  return runImageCheck(image, await readImageSources(git, image, releaseTag, todayAt), options)
}

/**
 * A release run whose HEAD already carries the last release tag may be a re-run: it plans
 * that release again, as if the tag were not there but with the tag's own version (another
 * day's CalVer or other settings would choose another), so that apply can finish whatever
 * the first run left undone. Only a tag this run could have made is finished: one of its
 * channel (stable, or its prerelease id), annotated by its tagger; any other tag at HEAD
 * (a hand-pushed one, another channel's) is left as it is.
 */
export async function planReleaseRun(git: Git, config: Config, now: Date): Promise<PlanOutcome & { resumed: boolean }> {
  const first = await planRelease(git, config, now)
  const { plan } = first
  if (plan.kind !== 'none' || plan.reason !== 'no-commits' || plan.previous?.sha !== plan.head) return { ...first, resumed: false }
  const version = parseVersion(config.scheme, plan.previous.version)
  const ours = version !== null && channelOf(version) === config.prerelease && (await readTaggerEmail(git, plan.previous.tag)) === config.release.tagger.email
  if (!ours) return { ...first, resumed: false }
  return { ...(await planRelease(git, config, now, { ignoreTag: plan.previous.tag, finish: plan.previous.version })), resumed: true }
}
