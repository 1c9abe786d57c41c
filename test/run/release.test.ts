import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import type { ReleasesApi } from '../../src/run/apply.js'
import { createGather, type BranchHints } from '../../src/run/gather.js'
import { runRelease, type ReleaseRun } from '../../src/run/release.js'
import { connect } from '../github/connect.js'
import type { GitHubServer } from '../support/github-server.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repo = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')
const REPOSITORY_URL = 'https://github.com/octo-org/hello-world'
const ON_MAIN: BranchHints = { githubRef: undefined, ciCommitBranch: undefined, eventDefaultBranch: 'main' }

interface World {
  readonly r: TestRepo
  readonly origin: string
  readonly head: string
}

/** Released as v1.2.3, then `messages` on main, all of it on a bare origin. */
function world(messages: string[] = ['fix: a', 'feat(x): b']): World {
  const r = repo()
  r.commit('chore: init')
  r.tag('v1.2.3', { annotated: true })
  r.commits(...messages)
  const origin = r.addBareOrigin()
  return { r, origin, head: r.git('rev-parse', 'HEAD') }
}

interface Run {
  readonly options?: RawOptions
  readonly hints?: BranchHints
  readonly dryRun?: boolean
  readonly requireBranch?: boolean
  readonly api?: ReleasesApi | null
  readonly cwd?: string
}

/** One release run in `w`, counting how often the releases API is asked for. */
async function release(w: World, run: Run = {}): Promise<ReleaseRun & { connects: number; log: string[] }> {
  const config = resolveConfig(run.options ?? {})
  const git = createGit(run.cwd ?? w.r.dir, w.r.env)
  const log: string[] = []
  let connects = 0
  const result = await runRelease({
    git,
    gather: createGather(git, config),
    config,
    now: NOW,
    hints: run.hints ?? ON_MAIN,
    dryRun: run.dryRun ?? config.release.dryRun,
    requireBranch: run.requireBranch ?? false,
    repositoryUrl: REPOSITORY_URL,
    connect: () => {
      connects++
      return run.api ?? null
    },
    log: (line) => log.push(line)
  })
  return { ...result, connects, log }
}

/** Every ref of the origin, tags peeled: what a run may have pushed. */
function originRefs(w: World): string {
  return execFileSync('git', ['for-each-ref', '--format=%(refname) %(*objectname) %(objectname)'], {
    cwd: w.origin,
    env: w.r.env,
    encoding: 'utf8'
  })
}

/** Where a tag points on the origin (the commit, through an annotated tag), or null. */
function originTag(w: World, tag: string): string | null {
  const out = execFileSync('git', ['for-each-ref', '--format=%(*objectname) %(objectname)', `refs/tags/${tag}`], {
    cwd: w.origin,
    env: w.r.env,
    encoding: 'utf8'
  }).trim()
  if (!out) return null
  const [peeled, own] = out.split(' ')
  return peeled || own!
}
const originTags = (w: World) =>
  execFileSync('git', ['tag', '--list'], { cwd: w.origin, env: w.r.env, encoding: 'utf8' }).trim().split('\n')
const writes = (server: GitHubServer) => server.requests.filter((q) => q.method !== 'GET')

describe('runRelease: when there is nothing to release', () => {
  it.each([
    ['only commits that release nothing', ['docs: a', 'chore: b'], 'no-releasable-commits'],
    ['no commit since the last release', [], 'no-commits']
  ])('%s: planned, no push, the API never asked for', async (_, messages, reason) => {
    const w = world(messages)
    const before = originRefs(w)
    const run = await release(w)
    expect(run.result).toEqual({ kind: 'planned' })
    expect(run.plan).toMatchObject({ kind: 'none', reason, next: null })
    expect(run.resumed).toBe(false)
    expect(run.notes).toBe('')
    expect(run.connects).toBe(0)
    expect(run.log).toEqual([])
    expect(originRefs(w)).toBe(before)
  })

  it('a blocked plan (strict, a non-conventional commit) is planned, and nothing is pushed', async () => {
    const w = world(['feat: a', 'Update README'])
    const before = originRefs(w)
    const run = await release(w, { options: { strict: 'true' } })
    expect(run.result).toEqual({ kind: 'planned' })
    expect(run.plan.kind).toBe('blocked')
    expect(run.plan.kind === 'blocked' && run.plan.findings).toEqual([
      expect.objectContaining({ kind: 'non-conventional', header: 'Update README' })
    ])
    // The blocked release still has notes: the report shows what it would have been.
    expect(run.plan.next?.tag).toBe('v1.3.0')
    expect(run.notes).toContain('### Features')
    expect(run.connects).toBe(0)
    expect(originRefs(w)).toBe(before)
    expect(w.r.git('tag', '--list', 'v1.3.0')).toBe('')
  })
})

