import type { ReleasePlan } from '../run/plan.js'
import { describeFinding, explainBump, renderHeadline, shortSha } from './explain.js'

/** The job summary: the plan as Markdown, with every commit's decision in a table. */
export function renderPlanSummary(plan: ReleasePlan): string {
  const lines = [`## verso: ${escape(renderHeadline(plan))}`, '', escape(explainBump(plan)), '']
  for (const note of plan.notes) lines.push(`> ${escape(note)}`, '')
  if (plan.kind === 'blocked') {
    for (const f of plan.findings) lines.push(`- :x: ${escape(describeFinding(f))}`)
    lines.push('')
  }
  lines.push('| | |', '|---|---|')
  lines.push(`| previous | ${plan.previous ? `\`${plan.previous.tag}\` (${shortSha(plan.previous.sha)})` : '—'} |`)
  lines.push(`| next | ${plan.next ? `\`${plan.next.tag}\`` : '—'} |`)
  lines.push(`| bump | ${plan.bump} |`)
  lines.push(`| commits | ${plan.commits.length} |`)
  if (plan.image) lines.push(`| release image | ${plan.image.outcome}; the data needs: ${plan.image.bump.bump} |`)
  lines.push('')
  if (plan.image && (plan.image.notes.length || plan.image.warnings.length)) {
    lines.push('Release image:', '', ...plan.image.notes.map((n) => `- ${escape(n.message)}`), ...plan.image.warnings.map((w) => `- :warning: ${escape(w.message)}`), '')
  }
  if (plan.commits.length) {
    lines.push('| commit | bump | header | why |', '|---|---|---|---|')
    const shown = plan.commits.slice(0, 200)
    for (const c of shown) lines.push(`| \`${shortSha(c.sha)}\` | ${c.bump} | ${escape(c.header)} | ${escape(c.reason)} |`)
    if (plan.commits.length > shown.length) lines.push('', `… and ${plan.commits.length - shown.length} older commits (run \`verso plan --verbose\` to list them).`)
  }
  return `${lines.join('\n')}\n`
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ')
}
