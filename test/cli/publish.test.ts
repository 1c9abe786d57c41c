import { writeFileSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRegistry, type TestRegistry } from '../support/registry.js'
import { useRepos, type TestRepo } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const repo = useRepos()
// The npm the CLI finds on the PATH: the project's own, on the project's Node.js.
const BIN = resolve(import.meta.dirname, '../../node_modules/.bin')

let registry: TestRegistry
beforeAll(async () => {
  registry = await startRegistry()
}, 60_000)
afterAll(async () => {
  await registry?.close()
})

let count = 0
function world(): { r: TestRepo; name: string } {
  const r = repo()
  const name = `cli-${process.pid}-${++count}`
  writeFileSync(join(r.dir, 'package.json'), `${JSON.stringify({ name, version: '1.2.3' }, null, 2)}\n`)
  r.git('add', '-A')
  r.commit('chore: init')
  r.tag('v1.2.3', { annotated: true })
  r.commit('fix: a')
  r.addBareOrigin()
  return { r, name }
}

const env = (r: TestRepo, token: string) => ({
  ...r.env,
  PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}`,
  GITHUB_REF: 'refs/heads/main',
  NODE_AUTH_TOKEN: token,
  npm_config_fetch_retries: '0'
})

describe('verso release --publish npm (the built CLI)', () => {
  it('away from CI, a dry run: what it would publish, asking the registry only read-only questions', async () => {
    const { r, name } = world()
    const before = registry.requests.length
    const run = await runCli(['release', '--publish', 'npm', '--registry', registry.url], { cwd: r.dir, env: env(r, registry.token) })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      `npm: would publish ${name}@1.2.4 to ${registry.url} (dist-tag latest: the highest stable version), 1 file,`
    )
    const asked = registry.requests.slice(before)
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.every((line) => line.startsWith('GET '))).toBe(true)
  })

  it('--no-dry-run publishes it, and prints the token nowhere', async () => {
    const { r, name } = world()
    const run = await runCli(['release', '--publish', 'npm', '--registry', registry.url, '--no-dry-run'], {
      cwd: r.dir,
      env: env(r, registry.token)
    })
    expect(run.stderr).toContain('no GitHub Release will be created, only the tag')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`npm: published ${name}@1.2.4 to ${registry.url} (dist-tag latest: the highest stable version)`)
    expect(registry.publishes).toContain(name)
    expect(`${run.stdout}${run.stderr}`).not.toContain(registry.token)
  })
})
