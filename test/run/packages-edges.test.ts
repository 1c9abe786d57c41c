import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { createGit } from '../../src/git/git.js'
import { createGather } from '../../src/run/gather.js'
import { planPackages, runPackagesRelease } from '../../src/run/packages.js'
import { briefWhy } from '../../src/report/packages.js'
import { connect } from '../github/connect.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')
const TAGGER = { 'git-user-name': 'Release Bot', 'git-user-email': 'bot@example.com' }

function write(r: TestRepo, path: string, text: string): void {
  mkdirSync(dirname(join(r.dir, path)), { recursive: true })
  writeFileSync(join(r.dir, path), text)
}

function change(r: TestRepo, message: string, ...paths: string[]): void {
  for (const path of paths) write(r, path, `${message}\n`)
  r.git('add', '-A')
  r.commit(message)
}

/** Packages a, b and core under packages/, `web`-style manifests; each released at 1.0.0. */
function repo(layout: string, manifests: Record<string, string> = {}): TestRepo {
  const r = repos()
  for (const name of ['a', 'b', 'core'])
    write(r, `packages/${name}/package.json`, manifests[name] ?? `{\n  "name": "${name}",\n  "version": "1.0.0"\n}\n`)
  write(r, 'package.json', '{\n  "name": "root",\n  "version": "1.0.0",\n  "private": true\n}\n')
  write(r, '.github/verso.yml', layout)
  r.git('add', '-A')
  r.commit('chore: init')
  for (const tag of ['a@1.0.0', 'b@1.0.0', 'core@1.0.0', 'root@1.0.0']) r.tag(tag, { annotated: true })
  return r
}

const LAYOUT = 'packages:\n  - name: a\n    path: packages/a\n  - name: b\n    path: packages/b\n  - name: core\n    path: packages/core\n'
const DEPENDS = { a: '{\n  "name": "a",\n  "version": "1.0.0",\n  "dependencies": { "core": "^1.0.0" }\n}\n' }

function configOf(layout: string, options: RawOptions = {}) {
  const config = resolveConfig({ ...TAGGER, ...options }, parseConfigFile(layout, '.github/verso.yml'))
  return { ...config, packages: config.packages! }
}

async function plan(r: TestRepo, layout: string) {
  const config = configOf(layout)
  const gather = createGather(createGit(r.dir, r.env), config)
  const p = await planPackages({ gather, config, now: NOW, where: { branch: 'main', defaultBranch: 'main' }, resume: false })
  return Object.fromEntries(p.plans.map((x) => [x.pkg.spec.name, x.plan]))
}

async function release(
  r: TestRepo,
  layout: string,
  github: Awaited<ReturnType<typeof connect>>,
  options: RawOptions = {},
  cwd: string = r.dir
) {
  const config = configOf(layout, options)
  const git = createGit(cwd, r.env)
  return runPackagesRelease({
    git,
    gather: createGather(git, config),
    config,
    now: NOW,
    hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
    dryRun: false,
    requireBranch: true,
    repositoryUrl: null,
    connect: () => github.api,
    log: () => {}
  })
}

