import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runnerCommands } from '../support/runner-commands.js'
import { useRepos } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const repo = useRepos()

// Anyone can write a commit message or a pull request title: each line here is a workflow
// command if it reaches the runner as written.
const BREAKING =
  'feat: ##[error]a header ::add-mask::x\n\nBREAKING CHANGE: it breaks\n::add-mask::secret\n  ::stop-commands::tok\r::warning::cr\n\u0085::add-mask::nel\n\u200b::add-mask::zw #\u200b#[error]x\n'
const TITLE = '::add-mask::title ##[group]x'

function hostileRepo() {
  const r = repo()
  r.commit('chore: init')
  r.tag('v1.0.0')
  r.commit(BREAKING)
  r.commit('fix: ::set-output name=x::y')
  r.commit('::error::not conventional')
  r.addBareOrigin()
  return r
}

describe('everything the CLI prints is inert for the runner', () => {
  const runs: [string, string[], Record<string, string>][] = [
    ['plan', ['plan'], {}],
    ['plan --verbose', ['plan', '--verbose'], {}],
    ['plan --notes', ['plan', '--notes'], { GITHUB_REPOSITORY: 'octo-org/hello-world' }],
    ['plan --json', ['plan', '--json'], {}],
    ['release (a dry run away from CI)', ['release', '--release-branches', 'main'], { CI: 'false' }],
    ['release --dry-run in CI', ['release', '--dry-run', '--release-branches', 'main'], { CI: 'true' }],
    ['plan --strict (blocked)', ['plan', '--strict'], {}],
    ['check --title', ['check', '--base', 'v1.0.0', '--title', TITLE], {}],
    ['check --json --title', ['check', '--json', '--base', 'v1.0.0', '--title', TITLE], {}]
  ]
  it.each(runs)('%s', async (_, args, env) => {
    const r = hostileRepo()
    const run = await runCli(args, { cwd: r.dir, env: { ...r.env, ...env } })
    expect(run.stdout.length).toBeGreaterThan(0)
    expect(runnerCommands(run.stdout)).toEqual([])
    expect(runnerCommands(run.stderr)).toEqual([])
    // The words are all still there, for a person and for a script.
    if (args.includes('--json')) expect(JSON.stringify(JSON.parse(run.stdout))).toContain('##[')
    // (check prints Markdown, where the header's brackets are escaped)
    else expect(run.stdout.replaceAll('\uff03', '#').replaceAll('\\', '')).toContain('##[')
  })

  it('lint-commit', async () => {
    const r = hostileRepo()
    const file = join(r.root, 'message')
    writeFileSync(file, '::add-mask::x ##[error]y\n\n::stop-commands::z\n')
    const run = await runCli(['lint-commit', file], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(1)
    expect(run.stderr).not.toBe('')
    expect(runnerCommands(run.stdout + run.stderr)).toEqual([])
  })

  it('a config file whose YAML warns, and one that fails, quote nothing the runner reads or a token', async () => {
    const r = hostileRepo()
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mkdirSync(join(r.dir, '.github'))
    writeFileSync(join(r.dir, '.github/verso.yml'), '::error title=x::injected: !t b\n')
    const warned = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(runnerCommands(warned.stdout + warned.stderr)).toEqual([])
    const token = `ghp_${'A'.repeat(36)}`
    writeFileSync(join(r.dir, '.github/verso.yml'), `tag-prefix: *${token}\n`)
    const failed = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('is not valid YAML')
    expect(failed.stderr).not.toContain(token)
  })

  it('the token in the environment never reaches the output, in any form', async () => {
    const r = hostileRepo()
    const token = 'ghs_0123456789abcdefghijklmnop'
    r.commit(`fix: leaked ${token} and ${Buffer.from(`x-access-token:${token}`).toString('base64')}`)
    const run = await runCli(['plan', '--verbose'], { cwd: r.dir, env: { ...r.env, GITHUB_TOKEN: token } })
    expect(run.stdout).toContain('fix: leaked ***')
    expect(run.stdout + run.stderr).not.toContain(token)
  })

  it('an error message quoting the command line', async () => {
    const r = hostileRepo()
    const run = await runCli(['plan', '--tag-prefix', '::add-mask::x', '--scheme', '##[error]'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(2)
    expect(runnerCommands(run.stderr)).toEqual([])
  })
})
