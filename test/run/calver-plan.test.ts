import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { describeError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import { createGather } from '../../src/run/gather.js'
import { planRelease } from '../../src/run/plan.js'
import { TestRepo, useRepos } from '../support/repo.js'
import { eventPayload, runAction, runCli } from '../support/runner.js'

const repo = useRepos()
const calver = (format: string, extra: RawOptions = {}): RawOptions => ({
  scheme: 'calver',
  'calver-format': format,
  'tag-prefix': '',
  ...extra
})
async function plan(r: TestRepo, options: RawOptions, day: string) {
  const config = resolveConfig(options)
  return (await planRelease(createGather(createGit(r.dir, r.env), config), config, new Date(`${day}T12:00:00Z`))).plan
}

describe('CalVer plans from real repositories', () => {
  it('YYYY.0M.MICRO: 2024.02.1 + fix → 2024.02.2 in February, 2024.03.0 in March (CLI)', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('2024.02.1')
    r.commit('fix: b')
    const args = ['plan', '--json', '--scheme', 'calver', '--calver-format', 'YYYY.0M.MICRO', '--tag-prefix', '']
    const feb = await runCli([...args, '--date', '2024-02-20'], { cwd: r.dir, env: r.env })
    expect(feb.stderr).toBe('')
    expect(JSON.parse(feb.stdout)).toMatchObject({
      kind: 'release',
      scheme: 'calver',
      previous: { version: '2024.02.1' },
      next: { version: '2024.02.2', tag: '2024.02.2' }
    })
    const mar = await runCli([...args, '--date', '2024-03-01'], { cwd: r.dir, env: r.env })
    expect(JSON.parse(mar.stdout).next).toEqual({ version: '2024.03.0', tag: '2024.03.0' })
    expect(JSON.parse(mar.stdout).notes.join('\n')).toContain('not a SemVer version')
  })

  it('the action gives the same through its inputs and SOURCE_DATE_EPOCH', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('2024.02.1')
    r.commit('fix: b')
    const head = r.git('rev-parse', 'HEAD')
    const run = await runAction({
      cwd: r.dir,
      env: { ...r.env, SOURCE_DATE_EPOCH: String(Date.UTC(2024, 1, 20) / 1000) },
      inputs: { mode: 'plan', scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO', 'tag-prefix': '' },
      event: { name: 'push', payload: eventPayload('push', (p) => Object.assign(p, { ref: 'refs/heads/main', after: head })) }
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ version: '2024.02.2', tag: '2024.02.2', 'previous-version': '2024.02.1', bump: 'patch' })
    // Not SemVer (a leading zero): its parts are not handed out as major/minor/patch.
    expect(run.outputs.major).toBe('')
  })

  it('the last release is the highest by CalVer order, and other tags are ignored', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('2024.9.5')
    r.commit('fix: b')
    r.tag('2024.10.0')
    r.tag('v1.2.3')
    r.tag('2024.09.1')
    r.commit('fix: c')
    const p = await plan(r, calver('YYYY.MM.MICRO'), '2024-10-15')
    expect(p.previous?.tag).toBe('2024.10.0')
    expect(p.next?.version).toBe('2024.10.1')
    expect(p.ignoredTags).toEqual(expect.arrayContaining(['v1.2.3', '2024.09.1']))
  })

  it('Ubuntu YY.0M: the first release takes the period; another in the same period is an error', async () => {
    const r = repo()
    r.commit('feat: a')
    expect((await plan(r, calver('YY.0M'), '2016-04-21')).next?.version).toBe('16.04')
    r.tag('16.04')
    r.commit('fix: b')
    expect((await plan(r, calver('YY.0M'), '2016-10-13')).next?.version).toBe('16.10')
    await expect(plan(r, calver('YY.0M'), '2016-04-30')).rejects.toMatchObject({
      code: 'ECALVER',
      message: expect.stringContaining('MICRO')
    })
  })

  it('a clock behind the last release is an error, never a lower version', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('2024.03.0')
    r.commit('fix: b')
    await expect(plan(r, calver('YYYY.0M.MICRO'), '2024-02-01')).rejects.toMatchObject({ code: 'ECALVER' })
  })

  it('hybrid: the commits choose the counter', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('2024.3.1')
    r.commit('feat: b')
    const p = await plan(r, calver('YYYY.MINOR.MICRO', { 'calver-bump': 'commits' }), '2024-06-01')
    expect(p.next?.version).toBe('2024.4.0')
    r.git('reset', '-q', '--hard', 'HEAD~1')
    r.commit('fix: c')
    expect((await plan(r, calver('YYYY.MINOR.MICRO', { 'calver-bump': 'commits' }), '2024-06-01')).next?.version).toBe('2024.3.2')
  })

  it('modifiers: rc.0, rc.1, then the final release', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('2024.02.1')
    r.commit('fix: b')
    const options = calver('YYYY.0M.MICRO-MODIFIER', { prerelease: 'rc' })
    expect((await plan(r, options, '2024-02-20')).next?.version).toBe('2024.02.2-rc.0')
    r.tag('2024.02.2-rc.0')
    r.commit('fix: c')
    expect((await plan(r, options, '2024-02-21')).next?.version).toBe('2024.02.2-rc.1')
    expect((await plan(r, calver('YYYY.0M.MICRO-MODIFIER'), '2024-02-22')).next?.version).toBe('2024.02.2')
  })

  it('a prerelease number tagged on another branch is skipped, as with SemVer', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('2024.02.1')
    r.git('checkout', '-q', '-b', 'other')
    r.commit('fix: elsewhere')
    r.tag('2024.02.2-rc.0')
    r.git('checkout', '-q', 'main')
    r.commit('fix: here')
    const p = await plan(r, calver('YYYY.0M.MICRO-MODIFIER', { prerelease: 'rc' }), '2024-02-20')
    expect(p).toMatchObject({ kind: 'release', next: { version: '2024.02.2-rc.1' } })
  })

  it('configuration errors name the format problem', () => {
    const problems = (options: RawOptions): string => {
      try {
        resolveConfig(options)
      } catch (error) {
        return describeError(error)
      }
      throw new Error('no error')
    }
    expect(problems(calver('YYYY.WW.DD'))).toMatch(/`calver-format: YYYY\.WW\.DD`: .*week/i)
    expect(problems(calver('ZZ'))).toMatch(/ZZ/)
    expect(problems({ scheme: 'calver' })).toContain('needs a `calver-format`')
    expect(problems({ 'calver-format': 'YYYY.MINOR' })).toContain('`scheme` is semver')
  })

  it('--date must be a real date', async () => {
    const r = repo()
    r.commit('feat: a')
    const run = await runCli(['plan', '--scheme', 'calver', '--calver-format', 'YYYY.0M.MICRO', '--date', '2024-02-30'], {
      cwd: r.dir,
      env: r.env
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--date 2024-02-30 is not a calendar date')
  })
})