describe('runRelease: on a release branch', () => {
  it('applies: an annotated tag on origin, one GitHub Release, and the outcome says so', async () => {
    const w = world()
    const { server, api } = await connect()
    const run = await release(w, { api, options: { 'git-user-name': 'Release Bot', 'git-user-email': 'bot@example.com' } })
    expect(run.connects).toBe(1)
    expect(run.resumed).toBe(false)
    expect(run.result).toEqual({
      kind: 'applied',
      outcome: {
        kind: 'released',
        tag: 'v1.3.0',
        sha: w.head,
        release: {
          id: server.state.releases[0]!.id,
          tag: 'v1.3.0',
          name: 'v1.3.0',
          body: run.notes,
          url: expect.stringContaining('/releases/'),
          draft: false,
          prerelease: false
        },
        floating: [],
        dispatched: []
      },
      finished: null
    })
    expect(originTag(w, 'v1.3.0')).toBe(w.head)
    const tagObject = execFileSync('git', ['cat-file', '-p', 'refs/tags/v1.3.0'], { cwd: w.origin, env: w.r.env, encoding: 'utf8' })
    expect(tagObject).toContain('tagger Release Bot <bot@example.com>')
    expect(tagObject).toContain('### Features')
    expect(run.notes).toContain(`${REPOSITORY_URL}/compare/v1.2.3...v1.3.0`)
    expect(server.state.releases.map((r) => [r.tag_name, r.body])).toEqual([['v1.3.0', run.notes]])
    expect(run.log).toEqual([
      `Pushed tag v1.3.0 at ${w.head.slice(0, 7)}.`,
      expect.stringMatching(/^Created the GitHub Release for v1\.3\.0: http/)
    ])
  })

  it('without a releases API only the tag is made', async () => {
    const w = world()
    const run = await release(w, { api: null, options: { 'dispatch-workflows': 'deploy.yml' } })
    expect(run.connects).toBe(1)
    expect(run.result).toEqual({
      kind: 'applied',
      outcome: { kind: 'released', tag: 'v1.3.0', sha: w.head, release: null, floating: [], dispatched: [] },
      finished: null
    })
    expect(originTag(w, 'v1.3.0')).toBe(w.head)
    expect(run.log).toEqual([`Pushed tag v1.3.0 at ${w.head.slice(0, 7)}.`])
  })

  it('floating tags and dispatches are carried out with the release', async () => {
    const w = world()
    const { server, api } = await connect()
    const run = await release(w, { api, options: { 'floating-tags': 'major-minor', 'dispatch-workflows': '.github/workflows/deploy.yml' } })
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { floating: ['v1', 'v1.3'], dispatched: ['deploy.yml'] } })
    expect(originTag(w, 'v1')).toBe(w.head)
    expect(originTag(w, 'v1.3')).toBe(w.head)
    expect(server.state.dispatches).toEqual([{ workflow: 'deploy.yml', ref: 'v1.3.0', inputs: {} }])
  })

  it('a re-run at the tagged HEAD finishes the release: resumed, no second tag, no second release', async () => {
    const w = world()
    const { server, api } = await connect()
    const first = await release(w, { api, options: { 'dispatch-workflows': 'deploy.yml' } })
    expect(first.resumed).toBe(false)
    const refs = originRefs(w)
    const made = writes(server).length
    const again = await release(w, { api, options: { 'dispatch-workflows': 'deploy.yml' } })
    expect(again.resumed).toBe(true)
    expect(again.plan).toMatchObject({ kind: 'release', next: { tag: 'v1.3.0' }, previous: { tag: 'v1.2.3' } })
    expect(again.plan.reasons).toContainEqual({ kind: 'finishing', tag: 'v1.3.0' })
    expect(again.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0', sha: w.head, dispatched: [] } })
    expect(again.log).toEqual([
      `Tag v1.3.0 is already on the remote at ${w.head.slice(0, 7)}: carrying on (a re-run).`,
      expect.stringMatching(/^GitHub Release for v1\.3\.0 is already up to date: /),
      'v1.3.0 was published by an earlier run, which sent its dispatches: none sent now.'
    ])
    expect(originRefs(w)).toBe(refs)
    expect(originTags(w)).toEqual(['v1.2.3', 'v1.3.0'])
    expect(writes(server)).toHaveLength(made)
    expect(server.state.releases).toHaveLength(1)
    expect(server.state.dispatches).toHaveLength(1)
  })

  it('a re-run after the release step failed creates the release for the tag already pushed', async () => {
    const w = world()
    const first = await release(w, { api: null })
    expect(first.result.kind).toBe('applied')
    const { server, api } = await connect()
    const again = await release(w, { api })
    expect(again.resumed).toBe(true)
    expect(again.result).toMatchObject({ kind: 'applied', outcome: { tag: 'v1.3.0', release: { tag: 'v1.3.0' } } })
    expect(server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(originTags(w)).toEqual(['v1.2.3', 'v1.3.0'])
  })

  it('a tag at HEAD made by someone else is not finished: nothing to release', async () => {
    const w = world()
    w.r.tag('v1.3.0')
    w.r.git('push', '-q', 'origin', 'v1.3.0')
    const run = await release(w)
    expect(run.resumed).toBe(false)
    expect(run.plan).toMatchObject({ kind: 'none', reason: 'no-commits' })
    expect(run.result).toEqual({ kind: 'planned' })
    expect(run.connects).toBe(0)
  })
})

