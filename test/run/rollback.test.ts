import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { createGit, type Git } from '../../src/git/git.js'
import { withRolledBackNote } from '../../src/notes/rolled-back.js'
import { createGather } from '../../src/run/gather.js'
import { planRelease } from '../../src/run/plan.js'
import { RollbackRefusedError, runRollback, type RollbackApi, type RollbackRun } from '../../src/run/rollback.js'
import { connect } from '../github/connect.js'
import type { FakeRelease, GitHubServer } from '../support/github-server.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repo = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')

interface World {
  readonly r: TestRepo
  readonly origin: string
  /** The commit of each release tag, by tag. */
  readonly sha: Readonly<Record<string, string>>
  readonly server: GitHubServer
  readonly api: RollbackApi
  /** The server's release of each tag that has one, by tag. */
  readonly release: Readonly<Record<string, FakeRelease>>
}

/**
 * v2.0.0 (a draft only), v2.0.2 (no GitHub Release), v2.0.3, v2.1.0 on main; v2.0.4 on
 * release/2.0; v2.2.0-rc.1 on next. v2 and v2.1 at v2.1.0, v2.0 at v2.0.4; v2.1.0 is latest.
 */
async function world(options: { prerelease203?: boolean } = {}): Promise<World> {
  const r = repo()
  const sha: Record<string, string> = {}
  const release = (tag: string, message: string) => {
    sha[tag] = r.commit(message)
    r.tag(tag, { annotated: true })
  }
  release('v2.0.0', 'feat!: two')
  release('v2.0.2', 'fix: a')
  release('v2.0.3', 'fix: b')
  r.git('checkout', '-q', '-b', 'release/2.0')
  release('v2.0.4', 'fix: c')
  r.git('checkout', '-q', 'main')
  release('v2.1.0', 'feat: d')
  r.git('checkout', '-q', '-b', 'next')
  release('v2.2.0-rc.1', 'feat: e')
  r.git('checkout', '-q', 'main')
  r.tag('v2', { at: sha['v2.1.0']! })
  r.tag('v2.1', { at: sha['v2.1.0']! })
  r.tag('v2.0', { at: sha['v2.0.4']! })
  const origin = r.addBareOrigin()

  const { server, api } = await connect()
  const made: Record<string, FakeRelease> = {}
  const publish = (tag: string, fields: Partial<FakeRelease> = {}) => {
    made[tag] = server.addRelease({ tag_name: tag, name: tag, body: `Notes of ${tag}.`, ...fields })
  }
  publish('v2.0.0', { draft: true })
  publish('v2.0.3', { prerelease: options.prerelease203 ?? false })
  publish('v2.0.4')
  publish('v2.1.0')
  publish('v2.2.0-rc.1', { prerelease: true })
  server.state.latestReleaseId = made['v2.1.0']!.id
  return { r, origin, sha, server, api, release: made }
}

interface Rollback {
  readonly options?: RawOptions
  readonly dryRun?: boolean
  readonly api?: RollbackApi | null
  readonly git?: Git
}

/** One rollback in `w`, with the pushes it made. */
async function rollback(w: World, to: string, run: Rollback = {}): Promise<RollbackRun & { log: string[]; pushes: number }> {
  const config = resolveConfig({ 'floating-tags': 'major-minor', ...run.options })
  const watched = watchPushes(run.git ?? createGit(w.r.dir, w.r.env))
  const log: string[] = []
  const result = await runRollback({
    git: watched.git,
    gather: createGather(watched.git, config),
    config,
    to,
    dryRun: run.dryRun ?? false,
    connect: () => (run.api === undefined ? w.api : run.api),
    log: (line) => log.push(line)
  })
  return { ...result, log, pushes: watched.pushes() }
}

