import { describe, expect, it } from 'vitest'
import type { Mode } from '../../src/config/config.js'
import type { BranchPolicy } from '../../src/config/branches.js'
import { resolveLine } from '../../src/run/line.js'
import { decideRelease, resolveMode } from '../../src/run/mode.js'

/** The short form `release-branches`, as the configuration makes it; none: the default branch. */
function policyOf(globs: readonly string[]): BranchPolicy {
  return globs.length
    ? {
        kind: 'rules',
        from: 'short-forms',
        rules: globs.map((pattern) => ({ pattern, range: null, prerelease: null })),
        withDefaultBranch: false
      }
    : { kind: 'default-branch' }
}

function lineOf(branch: string | null, globs: readonly string[], defaultBranch: string | null) {
  return resolveLine({ policy: policyOf(globs), branch, defaultBranch, prerelease: null, scheme: 'semver' })
}

/** Whether the branch may release, as the release run decides it. */
function checkReleaseBranch(branch: string | null, globs: readonly string[], defaultBranch: string | null) {
  const decision = decideRelease(lineOf(branch, globs, defaultBranch), false)
  return decision.kind === 'skip' ? { allowed: false, unknown: decision.unknown, why: decision.why } : { allowed: true }
}

describe('resolveMode', () => {
  it.each([
    ['pull_request', 'check'],
    ['pull_request_target', 'check'],
    ['push', 'release'],
    ['workflow_dispatch', 'release'],
    ['schedule', 'release'],
    ['release', 'plan'],
    ['merge_group', 'plan'],
    ['issue_comment', 'plan'],
    ['workflow_run', 'plan'],
    ['Push', 'plan'],
    ['', 'plan'],
    [undefined, 'plan']
  ])('auto on %j is %s', (eventName, mode) => {
    expect(resolveMode('auto', eventName)).toBe(mode)
  })

  it.each<Exclude<Mode, 'auto'>>(['plan', 'release', 'check'])('an explicit %s wins over every event', (mode) => {
    for (const eventName of ['pull_request', 'pull_request_target', 'push', 'workflow_dispatch', 'schedule', 'release', undefined]) {
      expect(resolveMode(mode, eventName), String(eventName)).toBe(mode)
    }
  })
})

describe('checkReleaseBranch', () => {
  it.each<[string, string[], string | null]>([
    ['main', ['main'], null],
    ['main', ['main'], 'trunk'],
    ['release/1.x', ['release/*'], 'main'],
    ['release/2024-q1', ['main', 'release/*'], 'main'],
    ['release/1.x/hotfix', ['release/**'], null],
    ['main', ['{main,next}'], null],
    ['next', ['{main,next}'], null],
    ['v2.x', ['v*.x'], null],
    ['release/1.x', ['main', 'release/{1,2}.x'], null],
    // a branch named like a glob is still allowed by its own name
    ['feature[1]', ['feature[1]'], null],
    ['trunk', [], 'trunk']
  ])('%s may release with release-branches %j (default branch %s)', (branch, globs, defaultBranch) => {
    expect(checkReleaseBranch(branch, globs, defaultBranch)).toEqual({ allowed: true })
  })

  it.each<[string, string[], string | null, string]>([
    ['dev', ['main'], 'main', 'dev is not a release branch (release-branches: main)'],
    ['main2', ['main'], null, 'main2 is not a release branch (release-branches: main)'],
    ['MAIN', ['main'], null, 'MAIN is not a release branch (release-branches: main)'],
    ['release/1.x/hotfix', ['release/*'], null, 'release/1.x/hotfix is not a release branch (release-branches: release/*)'],
    ['release', ['release/*'], null, 'release is not a release branch (release-branches: release/*)'],
    ['nextgen', ['{main,next}'], null, 'nextgen is not a release branch (release-branches: {main,next})'],
    ['feature/x', ['main', 'release/*'], 'main', 'feature/x is not a release branch (release-branches: main, release/*)'],
    // explicit globs replace the default branch rather than add to it
    ['main', ['release/*'], 'main', 'main is not a release branch (release-branches: release/*)'],
    ['feature/x', [], 'master', 'feature/x is not a release branch (release-branches: master)']
  ])('%s may not release with release-branches %j (default branch %s)', (branch, globs, defaultBranch, why) => {
    expect(checkReleaseBranch(branch, globs, defaultBranch)).toEqual({ allowed: false, unknown: false, why })
  })

  it('without release-branches, the default branch releases and no other does', () => {
    expect(checkReleaseBranch('main', [], 'main')).toEqual({ allowed: true })
    expect(checkReleaseBranch('develop', [], 'main')).toMatchObject({ allowed: false, unknown: false })
  })

  it.each<[string, string[], string | null]>([
    ['no release-branches and no default branch', [], null],
    ['no release-branches and an empty default branch', [], '']
  ])('with %s, the branch cannot be told: unknown, and how to fix it', (_, globs, defaultBranch) => {
    expect(checkReleaseBranch('main', globs, defaultBranch)).toEqual({
      allowed: false,
      unknown: true,
      why: 'the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`'
    })
  })

  it.each<[string[], string | null]>([
    [[], 'main'],
    [['main', 'release/*'], null],
    [[], null]
  ])('with HEAD off any branch it is unknown, whatever release-branches %j and default %s say', (globs, defaultBranch) => {
    expect(checkReleaseBranch(null, globs, defaultBranch)).toEqual({
      allowed: false,
      unknown: true,
      why: 'HEAD is not on a branch (a tag push or a detached checkout), so nothing is released'
    })
  })
})

describe('decideRelease', () => {
  it('a release branch releases', () => {
    expect(decideRelease(lineOf('main', [], 'main'), false)).toEqual({ kind: 'release' })
  })

  it('a release branch with a dry run does nothing but say what it would do', () => {
    expect(decideRelease(lineOf('release/1.x', ['release/*'], 'main'), true)).toEqual({
      kind: 'dry-run'
    })
  })

  it.each([false, true])('another branch is skipped with the reason, dry run %s or not', (dryRun) => {
    expect(decideRelease(lineOf('feature/x', [], 'main'), dryRun)).toEqual({
      kind: 'skip',
      why: 'feature/x is not a release branch (release-branches: main)',
      unknown: false
    })
  })

  it('a detached HEAD is skipped as unknown', () => {
    expect(decideRelease(lineOf(null, ['main'], 'main'), false)).toEqual({
      kind: 'skip',
      why: 'HEAD is not on a branch (a tag push or a detached checkout), so nothing is released',
      unknown: true
    })
  })

  it('an unknown default branch is skipped as unknown, with the setting to add', () => {
    expect(decideRelease(lineOf('main', [], null), true)).toEqual({
      kind: 'skip',
      why: 'the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`',
      unknown: true
    })
  })
})
