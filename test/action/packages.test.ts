import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer } from '../support/github-server.js'
import { TestRepo } from '../support/repo.js'
import { eventPayload, runAction, runCli } from '../support/runner.js'

const TOKEN = 'ghs_test_token_0123456789'
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

function write(r: TestRepo, path: string, text: string): void {
  mkdirSync(dirname(join(r.dir, path)), { recursive: true })
  writeFileSync(join(r.dir, path), text)
}

/** A workspace of `core`, `web` and `api` (npm, or pnpm), with `.github/verso.yml` saying `packages: auto`. */
function workspace(kind: 'npm' | 'pnpm'): TestRepo {
  const r = TestRepo.create()
  cleanups.push(() => r.remove())
  if (kind === 'npm') write(r, 'package.json', '{ "private": true, "workspaces": ["packages/*"] }\n')
  else {
    write(r, 'package.json', '{ "private": true }\n')
    write(r, 'pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n  - '!packages/api'\n")
  }
  for (const name of ['core', 'web', 'api']) write(r, `packages/${name}/package.json`, `{ "name": "@acme/${name}", "version": "1.0.0" }\n`)
  write(r, '.github/verso.yml', 'packages: auto\n')
  r.git('add', '-A')
  r.commit('chore: init')
  for (const name of ['core', 'web', 'api']) r.tag(`@acme/${name}@1.0.0`, { annotated: true })
  return r
}

function change(r: TestRepo, message: string, ...paths: string[]): void {
  for (const path of paths) write(r, path, message)
  r.git('add', '-A')
  r.commit(message)
}

describe('a monorepo through the CLI', () => {
  it('packages: auto on npm workspaces: the table, then each package; --json per package', async () => {
    const r = workspace('npm')
    change(r, 'feat: core', 'packages/core/a.ts')
    change(r, 'fix: web', 'packages/web/a.ts')
    const run = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(run.stderr).toBe('')
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'package     current  next   bump   why',
      '@acme/api   1.0.0    —      —      no commits',
      '@acme/core  1.0.0    1.1.0  minor  1 feat',
      '@acme/web   1.0.0    1.0.1  patch  1 fix'
    ])
    expect(run.stdout).toContain('note: packages: auto found 3 npm workspaces: @acme/api, @acme/core, @acme/web')
    const json = JSON.parse((await runCli(['plan', '--json'], { cwd: r.dir, env: r.env })).stdout)
    expect(json.packages.map((p: { name: string; plan: { next: { tag: string } | null } }) => [p.name, p.plan.next?.tag ?? null])).toEqual([
      ['@acme/api', null],
      ['@acme/core', '@acme/core@1.1.0'],
      ['@acme/web', '@acme/web@1.0.1']
    ])
  })

  it('packages: auto on a pnpm workspace honours its negations', async () => {
    const r = workspace('pnpm')
    const run = await runCli(['plan', '--json'], { cwd: r.dir, env: r.env })
    const json = JSON.parse(run.stdout)
    expect(json.source).toBe('pnpm')
    expect(json.packages.map((p: { name: string }) => p.name)).toEqual(['@acme/core', '@acme/web'])
  })

  it('packages: auto without workspaces says what to add', async () => {
    const r = TestRepo.create()
    cleanups.push(() => r.remove())
    write(r, '.github/verso.yml', 'packages: auto\n')
    write(r, 'package.json', '{ "name": "single" }\n')
    r.git('add', '-A')
    r.commit('chore: init')
    const run = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('packages: auto found no workspaces: add `workspaces` to package.json or list the packages.')
  })
})

describe('a monorepo through the built action', () => {
  it('a push releases each package with something to release, with the releases outputs; a re-run repeats nothing', async () => {
    const r = workspace('npm')
    change(r, 'feat: core', 'packages/core/a.ts')
    change(r, 'fix: web and api', 'packages/web/a.ts', 'packages/api/a.ts')
    r.addBareOrigin()
    const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
    cleanups.push(() => server.close())
    const push = () =>
      runAction({
        cwd: r.dir,
        env: { ...r.env, GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/heads/main' },
        inputs: { 'github-token': TOKEN },
        event: {
          name: 'push',
          payload: eventPayload('push', (p) => {
            Object.assign(p, { ref: 'refs/heads/main', after: r.git('rev-parse', 'HEAD') })
            Object.assign(p.repository as object, { default_branch: 'main' })
          })
        }
      })
    const run = await push()
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs['released-packages']!)).toEqual(['@acme/api', '@acme/core', '@acme/web'])
    expect(JSON.parse(run.outputs.releases!)).toEqual([
      {
        name: '@acme/api',
        version: '1.0.1',
        tag: '@acme/api@1.0.1',
        bump: 'patch',
        released: true,
        url: expect.stringContaining('/releases/')
      },
      { name: '@acme/core', version: '1.1.0', tag: '@acme/core@1.1.0', bump: 'minor', released: true, url: expect.any(String) },
      { name: '@acme/web', version: '1.0.1', tag: '@acme/web@1.0.1', bump: 'patch', released: true, url: expect.any(String) }
    ])
    expect(run.outputs).toMatchObject({ released: 'true', version: '', tag: '' })
    expect(run.summary).toContain('| @acme/core | 1.0.0 | 1.1.0 | minor | 1 feat |')
    expect(server.state.releases.map((x) => x.tag_name).sort()).toEqual(['@acme/api@1.0.1', '@acme/core@1.1.0', '@acme/web@1.0.1'])

    const writes = server.requests.filter((x) => x.method !== 'GET').length
    const again = await push()
    expect(again.code).toBe(0)
    expect(server.requests.filter((x) => x.method !== 'GET').length).toBe(writes)
    expect(server.violations).toEqual([])
  })
})

