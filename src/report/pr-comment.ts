import { COMMENT_MARKER } from '../github/sticky-comment.js'
import type { ArtifactVersion } from '../run/artifact-version.js'
import type { PackagesPlan } from '../run/packages.js'
import { briefWhy } from './packages.js'
import type { PullRequestCheck } from '../run/pr-check.js'
import { renderProblem } from '../validate/index.js'
import { describeFinding, explainBump, shortSha } from './explain.js'
import { renderInline } from '../notes/markdown.js'
import { COMMENT_LIMIT, fitText } from './limits.js'
import { describeLine } from './line.js'
import { describeReason } from './reasons.js'

/**
 * The pull request's one comment, the job summary's body and the CLI's `check` report:
 * one pure rendering of the check, so the three never disagree.
 */
export function renderPullRequestReport(check: PullRequestCheck, notes: string, artifact: ArtifactVersion | null = null): string {
  const { plan } = check
  const lines = [COMMENT_MARKER, `### verso: ${headline(check)}`, '', inline(explainBump(plan)), '']
  const line = describeLine(plan.line)
  if (line) lines.push(`> ${inline(`The base branch: ${line}`)}`, '')
  for (const reason of plan.reasons) lines.push(`> ${inline(describeReason(reason))}`, '')
  if (artifact?.snapshot)
    lines.push(`Builds of this pull request are versioned \`${artifact.version}\` (a snapshot: it sorts below the release).`, '')
  if (check.mergeStyle === 'squash') lines.push('_Squash merge: the title is the commit that lands on the base branch._', '')
  if (plan.kind === 'blocked') {
    const findings = plan.findings.slice(0, MAX_LISTED).map((f) => `- :x: ${inline(describeFinding(f))}`)
    const more =
      plan.findings.length > MAX_LISTED ? [`- … and ${plan.findings.length - MAX_LISTED} more (the job's annotations list them all)`] : []
    lines.push('**The release would be blocked:**', '', ...findings, ...more, '')
  }
  lines.push(...validation(check))
  if (plan.kind !== 'none' && plan.next)
    lines.push('<details><summary>Release notes preview</summary>', '', notes.trim(), '', '</details>', '')
  return finish(lines, check)
}

/**
 * A monorepo's check: the title and commits validated as for one package, and what merging
 * releases for each package, as a table and each package's plan in a fold.
 */
export function renderPackagesPullRequestReport(check: PullRequestCheck, packages: PackagesPlan): string {
  // Code spans: a scoped name's `@` mentions no one there, and reads as written.
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``
  const releasing = packages.plans.flatMap((p) => (p.plan.kind === 'release' ? [code(p.plan.next.tag)] : []))
  const blocked = packages.plans.filter((p) => p.plan.kind === 'blocked')
  const head = releasing.length ? `merging this releases ${releasing.join(', ')}` : 'merging this releases no package'
  const lines = [COMMENT_MARKER, `### verso: ${head}${blocked.length ? `; ${blocked.length} blocked` : ''}`, '']
  lines.push('| package | current | next | bump | why |', '|---|---|---|---|---|')
  for (const p of packages.plans) {
    const { plan } = p
    const cells = [plan.previous?.version ?? '—', plan.next?.version ?? '—', plan.kind === 'release' ? plan.bump : '—', briefWhy(plan)]
    lines.push(`| ${[code(p.pkg.spec.name), ...cells.map((c) => inline(c))].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)
  }
  lines.push('')
  for (const p of blocked) {
    if (p.plan.kind !== 'blocked') continue
    lines.push(
      `**${code(p.pkg.spec.name)}: the release would be blocked:**`,
      '',
      ...p.plan.findings.slice(0, MAX_LISTED).map((f) => `- :x: ${inline(describeFinding(f))}`),
      ''
    )
  }
  // Each package's own detail, folded: why its version is what it is.
  for (const p of packages.plans) {
    if (p.plan.kind === 'none') continue
    const detail = [inline(explainBump(p.plan)), ...p.plan.reasons.map((r) => `> ${inline(describeReason(r))}`)]
    lines.push(`<details><summary>${inline(p.pkg.spec.name)}</summary>`, '', detail.join('\n\n'), '', '</details>', '')
  }
  if (check.mergeStyle === 'squash')
    lines.push(
      "_Squash merge: the title is the commit that lands on the base branch; this prediction counts the pull request's commits, each for the packages whose files it changes._",
      ''
    )
  lines.push(...validation(check))
  return finish(lines, check)
}

function validation(check: PullRequestCheck): string[] {
  const lines: string[] = []
  if (check.errors.length) lines.push('**To fix before merging:**', '', ...listed(check.errors, ':x:'), '')
  if (check.warnings.length) lines.push('**Worth a look:**', '', ...listed(check.warnings, ':warning:'), '')
  return lines
}

function finish(lines: readonly string[], check: PullRequestCheck): string {
  const footer = `<sub>For ${shortSha(check.pr.headSha)}; updated on every push.</sub>\n`
  // Room for the footer, and for the marker the comment adapter puts first if it is missing.
  const body = fitText(
    quiet(`${lines.join('\n')}\n`),
    COMMENT_LIMIT - footer.length - 100,
    "the job's summary and annotations have the rest"
  )
  return `${body}${footer}`
}

/**
 * A sentence that quotes titles and commits, as Markdown that shows it as written: no
 * link, image, emphasis or entity of theirs renders, and code spans stay code.
 */
function inline(text: string): string {
  return renderInline(text, () => null).markdown
}

/**
 * A comment notifies whoever it mentions: outside code spans (where GitHub mentions no one,
 * and where the text must copy as written) a zero-width space after `@` keeps the name
 * readable and pings no one. Any link to a script that got this far loses its target.
 */
function quiet(markdown: string): string {
  let fence = 0
  const quieted = markdown.replace(/\\`|(`+)|@(?=[A-Za-z0-9])/g, (match, ticks: string | undefined) => {
    if (ticks !== undefined) fence = fence === 0 ? ticks.length : fence === ticks.length ? 0 : fence
    return match === '@' && fence === 0 ? '@\u200b' : match
  })
  return quieted.replace(/\[([^\][\n]*)\]\(\s*(?:javascript|vbscript|data):[^)\n]*\)/gi, '$1')
}

// A comment holds at most 65,536 characters: hundreds of bad commits are summarised.
const MAX_LISTED = 50

function listed(problems: PullRequestCheck['errors'], mark: string): string[] {
  const lines = problems.slice(0, MAX_LISTED).map((p) => `- ${mark} ${inline(renderProblem(p))}`)
  return problems.length > MAX_LISTED
    ? [...lines, `- … and ${problems.length - MAX_LISTED} more (the job's annotations list them all)`]
    : lines
}

function headline(check: PullRequestCheck): string {
  const { plan } = check
  if (check.release && plan.kind === 'release') return `the release pull request: merging it releases **${plan.next.tag}** (${plan.bump})`
  if (check.release) return 'the release pull request: merging it releases nothing any more (the next push closes it)'
  switch (plan.kind) {
    case 'release':
      return `merging this releases **${plan.next.tag}** (${plan.bump})`
    case 'none':
      return 'merging this releases nothing'
    case 'blocked':
      return plan.next
        ? `merging this would release **${plan.next.tag}** (${plan.bump}), but the release would be blocked`
        : 'merging this would be blocked'
  }
}
