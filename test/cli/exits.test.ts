import { describe, expect, it } from 'vitest'
import { unsupportedNode } from '../../src/cli/node-version.js'
import { useRepos } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const repo = useRepos()

describe('the CLI exits', () => {
  // A run that wrote its output and then hung would stop this test at its timeout.
  it('plan --json, many times in a row, each run ending with its status', async () => {
    expect(unsupportedNode(process.versions.node)).toBe(null)
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    for (let i = 0; i < 30; i++) r.commit(`feat: change ${i}`)
    for (let i = 0; i < 25; i++) {
      const run = await runCli(['plan', '--json'], { cwd: r.dir, env: r.env })
      expect(run.code, `run ${i}`).toBe(0)
      expect(JSON.parse(run.stdout).next.version).toBe('1.1.0')
    }
  }, 60_000)
})