describe('runRelease: dry run', () => {
  it('lists the steps, pushes nothing, tags nothing and never asks for the API', async () => {
    const w = world()
    const before = originRefs(w)
    const run = await release(w, { dryRun: true, options: { 'floating-tags': 'major', 'dispatch-workflows': 'deploy.yml', draft: 'true' } })
    expect(run.result).toEqual({
      kind: 'dry-run',
      steps: [
        `push an annotated tag v1.3.0 at ${w.head.slice(0, 7)}`,
        'create or update the GitHub Release "v1.3.0" (the latest release) as a draft',
        'move the floating tag (major) to it',
        'send workflow_dispatch for v1.3.0 to deploy.yml'
      ]
    })
    expect(run.notes).toContain('### Features')
    expect(run.connects).toBe(0)
    expect(run.log).toEqual([])
    expect(originRefs(w)).toBe(before)
    expect(w.r.git('tag', '--list', 'v1.3.0')).toBe('')
  })

  it('`dry-run: true` in the configuration is only the default: the request decides', async () => {
    const w = world()
    const run = await release(w, { options: { 'dry-run': 'true' } })
    expect(run.result.kind).toBe('dry-run')
    const applied = await release(w, { options: { 'dry-run': 'true' }, dryRun: false })
    expect(applied.result.kind).toBe('applied')
  })

  it('a prerelease is described as one, with its own name', async () => {
    const w = world()
    const run = await release(w, { dryRun: true, options: { prerelease: 'rc', 'release-name': 'Release {version}' } })
    expect(run.result).toEqual({
      kind: 'dry-run',
      steps: [
        `push an annotated tag v1.3.0-rc.0 at ${w.head.slice(0, 7)}`,
        'create or update the GitHub Release "Release 1.3.0-rc.0" (a prerelease)'
      ]
    })
  })

  it('on a branch that may not release, a dry run is skipped like a release', async () => {
    const w = world()
    const run = await release(w, { dryRun: true, hints: { ...ON_MAIN, githubRef: 'refs/heads/feature' } })
    expect(run.result).toEqual({ kind: 'skipped', why: 'feature is not a release branch (release-branches: main)' })
  })
})

