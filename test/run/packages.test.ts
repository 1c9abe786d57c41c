import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type Config, type Packages } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { createGit } from '../../src/git/git.js'
import { createGather } from '../../src/run/gather.js'
import { planPackages, runPackagesRelease, type PackagesRun } from '../../src/run/packages.js'
import { packagesReleases, releasedPackages, renderPackagesText } from '../../src/report/packages.js'
import { connect } from '../github/connect.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')

const LAYOUT = `packages:
  - name: "@acme/core"
    path: packages/core
  - name: web
    path: packages/web
    tag-format: "web-v{version}"
    paths: ["shared/theme/**"]
  - name: api
    path: packages/api
  - name: root
    path: .
`

/** An npm-workspaces repository: three packages and a root, each released once (api never). */
function workspace(layout = LAYOUT): TestRepo {
  const r = repos()
  write(r, 'package.json', '{ "private": true, "workspaces": ["packages/*"] }\n')
  for (const name of ['core', 'web', 'api']) write(r, `packages/${name}/package.json`, `{ "name": "${name}", "version": "1.0.0" }\n`)
  write(r, '.github/verso.yml', layout)
  r.git('add', '-A')
  r.commit('chore: init')
  r.tag('@acme/core@1.0.0', { annotated: true })
  r.tag('web-v1.0.0', { annotated: true })
  r.tag('root@1.0.0', { annotated: true })
  return r
}

function write(r: TestRepo, path: string, text: string): void {
  mkdirSync(dirname(join(r.dir, path)), { recursive: true })
  writeFileSync(join(r.dir, path), text)
}

/** A commit that changes `paths`. */
function change(r: TestRepo, message: string, ...paths: string[]): string {
  for (const path of paths) write(r, path, `${message}\n${Math.random()}\n`)
  r.git('add', '-A')
  return r.commit(message)
}

function configOf(r: TestRepo, layout = LAYOUT, options = {}): Config & { packages: Packages } {
  const config = resolveConfig({ 'git-user-email': 'bot@example.com', ...options }, parseConfigFile(layout, '.github/verso.yml'))
  if (!config.packages) throw new Error('expected packages')
  void r
  return { ...config, packages: config.packages }
}

async function plan(r: TestRepo, layout = LAYOUT) {
  const config = configOf(r, layout)
  const git = createGit(r.dir, r.env)
  return planPackages({
    gather: createGather(git, config),
    config,
    now: NOW,
    where: { branch: 'main', defaultBranch: 'main' },
    resume: false
  })
}

const table = (p: Awaited<ReturnType<typeof plan>>) =>
  Object.fromEntries(p.plans.map((x) => [x.pkg.spec.name, x.plan.kind === 'release' ? x.plan.next.tag : x.plan.kind]))

