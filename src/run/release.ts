import type { Config } from '../config/config.js'
import { VersoError } from '../errors.js'
import type { Git } from '../git/git.js'
import { RELEASE_BODY_LIMIT, renderNotes } from '../notes/release-notes.js'
import { applyOptions, applyPlan, describeApply, type ApplyOutcome, type ReleasesApi } from './apply.js'
import type { BranchHints, Gather } from './gather.js'
import { decideRelease } from './mode.js'
import { planReleaseRun } from './plan.js'
import type { ReleasePlan } from './release-plan.js'

/** One release run, as the action and `verso release` both ask for it. */
export interface ReleaseRequest {
  readonly git: Git
  readonly gather: Gather
  readonly config: Config
  readonly now: Date
  /** What the environment says about the branch: the CI's variables and the event. */
  readonly hints: BranchHints
  /** Report what a release would do, and do nothing. */
  readonly dryRun: boolean
  /** Not knowing the branch fails the run instead of skipping the release. */
  readonly requireBranch: boolean
  /** `https://github.com/owner/repo`, for the links in the notes. */
  readonly repositoryUrl: string | null
  /** The releases API, or null (without a token only the tag is made); asked for only when releasing. */
  readonly connect: () => ReleasesApi | null
  /** Each step as it happens. */
  readonly log: (line: string) => void
}

/** What a release run did, beyond the plan. */
export type ReleaseResult =
  /** The plan releases nothing, or is blocked. */
  | { readonly kind: 'planned' }
  | { readonly kind: 'skipped'; readonly why: string }
  | { readonly kind: 'dry-run'; readonly steps: readonly string[] }
  | { readonly kind: 'applied'; readonly outcome: ApplyOutcome }

export interface ReleaseRun {
  readonly plan: ReleasePlan
  readonly fetched: readonly string[]
  /** HEAD already carried this release's tag: the run finished it. */
  readonly resumed: boolean
  /** The release notes (Markdown), or '' when nothing would be released. */
  readonly notes: string
  readonly result: ReleaseResult
}

/**
 * Plan, then release: the branch, the dry run and the effects, decided in this one place
 * for every entry point.
 */
export async function runRelease(request: ReleaseRequest): Promise<ReleaseRun> {
  const { config, gather } = request
  const { plan, fetched, resumed } = await planReleaseRun(gather, config, request.now)
  const notes = plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  const done = (result: ReleaseResult): ReleaseRun => ({ plan, fetched, resumed, notes, result })
  if (plan.kind !== 'release') return done({ kind: 'planned' })

  const where = await gather.branch(request.hints, config.release.branches.length === 0)
  const decision = decideRelease({ ...where, branches: config.release.branches, dryRun: request.dryRun })
  const options = applyOptions(config, plan, notes, request.log)
  switch (decision.kind) {
    case 'skip':
      // Not knowing is not the same as "not a release branch": where asked, it must not pass quietly.
      if (decision.unknown && request.requireBranch) {
        throw new VersoError('EUSAGE', `Nothing released: ${decision.why}.`, {
          hint: 'Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH).'
        })
      }
      return done({ kind: 'skipped', why: decision.why })
    case 'dry-run':
      return done({ kind: 'dry-run', steps: describeApply(plan, options) })
    case 'release':
      return done({ kind: 'applied', outcome: await applyPlan(plan, request.git, request.connect(), options) })
  }
}