describe('runRelease: the branch', () => {
  it('a branch that is not a release branch: skipped with the why, the plan still made', async () => {
    const w = world()
    w.r.git('checkout', '-q', '-b', 'feature')
    const before = originRefs(w)
    const run = await release(w)
    expect(run.result).toEqual({ kind: 'skipped', why: 'feature is not a release branch (release-branches: main)' })
    expect(run.plan).toMatchObject({ kind: 'release', next: { tag: 'v1.3.0' } })
    expect(run.notes).toContain('### Features')
    expect(run.connects).toBe(0)
    expect(originRefs(w)).toBe(before)
  })

  it('release-branches globs decide, and name themselves in the why', async () => {
    const w = world()
    w.r.git('checkout', '-q', '-b', 'release/1.x')
    const options = { 'release-branches': 'release/*, next' }
    expect((await release(w, { options, dryRun: true, hints: { ...ON_MAIN, eventDefaultBranch: null } })).result.kind).toBe('dry-run')
    w.r.git('checkout', '-q', 'main')
    expect((await release(w, { options, dryRun: true })).result).toEqual({
      kind: 'skipped',
      why: 'main is not a release branch (release-branches: release/*, next)'
    })
  })

  it('detached HEAD with GITHUB_REF refs/heads/main: released', async () => {
    const w = world()
    w.r.git('checkout', '-q', '--detach')
    const run = await release(w, { hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' } })
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0', sha: w.head } })
    expect(originTag(w, 'v1.3.0')).toBe(w.head)
  })

  it('detached HEAD with GitLab CI_COMMIT_BRANCH=main: released', async () => {
    const w = world()
    w.r.git('checkout', '-q', '--detach')
    const run = await release(w, { hints: { githubRef: undefined, ciCommitBranch: 'main', eventDefaultBranch: 'main' } })
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { tag: 'v1.3.0' } })
  })

  it('GITHUB_REF wins over the branch checked out', async () => {
    const w = world()
    w.r.git('checkout', '-q', '-b', 'feature')
    const run = await release(w, { dryRun: true, hints: { ...ON_MAIN, githubRef: 'refs/heads/main' } })
    expect(run.result.kind).toBe('dry-run')
  })

  const DETACHED = 'HEAD is not on a branch (a tag push or a detached checkout), so nothing is released'
  it.each([
    ['detached, no hint', { githubRef: undefined, ciCommitBranch: undefined, eventDefaultBranch: 'main' }, DETACHED],
    ['detached, a tag push', { githubRef: 'refs/tags/v9.9.9', ciCommitBranch: undefined, eventDefaultBranch: 'main' }, DETACHED],
    ['detached, an empty CI_COMMIT_BRANCH', { githubRef: undefined, ciCommitBranch: '', eventDefaultBranch: 'main' }, DETACHED]
  ])('%s: skipped when the branch need not be known, EUSAGE when it must', async (_, hints, why) => {
    const w = world()
    w.r.git('checkout', '-q', '--detach')
    const before = originRefs(w)
    expect((await release(w, { hints, requireBranch: false })).result).toEqual({ kind: 'skipped', why })
    const error = await release(w, { hints, requireBranch: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VersoError)
    expect(error).toMatchObject({
      code: 'EUSAGE',
      message: `Nothing released: ${why}.`,
      hint: 'Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH).'
    })
    expect(originRefs(w)).toBe(before)
  })

  it('an unknown default branch (no event, no origin/HEAD, no remote): skipped, or EUSAGE when required', async () => {
    const w = world()
    w.r.git('remote', 'remove', 'origin')
    const hints = { ...ON_MAIN, eventDefaultBranch: null }
    const why = 'the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`'
    expect((await release(w, { hints })).result).toEqual({ kind: 'skipped', why })
    await expect(release(w, { hints, requireBranch: true })).rejects.toMatchObject({ code: 'EUSAGE', message: `Nothing released: ${why}.` })
  })

  it('a branch that is known not to release is skipped even when the branch is required', async () => {
    const w = world()
    const run = await release(w, { requireBranch: true, hints: { ...ON_MAIN, githubRef: 'refs/heads/feature' } })
    expect(run.result).toEqual({ kind: 'skipped', why: 'feature is not a release branch (release-branches: main)' })
  })
})

describe('runRelease: the default branch', () => {
  /** origin's own HEAD names `remote`, the clone's origin/HEAD names `recorded`, the event names `event`. */
  function defaults(w: World, recorded: string | null, remote: string): void {
    // The bare origin has every branch the tests name, so each source can point anywhere.
    for (const branch of ['trunk', 'develop']) w.r.git('push', '-q', 'origin', `main:refs/heads/${branch}`)
    execFileSync('git', ['symbolic-ref', 'HEAD', `refs/heads/${remote}`], { cwd: w.origin, env: w.r.env })
    if (recorded !== null) w.r.git('symbolic-ref', 'refs/remotes/origin/HEAD', `refs/remotes/origin/${recorded}`)
  }

  it.each([
    ['the event first', 'main', 'trunk', 'develop', 'main'],
    ['the event first, over a clone that says main', 'trunk', 'main', 'main', 'trunk'],
    ['else origin/HEAD', null, 'main', 'trunk', 'main'],
    ['else origin/HEAD, over a remote that says main', null, 'trunk', 'main', 'trunk'],
    ['else the remote (ls-remote)', null, null, 'main', 'main'],
    ['else the remote, when it says trunk', null, null, 'trunk', 'trunk']
  ])('%s', async (_, event: string | null, recorded: string | null, remote: string, chosen: string) => {
    const w = world()
    defaults(w, recorded, remote)
    const run = await release(w, { dryRun: true, hints: { githubRef: undefined, ciCommitBranch: undefined, eventDefaultBranch: event } })
    expect(run.result).toEqual(
      chosen === 'main'
        ? { kind: 'dry-run', steps: expect.arrayContaining([`push an annotated tag v1.3.0 at ${w.head.slice(0, 7)}`]) }
        : { kind: 'skipped', why: `main is not a release branch (release-branches: ${chosen})` }
    )
  })

  it('the remote is asked in a clone with no origin/HEAD, and the release reaches it', async () => {
    const w = world()
    const run = await release(w, { hints: { githubRef: undefined, ciCommitBranch: undefined, eventDefaultBranch: null } })
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { tag: 'v1.3.0' } })
    expect(originTag(w, 'v1.3.0')).toBe(w.head)
  })
})

