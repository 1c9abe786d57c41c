import type { ReleasePlan } from '../run/plan.js'
import { describeFinding, explainBump, renderHeadline, shortSha } from './explain.js'

/** What `verso plan` prints for a person. */
export function renderPlanText(plan: ReleasePlan, options: { verbose: boolean }): string {
  const lines = [renderHeadline(plan), explainBump(plan)]
  for (const note of plan.notes) if (!note.startsWith('bump forced')) lines.push(`note: ${note}`)
  if (plan.kind === 'blocked') for (const f of plan.findings) lines.push(`error: ${describeFinding(f)}`)
  if (plan.image?.outcome === 'created') lines.push('release image: none yet (`verso image set` writes it; commit it)')
  else if (plan.image) lines.push(`release image: ${plan.image.outcome}, the data needs ${plan.image.bump.bump === 'none' ? 'no release' : `a ${plan.image.bump.bump} release`}`)
  if (plan.commits.length) {
    lines.push('', 'Commits since the last release:')
    const shown = options.verbose ? plan.commits : plan.commits.filter((c) => c.bump !== 'none').slice(0, 50)
    for (const c of shown) lines.push(`  ${shortSha(c.sha)}  ${c.bump.padEnd(5)}  ${c.header}  (${c.reason})`)
    const hidden = plan.commits.length - shown.length
    if (hidden > 0) lines.push(`  … and ${hidden} more that release nothing or are not listed (--verbose lists every commit)`)
  }
  return `${lines.join('\n')}\n`
}
