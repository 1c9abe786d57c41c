import { describe, expect, it } from 'vitest'
import { startGitHubServer } from '../support/github-server.js'
import { useRepos } from '../support/repo.js'
import { foreignCommands } from '../support/runner-commands.js'
import { eventPayload, runAction } from '../support/runner.js'

const repo = useRepos()
const TOKEN = 'ghs_test_token_0123456789'

// Each line is a workflow command if it reaches the runner as written.
const BREAKING =
  'feat: ##[error]a header ::add-mask::x\n\nBREAKING CHANGE: it breaks\n::add-mask::secret\n  ::stop-commands::tok\r::warning::cr\n\u0085::add-mask::nel\n\u200b::add-mask::zw #\u200b#[error]x\n'

describe('the action prints only the commands it means', () => {
  it('plan and release: hostile commits and a blocked release', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.commits(BREAKING, 'fix: ::set-output name=x::y', '::error::not conventional ##[error]x')
    r.addBareOrigin()
    const push = { name: 'push', payload: eventPayload('push', (p) => Object.assign(p, { ref: 'refs/heads/main' })) }
    for (const inputs of [{ mode: 'plan' }, { mode: 'release', 'dry-run': 'true' }, { mode: 'plan', strict: 'true' }]) {
      const run = await runAction({ cwd: r.dir, env: r.env, inputs, event: push })
      expect(foreignCommands(run.stdout, '${{ github.token }}'), JSON.stringify(inputs)).toEqual([])
      expect(foreignCommands(run.stderr)).toEqual([])
    }
  })

  it('a pull request check: a hostile title and commits, annotations included', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    const base = r.git('rev-parse', 'HEAD')
    r.git('checkout', '-q', '-b', 'feature')
    r.commits(BREAKING, '::warning::not conventional either')
    const head = r.git('rev-parse', 'HEAD')
    const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
    try {
      const run = await runAction({
        cwd: r.dir,
        env: { ...r.env, GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/pull/7/merge' },
        inputs: { 'github-token': TOKEN },
        event: {
          name: 'pull_request',
          payload: eventPayload('pull_request', (p) => {
            const pull = p.pull_request as Record<string, Record<string, unknown>>
            Object.assign(p, { number: 7 })
            Object.assign(pull, { number: 7, title: '::add-mask::title ##[group]x' })
            Object.assign(pull.base!, { sha: base, ref: 'main' })
            Object.assign(pull.head!, { sha: head, ref: 'feature' })
          })
        }
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('::error')
      expect(foreignCommands(run.stdout, TOKEN)).toEqual([])
      expect(foreignCommands(run.stderr)).toEqual([])
    } finally {
      await server.close()
    }
  })
})
