import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
  /** What actions/checkout leaves by default: one commit, no tags. */
  readonly clone: string
}

/**
 * A released repository with a release-image schema, many commits behind its last tag and a
 * few after it, on an origin that allows filters (as GitHub does) — checked out at depth 1.
 */
async function world(): Promise<World> {
  const repo = TestRepo.create()
  cleanups.push(() => repo.remove())
  const file = (path: string, text: string) => {
    mkdirSync(join(repo.dir, path, '..'), { recursive: true })
    writeFileSync(join(repo.dir, path), text)
    repo.git('add', '-A')
  }
  const example = join(import.meta.dirname, '../../examples/release-image')
  cpSync(join(example, 'schemas'), join(repo.dir, 'schemas'), { recursive: true })
  cpSync(join(example, '.release-image'), join(repo.dir, '.release-image'))
  repo.git('add', '-A')
  repo.commit('chore: init')
  for (let i = 0; i < 40; i++) {
    file(`src/old-${i % 5}.txt`, String(i))
    repo.commit(`fix: old ${i}`)
  }
  repo.tag('v1.2.3', { annotated: true })
  file('src/new.txt', 'new')
  repo.commit('fix: a')
  // A type changes without its history entry: only a check that read the released schemas sees it.
  const doc = join(repo.dir, 'schemas/document.json')
  file(
    'schemas/document.json',
    readFileSync(doc, 'utf8').replace(
      '"heading": { "type": "string" },',
      '"heading": { "type": "string" },\n        "summary": { "type": "string" },'
    )
  )
  repo.commit('feat(x): b')
  const origin = repo.addBareOrigin()
  repo.git('-C', origin, 'config', 'uploadpack.allowFilter', 'true')
  const clone = repo.shallowClone(1)
  const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
  cleanups.push(() => server.close())
  return { repo, server, origin, clone }
}

function release(w: World, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: w.clone, env: w.repo.env, encoding: 'utf8' }).trim()
  return runAction({
    cwd: w.clone,
    env: { ...w.repo.env, GITHUB_API_URL: w.server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/heads/main' },
    inputs: { 'github-token': TOKEN, ...inputs },
    event: {
      name: 'push',
      payload: eventPayload('push', (p) => {
        Object.assign(p, { ref: 'refs/heads/main', after: head })
        Object.assign(p.repository as object, { default_branch: 'main' })
      })
    }
  })
}

const git = (w: World, ...args: string[]) => execFileSync('git', args, { cwd: w.clone, env: w.repo.env, encoding: 'utf8' }).trim()

describe('the action on the default shallow checkout', () => {
  it('releases from a depth-1 clone, fetching only the commits since the last release, and once', async () => {
    const w = await world()
    const run = await release(w)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'true', version: '1.3.0', tag: 'v1.3.0' })
    expect(w.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(w.server.state.releases[0]!.body).toContain('b')
    // The two commits, and the release's own commit as the boundary: nothing of the 40 before it.
    expect(git(w, 'rev-list', '--count', 'HEAD')).toBe('3')
    expect(git(w, 'config', '--get', 'remote.origin.promisor')).toBe('true')
    expect(w.server.violations).toEqual([])

    const again = await release(w)
    expect(again.code).toBe(0)
    expect(w.server.state.releases).toHaveLength(1)
  })

  it('with version files, pushes the release commit and its tag from the partial clone', async () => {
    const w = await world()
    writeFileSync(join(w.clone, 'package.json'), '{\n  "name": "hello",\n  "version": "1.2.3"\n}\n')
    git(w, 'add', 'package.json')
    execFileSync('git', ['commit', '-q', '-m', 'chore: manifest'], { cwd: w.clone, env: w.repo.env })
    git(w, 'push', '-q', 'origin', 'HEAD:main')
    const run = await release(w, { 'version-files': 'package.json', 'changelog-file': 'CHANGELOG.md' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ released: 'true', version: '1.3.0' })
    const show = (ref: string, path: string) =>
      execFileSync('git', ['show', `${ref}:${path}`], { cwd: w.origin, env: w.repo.env, encoding: 'utf8' })
    expect(JSON.parse(show('refs/tags/v1.3.0', 'package.json'))).toMatchObject({ version: '1.3.0' })
    expect(show('main', 'CHANGELOG.md')).toContain('1.3.0')
    expect(
      execFileSync('git', ['fsck', '--connectivity-only', '--no-dangling'], { cwd: w.origin, env: w.repo.env, encoding: 'utf8' })
    ).toBe('')
  })

  it('checks the release image against the schemas at the last release, read from the partial clone', async () => {
    const w = await world()
    const run = await release(w, { schemas: 'schemas/*.json, schemas/*.yaml', mode: 'plan' })
    expect(run.outputs['image-status']).toBe('incomplete')
    // What changed since the release is known: the released schema was read.
    expect(run.stdout).toContain('document.Section changed but is still tagged 0.7: Optional property `summary` added.')
  })

  it('leaves a clone a later step can read old files from, and with fetch-history: full, every tag and commit', async () => {
    const w = await world()
    await release(w, { mode: 'plan' })
    // A later step reading an old file gets it; git fetches it as it goes.
    expect(git(w, 'show', 'v1.2.3:src/old-4.txt')).toBe('39')

    const full = await world()
    const run = await release(full, { mode: 'plan', 'fetch-history': 'full' })
    expect(run.code).toBe(0)
    expect(git(full, 'rev-parse', '--is-shallow-repository')).toBe('false')
    expect(git(full, 'rev-list', '--count', 'HEAD')).toBe('43')
    expect(git(full, 'tag', '--list')).toBe('v1.2.3')
    expect(() => git(full, 'config', '--get', 'remote.origin.promisor')).toThrow()
  })
})
