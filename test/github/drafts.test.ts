import { unresolvedLine } from '../../src/run/line.js'
import { describe, expect, it } from 'vitest'
import { applyPlan, type ApplyOptions } from '../../src/run/apply.js'
import { createGit } from '../../src/git/git.js'
import type { GitHubApi } from '../../src/github/api.js'
import type { ReleasePlan } from '../../src/run/release-plan.js'
import { parseSemver } from '../../src/versions/semver.js'
import type { GitHubServer } from '../support/github-server.js'
import { useRepos } from '../support/repo.js'
import { connect, TOKEN } from './connect.js'

const TAGS = '/repos/octo-org/hello-world/releases/tags/'
const LIST = '/repos/octo-org/hello-world/releases?per_page=100'
const draft = { name: 'v1.0.0', body: 'notes', draft: true, prerelease: false, makeLatest: true }

/** `count` published releases, each newer than everything before it. */
function addPublished(server: GitHubServer, count: number, from = 0): void {
  for (let i = from; i < from + count; i++) server.addRelease({ tag_name: `v0.${i}.0` })
}

describe('findReleaseByTag finds drafts', () => {
  it('finds a draft, which the tag route does not, through the list of releases', async () => {
    const { server, api } = await connect()
    const seeded = server.addRelease({ tag_name: 'v1.0.0', name: 'v1.0.0', body: 'notes', draft: true })
    expect(await api.findReleaseByTag('v1.0.0')).toEqual({
      id: seeded.id,
      tag: 'v1.0.0',
      name: 'v1.0.0',
      body: 'notes',
      url: `https://github.com/octo-org/hello-world/releases/tag/untagged-${seeded.id}`,
      draft: true,
      prerelease: false
    })
    expect(server.requests.map((r) => [r.path, r.status])).toEqual([
      [`${TAGS}v1.0.0`, 404],
      [LIST, 200]
    ])
    expect(server.violations).toEqual([])
  })

  it('finds a draft on a late page, reading no further', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0', draft: true })
    addPublished(server, 250)
    addPublished(server, 250, 250)
    // 500 newer releases: the draft is the 501st, on page 6 of 100.
    expect(await api.findReleaseByTag('v1.0.0')).toMatchObject({ tag: 'v1.0.0', draft: true })
    expect(server.requests.map((r) => r.path)).toEqual([`${TAGS}v1.0.0`, LIST, ...[2, 3, 4, 5, 6].map((n) => `${LIST}&page=${n}`)])
    expect(server.violations).toEqual([])
  })

  it('asks the tag route first: a published release costs one request', async () => {
    const { server, api } = await connect()
    addPublished(server, 3)
    const published = server.addRelease({ tag_name: 'v1.0.0' })
    expect((await api.findReleaseByTag('v1.0.0'))?.id).toBe(published.id)
    expect(server.requests.map((r) => r.path)).toEqual([`${TAGS}v1.0.0`])
    expect(server.violations).toEqual([])
  })

  it('matches the tag exactly, not a release of another tag', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0-rc.1', draft: true })
    server.addRelease({ tag_name: 'packages/api/v1.0.0', draft: true })
    expect(await api.findReleaseByTag('v1.0.0')).toBeNull()
    expect(server.violations).toEqual([])
  })

  it('answers null after reading every page of a short list', async () => {
    const { server, api } = await connect()
    addPublished(server, 150)
    expect(await api.findReleaseByTag('v1.0.0')).toBeNull()
    expect(server.requests.map((r) => r.path)).toEqual([`${TAGS}v1.0.0`, LIST, `${LIST}&page=2`])
    expect(server.violations).toEqual([])
  })

  it('reads at most 10 pages: a draft older than the 1000 newest releases is not looked for', async () => {
    const { server, api } = await connect()
    server.addRelease({ tag_name: 'v1.0.0', draft: true })
    addPublished(server, 1000)
    expect(await api.findReleaseByTag('v1.0.0')).toBeNull()
    expect(server.requests).toHaveLength(1 + 10)
    expect(server.requests.at(-1)?.path).toBe(`${LIST}&page=10`)
    expect(server.violations).toEqual([])
  })

  it('says which repository it could not list', async () => {
    const { server, api } = await connect()
    server.failNext('GET /repos/{owner}/{repo}/releases', 404, { message: 'Not Found' })
    await expect(api.findReleaseByTag('v1.0.0')).rejects.toMatchObject({
      code: 'EGITHUBPERMISSION',
      message: expect.stringContaining(
        'Could not look up the GitHub Release of v1.0.0 in octo-org/hello-world: there is no repository octo-org/hello-world'
      ) as unknown
    })
    expect(server.violations).toEqual([])
  })
})

