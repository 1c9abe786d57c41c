import type { CommitCause } from '../commits/analyze.js'
import type { ParsedMessage } from '../commits/parse.js'
import type { ImageCheck } from '../image/index.js'
import type { ReleasePlan, ReleaseRef } from '../run/release-plan.js'
import { cacheCommitCauses, describeIgnoredBreaking, describeSquashedCommit } from './commit-causes.js'
import { lineJson } from './line.js'
import { describeReason } from './reasons.js'

/** The documented `verso plan --json` shape (see the README); stable for scripts. */
export function renderPlanJson(plan: ReleasePlan, extra: PlanJsonExtra = {}): string {
  return [...writePlanJson(plan, extra)].join('')
}

export interface PlanJsonExtra {
  /** The version for builds (`build-metadata`, `snapshot-versions`), when asked for. */
  readonly buildVersion?: string | null
}

/**
 * The same JSON in pieces of about 64 KiB, for writing as it is made: tens of thousands of
 * commits need not become one string of many megabytes first.
 */
// Where the commits go: JSON writes the NUL as \u0000, which no other value of a plan holds
// (git messages cannot hold a NUL), so the split finds this place and no other.
const COMMITS = '\u0000commits'

export function* writePlanJson(plan: ReleasePlan, extra: PlanJsonExtra = {}): Generator<string> {
  const json = {
    kind: plan.kind,
    reason: plan.kind === 'none' ? plan.reason : null,
    scheme: plan.scheme,
    bump: plan.bump,
    head: plan.head,
    previous: plan.previous && { version: plan.previous.version, tag: plan.previous.tag, sha: plan.previous.sha },
    next: plan.kind === 'release' ? describeRef(plan.next) : null,
    blockedNext: plan.kind === 'blocked' && plan.next ? describeRef(plan.next) : null,
    notes: plan.reasons.map(describeReason),
    reasons: plan.reasons,
    findings: plan.kind === 'blocked' ? plan.findings : [],
    commits: COMMITS,
    ignoredTags: plan.ignoredTags,
    image: plan.image && describeImage(plan.image),
    line: lineJson(plan.line),
    buildVersion: extra.buildVersion ?? null
  }
  // One commit a line: readable and greppable. Written field by field, because tens of
  // thousands of commits are common and an object per commit only to stringify it costs;
  // the few distinct types, scopes and reasons are encoded once each.
  const encoded = new Map<string | null, string>()
  const encode = (value: string | null): string => {
    let text = encoded.get(value)
    if (text === undefined) encoded.set(value, (text = JSON.stringify(value)))
    return text
  }
  const describe = cacheCommitCauses()
  const line = (c: ReleasePlan['commits'][number]): string => {
    const conventional = c.message.kind === 'conventional' ? c.message : null
    const squashed = c.cause.kind === 'squashed' ? c.cause : null
    const breaking = squashed ? squashed.commits.some((s) => isBreaking(s.message)) : isBreaking(c.message)
    return (
      `{"sha":"${c.sha}","header":${JSON.stringify(c.header)},"type":${encode(conventional?.type ?? null)},` +
      `"scope":${encode(conventional?.scope ?? null)},"breaking":${breaking},"merge":${c.merge},` +
      `"bump":"${c.bump}","status":"${c.status}","reason":${encode(describe(c.cause))}` +
      // Only a squash commit read as the commits it lists has the field: every other line stays as it was.
      `${squashed ? `,"squashed":${JSON.stringify(describeSquashed(squashed))}` : ''}}`
    )
  }
  const [before, after] = JSON.stringify(json, null, 2).split(`"commits": ${JSON.stringify(COMMITS)}`) as [string, string]
  if (plan.commits.length === 0) {
    yield `${before}"commits": []${after}\n`
    return
  }
  let piece = `${before}"commits": [\n    `
  for (let i = 0; i < plan.commits.length; i++) {
    piece += i === 0 ? line(plan.commits[i]!) : `,\n    ${line(plan.commits[i]!)}`
    if (piece.length >= 1 << 16) {
      yield piece
      piece = ''
    }
  }
  yield `${piece}\n  ]${after}\n`
}

function isBreaking(message: ParsedMessage): boolean {
  return message.kind === 'conventional' && (message.bang || message.breakingNotes.length > 0)
}

/** The commits a squash commit was read as, each as a commit's line has it, and the footers it ignored. */
function describeSquashed(cause: Extract<CommitCause, { kind: 'squashed' }>) {
  return {
    pullRequest: cause.pullRequest,
    commits: cause.commits.map((c) => ({
      header: c.header,
      type: c.message.kind === 'conventional' ? c.message.type : null,
      scope: c.message.kind === 'conventional' ? c.message.scope : null,
      breaking: isBreaking(c.message),
      bump: c.bump,
      status: c.status,
      reason: describeSquashedCommit(cause.pullRequest, c)
    })),
    ignored: cause.ignored.map((i) => ({ ...i, reason: describeIgnoredBreaking(i) }))
  }
}

function describeRef(ref: ReleaseRef): { version: string; tag: string } {
  return { version: ref.version, tag: ref.tag }
}

/** The release-image check's result, as `verso image … --json` and the plan's `image` print it. */
function describeImage(check: ImageCheck) {
  return {
    outcome: check.outcome,
    requiredBump: check.bump.bump,
    bumpReasons: check.bump.reasons.map((r) => r.message),
    findings: check.findings.map((f) => ({
      rule: f.rule,
      file: f.file,
      line: f.line,
      type: f.type,
      message: f.message,
      suggestion: f.suggestion?.text ?? null
    })),
    notes: check.remarks.map((r) => r.message),
    warnings: check.warnings.map((w) => w.message),
    imageUpToDate: check.imageUpToDate
  }
}

export function renderImageJson(check: ImageCheck, options: { file: string; written: boolean }): string {
  return `${JSON.stringify({ file: options.file, written: options.written, ...describeImage(check) }, null, 2)}\n`
}
