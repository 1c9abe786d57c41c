import type { PullRequestCheck } from '../run/pr-check.js'
import { renderProblem } from '../validate/index.js'
import { describeFinding, explainBump } from './explain.js'
import { describeLine } from './line.js'
import { describeReason } from './reasons.js'

/**
 * What `verso check` prints for a person: what the pull request comment says, as plain
 * lines in the style of `verso plan` (a headline, the bump's explanation, then `note:`,
 * `error:` and `warning:` lines), with none of the comment's emoji, HTML or emphasis for a
 * terminal to show as written; only the quoted release notes stay Markdown. It decides
 * nothing: the check has.
 */
export function renderCheckText(check: PullRequestCheck, notes: string, options: { verbose: boolean }): string {
  const { plan } = check
  const lines = [headline(check), explainBump(plan)]
  const line = describeLine(plan.line)
  if (line) lines.push(`base branch: ${line}`)
  // The forced bump is the explanation's already.
  for (const reason of plan.reasons) if (reason.kind !== 'forced') lines.push(`note: ${describeReason(reason)}`)
  if (check.mergeStyle === 'squash') lines.push('squash merge: the title is the commit that lands on the base branch')
  if (plan.kind === 'blocked') lines.push(...listed(plan.findings.map(describeFinding), 'error', options))
  lines.push(...listed(check.errors.map(renderProblem), 'error', options))
  lines.push(...listed(check.warnings.map(renderProblem), 'warning', options))
  // The notes stay the Markdown the release will publish, as `verso plan --notes` prints
  // them: rewriting them here would preview a text the release never shows. Indented, they
  // read as one quoted block, and their `##` headings as its outline, not as this report's.
  const preview = notes.trim()
  if (plan.kind !== 'none' && plan.next && preview) lines.push('', 'Release notes:', indent(preview))
  return `${lines.join('\n')}\n`
}

// Hundreds of bad commits bury the headline: the first fifty say enough to start on.
const MAX_LISTED = 50

/** One `error:` or `warning:` line each; a problem's second line (its rewording) stays indented under it. */
function listed(messages: readonly string[], label: 'error' | 'warning', options: { verbose: boolean }): string[] {
  const shown = options.verbose ? messages : messages.slice(0, MAX_LISTED)
  const lines = shown.map((message) => `${label}: ${message}`)
  const hidden = messages.length - shown.length
  return hidden > 0 ? [...lines, `  … and ${hidden} more ${label}s (--verbose lists them all)`] : lines
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `  ${line}`))
    .join('\n')
}

function headline(check: PullRequestCheck): string {
  const { plan } = check
  switch (plan.kind) {
    case 'release':
      return `merging this releases ${plan.next.tag} (${plan.bump})`
    case 'none':
      return 'merging this releases nothing'
    case 'blocked':
      return plan.next
        ? `merging this would release ${plan.next.tag} (${plan.bump}), but the release would be blocked`
        : 'merging this would be blocked'
  }
}