describe('a draft is never created twice', () => {
  it('GitHub itself would take a second draft for the same tag', async () => {
    const { server } = await connect()
    // Straight to the API, as two runs that each found no release would send it.
    const post = () =>
      fetch(`${server.url}/repos/octo-org/hello-world/releases`, {
        method: 'POST',
        headers: { authorization: `token ${TOKEN}`, 'user-agent': 'verso-test', 'content-type': 'application/json' },
        body: JSON.stringify({ tag_name: 'v1.0.0', name: 'v1.0.0', body: 'notes', draft: true })
      })
    expect((await post()).status).toBe(201)
    expect((await post()).status).toBe(201)
    expect(server.state.releases.map((r) => [r.tag_name, r.draft])).toEqual([
      ['v1.0.0', true],
      ['v1.0.0', true]
    ])
    expect(server.violations).toEqual([])
  })

  it('a re-run finds the draft the first run made, and creates nothing', async () => {
    const { server, api } = await connect()
    // The first run: no release yet, so it creates the draft.
    expect(await api.findReleaseByTag('v1.0.0')).toBeNull()
    const created = await api.createRelease({ tag: 'v1.0.0', ...draft })
    expect(created.draft).toBe(true)
    // The re-run: the look-up finds it.
    expect(await api.findReleaseByTag('v1.0.0')).toEqual(created)
    expect(server.state.releases).toHaveLength(1)
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(server.violations).toEqual([])
  })

  it('publishes a draft with draft: false, which then has its tag and can be latest', async () => {
    const { server, api } = await connect()
    const created = await api.createRelease({ tag: 'v1.0.0', ...draft })
    expect(server.state.latestReleaseId).toBeNull()
    const published = await api.updateRelease(created.id, { body: 'final notes', draft: false, makeLatest: true })
    expect(server.requests.at(-1)?.body).toEqual({ body: 'final notes', draft: false, make_latest: 'true' })
    expect(published).toMatchObject({
      id: created.id,
      draft: false,
      body: 'final notes',
      url: 'https://github.com/octo-org/hello-world/releases/tag/v1.0.0'
    })
    expect(server.state.latestReleaseId).toBe(created.id)
    expect(server.state.releases[0]?.published_at).not.toBeNull()
    // Now the tag route finds it.
    const requests = server.requests.length
    expect(await api.findReleaseByTag('v1.0.0')).toEqual(published)
    expect(server.requests).toHaveLength(requests + 1)
    expect(server.violations).toEqual([])
  })

  it('never asks GitHub to mark a draft latest', async () => {
    const { server, api } = await connect()
    const { id } = server.addRelease({ tag_name: 'v1.0.0' })
    await api.updateRelease(id, { draft: true, makeLatest: true })
    expect(server.requests.at(-1)?.body).toEqual({ draft: true, make_latest: 'false' })
    expect(server.violations).toEqual([])
  })
})

