import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { createGitHubApi } from '../../src/github/client.js'
import { createGitDataApi } from '../../src/github/git-data.js'
import { createGit } from '../../src/git/git.js'
import { createGather } from '../../src/run/gather.js'
import { runRelease, type ReleaseRun } from '../../src/run/release.js'
import { runPackagesRelease } from '../../src/run/packages.js'
import { parseConfigFile } from '../../src/config/file.js'
import { isReleasePullRequest, releaseBranchOf } from '../../src/run/release-pr.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { PAST_PROTECTION, protectBranch, useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')
const OPTIONS: RawOptions = {
  'git-user-name': 'Release Bot',
  'git-user-email': 'bot@example.com',
  'version-files': 'package.json',
  'changelog-file': 'CHANGELOG.md',
  'release-via': 'pull-request'
}
const ADMIN = PAST_PROTECTION

const servers: GitHubServer[] = []
afterEach(async () => {
  const open = servers.splice(0)
  await Promise.all(open.map((s) => s.close()))
  for (const s of open) expect(s.violations).toEqual([])
})

interface Project {
  readonly r: TestRepo
  readonly origin: string
  readonly server: GitHubServer
  readonly logged: string[]
  release(options?: RawOptions, now?: Date): Promise<ReleaseRun>
  /** Commits on main and pushes it past the protection, as a merged pull request lands. */
  land(...messages: string[]): string
  onOrigin(...args: string[]): string
  /**
   * Merges a release pull request as GitHub does (a merge commit, a squash titled `title`, or
   * the commit rebased), past the protection, and marks it merged; returns the commit that merged it.
   */
  merge(style: 'merge' | 'squash' | 'rebase', options?: { number?: number; branch?: string; title?: string }): string
}

function write(r: TestRepo, path: string, text: string): void {
  mkdirSync(dirname(join(r.dir, path)), { recursive: true })
  writeFileSync(join(r.dir, path), text)
}