describe('monorepo edges', () => {
  it('a re-run after a failed release still releases the package that only had a dependency patch', async () => {
    const r = repo(LAYOUT, DEPENDS)
    change(r, 'feat: core', 'packages/core/x.ts')
    const origin = r.addBareOrigin()
    const hook = join(origin, 'hooks/pre-receive')
    writeFileSync(
      hook,
      '#!/bin/sh\nwhile read old new ref; do case "$ref" in refs/tags/a@*) echo "no a" >&2; exit 1;; esac; done\nexit 0\n'
    )
    chmodSync(hook, 0o755)
    const github = await connect()
    await expect(release(r, LAYOUT, github)).rejects.toThrow(/refused tag a@1\.0\.1/)
    rmSync(hook)
    const again = await release(r, LAYOUT, github)
    const tags = again.packages.filter((p) => p.result.kind === 'applied').map((p) => p.plan.next?.tag)
    expect(tags.sort()).toEqual(['a@1.0.1', 'core@1.1.0'])
    expect(github.server.state.releases.map((x) => x.tag_name).sort()).toEqual(['a@1.0.1', 'core@1.1.0'])
  })

  it('linked with a package released for its dependency: the group shares the version', async () => {
    const layout = `${LAYOUT}linked:\n  - [a, b]\n`
    const r = repo(layout, { ...DEPENDS, b: '{ "name": "b", "version": "3.0.0" }\n' })
    r.tag('b@3.0.0', { annotated: true })
    change(r, 'feat: core', 'packages/core/x.ts')
    change(r, 'fix: b', 'packages/b/x.ts')
    const plans = await plan(r, layout)
    expect(plans['a']!.next?.version).toBe('3.0.1')
    expect(plans['b']!.next?.version).toBe('3.0.1')
    expect(briefWhy(plans['a']!)).toBe('dependency: core; linked: b')
  })

  it('two packages with one tag prefix are refused', () => {
    const layout =
      'packages:\n  - name: a\n    path: a\n    tag-format: "{prefix}{version}"\n  - name: b\n    path: b\n    tag-format: "{prefix}{version}"\n'
    expect(() => configOf(layout)).toThrow(
      expect.objectContaining({ details: ['The packages `a` and `b` both tag `v<version>`: give each a `tag-format` with `{name}`.'] })
    )
  })

  it("a root package's release writes only its own files, never another package's", async () => {
    const layout = `${LAYOUT}  - name: root\n    path: .\nversion-files: ["package.json", "packages/*/package.json"]\n`
    const r = repo(layout)
    change(r, 'feat: readme', 'README.md')
    const origin = r.addBareOrigin()
    const github = await connect()
    await release(r, layout, github)
    const show = (path: string) => r.git('--git-dir', origin, 'show', `refs/heads/main:${path}`)
    expect(show('package.json')).toContain('"version": "1.1.0"')
    for (const name of ['a', 'b', 'core']) expect(show(`packages/${name}/package.json`)).toContain('"version": "1.0.0"')
  })

  it("a package's own changelog-file makes a release commit with that changelog alone", async () => {
    const layout = `packages:\n  - name: a\n    path: packages/a\n    changelog-file: CHANGELOG.md\n  - name: b\n    path: packages/b\n  - name: core\n    path: packages/core\n`
    const r = repo(layout)
    change(r, 'feat: a and b', 'packages/a/x.ts', 'packages/b/x.ts')
    const origin = r.addBareOrigin()
    const github = await connect()
    await release(r, layout, github)
    const files = r.git('--git-dir', origin, 'diff', '--name-only', 'refs/heads/main~1', 'refs/heads/main')
    expect(files).toBe('packages/a/CHANGELOG.md')
    expect(r.git('--git-dir', origin, 'log', '-1', '--format=%s', 'refs/heads/main')).toBe('chore(release): a@1.1.0, b@1.1.0')
  })
})

describe('monorepo release commit: internal dependency ranges', () => {
  it("a dependent's range follows a release it leaves, in its manifest and in the lockfile", async () => {
    const layout = `${LAYOUT}version-files: ["packages/*/package.json"]\n`
    const r = repo(layout, {
      a: '{\n  "name": "a",\n  "version": "1.0.0",\n  "dependencies": { "core": "^1.0.0", "b": "workspace:*" }\n}\n'
    })
    write(
      r,
      'package-lock.json',
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {},\n    "packages/a": { "name": "a", "version": "1.0.0", "dependencies": { "core": "^1.0.0", "b": "workspace:*" } },\n    "packages/b": { "name": "b", "version": "1.0.0" },\n    "packages/core": { "name": "core", "version": "1.0.0" }\n  }\n}\n'
    )
    r.git('add', '-A')
    r.commit('chore: lockfile')
    r.tag('a@1.0.1', { annotated: true })
    r.tag('b@1.0.1', { annotated: true })
    r.tag('core@1.0.1', { annotated: true })
    change(r, 'feat(core)!: a new api', 'packages/core/x.ts')
    const origin = r.addBareOrigin()
    const github = await connect()
    await release(r, layout, github)
    const show = (path: string) => r.git('--git-dir', origin, 'show', `refs/heads/main:${path}`)
    const a = JSON.parse(show('packages/a/package.json'))
    expect(a).toMatchObject({ version: '1.0.2', dependencies: { core: '^2.0.0', b: 'workspace:*' } })
    const lock = JSON.parse(show('package-lock.json'))
    expect(lock.packages['packages/a']).toMatchObject({ version: '1.0.2', dependencies: { core: '^2.0.0', b: 'workspace:*' } })
    expect(lock.packages['packages/core'].version).toBe('2.0.0')
    expect(lock.packages['packages/b'].version).toBe('1.0.0')
  })
})