describe('applyPlan with drafts', () => {
  const repos = useRepos()

  /** A repository with one commit and a bare origin, a plan to release it as v1.0.0, and a local GitHub. */
  async function setup() {
    const repo = repos()
    const head = repo.commit('feat: first')
    repo.addBareOrigin()
    const plan: Extract<ReleasePlan, { kind: 'release' }> = {
      kind: 'release',
      scheme: 'semver',
      head,
      previous: null,
      bump: 'minor',
      commits: [],
      reasons: [],
      ignoredTags: [],
      image: null,
      line: unresolvedLine(null),
      next: { version: '1.0.0', tag: 'v1.0.0', value: { kind: 'semver', value: parseSemver('1.0.0')! } },
      standing: {
        prerelease: false,
        parts: { major: '1', minor: '0', patch: '0', prerelease: '' },
        latest: true,
        highestInMajor: true,
        highestInMinor: true
      }
    }
    const { server, api } = await connect()
    const git = createGit(repo.dir, repo.env)
    const log: string[] = []
    const run = (options: Partial<ApplyOptions> = {}, client: GitHubApi = api) =>
      applyPlan(plan, git, client, {
        remote: 'origin',
        tagger: { name: 'Release Bot', email: 'bot@example.com' },
        name: 'v1.0.0',
        notes: 'notes',
        draft: true,
        floatingTags: 'none',
        dispatch: [],
        releaseCommit: null,
        log: (line) => log.push(line),
        ...options
      })
    const writes = () => server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)
    return { server, run, log, writes }
  }

  it('a POST whose connection dropped after GitHub made the draft still leaves one draft', async () => {
    const { server, run } = await setup()
    server.dropNext('POST /repos/{owner}/{repo}/releases')
    const outcome = await run()
    expect(server.state.releases).toMatchObject([{ tag_name: 'v1.0.0', draft: true }])
    expect(outcome).toMatchObject({ kind: 'released', release: { id: server.state.releases[0]!.id, draft: true } })
    expect(server.violations).toEqual([])
  })

  it('a published release whose POST lost its answer is published once, and its dispatches are sent once', async () => {
    const { server, run, log } = await setup()
    server.dropNext('POST /repos/{owner}/{repo}/releases')
    const outcome = await run({ draft: false, dispatch: ['deploy.yml'] })
    expect(server.state.releases).toMatchObject([{ tag_name: 'v1.0.0', draft: false }])
    expect(outcome).toMatchObject({ kind: 'released', release: { id: server.state.releases[0]!.id }, dispatched: ['deploy.yml'] })
    expect(server.state.dispatches).toEqual([{ workflow: 'deploy.yml', ref: 'v1.0.0', inputs: {} }])
    expect(log).toContain('Sent workflow_dispatch for v1.0.0 to deploy.yml.')
    expect(server.violations).toEqual([])
  })

  it('a re-run with draft: true leaves the one draft as it is', async () => {
    const { server, run, log, writes } = await setup()
    const first = await run()
    expect(first).toMatchObject({ kind: 'released', release: { tag: 'v1.0.0', draft: true } })
    const second = await run()
    expect(second).toMatchObject({ kind: 'released', release: { id: first.kind === 'released' ? first.release?.id : -1, draft: true } })
    expect(server.state.releases).toHaveLength(1)
    expect(writes()).toEqual(['POST /repos/octo-org/hello-world/releases'])
    expect(log.at(-1)).toMatch(/^GitHub Release for v1\.0\.0 is already up to date: /)
    expect(server.violations).toEqual([])
  })

  it('a re-run with changed notes updates the draft, and keeps it a draft', async () => {
    const { server, run, writes } = await setup()
    await run()
    await run({ notes: 'better notes' })
    expect(server.state.releases).toMatchObject([{ tag_name: 'v1.0.0', draft: true, body: 'better notes' }])
    expect(writes()).toEqual([
      'POST /repos/octo-org/hello-world/releases',
      `PATCH /repos/octo-org/hello-world/releases/${server.state.releases[0]!.id}`
    ])
    expect(server.violations).toEqual([])
  })

  it('a re-run without draft publishes the draft, as latest; a third run changes nothing', async () => {
    const { server, run, log, writes } = await setup()
    await run()
    const { id } = server.state.releases[0]!
    expect(server.state.latestReleaseId).toBeNull()

    const second = await run({ draft: false })
    expect(second).toMatchObject({
      kind: 'released',
      release: { id, draft: false, url: 'https://github.com/octo-org/hello-world/releases/tag/v1.0.0' }
    })
    expect(server.requests.at(-1)?.body).toEqual({ body: 'notes', draft: false, prerelease: false, make_latest: 'true' })
    expect(log.at(-1)).toBe('Published the draft GitHub Release for v1.0.0: https://github.com/octo-org/hello-world/releases/tag/v1.0.0')
    expect(server.state.releases).toMatchObject([{ id, draft: false }])
    expect(server.state.latestReleaseId).toBe(id)

    await run({ draft: false })
    // A published release is never made a draft again, either.
    await run({ draft: true })
    expect(writes()).toEqual(['POST /repos/octo-org/hello-world/releases', `PATCH /repos/octo-org/hello-world/releases/${id}`])
    expect(server.state.releases).toMatchObject([{ id, draft: false }])
    expect(server.violations).toEqual([])
  })
})
