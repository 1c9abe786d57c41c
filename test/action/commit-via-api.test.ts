import { execFileSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer } from '../support/github-server.js'
import { TestRepo } from '../support/repo.js'
import { eventPayload, runAction } from '../support/runner.js'

const TOKEN = 'ghs_test_token_0123456789'
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe('commit-via: api, end to end', () => {
  it('the built action commits the version file through the API to a main that refuses pushes, tags it and releases it', async () => {
    const repo = TestRepo.create()
    cleanups.push(() => repo.remove())
    writeFileSync(join(repo.dir, 'package.json'), '{\n  "name": "app",\n  "version": "1.2.3"\n}\n')
    repo.git('add', '-A')
    repo.commit('chore: init')
    repo.tag('v1.2.3', { annotated: true })
    const head = repo.commit('feat: b')
    const origin = repo.addBareOrigin()
    // The protection: no push reaches main; only GitHub's API (the local server, writing into the origin) moves it.
    writeFileSync(
      join(origin, 'hooks', 'pre-receive'),
      '#!/bin/sh\ngrep -q " refs/heads/main$" && { echo "main is protected" >&2; exit 1; }\nexit 0\n'
    )
    chmodSync(join(origin, 'hooks', 'pre-receive'), 0o755)
    const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN, gitData: { gitDir: origin } })
    cleanups.push(() => server.close())

    const run = await runAction({
      cwd: repo.dir,
      env: { ...repo.env, GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/heads/main' },
      inputs: { 'github-token': TOKEN, 'version-files': 'package.json', 'commit-via': 'api' },
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
    const onOrigin = (...args: string[]) => execFileSync('git', ['--git-dir', origin, ...args], { encoding: 'utf8' }).trim()
    const tip = onOrigin('rev-parse', 'refs/heads/main')
    expect(onOrigin('log', '-1', '--format=%P|%ce|%s', tip)).toBe(`${head}|noreply@github.com|chore(release): v1.3.0`)
    expect(onOrigin('show', `${tip}:package.json`)).toContain('"version": "1.3.0"')
    expect(onOrigin('cat-file', '-t', 'refs/tags/v1.3.0')).toBe('tag')
    expect(onOrigin('rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(tip)
    expect(run.outputs).toMatchObject({ released: 'true', tag: 'v1.3.0', sha: tip })
    expect(server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(server.requests.filter((r) => r.route?.includes('/git/')).map((r) => `${r.route} ${r.status}`)).toEqual([
      'POST /repos/{owner}/{repo}/git/trees 201',
      'POST /repos/{owner}/{repo}/git/commits 201',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref} 200',
      'POST /repos/{owner}/{repo}/git/tags 201',
      'POST /repos/{owner}/{repo}/git/refs 201'
    ])
    expect(server.violations).toEqual([])
  })
})
