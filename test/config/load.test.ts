import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { loadConfig, type ReadText } from '../../src/config/load.js'
import { VersoError } from '../../src/errors.js'
import { readWorktreeFile } from '../../src/git/files.js'
import { useRepos } from '../support/repo.js'

const repo = useRepos()

/** A repository with these files in its working tree, read the way a run reads it. */
function worktree(files: Record<string, string> = {}): { read: ReadText; asked: string[] } {
  const r = repo()
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(r.dir, path)), { recursive: true })
    writeFileSync(join(r.dir, path), text)
  }
  const asked: string[] = []
  return {
    asked,
    read: (path) => {
      asked.push(path)
      return readWorktreeFile(r.dir, path)
    }
  }
}

async function loadError(...args: Parameters<typeof loadConfig>): Promise<VersoError> {
  const error: unknown = await loadConfig(...args).then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

describe('loadConfig without a config file', () => {
  it('gives the defaults, having looked for .github/verso.yml', async () => {
    const { read, asked } = worktree()
    expect(await loadConfig({}, read)).toEqual(resolveConfig({}))
    expect(asked).toEqual(['.github/verso.yml'])
  })

  it('gives the explicit options over the defaults', async () => {
    const config = await loadConfig({ 'tag-prefix': 'release-', strict: 'true' }, worktree().read)
    expect(config.tagPrefix).toBe('release-')
    expect(config.strict).toBe(true)
  })

  it.each([
    ['empty', ''],
    ['only comments', '# settings come later\n']
  ])('a file that is %s gives the defaults', async (_, text) => {
    expect(await loadConfig({}, worktree({ '.github/verso.yml': text }).read)).toEqual(resolveConfig({}))
  })
})

describe('loadConfig with .github/verso.yml', () => {
  it('reads it through the reader it is given', async () => {
    const asked: string[] = []
    const read: ReadText = async (path) => {
      asked.push(path)
      return path === '.github/verso.yml' ? 'tag-prefix: rel-\n' : null
    }
    expect((await loadConfig({}, read)).tagPrefix).toBe('rel-')
    expect(asked).toEqual(['.github/verso.yml'])
  })

  it('reads the file of the repository', async () => {
    const { read } = worktree({
      '.github/verso.yml': 'tag-prefix: rel-\nprerelease: rc\nrelease-branches:\n  - main\n  - release/*\n'
    })
    const config = await loadConfig({}, read)
    expect(config.tagPrefix).toBe('rel-')
    expect(config.prerelease).toBe('rc')
    expect(config.release.policy).toEqual({
      kind: 'rules',
      from: 'short-forms',
      withDefaultBranch: false,
      rules: [
        { pattern: 'main', range: null, prerelease: null },
        { pattern: 'release/*', range: null, prerelease: null }
      ]
    })
  })

  it('explicit options win over the file, key by key', async () => {
    const { read } = worktree({ '.github/verso.yml': 'tag-prefix: rel-\nprerelease: rc\nstrict: true\n' })
    const config = await loadConfig({ 'tag-prefix': '', strict: 'false' }, read)
    expect(config.tagPrefix).toBe('')
    expect(config.strict).toBe(false)
    // what was not given still comes from the file
    expect(config.prerelease).toBe('rc')
  })

  it('validates the file and the options together, naming every problem', async () => {
    const { read } = worktree({ '.github/verso.yml': 'scheme: calver\n' })
    const error = await loadError({ strict: 'yes' }, read)
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.details).toEqual([
      "`scheme: calver` needs a `calver-format`, e.g. `YYYY.0M.MICRO` (see the README for every token), or bumpver's `version_pattern` in bumpver.toml, pyproject.toml or setup.cfg.",
      '`strict: yes` must be true or false.'
    ])
  })
})

