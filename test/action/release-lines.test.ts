import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import semver from 'semver'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { TestRepo } from '../support/repo.js'
import { eventPayload, runAction, runCli, type ActionRun } from '../support/runner.js'

const TOKEN = 'ghs_test_token_0123456789'
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

interface World {
  readonly repo: TestRepo
  readonly server: GitHubServer
}

/** `chore: init` released as `first` on main, a bare origin, and a local GitHub. */
async function world(first: string): Promise<World> {
  const repo = TestRepo.create()
  cleanups.push(() => repo.remove())
  repo.commit('chore: init')
  repo.tag(first, { annotated: true })
  repo.addBareOrigin()
  const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
  cleanups.push(() => server.close())
  return { repo, server }
}

function commitOn(w: World, branch: string, message: string, from?: string): string {
  if (from === undefined) w.repo.git('checkout', '-q', branch)
  else w.repo.git('checkout', '-q', '-b', branch, from)
  const sha = w.repo.commit(message)
  w.repo.git('push', '-q', 'origin', branch)
  return sha
}

/** The built action on a push to the branch checked out, as the runner runs it. */
function push(w: World, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const branch = w.repo.git('rev-parse', '--abbrev-ref', 'HEAD')
  const head = w.repo.git('rev-parse', 'HEAD')
  return runAction({
    cwd: w.repo.dir,
    env: {
      ...w.repo.env,
      GITHUB_API_URL: w.server.url,
      GITHUB_REPOSITORY: 'octo-org/hello-world',
      GITHUB_REF: `refs/heads/${branch}`,
      ...env
    },
    inputs: { 'github-token': TOKEN, ...inputs },
    event: {
      name: 'push',
      payload: eventPayload('push', (p) => {
        Object.assign(p, { ref: `refs/heads/${branch}`, after: head })
        Object.assign(p.repository as object, { default_branch: 'main' })
      })
    }
  })
}

function originTags(w: World): string[] {
  return w.repo
    .git('ls-remote', '--tags', '--refs', 'origin')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('refs/tags/')[1]!)
}