/** The git adapter, counting pushes; `before` runs ahead of each (another run, racing this one). */
function watchPushes(git: Git, before?: () => void): { git: Git; pushes: () => number } {
  let pushes = 0
  return {
    git: {
      ...git,
      tryRun: async (args) => {
        if (args[0] === 'push') {
          pushes++
          before?.()
        }
        return git.tryRun(args)
      }
    },
    pushes: () => pushes
  }
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

/** Every ref of the origin: what a rollback may have pushed. */
const originRefs = (w: World) =>
  execFileSync('git', ['for-each-ref', '--format=%(refname) %(objectname)'], { cwd: w.origin, env: w.r.env, encoding: 'utf8' })
const writes = (server: GitHubServer) => server.requests.filter((q) => q.method !== 'GET')
const bodyOf = (w: World, tag: string) => w.server.state.releases.find((r) => r.tag_name === tag && !r.draft)?.body ?? null
const urlOf = (tag: string) => `https://github.com/octo-org/hello-world/releases/tag/${tag}`
const noteTo = (tag: string) => withRolledBackNote('', { tag, url: urlOf(tag) })

describe('runRollback: back, then forward', () => {
  it('from v2.1.0 to v2.0.3: the floating tags go back, v2.0.3 is latest, every newer stable release carries the note', async () => {
    const w = await world()
    const run = await rollback(w, '2.0.3')
    expect(run.kind).toBe('applied')
    if (run.kind !== 'applied') return
    const target = {
      tag: 'v2.0.3',
      version: '2.0.3',
      sha: w.sha['v2.0.3'],
      release: { id: w.release['v2.0.3']!.id, tag: 'v2.0.3', url: urlOf('v2.0.3') }
    }
    expect(run.outcome).toEqual({
      target,
      floating: ['v2', 'v2.0'],
      madeLatest: true,
      marked: [
        { tag: 'v2.1.0', url: urlOf('v2.1.0') },
        { tag: 'v2.0.4', url: urlOf('v2.0.4') }
      ],
      cleared: [],
      rolledBack: [
        { tag: 'v2.1.0', url: urlOf('v2.1.0') },
        { tag: 'v2.0.4', url: urlOf('v2.0.4') }
      ],
      changed: true
    })
    // v2 and v2.0 follow v2.0.3 now; v2.1 has no release left that is not rolled back, so it stays.
    expect(originTag(w, 'v2')).toBe(w.sha['v2.0.3'])
    expect(originTag(w, 'v2.0')).toBe(w.sha['v2.0.3'])
    expect(originTag(w, 'v2.1')).toBe(w.sha['v2.1.0'])
    expect(w.server.state.latestReleaseId).toBe(w.release['v2.0.3']!.id)
    for (const tag of ['v2.1.0', 'v2.0.4']) {
      expect(bodyOf(w, tag)).toBe(`${noteTo('v2.0.3')}\n\nNotes of ${tag}.`)
      expect(bodyOf(w, tag)).toContain('> [!WARNING]\n> Rolled back: [v2.0.3](')
    }
    // The prerelease, the target and the draft are left as they were; no release is deleted, no tag either.
    expect(bodyOf(w, 'v2.2.0-rc.1')).toBe('Notes of v2.2.0-rc.1.')
    expect(bodyOf(w, 'v2.0.3')).toBe('Notes of v2.0.3.')
    expect(w.server.state.releases).toHaveLength(5)
    expect(originTag(w, 'v2.1.0')).toBe(w.sha['v2.1.0'])
    expect(run.log).toEqual([
      `Moved floating tag v2 from v2.1.0 to v2.0.3 (${w.sha['v2.0.3']!.slice(0, 7)}).`,
      `Moved floating tag v2.0 from v2.0.4 to v2.0.3 (${w.sha['v2.0.3']!.slice(0, 7)}).`,
      `Marked the GitHub Release v2.0.3 latest: ${urlOf('v2.0.3')}`,
      `Marked v2.1.0 rolled back: ${urlOf('v2.1.0')}`,
      `Marked v2.0.4 rolled back: ${urlOf('v2.0.4')}`
    ])
    // One listing and one look at the latest release: no look-up per tag.
    expect(w.server.requests.filter((q) => q.method === 'GET').map((q) => q.route)).toEqual([
      'GET /repos/{owner}/{repo}/releases',
      'GET /repos/{owner}/{repo}/releases/latest'
    ])
    expect(writes(w.server).map((q) => [q.path, q.body])).toEqual([
      [`/repos/octo-org/hello-world/releases/${w.release['v2.0.3']!.id}`, { make_latest: 'true' }],
      [`/repos/octo-org/hello-world/releases/${w.release['v2.1.0']!.id}`, { body: bodyOf(w, 'v2.1.0') }],
      [`/repos/octo-org/hello-world/releases/${w.release['v2.0.4']!.id}`, { body: bodyOf(w, 'v2.0.4') }]
    ])
    expect(w.server.violations).toEqual([])
  })

  it('forward again to v2.1.0 (written as its tag): the notes come off, v2 and v2.0 go forward, v2.1.0 is latest', async () => {
    const w = await world()
    await rollback(w, '2.0.3')
    const run = await rollback(w, 'v2.1.0')
    expect(run).toMatchObject({
      kind: 'applied',
      outcome: {
        target: { tag: 'v2.1.0', sha: w.sha['v2.1.0'] },
        floating: ['v2', 'v2.0'],
        madeLatest: true,
        marked: [],
        cleared: [
          { tag: 'v2.1.0', url: urlOf('v2.1.0') },
          { tag: 'v2.0.4', url: urlOf('v2.0.4') }
        ],
        rolledBack: [],
        changed: true
      }
    })
    expect(originTag(w, 'v2')).toBe(w.sha['v2.1.0'])
    // v2.0 follows the newest of its line again, which is no longer rolled back.
    expect(originTag(w, 'v2.0')).toBe(w.sha['v2.0.4'])
    expect(originTag(w, 'v2.1')).toBe(w.sha['v2.1.0'])
    expect(w.server.state.latestReleaseId).toBe(w.release['v2.1.0']!.id)
    for (const tag of ['v2.0.3', 'v2.0.4', 'v2.1.0', 'v2.2.0-rc.1']) expect(bodyOf(w, tag)).toBe(`Notes of ${tag}.`)
    // The target's own note comes off with the same request that marks it latest.
    expect(writes(w.server).at(-2)?.body).toEqual({ make_latest: 'true', body: 'Notes of v2.1.0.' })
    expect(w.server.violations).toEqual([])
  })

  it('rolling back past an earlier rollback moves every note to the new target, one note a release', async () => {
    const w = await world()
    await rollback(w, '2.0.4')
    expect(bodyOf(w, 'v2.1.0')).toBe(`${noteTo('v2.0.4')}\n\nNotes of v2.1.0.`)
    const run = await rollback(w, '2.0.3')
    expect(run).toMatchObject({ kind: 'applied', outcome: { marked: [{ tag: 'v2.1.0' }, { tag: 'v2.0.4' }], cleared: [] } })
    expect(bodyOf(w, 'v2.1.0')).toBe(`${noteTo('v2.0.3')}\n\nNotes of v2.1.0.`)
    expect(bodyOf(w, 'v2.0.4')).toBe(`${noteTo('v2.0.3')}\n\nNotes of v2.0.4.`)
  })

  it('the next release still takes the version above the highest tag: a fix after rolling back to 2.0.3 is 2.1.1', async () => {
    const w = await world()
    await rollback(w, '2.0.3')
    w.r.commit('fix: after the rollback')
    const config = resolveConfig({ 'floating-tags': 'major-minor' })
    const git = createGit(w.r.dir, w.r.env)
    const { plan } = await planRelease(createGather(git, config), config, NOW)
    expect(plan).toMatchObject({ kind: 'release', previous: { tag: 'v2.1.0' }, next: { tag: 'v2.1.1' } })
  })
})

describe('runRollback: idempotence', () => {
  it('a second identical run pushes nothing and writes nothing', async () => {
    const w = await world()
    const first = await rollback(w, '2.0.3')
    expect(first.pushes).toBe(2)
    const refs = originRefs(w)
    const made = writes(w.server).length
    const again = await rollback(w, '2.0.3')
    expect(again.pushes).toBe(0)
    expect(writes(w.server)).toHaveLength(made)
    expect(originRefs(w)).toBe(refs)
    expect(again).toMatchObject({
      kind: 'applied',
      plan: { floating: [], targetEdit: null, mark: [], clear: [] },
      outcome: {
        floating: [],
        madeLatest: false,
        marked: [],
        cleared: [],
        changed: false,
        rolledBack: [{ tag: 'v2.1.0' }, { tag: 'v2.0.4' }]
      }
    })
    expect(again.log).toEqual([])
  })

  it('rolling forward to the latest release of a repository never rolled back changes nothing', async () => {
    const w = await world()
    const run = await rollback(w, '2.1.0', { options: { 'floating-tags': 'major' } })
    expect(run).toMatchObject({ kind: 'applied', outcome: { changed: false, rolledBack: [] } })
    expect(run.pushes).toBe(0)
    expect(writes(w.server)).toEqual([])
  })

  it('a body edited on github.com (CRLF line endings) is still recognised as carrying the note', async () => {
    const w = await world()
    await rollback(w, '2.0.3')
    const edited = w.server.state.releases.find((r) => r.tag_name === 'v2.1.0')!
    edited.body = edited.body!.replaceAll('\n', '\r\n')
    const again = await rollback(w, '2.0.3')
    expect(again).toMatchObject({ kind: 'applied', outcome: { changed: false } })
  })
})

describe('runRollback: refusals change nothing', () => {
  it.each([
    [
      'two',
      'not-a-version',
      'EUSAGE',
      '`two` is not a version to roll back to: expected a SemVer version such as 2.0.3, or its tag v2.0.3.'
    ],
    ['', 'not-a-version', 'EUSAGE', 'No version was given to roll back to: expected a SemVer version such as 2.0.3, or its tag v2.0.3.'],
    [
      'v2.2.0-rc.1',
      'prerelease',
      'EUSAGE',
      'v2.2.0-rc.1 is a prerelease: a rollback makes a stable release the latest again, and GitHub never marks a prerelease latest.'
    ],
    ['2.0.9', 'no-tag', 'EUSAGE', 'There is no tag v2.0.9, so no release of it to roll back to.'],
    ['2.0.2', 'no-release', 'EUSAGE', 'v2.0.2 is tagged, but has no GitHub Release to make the latest again.'],
    ['2.0.0', 'no-release', 'EUSAGE', 'v2.0.0 has only a draft GitHub Release, and a draft cannot be the latest release.']
  ])('%j: %s', async (to, kind, code, message) => {
    const w = await world()
    const refs = originRefs(w)
    const failure = await rollback(w, to).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(RollbackRefusedError)
    expect(failure).toMatchObject({ code, message, refusal: { kind } })
    expect((failure as RollbackRefusedError).hint).toMatch(/Nothing was changed\.$/)
    expect(originRefs(w)).toBe(refs)
    expect(writes(w.server)).toEqual([])
  })

  it('names the three versions tagged nearest to one that is not', async () => {
    const w = await world()
    const failure = await rollback(w, '2.0.9').catch((error: unknown) => error)
    expect(failure).toMatchObject({
      refusal: { kind: 'no-tag', tag: 'v2.0.9', nearest: ['v2.1.0', 'v2.0.4', 'v2.0.3'] },
      hint: 'The nearest versions tagged: v2.1.0, v2.0.4, v2.0.3. Nothing was changed.'
    })
  })

  it('without the API: refused, saying which token it needs', async () => {
    const w = await world()
    const refs = originRefs(w)
    const failure = await rollback(w, '2.0.3', { api: null }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'EGITHUBAUTH', refusal: { kind: 'no-api' } })
    expect((failure as RollbackRefusedError).hint).toContain('github-token')
    expect((failure as RollbackRefusedError).hint).toContain('GITHUB_TOKEN')
    expect((failure as RollbackRefusedError).hint).toContain('contents: write')
    expect(originRefs(w)).toBe(refs)
    expect(w.server.requests).toEqual([])
  })

  it('a stable version whose GitHub Release is marked a prerelease is refused', async () => {
    const w = await world({ prerelease203: true })
    const failure = await rollback(w, '2.0.3').catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'EUSAGE', refusal: { kind: 'prerelease', tag: 'v2.0.3', by: 'release' } })
    expect(writes(w.server)).toEqual([])
  })

  it('a local tag that is not the remote one is refused before a floating tag follows it', async () => {
    const w = await world()
    w.r.git('tag', '-f', '-a', 'v2.0.3', '-m', 'moved', w.sha['v2.0.2']!)
    const refs = originRefs(w)
    const failure = await rollback(w, '2.0.3').catch((error: unknown) => error)
    expect(failure).toMatchObject({
      code: 'ETAGEXISTS',
      refusal: { kind: 'tag-differs', tag: 'v2.0.3', local: w.sha['v2.0.2'], remote: w.sha['v2.0.3'] }
    })
    expect(originRefs(w)).toBe(refs)
    expect(writes(w.server)).toEqual([])
  })
})