/** v1.2.3 with a package.json and a changelog, then a feat; origin refuses pushes to main, as a protected branch does. */
async function project(): Promise<Project> {
  const r = repos()
  write(r, 'package.json', '{\n  "name": "app",\n  "version": "1.2.3",\n  "private": true\n}\n')
  write(r, 'CHANGELOG.md', '# Changelog\n\n## [1.2.3] - 2024-01-01\n\n- the first\n')
  r.git('add', '-A')
  r.commit('chore: init')
  r.tag('v1.2.3', { annotated: true })
  r.commit('feat: a parser')
  const origin = r.addBareOrigin()
  protectBranch(origin)
  const server = await startGitHubServer({ gitDir: origin, gitData: { gitDir: origin } })
  servers.push(server)
  const client = {
    token: 'ghs_test0123456789abcdefTOKEN',
    repository: `${server.state.owner}/${server.state.repo}`,
    apiUrl: server.url,
    userAgent: 'verso-test/0.0.0',
    pacing: { unitMs: 1, spaceWrites: false },
    log: () => {}
  }
  const api = createGitHubApi(client)
  const gitData = createGitDataApi(client)
  const logged: string[] = []
  const onOrigin = (...args: string[]) => execFileSync('git', ['--git-dir', origin, ...args], { env: r.env, encoding: 'utf8' }).trim()
  return {
    r,
    origin,
    server,
    logged,
    onOrigin,
    async release(options = {}, now = NOW) {
      const config = resolveConfig({ ...OPTIONS, ...options })
      const git = createGit(r.dir, r.env)
      return runRelease({
        git,
        gather: createGather(git, config),
        config,
        now,
        hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
        dryRun: false,
        requireBranch: true,
        repositoryUrl: 'https://github.com/octo-org/hello-world',
        connect: () => api,
        pullRequests: () => api,
        connectGitData: () => gitData,
        log: (line) => logged.push(line)
      })
    },
    land(...messages) {
      for (const m of messages) r.commit(m)
      execFileSync('git', ['push', '-q', 'origin', 'HEAD:refs/heads/main'], { cwd: r.dir, env: { ...r.env, ...ADMIN } })
      return r.git('rev-parse', 'HEAD')
    },
    merge(style, { number = 1, branch = 'verso/release/main', title } = {}) {
      r.git('fetch', '-q', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`)
      const tip = `refs/remotes/origin/${branch}`
      if (style === 'merge') r.git('merge', '-q', '--no-ff', '-m', `Merge pull request #${number} from octo-org/${branch}`, tip)
      else if (style === 'rebase') r.git('cherry-pick', tip)
      else {
        r.git('merge', '-q', '--squash', tip)
        r.git('commit', '-q', '-m', title ?? `squash of #${number}`)
      }
      execFileSync('git', ['push', '-q', 'origin', 'HEAD:refs/heads/main'], { cwd: r.dir, env: { ...r.env, ...ADMIN } })
      const merged = r.git('rev-parse', 'HEAD')
      server.mergePull(number, merged)
      return merged
    }
  }
}

const tagsOnOrigin = (p: Project) => p.onOrigin('tag', '--list').split('\n').filter(Boolean)

describe('release-via: pull-request', () => {
  it('opens the release pull request instead of tagging, and a re-run changes nothing', async () => {
    const p = await project()
    const head = p.onOrigin('rev-parse', 'refs/heads/main')
    const run = await p.release()
    expect(run.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'opened', branch: 'verso/release/main' } })
    // Nothing reached main, and nothing was tagged or released.
    expect(p.onOrigin('rev-parse', 'refs/heads/main')).toBe(head)
    expect(tagsOnOrigin(p)).toEqual(['v1.2.3'])
    expect(p.server.state.releases).toEqual([])
    // The pull request's branch is the release commit on top of main.
    const commit = p.onOrigin('rev-parse', 'refs/heads/verso/release/main')
    expect(p.onOrigin('rev-parse', `${commit}^`)).toBe(head)
    expect(p.onOrigin('log', '-1', '--format=%s|%ae', commit)).toBe('chore(release): v1.3.0|bot@example.com')
    expect(p.onOrigin('show', `${commit}:package.json`)).toContain('"version": "1.3.0"')
    expect(p.onOrigin('show', `${commit}:CHANGELOG.md`)).toContain('a parser')
    expect(p.server.state.pulls).toHaveLength(1)
    const [pr] = p.server.state.pulls
    expect(pr).toMatchObject({ number: 1, title: 'chore(release): v1.3.0', state: 'open', head: 'verso/release/main', base: 'main' })
    expect(pr!.body).toContain('<!-- verso:release-pull-request -->')
    expect(pr!.body).toContain('Merging this pull request releases **v1.3.0** (minor)')
    expect(pr!.body).toContain('feat: a parser')

    const writes = p.server.requests.filter((q) => q.method !== 'GET').length
    const again = await p.release()
    expect(again.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'unchanged' } })
    expect(p.onOrigin('rev-parse', 'refs/heads/verso/release/main')).toBe(commit)
    expect(p.server.requests.filter((q) => q.method !== 'GET')).toHaveLength(writes)
  })

  it('rewrites the branch and the pull request from each new plan', async () => {
    const p = await project()
    await p.release()
    const before = p.onOrigin('rev-parse', 'refs/heads/verso/release/main')
    const head = p.land('fix: a crash')
    const run = await p.release()
    expect(run.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'updated', pullRequest: { number: 1 } } })
    const after = p.onOrigin('rev-parse', 'refs/heads/verso/release/main')
    expect(after).not.toBe(before)
    expect(p.onOrigin('rev-parse', `${after}^`)).toBe(head)
    expect(p.server.state.pulls[0]!.body).toContain('fix: a crash')
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): v1.3.0')

    p.land('feat!: a new format')
    await p.release()
    expect(p.server.state.pulls).toHaveLength(1)
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): v2.0.0')
    expect(p.onOrigin('show', 'refs/heads/verso/release/main:package.json')).toContain('"version": "2.0.0"')
  })

  for (const style of ['merge', 'squash', 'rebase', 'squash with an edited title'] as const) {
    it(`a merged release pull request (${style}) releases the commit that merged it, once`, async () => {
      const p = await project()
      await p.release()
      const merged =
        style === 'merge' || style === 'rebase'
          ? p.merge(style)
          : p.merge('squash', { title: style === 'squash' ? 'chore(release): v1.3.0 (#1)' : 'Release the parser (#1)' })

      const run = await p.release()
      expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0', sha: merged } })
      expect(p.onOrigin('rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(merged)
      // No release commit of its own: main is where the merge left it.
      expect(p.onOrigin('rev-parse', 'refs/heads/main')).toBe(merged)
      expect(p.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
      expect(p.server.state.pulls.filter((pr) => pr.state === 'open')).toEqual([])

      const again = await p.release()
      expect(again.result.kind).not.toBe('pull-request')
      expect(p.server.state.releases).toHaveLength(1)
      expect(p.server.state.pulls).toHaveLength(1)
      expect(tagsOnOrigin(p)).toEqual(['v1.2.3', 'v1.3.0'])
    })
  }

  it('a release pull request proposed with a forced bump releases the version it names once merged', async () => {
    const p = await project()
    // A dispatch with `bump: major`; the push of the merge has no such input.
    await p.release({ bump: 'major' })
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): v2.0.0')
    const merged = p.merge('squash', { title: 'chore(release): v2.0.0 (#1)' })

    const run = await p.release()
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v2.0.0', sha: merged } })
    expect(run.plan.reasons).toContainEqual({ kind: 'proposed', tag: 'v2.0.0' })
    expect(p.server.state.pulls.filter((pr) => pr.state === 'open')).toEqual([])
  })

  it('a CalVer release pull request merged on a later day releases the date it was proposed on', async () => {
    const p = await project()
    const calver = { scheme: 'calver', 'calver-format': 'YYYY.MM.DD' }
    await p.release(calver)
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): v2024.2.20')
    const merged = p.merge('squash', { title: 'chore(release): v2024.2.20 (#1)' })

    const run = await p.release(calver, new Date('2024-02-21T09:00:00Z'))
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v2024.2.20', sha: merged } })
    expect(run.plan.reasons).toContainEqual({ kind: 'proposed', tag: 'v2024.2.20' })
    expect(p.server.state.pulls).toHaveLength(1)
  })

  it('with npm publishing, a merge behind HEAD is left to the run of its own push: npm would get HEAD', async () => {
    const p = await project()
    await p.release()
    p.merge('merge')
    p.land('feat!: a new format')
    const run = await p.release({ publish: 'npm' })
    expect(tagsOnOrigin(p)).toEqual(['v1.2.3'])
    expect(run.result.kind).toBe('pull-request')
    expect(p.logged.join('\n')).toContain('re-run the workflow of the push of')
  })

  it('a failing proposal after a release leaves the release reported as made', async () => {
    const p = await project()
    await p.release()
    p.merge('merge')
    p.land('feat: an exporter')
    p.server.failNext('POST /repos/{owner}/{repo}/pulls', 403, {
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      status: '403'
    })
    const run = await p.release()
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0' } })
    expect(run.result.kind === 'applied' && run.result.pullRequest).toBeFalsy()
    expect(p.logged.join('\n')).toContain('The next release pull request was not proposed')
    // The next push proposes it.
    expect((await p.release()).result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'opened', pullRequest: { number: 2 } } })
  })

  it('an older run that finishes after a newer push leaves the pull request to the newer one', async () => {
    const p = await project()
    const older = p.r.git('rev-parse', 'HEAD')
    p.land('feat!: a new format')
    await p.release()
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): v2.0.0')
    const written = p.onOrigin('rev-parse', 'refs/heads/verso/release/main')
    // The run of the older push, checked out at its own commit, comes last.
    p.r.git('checkout', '-q', '--detach', older)
    const run = await p.release()
    expect(run.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'stale' } })
    expect(p.onOrigin('rev-parse', 'refs/heads/verso/release/main')).toBe(written)
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): v2.0.0')
  })

  it('a proposing run finishes the GitHub Release an earlier run left without one', async () => {
    const p = await project()
    await p.release()
    p.merge('merge')
    // The merge's run pushes the tag, then GitHub fails it for good.
    p.server.failNext('POST /repos/{owner}/{repo}/releases', 422, { message: 'Validation Failed', documentation_url: 'x' })
    await expect(p.release()).rejects.toThrow()
    expect(tagsOnOrigin(p)).toContain('v1.3.0')
    expect(p.server.state.releases).toEqual([])
    p.land('feat: an exporter')
    const run = await p.release()
    expect(run.result).toMatchObject({
      kind: 'pull-request',
      outcome: { kind: 'opened', pullRequest: { title: 'chore(release): v1.4.0' } }
    })
    expect(p.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
  })

  it('commits that land after the merge, before its run, are left out of the release and get the next pull request', async () => {
    const p = await project()
    await p.release()
    const merged = p.merge('merge')
    p.land('feat: an exporter')

    const run = await p.release()
    expect(run.result).toMatchObject({
      kind: 'applied',
      outcome: { kind: 'released', tag: 'v1.3.0', sha: merged },
      pullRequest: { kind: 'opened', pullRequest: { number: 2, title: 'chore(release): v1.4.0' } }
    })
    expect(p.onOrigin('rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(merged)
    expect(p.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(p.server.state.releases[0]!.body).not.toContain('an exporter')
    expect(p.server.state.pulls[1]!.body).toContain('an exporter')
  })

  it('a stale release pull request merged under a newer breaking change is not released: the next one is opened', async () => {
    const p = await project()
    await p.release()
    // A breaking change lands, and its run never comes (cancelled); then the old pull request is merged.
    p.land('feat!: a new format')
    p.merge('merge')

    const run = await p.release()
    expect(tagsOnOrigin(p)).toEqual(['v1.2.3'])
    expect(run.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'opened', pullRequest: { number: 2 } } })
    expect(p.server.state.pulls[1]!.title).toBe('chore(release): v2.0.0')
    expect(p.logged.join('\n')).toContain('brought the release commit of v1.3.0, but its plan there is v2.0.0')
  })

  it('closes the pull request with a comment when nothing is left to release, and deletes its branch', async () => {
    const p = await project()
    await p.release()
    const feat = p.r.git('rev-parse', 'HEAD')
    p.land(`Revert "feat: a parser"\n\nThis reverts commit ${feat}.\n`)
    const run = await p.release()
    expect(run.plan.kind).toBe('none')
    expect(run.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'closed', pullRequest: { number: 1 } } })
    expect(p.server.state.pulls[0]!.state).toBe('closed')
    expect(p.server.state.comments.map((c) => c.body)).toEqual([
      expect.stringContaining(
        'verso closed this pull request: nothing on `main` is left to release (none of the commits since v1.2.3 calls for a release)'
      )
    ])
    expect(p.onOrigin('for-each-ref', 'refs/heads/verso')).toBe('')
    // Nothing open, nothing to do: a re-run writes nothing.
    const writes = p.server.requests.filter((q) => q.method !== 'GET').length
    expect((await p.release()).result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'none' } })
    expect(p.server.requests.filter((q) => q.method !== 'GET')).toHaveLength(writes)
  })

  it('commit-via api: the pull request commit is made by GitHub; a re-run writes none; the merge is tagged through the API', async () => {
    const p = await project()
    const head = p.onOrigin('rev-parse', 'refs/heads/main')
    const run = await p.release({ 'commit-via': 'api' })
    expect(run.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'opened' } })
    const commit = p.onOrigin('rev-parse', 'refs/heads/verso/release/main')
    expect(p.onOrigin('log', '-1', '--format=%P|%cn <%ce>|%s', commit)).toBe(`${head}|GitHub <noreply@github.com>|chore(release): v1.3.0`)
    expect(p.onOrigin('show', `${commit}:package.json`)).toContain('"version": "1.3.0"')
    const commits = () => p.server.requests.filter((q) => q.route === 'POST /repos/{owner}/{repo}/git/commits').length
    expect(commits()).toBe(1)

    // GitHub dates its commits itself: the same plan is known by its parent and files, and nothing is written again.
    const again = await p.release({ 'commit-via': 'api' })
    expect(again.result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'unchanged' } })
    expect(commits()).toBe(1)
    expect(p.onOrigin('rev-parse', 'refs/heads/verso/release/main')).toBe(commit)

    // A new plan: a new commit through the API, replacing the branch.
    p.land('fix: a crash')
    expect((await p.release({ 'commit-via': 'api' })).result).toMatchObject({ kind: 'pull-request', outcome: { kind: 'updated' } })
    expect(commits()).toBe(2)

    const merged = p.merge('squash', { title: 'chore(release): v1.3.0 (#1)' })
    const released = await p.release({ 'commit-via': 'api' })
    expect(released.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0', sha: merged } })
    expect(p.onOrigin('rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(merged)
    expect(p.server.requests.some((q) => q.route === 'POST /repos/{owner}/{repo}/git/refs')).toBe(true)
    expect(commits()).toBe(2)
  })

  it('a dry run says what it would push and open, and does nothing', async () => {
    const p = await project()
    const config = resolveConfig({ ...OPTIONS, 'dry-run': 'true' })
    const git = createGit(p.r.dir, p.r.env)
    const run = await runRelease({
      git,
      gather: createGather(git, config),
      config,
      now: NOW,
      hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
      dryRun: true,
      requireBranch: true,
      repositoryUrl: null,
      connect: () => null,
      pullRequests: () => null,
      log: () => {}
    })
    expect(run.result).toEqual({
      kind: 'dry-run',
      steps: [
        expect.stringContaining('as `chore(release): v1.3.0`') as unknown,
        'open the release pull request from verso/release/main into main, or update the open one; merging it releases v1.3.0'
      ]
    })
    expect(p.onOrigin('for-each-ref', 'refs/heads/verso')).toBe('')
  })

  it('needs version files or a changelog: the pull request would have no diff', () => {
    let error: unknown
    try {
      resolveConfig({ 'release-via': 'pull-request' })
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({
      code: 'EINVALIDCONFIG',
      details: [expect.stringContaining('set `version-files` (package.json) or `changelog-file`')]
    })
  })
})

