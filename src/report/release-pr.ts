import type { NothingLeft, ReleasePullRequestOutcome } from '../run/release-pr.js'
import { fitBytes } from './limits.js'

/** Marks the description verso writes, so a reader (and the pull-request check) knows the pull request is verso's. */
export const RELEASE_PR_MARKER = '<!-- verso:release-pull-request -->'

// GitHub refuses a description over 65,536 characters; bytes are the stricter measure.
const BODY_LIMIT_BYTES = 60_000

export interface ReleasePullRequestView {
  /** The branch released, and the pull request's own branch. */
  readonly base: string
  readonly branch: string
  /** What merging releases: a name (empty for the only package), its tag and its bump. */
  readonly releases: readonly { readonly name: string; readonly tag: string; readonly bump: string }[]
  /** The plan as the job summary renders it. */
  readonly summary: string
  /** Each release's notes, as the GitHub Release will carry them. */
  readonly notes: readonly { readonly name: string; readonly notes: string }[]
}

/** The release pull request's description: what merging releases, why, and the notes it will publish. */
export function renderReleasePullRequestBody(view: ReleasePullRequestView): string {
  const named = view.releases.map((r) => `**${r.tag}**${r.name ? ` (${r.name}, ${r.bump})` : ` (${r.bump})`}`)
  const lines = [
    RELEASE_PR_MARKER,
    `Merging this pull request releases ${list(named)} from \`${view.base}\`: verso then tags the merge commit and publishes the release${view.releases.length === 1 ? '' : 's'}. Any merge style works.`,
    '',
    `verso keeps it up to date: each push to \`${view.base}\` rewrites \`${view.branch}\` from the new plan, so commits pushed to that branch by hand are replaced. When nothing is left to release, it is closed.`,
    '',
    view.summary.replace(/^## /, '### ').trim(),
    ''
  ]
  for (const { name, notes } of view.notes) {
    if (!notes.trim()) continue
    lines.push('<details open>', `<summary>Release notes${name ? ` of ${name}` : ''}</summary>`, '', notes.trim(), '', '</details>', '')
  }
  return fitBytes(lines.join('\n'), BODY_LIMIT_BYTES, 'the job summary of the run that wrote it has the rest')
}

/** Why there is no release pull request: "nothing on `main` releases since v1.3.0 (no commits since it)". */
export function describeNothingLeft(base: string, left: NothingLeft): string {
  const since = left.since === null ? '' : ` since ${left.since}`
  const why = left.reason === 'no-commits' ? `no commits${since ? since : ''}` : `none of the commits${since} calls for a release`
  return `nothing on \`${base}\` is left to release (${why})`
}

/** The comment a release pull request is closed with, when nothing is left to release. */
export function renderClosingComment(base: string, left: NothingLeft): string {
  return (
    `${RELEASE_PR_MARKER}\nverso closed this pull request: ${describeNothingLeft(base, left)}. ` +
    `The next push to \`${base}\` that has something to release opens a new one.\n`
  )
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`
}

/** What a push did to the release pull request, in one sentence; `markdown` links the pull request. */
export function describeReleasePullRequest(outcome: ReleasePullRequestOutcome, base: string, markdown: boolean): string {
  const name = (pr: { readonly number: number; readonly url: string }) =>
    markdown ? `[#${pr.number}](${pr.url})` : `#${pr.number} (${pr.url})`
  switch (outcome.kind) {
    case 'opened':
    case 'updated':
    case 'unchanged': {
      const did = outcome.kind === 'opened' ? 'Opened' : outcome.kind === 'updated' ? 'Updated' : 'Left as it was'
      const title = markdown ? `\`${outcome.pullRequest.title}\`` : outcome.pullRequest.title
      return `${did} the release pull request ${name(outcome.pullRequest)}, ${title}: nothing is released until it is merged.`
    }
    case 'closed':
      return `Closed the release pull request ${name(outcome.pullRequest)}: ${describeNothingLeft(base, outcome.left)}.`
    case 'none':
      return `No release pull request: ${describeNothingLeft(base, outcome.left)}.`
    case 'stale':
      return `Left the release pull request as it is: \`${base}\` moved on to ${outcome.tip.slice(0, 7)}, whose run writes it.`
  }
}
