import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig, type Config, type Packages, type RawOptions } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import { createGather, type BranchHints } from '../../src/run/gather.js'
import { runPackagesRelease } from '../../src/run/packages.js'
import { withPublisher, type PublishContext, type PublishRun } from '../../src/run/publish.js'
import type { ReleasesApi } from '../../src/run/apply.js'
import { publishedOutput } from '../../src/report/publish.js'
import { runRelease, type ReleaseRun } from '../../src/run/release.js'
import { runRollback } from '../../src/run/rollback.js'
import { connect } from '../github/connect.js'
import { startRegistry, testNpm, type TestRegistry } from '../support/registry.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repo = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')

// One registry for the whole file; each test publishes packages of its own name.
let registry: TestRegistry
beforeAll(async () => {
  registry = await startRegistry()
}, 60_000)
afterAll(async () => {
  await registry?.close()
})

let names = 0
/** A package name no other test of this run uses. */
function uniqueName(base: string): string {
  return `${base}-${process.pid}-${++names}`
}

function write(r: TestRepo, path: string, text: string): void {
  mkdirSync(dirname(join(r.dir, path)), { recursive: true })
  writeFileSync(join(r.dir, path), text)
}

function setManifest(r: TestRepo, manifest: Record<string, unknown>): void {
  write(r, 'package.json', `${JSON.stringify(manifest, null, 2)}\n`)
}

const hints = (branch: string): BranchHints => ({
  githubRef: `refs/heads/${branch}`,
  ciCommitBranch: undefined,
  eventDefaultBranch: 'main'
})

/** A package released as v1.2.3, then `messages` on main, all of it on a bare origin. */
function world(name: string, messages: string[] = ['feat: a'], files: Record<string, string> = {}): TestRepo {
  const r = repo()
  write(r, 'package.json', `${JSON.stringify({ name, version: '1.2.3', files: ['index.js', ...Object.keys(files)] }, null, 2)}\n`)
  write(r, 'index.js', 'export const answer = 42\n')
  for (const [path, text] of Object.entries(files)) write(r, path, text)
  r.git('add', '-A')
  r.commit('chore: init')
  r.tag('v1.2.3', { annotated: true })
  r.commits(...messages)
  r.addBareOrigin()
  return r
}

interface Run {
  readonly options?: RawOptions
  readonly branch?: string
  readonly dryRun?: boolean
  readonly env?: NodeJS.ProcessEnv
  readonly api?: ReleasesApi
}

interface Ran {
  readonly run: ReleaseRun
  readonly log: string[]
  readonly warnings: string[]
  /** Where the run's temporary files went: empty again once it is over. */
  readonly temp: string
}

function publishContext(r: TestRepo, temp: string, warnings: string[], env: NodeJS.ProcessEnv = {}): PublishContext {
  return { npm: testNpm, env: { ...r.env, NODE_AUTH_TOKEN: registry.token, ...env }, warn: (m) => warnings.push(m), tempRoot: temp }
}

function tempFolder(): string {
  const temp = mkdtempSync(join(tmpdir(), 'verso-publish-temp-'))
  return temp
}

/** One release run of `r` with `publish: npm` to the test registry. */
async function release(r: TestRepo, run: Run = {}): Promise<Ran> {
  const config = resolveConfig({ publish: 'npm', registry: registry.url, ...run.options })
  const git = createGit(r.dir, r.env)
  const log: string[] = []
  const warnings: string[] = []
  const temp = tempFolder()
  const result = await runRelease({
    git,
    gather: createGather(git, config),
    config,
    now: NOW,
    hints: hints(run.branch ?? 'main'),
    dryRun: run.dryRun ?? false,
    requireBranch: false,
    repositoryUrl: null,
    connect: () => run.api ?? null,
    log: (line) => log.push(line),
    publish: publishContext(r, temp, warnings, run.env)
  })
  return { run: result, log, warnings, temp }
}