/** Two workspace packages released at 1.0.0, each with a feat since, on the protected origin; `release` runs the monorepo release. */
async function monorepo(options: RawOptions = {}) {
  const p = await project()
  const { r } = p
  write(r, 'package.json', '{ "private": true, "workspaces": ["packages/*"] }\n')
  for (const name of ['core', 'web']) write(r, `packages/${name}/package.json`, `{\n  "name": "${name}",\n  "version": "1.0.0"\n}\n`)
  const layout = 'packages: auto\nversion-files: ["packages/*/package.json"]\nchangelog-file: CHANGELOG.md\n'
  write(r, '.github/verso.yml', layout)
  r.git('add', '-A')
  r.commit('chore: packages')
  r.tag('core@1.0.0', { annotated: true })
  r.tag('web@1.0.0', { annotated: true })
  for (const name of ['core', 'web']) {
    write(r, `packages/${name}/index.ts`, name)
    r.git('add', '-A')
    r.commit(`feat(${name}): a start`)
  }
  execFileSync('git', ['push', '-q', '--tags', 'origin', 'HEAD:refs/heads/main'], { cwd: r.dir, env: { ...r.env, ...ADMIN } })
  const configWith = (extra: RawOptions) =>
    resolveConfig(
      { 'git-user-name': 'Release Bot', 'git-user-email': 'bot@example.com', 'release-via': 'pull-request', ...options, ...extra },
      {
        ...parseConfigFile(layout, '.github/verso.yml'),
        packages: [
          { name: 'core', path: 'packages/core' },
          { name: 'web', path: 'packages/web' }
        ]
      }
    )
  const api = createGitHubApi({
    token: 'ghs_test0123456789abcdefTOKEN',
    repository: 'octo-org/hello-world',
    apiUrl: p.server.url,
    userAgent: 'verso-test/0.0.0',
    pacing: { unitMs: 1, spaceWrites: false },
    log: () => {}
  })
  // `extra`: this run's own inputs (a dispatch's `bump`); `now`: the day it runs.
  const release = (extra: RawOptions = {}, now = NOW) => {
    const git = createGit(r.dir, r.env)
    const config = configWith(extra)
    return runPackagesRelease({
      git,
      gather: createGather(git, config),
      config: { ...config, packages: config.packages! },
      now,
      hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
      dryRun: false,
      requireBranch: true,
      repositoryUrl: null,
      connect: () => api,
      pullRequests: () => api,
      log: (line) => p.logged.push(line)
    })
  }

  return { p, r, release }
}