describe('release lines through the built action', () => {
  it('release-branches main, 1.2.x: a feat on 1.2.x is blocked with the way out, and main’s next feat releases', async () => {
    const w = await world('v1.2.3')
    commitOn(w, '1.2.x', 'feat: a feature on the old line', 'main')
    const blocked = await push(w, { 'release-branches': 'main, 1.2.x' })
    expect(blocked.code).toBe(1)
    expect(blocked.stdout).toContain("1.3.0 is outside 1.2.x's range: 1.2.x releases only 1.2.x")
    expect(blocked.summary).toContain('1.2.x is a maintenance line: only versions in 1.2.x')
    expect(blocked.outputs.released).toBe('false')
    expect(originTags(w)).toEqual(['v1.2.3'])

    commitOn(w, 'main', 'feat: a feature on main')
    const run = await push(w, { 'release-branches': 'main, 1.2.x' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'true', version: '1.3.0', tag: 'v1.3.0' })
  })

  it('a prerelease branch from .github/verso.yml releases a GitHub prerelease, never latest', async () => {
    const w = await world('v1.0.0')
    w.repo.git('checkout', '-q', 'main')
    mkdirSync(join(w.repo.dir, '.github'), { recursive: true })
    writeFileSync(join(w.repo.dir, '.github/verso.yml'), 'branches:\n  - main\n  - name: next\n    prerelease: next\n')
    w.repo.git('add', '.github/verso.yml')
    w.repo.commit('chore: release lines')
    w.repo.git('push', '-q', 'origin', 'main')
    commitOn(w, 'next', 'feat!: the next major', 'main')
    const run = await push(w, {})
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'true', version: '2.0.0-next.0', prerelease: 'next.0' })
    expect(w.server.state.releases).toEqual([expect.objectContaining({ tag_name: 'v2.0.0-next.0', prerelease: true })])
    expect(w.server.state.latestReleaseId).toBe(null)
    expect(w.server.violations).toEqual([])
  })

  it('build-metadata run: the version output carries the run and the commit; the tag stays plain', async () => {
    const w = await world('v1.2.3')
    const sha = commitOn(w, 'main', 'feat: x')
    const run = await push(w, { 'build-metadata': 'run' }, { GITHUB_RUN_NUMBER: '812' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      released: 'true',
      version: `1.3.0+run.812.sha.${sha.slice(0, 7)}`,
      'version-core': '1.3.0',
      'build-metadata': `run.812.sha.${sha.slice(0, 7)}`,
      snapshot: 'false',
      tag: 'v1.3.0'
    })
    expect(originTags(w)).toContain('v1.3.0')
  })

  it('snapshot-versions on a branch that does not release: a dev version between the last release and the next', async () => {
    const w = await world('v1.3.0')
    commitOn(w, 'feature/x', 'feat: x', 'main')
    const sha = commitOn(w, 'feature/x', 'fix: y')
    const run = await push(w, { 'snapshot-versions': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'false', snapshot: 'true', version: `1.4.0-dev.2+sha.${sha.slice(0, 7)}`, tag: 'v1.4.0' })
    const version = run.outputs.version!
    expect(semver.gt(version, '1.3.0')).toBe(true)
    expect(semver.lt(version, '1.4.0')).toBe(true)
    expect(originTags(w)).toEqual(['v1.3.0'])
  })

  it('snapshot-versions on a pull request: the version and the comment name the pull request', async () => {
    const w = await world('v1.3.0')
    const base = w.repo.git('rev-parse', 'main')
    commitOn(w, 'feature', 'feat: a', 'main')
    commitOn(w, 'feature', 'fix: b')
    const head = commitOn(w, 'feature', 'fix: c')
    w.repo.git('checkout', '-q', '--detach', base)
    w.repo.git('merge', '-q', '--no-ff', '-m', 'Merge feature', head)
    const run = await runAction({
      cwd: w.repo.dir,
      env: { ...w.repo.env, GITHUB_API_URL: w.server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/pull/7/merge' },
      inputs: { 'github-token': TOKEN, 'snapshot-versions': 'true' },
      event: {
        name: 'pull_request',
        payload: eventPayload('pull_request', (p) => {
          const pull = p.pull_request as Record<string, Record<string, unknown>>
          Object.assign(p, { number: 7 })
          Object.assign(pull, { number: 7, title: 'feat: a' })
          Object.assign(pull.base!, { sha: base, ref: 'main' })
          Object.assign(pull.head!, { sha: head, ref: 'feature' })
        })
      }
    })
    expect(run.code).toBe(0)
    const version = `1.4.0-pr.7.3+sha.${head.slice(0, 7)}`
    expect(run.outputs).toMatchObject({ version, snapshot: 'true', tag: 'v1.4.0' })
    expect(w.server.state.comments[0]!.body).toContain(`Builds of this pull request are versioned \`${version}\``)
  })
})

describe('release lines through the CLI', () => {
  it('plan on a maintenance branch says what the line is, and --json gives it', async () => {
    const w = await world('v1.4.0')
    commitOn(w, 'main', 'feat!: two')
    w.repo.tag('v2.0.0', { annotated: true })
    commitOn(w, '1.x', 'fix: old', 'v1.4.0')
    const text = await runCli(['plan', '--release-branches', 'main, 1.x'], { cwd: w.repo.dir, env: w.repo.env })
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('v1.4.0 → v1.4.1 (patch)')
    expect(text.stdout).toContain('line: 1.x is a maintenance line: only versions in 1.x')
    const json = await runCli(['plan', '--json', '--release-branches', 'main, 1.x'], { cwd: w.repo.dir, env: w.repo.env })
    expect(JSON.parse(json.stdout).line).toEqual({ branch: '1.x', entry: '1.x', prerelease: null, range: '1.x', releases: true, why: null })
  })

  it('release on 1.x after 2.0.0 with a breaking change: exit 1, blocked, nothing pushed', async () => {
    const w = await world('v1.4.0')
    commitOn(w, 'main', 'feat!: two')
    commitOn(w, '1.x', 'feat!: breaks the old line', 'v1.4.0')
    const run = await runCli(['release', '--no-dry-run', '--release-branches', 'main, 1.x'], { cwd: w.repo.dir, env: w.repo.env })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("2.0.0 is outside 1.x's range")
    expect(originTags(w)).toEqual(['v1.4.0'])
  })

  it('plan --snapshot-versions prints the build version', async () => {
    const w = await world('v1.3.0')
    const sha = commitOn(w, 'topic', 'fix: y', 'main')
    const run = await runCli(['plan', '--snapshot-versions'], { cwd: w.repo.dir, env: w.repo.env })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`build version: 1.3.1-dev.1+sha.${sha.slice(0, 7)}`)
  })
})

