import type { ReleasePlan } from '../plan.js'

/** The documented `verso plan --json` shape (see the README); stable for scripts. */
export function renderPlanJson(plan: ReleasePlan): string {
  const json = {
    kind: plan.kind,
    reason: plan.kind === 'none' ? plan.reason : null,
    scheme: plan.scheme,
    bump: plan.bump,
    head: plan.head,
    previous: plan.previous,
    next: plan.kind === 'release' ? plan.next : null,
    blockedNext: plan.kind === 'blocked' ? plan.next : null,
    notes: plan.notes,
    findings: plan.kind === 'blocked' ? plan.findings : [],
    commits: plan.commits.map((c) => ({
      sha: c.sha,
      header: c.header,
      type: c.message.kind === 'conventional' ? c.message.type : null,
      scope: c.message.kind === 'conventional' ? c.message.scope : null,
      breaking: c.message.kind === 'conventional' && (c.message.bang || c.message.breakingNotes.length > 0),
      merge: c.merge,
      bump: c.bump,
      status: c.status,
      reason: c.reason
    })),
    ignoredTags: plan.ignoredTags
  }
  return `${JSON.stringify(json, null, 2)}\n`
}
