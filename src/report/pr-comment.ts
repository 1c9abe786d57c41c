import { COMMENT_MARKER } from '../github/sticky-comment.js'
import type { PullRequestCheck } from '../pr-check.js'
import { renderProblem } from '../validate/index.js'
import { describeFinding, explainBump, shortSha } from './explain.js'

/**
 * The pull request's one comment, the job summary's body and the CLI's `check` report:
 * one pure rendering of the check, so the three never disagree.
 */
export function renderPullRequestReport(check: PullRequestCheck, notes: string): string {
  const { plan } = check
  const lines = [COMMENT_MARKER, `### verso: ${headline(check)}`, '', escape(explainBump(plan)), '']
  if (check.mergeStyle === 'squash') lines.push('_Squash merge: the title is the commit that lands on the base branch._', '')
  if (plan.kind === 'blocked') {
    lines.push('**The release would be blocked:**', '', ...plan.findings.map((f) => `- :x: ${escape(describeFinding(f))}`), '')
  }
  if (check.errors.length) lines.push('**To fix before merging:**', '', ...check.errors.map((p) => `- :x: ${escape(renderProblem(p))}`), '')
  if (check.warnings.length) lines.push('**Worth a look:**', '', ...check.warnings.map((p) => `- :warning: ${escape(renderProblem(p))}`), '')
  if (plan.kind !== 'none' && plan.next) lines.push('<details><summary>Release notes preview</summary>', '', notes.trim(), '', '</details>', '')
  lines.push(`<sub>For ${shortSha(check.pr.headSha)}; updated on every push.</sub>`)
  return `${lines.join('\n')}\n`
}

function headline(check: PullRequestCheck): string {
  const { plan } = check
  switch (plan.kind) {
    case 'release':
      return `merging this releases **${plan.next.tag}** (${plan.bump})`
    case 'none':
      return 'merging this releases nothing'
    case 'blocked':
      return plan.next ? `merging this would release **${plan.next.tag}** (${plan.bump}), but the release would be blocked` : 'merging this would be blocked'
  }
}

function escape(text: string): string {
  return text.replace(/</g, '&lt;').replace(/\r?\n/g, ' ')
}
