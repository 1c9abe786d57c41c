import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { TestRepo } from '../support/repo.js'
import { eventPayload, runAction, type ActionRun } from '../support/runner.js'

const TOKEN = 'ghs_test_token_0123456789'
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

interface World {
  readonly repo: TestRepo
  readonly server: GitHubServer
  readonly origin: string
}

/** Released as v1.2.3, then the given commits (squash merges, as GitHub writes them), pushed to a bare origin. */
async function world(...messages: string[]): Promise<World> {
  const repo = TestRepo.create()
  cleanups.push(() => repo.remove())
  repo.commit('chore: init')
  repo.tag('v1.2.3', { annotated: true })
  repo.commits(...messages)
  const origin = repo.addBareOrigin()
  const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
  cleanups.push(() => server.close())
  return { repo, server, origin }
}

/** The built action on a push to main, against the local API. */
function release(w: World, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const head = w.repo.git('rev-parse', 'HEAD')
  return runAction({
    cwd: w.repo.dir,
    env: { ...w.repo.env, GITHUB_API_URL: w.server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/heads/main' },
    inputs: { 'github-token': TOKEN, 'git-user-name': 'Release Bot', 'git-user-email': 'bot@example.com', ...inputs },
    event: {
      name: 'push',
      payload: eventPayload('push', (p) => {
        Object.assign(p, { ref: 'refs/heads/main', after: head })
        Object.assign(p.repository as object, { default_branch: 'main' })
      })
    }
  })
}

function originTags(w: World): string[] {
  return execFileSync('git', ['tag', '--list'], { cwd: w.origin, encoding: 'utf8' }).trim().split('\n').filter(Boolean)
}

const EXPORT =
  'Add the export endpoint (#12)\n\n* feat(api): add export\n\n* fix(api): escape names\n\nQuotes broke the CSV.\n\n* docs: say how\n\n' +
  '---------\n\nCo-authored-by: Ada <ada@example.com>\n'

describe('merge-style squash at release, end to end', () => {
  it('a squash commit without a Conventional title releases as the commits it lists, each its own note', async () => {
    const w = await world(EXPORT)
    const sha = w.repo.git('rev-parse', 'HEAD')
    const run = await release(w, { 'merge-style': 'squash' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'true', version: '1.3.0', tag: 'v1.3.0', bump: 'minor' })
    expect(originTags(w)).toEqual(['v1.2.3', 'v1.3.0'])
    expect(w.server.state.releases).toHaveLength(1)
    const body = w.server.state.releases[0]!.body
    const commit = `[${sha.slice(0, 7)}](https://github.com/octo-org/hello-world/commit/${sha})`
    const pr = '[#12](https://github.com/octo-org/hello-world/issues/12)'
    expect(body).toContain(`### Features\n\n- **api:** add export (${commit}), refs ${pr}\n`)
    expect(body).toContain(`### Bug fixes\n\n- **api:** escape names (${commit}), refs ${pr}\n`)
    expect(body).not.toContain('say how')
    expect(run.summary).toContain(
      '| ↳ | minor | * feat(api): add export | from the squashed pull request #12: default rule `feat: minor` |'
    )
    expect(w.server.violations).toEqual([])
  })

  it('a hidden breaking change (a footer under a bullet without `!`) is not counted, and the summary says why', async () => {
    const w = await world('Rework the config (#14)\n\n* feat: new keys\n\nBREAKING CHANGE: the old keys are gone\n\n* fix: y\n')
    const run = await release(w, { 'merge-style': 'squash' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'true', version: '1.3.0', bump: 'minor' })
    expect(run.summary).toContain('`BREAKING CHANGE: the old keys are gone` ignored: ')
    expect(w.server.state.releases[0]!.body).not.toContain('Breaking')
  })

  it('a `!` among the commits makes it major, with its footer in the notes', async () => {
    const w = await world('Drop v1 (#15)\n\n* feat(api)!: drop v1\n\nBREAKING CHANGE: /v1 is gone\n\n* fix: y\n')
    const run = await release(w, { 'merge-style': 'squash' })
    expect(run.outputs).toMatchObject({ released: 'true', version: '2.0.0', bump: 'major' })
    expect(w.server.state.releases[0]!.body).toContain('### ⚠ Breaking changes\n\n- **api:** drop v1')
    expect(w.server.state.releases[0]!.body).toContain('  /v1 is gone')
  })

  it('nothing conventional in it: nothing to release', async () => {
    const w = await world('Cleanup (#16)\n\n* Update README\n\n* wip\n')
    const run = await release(w, { 'merge-style': 'squash' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'false' })
    expect(originTags(w)).toEqual(['v1.2.3'])
    expect(w.server.state.releases).toEqual([])
  })

  it('merge-style merge (the default): the same squash commit is not a Conventional Commit, and releases nothing', async () => {
    const w = await world(EXPORT)
    const run = await release(w)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'false' })
    expect(originTags(w)).toEqual(['v1.2.3'])
    expect(w.server.state.releases).toEqual([])
  })
})
