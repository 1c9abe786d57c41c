import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repo = useRepos()

/** `verso …` run in-process, as the built CLI runs it, with what it printed. */
async function verso(r: TestRepo, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: r.dir, env: r.env })
  return { code, stdout, stderr }
}

const SQUASH =
  'Add the export endpoint (#12)\n\n* feat(api): add export\n\n* fix(api): escape names\n\nBREAKING CHANGE: names change\n\n' +
  '* docs: say how\n\n---------\n\nCo-authored-by: Ada <ada@example.com>\n'

/** Released as v1.2.3, then one squash commit of pull request #12. */
function squashed(): { r: TestRepo; sha: string } {
  const r = repo()
  r.commit('chore: init')
  r.tag('v1.2.3')
  return { r, sha: r.commit(SQUASH) }
}

describe('verso plan with merge-style squash', () => {
  it('--json: the squash commit, the commits it was read as, and the footer it ignored', async () => {
    const { r, sha } = squashed()
    const run = await verso(r, 'plan', '--json', '--merge-style', 'squash')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout)
    expect(plan).toMatchObject({ kind: 'release', bump: 'minor', next: { version: '1.3.0', tag: 'v1.3.0' } })
    expect(plan.commits).toHaveLength(1)
    expect(plan.commits[0]).toMatchObject({ sha, header: 'Add the export endpoint (#12)', bump: 'minor', status: 'counted' })
    expect(plan.commits[0].squashed.pullRequest).toBe(12)
    expect(plan.commits[0].squashed.commits.map((c: { header: string; bump: string }) => [c.header, c.bump])).toEqual([
      ['feat(api): add export', 'minor'],
      ['fix(api): escape names', 'patch'],
      ['docs: say how', 'none']
    ])
    expect(plan.commits[0].squashed.ignored).toMatchObject([
      { kind: 'unmarked-bullet', note: 'names change', header: 'fix(api): escape names' }
    ])
  })

  it('the text plan: the reasons, each from the squashed pull request', async () => {
    const { r, sha } = squashed()
    const run = await verso(r, 'plan', '--merge-style', 'squash')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines.slice(0, 2)).toEqual(['v1.2.3 → v1.3.0 (minor)', `minor, because 1 feat commit: ${sha.slice(0, 7)} feat(api): add export`])
    expect(lines).toContain('           minor  * feat(api): add export  (from the squashed pull request #12: default rule `feat: minor`)')
    expect(lines.some((l) => l.startsWith('           note: `BREAKING CHANGE: names change` ignored: '))).toBe(true)
  })

  it('merge-style from .github/verso.yml', async () => {
    const { r } = squashed()
    mkdirSync(join(r.dir, '.github'))
    writeFileSync(join(r.dir, '.github/verso.yml'), 'merge-style: squash\n')
    expect(JSON.parse((await verso(r, 'plan', '--json')).stdout)).toMatchObject({ bump: 'minor' })
  })

  it('strict: the squash commit is no finding', async () => {
    const { r } = squashed()
    const run = await verso(r, 'plan', '--json', '--merge-style', 'squash', '--strict')
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'release', findings: [] })
  })
})

describe('verso plan with the default merge-style', () => {
  it('the same commit is not a Conventional Commit: nothing to release, and the JSON line has no `squashed`', async () => {
    const { r, sha } = squashed()
    const plan = JSON.parse((await verso(r, 'plan', '--json')).stdout)
    expect(plan).toMatchObject({ kind: 'none', reason: 'no-releasable-commits', bump: 'none' })
    expect(plan.commits).toEqual([
      {
        sha,
        header: 'Add the export endpoint (#12)',
        type: null,
        scope: null,
        breaking: false,
        merge: false,
        bump: 'none',
        status: 'ignored',
        reason: 'not a Conventional Commit: the header is not `type(scope)?: description`'
      }
    ])
  })

  it('rebase reads it the same way', async () => {
    const { r } = squashed()
    expect(JSON.parse((await verso(r, 'plan', '--json', '--merge-style', 'rebase')).stdout)).toMatchObject({ kind: 'none' })
  })
})

describe('verso check with merge-style squash', () => {
  it("verso check without a title reads the base's squash commits as the commits they list, and lands the branch commits", async () => {
    const { r } = squashed()
    r.git('checkout', '-q', '-b', 'feature')
    r.commit('fix: a small thing')
    const run = await verso(r, 'check', '--base', 'main', '--merge-style', 'squash', '--json')
    expect(run.stderr).toBe('')
    const out = JSON.parse(run.stdout)
    expect(out).toMatchObject({ valid: true, plan: { bump: 'minor', next: { version: '1.3.0' } } })
    expect(out.plan.commits.map((c: { header: string; squashed?: unknown }) => [c.header, c.squashed !== undefined])).toEqual([
      ['fix: a small thing', false],
      ['Add the export endpoint (#12)', true]
    ])
  })
})
