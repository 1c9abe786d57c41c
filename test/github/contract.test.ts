import { describe, expect, it } from 'vitest'
import { contractFile } from '../support/github-server.js'
import { connect, expectViolations, TOKEN } from './connect.js'

const headers = { authorization: `token ${TOKEN}`, 'user-agent': 'verso-test', 'content-type': 'application/json' }

describe('the contract fixture', () => {
  it('comes from a named version of GitHub’s published description and holds every operation verso uses', () => {
    expect(contractFile.source).toMatchObject({ package: '@octokit/openapi', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) as unknown })
    expect(contractFile.operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'DELETE /repos/{owner}/{repo}/releases/{release_id}',
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'GET /repos/{owner}/{repo}/pulls',
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
      'GET /repos/{owner}/{repo}/releases',
      'GET /repos/{owner}/{repo}/releases/latest',
      'GET /repos/{owner}/{repo}/releases/tags/{tag}',
      'GET /user',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
      'PATCH /repos/{owner}/{repo}/releases/{release_id}',
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      'POST /repos/{owner}/{repo}/git/blobs',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/git/tags',
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      'POST /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/releases'
    ])
  })
})

describe('the local server enforces the contract', () => {
  it('answers GET /releases/latest with the latest published release', async () => {
    const { server } = await connect()
    const latest = (await fetch(`${server.url}/repos/octo-org/hello-world/releases/latest`, { headers })).status
    expect(latest).toBe(404)
    const release = server.addRelease({ tag_name: 'v1.0.0' })
    server.state.latestReleaseId = release.id
    const response = await fetch(`${server.url}/repos/octo-org/hello-world/releases/latest`, { headers })
    expect(await response.json()).toMatchObject({ id: release.id, tag_name: 'v1.0.0' })
  })

  it('lists releases newest first, drafts included, a page at a time with a Link header', async () => {
    const { server } = await connect()
    const older = server.addRelease({ tag_name: 'v1.0.0' })
    const draft = server.addRelease({ tag_name: 'v1.1.0', draft: true })
    const newest = server.addRelease({ tag_name: 'v1.2.0' })
    const list = (query: string) => fetch(`${server.url}/repos/octo-org/hello-world/releases${query}`, { headers })

    const all = await list('')
    expect(((await all.json()) as { id: number; draft: boolean }[]).map((r) => [r.id, r.draft])).toEqual([
      [newest.id, false],
      [draft.id, true],
      [older.id, false]
    ])
    expect(all.headers.get('link')).toBeNull()
    const second = await list('?per_page=2&page=2')
    expect(((await second.json()) as { tag_name: string }[]).map((r) => r.tag_name)).toEqual(['v1.0.0'])
    expect(second.headers.get('link')).toContain('page=1>; rel="prev"')
    // The tag route, as GitHub's, never finds a draft.
    expect((await fetch(`${server.url}/repos/octo-org/hello-world/releases/tags/v1.1.0`, { headers })).status).toBe(404)
    expect(server.violations).toEqual([])
  })

  it('rejects a request body the real API would reject, and records why', async () => {
    expectViolations()
    const { server } = await connect()
    const post = (body: unknown) =>
      fetch(`${server.url}/repos/octo-org/hello-world/releases`, { method: 'POST', headers, body: JSON.stringify(body) })

    expect((await post({ tag_name: 'v1.0.0', prerelease: 'yes' })).status).toBe(422)
    expect((await post({ name: 'no tag' })).status).toBe(422)
    expect((await post({ tag_name: 'v1.0.0', make_latest: true })).status).toBe(422)
    expect((await post({ tag_name: 'v1.0.0', makeLatest: 'true' })).status).toBe(422)
    expect(server.violations.map((v) => [v.where, v.message])).toEqual([
      ['body', 'body/prerelease must be boolean {"type":"boolean"}'],
      ['body', 'body must have required property \'tag_name\' {"missingProperty":"tag_name"}'],
      [
        'body',
        'body/make_latest must be string {"type":"string"}; body/make_latest must be equal to one of the allowed values {"allowedValues":["true","false","legacy"]}'
      ],
      ['body', 'body must NOT have additional properties {"additionalProperty":"makeLatest"}']
    ])
    expect(server.state.releases).toEqual([])
  })

  it('rejects invalid path and query parameters, and unknown ones', async () => {
    expectViolations()
    const { server } = await connect()
    const get = (path: string) => fetch(`${server.url}/repos/octo-org/hello-world${path}`, { headers }).then((r) => r.status)
    expect(await get('/issues/seven/comments')).toBe(404)
    expect(await get('/issues/7/comments?per_page=many')).toBe(422)
    expect(await get('/issues/7/comments?perPage=100')).toBe(422)
    expect(await get('/issues/7/reactions')).toBe(404)
    expect(server.violations.map((v) => v.where)).toEqual(['path', 'query', 'query', 'path'])
  })

  it('requires a token and a user agent', async () => {
    expectViolations()
    const { server } = await connect()
    const url = `${server.url}/repos/octo-org/hello-world/releases/tags/v1.0.0`
    expect((await fetch(url, { headers: { 'user-agent': 'verso-test' } })).status).toBe(401)
    expect((await fetch(url, { headers: { authorization: 'ghs_no_scheme' } })).status).toBe(401)
    expect(server.violations.map((v) => v.where)).toEqual(['auth', 'auth'])
  })

  it('checks its own responses too, so the fake cannot drift from GitHub', async () => {
    expectViolations()
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0', created_at: 'yesterday' })
    await api.findReleaseByTag('v1.0.0')
    expect(server.violations).toEqual([
      {
        route: 'GET /repos/{owner}/{repo}/releases/tags/{tag}',
        where: 'response',
        message: 'response/created_at must match format "date-time" {"format":"date-time"}'
      }
    ])
  })
})