describe('runRollback: dry run', () => {
  it('returns the steps it would take, and pushes and writes nothing', async () => {
    const w = await world()
    const refs = originRefs(w)
    const run = await rollback(w, '2.0.3', { dryRun: true })
    expect(run).toMatchObject({
      kind: 'dry-run',
      plan: {
        target: { tag: 'v2.0.3', sha: w.sha['v2.0.3'] },
        latest: { tag: 'v2.1.0' },
        floating: [
          { tag: 'v2', release: 'v2.0.3', sha: w.sha['v2.0.3'], seen: { commit: w.sha['v2.1.0'], release: 'v2.1.0' } },
          { tag: 'v2.0', release: 'v2.0.3', sha: w.sha['v2.0.3'], seen: { commit: w.sha['v2.0.4'], release: 'v2.0.4' } }
        ],
        targetEdit: { kind: 'make-latest', body: null },
        mark: [{ tag: 'v2.1.0' }, { tag: 'v2.0.4' }],
        clear: []
      }
    })
    expect(run.pushes).toBe(0)
    expect(run.log).toEqual([])
    expect(originRefs(w)).toBe(refs)
    expect(writes(w.server)).toEqual([])
    expect(w.server.state.latestReleaseId).toBe(w.release['v2.1.0']!.id)
  })
})

