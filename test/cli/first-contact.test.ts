import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRepos } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const repo = useRepos()

describe('first contact with the built CLI', () => {
  it('verso help plan lists every option with its default and input; verso plan --help says the same', async () => {
    const r = repo()
    const help = await runCli(['help', 'plan'], { cwd: r.dir, env: r.env })
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/--tag-prefix <value> +what comes before the version[^[]*\[default: v; input: tag-prefix\]/)
    expect(help.stdout).toMatch(/--json +print the result as JSON/)
    expect((await runCli(['plan', '--help'], { cwd: r.dir, env: r.env })).stdout).toBe(help.stdout)
  })

  it('a misspelt flag or command says what was meant, with exit status 2', async () => {
    const r = repo()
    const flag = await runCli(['plan', '--tag-prefx', 'v'], { cwd: r.dir, env: r.env })
    expect(flag).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown option `--tag-prefx`. Did you mean `--tag-prefix`?') })
    const command = await runCli(['relase'], { cwd: r.dir, env: r.env })
    expect(command).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command `relase`. Did you mean `release`?') })
    const token = await runCli(['release', '--github-token', 'ghp_secret_value'], { cwd: r.dir, env: r.env })
    expect(token.code).toBe(2)
    expect(token.stderr).toContain('The token is never a flag')
    expect(token.stderr).not.toContain('ghp_secret_value')
  })

  it('a wildcard rule releases a patch for a type no other rule names', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.commit('refactor: tidy')
    const run = await runCli(['plan', '--release-rules', '*: patch'], { cwd: r.dir, env: r.env })
    expect(run.stdout).toContain('v1.0.0 → v1.0.1 (patch)')
  })

  it('an unquoted release rule in .github/verso.yml is named, with the quoting to write', async () => {
    const r = repo()
    mkdirSync(join(r.dir, '.github'))
    writeFileSync(join(r.dir, '.github/verso.yml'), 'release-rules:\n  - refactor: patch\n')
    r.commit('chore: init')
    const run = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      '`release-rules` item 1, `refactor: patch`, was read by YAML as a mapping, not as text: quote it, `- "refactor: patch"`.'
    )
  })
})

describe("GitHub's revert header through the built CLI", () => {
  it('Revert "feat: x" (#123) cancels the feature in plan, and lint-commit takes it', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.commit('feat: x (#12)')
    r.commit('fix: y')
    r.commit('Revert "feat: x" (#123)\n\nReverts octo-org/repo#12\n')
    const run = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(run.stdout).toContain('v1.0.0 → v1.0.1 (patch)')
    writeFileSync(join(r.dir, 'MSG'), 'Revert "feat: x" (#123)\n')
    const lint = await runCli(['lint-commit', 'MSG'], { cwd: r.dir, env: r.env })
    expect(lint).toMatchObject({ code: 0, stderr: '' })
  })
})

describe('verso migrate through the built CLI', () => {
  it('prints the .github/verso.yml a .releaserc comes to, which verso then reads, and what it cannot carry over', async () => {
    const r = repo()
    writeFileSync(
      join(r.dir, '.releaserc.json'),
      JSON.stringify({
        branches: ['main', { name: 'beta', prerelease: true }],
        plugins: ['@semantic-release/commit-analyzer', '@semantic-release/npm']
      })
    )
    r.commit('chore: init')
    const run = await runCli(['migrate'], { cwd: r.dir, env: r.env })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('# .github/verso.yml, from .releaserc.json')
    expect(run.stdout).toContain('  - name: beta\n    prerelease: true')
    expect(run.stdout).toContain('Not carried over:\n  - @semantic-release/npm: publishing to npm')
    const json = JSON.parse((await runCli(['migrate', '--json'], { cwd: r.dir, env: r.env })).stdout)
    mkdirSync(join(r.dir, '.github'))
    writeFileSync(join(r.dir, '.github/verso.yml'), json.config)
    r.commit('feat: x')
    const plan = await runCli(['plan', '--release-branches', 'main'], { cwd: r.dir, env: r.env })
    expect(plan.code).toBe(0)
    expect(plan.stdout).toContain('→ v1.0.0')
  })
})

describe('verso migrate and rollback, the edges', () => {
  it('migrate works from a subfolder and with a broken .github/verso.yml', async () => {
    const r = repo()
    writeFileSync(join(r.dir, '.releaserc.json'), JSON.stringify({ branches: ['main'] }))
    mkdirSync(join(r.dir, '.github'))
    writeFileSync(join(r.dir, '.github/verso.yml'), 'release-rules:\n  - docs: patch\n')
    mkdirSync(join(r.dir, 'sub'))
    r.commit('chore: init')
    const run = await runCli(['migrate'], { cwd: join(r.dir, 'sub'), env: r.env })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('# .github/verso.yml, from .releaserc.json')
  })

  it('rollback without --to says what to write', async () => {
    const r = repo()
    r.commit('chore: init')
    const run = await runCli(['rollback'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('verso rollback needs the version to make the latest release again.')
    })
    expect(run.stderr).toContain('verso rollback --to 2.0.3')
  })
})

describe('plan --json --notes', () => {
  it('is refused, saying which to give, rather than dropping the notes', async () => {
    const r = repo()
    r.commit('feat: x')
    const run = await runCli(['plan', '--json', '--notes'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stdout: '' })
    expect(run.stderr).toContain('--notes prints the release notes after the plan as text, and --json prints only JSON.')
  })
})