describe('loadConfig with release-rules in the file', () => {
  it.each([
    ['quoted list items', 'release-rules:\n  - "*: patch"\n  - "docs(readme): none"\n'],
    ['a block of lines', 'release-rules: |\n  *: patch\n  docs(readme): none\n']
  ])('reads the wildcard rule from %s', async (_, text) => {
    const config = await loadConfig({}, worktree({ '.github/verso.yml': text }).read)
    expect(config.releaseRules.map((r) => r.text)).toEqual(['feat: minor', 'fix: patch', 'perf: patch', '*: patch', 'docs(readme): none'])
  })

  it('an unquoted rule is an error that names it and says to quote it', async () => {
    const text = 'release-rules:\n  - "docs: patch"\n  - refactor: patch\n  - docs(readme): none\n'
    const error = await loadError({}, worktree({ '.github/verso.yml': text }).read)
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toBe('.github/verso.yml has 2 problem(s):')
    expect(error.details).toEqual([
      '`release-rules` item 2, `refactor: patch`, was read by YAML as a mapping, not as text: quote it, `- "refactor: patch"`.',
      '`release-rules` item 3, `docs(readme): none`, was read by YAML as a mapping, not as text: quote it, `- "docs(readme): none"`.'
    ])
  })

  it('an explicit release-rules does not excuse an unquoted rule in the file', async () => {
    const error = await loadError(
      { 'release-rules': '*: none' },
      worktree({ '.github/verso.yml': 'release-rules:\n  - refactor: patch\n' }).read
    )
    expect(error.details).toEqual([expect.stringMatching(/^`release-rules` item 1, `refactor: patch`/)])
  })

  it('an unquoted wildcard rule is a YAML error with a hint to quote it', async () => {
    const error = await loadError({}, worktree({ '.github/verso.yml': 'release-rules:\n  - *: patch\n' }).read)
    expect(error.message).toMatch(/^\.github\/verso\.yml is not valid YAML: /)
    expect(error.hint).toBe('An unquoted `*` starts a YAML alias: quote a wildcard release rule, `- "*: patch"`.')
  })
})

describe('loadConfig with config-file', () => {
  it('reads the named file instead of .github/verso.yml', async () => {
    const { read, asked } = worktree({ '.github/verso.yml': 'tag-prefix: default-\n', 'ci/verso.yml': 'tag-prefix: named-\n' })
    expect((await loadConfig({ 'config-file': 'ci/verso.yml' }, read)).tagPrefix).toBe('named-')
    expect(asked).toEqual(['ci/verso.yml'])
  })

  it('a named file that does not exist is an error that says how to fix it', async () => {
    const { read } = worktree({ '.github/verso.yml': 'tag-prefix: rel-\n' })
    const error = await loadError({ 'config-file': 'ci/versoo.yml' }, read)
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toBe('The config file ci/versoo.yml does not exist.')
    expect(error.hint).toBe('Fix `config-file`, or leave it out to use .github/verso.yml when present.')
  })

  it('naming .github/verso.yml itself makes it required', async () => {
    const error = await loadError({ 'config-file': '.github/verso.yml' }, worktree().read)
    expect(error.message).toBe('The config file .github/verso.yml does not exist.')
  })

  // `config-file: ${{ inputs.config-file }}` with the input unset, or `--config-file=`, means
  // the default file, which a repository need not have.
  it('an empty config-file is the optional default, not a required file', async () => {
    expect(await loadConfig({ 'config-file': '' }, worktree().read)).toEqual(resolveConfig({}))
  })

  it('an empty config-file still reads .github/verso.yml when there is one', async () => {
    const { read, asked } = worktree({ '.github/verso.yml': 'tag-prefix: rel-\n' })
    expect((await loadConfig({ 'config-file': '' }, read)).tagPrefix).toBe('rel-')
    expect(asked).toEqual(['.github/verso.yml'])
  })
})

