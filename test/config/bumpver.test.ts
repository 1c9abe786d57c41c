import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from '../../src/cli/args.js'
import { mapBumpverPattern, readBumpverPattern, type BumpverSettings } from '../../src/config/bumpver.js'
import { loadConfig } from '../../src/config/load.js'
import { VersoError } from '../../src/errors.js'
import { readWorktreeFile } from '../../src/git/files.js'
import { createGit } from '../../src/git/git.js'
import { renderPlanText } from '../../src/report/text.js'
import { createGather } from '../../src/run/gather.js'
import { planRelease } from '../../src/run/plan.js'
import { useRepos } from '../support/repo.js'

const repo = useRepos()

function mapError(pattern: string): VersoError {
  try {
    mapBumpverPattern(pattern, 'bumpver.toml')
  } catch (error) {
    if (error instanceof VersoError) return error
    throw error
  }
  throw new Error(`${pattern} was mapped`)
}

describe("bumpver's version_pattern as a calver-format", () => {
  // bumpver's own examples (its README's "Pattern Examples"), and the parts each maps.
  it.each<[string, Partial<BumpverSettings>]>([
    ['YYYY.BUILD[PYTAGNUM]', { format: 'YYYY.MICRO', style: 'pep440', restarts: ['BUILD'] }],
    ['YYYY.BUILD[-TAG]', { format: 'YYYY.MICRO-MODIFIER', style: 'semver', restarts: ['BUILD'] }],
    ['YYYY.INC0[PYTAGNUM]', { format: 'YYYY.MICRO', style: 'pep440', counterStart: 0 }],
    ['YYYY.INC1', { format: 'YYYY.MICRO', counterStart: 1 }],
    ['YYYY.0M', { format: 'YYYY.0M', style: 'semver', tagPrefix: '' }],
    ['YYYY.MM', { format: 'YYYY.MM' }],
    ['YYYY.MM.PATCH[PYTAGNUM]', { format: 'YYYY.MM.MICRO', style: 'pep440' }],
    ['YYYY.0M.PATCH[PYTAGNUM]', { format: 'YYYY.0M.MICRO', style: 'pep440' }],
    ['YYYY.MM.INC0', { format: 'YYYY.MM.MICRO' }],
    ['YYYY.MM.DD', { format: 'YYYY.MM.DD' }],
    ['YYYY.0M.0D', { format: 'YYYY.0M.0D' }],
    ['YY.0M.PATCH', { format: 'YY.0M.MICRO' }],
    ['0Y.0M.MINOR', { format: '0Y.0M.MINOR' }],
    ['YYYY.0M.0D[.PATCH]', { format: 'YYYY.0M.0D[.MICRO]' }],
    ['YY.MINOR[.PATCH[PYTAGNUM]]', { format: 'YY.MINOR[.MICRO]', style: 'pep440' }],
    ['YYYY.MAJOR.MINOR[.PATCH]', { format: 'YYYY.MAJOR.MINOR[.MICRO]' }],
    ['vYY.0M.0D[-TAG]', { format: 'YY.0M.0D-MODIFIER', tagPrefix: 'v' }],
    ['YY.0M.0D-TAG.NUM', { format: 'YY.0M.0D-MODIFIER' }],
    ['GGGG.0V.INC0', { format: 'YYYY.0W.MICRO' }],
    ['GG.VV', { format: 'YY.WW' }],
    ['YYYY.MM.BLD', { format: 'YYYY.MM.MICRO', restarts: ['BLD'] }]
  ])('%s → %j', (pattern, expected) => {
    expect(mapBumpverPattern(pattern, 'bumpver.toml')).toMatchObject(expected)
  })

  it.each<[string, string]>([
    ['YYYY.Q.INC0', 'Q is a quarter of the year'],
    ['YYYY.JJJ', 'JJJ is a day of the year'],
    ['YYYY.00J', '00J is a day of the year'],
    ['YYYY.WW', "WW is a week counted from the year's first Monday (0 to 52); verso's weeks are ISO 8601 weeks, bumpver's VV"],
    ['YYYY.0U', "0U is a week counted from the year's first Sunday (00 to 52); verso's weeks are ISO 8601 weeks, bumpver's 0V"],
    ['YYYY.VV', "YYYY with an ISO week (VV): the week's year is the ISO week-year, GGGG (bumpver refuses this pattern too)"],
    ['GGGG.MM', 'GGGG is the ISO week-year, which verso writes only next to an ISO week (VV or 0V)'],
    ['YYYY0M.BUILD[-TAG]', 'YYYY0M has no separator between its parts: verso writes one (YYYY.0M)'],
    ['YYYY.BUILD+GITHASH', 'GITHASH is a commit hash, which no release order can follow'],
    ['release-YYYY.BUILD', '"release" is text of its own, which a calver-format cannot hold'],
    ['YYYY.MINOR.INC1', 'INC1 after another counter: verso starts only the first counter of a period at 1 (calver-counter-start: 1)'],
    ['YYYY[-TAG].BUILD', 'the tag (TAG, PYTAG, NUM) must end the pattern: verso writes a modifier last'],
    ['YYYY.BUILD.NUM', 'NUM numbers a TAG or PYTAG, and the pattern has neither'],
    ['{pycalver}', "it is bumpver's old {…} pattern syntax: write it in the new one (YYYY.BUILD[-TAG]), or set calver-format"],
    [
      'MAJOR.MINOR.PATCH[PYTAGNUM]',
      'it comes to MAJOR.MINOR.MICRO, where no calendar token (YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D): a version of counters only is SemVer, use scheme: semver'
    ]
  ])('%s is refused: %s', (pattern, detail) => {
    const error = mapError(pattern)
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toBe(`bumpver's version_pattern "${pattern}" in bumpver.toml cannot be written as a calver-format:`)
    expect(error.details).toContain(detail)
    expect(error.hint).toMatch(/Set calver-format/)
  })

  it('names every part it cannot write at once', () => {
    expect(mapError('YYYY.Q.JJJ').details).toEqual(['Q is a quarter of the year', 'JJJ is a day of the year'])
  })
})