describe('runRollback: floating tags', () => {
  it('a move that loses a race (the tag moved on the remote after it was read) looks again and moves it from there', async () => {
    const w = await world()
    let raced = false
    const git = watchPushes(createGit(w.r.dir, w.r.env), () => {
      if (raced) return
      raced = true
      execFileSync('git', ['update-ref', 'refs/tags/v2', w.sha['v2.0.0']!], { cwd: w.origin, env: w.r.env })
    }).git
    const run = await rollback(w, '2.0.3', { git, options: { 'floating-tags': 'major' } })
    expect(run).toMatchObject({ kind: 'applied', outcome: { floating: ['v2'] } })
    expect(originTag(w, 'v2')).toBe(w.sha['v2.0.3'])
    // The first push was refused by its lease, the second made from where the tag had gone.
    expect(run.pushes).toBe(2)
    expect(run.log[0]).toBe(`Moved floating tag v2 from v2.1.0 to v2.0.3 (${w.sha['v2.0.3']!.slice(0, 7)}).`)
  })

  it('a tag that keeps moving stops the rollback after a few looks, before any release is changed', async () => {
    const w = await world()
    const away = [w.sha['v2.0.0']!, w.sha['v2.0.2']!]
    let pushes = 0
    const git = watchPushes(createGit(w.r.dir, w.r.env), () => {
      execFileSync('git', ['update-ref', 'refs/tags/v2', away[pushes++ % 2]!], { cwd: w.origin, env: w.r.env })
    }).git
    const failure = await rollback(w, '2.0.3', { git, options: { 'floating-tags': 'major' } }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'EPUSH', message: 'The floating tag v2 kept moving while this run tried to move it to v2.0.3.' })
    expect(pushes).toBe(5)
    expect(writes(w.server)).toEqual([])
    expect(w.server.state.latestReleaseId).toBe(w.release['v2.1.0']!.id)
  })

  it('with floating-tags none no tag is moved, and the releases still are', async () => {
    const w = await world()
    const refs = originRefs(w)
    const run = await rollback(w, '2.0.3', { options: { 'floating-tags': 'none' } })
    expect(run).toMatchObject({
      kind: 'applied',
      outcome: { floating: [], madeLatest: true, marked: [{ tag: 'v2.1.0' }, { tag: 'v2.0.4' }] }
    })
    expect(run.pushes).toBe(0)
    expect(originRefs(w)).toBe(refs)
  })

  it('the target line gets its floating tag when it has none yet', async () => {
    const w = await world()
    execFileSync('git', ['update-ref', '-d', 'refs/tags/v2'], { cwd: w.origin, env: w.r.env })
    const run = await rollback(w, '2.0.3', { options: { 'floating-tags': 'major' } })
    expect(run).toMatchObject({ kind: 'applied', plan: { floating: [{ tag: 'v2', seen: null }] }, outcome: { floating: ['v2'] } })
    expect(originTag(w, 'v2')).toBe(w.sha['v2.0.3'])
  })
})