describe('release-via: pull-request in a monorepo', () => {
  it('one release pull request names every package; merging it tags them all on the merge commit, once', async () => {
    const { p, release } = await monorepo()
    const proposed = await release()
    expect(proposed.pullRequests?.[0]).toMatchObject({
      kind: 'opened',
      pullRequest: { number: 1, title: 'chore(release): core@1.1.0, web@1.1.0' }
    })
    expect(proposed.packages.map((x) => x.result.kind)).toEqual(['planned', 'planned'])
    expect(tagsOnOrigin(p)).toEqual(['core@1.0.0', 'v1.2.3', 'web@1.0.0'])
    const body = p.server.state.pulls[0]!.body!
    expect(body).toContain('Merging this pull request releases **core@1.1.0** (core, minor) and **web@1.1.0** (web, minor)')
    expect(p.onOrigin('show', 'refs/heads/verso/release/main:packages/web/package.json')).toContain('"version": "1.1.0"')

    const merged = p.merge('squash', { title: 'chore(release): core@1.1.0, web@1.1.0 (#1)' })

    const released = await release()
    expect(released.pullRequests ?? []).toEqual([])
    expect(released.packages.map((x) => [x.name, x.result.kind])).toEqual([
      ['core', 'applied'],
      ['web', 'applied']
    ])
    expect(p.onOrigin('rev-parse', 'refs/tags/core@1.1.0^{commit}')).toBe(merged)
    expect(p.onOrigin('rev-parse', 'refs/tags/web@1.1.0^{commit}')).toBe(merged)
    expect(p.onOrigin('rev-parse', 'refs/heads/main')).toBe(merged)
    expect(p.server.state.releases.map((x) => x.tag_name).sort()).toEqual(['core@1.1.0', 'web@1.1.0'])

    await release()
    expect(p.server.state.releases).toHaveLength(2)
    expect(p.server.state.pulls).toHaveLength(1)
  })
})

