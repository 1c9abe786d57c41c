import type { Config } from './config.js'
import { readCommits } from './git/commits.js'
import type { Git } from './git/git.js'
import { readCommit } from './commits/analyze.js'
import { planRelease } from './pipeline.js'
import type { ReleasePlan } from './plan.js'
import type { PullRequest } from './pull-request.js'
import { DEFAULT_TYPES, validateMessage, validateTitle, type Problem } from './validate/index.js'

/** What a pull request would release, and what is wrong with it. */
export interface PullRequestCheck {
  readonly pr: PullRequest
  readonly mergeStyle: Config['check']['mergeStyle']
  /** The release that merging would make. */
  readonly plan: ReleasePlan
  /** Problems that fail the check. */
  readonly errors: readonly Problem[]
  /** Problems reported without failing (validate-mode warn; commits of a squash-merged PR). */
  readonly warnings: readonly Problem[]
}

/**
 * Validates the title and the commits, and predicts the release as if the pull request
 * were merged: squash-merged, the title is the one commit that lands on the base;
 * merged or rebased, its commits land (HEAD, the merge commit actions/checkout makes).
 */
export async function checkPullRequest(git: Git, config: Config, now: Date, pr: PullRequest): Promise<PullRequestCheck> {
  const { validate, validateMode, mergeStyle } = config.check
  const types = config.check.types.length ? config.check.types : DEFAULT_TYPES
  // Planning at HEAD first also deepens a shallow clone far enough for the rest.
  const merged = await planRelease(git, config, now)
  const plan =
    mergeStyle === 'squash'
      ? (await planRelease(git, config, now, { head: pr.baseSha, extraCommits: [readCommit({ sha: pr.headSha, parents: [pr.baseSha], message: `${pr.title}\n` })] })).plan
      : merged.plan

  const titleProblems = validate === 'commits' ? [] : validateTitle(pr.title, { types })
  const commitProblems =
    validate === 'title'
      ? []
      : (await readCommits(git, pr.headSha, pr.baseSha, (c) => c)).commits.flatMap((c) => validateMessage(c.message, { types, subject: { kind: 'commit', sha: c.sha } }))
  // Squash-merged, the title is what lands: the commits can only warn.
  const failing = validateMode === 'warn' ? [] : mergeStyle === 'squash' ? titleProblems : [...titleProblems, ...commitProblems]
  const all = [...titleProblems, ...commitProblems]
  return { pr, mergeStyle, plan, errors: failing, warnings: all.filter((p) => !failing.includes(p)) }
}
