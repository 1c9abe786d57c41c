import type { CommitCause } from '../commits/analyze.js'

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
  }
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
