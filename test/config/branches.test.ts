import { describe, expect, it } from 'vitest'
import { resolveBranchPolicy, type BranchPolicyInput } from '../../src/config/branches.js'
import { resolveConfig } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { VersoError } from '../../src/errors.js'

function policy(input: Partial<BranchPolicyInput>) {
  const problems: string[] = []
  const result = resolveBranchPolicy({ branches: undefined, releaseBranches: [], prereleaseBranches: [], ...input }, problems)
  return { result, problems }
}

function problemsOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    if (error instanceof VersoError) return error.details as string[]
    throw error
  }
  throw new Error('expected a configuration error')
}

describe('the branch policy', () => {
  it('nothing configured: the default branch releases', () => {
    expect(policy({}).result).toEqual({ kind: 'default-branch' })
  })

  it('`branches` entries: names, globs, ranges and channels, in order', () => {
    const file = parseConfigFile(
      'branches:\n  - main\n  - name: "1.x"\n    range: "1.x"\n  - name: next\n    prerelease: next\n  - name: "release/*"\n    prerelease: rc\n  - name: beta\n    prerelease: true\n',
      '.github/verso.yml'
    )
    expect(resolveConfig({}, file).release.policy).toEqual({
      kind: 'rules',
      from: 'branches',
      withDefaultBranch: false,
      rules: [
        { pattern: 'main', range: null, prerelease: null },
        { pattern: '1.x', range: '1.x', prerelease: null },
        { pattern: 'next', range: null, prerelease: 'next' },
        { pattern: 'release/*', range: null, prerelease: 'rc' },
        { pattern: 'beta', range: null, prerelease: '{branch}' }
      ]
    })
  })

  it('the short forms: channels first, then the release branches', () => {
    expect(policy({ releaseBranches: ['main', '1.x'], prereleaseBranches: ['next', 'release/*:rc'] }).result).toEqual({
      kind: 'rules',
      from: 'short-forms',
      withDefaultBranch: false,
      rules: [
        { pattern: 'next', range: null, prerelease: '{branch}' },
        { pattern: 'release/*', range: null, prerelease: 'rc' },
        { pattern: 'main', range: null, prerelease: null },
        { pattern: '1.x', range: null, prerelease: null }
      ]
    })
  })

  it('inputs replace the file’s policy; the file may not hold both forms', () => {
    const file = parseConfigFile('branches:\n  - main\n  - next\n', '.github/verso.yml')
    expect(resolveConfig({ 'release-branches': 'trunk' }, file).release.policy).toEqual({
      kind: 'rules',
      from: 'short-forms',
      withDefaultBranch: false,
      rules: [{ pattern: 'trunk', range: null, prerelease: null }]
    })
    const both = parseConfigFile('branches:\n  - main\nrelease-branches: main\n', '.github/verso.yml')
    expect(problemsOf(() => resolveConfig({}, both))).toEqual([
      '`branches` and `release-branches`/`prerelease-branches` are both set: use `branches` alone (the others are its short forms).'
    ])
  })

  it.each([
    [
      'branches:\n  - name: "1.x"\n    range: "one"\n',
      '`branches` entry 1 (1.x): `range: one` is not a SemVer range; write `1.x`, `1.2.x` or `>=1.2.0 <1.5.0`.'
    ],
    [
      'branches:\n  - name: next\n    prerelease: "1"\n',
      "`branches` entry 1 (next): `prerelease: 1` must be a SemVer prerelease id (letters, digits and `-`, not only digits, e.g. rc, beta), or true for the branch's name."
    ],
    ['branches:\n  - range: "1.x"\n', '`branches` entry 1 has no `name`: write the branch name or glob, e.g. `- name: "1.x"`.'],
    [
      'branches:\n  - name: next\n    pre: next\n',
      '`branches` entry 1: `pre` is not a key of a branch. Did you mean `prerelease`? Known: name, range, prerelease.'
    ],
    ['branches:\n  - main\n  - main\n', 'The branch `main` is listed twice; the first entry would always win: keep one.'],
    ['branches: []\n', '`branches` is an empty list: name at least one branch.']
  ])('%j is refused with what to write', (yaml, problem) => {
    expect(problemsOf(() => resolveConfig({}, parseConfigFile(yaml, '.github/verso.yml')))).toEqual([problem])
  })

  it('the file reader refuses a `branches` that is not a list of names and mappings', () => {
    expect(problemsOf(() => parseConfigFile('branches: main\n', '.github/verso.yml'))[0]).toMatch(/^`branches` must be a list/)
    expect(problemsOf(() => parseConfigFile('branches:\n  - [a, b]\n', '.github/verso.yml'))).toEqual([
      '`branches` entry 1 must be a branch name or a mapping of `name`, `range` and `prerelease` to text.'
    ])
  })

  it('a prerelease short form with an empty id, and a range under CalVer, are refused', () => {
    expect(policy({ prereleaseBranches: ['next:'] }).problems).toEqual([
      '`prerelease-branches: next:` has no prerelease id after `:`; write `next:rc`, or `next` for its own name.'
    ])
    const file = parseConfigFile('branches:\n  - name: "1.x"\n    range: "1.x"\n', '.github/verso.yml')
    expect(problemsOf(() => resolveConfig({ scheme: 'calver', 'calver-format': 'YYYY.MICRO' }, file))).toEqual([
      '`branches` (1.x): `range: 1.x` is a SemVer range, and `scheme` is calver: remove the range.'
    ])
  })

  it('mode rollback needs rollback-to', () => {
    expect(problemsOf(() => resolveConfig({ mode: 'rollback' }))).toEqual([
      '`mode: rollback` needs `rollback-to`: the version to make the latest release again, e.g. `rollback-to: 2.0.3`.'
    ])
    expect(resolveConfig({ mode: 'rollback', 'rollback-to': '2.0.3' }).rollbackTo).toBe('2.0.3')
    // Any other mode would make a release instead: refused.
    expect(problemsOf(() => resolveConfig({ 'rollback-to': '2.0.3' }))).toEqual([
      '`rollback-to: 2.0.3` is set, but `mode` is auto: set `mode: rollback` to roll back, or remove rollback-to.'
    ])
  })
})
