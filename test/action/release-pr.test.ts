import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { PAST_PROTECTION, protectBranch, TestRepo } from '../support/repo.js'
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

const INPUTS = {
  'github-token': TOKEN,
  'version-files': 'package.json',
  'changelog-file': 'CHANGELOG.md',
  'release-via': 'pull-request'
}

/** v1.2.3 and a feat on a bare origin that refuses pushes to main (a protected branch), and a GitHub API. */
async function world(): Promise<World> {
  const repo = TestRepo.create()
  cleanups.push(() => repo.remove())
  writeFileSync(join(repo.dir, 'package.json'), '{\n  "name": "app",\n  "version": "1.2.3"\n}\n')
  writeFileSync(join(repo.dir, 'CHANGELOG.md'), '# Changelog\n')
  repo.git('add', '-A')
  repo.commit('chore: init')
  repo.tag('v1.2.3', { annotated: true })
  repo.commit('feat: a parser')
  const origin = repo.addBareOrigin()
  protectBranch(origin)
  const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN, gitDir: origin })
  cleanups.push(() => server.close())
  return { repo, server, origin }
}

const onOrigin = (w: World, ...args: string[]) =>
  execFileSync('git', ['--git-dir', w.origin, ...args], { env: w.repo.env, encoding: 'utf8' }).trim()

/** The built action on a push to main, in a fresh depth-1 checkout of origin, as actions/checkout leaves it. */
function push(w: World, name: string): Promise<ActionRun> {
  const cwd = w.repo.shallowClone(1, name)
  const head = onOrigin(w, 'rev-parse', 'refs/heads/main')
  return runAction({
    cwd,
    env: { ...w.repo.env, GITHUB_API_URL: w.server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/heads/main' },
    inputs: INPUTS,
    event: {
      name: 'push',
      payload: eventPayload('push', (p) => {
        Object.assign(p, { ref: 'refs/heads/main', after: head })
        Object.assign(p.repository as object, { default_branch: 'main' })
      })
    }
  })
}

/** The built action on the release pull request, checked out as GitHub does: the merge of its branch into main. */
function checkReleasePullRequest(w: World, number: number): Promise<ActionRun> {
  const cwd = w.repo.shallowClone(1, 'pull')
  const git = (...args: string[]) => execFileSync('git', args, { cwd, env: w.repo.env, encoding: 'utf8' }).trim()
  git('fetch', '-q', '--depth=2', 'origin', 'refs/heads/verso/release/main')
  const head = git('rev-parse', 'FETCH_HEAD')
  const base = git('rev-parse', 'HEAD')
  git('merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, head)
  // GitHub keeps the merge it checks out as refs/pull/N/merge.
  git('push', '-q', 'origin', `HEAD:refs/pull/${number}/merge`)
  return runAction({
    cwd,
    env: {
      ...w.repo.env,
      GITHUB_API_URL: w.server.url,
      GITHUB_REPOSITORY: 'octo-org/hello-world',
      GITHUB_REF: `refs/pull/${number}/merge`
    },
    inputs: INPUTS,
    event: {
      name: 'pull_request',
      payload: eventPayload(
        'pull_request',
        (p) => {
          const pull = p.pull_request as Record<string, Record<string, unknown>>
          Object.assign(p, { number })
          Object.assign(p.repository as object, { default_branch: 'main' })
          Object.assign(pull, { number, title: 'chore(release): v1.3.0' })
          Object.assign(pull.base!, { sha: base, ref: 'main' })
          Object.assign(pull.head!, { sha: head, ref: 'verso/release/main' })
        },
        'opened'
      )
    }
  })
}

describe('release-via: pull-request, through the built action', () => {
  it('a push opens the release pull request; its check reports the release; merging it releases once', async () => {
    const w = await world()
    const main = onOrigin(w, 'rev-parse', 'refs/heads/main')

    const proposed = await push(w, 'first')
    expect(proposed.stderr).toBe('')
    expect(proposed.code).toBe(0)
    expect(proposed.outputs).toMatchObject({
      released: 'false',
      version: '1.3.0',
      tag: 'v1.3.0',
      'pull-request-number': '1',
      'pull-request-url': 'https://github.com/octo-org/hello-world/pull/1'
    })
    expect(proposed.summary).toContain('Opened the release pull request [#1](https://github.com/octo-org/hello-world/pull/1)')
    expect(proposed.summary).toContain('starts no `on: pull_request` workflows')
    expect(onOrigin(w, 'rev-parse', 'refs/heads/main')).toBe(main)
    expect(onOrigin(w, 'tag', '--list')).toBe('v1.2.3')
    expect(w.server.state.pulls.map((p) => [p.number, p.title, p.state])).toEqual([[1, 'chore(release): v1.3.0', 'open']])

    const checked = await checkReleasePullRequest(w, 1)
    expect(checked.code).toBe(0)
    expect(checked.outputs).toMatchObject({ valid: 'true', version: '1.3.0', tag: 'v1.3.0' })
    expect(checked.summary).toContain('the release pull request: merging it releases **v1.3.0** (minor)')
    // Its description is its report: no comment of the check's on it.
    expect(w.server.state.comments).toEqual([])

    // Merged through GitHub (a merge commit), past the protection the pull request went through.
    w.repo.git('fetch', '-q', 'origin', 'refs/heads/verso/release/main')
    w.repo.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #1 from octo-org/verso/release/main', 'FETCH_HEAD')
    execFileSync('git', ['push', '-q', 'origin', 'HEAD:refs/heads/main'], {
      cwd: w.repo.dir,
      env: { ...w.repo.env, ...PAST_PROTECTION }
    })
    const merged = w.repo.git('rev-parse', 'HEAD')
    w.server.mergePull(1, merged)

    const released = await push(w, 'merged')
    expect(released.stderr).toBe('')
    expect(released.code).toBe(0)
    expect(released.outputs).toMatchObject({ released: 'true', version: '1.3.0', tag: 'v1.3.0', sha: merged, 'pull-request-number': '' })
    expect(onOrigin(w, 'rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(merged)
    expect(onOrigin(w, 'rev-parse', 'refs/heads/main')).toBe(merged)
    expect(w.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])

    const again = await push(w, 'again')
    expect(again.code).toBe(0)
    expect(w.server.state.releases).toHaveLength(1)
    expect(w.server.state.pulls).toHaveLength(1)
    expect(w.server.violations).toEqual([])
  })
})
