import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../../src/config/config.js'
import { VersoError } from '../../../src/errors.js'
import { createGit } from '../../../src/git/git.js'
import { releaseCommitRequest } from '../../../src/run/release.js'
import { dateInZone, formatDateInZone, isTimeZone } from '../../../src/versions/calver/time-zone.js'
import { makePlan } from '../../notes/plans.js'
import { useRepos } from '../../support/repo.js'
import { runCli } from '../../support/runner.js'

const repo = useRepos()
// 23:30 in New York on 29 February 2024 is 04:30 on 1 March in UTC.
const LEAP_NIGHT = new Date('2024-03-01T04:30:00Z')
const CALVER = { scheme: 'calver', 'calver-format': 'YYYY.0M.0D' }

describe('calver-timezone', () => {
  it.each<[string, string]>([
    ['UTC', '2024-03-01'],
    ['America/New_York', '2024-02-29'],
    ['Europe/Berlin', '2024-03-01'],
    ['Pacific/Kiritimati', '2024-03-01'],
    ['Pacific/Pago_Pago', '2024-02-29']
  ])('the instant 2024-03-01T04:30Z is dated %s there: %s', (zone, date) => {
    expect(dateInZone(LEAP_NIGHT, zone).toISOString().slice(0, 10)).toBe(date)
  })

  it('summer time is the zone’s own: 00:30 in Berlin on the first summer day', () => {
    expect(dateInZone(new Date('2024-03-30T23:30:00Z'), 'Europe/Berlin').toISOString().slice(0, 10)).toBe('2024-03-31')
    expect(dateInZone(new Date('2024-07-01T22:30:00Z'), 'Europe/Berlin').toISOString().slice(0, 10)).toBe('2024-07-02')
  })

  it('the plan takes the date of the zone, and says the instant and the zone', () => {
    const options = { ...CALVER, 'calver-timezone': 'America/New_York' }
    const plan = makePlan({ commits: ['fix: a'], base: 'v2024.02.01', options, now: LEAP_NIGHT })
    expect(plan.next?.version).toBe('2024.02.29')
    expect(plan.reasons).toContainEqual({
      kind: 'release-date',
      instant: '2024-03-01T04:30:00.000Z',
      zone: 'America/New_York',
      date: '2024-02-29'
    })
    const utc = makePlan({ commits: ['fix: a'], base: 'v2024.02.01', options: CALVER, now: LEAP_NIGHT })
    expect(utc.next?.version).toBe('2024.03.01')
    expect(utc.reasons.some((r) => r.kind === 'release-date')).toBe(false)
  })

  it('the changelog is dated as the version is: the release date in the zone', () => {
    expect(formatDateInZone(LEAP_NIGHT, 'America/New_York')).toBe('2024-02-29')
    const request = (options: Record<string, string>) => {
      const config = resolveConfig({ ...options, 'changelog-file': 'CHANGELOG.md' })
      const at = { git: createGit(process.cwd()), config, now: LEAP_NIGHT, repositoryUrl: null, log: () => {} }
      return releaseCommitRequest(at, config.release.files!, 'main', 'a'.repeat(40))
    }
    expect(request({ ...CALVER, 'calver-timezone': 'America/New_York' }).date).toBe('2024-02-29')
    expect(request(CALVER).date).toBe('2024-03-01')
    expect(request({}).date).toBe('2024-03-01')
  })

  it('a name that is no time zone is refused with what to write', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(() => resolveConfig({ ...CALVER, 'calver-timezone': 'Mars/Olympus' })).toThrow(
      expect.objectContaining({
        details: [
          '`calver-timezone: Mars/Olympus` is not a time zone: write an IANA name such as `Europe/Berlin` or `America/New_York`, or `UTC`.'
        ]
      })
    )
    expect(() => resolveConfig({ ...CALVER, 'calver-timezone': 'Mars/Olympus' })).toThrow(VersoError)
  })

  it('through the built CLI: the date of the zone, and --date as it is', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v2024.02.01')
    r.commit('fix: a')
    const env = { ...r.env, SOURCE_DATE_EPOCH: String(LEAP_NIGHT.getTime() / 1000) }
    const args = ['plan', '--scheme', 'calver', '--calver-format', 'YYYY.0M.0D', '--calver-timezone', 'America/New_York']
    const run = await runCli(args, { cwd: r.dir, env })
    expect(run.stdout).toContain('v2024.02.01 → v2024.02.29')
    expect(run.stdout).toContain(
      'note: dated 2024-02-29: the release instant 2024-03-01T04:30:00.000Z in America/New_York (calver-timezone)'
    )
    const dated = await runCli([...args, '--date', '2024-03-05'], { cwd: r.dir, env: r.env })
    expect(dated.stdout).toContain('v2024.02.01 → v2024.03.05')
  })
})