describe('a monorepo pull request through the built action', () => {
  it('the comment is a table of what merging releases per package; the releases output says the same', async () => {
    const r = workspace('npm')
    const base = r.git('rev-parse', 'HEAD')
    r.git('checkout', '-q', '-b', 'feature')
    change(r, 'feat: core', 'packages/core/a.ts')
    change(r, 'fix: web', 'packages/web/a.ts')
    const head = r.git('rev-parse', 'HEAD')
    r.git('checkout', '-q', '--detach', base)
    r.git('merge', '-q', '--no-ff', '-m', 'Merge feature', head)
    const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
    cleanups.push(() => server.close())
    const run = await runAction({
      cwd: r.dir,
      env: { ...r.env, GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/pull/7/merge' },
      inputs: { 'github-token': TOKEN },
      event: {
        name: 'pull_request',
        payload: eventPayload('pull_request', (p) => {
          const pull = p.pull_request as Record<string, Record<string, unknown>>
          Object.assign(p, { number: 7 })
          Object.assign(pull, { number: 7, title: 'feat: core and web' })
          Object.assign(pull.base!, { sha: base, ref: 'main' })
          Object.assign(pull.head!, { sha: head, ref: 'feature' })
        })
      }
    })
    expect(run.code).toBe(0)
    const body = server.state.comments[0]!.body
    expect(body).toContain('### verso: merging this releases `@acme/core@1.1.0`, `@acme/web@1.0.1`\n')
    expect(body).toContain('| `@acme/core` | 1.0.0 | 1.1.0 | minor | 1 feat |')
    expect(body).toContain('| `@acme/api` | 1.0.0 | — | — | no commits |')
    expect(body).toContain('minor, because 1 feat commit')
    expect(JSON.parse(run.outputs.releases!).map((x: { tag: string | null }) => x.tag)).toEqual([
      null,
      '@acme/core@1.1.0',
      '@acme/web@1.0.1'
    ])
    expect(run.outputs.valid).toBe('true')
    expect(server.violations).toEqual([])
  })
})

describe('version files through the built action', () => {
  it('a monorepo push commits each released manifest and changelog, pushes it, and tags that commit', async () => {
    const r = workspace('npm')
    change(r, 'feat: core', 'packages/core/a.ts')
    r.addBareOrigin()
    const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
    cleanups.push(() => server.close())
    const head = r.git('rev-parse', 'HEAD')
    const run = await runAction({
      cwd: r.dir,
      env: { ...r.env, GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/heads/main' },
      inputs: { 'github-token': TOKEN, 'version-files': 'packages/*/package.json', 'changelog-file': 'CHANGELOG.md' },
      event: {
        name: 'push',
        payload: eventPayload('push', (p) => {
          Object.assign(p, { ref: 'refs/heads/main', after: head })
          Object.assign(p.repository as object, { default_branch: 'main' })
        })
      }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const tip = r.git('ls-remote', 'origin', 'refs/heads/main').split('\t')[0]!
    expect(r.git('log', '-1', '--format=%s', tip)).toBe('chore(release): @acme/core@1.1.0')
    expect(r.git('rev-parse', `${tip}^`)).toBe(head)
    expect(r.git('ls-remote', 'origin', 'refs/tags/@acme/core@1.1.0^{}').split('\t')[0]).toBe(tip)
    expect(r.git('show', `${tip}:packages/core/package.json`)).toContain('"version": "1.1.0"')
    expect(r.git('show', `${tip}:packages/web/package.json`)).toContain('"version": "1.0.0"')
    expect(r.git('show', `${tip}:packages/core/CHANGELOG.md`)).toContain('## [1.1.0]')
    expect(run.stdout).toContain('Pushed the release commit')
  })
})

describe('a monorepo: refusals before anything is pushed', () => {
  it('an empty github-token with version files: the run fails before the release commit is pushed', async () => {
    const r = workspace('npm')
    change(r, 'feat: core', 'packages/core/a.ts')
    const origin = r.addBareOrigin()
    const head = r.git('rev-parse', 'HEAD')
    const run = await runAction({
      cwd: r.dir,
      env: { ...r.env, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/heads/main' },
      inputs: { 'github-token': '', 'version-files': 'packages/*/package.json' },
      event: {
        name: 'push',
        payload: eventPayload('push', (p) => {
          Object.assign(p, { ref: 'refs/heads/main', after: head })
          Object.assign(p.repository as object, { default_branch: 'main' })
        })
      }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('github-token is empty')
    expect(r.git('--git-dir', origin, 'rev-parse', 'refs/heads/main')).toBe(head)
    expect(r.git('--git-dir', origin, 'tag', '--list', '@acme/core@1.1.0')).toBe('')
  })

  it('verso check in a monorepo prints the packages table and validates the commits', async () => {
    const r = workspace('npm')
    r.git('branch', 'base')
    r.git('checkout', '-q', '-b', 'feature')
    change(r, 'feat: core', 'packages/core/a.ts')
    change(r, 'Fix web', 'packages/web/a.ts')
    const run = await runCli(['check', '--base', 'base'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('@acme/core  1.0.0    1.1.0  minor  1 feat')
    expect(run.stdout).toMatch(/error: .*Fix web/)
  })
})