describe('rollback through the built action and the CLI', () => {
  /** 2.0.3 and then 2.1.0 released by the action itself, with `v2` following them. */
  async function released(): Promise<World> {
    const w = await world('v2.0.2')
    commitOn(w, 'main', 'fix: three')
    expect((await push(w, { 'floating-tags': 'major' })).outputs.tag).toBe('v2.0.3')
    commitOn(w, 'main', 'feat: one')
    expect((await push(w, { 'floating-tags': 'major' })).outputs.tag).toBe('v2.1.0')
    return w
  }
  const commitOf = (w: World, tag: string) =>
    w.repo.git('ls-remote', 'origin', `refs/tags/${tag}^{}`).split('\t')[0] ||
    w.repo.git('ls-remote', 'origin', `refs/tags/${tag}`).split('\t')[0]
  const releaseOf = (w: World, tag: string) => w.server.state.releases.find((r) => r.tag_name === tag)!

  it('back from 2.1.0 to 2.0.3 and forward again: v2, the latest flag and the notes follow; the next release is 2.1.1', async () => {
    const w = await released()
    const back = await push(w, { mode: 'rollback', 'rollback-to': '2.0.3', 'floating-tags': 'major' })
    expect(back.code).toBe(0)
    expect(back.outputs).toMatchObject({ version: '2.0.3', tag: 'v2.0.3', released: 'false' })
    expect(commitOf(w, 'v2')).toBe(commitOf(w, 'v2.0.3'))
    expect(w.server.state.latestReleaseId).toBe(releaseOf(w, 'v2.0.3').id)
    expect(releaseOf(w, 'v2.1.0').body).toContain('Rolled back')
    expect(originTags(w)).toEqual(expect.arrayContaining(['v2.0.2', 'v2.0.3', 'v2.1.0', 'v2']))

    const again = await push(w, { mode: 'rollback', 'rollback-to': '2.0.3', 'floating-tags': 'major' })
    expect(again.code).toBe(0)
    expect(w.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2)

    const forward = await push(w, { mode: 'rollback', 'rollback-to': 'v2.1.0', 'floating-tags': 'major' })
    expect(forward.code).toBe(0)
    expect(commitOf(w, 'v2')).toBe(commitOf(w, 'v2.1.0'))
    expect(w.server.state.latestReleaseId).toBe(releaseOf(w, 'v2.1.0').id)
    expect(releaseOf(w, 'v2.1.0').body).not.toContain('Rolled back')

    commitOn(w, 'main', 'fix: after the rollbacks')
    expect((await push(w, { 'floating-tags': 'major' })).outputs.tag).toBe('v2.1.1')
    expect(w.server.violations).toEqual([])
  })

  it('the CLI: a dry run away from CI, then --no-dry-run rolls back; a version with no release is refused', async () => {
    const w = await released()
    const env = { ...w.repo.env, GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_API_URL: w.server.url }
    const dry = await runCli(['rollback', '--to', '2.0.3'], { cwd: w.repo.dir, env })
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('A dry run')
    expect(w.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)
    const run = await runCli(['rollback', '--to', '2.0.3', '--no-dry-run'], { cwd: w.repo.dir, env })
    expect(run.code).toBe(0)
    expect(w.server.state.latestReleaseId).toBe(releaseOf(w, 'v2.0.3').id)
    const missing = await runCli(['rollback', '--to', '1.9.0', '--no-dry-run'], { cwd: w.repo.dir, env })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('v1.9.0')
  })
})
