import { describe, expect, it } from 'vitest'
import type { Bump } from '../../../src/commits/bump.js'
import { resolveConfig } from '../../../src/config/config.js'
import { describeCalverReason } from '../../../src/report/calver-reasons.js'
import { parseCalverFormat } from '../../../src/versions/calver/format.js'
import { nextCalver, type CalverNextOptions } from '../../../src/versions/calver/next.js'
import { formatCalver, parseCalver } from '../../../src/versions/calver/version.js'
import type { VersionStyle } from '../../../src/versions/pep440.js'

type Row = [
  format: string,
  style: VersionStyle,
  previous: string | null,
  taken: readonly string[],
  today: string,
  bump: Exclude<Bump, 'none'>,
  options: Partial<CalverNextOptions>,
  next: string
]

function runNext([format, style, previous, taken, today, bump, options]: Row) {
  const parsed = parseCalverFormat(format, style)
  const read = (text: string) => {
    const version = parseCalver(parsed, text)
    if (version === null) throw new Error(`fixture: ${text} does not fit ${format}`)
    return version
  }
  return nextCalver(parsed, previous === null ? null : read(previous), new Date(`${today}T12:00:00Z`), bump, {
    counters: 'calendar',
    date: 'release',
    final: 'prerelease-period',
    taken: taken.map(read),
    ...options
  })
}

describe('calver-final: prerelease-period', () => {
  it.each<Row>([
    // rc1 in August, the final in September keeps August.
    ['YY.MM.MICRO', 'pep440', '22.7.3', ['22.7.3', '22.8.0rc1'], '2022-09-02', 'patch', {}, '22.8.0'],
    ['YY.MM.MICRO-MODIFIER', 'semver', '22.7.3', ['22.7.3', '22.8.0-rc.1'], '2022-09-02', 'patch', {}, '22.8.0'],
    // On the prerelease line, the next rc stays in its period too.
    ['YY.MM.MICRO', 'pep440', '22.8.0rc1', ['22.8.0rc1'], '2022-09-02', 'patch', { modifier: 'rc' }, '22.8.0rc2'],
    ['YY.MM.MICRO-MODIFIER', 'semver', '22.8.0-rc.1', ['22.8.0-rc.1'], '2022-09-02', 'patch', {}, '22.8.0'],
    // The first release of a repository that only had prereleases.
    ['YY.MM.MICRO', 'pep440', null, ['22.8.0rc1', '22.8.0rc2'], '2022-09-02', 'patch', {}, '22.8.0'],
    // A prerelease whose final is out already, or below the last release, is no longer pending.
    ['YY.MM.MICRO', 'pep440', '22.7.3', ['22.7.3', '22.8.0rc1', '22.8.0'], '2022-09-02', 'patch', {}, '22.9.0'],
    ['YY.MM.MICRO', 'pep440', '22.8.0', ['22.7.0rc1', '22.8.0'], '2022-09-02', 'patch', {}, '22.9.0'],
    // Without a prerelease, the release date decides as before.
    ['YY.MM.MICRO', 'pep440', '22.7.3', ['22.7.3'], '2022-09-02', 'patch', {}, '22.9.0']
  ])('%s (%s) after %s, tagged %j, on %s: %s', (...row) => {
    expect(formatCalver(runNext(row).version)).toBe(row[7])
  })

  it('release-period, the default, dates the final by its own day', () => {
    const row: Row = ['YY.MM.MICRO', 'pep440', '22.7.3', ['22.7.3', '22.8.0rc1'], '2022-09-02', 'patch', { final: 'release-period' }, '']
    expect(formatCalver(runNext(row).version)).toBe('22.9.0')
    expect(resolveConfig({ scheme: 'calver', 'calver-format': 'YY.MM.MICRO' }).scheme).toMatchObject({ final: 'release-period' })
  })

  it('says which prerelease kept the period', () => {
    const next = runNext(['YY.MM.MICRO', 'pep440', '22.7.3', ['22.8.0rc1'], '2022-09-02', 'patch', {}, ''])
    expect(next.reasons.map(describeCalverReason)).toEqual([
      'calver-final is prerelease-period: the release keeps the period 22.8 of its prerelease 22.8.0rc1',
      '22.8.0rc1 was a prerelease of 22.8.0: this is its final release'
    ])
  })

  it('is refused with the values it takes', () => {
    expect(() => resolveConfig({ scheme: 'calver', 'calver-format': 'YY.MM.MICRO', 'calver-final': 'prerelease' })).toThrow(
      expect.objectContaining({ details: ['`calver-final: prerelease` must be one of: release-period, prerelease-period.'] })
    )
  })
})
