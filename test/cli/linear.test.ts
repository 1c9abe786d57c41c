import { describe, expect, it } from 'vitest'
import { useRepos } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const repo = useRepos()

// Budgets for a whole run of the built CLI, start-up included: generous for a loaded machine,
// and far below what work worse than linear takes on these inputs (tens of seconds to hours).
const BUDGET_MS = 10_000

async function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const started = performance.now()
  const run = await runCli(args, { cwd, env })
  return { run, ms: performance.now() - started }
}

describe('the CLI on pathological input, within a fixed budget', () => {
  it('a commit subject with 200,000 inner spaces and a megabyte body: plan, notes, a dry run and check', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    const base = r.git('rev-parse', 'HEAD')
    r.commit(`feat: a${' '.repeat(200_000)}b\n\n${'body '.repeat(200_000)}\n\nBREAKING CHANGE: ${' '.repeat(200_000)}x\n`)
    r.addBareOrigin()
    for (const args of [
      ['plan'],
      ['plan', '--notes'],
      ['plan', '--json'],
      ['release', '--dry-run', '--release-branches', 'main'],
      ['check', '--base', base]
    ]) {
      const { run, ms } = await timed(args, r.dir, r.env)
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBeLessThanOrEqual(1)
      expect(ms, args.join(' ')).toBeLessThan(BUDGET_MS)
    }
  })

  it('release-branches with 100,000 commas', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.commit('feat: a')
    const { run, ms } = await timed(['release', '--dry-run', '--release-branches', `${','.repeat(100_000)}main`], r.dir, r.env)
    expect(run.stdout).toContain('a release would')
    expect(ms).toBeLessThan(BUDGET_MS)
  })
})

describe('a reader that stops early', () => {
  it('ends the output, not the command with a crash', async () => {
    const { execFile } = await import('node:child_process')
    const { join } = await import('node:path')
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.commit(`feat!: a\n\nBREAKING CHANGE: ${'word '.repeat(400_000)}\n`)
    const cli = join(import.meta.dirname, '../../dist/cli.js')
    const script = `"${process.execPath}" "${cli}" plan --notes | head -c 10 > /dev/null; echo "status $\{PIPESTATUS[0]}"`
    const out = await new Promise<{ stdout: string; stderr: string }>((done) =>
      execFile('bash', ['-c', script], { cwd: r.dir, env: r.env }, (_, stdout, stderr) => done({ stdout, stderr }))
    )
    expect(out.stdout.trim()).toBe('status 0')
    expect(out.stderr).not.toContain('EPIPE')
  })
})
