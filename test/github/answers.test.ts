import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { collect, connect } from './connect.js'
import { ACCOUNT, COMMENT as COMMENT_SHAPE, RELEASE, shapeProblem } from '../../src/github/answers.js'

const CREATE = 'POST /repos/{owner}/{repo}/releases' as const
const BY_TAG = 'GET /repos/{owner}/{repo}/releases/tags/{tag}' as const
const LIST = 'GET /repos/{owner}/{repo}/releases' as const
const UPDATE = 'PATCH /repos/{owner}/{repo}/releases/{release_id}' as const
const COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments' as const
const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' as const
const EDIT_COMMENT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}' as const
const DISPATCH = 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches' as const
const release = { tag: 'v1.0.0', name: 'v1.0.0', body: 'notes', draft: false, prerelease: false, makeLatest: true }
const GATEWAY_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>'
const HTML = { 'content-type': 'text/html; charset=utf-8' }

async function failure(promise: Promise<unknown>): Promise<VersoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

/** A release as GitHub renders it, changed by `change`: JSON of the wrong shape. */
function releaseJson(change: (r: Record<string, unknown>) => void): Record<string, unknown> {
  const r: Record<string, unknown> = {
    id: 1001,
    tag_name: 'v1.0.0',
    name: 'v1.0.0',
    body: 'notes',
    html_url: 'https://github.com/octo-org/hello-world/releases/tag/v1.0.0',
    draft: false,
    prerelease: false
  }
  change(r)
  return r
}

describe('a 2xx answer that is not a release is an error, never a release without an id', () => {
  it('an HTML page from a proxy, answering a created release', async () => {
    const { server, api } = await connect()
    server.rawNext(CREATE, 201, GATEWAY_PAGE, HTML)
    const error = await failure(api.createRelease(release))
    expect(error.code).toBe('EGITHUB')
    expect(error.message).toBe(
      'Could not create the GitHub Release v1.0.0: GitHub answered 201 with an HTML page ("502 Bad Gateway"), which is not a release.'
    )
    expect(error.hint).toMatch(/^Nothing should be assumed published/)
    expect(error.hint).toContain('run the job again')
  })

  it('an empty body, with or without a JSON content type', async () => {
    const { server, api } = await connect()
    server.rawNext(CREATE, 201, '')
    server.rawNext(CREATE, 201, '', { 'content-type': 'application/json; charset=utf-8' })
    for (let i = 0; i < 2; i++) {
      const error = await failure(api.createRelease(release))
      expect(error.message).toBe(
        'Could not create the GitHub Release v1.0.0: GitHub answered 201 with an empty body, which is not a release.'
      )
    }
  })

  it('JSON without a numeric id or an html_url', async () => {
    const { server, api } = await connect()
    server.failNext(
      CREATE,
      201,
      releaseJson((r) => delete r['id'])
    )
    server.failNext(
      CREATE,
      201,
      releaseJson((r) => {
        r['id'] = '1001'
        delete r['html_url']
      })
    )
    expect((await failure(api.createRelease(release))).message).toBe(
      'Could not create the GitHub Release v1.0.0: GitHub answered 201 with JSON without a valid `id`, which is not a release.'
    )
    expect((await failure(api.createRelease(release))).message).toBe(
      'Could not create the GitHub Release v1.0.0: GitHub answered 201 with JSON without a valid `id` and `html_url`, ' +
        'which is not a release.'
    )
  })

  it('JSON that is not an object at all', async () => {
    const { server, api } = await connect()
    server.failNext(CREATE, 201, [releaseJson(() => {})])
    server.failNext(CREATE, 201, 42)
    expect((await failure(api.createRelease(release))).message).toContain('GitHub answered 201 with a JSON list, which is not a release.')
    expect((await failure(api.createRelease(release))).message).toContain('GitHub answered 201 with JSON that is not an object')
  })

  it('text that is not JSON is quoted, short and without anything like a token', async () => {
    const { server, api } = await connect()
    server.rawNext(CREATE, 201, 'upstream said ghp_0123456789abcdefABCDEF0123 and more words than fit in one short excerpt', {
      'content-type': 'text/plain'
    })
    const error = await failure(api.createRelease(release))
    expect(error.message).toBe(
      'Could not create the GitHub Release v1.0.0: GitHub answered 201 with text that is not JSON ' +
        '("upstream said [redacted] and more words …"), which is not a release.'
    )
  })

  it('looking a release up by its tag', async () => {
    const { server, api } = await connect()
    server.rawNext(BY_TAG, 200, GATEWAY_PAGE, HTML)
    server.failNext(
      BY_TAG,
      200,
      releaseJson((r) => delete r['draft'])
    )
    expect((await failure(api.findReleaseByTag('v1.0.0'))).message).toBe(
      'Could not look up the GitHub Release of v1.0.0: GitHub answered 200 with an HTML page ("502 Bad Gateway"), which is not a release.'
    )
    expect((await failure(api.findReleaseByTag('v1.0.0'))).message).toContain('JSON without a valid `draft`')
  })

  it('a page of the list of releases that is empty is not an empty list', async () => {
    const { server, api } = await connect()
    server.rawNext(LIST, 200, '')
    const error = await failure(api.findReleaseByTag('v1.0.0'))
    expect(error.message).toBe(
      'Could not look up the GitHub Release of v1.0.0: GitHub answered 200 with an empty body, which is not a list of releases.'
    )
  })

  it('a list of releases holding something that is not a release', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0', draft: true })
    server.failNext(LIST, 200, [releaseJson((r) => (r['tag_name'] = null))])
    expect((await failure(api.findReleaseByTag('v1.0.0'))).message).toContain(
      'GitHub answered 200 with a list holding JSON without a valid `tag_name`, which is not a list of releases.'
    )
  })

  it('updating a release', async () => {
    const { server, api } = await connect()
    const { id } = server.addRelease({ tag_name: 'v1.0.0' })
    server.rawNext(UPDATE, 200, GATEWAY_PAGE, HTML)
    expect((await failure(api.updateRelease(id, { body: 'x' }))).message).toBe(
      `Could not update the GitHub Release ${id}: GitHub answered 200 with an HTML page ("502 Bad Gateway"), which is not a release.`
    )
  })

  it('a page of comments that is empty is not a pull request without comments', async () => {
    const { server, api } = await connect()
    server.addComments(7, ['<!-- marker -->'])
    server.rawNext(COMMENTS, 200, '', { 'content-type': 'application/json; charset=utf-8' })
    const error = await failure(collect(api.listIssueComments(7)))
    expect(error.message).toBe(
      'Could not read the comments of #7: GitHub answered 200 with an empty body, which is not a list of comments.'
    )
    expect(error.hint).toMatch(/^Nothing should be assumed published/)
  })

  it('a comment without an id, or an HTML page for a comment', async () => {
    const { server, api } = await connect()
    const [seeded] = server.addComments(7, ['hello'])
    server.failNext(COMMENT, 201, { body: 'hello', html_url: 'https://github.com/o/r/pull/7#issuecomment-1', user: null })
    server.rawNext(EDIT_COMMENT, 200, GATEWAY_PAGE, HTML)
    expect((await failure(api.createIssueComment(7, 'hello'))).message).toBe(
      'Could not comment on #7: GitHub answered 201 with JSON without a valid `id`, which is not a comment.'
    )
    expect((await failure(api.updateIssueComment(seeded!.id, 'hi'))).message).toBe(
      `Could not update the comment ${seeded!.id}: GitHub answered 200 with an HTML page ("502 Bad Gateway"), which is not a comment.`
    )
  })

  it('a comment whose author is not an account', async () => {
    const { server, api } = await connect()
    server.failNext(COMMENT, 201, { id: 5, body: 'hello', html_url: 'https://github.com/o/r/pull/7#issuecomment-5', user: 'octocat' })
    expect((await failure(api.createIssueComment(7, 'hello'))).message).toContain('JSON without a valid `user`')
  })

  it('a dispatch answered with an HTML page did not start anything that can be counted on', async () => {
    const { server, api } = await connect()
    server.rawNext(DISPATCH, 200, GATEWAY_PAGE, HTML)
    const error = await failure(api.dispatchWorkflow('deploy.yml', 'v1.0.0', {}))
    expect(error.message).toBe(
      'Could not start the workflow deploy.yml on v1.0.0: GitHub answered 200 with an HTML page ("502 Bad Gateway"), ' +
        'which is not the confirmation of a dispatch.'
    )
  })

  it('who the token is, answered with something that is not an account', async () => {
    const { server, api } = await connect({ actor: { login: 'octocat', kind: 'user' } })
    server.failNext('GET /user', 200, { id: 1 })
    const error = await failure(api.authenticatedAs())
    expect(error.message).toBe(
      'Could not find out which account the GitHub token acts as: GitHub answered 200 with JSON without a valid `login`, ' +
        'which is not an account.'
    )
  })

  it('answers GitHub would send still pass: null names and bodies, a deleted author', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0', name: null, body: null })
    expect(await api.findReleaseByTag('v1.0.0')).toMatchObject({ name: '', body: '' })
    server.failNext(COMMENTS, 200, [
      { id: 9, body: 'ghost', html_url: 'https://github.com/octo-org/hello-world/pull/3#issuecomment-9', user: null }
    ])
    expect(await collect(api.listIssueComments(3))).toEqual([
      { id: 9, body: 'ghost', url: 'https://github.com/octo-org/hello-world/pull/3#issuecomment-9', author: null, authorIsBot: false }
    ])
  })
})

