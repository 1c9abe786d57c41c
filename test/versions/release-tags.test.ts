import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { describeReason } from '../../src/report/reasons.js'
import { chooseCandidates, findUnreadVersionTags, parseReleaseTags } from '../../src/versions/release-tags.js'
import { useRepos } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const ref = (name: string, i = 0) => ({ name, sha: String(i).padStart(40, '0') })

function unread(names: readonly string[], options: RawOptions = {}) {
  const config = resolveConfig(options)
  const tags = parseReleaseTags(names.map(ref), config.tagPrefix, config.scheme)
  return findUnreadVersionTags(tags.ignored, config.tagPrefix, config.scheme)
}

describe('parseReleaseTags', () => {
  it('reads the versions under the prefix, best first, and lists the rest as ignored', () => {
    const config = resolveConfig({})
    const tags = parseReleaseTags(['v1.2.0', 'latest', 'v1.10.0', 'v1.10.0-rc.1', 'v01.2.3'].map(ref), config.tagPrefix, config.scheme)
    expect(tags.all.map((t) => t.name)).toEqual(['v1.10.0', 'v1.10.0-rc.1', 'v1.2.0'])
    expect(tags.ignored).toEqual(['latest', 'v01.2.3'])
    expect(chooseCandidates(tags, { prerelease: null, range: null }).base.map((t) => t.name)).toEqual(['v1.10.0', 'v1.2.0'])
    expect(chooseCandidates(tags, { prerelease: 'rc', range: null }).base.map((t) => t.name)).toEqual(['v1.10.0', 'v1.10.0-rc.1', 'v1.2.0'])
  })

  it('a line with a range builds on its own releases first, then on one below the range, never on a newer line', () => {
    const config = resolveConfig({})
    const tags = parseReleaseTags(
      ['v2.1.0', 'v2.0.0', 'v1.4.1', 'v1.4.0', 'v1.4.1-rc.0', 'v0.9.0'].map(ref),
      config.tagPrefix,
      config.scheme
    )
    const names = (line: { prerelease: string | null; range: string | null }) => chooseCandidates(tags, line).base.map((t) => t.name)
    expect(names({ prerelease: null, range: '1.x' })).toEqual(['v1.4.1', 'v1.4.0', 'v0.9.0'])
    expect(names({ prerelease: null, range: '1.4.x' })).toEqual(['v1.4.1', 'v1.4.0', 'v0.9.0'])
    expect(names({ prerelease: 'rc', range: '1.x' })).toEqual(['v1.4.1', 'v1.4.1-rc.0', 'v1.4.0', 'v0.9.0'])
    expect(names({ prerelease: null, range: '3.x' })).toEqual(['v2.1.0', 'v2.0.0', 'v1.4.1', 'v1.4.0', 'v0.9.0'])
  })
})

describe('findUnreadVersionTags', () => {
  const table: [string, readonly string[], RawOptions, object | null][] = [
    ['versions without the v', ['1.2.3', '1.3.0'], {}, { count: 2, prefixes: [''], calendar: false }],
    ['another prefix', ['release-1.2.3'], {}, { count: 1, prefixes: ['release-'], calendar: false }],
    ['a prefix with a v', ['pkg-v2.0.0'], {}, { count: 1, prefixes: ['pkg-v'], calendar: false }],
    ['calendar versions under SemVer', ['2024.01.05', '26.2'], {}, { count: 2, prefixes: [], calendar: true }],
    ['nothing version-like', ['latest', 'v1', 'v1.2', 'stable'], {}, null],
    ['a leading zero is no SemVer', ['v01.2.3'], {}, null]
  ]
  it.each(table)('%s', (_, names, options, expected) => {
    const found = unread(names, options)
    if (expected === null) expect(found).toBeNull()
    else expect(found).toMatchObject(expected)
  })
})

describe('the plan says why it found no release', () => {
  const repo = useRepos()

  it('tags 1.2.3 under the default v prefix: the plan names them and the setting that reads them', async () => {
    const r = repo()
    r.commit('feat: a')
    r.tag('1.2.3')
    r.commit('fix: b')
    const run = await runCli(['plan', '--json'], { cwd: r.dir, env: r.env })
    const plan = JSON.parse(run.stdout)
    expect(plan.reasons[0]).toMatchObject({ kind: 'tags-not-read', count: 1, examples: ['1.2.3'], prefixes: [''] })
    expect(plan.notes[0]).toBe("no release tag was read, but 1 tag looks like a version (1.2.3): set `tag-prefix: ''` to build on it")
    const text = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(text.stdout).toContain("note: no release tag was read, but 1 tag looks like a version (1.2.3): set `tag-prefix: ''`")
    expect(describeReason(plan.reasons[0])).toBe(plan.notes[0])
  })
})
