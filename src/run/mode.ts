import { matchesGlob } from 'node:path'
import type { Mode } from '../config/config.js'

export type RunMode = Exclude<Mode, 'auto'>

/** `auto`: a check on pull requests, a release on pushes, dispatches and schedules, else a plan. */
export function resolveMode(mode: Mode, eventName: string | undefined): RunMode {
  if (mode !== 'auto') return mode
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      return 'check'
    case 'push':
    case 'workflow_dispatch':
    case 'schedule':
      return 'release'
    default:
      return 'plan'
  }
}

/** Whether `branch` may release, and if not, a sentence that says why. */
export function checkReleaseBranch(
  branch: string | null,
  globs: readonly string[],
  defaultBranch: string | null
): { allowed: true } | { allowed: false; why: string; unknown: boolean } {
  if (branch === null)
    return { allowed: false, unknown: true, why: 'HEAD is not on a branch (a tag push or a detached checkout), so nothing is released' }
  const patterns = globs.length ? globs : defaultBranch ? [defaultBranch] : []
  if (patterns.length === 0)
    return {
      allowed: false,
      unknown: true,
      why: 'the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`'
    }
  if (patterns.some((glob) => glob === branch || matchesGlob(branch, glob))) return { allowed: true }
  return { allowed: false, unknown: false, why: `${branch} is not a release branch (release-branches: ${patterns.join(', ')})` }
}

export type ReleaseDecision =
  | { readonly kind: 'release' }
  | { readonly kind: 'dry-run' }
  /** unknown: the branch or the default branch could not be told, rather than "not a release branch". */
  | { readonly kind: 'skip'; readonly why: string; readonly unknown: boolean }

/**
 * Whether a release run publishes: the one place that weighs the branch and the dry run,
 * for the action and the CLI alike.
 */
export function decideRelease(input: {
  branch: string | null
  branches: readonly string[]
  defaultBranch: string | null
  dryRun: boolean
}): ReleaseDecision {
  const branch = checkReleaseBranch(input.branch, input.branches, input.defaultBranch)
  if (!branch.allowed) return { kind: 'skip', why: branch.why, unknown: branch.unknown }
  return input.dryRun ? { kind: 'dry-run' } : { kind: 'release' }
}