describe('the shapes of what verso reads', () => {
  const good = {
    id: 1,
    tag_name: 'v1.0.0',
    name: 'v1.0.0',
    body: null,
    html_url: 'https://github.com/o/r/releases/tag/v1.0.0',
    draft: false,
    prerelease: false
  }

  it('a release with every field it needs passes, and reads as verso names it', () => {
    expect(shapeProblem(RELEASE, good)).toBeNull()
    expect(RELEASE.read(good)).toMatchObject({ id: 1, tag: 'v1.0.0', url: good.html_url, draft: false })
  })

  it.each([
    ['no id', { ...good, id: undefined }, 'JSON without a valid `id`'],
    ['an id that is not a positive integer', { ...good, id: -3 }, 'JSON without a valid `id`'],
    ['two fields wrong', { ...good, id: 'x', html_url: 7 }, 'JSON without a valid `id` and `html_url`']
  ])('%s is named', (_, data, problem) => expect(shapeProblem(RELEASE, data)).toBe(problem))

  it('a body that is not an object is described, not read', () => {
    expect(shapeProblem(RELEASE, '<!DOCTYPE html><title>502</title>')).toContain('HTML')
    expect(shapeProblem(ACCOUNT, { login: 'octocat' })).toBeNull()
    expect(shapeProblem(COMMENT_SHAPE, [])).not.toBeNull()
  })
})

describe('pages of a list', () => {
  it('a next page at another address is not followed with the token', async () => {
    const { server, api } = await connect()
    server.rawNext(LIST, 200, '[]', { 'content-type': 'application/json', link: '<https://elsewhere.example/page2>; rel="next"' })
    const error = await failure(api.findReleaseByTag('v9.9.9'))
    expect(error.code).toBe('EGITHUB')
    expect(error.message).toContain('a next page at another address (https://elsewhere.example)')
    expect(server.requests.filter((r) => r.path.includes('page2'))).toEqual([])
  })
})