describe("a clone without the remote's tags", () => {
  function cloneWithoutTags(w: World, name: string): string {
    const dir = join(w.r.root, name)
    execFileSync('git', ['clone', '-q', '--no-tags', w.origin, dir], { env: w.r.env })
    return dir
  }

  it("made with --no-tags, releases from the remote's last release, not a first one", async () => {
    const w = world()
    const clone = cloneWithoutTags(w, 'no-tags')
    expect(execFileSync('git', ['tag'], { cwd: clone, env: w.r.env, encoding: 'utf8' })).toBe('')
    const run = await release(w, { cwd: clone })
    expect(run.plan.previous?.tag).toBe('v1.2.3')
    expect(run.plan.next?.tag).toBe('v1.3.0')
    expect(run.log).toContain('Fetched the release tags the remote has and this clone did not: v1.2.3.')
    expect(originTag(w, 'v1.3.0')).toBe(w.head)
  })

  it("with older tags than the remote's, plans past the remote's last release", async () => {
    const w = world()
    const clone = cloneWithoutTags(w, 'older')
    execFileSync('git', ['fetch', '-q', 'origin', 'refs/tags/v1.2.3:refs/tags/v1.2.3'], { cwd: clone, env: w.r.env })
    // Another run releases v1.3.0; this clone then takes the branch, and not its tags.
    await release(w)
    w.r.commit('fix: c')
    w.r.git('push', '-q', 'origin', 'main')
    execFileSync('git', ['pull', '-q', '--no-tags', '--ff-only', 'origin', 'main'], { cwd: clone, env: w.r.env })
    expect(execFileSync('git', ['tag'], { cwd: clone, env: w.r.env, encoding: 'utf8' })).toBe('v1.2.3\n')
    const run = await release(w, { cwd: clone })
    expect([run.plan.previous?.tag, run.plan.next?.tag]).toEqual(['v1.3.0', 'v1.3.1'])
    expect(run.result.kind).toBe('applied')
  })

  it("never moves a tag the clone has, though the remote's differs", async () => {
    const w = world()
    const clone = cloneWithoutTags(w, 'moved')
    // Here v1.2.3 names a later commit than the remote's.
    execFileSync('git', ['tag', 'v1.2.3', 'HEAD~1'], { cwd: clone, env: w.r.env })
    await release(w, { cwd: clone, dryRun: true })
    expect(execFileSync('git', ['rev-parse', 'v1.2.3^{commit}'], { cwd: clone, env: w.r.env, encoding: 'utf8' }).trim()).toBe(
      execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: clone, env: w.r.env, encoding: 'utf8' }).trim()
    )
  })

  it("with no remote to ask, plans from the clone's own tags and says so", async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.2.3', { annotated: true })
    r.commit('feat: b')
    const run = await release({ r, origin: '', head: r.git('rev-parse', 'HEAD') }, { dryRun: true })
    expect(run.plan.next?.tag).toBe('v1.3.0')
    expect(run.log.find((line) => line.startsWith("The remote's tags could not be listed ("))).toMatch(/: planning from this clone's\.$/)
  })
})