describe('release-via: pull-request in a monorepo, with the version the pull request named', () => {
  it('a CalVer release pull request merged on a later day releases every package at the date it was proposed on', async () => {
    const calver = { scheme: 'calver', 'calver-format': 'YYYY.MM.DD' }
    const { p, release } = await monorepo(calver)
    await release()
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): core@2024.2.20, web@2024.2.20')
    const merged = p.merge('squash', { title: 'chore(release): core@2024.2.20, web@2024.2.20 (#1)' })

    const released = await release({}, new Date('2024-02-21T09:00:00Z'))
    expect(released.packages.map((x) => [x.name, x.result.kind])).toEqual([
      ['core', 'applied'],
      ['web', 'applied']
    ])
    expect(p.onOrigin('rev-parse', 'refs/tags/core@2024.2.20^{commit}')).toBe(merged)
    expect(p.onOrigin('rev-parse', 'refs/tags/web@2024.2.20^{commit}')).toBe(merged)
    expect(released.packages[0]!.plan.reasons).toContainEqual({ kind: 'proposed', tag: 'core@2024.2.20' })
    expect(p.server.state.pulls).toHaveLength(1)
  })

  it('a release pull request proposed with a forced bump releases the versions it names once merged', async () => {
    const { p, release } = await monorepo()
    await release({ bump: 'major' })
    expect(p.server.state.pulls[0]!.title).toBe('chore(release): core@2.0.0, web@2.0.0')
    const merged = p.merge('squash', { title: 'chore(release): core@2.0.0, web@2.0.0 (#1)' })

    const released = await release()
    expect(released.packages.map((x) => [x.name, x.result.kind])).toEqual([
      ['core', 'applied'],
      ['web', 'applied']
    ])
    expect(p.onOrigin('rev-parse', 'refs/tags/core@2.0.0^{commit}')).toBe(merged)
    expect(p.onOrigin('rev-parse', 'refs/tags/web@2.0.0^{commit}')).toBe(merged)
    expect(p.server.state.pulls.filter((pr) => pr.state === 'open')).toEqual([])
  })
})

