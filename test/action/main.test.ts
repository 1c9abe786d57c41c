import { describe, expect, it } from 'vitest'
import { eventPayload, runAction } from '../support/runner.js'
import { TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

function push(r: TestRepo) {
  const head = r.git('rev-parse', 'HEAD')
  return {
    name: 'push',
    payload: eventPayload('push', (p) => {
      p.ref = 'refs/heads/main'
      p.after = head
      ;(p.repository as Record<string, unknown>).default_branch = 'main'
    })
  }
}

describe('the action, run as the runner runs it', () => {
  it('v1.2.3 + fix + feat(x): outputs 1.3.0 minor and a summary that explains both commits', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.2.3')
    const [fix, feat] = r.commits('fix: a', 'feat(x): b')
    const run = await runAction({ cwd: r.dir, env: r.env, inputs: { mode: 'plan' }, event: push(r) })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.notes).toContain('### Features')
    expect({ ...run.outputs, notes: '' }).toEqual({
      version: '1.3.0',
      'version-core': '1.3.0',
      'build-metadata': '',
      snapshot: 'false',
      'previous-version': '1.2.3',
      tag: 'v1.3.0',
      'previous-tag': 'v1.2.3',
      bump: 'minor',
      released: 'false',
      major: '1',
      minor: '3',
      patch: '0',
      prerelease: '',
      'image-status': '',
      'image-required-bump': '',
      sha: '',
      'release-id': '',
      'release-url': '',
      notes: '',
      valid: '',
      problems: '[]',
      releases: '[]',
      'released-packages': '[]',
      artifacts: '[]',
      published: '[]',
      'pull-request-number': '',
      'pull-request-url': ''
    })
    expect(run.summary).toContain('v1.2.3 → v1.3.0 (minor)')
    expect(run.summary).toContain(`| \`${feat!.slice(0, 7)}\` | minor | feat(x): b | default rule \`feat: minor\` |`)
    expect(run.summary).toContain(`| \`${fix!.slice(0, 7)}\` | patch | fix: a | default rule \`fix: patch\` |`)
  })

  it('v0.4.0 + feat!: the bump output is minor, the part that changes, and the summary says why', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v0.4.0')
    r.commit('feat!: x')
    const run = await runAction({ cwd: r.dir, env: r.env, inputs: { mode: 'plan' }, event: push(r) })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ version: '0.5.0', bump: 'minor', major: '0', minor: '5' })
    expect(run.summary).toContain('v0.4.0 → v0.5.0 (minor)')
    expect(run.summary).toContain('major is 0, so a breaking change bumps the minor (SemVer §4)')
  })

  it('an explicitly empty input is given; one equal to its default defers to the config file', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('rel-1.0.0')
    r.tag('2.0.0')
    r.commit('fix: a')
    r.git('config', 'core.autocrlf', 'false')
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mkdirSync(`${r.dir}/.github`)
    writeFileSync(`${r.dir}/.github/verso.yml`, 'tag-prefix: rel-\n')
    expect((await runAction({ cwd: r.dir, env: r.env, inputs: { mode: 'plan' }, event: push(r) })).outputs.tag).toBe('rel-1.0.1')
    expect((await runAction({ cwd: r.dir, env: r.env, inputs: { mode: 'plan', 'tag-prefix': '' }, event: push(r) })).outputs.tag).toBe(
      '2.0.1'
    )
  })

  it('fails the step with an actionable message, and leaves every output defined', async () => {
    const r = repo()
    r.commit('feat: a')
    const run = await runAction({ cwd: r.dir, env: r.env, inputs: { 'release-rules': 'docs => patch', bump: 'huge' }, event: push(r) })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::The configuration has 2 problem(s):')
    expect(run.stdout).toContain('release-rules line 1')
    expect(run.outputs).toMatchObject({ released: 'false', bump: 'none', version: '' })
    expect(run.summary).toContain('## verso failed')
    expect(run.summary).toContain('release-rules line 1')
  })

  it('fails the step when the plan is blocked', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.0.0')
    r.commit('wip')
    r.commit('fix: b')
    const run = await runAction({ cwd: r.dir, env: r.env, inputs: { strict: 'true' }, event: push(r) })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::[0-9a-f]{7} "wip" is not a Conventional Commit/)
  })
})
