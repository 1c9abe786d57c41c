import { describe, expect, it } from 'vitest'
import type { Bump } from '../../../src/commits/bump.js'
import { resolveConfig, type RawOptions } from '../../../src/config/config.js'
import type { TagRef } from '../../../src/git/tags.js'
import { describeCalverReason } from '../../../src/report/calver-reasons.js'
import { decidePlan } from '../../../src/run/decide.js'
import { parseCommit } from '../../../src/commits/analyze.js'
import { parseCalverFormat } from '../../../src/versions/calver/format.js'
import { nextCalver, type CalverNextOptions } from '../../../src/versions/calver/next.js'
import { formatCalver, parseCalver } from '../../../src/versions/calver/version.js'
import type { VersionStyle } from '../../../src/versions/pep440.js'
import { parseReleaseTags } from '../../../src/versions/release-tags.js'

type Row = [
  format: string,
  previous: string | null,
  taken: readonly string[],
  today: string,
  bump: Exclude<Bump, 'none'>,
  options: Partial<CalverNextOptions>,
  next: string
]

function runNext([format, previous, taken, today, bump, options]: Row, style: VersionStyle = 'semver') {
  const parsed = parseCalverFormat(format, style)
  const read = (text: string) => {
    const version = parseCalver(parsed, text)
    if (version === null) throw new Error(`fixture: ${text} does not fit ${format}`)
    return version
  }
  return nextCalver(parsed, previous === null ? null : read(previous), new Date(`${today}T12:00:00Z`), bump, {
    counters: 'calendar',
    date: 'release',
    taken: taken.map(read),
    ...options
  })
}

describe('a version tagged already makes the next free one', () => {
  it.each<Row>([
    // A withdrawn release of the same month: the counter goes on past it.
    ['YYYY.0M.MICRO', '2024.02.1', ['2024.02.1', '2024.02.2'], '2024-02-20', 'patch', {}, '2024.02.3'],
    ['YYYY.0M.MICRO', '2024.02.1', ['2024.02.1', '2024.02.2', '2024.02.3'], '2024-02-20', 'patch', {}, '2024.02.4'],
    // A new month whose first version was tagged on a branch not merged.
    ['YYYY.0M.MICRO', '2024.02.1', ['2024.02.1', '2024.03.0'], '2024-03-02', 'patch', {}, '2024.03.1'],
    // The first release of a repository whose tag exists elsewhere.
    ['YYYY.0M.MICRO', null, ['2024.02.0'], '2024-02-20', 'patch', {}, '2024.02.1'],
    // Hybrid: the counter the commits moved goes on.
    ['YY.MINOR.MICRO', '24.1.3', ['24.1.3', '24.2.0'], '2024-05-02', 'minor', { counters: 'commits' }, '24.3.0'],
    // An optional part is written when the next free version needs it.
    ['YYYY.0M.0D[.MICRO]', null, ['2015.09.06'], '2015-09-06', 'patch', {}, '2015.09.06.1'],
    // A prerelease number tagged on another branch, in another spelling: the same version.
    ['YYYY.0M.MICRO-MODIFIER', '2024.02.1', ['2024.02.1', '2024.02.2rc0'], '2024-02-20', 'patch', { modifier: 'rc' }, '2024.02.2-rc.1'],
    ['YYYY.0M.MICRO-MODIFIER', '2024.02.1', ['2024.02.1', '2024.02.2-rc0'], '2024-02-20', 'patch', { modifier: 'rc' }, '2024.02.2-rc.1'],
    [
      'YYYY.0M.MICRO-MODIFIER',
      '2024.02.1',
      ['2024.02.2-rc.0', '2024.02.2rc1'],
      '2024-02-20',
      'patch',
      { modifier: 'rc' },
      '2024.02.2-rc.2'
    ],
    // Tags of other versions change nothing.
    ['YYYY.0M.MICRO', '2024.02.1', ['2024.01.5', '2024.02.1', '2024.02.3'], '2024-02-20', 'patch', {}, '2024.02.2']
  ])('%s after %s, tagged %j, on %s (%s, %j): %s', (...row) => {
    expect(formatCalver(runNext(row).version)).toBe(row[6])
  })

  it('in PEP 440: 24.1rc1 tagged as 24.1-rc.1 is taken', () => {
    const row: Row = ['YY.MINOR', '24.0', ['24.1-rc.1'], '2024-03-02', 'patch', { modifier: 'rc', modifierStart: 1 }, '24.1rc2']
    expect(formatCalver(runNext(row, 'pep440').version)).toBe('24.1rc2')
    const post: Row = ['YY.MINOR', '24.1', ['24.1', '24.1-1'], '2024-03-02', 'patch', { post: true }, '24.1.post2']
    expect(formatCalver(runNext(post, 'pep440').version)).toBe('24.1.post2')
  })

  it('says which versions were taken and which one is free', () => {
    const next = runNext(['YYYY.0M.MICRO', '2024.02.1', ['2024.02.2', '2024.02.3'], '2024-02-20', 'patch', {}, ''])
    expect(next.reasons.at(-1)).toEqual({ kind: 'tag-taken', taken: ['2024.02.2', '2024.02.3'], next: '2024.02.4' })
    expect(describeCalverReason(next.reasons.at(-1)!)).toBe(
      '2024.02.2 and 2024.02.3 are tagged already, outside this history (a withdrawn or unmerged release): the next free version is 2024.02.4'
    )
  })

  it('a format without a counter has no free version: the version stays, for the plan to report the tag', () => {
    const next = runNext(['YYYY.0M', '2024.01', ['2024.02'], '2024-02-20', 'patch', {}, ''])
    expect(formatCalver(next.version)).toBe('2024.02')
    expect(next.reasons.some((r) => r.kind === 'tag-taken')).toBe(false)
  })
})

describe('a taken tag in a plan', () => {
  const options: RawOptions = { scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO-MODIFIER' }

  // The base is reachable; the other tags point at commits on other branches.
  function plan(base: string, others: readonly string[], extra: RawOptions = {}) {
    const config = resolveConfig({ ...options, ...extra })
    const ref = (name: string, i: number): TagRef => ({ name, sha: `${'b'.repeat(39)}${i}` })
    const tags = parseReleaseTags([base, ...others].map(ref), config.tagPrefix, config.scheme)
    const head = 'c'.repeat(40)
    const commits = [parseCommit({ sha: head, parents: ['d'.repeat(40)], message: 'fix: a' })]
    const found = tags.all.find((t) => t.name === base)!
    return decidePlan(config, { head, tags, base: found, stableBase: found, commits, fetched: [] }, new Date('2024-02-20T12:00:00Z'))
  }

  it('releases the next free counter instead of blocking on the tag', () => {
    const released = plan('v2024.02.1', ['v2024.02.2'])
    expect(released.kind).toBe('release')
    expect(released.next?.tag).toBe('v2024.02.3')
    expect(released.reasons).toContainEqual({ kind: 'calver', reason: { kind: 'tag-taken', taken: ['2024.02.2'], next: '2024.02.3' } })
  })

  it('rc0 tagged on another branch: this channel releases rc.1, not rc.0 again', () => {
    const released = plan('v2024.02.1', ['v2024.02.2rc0'], { prerelease: 'rc' })
    expect(released.next?.tag).toBe('v2024.02.2-rc.1')
  })
})
