import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { VersoError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import type { GitDataApi } from '../../src/github/git-data.js'
import { createGather } from '../../src/run/gather.js'
import { runPackagesRelease } from '../../src/run/packages.js'
import { runRelease, type ReleaseRun } from '../../src/run/release.js'
import { chooseReleaseWriter, GIT_WRITER } from '../../src/run/release-writer.js'
import { connectGitData } from '../github/connect-git-data.js'
import type { GitDataOptions } from '../support/github-git-data.js'
import type { GitHubServer } from '../support/github-server.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')
const EMAIL = 'bot@example.com'
const OPTIONS: RawOptions = {
  'git-user-name': 'Release Bot',
  'git-user-email': EMAIL,
  'version-files': 'package.json',
  'changelog-file': 'CHANGELOG.md',
  'commit-via': 'api'
}
const HAS_SSH_KEYGEN = spawnSync('ssh-keygen', ['-?'], { stdio: 'ignore' }).error === undefined

interface World {
  readonly r: TestRepo
  readonly origin: string
  readonly head: string
}

function write(r: TestRepo, path: string, text: string): void {
  mkdirSync(dirname(join(r.dir, path)), { recursive: true })
  writeFileSync(join(r.dir, path), text)
}

/**
 * v1.2.3 with a package.json and a changelog, then a feat, on a bare origin whose main
 * refuses every push, as a branch that takes only signed commits or pull requests does: only
 * GitHub's API (the local server, writing into the origin) can move it.
 */
function world(): World {
  const r = repos()
  write(r, 'package.json', '{\n  "name": "app",\n  "version": "1.2.3",\n  "private": true\n}\n')
  write(r, 'CHANGELOG.md', '# Changelog\n\n## [1.2.3] - 2024-01-01\n\n- the first\n')
  r.git('add', '-A')
  r.commit('chore: init')
  r.tag('v1.2.3', { annotated: true })
  r.commit('feat: a parser')
  const origin = r.addBareOrigin()
  const hook = join(origin, 'hooks', 'pre-receive')
  writeFileSync(
    hook,
    '#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = refs/heads/main ]; then echo "main is protected" >&2; exit 1; fi\ndone\n'
  )
  chmodSync(hook, 0o755)
  return { r, origin, head: r.git('rev-parse', 'HEAD') }
}

const onOrigin = (w: World, ...args: string[]) =>
  execFileSync('git', ['--git-dir', w.origin, ...args], { env: w.r.env, encoding: 'utf8' }).trim()
const originHas = (w: World, ref: string) => spawnSync('git', ['--git-dir', w.origin, 'rev-parse', '--verify', '--quiet', ref]).status === 0

async function github(w: World, options: Omit<GitDataOptions, 'gitDir'> = {}) {
  return connectGitData({ gitDir: w.origin, ...options })
}

interface Run {
  readonly options?: RawOptions
  readonly gitData?: GitDataApi | null
  readonly server: Awaited<ReturnType<typeof github>>
  readonly key?: string
}

async function release(w: World, run: Run): Promise<ReleaseRun & { log: string[] }> {
  const config = resolveConfig({ ...OPTIONS, ...run.options })
  const git = createGit(w.r.dir, w.r.env)
  const log: string[] = []
  const result = await runRelease({
    git,
    gather: createGather(git, config),
    config,
    now: NOW,
    hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
    dryRun: false,
    requireBranch: true,
    repositoryUrl: 'https://github.com/octo-org/hello-world',
    connect: () => run.server.api,
    connectGitData: () => (run.gitData === undefined ? run.server.gitData : run.gitData),
    log: (line) => log.push(line),
    signingKey: run.key ?? null,
    tempRoot: w.r.root
  })
  return { ...result, log }
}

async function rejection(promise: Promise<unknown>): Promise<VersoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

const count = (server: GitHubServer, route: string) => server.requests.filter((q) => q.route === route && q.status < 300).length

