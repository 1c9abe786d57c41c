import { execFileSync } from 'node:child_process'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { createGit } from '../../src/git/git.js'
import type { GitHubApi } from '../../src/github/api.js'
import { createGather } from '../../src/run/gather.js'
import { runRelease, type ReleaseRun } from '../../src/run/release.js'
import { describeFinding } from '../../src/report/explain.js'
import { connect } from '../github/connect.js'
import type { GitHubServer } from '../support/github-server.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')

interface World {
  readonly r: TestRepo
  readonly origin: string
  readonly server: GitHubServer
  readonly api: GitHubApi
}

/** A repository with `chore: init` released as `first`, a bare origin, and a local GitHub. */
async function world(first = 'v1.0.0'): Promise<World> {
  const r = repos()
  r.commit('chore: init')
  r.tag(first, { annotated: true })
  const origin = r.addBareOrigin()
  const { server, api } = await connect()
  return { r, origin, server, api }
}

/** Commits on `branch` (made from `from` when new), pushed to the origin. */
function onBranch(w: World, branch: string, messages: string[], from?: string): void {
  if (from !== undefined) w.r.git('checkout', '-q', '-b', branch, from)
  else w.r.git('checkout', '-q', branch)
  w.r.commits(...messages)
  w.r.git('push', '-q', 'origin', branch)
}

/** A release run on the branch checked out, as a push to it runs one. */
async function release(w: World, options: RawOptions, dryRun = false): Promise<ReleaseRun> {
  const branch = w.r.git('rev-parse', '--abbrev-ref', 'HEAD')
  const config = resolveConfig({ 'git-user-email': 'bot@example.com', ...options })
  const git = createGit(w.r.dir, w.r.env)
  return runRelease({
    git,
    gather: createGather(git, config),
    config,
    now: NOW,
    hints: { githubRef: `refs/heads/${branch}`, ciCommitBranch: undefined, eventDefaultBranch: 'main' },
    dryRun,
    requireBranch: true,
    repositoryUrl: 'https://github.com/octo-org/hello-world',
    connect: () => w.api,
    log: () => {}
  })
}

/** The tag a run released, or why it did not. */
function outcome(run: ReleaseRun): string {
  if (run.result.kind === 'applied' && run.result.outcome.kind === 'released') return run.result.outcome.tag
  if (run.result.kind === 'skipped') return `skipped: ${run.result.why}`
  if (run.plan.kind === 'blocked') return `blocked: ${run.plan.findings.map(describeFinding).join(' | ')}`
  return `${run.plan.kind}`
}

function originTags(w: World): string[] {
  return execFileSync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/tags'], { cwd: w.origin, env: w.r.env, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
}

function releaseOf(w: World, tag: string) {
  return w.server.state.releases.find((r) => r.tag_name === tag)
}

/** `.github/verso.yml` as the file reader reads it. */
const BRANCHES_FILE = (yaml: string): RawOptions => parseConfigFile(yaml, '.github/verso.yml')