describe("bumpver's files", () => {
  it.each<[string, string, string | null]>([
    ['bumpver.toml', '[bumpver]\ncurrent_version = "2024.1001"\nversion_pattern = "YYYY.BUILD"\n', 'YYYY.BUILD'],
    ['pyproject.toml', '[project]\nname = "x"\n\n[tool.bumpver]\nversion_pattern = "YYYY.0M.0D[.PATCH]"\n', 'YYYY.0M.0D[.PATCH]'],
    ['pycalver.toml', '[pycalver]\nversion_pattern = "YY.0M.PATCH"\n', 'YY.0M.PATCH'],
    ['pyproject.toml', '[project]\nname = "x"\n', null],
    ['pyproject.toml', '[tool.bumpver]\ncurrent_version = "1"\n', null],
    [
      'setup.cfg',
      '[metadata]\nname = x\n\n[bumpver]\ncurrent_version = "2020.1001a0"\nversion_pattern = "YYYY.BUILD[PYTAGNUM]"\n\n' +
        '[bumpver:file_patterns]\nsetup.cfg =\n    current_version = "{version}"\n',
      'YYYY.BUILD[PYTAGNUM]'
    ],
    ['setup.cfg', "[pycalver]\nversion_pattern = 'YYYY.0M' ; the month\n", 'YYYY.0M'],
    ['setup.cfg', '[metadata]\nname = x\n', null]
  ])('%s: %j', (path, text, pattern) => {
    expect(readBumpverPattern(path, text)).toBe(pattern)
  })

  it('a TOML file that is not TOML is named, with its line and not its text', () => {
    expect(() => readBumpverPattern('pyproject.toml', '[project]\nname = "x"\n[tool.bumpver\ntoken = "ghp_secret"\n')).toThrow(
      expect.objectContaining({ code: 'EINVALIDCONFIG', message: 'pyproject.toml is not valid TOML (line 3).' })
    )
  })
})

