import type { Comment, GitHubApi, TokenIdentity } from './api.js'

/** The hidden marker that finds verso's own comment among a pull request's comments. */
export const COMMENT_MARKER = '<!-- verso:pull-request-check -->'

export type CommentResult = { readonly kind: 'created' | 'updated' | 'unchanged'; readonly url: string }

/**
 * One comment per pull request, updated in place on every push: found by its marker across
 * every page of comments (a busy pull request has hundreds), never created twice. Anyone can
 * write the marker, so only a comment the token wrote itself counts: another's is never
 * updated (a token that may write to pull requests may edit anyone's comment there) nor
 * taken for the report, and verso writes its own next to it.
 */
export async function upsertComment(
  api: Pick<GitHubApi, 'authenticatedAs' | 'listIssueComments' | 'createIssueComment' | 'updateIssueComment'>,
  issue: number,
  body: string
): Promise<CommentResult> {
  const text = body.startsWith(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`
  const written = writtenBy(await api.authenticatedAs())
  for await (const comment of api.listIssueComments(issue)) {
    if (!comment.body.startsWith(COMMENT_MARKER) || !written(comment)) continue
    if (comment.body === text) return { kind: 'unchanged', url: comment.url }
    const updated = await api.updateIssueComment(comment.id, text)
    return { kind: 'updated', url: updated.url }
  }
  const created = await api.createIssueComment(issue, text)
  return { kind: 'created', url: created.url }
}

/**
 * Whether the token wrote a comment. A user's token is known by its login, from GET /user.
 * An app's installation token (GITHUB_TOKEN is the GitHub Actions app's) cannot learn its own
 * login through the REST API: GET /user refuses it and GET /app answers only the app's own
 * key, and a comment's `performed_via_github_app` names the app that wrote it, not the one
 * asking. What the description does give is the author's `type`: such a token writes as its
 * `<slug>[bot]` account, of type Bot, and no person or organization can author a comment as a
 * Bot. So with an app's token a comment is its own when a bot wrote it: no person can pass a
 * comment of theirs off as verso's, only another app installed on the repository could.
 */
function writtenBy(identity: TokenIdentity): (comment: Comment) => boolean {
  if (identity.kind === 'user') return (comment) => comment.author === identity.login
  return (comment) => comment.authorIsBot
}