describe('packages: one pass, a plan per package', () => {
  it('commits touching one, two, all and none of the packages go where their files are', async () => {
    const r = workspace()
    change(r, 'feat(core): a parser', 'packages/core/src/parse.ts')
    change(r, 'fix: both web and api', 'packages/web/a.ts', 'packages/api/a.ts')
    change(r, 'feat!: everything', 'packages/core/b.ts', 'packages/web/b.ts', 'packages/api/b.ts')
    change(r, 'docs: the readme', 'README.md')
    change(r, 'fix: the shared theme', 'shared/theme/colors.css')
    const p = await plan(r)
    expect(table(p)).toEqual({ '@acme/core': '@acme/core@2.0.0', web: 'web-v2.0.0', api: 'api@0.1.0', root: 'none' })
    const commitsOf = (name: string) => p.plans.find((x) => x.pkg.spec.name === name)!.plan.commits.map((c) => c.header)
    expect(commitsOf('@acme/core')).toEqual(['feat!: everything', 'feat(core): a parser'])
    expect(commitsOf('web')).toEqual(['fix: the shared theme', 'feat!: everything', 'fix: both web and api'])
    expect(commitsOf('api')).toEqual(['feat!: everything', 'fix: both web and api', 'chore: init'])
    // The root takes what no other package holds: the readme, and the root's own files.
    expect(commitsOf('root')).toEqual(['docs: the readme'])
    expect(p.unrouted.count).toBe(0)
  })

  it("each package's range starts at its own last release", async () => {
    const r = workspace()
    change(r, 'feat: core only', 'packages/core/a.ts')
    r.tag('@acme/core@1.1.0', { annotated: true })
    change(r, 'fix: core again', 'packages/core/b.ts')
    change(r, 'fix: web', 'packages/web/b.ts')
    const p = await plan(r)
    expect(table(p)).toMatchObject({ '@acme/core': '@acme/core@1.1.1', web: 'web-v1.0.1' })
    const core = p.plans.find((x) => x.pkg.spec.name === '@acme/core')!.plan
    expect(core.previous?.tag).toBe('@acme/core@1.1.0')
    expect(core.commits.map((c) => c.header)).toEqual(['fix: core again'])
  })

  it('without a root package, files outside every package release nothing, and the plan says so', async () => {
    const layout = LAYOUT.replace(/ {2}- name: root\n {4}path: \.\n/, '')
    const r = workspace(layout)
    change(r, 'feat: tooling', 'tools/build.mjs')
    const p = await plan(r, layout)
    expect(p.unrouted).toMatchObject({ count: 1, examples: [{ header: 'feat: tooling' }] })
    expect(renderPackagesText(p, { verbose: false })).toContain('1 commit changed files no package holds')
  })

  it('merges route by what they bring; renames count on both sides', async () => {
    const r = workspace()
    r.git('checkout', '-q', '-b', 'topic')
    change(r, 'feat: web on a branch', 'packages/web/new.ts')
    r.git('checkout', '-q', 'main')
    change(r, 'fix: core on main', 'packages/core/x.ts')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch topic', 'topic')
    r.git('mv', 'packages/web/new.ts', 'packages/api/moved.ts')
    r.commit('refactor: move a file')
    const p = await plan(r)
    expect(table(p)).toMatchObject({ '@acme/core': '@acme/core@1.0.1', web: 'web-v1.1.0' })
    const web = p.plans.find((x) => x.pkg.spec.name === 'web')!.plan.commits.map((c) => c.header)
    expect(web).toContain('refactor: move a file')
    expect(p.plans.find((x) => x.pkg.spec.name === 'api')!.plan.commits.map((c) => c.header)).toContain('refactor: move a file')
  })
})

describe('packages: release', () => {
  async function release(r: TestRepo, github: Awaited<ReturnType<typeof connect>>): Promise<PackagesRun> {
    const { api } = github
    const config = configOf(r)
    const git = createGit(r.dir, r.env)
    const run = await runPackagesRelease({
      git,
      gather: createGather(git, config),
      config,
      now: NOW,
      hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
      dryRun: false,
      requireBranch: true,
      repositoryUrl: 'https://github.com/octo-org/hello-world',
      connect: () => api,
      log: () => {}
    })
    return run
  }

  it('with sign: ssh, every package tag is signed with the key given, and the key is gone after the run', async () => {
    const r = workspace()
    const origin = r.addBareOrigin()
    change(r, 'feat(core): a', 'packages/core/a.ts')
    change(r, 'fix(web): b', 'packages/web/b.ts')
    r.git('push', '-q', 'origin', 'main')
    const keyFile = join(r.root, 'release-key')
    execFileSync('ssh-keygen', ['-t', 'ed25519', '-N', '', '-C', 'release', '-f', keyFile, '-q'])
    const allowed = join(r.root, 'allowed_signers')
    writeFileSync(allowed, `bot@example.com ${readFileSync(`${keyFile}.pub`, 'utf8').trim()}\n`)
    const temp = join(r.root, 'runner-temp')
    mkdirSync(temp)
    const config = configOf(r, LAYOUT, { sign: 'ssh' })
    const git = createGit(r.dir, r.env)
    const { api } = await connect()
    const run = await runPackagesRelease({
      git,
      gather: createGather(git, config),
      config,
      now: NOW,
      hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
      dryRun: false,
      requireBranch: true,
      repositoryUrl: 'https://github.com/octo-org/hello-world',
      connect: () => api,
      log: () => {},
      signingKey: readFileSync(keyFile, 'utf8'),
      tempRoot: temp
    })
    expect(JSON.parse(releasedPackages(run))).toEqual(['@acme/core', 'web'])
    for (const tag of ['@acme/core@1.1.0', 'web-v1.0.1']) {
      const verified = spawnSync('git', ['-c', `gpg.ssh.allowedSignersFile=${allowed}`, 'tag', '-v', tag], {
        cwd: origin,
        env: r.env,
        encoding: 'utf8'
      })
      expect(`${verified.stdout}${verified.stderr}`).toContain('Good "git" signature for bot@example.com')
      expect(verified.status).toBe(0)
    }
    expect(readdirSync(temp)).toEqual([])
  })

  it('tags and publishes each package that has something to release; a re-run repeats nothing', async () => {
    const r = workspace()
    r.addBareOrigin()
    change(r, 'feat(core): a', 'packages/core/a.ts')
    change(r, 'fix(web): b', 'packages/web/b.ts')
    r.git('push', '-q', 'origin', 'main')
    const github = await connect()
    const first = await release(r, github)
    expect(JSON.parse(releasedPackages(first))).toEqual(['@acme/core', 'web'])
    expect(JSON.parse(packagesReleases(first))).toEqual([
      expect.objectContaining({ name: '@acme/core', version: '1.1.0', tag: '@acme/core@1.1.0', bump: 'minor', released: true }),
      expect.objectContaining({ name: 'web', version: '1.0.1', tag: 'web-v1.0.1', released: true }),
      expect.objectContaining({ name: 'api', version: null, released: false }),
      expect.objectContaining({ name: 'root', version: null, released: false })
    ])
    expect(github.server.state.releases.map((x) => x.tag_name)).toEqual(['@acme/core@1.1.0', 'web-v1.0.1'])
    const remote = r.git('ls-remote', '--tags', '--refs', 'origin')
    expect(remote).toContain('refs/tags/@acme/core@1.1.0')
    expect(remote).toContain('refs/tags/web-v1.0.1')

    // The same commit again: both packages' tags are at HEAD; each is finished, none released twice.
    const writes = github.server.requests.filter((x) => x.method !== 'GET').length
    const again = await release(r, github)
    expect(again.plan.plans.filter((p) => p.resumed).map((p) => p.pkg.spec.name)).toEqual(['@acme/core', 'web'])
    expect(github.server.state.releases.map((x) => x.tag_name)).toEqual(['@acme/core@1.1.0', 'web-v1.0.1'])
    expect(github.server.requests.filter((x) => x.method !== 'GET').length).toBe(writes)
  })
})

