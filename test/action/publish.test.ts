import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { startRegistry, type TestRegistry } from '../support/registry.js'
import { TestRepo } from '../support/repo.js'
import { eventPayload, runAction, type ActionRun } from '../support/runner.js'

const TOKEN = 'ghs_test_token_0123456789'
// The npm the action finds on the PATH: the project's own, on the project's Node.js.
const BIN = resolve(import.meta.dirname, '../../node_modules/.bin')

let registry: TestRegistry
beforeAll(async () => {
  registry = await startRegistry()
}, 60_000)
afterAll(async () => {
  await registry?.close()
})

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

let count = 0
interface World {
  readonly repo: TestRepo
  readonly server: GitHubServer
  readonly name: string
  /** The runner's temporary folder: where the npm configuration goes, and is removed from. */
  readonly temp: string
}

/** A package released as v1.2.3, then a feature, pushed to a bare origin; a GitHub API; the registry. */
async function world(files: Record<string, string> = {}): Promise<World> {
  const repo = TestRepo.create()
  cleanups.push(() => repo.remove())
  const name = `action-${process.pid}-${++count}`
  writeFileSync(join(repo.dir, 'package.json'), `${JSON.stringify({ name, version: '1.2.3' }, null, 2)}\n`)
  writeFileSync(join(repo.dir, 'index.js'), 'export {}\n')
  for (const [path, text] of Object.entries(files)) writeFileSync(join(repo.dir, path), text)
  repo.git('add', '-A')
  repo.commit('chore: init')
  repo.tag('v1.2.3', { annotated: true })
  repo.commit('feat: a')
  repo.addBareOrigin()
  const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
  cleanups.push(() => server.close())
  const temp = mkdtempSync(join(tmpdir(), 'verso-runner-temp-'))
  cleanups.push(() => rmSync(temp, { recursive: true, force: true }))
  return { repo, server, name, temp }
}

function release(w: World, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const head = w.repo.git('rev-parse', 'HEAD')
  return runAction({
    cwd: w.repo.dir,
    env: {
      ...w.repo.env,
      PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`,
      GITHUB_API_URL: w.server.url,
      GITHUB_REPOSITORY: 'octo-org/hello-world',
      NODE_AUTH_TOKEN: registry.token,
      RUNNER_TEMP: w.temp,
      npm_config_fetch_retries: '0'
    },
    inputs: { 'github-token': TOKEN, publish: 'npm', registry: registry.url, ...inputs },
    event: {
      name: 'push',
      payload: eventPayload('push', (p) => {
        Object.assign(p, { ref: 'refs/heads/main', after: head })
        Object.assign(p.repository as object, { default_branch: 'main' })
      })
    }
  })
}

/** Lines of the step's output that carry the npm token, but for the command that masks it. */
const leaks = (run: ActionRun) =>
  `${run.stdout}\n${run.stderr}\n${run.summary}`.split('\n').filter((l) => l.includes(registry.token) && !l.startsWith('::add-mask::'))

describe('publishing to npm, end to end', () => {
  it('tags, releases and publishes once; a re-run publishes nothing; the token is masked and left nowhere', async () => {
    const w = await world()
    const run = await release(w)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.released).toBe('true')
    expect(JSON.parse(run.outputs.published!)).toEqual([{ name: w.name, version: '1.3.0', registry: registry.url, distTag: 'latest' }])
    expect(run.summary).toContain('### npm')
    expect(run.summary).toContain(`| ${w.name} | 1.3.0 | ${registry.url} | latest (the highest stable version) | published |`)
    expect(run.stdout).toContain(`::add-mask::${registry.token}`)
    expect(leaks(run)).toEqual([])
    expect(readdirSync(w.temp)).toEqual([])
    expect(w.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])

    const again = await release(w)
    expect(again.code).toBe(0)
    expect(again.outputs.published).toBe('[]')
    expect(again.summary).toContain('already published')
    expect(registry.publishes.filter((p) => p === w.name)).toEqual([w.name])
    expect(readdirSync(w.temp)).toEqual([])
  })

  it('a dry run shows the tarball in the summary and warns of a .env, asking the registry only read-only questions', async () => {
    const w = await world({ '.env': 'API_KEY=abc\n' })
    const before = registry.requests.length
    const run = await release(w, { 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(registry.requests.slice(before).every((line) => line.startsWith('GET '))).toBe(true)
    expect(registry.requests.length).toBeGreaterThan(before)
    expect(run.outputs.published).toBe('[]')
    expect(run.summary).toContain('### npm (dry run: nothing was published)')
    expect(run.summary).toMatch(new RegExp(`<details><summary>${w.name}: 3 files, \\d+ B packed`))
    expect(run.summary).toContain('| `.env` |')
    expect(run.stdout).toContain(`::warning::The tarball of ${w.name} holds files that look like secrets: .env (an environment file).`)
  })

  it('a version published from another commit fails the step before the tag, and says so', async () => {
    const first = await world()
    await release(first)
    const w = await world()
    // The same name, released again from another repository's commit.
    writeFileSync(join(w.repo.dir, 'package.json'), `${JSON.stringify({ name: first.name, version: '1.2.3' }, null, 2)}\n`)
    w.repo.git('commit', '-qam', 'chore: rename')
    w.repo.git('push', '-q', 'origin', 'main')
    const run = await release(w)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::${first.name}@1.3.0 is on ${registry.url} already, published from commit`)
    expect(run.outputs.published).toBe('[]')
    expect(w.repo.git('ls-remote', '--tags', 'origin', 'v1.3.0')).toBe('')
    expect(readdirSync(w.temp)).toEqual([])
  })
})
