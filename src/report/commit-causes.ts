import type { CommitCause, SquashedDecision } from '../commits/analyze.js'
import type { IgnoredBreaking } from '../commits/squash.js'
import { clip } from './limits.js'

const short = (shas: readonly string[]): string => shas.map((sha) => sha.slice(0, 7)).join(', ')

/** Why a commit calls for its bump, in one sentence a user can check against the commit. */
export function describeCommitCause(cause: CommitCause): string {
  switch (cause.kind) {
    case 'rule':
      return `${cause.rule.origin === 'default' ? 'default rule' : 'release-rules'} \`${cause.rule.text}\``
    case 'no-rule':
      return `type \`${cause.type}\` has no release rule: no release`
    case 'breaking':
      return cause.marker === 'bang' ? 'breaking change (`!` in the header): major' : 'breaking change (`BREAKING CHANGE:` footer): major'
    case 'reverts-released':
      return `reverts ${short(cause.shas)}, released before: patch`
    case 'revert-type':
      return 'a revert of something released before: patch'
    case 'reverted':
      return `reverted by ${short(cause.by)} in this release`
    case 'reverts-in-range':
      return `reverts ${short(cause.shas)} of this same release: together they change nothing`
    case 'skipped':
      return '`[skip release]` in the message: no release'
    case 'merge':
      return 'merge commit: the commits it merges are counted one by one'
    case 'unconventional':
      return `not a Conventional Commit: ${cause.why}`
    case 'squashed': {
      const n = cause.commits.length
      const ignored = cause.ignored.length
      const footers = ignored ? `; ${ignored} \`BREAKING CHANGE:\` footer${ignored === 1 ? '' : 's'} ignored` : ''
      return `${describePullRequest(cause.pullRequest)}: read as the ${n === 1 ? 'commit' : `${n} commits`} its message lists${footers}`
    }
  }
}

/** Why a commit of a squashed pull request calls for its bump: "from the squashed pull request #12: default rule `feat: minor`". */
export function describeSquashedCommit(pullRequest: number | null, commit: SquashedDecision): string {
  return `from the ${describePullRequest(pullRequest)}: ${describeCommitCause(commit.cause)}`
}

/** Why a `BREAKING CHANGE:` footer of a squash commit counts for nothing, and what would make it count. */
export function describeIgnoredBreaking(ignored: IgnoredBreaking): string {
  const footer = `\`BREAKING CHANGE: ${clip(ignored.note, 80)}\``
  const title = "the squash commit's title is not a Conventional Commit, so its message has no footers"
  const fix =
    "to count it, release with `bump: major`; next time, mark the breaking commit's header with `!`, or give the pull request a Conventional title that does"
  switch (ignored.kind) {
    case 'unmarked-bullet':
      return `${footer} ignored: ${title}, and \`${clip(ignored.header)}\`, which it follows, has no \`!\`; ${fix}`
    case 'outside-bullets':
      return `${footer} ignored: ${title}, and it follows none of the commits listed; ${fix}`
  }
}

function describePullRequest(pullRequest: number | null): string {
  return pullRequest === null ? 'squashed pull request' : `squashed pull request #${pullRequest}`
}

/** describeCommitCause, once per shared cause: a release may hold tens of thousands of commits. */
export function cacheCommitCauses(): (cause: CommitCause) => string {
  const said = new Map<CommitCause, string>()
  return (cause) => {
    let text = said.get(cause)
    if (text === undefined) said.set(cause, (text = describeCommitCause(cause)))
    return text
  }
}
