import { describe, expect, it } from 'vitest'
import { runCli } from '../support/runner.js'
import { useRepos } from '../support/repo.js'

const repo = useRepos()

describe('verso plan (the built CLI)', () => {
  it('--json: v1.2.3 + fix + feat(x) → 1.3.0, minor, both commits explained', async () => {
    const r = repo()
    const init = r.commit('chore: init')
    r.tag('v1.2.3')
    const [fix, feat] = r.commits('fix: a', 'feat(x): b')
    const run = await runCli(['plan', '--json'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout)
    expect(plan).toMatchObject({
      kind: 'release',
      bump: 'minor',
      previous: { version: '1.2.3', tag: 'v1.2.3', sha: init },
      next: { version: '1.3.0', tag: 'v1.3.0' }
    })
    expect(plan.commits).toEqual([
      {
        sha: feat,
        header: 'feat(x): b',
        type: 'feat',
        scope: 'x',
        breaking: false,
        merge: false,
        bump: 'minor',
        status: 'counted',
        reason: 'default rule `feat: minor`'
      },
      {
        sha: fix,
        header: 'fix: a',
        type: 'fix',
        scope: null,
        breaking: false,
        merge: false,
        bump: 'patch',
        status: 'counted',
        reason: 'default rule `fix: patch`'
      }
    ])
  })

  it('--json: v0.4.0 + feat!: next 0.5.0, bump minor, held there by the 0.y.z rule', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v0.4.0')
    const breaking = r.commit('feat!: x')
    const run = await runCli(['plan', '--json'], { cwd: r.dir, env: r.env })
    const plan = JSON.parse(run.stdout)
    expect(plan).toMatchObject({ kind: 'release', bump: 'minor', next: { version: '0.5.0', tag: 'v0.5.0' } })
    expect(plan.reasons).toEqual([{ kind: 'held-by-major-zero', commits: [breaking] }])
    expect(plan.notes).toEqual([expect.stringContaining('major is 0, so a breaking change bumps the minor (SemVer §4)')])
    expect(plan.commits[0]).toMatchObject({ sha: breaking, bump: 'major', breaking: true })
    const text = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      'v0.4.0 → v0.5.0 (minor)',
      `minor, because 1 breaking commit: ${breaking!.slice(0, 7)} feat!: x`
    ])
  })

  it('prints a short explanation for a person', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.2.3')
    r.commits('fix: a', 'feat(x): b', 'docs: c')
    const run = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'v1.2.3 → v1.3.0 (minor)',
      expect.stringMatching(/^minor, because 1 feat commit: [0-9a-f]{7} feat\(x\): b; 1 commit released nothing$/)
    ])
  })

  it('takes the action input names as flags', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('2024.1.0')
    r.commit('docs(readme): a')
    const run = await runCli(['plan', '--json', '--tag-prefix', '', '--release-rules', 'docs(readme): patch'], { cwd: r.dir, env: r.env })
    expect(JSON.parse(run.stdout).next).toEqual({ version: '2024.1.1', tag: '2024.1.1' })
  })

  it('exits 0 when there is nothing to release', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('v1.0.0')
    const run = await runCli(['plan', '--json'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'none', reason: 'no-commits', next: null })
  })

  it('exits 2 on a bad flag or configuration, saying what is wrong', async () => {
    const r = repo()
    r.commit('feat: a')
    expect(await runCli(['plan', '--no-such-flag'], { cwd: r.dir, env: r.env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option `--no-such-flag`')
    })
    expect(await runCli(['plan', '--major-zero-breaking', 'maybe'], { cwd: r.dir, env: r.env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('`major-zero-breaking: maybe` must be one of: minor, major.')
    })
    expect(await runCli(['deploy'], { cwd: r.dir, env: r.env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown command `deploy`')
    })
  })

  it('exits 1 outside a repository', async () => {
    const r = repo()
    const run = await runCli(['plan'], { cwd: r.root, env: r.env })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('is not inside a git repository')
  })
})

describe('verso check and verso lint-commit (the built CLI)', () => {
  it('check --base: validates the branch and predicts the merge', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.3.0')
    r.git('checkout', '-q', '-b', 'feature')
    r.commits('feat(api): add export', 'Update stuff')
    const run = await runCli(['check', '--base', 'main'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('merging this releases v1.4.0 (minor)')
    expect(run.stdout).not.toContain(':x:')
    expect(run.stdout).toContain('"Update stuff"')
    expect(run.stdout).toContain('Write it as')
    const json = await runCli(['check', '--base', 'main', '--json', '--title', 'feat!: new API', '--merge-style', 'squash'], {
      cwd: r.dir,
      env: r.env
    })
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, plan: { next: { version: '2.0.0' } } })
  })

  it('check --base predicts from the release the base reaches, not the branch', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'feature')
    r.commit('fix: on the branch')
    r.git('checkout', '-q', 'main')
    r.commit('feat: on main')
    r.tag('v1.1.0')
    r.git('checkout', '-q', 'feature')
    const run = await runCli(['check', '--base', 'main'], { cwd: r.dir, env: r.env })
    expect(run.stdout).toContain('merging this releases v1.1.1 (patch)')
  })

  it("check lists at most 50 problems of a kind, so a comment stays within GitHub's limit", async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.git('checkout', '-q', '-b', 'feature')
    for (let i = 0; i < 60; i++) r.commit(`wip ${i}`)
    r.commit('fix: done')
    const run = await runCli(['check', '--base', 'main', '--strict'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(1)
    expect(run.stdout.match(/… and 10 more/g)).toHaveLength(2)
  })

  it('check --base names a missing base', async () => {
    const r = repo()
    r.commit('chore: init')
    const run = await runCli(['check', '--base', 'nope'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('--base nope is not a branch or commit here') })
  })

  it('check without --base checks against the default branch the clone recorded (origin/HEAD)', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.git('branch', '-m', 'trunk')
    r.addBareOrigin()
    r.git('fetch', '-q', 'origin')
    r.git('remote', 'set-head', 'origin', 'trunk')
    r.git('checkout', '-q', '-b', 'feature')
    r.commit('feat: on the branch')
    const run = await runCli(['check', '--json'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).plan).toMatchObject({ kind: 'release', next: { version: '1.1.0' } })
  })

  it('check outside a repository says so, and does not blame --base', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(`${tmpdir()}/verso-not-a-repo-`)
    const run = await runCli(['check'], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } })
    expect(run.stderr).toContain('is not inside a git repository')
    expect(run.stderr).not.toContain('--base')
  })

  it('--version and -V print the version of the package', async () => {
    const { version } = JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8')) as { version: string }
    for (const flag of ['--version', '-V']) {
      const run = await runCli([flag], { cwd: process.cwd(), env: {} })
      expect(run).toMatchObject({ code: 0, stdout: `verso ${version}\n` })
    }
  })

  it('lint-commit: a file or standard input; exit 1 with the explanation', async () => {
    const r = repo()
    r.commit('chore: init')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(`${r.dir}/MSG`, 'feat(api): add export\n\n# Please enter the commit message\n')
    expect(await runCli(['lint-commit', 'MSG'], { cwd: r.dir, env: r.env })).toMatchObject({ code: 0, stderr: '' })
    writeFileSync(`${r.dir}/MSG`, 'feature: add export\n')
    const bad = await runCli(['lint-commit', 'MSG'], { cwd: r.dir, env: r.env })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('feat: add export')
  })

  it('lint-commit works as a real commit-msg hook', async () => {
    const r = repo()
    r.commit('chore: init')
    const { writeFileSync, chmodSync } = await import('node:fs')
    const { join } = await import('node:path')
    const hook = join(r.dir, '.git/hooks/commit-msg')
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${join(import.meta.dirname, '../../dist/cli.js')}" lint-commit "$1"\n`)
    chmodSync(hook, 0o755)
    expect(() => r.git('commit', '--allow-empty', '-q', '-m', 'Update stuff')).toThrow(/not a Conventional Commit/)
    r.git('commit', '--allow-empty', '-q', '-m', 'fix: update stuff')
    expect(r.git('log', '-1', '--format=%s')).toBe('fix: update stuff')
  })
})

