import { needsDefaultBranch } from '../config/branches.js'
import type { ParsedCommit } from '../commits/analyze.js'
import type { Config, ImageConfig } from '../config/config.js'
import { VersoError } from '../errors.js'
import type { ImageCheck } from '../image/index.js'
import { channelOf, sameChannel, type Version } from '../versions/scheme.js'
import { decidePlan } from './decide.js'
import type { BranchHints, Gather } from './gather.js'
import { resolveLine, unresolvedLine, type ReleaseLine } from './line.js'
import type { ReleasePlan } from './release-plan.js'

export interface PlanOutcome {
  readonly plan: ReleasePlan
  /** What verso had to do to a shallow clone, if anything. */
  readonly fetched: readonly string[]
}

export interface PlanOptions {
  /** Plans as if this tag did not exist: how a release an earlier run tagged is finished. */
  readonly ignoreTag?: string
  /** Plans for this commit instead of HEAD. */
  readonly head?: string
  /** Commits on top of the history, newest first: a pull request's title as its squash commit. */
  readonly extraCommits?: readonly ParsedCommit[]
  /** The version to release instead of the one the plan would choose (finishing a release). */
  readonly finish?: Version
  /** The version a merged release pull request named, released instead of today's choice (see DecideOptions). */
  readonly proposed?: Version
  /** Reads the schemas at this commit instead of the working tree (a pull request's head, an earlier release). */
  readonly schemasAt?: string
  /** Whether the image file of the working tree must be today's image (not for an earlier release). */
  readonly checkWorktreeImage?: boolean
  /** The branch's line; without one, the configuration's channel, anywhere. */
  readonly line?: ReleaseLine
}

/**
 * The line of the branch a run is on. `remote`: the remote may be asked for its default
 * branch (a release must know); else only what the clone and the CI say is read.
 */
export async function gatherLine(gather: Gather, config: Config, hints: BranchHints, ask: 'local' | 'remote'): Promise<ReleaseLine> {
  const { policy } = config.release
  const where = await gather.branch(hints, needsDefaultBranch(policy) ? ask : 'no')
  return lineFor(config, where.branch, where.defaultBranch)
}

/** The line of a named branch (a pull request's base), by the configuration's policy. */
export function lineFor(config: Config, branch: string | null, defaultBranch: string | null): ReleaseLine {
  return resolveLine({ policy: config.release.policy, branch, defaultBranch, prerelease: config.prerelease, scheme: config.scheme.kind })
}

/**
 * From the repository to the plan: gather the facts (git), then the pure check and
 * decision. The image file is written nowhere here: that is an effect.
 */
export async function planRelease(gather: Gather, config: Config, now: Date, options: PlanOptions = {}): Promise<PlanOutcome> {
  const line = options.line ?? unresolvedLine(config.prerelease)
  const read = await gather.history({
    line,
    ...(options.head ? { head: options.head } : {}),
    ...(options.ignoreTag ? { ignoreTag: options.ignoreTag } : {})
  })
  const facts = options.extraCommits ? { ...read, commits: [...options.extraCommits, ...read.commits] } : read
  const checkWorktreeImage = options.checkWorktreeImage ?? true
  const image =
    config.image &&
    (await gatherAndCheckImage(gather, config.image, facts.base?.name ?? null, { checkWorktreeImage }, options.schemasAt ?? null))
  const plan = decidePlan(config, facts, now, image, {
    line,
    ...(options.finish === undefined ? {} : { finish: options.finish }),
    ...(options.proposed === undefined ? {} : { proposed: options.proposed })
  })
  return { plan, fetched: facts.fetched }
}

/** What `verso image check|set|status` work from: the check against the last release. */
export async function checkReleaseImage(
  gather: Gather,
  config: Config,
  options: { checkWorktreeImage: boolean }
): Promise<{ check: ImageCheck; image: ImageConfig }> {
  if (!config.image) {
    throw new VersoError('EINVALIDCONFIG', 'The release-image check has no schemas to look at.', {
      hint: 'Set `schemas` (e.g. `--schemas "schemas/**/*.json"`, or `schemas:` in .github/verso.yml).'
    })
  }
  const facts = await gather.history({ commits: false })
  return { check: await gatherAndCheckImage(gather, config.image, facts.base?.name ?? null, options), image: config.image }
}

// The check (JSON Schema tooling included) is loaded only by repositories that use it.
async function gatherAndCheckImage(
  gather: Gather,
  image: ImageConfig,
  releaseTag: string | null,
  options: { checkWorktreeImage: boolean },
  todayAt: string | null = null
): Promise<ImageCheck> {
  const [{ runImageCheck }, sources] = await Promise.all([import('./image.js'), gather.imageSources(image, releaseTag, todayAt)])
  return runImageCheck(image, sources, options)
}

/**
 * A release run whose HEAD already carries the last release tag may be a re-run: it plans
 * that release again, as if the tag were not there but with the tag's own version (another
 * day's CalVer or other settings would choose another), so that apply can finish whatever
 * the first run left undone. Only a tag this run could have made is finished: one of its
 * channel (stable, or its prerelease id), annotated by its tagger; any other tag at HEAD
 * (a hand-pushed one, another channel's) is left as it is.
 */
export async function planReleaseRun(
  gather: Gather,
  config: Config,
  now: Date,
  line: ReleaseLine,
  head?: string
): Promise<PlanOutcome & { resumed: boolean }> {
  const at = head ? { head } : {}
  const first = await planRelease(gather, config, now, { line, ...at })
  const { plan } = first
  if (plan.kind !== 'none' || plan.reason !== 'no-commits' || plan.previous?.sha !== plan.head) return { ...first, resumed: false }
  const { value, tag } = plan.previous
  if (!(await isOwnRelease(gather, config, line, plan.previous))) return { ...first, resumed: false }
  return { ...(await planRelease(gather, config, now, { line, ignoreTag: tag, finish: value, ...at })), resumed: true }
}

/** A release tag this run could have made: of its channel (stable, or its prerelease id), annotated by its tagger. */
export async function isOwnRelease(
  gather: Gather,
  config: Config,
  line: ReleaseLine,
  release: { readonly tag: string; readonly value: Version }
): Promise<boolean> {
  return (
    sameChannel(config.scheme, channelOf(release.value), line.prerelease) &&
    (await gather.taggerEmail(release.tag)) === config.release.tagger.email
  )
}