describe('runRollback: in a shallow clone', () => {
  it('fetches the tags it needs and moves the floating tag from there, as in a checkout with fetch-depth 1', async () => {
    const w = await world()
    const dir = w.r.shallowClone(1)
    const run = await rollback(w, '2.0.3', { git: createGit(dir, w.r.env), options: { 'floating-tags': 'major' } })
    expect(run).toMatchObject({ kind: 'applied', outcome: { floating: ['v2'], madeLatest: true } })
    expect(originTag(w, 'v2')).toBe(w.sha['v2.0.3'])
  })
})

describe('runRollback: CalVer and many releases', () => {
  it('CalVer versions have no floating tags: only the releases change', async () => {
    const r = repo()
    const first = r.commit('fix: a')
    r.tag('v2024.01.0', { annotated: true })
    r.commit('fix: b')
    r.tag('v2024.02.0', { annotated: true })
    r.tag('v2024', { at: first })
    const origin = r.addBareOrigin()
    const { server, api } = await connect()
    const january = server.addRelease({ tag_name: 'v2024.01.0', body: 'January.' })
    const february = server.addRelease({ tag_name: 'v2024.02.0', body: 'February.' })
    server.state.latestReleaseId = february.id
    const config = resolveConfig({ scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO', 'floating-tags': 'major' })
    const git = createGit(r.dir, r.env)
    const refs = execFileSync('git', ['for-each-ref'], { cwd: origin, env: r.env, encoding: 'utf8' })
    const run = await runRollback({
      git,
      gather: createGather(git, config),
      config,
      to: '2024.01.0',
      dryRun: false,
      connect: () => api,
      log: () => {}
    })
    expect(run).toMatchObject({ kind: 'applied', outcome: { floating: [], madeLatest: true, marked: [{ tag: 'v2024.02.0' }] } })
    expect(execFileSync('git', ['for-each-ref'], { cwd: origin, env: r.env, encoding: 'utf8' })).toBe(refs)
    expect(server.state.latestReleaseId).toBe(january.id)
    expect(february.body).toMatch(/^<!-- verso:rolled-back -->\n> \[!WARNING\]\n> Rolled back: \[v2024\.01\.0\]/)
  })

  it('reads every release in one paginated listing, however many other releases there are', async () => {
    const w = await world()
    for (let i = 0; i < 230; i++) w.server.addRelease({ tag_name: `tools-1.0.${i}`, body: 'Another package.' })
    const run = await rollback(w, '2.0.3')
    expect(run).toMatchObject({ kind: 'applied', outcome: { marked: [{ tag: 'v2.1.0' }, { tag: 'v2.0.4' }] } })
    const reads = w.server.requests.filter((q) => q.method === 'GET').map((q) => q.route)
    expect(reads.filter((route) => route === 'GET /repos/{owner}/{repo}/releases')).toHaveLength(3)
    expect(reads).not.toContain('GET /repos/{owner}/{repo}/releases/tags/{tag}')
    // Releases of tags that are not versions here are never touched.
    expect(w.server.state.releases.filter((r) => r.tag_name.startsWith('tools-')).every((r) => r.body === 'Another package.')).toBe(true)
  })
})