describe('loadConfig with a file it cannot use', () => {
  it('invalid YAML is an error naming the file', async () => {
    const error = await loadError({}, worktree({ '.github/verso.yml': 'release-branches: [main\n' }).read)
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toMatch(/^\.github\/verso\.yml is not valid YAML: /)
  })

  it('invalid YAML in a named file names that file', async () => {
    const error = await loadError({ 'config-file': 'ci/verso.yml' }, worktree({ 'ci/verso.yml': 'tag-prefix: "v\n' }).read)
    expect(error.message).toMatch(/^ci\/verso\.yml is not valid YAML: /)
  })

  it('a file that is not a mapping says what it must be', async () => {
    const error = await loadError({}, worktree({ '.github/verso.yml': '- tag-prefix: v\n' }).read)
    expect(error.message).toBe('.github/verso.yml must be a mapping of option names to values (e.g. `tag-prefix: v`).')
  })

  it('an unknown key is refused with the file named and the key it meant', async () => {
    const error = await loadError({}, worktree({ '.github/verso.yml': 'tag_prefix: v\n' }).read)
    expect(error.message).toBe('.github/verso.yml has 1 problem(s):')
    expect(error.details).toEqual([expect.stringMatching(/^`tag_prefix` is not an option\. Did you mean `tag-prefix`\?/)])
  })

  it('an explicit option does not excuse a broken file', async () => {
    await expect(loadConfig({ 'tag-prefix': 'v' }, worktree({ '.github/verso.yml': 'tag-prefix: [\n' }).read)).rejects.toThrow(
      /is not valid YAML/
    )
  })
})

describe("loadConfig and bumpver's version_pattern", () => {
  it('scheme: calver in the config file, the format from setup.cfg, and where it came from', async () => {
    const { read, asked } = worktree({
      '.github/verso.yml': 'scheme: calver\n',
      'setup.cfg': '[bumpver]\nversion_pattern = "vYYYY.0M.INC1[PYTAGNUM]"\n'
    })
    const config = await loadConfig({}, read)
    expect(config.scheme).toMatchObject({
      kind: 'calver',
      format: { text: 'YYYY.0M.MICRO', style: 'pep440' },
      counterStart: 1,
      origin: {
        file: 'setup.cfg',
        pattern: 'vYYYY.0M.INC1[PYTAGNUM]',
        format: 'YYYY.0M.MICRO',
        settings: [
          { name: 'version-style', value: 'pep440' },
          { name: 'calver-counter-start', value: '1' }
        ]
      }
    })
    expect(config.tagPrefix).toBe('v')
    expect(asked).toEqual(['.github/verso.yml', 'pycalver.toml', 'bumpver.toml', '.bumpver.toml', 'pyproject.toml', 'setup.cfg'])
  })

  it('the settings given win over the pattern; a semver style against PYTAG is refused', async () => {
    const files = { 'pyproject.toml': '[tool.bumpver]\nversion_pattern = "YYYY.INC1[PYTAGNUM]"\n' }
    const given = await loadConfig({ scheme: 'calver', 'calver-counter-start': '0', 'tag-prefix': 'release-' }, worktree(files).read)
    expect(given.scheme).toMatchObject({ counterStart: 0, origin: { settings: [{ name: 'version-style', value: 'pep440' }] } })
    expect(given.tagPrefix).toBe('release-')
    const error = await loadError({ scheme: 'calver', 'version-style': 'semver' }, worktree(files).read)
    expect(error.message).toBe(
      `bumpver's version_pattern "YYYY.INC1[PYTAGNUM]" in pyproject.toml writes PEP 440 tags, and version-style is semver.`
    )
  })

  it('is not read for SemVer, nor when a calver-format is given', async () => {
    const files = { 'bumpver.toml': '[bumpver]\nversion_pattern = "YYYY.Q"\n' }
    const semver = worktree(files)
    expect((await loadConfig({}, semver.read)).scheme.kind).toBe('semver')
    expect(semver.asked).toEqual(['.github/verso.yml'])
    const given = await loadConfig({ scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO' }, worktree(files).read)
    expect(given.scheme).toMatchObject({ origin: null })
  })
})
