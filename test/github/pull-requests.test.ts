import { describe, expect, it } from 'vitest'
import { connect } from './connect.js'

describe('pull requests through the client', () => {
  it('opens one, finds it open by its branch, updates it and closes it', async () => {
    const { server, api } = await connect()
    expect(await api.findOpenPullRequest('verso/release/main', 'main')).toBeNull()
    const opened = await api.createPullRequest({
      title: 'chore(release): v1.4.0',
      body: 'the plan',
      head: 'verso/release/main',
      base: 'main'
    })
    expect(opened).toMatchObject({
      number: 1,
      title: 'chore(release): v1.4.0',
      body: 'the plan',
      state: 'open',
      head: 'verso/release/main',
      base: 'main'
    })
    expect(opened.url).toBe('https://github.com/octo-org/hello-world/pull/1')
    expect(await api.findOpenPullRequest('verso/release/main', 'main')).toEqual(opened)
    // Another base, or another branch, is another pull request.
    expect(await api.findOpenPullRequest('verso/release/main', '1.x')).toBeNull()
    expect(await api.findOpenPullRequest('verso/release/1.x', 'main')).toBeNull()

    const updated = await api.updatePullRequest(1, { title: 'chore(release): v2.0.0', body: 'a new plan' })
    expect(updated).toMatchObject({ number: 1, title: 'chore(release): v2.0.0', body: 'a new plan', state: 'open' })
    const closed = await api.updatePullRequest(1, { state: 'closed' })
    expect(closed.state).toBe('closed')
    expect(await api.findOpenPullRequest('verso/release/main', 'main')).toBeNull()
    expect(server.requests.find((r) => r.method === 'GET' && r.path.includes('/pulls?'))?.path).toContain(
      'head=octo-org%3Averso%2Frelease%2Fmain'
    )
  })

  it('takes the pull request another run opened meanwhile instead of failing', async () => {
    const { server, api } = await connect()
    const first = await api.createPullRequest({ title: 't', body: 'b', head: 'verso/release/main', base: 'main' })
    const again = await api.createPullRequest({ title: 't', body: 'b', head: 'verso/release/main', base: 'main' })
    expect(again.number).toBe(first.number)
    expect(server.state.pulls).toHaveLength(1)
  })

  it('says how to let GitHub Actions open pull requests when the repository forbids it', async () => {
    const { server, api } = await connect()
    server.failNext('POST /repos/{owner}/{repo}/pulls', 403, {
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      status: '403'
    })
    const error = await api.createPullRequest({ title: 't', body: 'b', head: 'verso/release/main', base: 'main' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'EGITHUBPERMISSION' })
    expect(String((error as Error).message)).toContain('does not let GitHub Actions open pull requests')
    expect(JSON.stringify(error)).toContain('Allow GitHub Actions to create and approve pull requests')
  })

  it('names the permission when the token may not write pull requests', async () => {
    const { server, api } = await connect()
    server.failNext('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#update-a-pull-request',
      status: '403'
    })
    await api.createPullRequest({ title: 't', body: 'b', head: 'verso/release/main', base: 'main' })
    const error = (await api.updatePullRequest(1, { state: 'closed' }).catch((e: unknown) => e)) as { hint?: string }
    expect(error.hint).toContain('pull-requests: write')
  })
})