/** A repository with these files, a release tag and a fix after it. */
function repository(files: Record<string, string>, tag: string): string {
  const r = repo()
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(r.dir, path)), { recursive: true })
    writeFileSync(join(r.dir, path), text)
  }
  r.git('add', '.')
  r.commit('chore: init')
  r.tag(tag)
  r.commit('fix: a')
  return r.dir
}

// What `verso plan --scheme calver …` does, from its flags to the text it prints.
async function plan(dir: string, argv: string[], now: Date): Promise<string> {
  const line = parseCommandLine(argv)
  const config = await loadConfig(line.given, (path) => readWorktreeFile(dir, path))
  const git = createGit(dir, process.env)
  const { plan } = await planRelease(createGather(git, config), config, now)
  return renderPlanText(plan, { verbose: false })
}

describe('scheme: calver without a calver-format, in a repository that versions with bumpver', () => {
  it('takes the format from pyproject.toml, and says so', async () => {
    const dir = repository({ 'pyproject.toml': '[tool.bumpver]\nversion_pattern = "YYYY.0M.0D[.PATCH]"\n' }, '2015.09.06')
    const text = await plan(dir, ['plan', '--scheme', 'calver'], new Date('2015-09-06T15:00:00Z'))
    expect(text).toContain('2015.09.06 → 2015.09.06.1')
    expect(text).toContain(
      "note: calver-format YYYY.0M.0D[.MICRO] (with tag-prefix: '') from bumpver's version_pattern YYYY.0M.0D[.PATCH] in pyproject.toml"
    )
  })

  it('bumpver.toml before pyproject.toml and setup.cfg, as bumpver reads them; PEP 440 tags from PYTAGNUM', async () => {
    const dir = repository(
      {
        'bumpver.toml': '[bumpver]\nversion_pattern = "vYY.MINOR[PYTAGNUM]"\n',
        'pyproject.toml': '[tool.bumpver]\nversion_pattern = "YYYY.0M"\n',
        'setup.cfg': '[bumpver]\nversion_pattern = "YYYY.MM"\n'
      },
      'v24.3'
    )
    const text = await plan(
      dir,
      ['plan', '--scheme', 'calver', '--prerelease', 'beta', '--prerelease-start', '1'],
      new Date('2024-05-01T12:00:00Z')
    )
    expect(text).toContain('v24.3 → v24.4b1')
    expect(text).toContain(
      "note: calver-format YY.MINOR (with version-style: pep440) from bumpver's version_pattern vYY.MINOR[PYTAGNUM] in bumpver.toml"
    )
  })

  it('a calver-format given wins, and bumpver is not read', async () => {
    const dir = repository({ 'setup.cfg': '[bumpver]\nversion_pattern = "YYYY.Q"\n' }, 'v2024.05.0')
    const text = await plan(dir, ['plan', '--scheme', 'calver', '--calver-format', 'YYYY.0M.MICRO'], new Date('2024-05-20T12:00:00Z'))
    expect(text).toContain('v2024.05.0 → v2024.05.1')
    expect(text).not.toContain('bumpver')
  })

  it('a pattern verso cannot write stops the plan, naming its part', async () => {
    const dir = repository({ 'setup.cfg': '[bumpver]\nversion_pattern = "YYYY.Q.INC0"\n' }, '2024.2.0')
    await expect(plan(dir, ['plan', '--scheme', 'calver'], new Date('2024-05-20T12:00:00Z'))).rejects.toThrow(
      expect.objectContaining({ details: ['Q is a quarter of the year'] })
    )
  })

  it('without bumpver, the format is asked for', async () => {
    const dir = repository({ 'pyproject.toml': '[project]\nname = "x"\n' }, 'v1.0.0')
    await expect(plan(dir, ['plan', '--scheme', 'calver'], new Date('2024-05-20T12:00:00Z'))).rejects.toThrow(
      expect.objectContaining({ details: [expect.stringContaining('needs a `calver-format`, e.g. `YYYY.0M.MICRO`')] })
    )
  })
})