describe('commit-via: api', () => {
  it('the release commit goes to the branch through the API, committed by GitHub; the annotated tag is on it; the release is made', async () => {
    const w = world()
    const server = await github(w)
    const run = await release(w, { server })
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0' } })
    const tip = onOrigin(w, 'rev-parse', 'refs/heads/main')
    expect(tip).not.toBe(w.head)
    expect(onOrigin(w, 'log', '-1', '--format=%P|%an|%cn|%ce|%s', tip)).toBe(
      `${w.head}|github-actions[bot]|GitHub|noreply@github.com|chore(release): v1.3.0`
    )
    expect(onOrigin(w, 'show', `${tip}:package.json`)).toContain('"version": "1.3.0"')
    expect(onOrigin(w, 'show', `${tip}:CHANGELOG.md`)).toMatch(/## \[1\.3\.0\]/)
    // Annotated, by the tagger, on the release commit.
    expect(onOrigin(w, 'cat-file', '-t', 'refs/tags/v1.3.0')).toBe('tag')
    expect(onOrigin(w, 'rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(tip)
    expect(onOrigin(w, 'for-each-ref', '--format=%(taggername) %(taggeremail)', 'refs/tags/v1.3.0')).toBe(`Release Bot <${EMAIL}>`)
    expect(onOrigin(w, 'for-each-ref', '--format=%(contents:subject)', 'refs/tags/v1.3.0')).toBe('v1.3.0')
    expect(server.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    // The checkout followed, and has the tag as the origin does.
    expect(w.r.git('rev-parse', 'HEAD')).toBe(tip)
    expect(readFileSync(join(w.r.dir, 'package.json'), 'utf8')).toContain('"version": "1.3.0"')
    expect(w.r.git('rev-parse', 'refs/tags/v1.3.0')).toBe(onOrigin(w, 'rev-parse', 'refs/tags/v1.3.0'))
    expect(run.log).toContain(
      `Committed the release commit ${tip.slice(0, 7)} to main through the GitHub API (package.json, CHANGELOG.md).`
    )
  })

  it('a re-run finds the release commit and changes nothing: no second commit, tag or release', async () => {
    const w = world()
    const server = await github(w)
    await release(w, { server })
    const tip = onOrigin(w, 'rev-parse', 'refs/heads/main')
    const tag = onOrigin(w, 'rev-parse', 'refs/tags/v1.3.0')
    // A re-run of the job checks out the commit it was started for again.
    w.r.git('checkout', '-q', '--detach', w.head)
    w.r.git('branch', '-f', 'main', w.head)
    w.r.git('checkout', '-q', 'main')
    w.r.git('tag', '-d', 'v1.3.0')
    const again = await release(w, { server })
    expect(again.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0', sha: tip } })
    expect(onOrigin(w, 'rev-parse', 'refs/heads/main')).toBe(tip)
    expect(onOrigin(w, 'rev-parse', 'refs/tags/v1.3.0')).toBe(tag)
    expect(count(server.server, 'POST /repos/{owner}/{repo}/git/commits')).toBe(1)
    expect(count(server.server, 'POST /repos/{owner}/{repo}/git/tags')).toBe(1)
    expect(count(server.server, 'POST /repos/{owner}/{repo}/git/refs')).toBe(1)
    expect(server.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(again.log.some((line) => line.startsWith("main has this release's commit"))).toBe(true)
  })

  it('a branch that moved while the commit was made is not updated, and nothing is tagged', async () => {
    const w = world()
    const server = await github(w)
    // Someone pushes to main between the run's commit and its update of the branch.
    const other = onOrigin(w, 'commit-tree', '-p', w.head, '-m', 'fix: meanwhile', `${w.head}^{tree}`)
    const racing: GitDataApi = {
      ...server.gitData,
      updateBranch: async (branch, sha, move) => {
        onOrigin(w, 'update-ref', 'refs/heads/main', other, w.head)
        return server.gitData.updateBranch(branch, sha, move)
      }
    }
    const error = await rejection(release(w, { server, gitData: racing }))
    expect(error.code).toBe('EPUSH')
    expect(error.message).toBe(`The branch main moved while this run released ${w.head.slice(0, 7)}: it is at ${other.slice(0, 7)} now.`)
    expect(error.hint).toMatch(/^Nothing was pushed, tagged or published\./)
    expect(onOrigin(w, 'rev-parse', 'refs/heads/main')).toBe(other)
    expect(originHas(w, 'refs/tags/v1.3.0')).toBe(false)
    expect(server.server.state.releases).toEqual([])
  })

  it.each(['pull-request', 'ruleset'] as const)(
    'a branch protected by a %s refuses the update: it says so, and nothing is tagged',
    async (protection) => {
      const w = world()
      const server = await github(w, { protectedBranches: { main: protection } })
      const error = await rejection(release(w, { server }))
      expect(error.code).toBe('EPUSH')
      expect(error.message).toMatch(/^The remote refused the release commit on main: .*Changes must be made through a pull request\.$/)
      expect(error.hint).toMatch(/^Nothing was tagged or published\. A protected branch or ruleset/)
      expect(onOrigin(w, 'rev-parse', 'refs/heads/main')).toBe(w.head)
      expect(originHas(w, 'refs/tags/v1.3.0')).toBe(false)
      expect(server.server.state.releases).toEqual([])
    }
  )

  it('without a token it is a configuration error, before anything is committed or tagged', async () => {
    const w = world()
    const server = await github(w)
    const error = await rejection(release(w, { server, gitData: null }))
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toMatch(
      /^`commit-via: api` writes the release commit and tag through the GitHub API, and there is no GitHub token/
    )
    expect(onOrigin(w, 'rev-parse', 'refs/heads/main')).toBe(w.head)
    expect(originHas(w, 'refs/tags/v1.3.0')).toBe(false)
    expect(server.server.requests).toEqual([])
    // commit-via: git needs no such client.
    expect(chooseReleaseWriter(resolveConfig({}), () => null)).toBe(GIT_WRITER)
  })

  it.skipIf(!HAS_SSH_KEYGEN)(
    'with sign: ssh the tag is signed with the key and pushed with git; the commit goes through the API',
    async () => {
      const w = world()
      const server = await github(w)
      const file = join(w.r.root, 'release-key')
      execFileSync('ssh-keygen', ['-t', 'ed25519', '-N', '', '-C', 'release', '-f', file, '-q'])
      const allowedSigners = join(w.r.root, 'allowed_signers')
      writeFileSync(allowedSigners, `${EMAIL} ${readFileSync(`${file}.pub`, 'utf8').trim()}\n`)
      const run = await release(w, { server, options: { sign: 'ssh' }, key: readFileSync(file, 'utf8') })
      expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0' } })
      const tip = onOrigin(w, 'rev-parse', 'refs/heads/main')
      expect(onOrigin(w, 'log', '-1', '--format=%P|%ce', tip)).toBe(`${w.head}|noreply@github.com`)
      expect(onOrigin(w, 'rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(tip)
      const verified = spawnSync(
        'git',
        ['--git-dir', w.origin, '-c', `gpg.ssh.allowedSignersFile=${allowedSigners}`, 'tag', '-v', 'v1.3.0'],
        {
          env: w.r.env,
          encoding: 'utf8'
        }
      )
      expect(`${verified.stdout}${verified.stderr}`).toContain(`Good "git" signature for ${EMAIL} with ED25519 key`)
      expect(verified.status).toBe(0)
      expect(count(server.server, 'POST /repos/{owner}/{repo}/git/tags')).toBe(0)
      expect(count(server.server, 'POST /repos/{owner}/{repo}/git/commits')).toBe(1)
    }
  )

  it('a monorepo: one commit through the API for the packages released, each tag made through the API on it', async () => {
    const r = repos()
    write(r, 'package.json', '{ "private": true, "workspaces": ["packages/*"] }\n')
    for (const name of ['core', 'web']) write(r, `packages/${name}/package.json`, `{\n  "name": "${name}",\n  "version": "1.0.0"\n}\n`)
    r.git('add', '-A')
    r.commit('chore: init')
    r.tag('core@1.0.0', { annotated: true })
    r.tag('web@1.0.0', { annotated: true })
    write(r, 'packages/core/a.ts', 'a')
    write(r, 'packages/web/b.ts', 'b')
    r.git('add', '-A')
    r.commit('feat: a and b')
    const origin = r.addBareOrigin()
    const w = { r, origin, head: r.git('rev-parse', 'HEAD') }
    const server = await github(w)
    const file = parseConfigFile('changelog-file: CHANGELOG.md\n', '.github/verso.yml')
    // The packages' manifests, not the top level's.
    const config = resolveConfig(
      { ...OPTIONS, 'version-files': 'packages/*/package.json' },
      {
        ...file,
        packages: [
          { name: 'core', path: 'packages/core' },
          { name: 'web', path: 'packages/web' }
        ]
      }
    )
    const git = createGit(r.dir, r.env)
    const run = await runPackagesRelease({
      git,
      gather: createGather(git, config),
      config: { ...config, packages: config.packages! },
      now: NOW,
      hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
      dryRun: false,
      requireBranch: true,
      repositoryUrl: null,
      connect: () => server.api,
      connectGitData: () => server.gitData,
      log: () => {}
    })
    expect(run.packages.map((p) => p.result.kind)).toEqual(['applied', 'applied'])
    const tip = onOrigin(w, 'rev-parse', 'refs/heads/main')
    expect(onOrigin(w, 'log', '-1', '--format=%P|%ce|%s', tip)).toBe(`${w.head}|noreply@github.com|chore(release): core@1.1.0, web@1.1.0`)
    for (const name of ['core', 'web']) {
      expect(onOrigin(w, 'show', `${tip}:packages/${name}/package.json`)).toContain('"version": "1.1.0"')
      expect(onOrigin(w, 'show', `${tip}:packages/${name}/CHANGELOG.md`)).toMatch(/^# Changelog\n/)
      expect(onOrigin(w, 'cat-file', '-t', `refs/tags/${name}@1.1.0`)).toBe('tag')
      expect(onOrigin(w, 'rev-parse', `refs/tags/${name}@1.1.0^{commit}`)).toBe(tip)
    }
    expect(count(server.server, 'POST /repos/{owner}/{repo}/git/commits')).toBe(1)
    expect(count(server.server, 'POST /repos/{owner}/{repo}/git/tags')).toBe(2)
    expect(server.server.state.releases.map((x) => x.tag_name).sort()).toEqual(['core@1.1.0', 'web@1.1.0'])
  })
})
