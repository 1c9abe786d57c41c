import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRepos } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const repo = useRepos()

describe('verso plan with Python-style calendar versions (the built CLI)', () => {
  it('reads the format from bumpver in pyproject.toml, and makes a post-release with --bump post', async () => {
    const r = repo()
    writeFileSync(join(r.dir, 'pyproject.toml'), '[tool.bumpver]\nversion_pattern = "YY.MINOR[PYTAGNUM]"\n')
    r.git('add', '.')
    r.commit('chore: init')
    r.tag('24.3')
    r.commit('docs: a')
    const env = { ...r.env, SOURCE_DATE_EPOCH: '1714564800' }
    const post = await runCli(['plan', '--scheme', 'calver', '--bump', 'post'], { cwd: r.dir, env })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('24.3 → 24.3.post1')
    expect(post.stdout).toContain(
      "note: calver-format YY.MINOR (with version-style: pep440, tag-prefix: '') from bumpver's version_pattern YY.MINOR[PYTAGNUM] in pyproject.toml"
    )
    const json = JSON.parse(
      (await runCli(['plan', '--json', '--scheme', 'calver', '--prerelease', 'beta', '--bump', 'minor'], { cwd: r.dir, env })).stdout
    )
    expect(json.next).toMatchObject({ version: '24.4b0', tag: '24.4b0' })
  })

  it('optional counters, a taken tag and calver-final through the flags', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v2022.07.3')
    r.commit('feat: a')
    r.git('checkout', '-q', '-b', 'rc')
    r.commit('fix: b')
    r.tag('v2022.08.0rc1')
    r.git('checkout', '-q', 'main')
    const env = {
      ...r.env,
      SOURCE_DATE_EPOCH: String(Date.UTC(2022, 8, 2) / 1000)
    }
    const base = ['plan', '--scheme', 'calver', '--calver-format', 'YYYY.0M[.MICRO]', '--version-style', 'pep440']
    const kept = await runCli([...base, '--calver-final', 'prerelease-period'], { cwd: r.dir, env })
    expect(kept.stdout).toContain('v2022.07.3 → v2022.08')
    expect(kept.stdout).toContain(
      'note: calver-final is prerelease-period: the release keeps the period 2022.08 of its prerelease 2022.08rc1'
    )
    const dated = await runCli(base, { cwd: r.dir, env })
    expect(dated.stdout).toContain('v2022.07.3 → v2022.09')
    r.tag('v2022.09', { at: r.git('rev-parse', 'rc') })
    const taken = await runCli(base, { cwd: r.dir, env })
    expect(taken.stdout).toContain('v2022.07.3 → v2022.09.1')
    expect(taken.stdout).toContain('note: 2022.09 is tagged already, outside this history')
  })

  it('a clock past the year 9999 is an error that names the date and how to set it', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v2024.02.1')
    r.commit('fix: a')
    const run = await runCli(['plan', '--scheme', 'calver', '--calver-format', 'YYYY.0M.MICRO'], {
      cwd: r.dir,
      env: { ...r.env, SOURCE_DATE_EPOCH: '253402300800' }
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('verso: The release date +010000-01-01 is in the year 10000, past 9999')
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH')
    expect(run.stderr).toContain('--date YYYY-MM-DD')
  })

  it('--version-style pep440 --bump post needs a release, and --bump post needs pep440', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.4.0')
    r.commit('docs: a')
    const post = await runCli(['plan', '--version-style', 'pep440', '--bump', 'post'], { cwd: r.dir, env: r.env })
    expect(post.stdout).toContain('v1.4.0 → v1.4.0.post1')
    const refused = await runCli(['plan', '--bump', 'post'], {
      cwd: r.dir,
      env: r.env
    })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('`bump: post` makes a PEP 440 post-release (1.4.0.post1, 24.1.post1): set `version-style: pep440`.')
  })
})