describe('release-via: pull-request in a monorepo, after the merge', () => {
  it('with npm publishing, a merge behind HEAD is left to the run of its own push', async () => {
    const { p, r, release } = await monorepo({ publish: 'npm' })
    await release()
    p.merge('merge')
    write(r, 'packages/core/more.ts', 'more')
    r.git('add', '-A')
    p.land('feat(core)!: a new format')
    await release()
    expect(tagsOnOrigin(p)).toEqual(['core@1.0.0', 'v1.2.3', 'web@1.0.0'])
    expect(p.logged.join('\n')).toContain('re-run the workflow of the push of')
  })

  it('commits that land after the merge, before its run, get the next pull request in the same run', async () => {
    const { p, r, release } = await monorepo()
    await release()
    const merged = p.merge('merge')
    write(r, 'packages/core/more.ts', 'more')
    r.git('add', '-A')
    p.land('feat(core): more')

    const run = await release()
    expect(run.packages.map((x) => [x.name, x.result.kind])).toEqual([
      ['core', 'applied'],
      ['web', 'applied']
    ])
    expect(p.onOrigin('rev-parse', 'refs/tags/core@1.1.0^{commit}')).toBe(merged)
    expect(p.onOrigin('rev-parse', 'refs/tags/web@1.1.0^{commit}')).toBe(merged)
    expect(run.pullRequests?.map((o) => (o.kind === 'opened' ? o.pullRequest.title : o.kind))).toEqual(['chore(release): core@1.2.0'])
  })
})

