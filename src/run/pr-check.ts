import { parseCommit } from '../commits/analyze.js'
import type { Config } from '../config/config.js'
import type { PullRequest } from '../github/pull-request.js'
import type { Gather } from './gather.js'
import type { ReleaseLine } from './line.js'
import { planRelease } from './plan.js'
import type { ReleasePlan } from './release-plan.js'
import { isReleasePullRequest } from './release-pr.js'
import { releaseSubjectTags } from './merged-release.js'
import { checkSquashTitle, DEFAULT_TYPES, validateMessage, validateTitle, type Problem } from '../validate/index.js'

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
  /** How many commits the pull request has past its base. */
  readonly ahead: number
  /** verso's own release pull request: its title and commit are verso's, and merging it releases what the base has. */
  readonly release: boolean
}

/**
 * Validates the title and the commits, and predicts the release as if the pull request
 * were merged into its base now: from the last release the base reaches, with the title
 * as the one commit that lands (squash) or with the pull request's commits (merge, rebase).
 */
export async function checkPullRequest(
  gather: Gather,
  config: Config,
  now: Date,
  pr: PullRequest,
  line?: ReleaseLine,
  /**
   * How this pull request lands, when not as the configuration says: a local check without a
   * title lands its commits. The history is still read as the configuration says.
   */
  mergeStyle: Config['check']['mergeStyle'] = config.check.mergeStyle
): Promise<PullRequestCheck> {
  const { validate, validateMode } = config.check
  const types = config.check.types.length ? config.check.types : DEFAULT_TYPES
  const { commits: raw, worktreeHasHead } = await gather.pullRequest(pr)
  const landing =
    mergeStyle === 'squash' ? [parseCommit({ sha: pr.headSha, parents: [pr.baseSha], message: `${pr.title}\n` })] : raw.map(parseCommit)
  // The schemas are the pull request's: the working tree when it holds the head, else the head commit.
  const schemasAt = worktreeHasHead ? {} : { schemasAt: pr.headSha }
  // The base branch's line: a pull request into `1.x` is held to that range.
  const { plan } = await planRelease(gather, config, now, {
    head: pr.baseSha,
    extraCommits: landing,
    ...schemasAt,
    ...(line ? { line } : {})
  })

  // Squashed, the commits' footers ride along in GitHub's default message: a breaking one
  // makes the release major even when the title does not say so.
  const squashProblems = mergeStyle === 'squash' ? checkSquashTitle(pr.title, raw, { types, rules: config.releaseRules }) : []
  const titleProblems = validate === 'commits' ? [] : [...validateTitle(pr.title, { types }), ...squashProblems]
  const commitProblems =
    validate === 'title' ? [] : raw.flatMap((c) => validateMessage(c.message, { types, subject: { kind: 'commit', sha: c.sha } }))
  // Squash-merged, the title is what lands: the commits can only warn.
  const failing = validateMode === 'warn' ? [] : mergeStyle === 'squash' ? titleProblems : [...titleProblems, ...commitProblems]
  const all = [...titleProblems, ...commitProblems]
  // Its branch and its one commit make it the release pull request: anything else pushed to that branch is checked as any change.
  const release = isReleasePullRequest(pr) && raw.length === 1 && releaseSubjectTags(raw[0]!.message.split('\n')[0]!) !== null
  if (release) return { pr, mergeStyle, plan, errors: [], warnings: [], ahead: raw.length, release: true }
  return { pr, mergeStyle, plan, errors: failing, warnings: all.filter((p) => !failing.includes(p)), ahead: raw.length, release: false }
}