describe('maintenance lines', () => {
  it('a feat on 1.2.x is blocked, names the commit, the range and the ways out; main is unaffected', async () => {
    const w = await world('v1.2.3')
    onBranch(w, 'main', ['feat: on main'])
    expect(outcome(await release(w, { 'release-branches': 'main, 1.2.x' }))).toBe('v1.3.0')
    onBranch(w, '1.2.x', ['feat(api): new thing on the old line'], 'v1.2.3')
    const run = await release(w, { 'release-branches': 'main, 1.2.x' })
    expect(run.plan.kind).toBe('blocked')
    const text = outcome(run)
    expect(text).toMatch(/1\.3\.0 is outside 1\.2\.x's range: 1\.2\.x releases only 1\.2\.x/)
    expect(text).toContain('feat(api): new thing on the old line')
    expect(text).toMatch(/Move that change to the next line .* or widen the range/)
    expect(originTags(w)).toEqual(['v1.2.3', 'v1.3.0'])
    // main goes on as if the maintenance branch were not there.
    onBranch(w, 'main', ['feat: more on main'])
    expect(outcome(await release(w, { 'release-branches': 'main, 1.2.x' }))).toBe('v1.4.0')
  })

  it('a fix on 1.2.x after 1.3.0 releases 1.2.4: not latest, and it moves no floating tag but its own', async () => {
    const w = await world('v1.2.3')
    const options = { 'release-branches': 'main, 1.2.x', 'floating-tags': 'major' }
    onBranch(w, 'main', ['feat: on main'])
    expect(outcome(await release(w, options))).toBe('v1.3.0')
    onBranch(w, '1.2.x', ['fix: backported'], 'v1.2.3')
    const run = await release(w, options)
    expect(outcome(run)).toBe('v1.2.4')
    expect(run.plan.kind === 'release' && run.plan.standing.latest).toBe(false)
    expect(releaseOf(w, 'v1.2.4')).toMatchObject({ prerelease: false })
    expect(w.server.state.latestReleaseId).toBe(releaseOf(w, 'v1.3.0')!.id)
    // v1 stays with 1.3.0, the highest of its major.
    expect(w.r.git('ls-remote', 'origin', 'refs/tags/v1').split('\t')[0]).toBe(w.r.git('rev-parse', 'v1.3.0^{commit}'))
  })

  it('1.x after 2.0.0: a fix releases 1.4.1 and moves v1, not v2; a breaking change there is blocked', async () => {
    const w = await world('v1.4.0')
    const options = { ...BRANCHES_FILE('branches:\n  - main\n  - name: "1.x"\n    range: "1.x"\n'), 'floating-tags': 'major' }
    onBranch(w, 'main', ['feat!: the new major'])
    expect(outcome(await release(w, options))).toBe('v2.0.0')
    onBranch(w, '1.x', ['fix: an old bug'], 'v1.4.0')
    const fixed = await release(w, options)
    expect(outcome(fixed)).toBe('v1.4.1')
    expect(fixed.result.kind === 'applied' && fixed.result.outcome.kind === 'released' && fixed.result.outcome.floating).toEqual(['v1'])
    expect(w.server.state.latestReleaseId).toBe(releaseOf(w, 'v2.0.0')!.id)
    const v2 = w.r.git('ls-remote', 'origin', 'refs/tags/v2').split('\t')[0]
    expect(v2).toBe(w.r.git('rev-parse', 'v2.0.0^{commit}'))

    onBranch(w, '1.x', ['feat!: breaks the old line'])
    const blocked = await release(w, options)
    expect(outcome(blocked)).toMatch(/^blocked: 2\.0\.0 is outside 1\.x's range/)
    expect(originTags(w)).not.toContain('v2.0.1')
  })

  it('a feat on 1.x is blocked when the newer line already released that minor', async () => {
    const w = await world('v1.4.0')
    onBranch(w, 'main', ['feat: 1.5 on main'])
    expect(outcome(await release(w, { 'release-branches': 'main, 1.x' }))).toBe('v1.5.0')
    onBranch(w, '1.x', ['feat: also 1.5?'], 'v1.4.0')
    const run = await release(w, { 'release-branches': 'main, 1.x' })
    expect(outcome(run)).toMatch(/^blocked: 1\.5\.0 is not free on 1\.x: v1\.5\.0 is a newer line's release/)
    // The feat goes to main instead; 1.x keeps only the fix.
    w.r.git('reset', '-q', '--hard', 'v1.4.0')
    w.r.commit('fix: only a fix')
    w.r.git('push', '-q', '-f', 'origin', '1.x')
    expect(outcome(await release(w, { 'release-branches': 'main, 1.x' }))).toBe('v1.4.1')
  })

  it('a maintenance line cut at the newest release waits for the newer line: its next is main’s to make', async () => {
    const w = await world('v1.4.0')
    onBranch(w, '1.x', ['fix: early'], 'v1.4.0')
    const run = await release(w, { 'release-branches': 'main, 1.x' })
    expect(outcome(run)).toMatch(/^blocked: 1\.4\.1 would be the newest release, and the newest versions are main's to make/)
    // Without a stable line above it, 1.x is the stable line and releases.
    expect(outcome(await release(w, { 'release-branches': '1.x' }))).toBe('v1.4.1')
  })
})

describe('prerelease channels', () => {
  it('with version-style pep440, a re-run finishes the channel release it tagged (beta written as b) instead of tagging another', async () => {
    const w = await world()
    const options = { 'release-branches': 'main', 'prerelease-branches': 'beta', 'version-style': 'pep440' }
    onBranch(w, 'beta', ['feat: new api'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.1.0b0')
    // The run failed after its tag: the GitHub Release is missing.
    w.server.state.releases.splice(0)
    const again = await release(w, options)
    expect(again.resumed).toBe(true)
    expect(outcome(again)).toBe('v1.1.0b0')
    expect(originTags(w)).toEqual(['v1.0.0', 'v1.1.0b0'])
    expect(w.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.1.0b0'])
  })

  it('beta through to stable: numbers count on, a feat stays in 2.0.0-beta, and the merge releases 2.0.0 with every change', async () => {
    const w = await world('v1.5.0')
    const options = { 'release-branches': 'main', 'prerelease-branches': 'beta' }
    onBranch(w, 'beta', ['feat!: new api'], 'main')
    expect(outcome(await release(w, options))).toBe('v2.0.0-beta.0')
    onBranch(w, 'beta', ['fix: a'])
    expect(outcome(await release(w, options))).toBe('v2.0.0-beta.1')
    onBranch(w, 'beta', ['feat: b'])
    const fourth = await release(w, options)
    expect(outcome(fourth)).toBe('v2.0.0-beta.2')
    expect(releaseOf(w, 'v2.0.0-beta.2')).toMatchObject({ prerelease: true })
    expect(w.server.state.latestReleaseId).toBe(null)

    w.r.git('checkout', '-q', 'main')
    w.r.git('merge', '-q', '--no-ff', '-m', 'Merge branch beta', 'beta')
    w.r.git('push', '-q', 'origin', 'main')
    const stable = await release(w, options)
    expect(outcome(stable)).toBe('v2.0.0')
    expect(stable.plan.previous?.tag).toBe('v1.5.0')
    for (const header of ['feat!: new api', 'fix: a', 'feat: b']) expect(stable.notes).toContain(header.replace(/^\w+!?: /, ''))
    expect(w.server.state.latestReleaseId).toBe(releaseOf(w, 'v2.0.0')!.id)
  })

  it('a patch-level rc line that gets a feat moves its base up: 1.2.4-rc.1 → 1.3.0-rc.0', async () => {
    const w = await world('v1.2.3')
    const options = { 'release-branches': 'main', 'prerelease-branches': 'release/*:rc' }
    onBranch(w, 'release/next', ['fix: a'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.2.4-rc.0')
    onBranch(w, 'release/next', ['fix: b'])
    expect(outcome(await release(w, options))).toBe('v1.2.4-rc.1')
    onBranch(w, 'release/next', ['feat: c'])
    const grown = await release(w, options)
    expect(outcome(grown)).toBe('v1.3.0-rc.0')
  })

  it('alpha and beta side by side never clash, and order by SemVer precedence', async () => {
    const w = await world('v1.0.0')
    const options = { 'release-branches': 'main', 'prerelease-branches': 'alpha, beta' }
    onBranch(w, 'alpha', ['feat!: big'], 'main')
    onBranch(w, 'beta', ['feat!: big too'], 'main')
    const made: string[] = []
    for (const branch of ['alpha', 'beta', 'alpha', 'beta', 'beta']) {
      onBranch(w, branch, [`fix: on ${branch}`])
      made.push(outcome(await release(w, options)))
    }
    expect(made).toEqual(['v2.0.0-alpha.0', 'v2.0.0-beta.0', 'v2.0.0-alpha.1', 'v2.0.0-beta.1', 'v2.0.0-beta.2'])
    const versions = made.map((t) => t.slice(1))
    expect(new Set(versions).size).toBe(versions.length)
    expect([...versions].sort(semver.compare)).toEqual(['2.0.0-alpha.0', '2.0.0-alpha.1', '2.0.0-beta.0', '2.0.0-beta.1', '2.0.0-beta.2'])
    expect(w.server.state.releases.every((r) => r.prerelease)).toBe(true)
    expect(w.server.state.latestReleaseId).toBe(null)
  })

  it('two runners of the same channel never reuse a number: a tag elsewhere counts', async () => {
    const w = await world('v1.0.0')
    const options = BRANCHES_FILE('branches:\n  - main\n  - name: next\n    prerelease: next\n  - name: next-2\n    prerelease: next\n')
    onBranch(w, 'next', ['feat: x'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.1.0-next.0')
    onBranch(w, 'next-2', ['feat: y'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.1.0-next.1')
  })
})

describe('the branch policy', () => {
  it('a branch no entry matches plans, never releases, and the plan says why', async () => {
    const w = await world('v1.0.0')
    onBranch(w, 'feature/x', ['feat: x'], 'main')
    const run = await release(w, BRANCHES_FILE('branches:\n  - main\n  - name: next\n    prerelease: next\n'))
    expect(run.plan.kind).toBe('release')
    expect(outcome(run)).toBe('skipped: feature/x matches no entry of `branches` (main, next), so it plans but never releases')
    expect(originTags(w)).toEqual(['v1.0.0'])
  })

  it('globs, and the first matching entry wins', async () => {
    const w = await world('v1.0.0')
    const options = BRANCHES_FILE('branches:\n  - name: "release/*-rc"\n    prerelease: rc\n  - "release/*"\n')
    onBranch(w, 'release/2024-rc', ['feat: x'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.1.0-rc.0')
    onBranch(w, 'release/2024', ['fix: y'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.0.1')
  })
})

describe('release lines: the edges', () => {
  it('a channel whose aim main released meanwhile aims past it, and says to merge main', async () => {
    const w = await world('v1.2.3')
    const options = { 'release-branches': 'main', 'prerelease-branches': 'beta' }
    onBranch(w, 'beta', ['feat: b'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.3.0-beta.0')
    onBranch(w, 'main', ['feat: m'])
    expect(outcome(await release(w, options))).toBe('v1.3.0')
    onBranch(w, 'beta', ['fix: c'])
    const run = await release(w, options)
    expect(outcome(run)).toBe('v1.3.1-beta.0')
    expect(run.plan.reasons).toContainEqual({ kind: 'prerelease-passed', released: '1.3.0', aim: '1.3.1' })
  })

  it('only prerelease-branches named: the default branch still releases stable versions', async () => {
    const w = await world('v1.0.0')
    onBranch(w, 'main', ['fix: a'])
    expect(outcome(await release(w, { 'prerelease-branches': 'beta' }))).toBe('v1.0.1')
    onBranch(w, 'topic', ['fix: b'], 'main')
    expect(outcome(await release(w, { 'prerelease-branches': 'beta' }))).toBe(
      'skipped: topic is not a release branch (release-branches: main; prerelease-branches: beta)'
    )
  })

  it('a branch that merged a later channel is blocked, not sent backwards', async () => {
    const w = await world('v1.2.3')
    const options = { 'release-branches': 'main', 'prerelease-branches': 'alpha, beta' }
    onBranch(w, 'beta', ['feat: b'], 'main')
    expect(outcome(await release(w, options))).toBe('v1.3.0-beta.0')
    onBranch(w, 'alpha', ['feat: a'], 'main')
    w.r.git('merge', '-q', '--no-ff', '-m', 'Merge beta into alpha', 'beta')
    w.r.git('push', '-q', 'origin', 'alpha')
    const run = await release(w, options)
    expect(outcome(run)).toBe(
      'blocked: 1.3.0-alpha.0 would sort below v1.3.0-beta.0, which this branch already contains (SemVer orders channels by name: alpha < beta < rc). Release this branch on a channel that sorts after it, or release the stable version.'
    )
  })

  it('a 0.x maintenance line names the breaking commit that leaves it', async () => {
    const w = await world('v0.3.0')
    onBranch(w, 'main', ['feat: m'])
    expect(outcome(await release(w, { 'release-branches': 'main, 0.3.x' }))).toBe('v0.4.0')
    onBranch(w, '0.3.x', ['feat!: brk', 'feat: small'], 'v0.3.0')
    const text = outcome(await release(w, { 'release-branches': 'main, 0.3.x' }))
    expect(text).toMatch(/0\.4\.0 is outside 0\.3\.x's range/)
    expect(text).toContain('"feat!: brk"')
    expect(text).not.toContain('"feat: small"')
    expect(text).toContain('list the branch in `branches` of .github/verso.yml with a wider `range:`')
  })

  it('a channel may be named branch-name: the id is never taken for "the branch’s own name"', async () => {
    const w = await world('v1.2.3')
    onBranch(w, 'next', ['feat: n'], 'main')
    expect(outcome(await release(w, { 'release-branches': 'main', 'prerelease-branches': 'next:branch-name' }))).toBe(
      'v1.3.0-branch-name.0'
    )
  })
})

describe('prerelease-start', () => {
  it('1 numbers a channel from .1, as semantic-release does; 0 (the default) from .0', async () => {
    const w = await world('v1.0.0')
    onBranch(w, 'beta', ['feat: x'], 'main')
    expect(outcome(await release(w, { 'release-branches': 'main', 'prerelease-branches': 'beta', 'prerelease-start': '1' }))).toBe(
      'v1.1.0-beta.1'
    )
    onBranch(w, 'beta', ['fix: y'])
    expect(outcome(await release(w, { 'release-branches': 'main', 'prerelease-branches': 'beta', 'prerelease-start': '1' }))).toBe(
      'v1.1.0-beta.2'
    )
  })
})
