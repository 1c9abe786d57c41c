import { describeReleasePullRequest } from './release-pr.js'
import type { ReleaseRun } from '../run/release.js'
import type { ReleasePlan } from '../run/release-plan.js'
import type { CommitCause } from '../commits/analyze.js'
import { cacheCommitCauses, describeIgnoredBreaking, describeSquashedCommit } from './commit-causes.js'
import { describeFinding, explainBump, renderHeadline, shortSha } from './explain.js'
import { describeLine } from './line.js'
import { describeReason } from './reasons.js'

/** What `verso plan` prints for a person. */
export function renderPlanText(plan: ReleasePlan, options: { verbose: boolean }): string {
  const lines = [renderHeadline(plan), explainBump(plan)]
  const line = describeLine(plan.line)
  if (line) lines.push(`line: ${line}`)
  // The forced bump is the headline's explanation already.
  for (const reason of plan.reasons) if (reason.kind !== 'forced') lines.push(`note: ${describeReason(reason)}`)
  if (plan.kind === 'blocked') for (const f of plan.findings) lines.push(`error: ${describeFinding(f)}`)
  if (plan.image?.outcome === 'created') lines.push('release image: none yet (`verso image set` writes it; commit it)')
  else if (plan.image)
    lines.push(
      `release image: ${plan.image.outcome}, the data needs ${plan.image.bump.bump === 'none' ? 'no release' : `a ${plan.image.bump.bump} release`}`
    )
  if (plan.commits.length) {
    lines.push('', 'Commits since the last release:')
    // A squash commit that releases nothing still shows the breaking change it did not count.
    const shown = options.verbose ? plan.commits : plan.commits.filter((c) => c.bump !== 'none' || hasIgnored(c.cause)).slice(0, 50)
    const describe = cacheCommitCauses()
    for (const c of shown) {
      lines.push(`  ${shortSha(c.sha)}  ${c.bump.padEnd(5)}  ${c.header}  (${describe(c.cause)})`)
      if (c.cause.kind === 'squashed') lines.push(...listSquashed(c.cause, options.verbose))
    }
    const hidden = plan.commits.length - shown.length
    if (hidden > 0) lines.push(`  … and ${hidden} more that release nothing or are not listed (--verbose lists every commit)`)
  }
  return `${lines.join('\n')}\n`
}

function hasIgnored(cause: CommitCause): boolean {
  return cause.kind === 'squashed' && cause.ignored.length > 0
}

/** Under a squash commit, the commits it was read as (those that count, unless verbose) and the footers it ignored. */
function listSquashed(cause: Extract<CommitCause, { kind: 'squashed' }>, verbose: boolean): string[] {
  const indent = ' '.repeat(11)
  return [
    ...cause.commits
      .filter((c) => verbose || c.bump !== 'none')
      .map((c) => `${indent}${c.bump.padEnd(5)}  * ${c.header}  (${describeSquashedCommit(cause.pullRequest, c)})`),
    ...cause.ignored.map((i) => `${indent}note: ${describeIgnoredBreaking(i)}`)
  ]
}

/** What `verso release` says after the plan: what was skipped and why, or what a dry run would do. */
export function renderReleaseText(run: ReleaseRun, options: { unasked: boolean }): string {
  const { result } = run
  switch (result.kind) {
    case 'planned':
      return ''
    case 'skipped':
      return `\nNothing released: ${result.why}.\n`
    case 'dry-run': {
      const steps = result.steps.map((s) => `  - ${s}\n`).join('')
      return `\nDry run${options.unasked ? ' (not in CI; --no-dry-run releases)' : ''}: a release would\n${steps}\n${run.notes}`
    }
    case 'pull-request':
      return `\n${describeReleasePullRequest(result.outcome, run.plan.line.branch ?? '', false)}\n`
    case 'applied': {
      const { outcome } = result
      // A release's steps were logged as they happened.
      if (outcome.kind === 'released')
        return result.pullRequest ? `\n${describeReleasePullRequest(result.pullRequest, run.plan.line.branch ?? '', false)}\n` : ''
      return `Not released: ${outcome.tag} is already published at ${shortSha(outcome.by)}, which contains this commit.\n`
    }
  }
}
