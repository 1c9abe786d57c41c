import type { GitHubApi } from './api.js'

/** The hidden marker that finds verso's own comment among a pull request's comments. */
export const COMMENT_MARKER = '<!-- verso:pull-request-check -->'

export type CommentResult = { readonly kind: 'created' | 'updated' | 'unchanged'; readonly url: string }

/**
 * One comment per pull request, updated in place on every push: found by its marker across
 * every page of comments (a busy pull request has hundreds), never created twice.
 */
export async function upsertComment(
  api: Pick<GitHubApi, 'listIssueComments' | 'createIssueComment' | 'updateIssueComment'>,
  issue: number,
  body: string
): Promise<CommentResult> {
  const text = body.startsWith(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`
  for await (const comment of api.listIssueComments(issue)) {
    if (!comment.body.startsWith(COMMENT_MARKER)) continue
    if (comment.body === text) return { kind: 'unchanged', url: comment.url }
    const updated = await api.updateIssueComment(comment.id, text)
    return { kind: 'updated', url: updated.url }
  }
  const created = await api.createIssueComment(issue, text)
  return { kind: 'created', url: created.url }
}