describe('verso plan --notes', () => {
  it('prints the release notes after the plan', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.2.3')
    r.commits('fix: a (#12)', 'feat(x): b')
    const run = await runCli(['plan', '--notes'], { cwd: r.dir, env: { ...r.env, GITHUB_REPOSITORY: 'octo-org/hello-world' } })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('## [v1.3.0](https://github.com/octo-org/hello-world/compare/v1.2.3...v1.3.0)')
    expect(run.stdout).toContain('### Features')
    expect(run.stdout).toContain('[#12](https://github.com/octo-org/hello-world/issues/12)')
  })
})

describe('verso release (the built CLI)', () => {
  function released() {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.2.3')
    r.commit('feat: a')
    r.addBareOrigin()
    return r
  }
  const env = (r: ReturnType<typeof repo>, ci: boolean) => ({ ...r.env, CI: ci ? 'true' : 'false' })

  it('away from CI it is a dry run that says what a release would do', async () => {
    const r = released()
    const run = await runCli(['release', '--release-branches', 'main'], { cwd: r.dir, env: env(r, false) })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Dry run (not in CI; --no-dry-run releases)')
    expect(run.stdout).toContain('push an annotated tag v1.3.0')
    expect(r.git('ls-remote', '--tags', 'origin')).not.toContain('v1.3.0')
  })

  it('releases only from a release branch', async () => {
    const r = released()
    r.git('checkout', '-q', '-b', 'feature')
    const run = await runCli(['release', '--no-dry-run', '--release-branches', 'main'], { cwd: r.dir, env: env(r, false) })
    expect(run.stdout).toContain('Nothing released: feature is not a release branch (release-branches: main)')
    expect(r.git('ls-remote', '--tags', 'origin')).not.toContain('v1.3.0')
  })

  it('in CI with a detached checkout it takes the branch from GITHUB_REF and the default from the remote', async () => {
    const r = released()
    r.git('checkout', '-q', '--detach')
    const run = await runCli(['release'], { cwd: r.dir, env: { ...env(r, true), GITHUB_REF: 'refs/heads/main' } })
    expect(run.code).toBe(0)
    expect(r.git('ls-remote', '--tags', 'origin')).toContain('refs/tags/v1.3.0')
  })

  it('in CI a branch it cannot tell is an error, not a quiet skip', async () => {
    const r = released()
    r.git('checkout', '-q', '--detach')
    const run = await runCli(['release', '--release-branches', 'main'], { cwd: r.dir, env: env(r, true) })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('HEAD is not on a branch')
  })

  it('in CI on a release branch it tags and pushes (and says when there is no token for the GitHub Release)', async () => {
    const r = released()
    const run = await runCli(['release', '--release-branches', 'main'], { cwd: r.dir, env: env(r, true) })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('no GitHub Release will be created, only the tag')
    expect(r.git('ls-remote', '--tags', 'origin')).toContain('refs/tags/v1.3.0')
  })
})

describe('errors a user can act on', () => {
  it('a missing working directory is named as such, not as a missing git', async () => {
    const r = repo()
    r.commit('chore: init')
    const run = await runCli(['plan', '--working-directory', 'nope'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('nope does not exist') })
  })

  it('a missing message file for lint-commit', async () => {
    const r = repo()
    r.commit('chore: init')
    const run = await runCli(['lint-commit', 'nofile'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot read the message file nofile (ENOENT)') })
  })

  it('working-directory cannot be set from inside the config file', async () => {
    const r = repo()
    r.commit('chore: init')
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mkdirSync(`${r.dir}/.github`)
    writeFileSync(`${r.dir}/.github/verso.yml`, 'working-directory: sub\n')
    const run = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('`working-directory` cannot be set in the config file') })
  })
})