describe('monorepo: a tag left without its GitHub Release', () => {
  it('gets it from the next run that releases the package, before the newer release', async () => {
    const r = repo(LAYOUT)
    change(r, 'feat: a', 'packages/a/x.ts')
    r.addBareOrigin()
    const github = await connect()
    await release(r, LAYOUT, github)
    expect(github.server.state.releases.map((x) => x.tag_name)).toEqual(['a@1.1.0'])
    github.server.state.releases.splice(0)
    change(r, 'fix: a again', 'packages/a/y.ts')
    r.git('push', '-q', 'origin', 'main')
    const run = await release(r, LAYOUT, github)
    expect(github.server.state.releases.map((x) => x.tag_name)).toEqual(['a@1.1.0', 'a@1.1.1'])
    const a = run.packages.find((p) => p.name === 'a')!
    expect(a.result.kind === 'applied' && a.result.finished?.kind).toBe('released')
  })
})

describe('monorepo: a clone without the tags', () => {
  it("releases each package from the remote's last release of it", async () => {
    const r = repo(LAYOUT)
    change(r, 'feat: a', 'packages/a/x.ts')
    const origin = r.addBareOrigin()
    const clone = join(r.root, 'no-tags')
    execFileSync('git', ['clone', '-q', '--no-tags', origin, clone], { env: r.env })
    const github = await connect()
    const run = await release(r, LAYOUT, github, {}, clone)
    const a = run.packages.find((p) => p.name === 'a')!
    expect([a.plan.previous?.tag, a.plan.next?.tag]).toEqual(['a@1.0.0', 'a@1.1.0'])
    expect(run.packages.filter((p) => p.plan.kind === 'release').map((p) => p.name)).toEqual(['a'])
    expect(github.server.state.releases.map((x) => x.tag_name)).toEqual(['a@1.1.0'])
  })
})

describe('monorepo: merge-style squash', () => {
  it('a squash commit counts, as the commits it lists, for each package whose files it changes', async () => {
    const r = repo(LAYOUT)
    change(r, 'Export for a and b (#12)\n\n* feat(a): export\n\n* fix(b): names\n', 'packages/a/x.ts', 'packages/b/x.ts')
    const squashed = configOf(LAYOUT, { 'merge-style': 'squash' })
    const gather = createGather(createGit(r.dir, r.env), squashed)
    const where = { branch: 'main', defaultBranch: 'main' }
    const p = await planPackages({ gather, config: squashed, now: NOW, where, resume: false })
    const plans = Object.fromEntries(p.plans.map((x) => [x.pkg.spec.name, x.plan]))
    expect([plans['a']!.next?.version, plans['b']!.next?.version, plans['core']!.kind]).toEqual(['1.1.0', '1.1.0', 'none'])
    expect(briefWhy(plans['a']!)).toBe('1 feat, 1 fix')
    expect(plans['b']!.kind).toBe('release')
    // Merged, the same commit is not a Conventional Commit: nothing releases.
    expect(Object.values(await plan(r, LAYOUT)).map((x) => x.kind)).toEqual(['none', 'none', 'none'])
  })
})
