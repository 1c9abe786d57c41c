import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startGitHubServer } from '../support/github-server.js'
import { useRepos, type TestRepo } from '../support/repo.js'
import { eventPayload, runAction } from '../support/runner.js'

const repo = useRepos()
const TOKEN = 'ghs_test_token_0123456789'
const push = {
  name: 'push',
  payload: eventPayload('push', (p) => {
    Object.assign(p, { ref: 'refs/heads/main' })
    Object.assign(p.repository as object, { default_branch: 'main' })
  })
}

function released(...commits: string[]): TestRepo {
  const r = repo()
  r.commit('chore: init')
  r.tag('v1.0.0')
  r.commits(...commits)
  r.addBareOrigin()
  return r
}

describe('sizes stay within what GitHub takes', () => {
  it('a megabyte title under validate-mode warn: the check passes and its one comment fits', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    const base = r.git('rev-parse', 'HEAD')
    r.git('checkout', '-q', '-b', 'feature')
    const head = r.commit(`feat: ${'h'.repeat(1_000_000)}`)
    const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
    try {
      const run = await runAction({
        cwd: r.dir,
        env: { ...r.env, GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/pull/7/merge' },
        inputs: { 'github-token': TOKEN, 'validate-mode': 'warn' },
        event: {
          name: 'pull_request',
          payload: eventPayload('pull_request', (p) => {
            const pull = p.pull_request as Record<string, Record<string, unknown>>
            Object.assign(p, { number: 7 })
            Object.assign(pull, { number: 7, title: `a title ${'t'.repeat(1_000_000)}` })
            Object.assign(pull.base!, { sha: base, ref: 'main' })
            Object.assign(pull.head!, { sha: head, ref: 'feature' })
          })
        }
      })
      expect(run.code).toBe(0)
      expect(server.state.comments).toHaveLength(1)
      expect(server.state.comments[0]!.body.length).toBeLessThanOrEqual(65_536)
      expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1_048_576)
      // Later steps read the problems; GitHub refuses an output of megabytes.
      expect(run.outputs.problems!.length).toBeLessThan(100_000)
      expect(JSON.parse(run.outputs.problems!).length).toBeGreaterThan(0)
      expect(server.violations).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('a ten-megabyte header makes a summary within 1 MiB and short annotations', async () => {
    const r = released(`feat: ${'x'.repeat(10_000_000)}`, `${'y'.repeat(2_000_000)} not conventional`)
    const run = await runAction({ cwd: r.dir, env: r.env, inputs: { mode: 'plan', strict: 'true' }, event: push })
    expect(run.code).toBe(1)
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1_048_576)
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThan(20_000)
  })
})

describe('bad input: a clear error, every output defined, nothing done', () => {
  it('an empty github-token in release mode fails before anything is pushed', async () => {
    const r = released('feat: a')
    const run = await runAction({ cwd: r.dir, env: r.env, inputs: { mode: 'release', 'github-token': '' }, event: push })
    expect(run.stdout).toContain('github-token is empty, so no GitHub Release could be made: nothing was tagged.')
    expect(run.code).toBe(1)
    expect(r.git('ls-remote', '--tags', 'origin')).not.toContain('v1.1.0')
    expect(run.outputs).toMatchObject({ released: 'false', version: '1.1.0', 'release-id': '' })
  })

  const payloads: [string, string][] = [
    ['invalid JSON', '{"repository": '],
    ['JSON null', 'null'],
    ['a list', '[1, 2]'],
    ['fields of the wrong type', JSON.stringify({ repository: { default_branch: 42 }, pull_request: { number: 'seven', title: null } })]
  ]
  it.each(payloads)('an event payload that is %s', async (_, text) => {
    const r = released('feat: a')
    const path = join(r.root, 'event.json')
    writeFileSync(path, text)
    // As a pull request's check: the payload's pull request is what is read.
    const event = { name: 'pull_request', payload: {} }
    const run = await runAction({ cwd: r.dir, env: { ...r.env, GITHUB_EVENT_PATH: path }, inputs: { mode: 'auto' }, event })
    expect(run.stdout).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m)
    expect(Object.keys(run.outputs)).toContain('released')
    expect(run.outputs.released).toBe('false')
    if (text.startsWith('{"repository": ')) {
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('The event payload at GITHUB_EVENT_PATH cannot be read')
    }
  })

  it('a missing event file', async () => {
    const r = released('feat: a')
    const run = await runAction({ cwd: r.dir, env: { ...r.env, GITHUB_EVENT_PATH: join(r.root, 'nowhere.json') }, inputs: {}, event: push })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('The event payload at GITHUB_EVENT_PATH cannot be read')
    expect(run.outputs.released).toBe('false')
  })
})
