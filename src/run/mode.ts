import type { Mode } from '../config/config.js'
import { describeNotReleasing, type ReleaseLine } from './line.js'

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

export type ReleaseDecision =
  | { readonly kind: 'release' }
  | { readonly kind: 'dry-run' }
  /** unknown: the branch or the default branch could not be told, rather than "not a release branch". */
  | { readonly kind: 'skip'; readonly why: string; readonly unknown: boolean }

/**
 * Whether a release run publishes: the one place that weighs the branch's line and the dry
 * run, for the action and the CLI alike.
 */
export function decideRelease(line: ReleaseLine, dryRun: boolean): ReleaseDecision {
  const why = describeNotReleasing(line)
  if (why !== null) return { kind: 'skip', why, unknown: line.status.kind === 'detached' || line.status.kind === 'default-unknown' }
  return dryRun ? { kind: 'dry-run' } : { kind: 'release' }
}
