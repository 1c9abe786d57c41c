import { describe, expect, it } from 'vitest'
import { collect, connect } from './connect.js'

describe('issue comments', () => {
  it('lists every comment across pages, not just the first', async () => {
    const { server, api } = await connect()
    const bodies = Array.from({ length: 250 }, (_, i) => `comment ${i + 1}`)
    server.addComments(7, bodies)
    server.addComments(8, ['on another pull request'])

    const comments = await collect(api.listIssueComments(7))
    expect(comments.map((c) => c.body)).toEqual(bodies)
    expect(comments[0]).toMatchObject({
      author: 'octocat',
      url: expect.stringMatching(/^https:\/\/github\.com\/.+#issuecomment-\d+$/) as unknown
    })
    // Three pages of at most 100, following GitHub's Link header.
    expect(server.requests.map((r) => r.path)).toEqual([
      '/repos/octo-org/hello-world/issues/7/comments?per_page=100',
      '/repos/octo-org/hello-world/issues/7/comments?per_page=100&page=2',
      '/repos/octo-org/hello-world/issues/7/comments?per_page=100&page=3'
    ])
  })

  it('lists nothing for an issue without comments', async () => {
    const { api } = await connect()
    expect(await collect(api.listIssueComments(1))).toEqual([])
  })

  it('stops at the comment it looks for without reading further pages', async () => {
    const { server, api } = await connect()
    server.addComments(
      7,
      Array.from({ length: 150 }, (_, i) => (i === 3 ? '<!-- verso -->' : `comment ${i}`))
    )
    for await (const comment of api.listIssueComments(7)) if (comment.body.startsWith('<!-- verso -->')) break
    expect(server.requests).toHaveLength(1)
  })

  it('creates a comment and updates it in place', async () => {
    const { server, api } = await connect()
    const created = await api.createIssueComment(12, '<!-- verso -->\nv1.3.0 next')
    expect(created).toMatchObject({ body: '<!-- verso -->\nv1.3.0 next', author: 'github-actions[bot]' })
    const updated = await api.updateIssueComment(created.id, '<!-- verso -->\nv2.0.0 next')
    expect(updated).toMatchObject({ id: created.id, body: '<!-- verso -->\nv2.0.0 next' })
    expect(server.state.comments).toMatchObject([{ id: created.id, issue: 12, body: '<!-- verso -->\nv2.0.0 next' }])
    expect(await collect(api.listIssueComments(12))).toEqual([updated])
  })
})

describe('workflow dispatch', () => {
  it('starts a workflow on a ref with string inputs', async () => {
    const { server, api } = await connect()
    await api.dispatchWorkflow('deploy.yml', 'v1.2.0', { version: '1.2.0', environment: 'production' })
    expect(server.state.dispatches).toEqual([
      { workflow: 'deploy.yml', ref: 'v1.2.0', inputs: { version: '1.2.0', environment: 'production' } }
    ])
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/repos/octo-org/hello-world/actions/workflows/deploy.yml/dispatches',
      status: 204
    })
  })

  it('refuses more inputs than GitHub accepts, before asking', async () => {
    const { server, api } = await connect()
    const inputs = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`input${i}`, 'x']))
    await expect(api.dispatchWorkflow('deploy.yml', 'main', inputs)).rejects.toMatchObject({ code: 'EUSAGE' })
    expect(server.requests).toEqual([])
  })

  it('says what the workflow needs when GitHub refuses the dispatch', async () => {
    const { server, api } = await connect()
    server.failNext('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', 422, {
      message: "Workflow does not have 'workflow_dispatch' trigger",
      documentation_url: 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event'
    })
    const error = await api.dispatchWorkflow('ci.yml', 'main', { version: '1.2.0' }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'EGITHUB',
      message: `Could not start the workflow ci.yml on main: GitHub refused the request (GitHub answered 422 "Workflow does not have 'workflow_dispatch' trigger").`,
      hint: 'The workflow needs an `on: workflow_dispatch` trigger on main that declares every input sent: version.'
    })
  })
})