describe('release-pull-requests: per-package', () => {
  it('one pull request a package; merging one releases that package alone, and the other waits for its own', async () => {
    const { p, release } = await monorepo({ 'release-pull-requests': 'per-package' })
    const proposed = await release()
    expect(
      proposed.pullRequests?.map((o) => (o.kind === 'opened' ? [o.pullRequest.number, o.pullRequest.title, o.branch] : o.kind))
    ).toEqual([
      [1, 'chore(release): core@1.1.0', 'verso/release/main--core'],
      [2, 'chore(release): web@1.1.0', 'verso/release/main--web']
    ])
    expect(p.onOrigin('show', 'refs/heads/verso/release/main--core:packages/core/package.json')).toContain('"version": "1.1.0"')
    expect(p.onOrigin('show', 'refs/heads/verso/release/main--core:packages/web/package.json')).toContain('"version": "1.0.0"')

    // core's pull request is merged; web's stays open.
    const merged = p.merge('squash', { branch: 'verso/release/main--core', title: 'chore(release): core@1.1.0 (#1)' })
    const first = await release()
    expect(first.packages.map((x) => [x.name, x.result.kind])).toEqual([
      ['core', 'applied'],
      ['web', 'skipped']
    ])
    expect(p.onOrigin('rev-parse', 'refs/tags/core@1.1.0^{commit}')).toBe(merged)
    expect(tagsOnOrigin(p)).not.toContain('web@1.1.0')
    // Nothing reached main but the merge: web's release was not pushed there.
    expect(p.onOrigin('rev-parse', 'refs/heads/main')).toBe(merged)
    // A re-run finishes core and still leaves web to its pull request.
    await release()
    expect(tagsOnOrigin(p)).not.toContain('web@1.1.0')
    expect(p.server.state.releases.map((x) => x.tag_name)).toEqual(['core@1.1.0'])

    // The next push rewrites web's pull request on top of the new main, and merging it releases web.
    p.land('docs: a note')
    const again = await release()
    expect(again.pullRequests?.map((o) => o.kind)).toEqual(['none', 'updated'])
    const webMerge = p.merge('merge', { number: 2, branch: 'verso/release/main--web' })
    const second = await release()
    expect(second.packages.map((x) => [x.name, x.result.kind])).toEqual([
      ['core', 'planned'],
      ['web', 'applied']
    ])
    expect(p.onOrigin('rev-parse', 'refs/tags/web@1.1.0^{commit}')).toBe(webMerge)
    expect(p.server.state.releases.map((x) => x.tag_name).sort()).toEqual(['core@1.1.0', 'web@1.1.0'])
  })

  it('branch names stay siblings of the single one, and the check knows them', () => {
    expect(releaseBranchOf('main', '@scope/web')).toBe('verso/release/main--scope-web')
    expect(isReleasePullRequest({ headRef: 'verso/release/main--core', baseRef: 'main', fork: false })).toBe(true)
    expect(isReleasePullRequest({ headRef: 'verso/release/mainline', baseRef: 'main', fork: false })).toBe(false)
  })
})

describe('the release pull request is known by its branch', () => {
  it('verso/release/<base>, from the repository itself', () => {
    expect(releaseBranchOf('main')).toBe('verso/release/main')
    expect(isReleasePullRequest({ headRef: 'verso/release/main', baseRef: 'main', fork: false })).toBe(true)
    expect(isReleasePullRequest({ headRef: 'verso/release/1.x', baseRef: '1.x', fork: false })).toBe(true)
    expect(isReleasePullRequest({ headRef: 'verso/release/main', baseRef: '1.x', fork: false })).toBe(false)
    expect(isReleasePullRequest({ headRef: 'verso/release/main', baseRef: 'main', fork: true })).toBe(false)
    expect(isReleasePullRequest({ headRef: 'verso/release/', baseRef: '', fork: false })).toBe(false)
  })
})
