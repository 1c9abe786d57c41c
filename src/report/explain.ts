import { eachCommit, type CommitDecision, type DecidedCommit } from '../commits/analyze.js'
import type { Finding, OutsideLine, ReleasePlan } from '../run/release-plan.js'
import { clip } from './limits.js'
import { describeReason } from './reasons.js'

/** The first seven hex digits, as git and GitHub show a commit. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}

/** One line headline: `v1.2.3 → v1.3.0 (minor)`. */
export function renderHeadline(plan: ReleasePlan): string {
  const from = plan.previous ? plan.previous.tag : 'no release yet'
  switch (plan.kind) {
    case 'release':
      return `${from} → ${plan.next.tag} (${plan.bump})`
    case 'none':
      return `${from}: nothing to release (${plan.reason === 'no-commits' ? 'no commits since it' : 'no releasable commits'})`
    case 'blocked':
      return `${from}: release blocked (${plan.findings.length} problem${plan.findings.length === 1 ? '' : 's'})`
  }
}

/**
 * Why the bump is what it is, in one sentence:
 * "minor, because 2 feat commits: 1a2b3c4 feat(api): add x, …; 12 commits ignored".
 */
export function explainBump(plan: ReleasePlan): string {
  const ignored = plan.commits.filter((c) => c.bump === 'none').length
  const tail = ignored ? `; ${ignored} commit${ignored === 1 ? '' : 's'} released nothing` : ''
  if (plan.commits.length === 0) return 'no commits since the last release'
  const forced = plan.reasons.find((r) => r.kind === 'forced')
  if (forced) return `${plan.bump}, ${describeReason(forced)}${tail}`
  if (plan.bump === 'none')
    return `no release: none of the ${plan.commits.length} commit${plan.commits.length === 1 ? '' : 's'} calls for one${describeIgnored(plan.commits)}`
  // No commit calls for the bump: the release-image check raised it.
  const raised = plan.reasons.find((r) => r.kind === 'raised-by-image')
  if (raised) return `${plan.bump}, ${describeReason(raised)}${tail}`
  // Held to minor by the 0.y.z rule, the bump is the breaking commits' doing.
  const held = plan.reasons.find((r) => r.kind === 'held-by-major-zero')
  const decisive = held ? plan.commits.filter((c) => held.commits.includes(c.sha)) : plan.commits.filter((c) => c.bump === plan.bump)
  // A squash commit is the commits of its pull request that call for its bump.
  const deciding = decisive.flatMap((c) => eachCommit(c).filter((x) => x.bump === c.bump))
  const groups = new Map<string, DecidedCommit[]>()
  for (const c of deciding) {
    const key = c.cause.kind === 'breaking' ? 'breaking' : c.message.kind === 'conventional' ? c.message.type : 'revert'
    const group = groups.get(key)
    if (group) group.push(c)
    else groups.set(key, [c])
  }
  const parts = [...groups].map(([key, list]) => {
    const shown = list.slice(0, 3).map((c) => `${shortSha(c.sha)} ${clip(c.header)}`)
    const more = list.length > 3 ? `, and ${list.length - 3} more` : ''
    return `${list.length} ${key} commit${list.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}`
  })
  return `${plan.bump}, because ${parts.join('; ')}${tail}`
}

function describeIgnored(commits: readonly CommitDecision[]): string {
  const unconventional = commits.filter((c) => c.status === 'ignored').length
  return unconventional ? ` (${unconventional} not Conventional Commits)` : ''
}

/** A finding as a sentence that says what to do. */
export function describeFinding(finding: Finding): string {
  switch (finding.kind) {
    case 'non-conventional':
      return (
        `${shortSha(finding.sha)} "${clip(finding.header)}" is not a Conventional Commit (${finding.why}); with \`strict: true\` every commit must be one. ` +
        `Reword it as \`type(scope): description\` (\`verso lint-commit\` suggests a wording), or turn strict off.`
      )
    case 'tag-exists':
      return (
        `Tag ${finding.tag} already exists at ${shortSha(finding.sha)}, which HEAD does not contain. ` +
        `A published tag is never moved: release from a branch that contains it, or delete the tag deliberately.`
      )
    case 'image': {
      const { file, line, message, suggestion } = finding.finding
      return `${file}${line === null ? '' : `:${line}`}: ${message}${suggestion ? ` Add: ${suggestion.text}` : ''}`
    }
    case 'image-bump':
      return (
        `The schema changes need a ${finding.required} release, but this release is ` +
        `${finding.declared === 'none' ? 'none' : `a ${finding.declared}`} (${finding.reasons.join('; ')}). ` +
        (finding.required === 'major'
          ? 'Mark a commit as breaking (`!` or a `BREAKING CHANGE:` footer), force `bump: major`, or set `image-bump: escalate`.'
          : `Add a commit that calls for a ${finding.required} release, force \`bump: ${finding.required}\`, or set \`image-bump: escalate\`.`)
      )
    case 'outside-line':
      return describeOutsideLine(finding)
    case 'prerelease-below':
      return (
        `${finding.version} would sort below ${finding.above}, which this branch already contains (SemVer orders channels by name: alpha < beta < rc). ` +
        'Release this branch on a channel that sorts after it, or release the stable version.'
      )
  }
}

/** A line that would leave its range: the commits, the limit, and the two ways out. */
function describeOutsideLine(finding: OutsideLine): string {
  const branch = finding.branch ?? 'this branch'
  const commits = finding.commits.map((c) => `${shortSha(c.sha)} "${clip(c.header)}"`).join(', ')
  const cause = commits
    ? `${commits} call${finding.commits.length === 1 ? 's' : ''} for a ${finding.bump} release`
    : `the release is a ${finding.bump}`
  const line = `${branch} releases only ${finding.range}`
  switch (finding.limit.kind) {
    case 'range':
      return (
        `${finding.version} is outside ${branch}'s range: ${line}, and ${cause}. ` +
        `Move ${commits ? 'that change' : 'the change'} to the next line (the branch that releases above ${finding.range}), ` +
        (finding.policy === 'branches'
          ? 'or widen the range (`range:` of its entry in `branches`).'
          : `or widen the range: list the branch in \`branches\` of .github/verso.yml with a wider \`range:\` (its name ${finding.range} sets it now).`)
      )
    case 'taken':
      return (
        `${finding.version} is not free on ${branch}: ${finding.limit.tag} is a newer line's release, and a maintenance line releases ` +
        `only below it; ${cause}. Move the change to the newer line, or release only fixes here.`
      )
    case 'newest':
      return (
        `${finding.version} would be the newest release, and the newest versions are ${finding.limit.owner}'s to make: ` +
        `${line} and only below a newer line's release, and none is newer yet; ${cause}. ` +
        `Release the change from ${finding.limit.owner} first, or, if ${branch} is now the stable line, list it without a range.`
      )
  }
}