describe('packages: dependencies and linked versions', () => {
  it('a package whose dependency releases gets a patch, with the reason; transitively', async () => {
    const r = workspace()
    write(r, 'packages/web/package.json', '{ "name": "web", "version": "1.0.0", "dependencies": { "core": "workspace:*" } }\n')
    write(r, 'packages/api/package.json', '{ "name": "api", "version": "1.0.0", "devDependencies": { "web": "^1.0.0" } }\n')
    r.git('add', '-A')
    r.commit('chore: wire the workspace')
    r.tag('@acme/core@1.0.1', { annotated: true })
    r.tag('web-v1.0.1', { annotated: true })
    r.tag('api@1.0.0', { annotated: true })
    r.tag('root@1.0.1', { annotated: true })
    change(r, 'feat(core): new parser', 'packages/core/parse.ts')
    const p = await plan(r)
    expect(table(p)).toMatchObject({ '@acme/core': '@acme/core@1.1.0', web: 'web-v1.0.2', api: 'api@1.0.1', root: 'none' })
    const web = p.plans.find((x) => x.pkg.spec.name === 'web')!.plan
    expect(web.reasons).toContainEqual({ kind: 'dependency', dependencies: ['@acme/core'] })
    expect(web.commits).toEqual([])
    const api = p.plans.find((x) => x.pkg.spec.name === 'api')!.plan
    expect(api.reasons).toContainEqual({ kind: 'dependency', dependencies: ['web'] })
  })

  it('a linked group releases one version, the highest of its members', async () => {
    const layout = `${LAYOUT}linked:\n  - ["@acme/core", web]\n`
    const r = workspace(layout)
    change(r, 'feat(core): a', 'packages/core/a.ts')
    change(r, 'fix(web): b', 'packages/web/b.ts')
    const p = await plan(r, layout)
    expect(table(p)).toMatchObject({ '@acme/core': '@acme/core@1.1.0', web: 'web-v1.1.0' })
    const web = p.plans.find((x) => x.pkg.spec.name === 'web')!.plan
    expect(web.reasons).toContainEqual({ kind: 'linked', group: ['@acme/core'], version: '1.1.0' })
  })

  it('linked names only packages, each in one group', () => {
    const bad = `${LAYOUT}linked:\n  - [web, nope]\n  - [web, api]\n`
    expect(() => configOf(repos(), bad)).toThrow(
      expect.objectContaining({
        details: [
          '`linked`: `nope` is not a package; the packages are @acme/core, web, api, root.',
          '`linked`: `web` is in two groups; a package is linked with one group.'
        ]
      })
    )
  })
})