/** What the registry says of a package, as npm reads it (its packument), or null when it has none. */
async function view(name: string): Promise<{ versions: string[]; 'dist-tags': Record<string, string> } | null> {
  const answer = await fetch(`${registry.url}${encodeURIComponent(name)}`)
  if (answer.status === 404) return null
  const data = (await answer.json()) as { versions: Record<string, unknown>; 'dist-tags': Record<string, string> }
  return { versions: Object.keys(data.versions), 'dist-tags': data['dist-tags'] }
}

async function gitHeadOf(name: string, version: string): Promise<string | null> {
  const answer = await fetch(`${registry.url}${encodeURIComponent(name)}`)
  const data = (await answer.json()) as { versions: Record<string, { gitHead?: string }> }
  return data.versions[version]?.gitHead ?? null
}

const originTags = (r: TestRepo) =>
  r
    .git('ls-remote', '--tags', 'origin')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[1]!)

const publishesOf = (name: string) => registry.publishes.filter((p) => p === name)

function entries(publish: PublishRun | null | undefined) {
  return (publish?.entries ?? []).map((e) => ({
    kind: e.kind,
    name: e.name,
    version: e.version,
    ...('distTag' in e ? { distTag: e.distTag.tag } : {})
  }))
}

describe('publishing a release to a real registry', () => {
  it('publishes once the tag is pushed: the version in the manifest, gitHead the tagged commit, latest, and no token left on disk', async () => {
    const name = uniqueName('first')
    const r = world(name)
    const head = r.git('rev-parse', 'HEAD')
    const { run, log, temp } = await release(r)
    expect(run.result.kind).toBe('applied')
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    expect(originTags(r)).toContain('refs/tags/v1.3.0')
    const seen = (await view(name))!
    expect(seen.versions).toEqual(['1.3.0'])
    expect(seen['dist-tags']).toEqual({ latest: '1.3.0' })
    expect(await gitHeadOf(name, '1.3.0')).toBe(head)
    // The version is in the working tree's manifest, not in a commit.
    expect(JSON.parse(readFileSync(join(r.dir, 'package.json'), 'utf8')).version).toBe('1.3.0')
    expect(r.git('rev-parse', 'HEAD')).toBe(head)
    expect(r.git('status', '--porcelain')).toBe('M package.json')
    // The token went through a configuration of its own, outside the repository, and is gone.
    expect(readdirSync(temp)).toEqual([])
    expect(existsSync(join(r.dir, '.npmrc'))).toBe(false)
    expect(log.join('\n')).not.toContain(registry.token)
    expect(log).toContain(`Published ${name}@1.3.0 to ${registry.url} (dist-tag latest).`)
  })

  it('a re-run publishes nothing twice: the registry has one version, published once', async () => {
    const name = uniqueName('rerun')
    const r = world(name)
    await release(r)
    const again = await release(r)
    expect(again.run.resumed).toBe(true)
    expect(entries(again.run.publish)).toEqual([{ kind: 'already-published', name, version: '1.3.0' }])
    expect(publishesOf(name)).toEqual([name])
    expect((await view(name))!.versions).toEqual(['1.3.0'])
  })

  it('a release tagged by a run that did not publish is published by the next run of the same commit', async () => {
    const name = uniqueName('tagged')
    const r = world(name)
    const first = await release(r, { options: { publish: 'none' } })
    expect(first.run.publish).toBeNull()
    expect(originTags(r)).toContain('refs/tags/v1.3.0')
    expect(await view(name)).toBeNull()
    const second = await release(r)
    expect(second.run.resumed).toBe(true)
    expect(entries(second.run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    expect((await view(name))!.versions).toEqual(['1.3.0'])
  })

  it('a prerelease goes to its channel (next), and latest stays on the stable release', async () => {
    const name = uniqueName('channel')
    const r = world(name)
    await release(r)
    r.git('checkout', '-q', '-b', 'next')
    r.commit('feat: b')
    r.git('push', '-q', 'origin', 'next')
    const branches = { branches: ['main', { name: 'next', prerelease: 'true' }] } as RawOptions
    const { run } = await release(r, { branch: 'next', options: branches })
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.4.0-next.0', distTag: 'next' }])
    expect((await view(name))!['dist-tags']).toEqual({ latest: '1.3.0', next: '1.4.0-next.0' })
  })

  it('a maintenance release goes to release-1.x and never moves latest back', async () => {
    const name = uniqueName('maintenance')
    const r = world(name, [])
    r.git('branch', '1.x')
    r.commit('feat!: two')
    r.git('push', '-q', 'origin', 'main', '1.x')
    const options = { 'release-branches': 'main, 1.x' }
    await release(r, { options })
    expect((await view(name))!['dist-tags']).toEqual({ latest: '2.0.0' })
    r.git('checkout', '-q', '1.x')
    write(r, 'index.js', 'export const answer = 43\n')
    r.git('add', '-A')
    r.commit('fix: one')
    r.git('push', '-q', 'origin', '1.x')
    const { run } = await release(r, { branch: '1.x', options })
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.2.4', distTag: 'release-1.x' }])
    expect((await view(name))!['dist-tags']).toEqual({ latest: '2.0.0', 'release-1.x': '1.2.4' })
  })

  it('a version the registry has from another commit is an error before anything is tagged, and nothing is overwritten', async () => {
    const name = uniqueName('elsewhere')
    const other = world(name, ['feat: other'])
    await release(other)
    const otherHead = other.git('rev-parse', 'HEAD')
    const r = world(name, ['feat: ours'])
    const temp = tempFolder()
    const attempt = release(r, {})
    await expect(attempt).rejects.toThrow(VersoError)
    await expect(attempt).rejects.toMatchObject({
      code: 'ENPMCONFLICT',
      message: `${name}@1.3.0 is on ${registry.url} already, published from commit ${otherHead.slice(0, 7)}, not from ${r.git('rev-parse', 'HEAD').slice(0, 7)} (v1.3.0). Nothing was committed, tagged or published.`
    })
    // Its commit is not one of this repository's: the way out is a higher version, and the stray one deprecated.
    const error = (await attempt.catch((e: unknown) => e)) as VersoError
    expect(error.hint).toContain('`bump` set above this release')
    expect(error.hint).toContain(`npm deprecate ${name}@1.3.0`)
    expect(originTags(r)).not.toContain('refs/tags/v1.3.0')
    expect(await gitHeadOf(name, '1.3.0')).toBe(otherHead)
    expect(publishesOf(name)).toEqual([name])
    rmSync(temp, { recursive: true, force: true })
  })

  it('the temporary configuration is removed when publishing fails too', async () => {
    const name = uniqueName('failing')
    const r = world(name)
    const temp = tempFolder()
    const config = resolveConfig({ publish: 'npm', registry: registry.url })
    const git = createGit(r.dir, r.env)
    const context = { ...publishContext(r, temp, [], { NODE_AUTH_TOKEN: 'not-a-token-of-this-registry' }) }
    await expect(
      runRelease({
        git,
        gather: createGather(git, config),
        config,
        now: NOW,
        hints: hints('main'),
        dryRun: false,
        requireBranch: false,
        repositoryUrl: null,
        connect: () => null,
        log: () => {},
        publish: context
      })
    ).rejects.toMatchObject({ code: 'ENPM' })
    expect(readdirSync(temp)).toEqual([])
    expect(await view(name)).toBeNull()
  })

  it.each([
    [
      "the package's publishConfig.registry",
      (r: TestRepo, name: string) => setManifest(r, { name, version: '1.2.3', publishConfig: { registry: registry.url } })
    ],
    ["the repository's .npmrc", (r: TestRepo) => write(r, '.npmrc', `registry=${registry.url}\n`)]
  ])('without `registry`, the registry is %s', async (_, configure) => {
    const name = uniqueName('configured')
    const r = world(name)
    configure(r, name)
    r.git('add', '-A')
    r.commit('chore: registry')
    r.git('push', '-q', 'origin', 'main')
    const { run } = await release(r, { options: { registry: '' } })
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    expect(run.publish!.entries[0]).toMatchObject({ registry: registry.url })
    expect((await view(name))!.versions).toEqual(['1.3.0'])
  })

  it('provenance where it cannot be made is a warning, not a failure', async () => {
    const name = uniqueName('provenance')
    const r = world(name)
    const { run, warnings } = await release(r, { options: { provenance: 'true' } })
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    expect(warnings).toEqual([`${name} is published without provenance: provenance is made on GitHub Actions, and this run is not on it.`])
  })

  it('a dry run lists the tarball and its size, warns of a .env in it, and asks the registry (read-only) for its dist-tag', async () => {
    const name = uniqueName('dry')
    const r = world(name, ['feat: a'], { '.env': 'API_KEY=abc\n' })
    const before = registry.requests.length
    const { run, warnings, log } = await release(r, { dryRun: true })
    const asked = registry.requests.slice(before)
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.every((line) => line.startsWith('GET '))).toBe(true)
    expect(run.result.kind).toBe('dry-run')
    const entry = run.publish!.entries[0]!
    expect(entry).toMatchObject({ kind: 'would-publish', name, version: '1.3.0', registry: registry.url, distTag: { tag: 'latest' } })
    expect(entry.kind === 'would-publish' && entry.tarball.files.map((f) => f.path).sort()).toEqual(['.env', 'index.js', 'package.json'])
    expect(entry.kind === 'would-publish' && entry.tarball.size).toBeGreaterThan(0)
    expect(run.result.kind === 'dry-run' && run.result.steps.at(-1)).toBe(
      `publish ${name}@1.3.0 to ${registry.url} with the dist-tag latest`
    )
    expect(warnings).toEqual([
      `The tarball of ${name} holds files that look like secrets: .env (an environment file). Leave them out with \`files\` in package.json or an .npmignore, unless they are meant to be published.`
    ])
    expect(log).toEqual([])
    expect(JSON.parse(readFileSync(join(r.dir, 'package.json'), 'utf8')).version).toBe('1.2.3')
    expect(r.git('status', '--porcelain')).toBe('')
    expect(await view(name)).toBeNull()
  })

  it('a dry run decides as the run would: already published, or a conflict', async () => {
    const name = uniqueName('dry-decides')
    const r = world(name)
    await release(r)
    const again = await release(r, { dryRun: true })
    expect(entries(again.run.publish)).toEqual([{ kind: 'already-published', name, version: '1.3.0' }])
    // The registry has 1.3.0 from elsewhere: a dry run of another repository says so, as its run would.
    const other = world(name, ['feat: other'])
    await expect(release(other, { dryRun: true })).rejects.toMatchObject({ code: 'ENPMCONFLICT' })
    expect(originTags(other)).not.toContain('refs/tags/v1.3.0')
  })
})

describe('the order of a release that publishes', () => {
  it('publishes before the GitHub Release and its dispatches: a failed publish sends none, and the re-run sends them once', async () => {
    const name = uniqueName('order')
    const r = world(name)
    const { server, api } = await connect()
    const options = { 'dispatch-workflows': 'deploy.yml' }
    const failed = release(r, { api, options, env: { NODE_AUTH_TOKEN: 'not-a-token-of-this-registry' } })
    await expect(failed).rejects.toMatchObject({ code: 'ENPM' })
    // The tag is pushed (npm's version names it), and nothing announces a version npm does not have.
    expect(originTags(r)).toContain('refs/tags/v1.3.0')
    expect(server.state.releases).toEqual([])
    expect(server.state.dispatches).toEqual([])
    const again = await release(r, { api, options })
    expect(entries(again.run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    expect(server.state.releases.map((x) => x.tag_name)).toEqual(['v1.3.0'])
    expect(server.state.dispatches.map((d) => [d.workflow, d.ref])).toEqual([['deploy.yml', 'v1.3.0']])
    const third = await release(r, { api, options })
    expect(entries(third.run.publish)).toEqual([{ kind: 'already-published', name, version: '1.3.0' }])
    expect(server.state.dispatches).toHaveLength(1)
    expect(publishesOf(name)).toEqual([name])
  })

  it('a tag left unpublished by a stopped run: the next release announces nothing for it, and the re-run of that push publishes both', async () => {
    const name = uniqueName('stopped')
    const r = world(name)
    const { server, api } = await connect()
    const stopped = r.git('rev-parse', 'HEAD')
    await expect(release(r, { api, env: { NODE_AUTH_TOKEN: 'not-a-token-of-this-registry' } })).rejects.toMatchObject({ code: 'ENPM' })
    expect(originTags(r)).toContain('refs/tags/v1.3.0')
    r.git('checkout', '-q', '--', 'package.json')
    r.commit('feat: b')
    r.git('push', '-q', 'origin', 'main')
    const newer = await release(r, { api })
    expect(entries(newer.run.publish)).toEqual([{ kind: 'published', name, version: '1.4.0', distTag: 'latest' }])
    // v1.3.0 is not on npm: no GitHub Release says it is, and npm did not get this checkout's files as 1.3.0.
    expect(server.state.releases.map((x) => x.tag_name)).toEqual(['v1.4.0'])
    expect((await view(name))!.versions).toEqual(['1.4.0'])
    expect(newer.run.result.kind === 'applied' && newer.run.result.finished).toBeNull()
    expect(newer.warnings).toEqual([
      `v1.3.0 is tagged without its GitHub Release, and ${registry.url} has no ${name}@1.3.0: the run that pushed the tag stopped before ` +
        'publishing, or is publishing still. Its GitHub Release is not made from here, since it would announce a version npm does not ' +
        'have, and the package is not published from this checkout, which holds later commits. Re-run the workflow run of the push of ' +
        `${stopped.slice(0, 7)}: from its own checkout it publishes the package, then the GitHub Release.`
    ])
    // What the warning says to do: the push's own run, again, on its own commit.
    r.git('checkout', '-q', '--', 'package.json')
    r.git('checkout', '-q', stopped)
    const rerun = await release(r, { api })
    expect(rerun.run.resumed).toBe(true)
    expect(entries(rerun.run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'release-1.x' }])
    expect(await gitHeadOf(name, '1.3.0')).toBe(stopped)
    expect((await view(name))!['dist-tags']['latest']).toBe('1.4.0')
    expect(server.state.releases.map((x) => x.tag_name).sort()).toEqual(['v1.3.0', 'v1.4.0'])
  })

  it('a tag on npm whose run stopped before its GitHub Release gets it from the next release, first', async () => {
    const name = uniqueName('announced')
    const r = world(name)
    const { server, api } = await connect()
    // Published and tagged, and no GitHub to make the release on.
    await release(r)
    expect((await view(name))!.versions).toEqual(['1.3.0'])
    r.git('checkout', '-q', '--', 'package.json')
    r.commit('feat: b')
    r.git('push', '-q', 'origin', 'main')
    const newer = await release(r, { api })
    expect(newer.warnings).toEqual([])
    expect(newer.run.result.kind === 'applied' && newer.run.result.finished?.kind).toBe('released')
    expect(server.state.releases.map((x) => x.tag_name)).toEqual(['v1.3.0', 'v1.4.0'])
  })

  it('asks the registry before the release commit: a conflict leaves the branch as it was', async () => {
    const name = uniqueName('commit-conflict')
    const other = world(name, ['feat: other'])
    await release(other)
    const r = world(name, ['feat: ours'])
    const before = r.git('ls-remote', 'origin', 'refs/heads/main')
    await expect(release(r, { options: { 'version-files': 'package.json' } })).rejects.toMatchObject({
      code: 'ENPMCONFLICT',
      message: expect.stringContaining('Nothing was committed, tagged or published.')
    })
    expect(r.git('ls-remote', 'origin', 'refs/heads/main')).toBe(before)
    expect(r.git('log', '-1', '--format=%s')).toBe('feat: ours')
    expect(r.git('status', '--porcelain')).toBe('')
  })

  it('with version-files, publishes from the release commit, and a re-run counts that commit as its own', async () => {
    const name = uniqueName('commit')
    const r = world(name)
    const options = { 'version-files': 'package.json' }
    const { run } = await release(r, { options })
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    const releaseCommit = r.git('rev-parse', 'refs/tags/v1.3.0^{commit}')
    expect(r.git('log', '-1', '--format=%s', releaseCommit)).toBe('chore(release): v1.3.0')
    expect(await gitHeadOf(name, '1.3.0')).toBe(releaseCommit)
    const again = await release(r, { options })
    expect(entries(again.run.publish)).toEqual([{ kind: 'already-published', name, version: '1.3.0' }])
    expect(publishesOf(name)).toEqual([name])
  })

  it('a version published from a commit of this repository: the hint tags it there, and the next run plans past it', async () => {
    const name = uniqueName('tag-there')
    const r = world(name)
    await release(r)
    const published = r.git('rev-parse', 'HEAD')
    // The tag is lost (deleted by hand): the next run plans 1.3.0 again, which npm has.
    r.git('push', '-q', 'origin', ':refs/tags/v1.3.0')
    r.git('tag', '-d', 'v1.3.0')
    r.git('checkout', '-q', '--', 'package.json')
    r.commit('feat: b')
    r.git('push', '-q', 'origin', 'main')
    const error = (await release(r).catch((e: unknown) => e)) as VersoError
    expect(error).toMatchObject({ code: 'ENPMCONFLICT' })
    const command = `git tag -a v1.3.0 ${published} -m v1.3.0 && git push origin v1.3.0`
    expect(error.hint).toContain(command)
    r.git('tag', '-a', 'v1.3.0', published, '-m', 'v1.3.0')
    r.git('push', '-q', 'origin', 'v1.3.0')
    const { run } = await release(r)
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.4.0', distTag: 'latest' }])
  })
})

describe('what npm is told and what it says', () => {
  it("a scoped package goes to the registry decided, though the project's .npmrc maps its scope elsewhere", async () => {
    const name = `@verso-scope/${uniqueName('scoped')}`
    const r = world(name)
    write(r, '.npmrc', '@verso-scope:registry=http://127.0.0.1:9/\n')
    r.git('add', '-A')
    r.commit('chore: scope registry')
    r.git('push', '-q', 'origin', 'main')
    const { run } = await release(r)
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    expect((await view(name))!.versions).toEqual(['1.3.0'])
  })

  it('a dependency by a workspace: range stops the run before the tag, with a way out', async () => {
    const name = uniqueName('workspace-range')
    const r = world(name)
    setManifest(r, { name, version: '1.2.3', dependencies: { 'some-lib': 'workspace:^' } })
    r.git('add', '-A')
    r.commit('feat: depend')
    r.git('push', '-q', 'origin', 'main')
    const error = (await release(r).catch((e: unknown) => e)) as VersoError
    expect(error).toMatchObject({
      code: 'ENPMCONFLICT',
      message: `${name}@1.3.0 depends on \`some-lib\` by a \`workspace:\` range, which npm publishes as it is: nobody could install it. Nothing was committed, tagged or published.`
    })
    expect(error.hint).toContain("pnpm's or yarn's own publish")
    expect(originTags(r)).not.toContain('refs/tags/v1.3.0')
    expect(await view(name)).toBeNull()
  })

  it('a failing postpublish script: the version is published, reported so, with a warning', async () => {
    const name = uniqueName('postpublish')
    const r = world(name)
    setManifest(r, { name, version: '1.2.3', files: ['index.js'], scripts: { postpublish: 'node -e "process.exit(3)"' } })
    r.git('add', '-A')
    r.commit('feat: scripts')
    r.git('push', '-q', 'origin', 'main')
    const { run, warnings } = await release(r)
    expect(entries(run.publish)).toEqual([{ kind: 'published', name, version: '1.3.0', distTag: 'latest' }])
    expect(JSON.parse(publishedOutput(run.publish))).toEqual([{ name, version: '1.3.0', registry: registry.url, distTag: 'latest' }])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`${name}@1.3.0 is published, and npm failed after the upload`)
  })
})

describe('publishing a monorepo', () => {
  /** `app` depends on `lib`, which depends on `core`: listed out of that order, all released together. */
  function workspace(suffix: string): { r: TestRepo; names: Record<'app' | 'lib' | 'core', string> } {
    const r = repo()
    const names = { app: `app-${suffix}`, lib: `lib-${suffix}`, core: `core-${suffix}` }
    const deps = { app: { [names.lib]: '^1.0.0' }, lib: { [names.core]: '^1.0.0' }, core: {} }
    write(r, 'package.json', '{ "private": true, "workspaces": ["packages/*"] }\n')
    for (const key of ['app', 'lib', 'core'] as const)
      write(
        r,
        `packages/${key}/package.json`,
        `${JSON.stringify({ name: names[key], version: '1.0.0', dependencies: deps[key] }, null, 2)}\n`
      )
    r.git('add', '-A')
    r.commit('chore: init')
    for (const key of ['app', 'lib', 'core']) r.tag(`${key}@1.0.0`, { annotated: true })
    write(r, 'packages/core/index.js', 'export const core = 1\n')
    r.git('add', '-A')
    r.commit('feat: core')
    r.addBareOrigin()
    return { r, names }
  }

  async function releasePackages(r: TestRepo, api: ReleasesApi | null = null, warnings: string[] = []) {
    const config = resolveConfig({
      publish: 'npm',
      registry: registry.url,
      packages: ['app', 'lib', 'core'].map((key) => ({ name: key, path: `packages/${key}` }))
    }) as Config & { packages: Packages }
    const git = createGit(r.dir, r.env)
    return runPackagesRelease({
      git,
      gather: createGather(git, config),
      config,
      now: NOW,
      hints: hints('main'),
      dryRun: false,
      requireBranch: false,
      repositoryUrl: null,
      connect: () => api,
      log: () => {},
      publish: publishContext(r, tempFolder(), warnings)
    })
  }

  it('publishes in dependency order; stopped after the first, a re-run publishes the other two only', async () => {
    const suffix = `${process.pid}-${++names}`
    const { r, names: n } = workspace(suffix)
    const { server, api } = await connect()
    registry.stopAfterPublishes(1)
    await expect(releasePackages(r, api)).rejects.toMatchObject({ code: 'ENPM', message: expect.stringContaining('ECONNREFUSED') })
    await registry.start()
    const ours = () => registry.publishes.filter((p) => p.endsWith(suffix))
    expect(ours()).toEqual([n.core])
    // Every tag was pushed before the first publish.
    expect(originTags(r)).toEqual(expect.arrayContaining(['refs/tags/app@1.0.1', 'refs/tags/core@1.1.0', 'refs/tags/lib@1.0.1']))
    // No GitHub Release announces a version npm does not have yet.
    expect(server.state.releases).toEqual([])
    const again = await releasePackages(r, api)
    expect(entries(again.publish)).toEqual([
      { kind: 'already-published', name: n.core, version: '1.1.0' },
      { kind: 'published', name: n.lib, version: '1.0.1', distTag: 'latest' },
      { kind: 'published', name: n.app, version: '1.0.1', distTag: 'latest' }
    ])
    expect(ours()).toEqual([n.core, n.lib, n.app])
    expect(server.state.releases.map((x) => x.tag_name).sort()).toEqual(['app@1.0.1', 'core@1.1.0', 'lib@1.0.1'])
    for (const name of [n.core, n.lib, n.app]) expect((await view(name))!.versions).toHaveLength(1)
  }, 60_000)

  it('tags a stopped run left off npm get no GitHub Release from the next release; those on npm get theirs', async () => {
    const suffix = `${process.pid}-${++names}`
    const { r, names: n } = workspace(suffix)
    const { server, api } = await connect()
    const stopped = r.git('rev-parse', 'HEAD')
    // core is published; the registry is gone before lib and app.
    registry.stopAfterPublishes(1)
    await expect(releasePackages(r, api)).rejects.toMatchObject({ code: 'ENPM' })
    await registry.start()
    expect(server.state.releases).toEqual([])
    r.git('checkout', '-q', '--', '.')
    for (const key of ['app', 'lib', 'core']) write(r, `packages/${key}/more.js`, 'export const more = 2\n')
    r.git('add', '-A')
    r.commit('feat: more')
    r.git('push', '-q', 'origin', 'main')
    const warnings: string[] = []
    await releasePackages(r, api, warnings)
    expect(server.state.releases.map((x) => x.tag_name).sort()).toEqual(['app@1.1.0', 'core@1.1.0', 'core@1.2.0', 'lib@1.1.0'])
    expect(warnings).toHaveLength(2)
    for (const [tag, name] of [
      ['lib@1.0.1', `${n.lib}@1.0.1`],
      ['app@1.0.1', `${n.app}@1.0.1`]
    ]) {
      const warning = warnings.find((w) => w.startsWith(`${tag} is tagged without its GitHub Release, and ${registry.url} has no ${name}:`))
      expect(warning).toContain(`Re-run the workflow run of the push of ${stopped.slice(0, 7)}`)
    }
    expect((await view(n.lib))!.versions).toEqual(['1.1.0'])
  }, 60_000)
})

describe('rolling back', () => {
  it("moves npm's latest back with npm dist-tag add, and unpublishes nothing", async () => {
    const name = uniqueName('rollback')
    const r = world(name)
    await release(r)
    r.commit('feat: b')
    r.git('push', '-q', 'origin', 'main')
    await release(r)
    expect((await view(name))!['dist-tags']).toEqual({ latest: '1.4.0' })
    const { server, api } = await connect()
    for (const tag of ['v1.3.0', 'v1.4.0']) server.addRelease({ tag_name: tag, name: tag, body: `Notes of ${tag}.` })
    const config = resolveConfig({ publish: 'npm', registry: registry.url, mode: 'rollback', 'rollback-to': '1.3.0' })
    const git = createGit(r.dir, r.env)
    const log: string[] = []
    const run = await runRollback({
      git,
      gather: createGather(git, config),
      config,
      to: '1.3.0',
      dryRun: false,
      connect: () => api,
      log: (line) => log.push(line),
      publish: publishContext(r, tempFolder(), [])
    })
    expect(run.npm).toEqual({ kind: 'move', name, version: '1.3.0', registry: registry.url, from: '1.4.0' })
    expect((await view(name))!['dist-tags']).toEqual({ latest: '1.3.0' })
    expect((await view(name))!.versions).toEqual(['1.3.0', '1.4.0'])
    expect(log).toContain(`Moved npm's latest for ${name} to 1.3.0 (from 1.4.0).`)
  })
})

describe('withPublisher', () => {
  it('has no publisher without jobs, and runs the work as it is', async () => {
    expect(await withPublisher(null, async (p) => p)).toBeNull()
  })
})
