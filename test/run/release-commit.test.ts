import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { VersoError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import { createGather } from '../../src/run/gather.js'
import { runPackagesRelease } from '../../src/run/packages.js'
import { runRelease, type ReleaseRun } from '../../src/run/release.js'
import { commitRelease } from '../../src/run/release-commit.js'
import { planReleaseFiles } from '../../src/run/release-files.js'
import { connect } from '../github/connect.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')
const TAGGER = { 'git-user-name': 'Release Bot', 'git-user-email': 'bot@example.com' }

function write(r: TestRepo, path: string, text: string): void {
  mkdirSync(dirname(join(r.dir, path)), { recursive: true })
  writeFileSync(join(r.dir, path), text)
}

const onOrigin = (r: TestRepo, origin: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', origin, ...args], { env: r.env, encoding: 'utf8' }).trim()

async function release(r: TestRepo, options: RawOptions, github: Awaited<ReturnType<typeof connect>>): Promise<ReleaseRun> {
  const config = resolveConfig({ ...TAGGER, ...options })
  const git = createGit(r.dir, r.env)
  return runRelease({
    git,
    gather: createGather(git, config),
    config,
    now: NOW,
    hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
    dryRun: false,
    requireBranch: true,
    repositoryUrl: 'https://github.com/octo-org/hello-world',
    connect: () => github.api,
    log: () => {}
  })
}

/** v1.2.3 with a package.json and a changelog, then a feat, all on a bare origin. */
function project(): { r: TestRepo; origin: string; head: string } {
  const r = repos()
  write(r, 'package.json', '{\n  "name": "app",\n  "version": "1.2.3",\n  "private": true\n}\n')
  write(
    r,
    'package-lock.json',
    '{\n  "name": "app",\n  "version": "1.2.3",\n  "lockfileVersion": 3,\n  "packages": {\n    "": { "name": "app", "version": "1.2.3" }\n  }\n}\n'
  )
  write(r, 'CHANGELOG.md', '# Changelog\n\n## [1.2.3] - 2024-01-01\n\n- the first\n')
  r.git('add', '-A')
  r.commit('chore: init')
  r.tag('v1.2.3', { annotated: true })
  r.commit('feat: a parser')
  const origin = r.addBareOrigin()
  return { r, origin, head: r.git('rev-parse', 'HEAD') }
}

const FILES = { 'version-files': 'package.json', 'changelog-file': 'CHANGELOG.md' }

describe('version files and the changelog, committed before the tag', () => {
  it('one commit with the files, pushed to the branch; the tag is on it; the checkout follows', async () => {
    const { r, origin, head } = project()
    const github = await connect()
    const run = await release(r, FILES, github)
    expect(run.result.kind).toBe('applied')
    const tip = onOrigin(r, origin, 'rev-parse', 'refs/heads/main')
    expect(tip).not.toBe(head)
    expect(onOrigin(r, origin, 'rev-parse', `${tip}^`)).toBe(head)
    expect(onOrigin(r, origin, 'log', '-1', '--format=%s|%an|%ae', tip)).toBe('chore(release): v1.3.0|Release Bot|bot@example.com')
    expect(onOrigin(r, origin, 'rev-parse', 'refs/tags/v1.3.0^{commit}')).toBe(tip)
    expect(onOrigin(r, origin, 'show', `${tip}:package.json`)).toBe('{\n  "name": "app",\n  "version": "1.3.0",\n  "private": true\n}')
    expect(onOrigin(r, origin, 'show', `${tip}:package-lock.json`)).toContain('"version": "1.3.0"')
    const changelog = onOrigin(r, origin, 'show', `${tip}:CHANGELOG.md`)
    expect(changelog).toMatch(
      /^# Changelog\n\n## \[1\.3\.0\]\(https:\/\/github\.com\/octo-org\/hello-world\/compare\/v1\.2\.3\.\.\.v1\.3\.0\) - 2024-02-20\n/
    )
    expect(changelog).toContain('a parser')
    expect(changelog.indexOf('[1.3.0]')).toBeLessThan(changelog.indexOf('[1.2.3]'))
    expect(onOrigin(r, origin, 'diff', '--name-only', head, tip).split('\n')).toEqual(['CHANGELOG.md', 'package-lock.json', 'package.json'])
    // The checkout is at the release commit, with the new files.
    expect(r.git('rev-parse', 'HEAD')).toBe(tip)
    expect(JSON.parse(readFileSync(join(r.dir, 'package.json'), 'utf8')).version).toBe('1.3.0')
    expect(github.server.state.releases.map((x) => x.tag_name)).toEqual(['v1.3.0'])
  })

  it('a re-run of the job (the same commit checked out again) makes no second commit and no second release', async () => {
    const { r, origin, head } = project()
    const github = await connect()
    await release(r, FILES, github)
    const tip = onOrigin(r, origin, 'rev-parse', 'refs/heads/main')
    r.git('checkout', '-q', '--detach', head)
    r.git('branch', '-f', 'main', head)
    r.git('checkout', '-q', 'main')
    const writes = github.server.requests.filter((x) => x.method !== 'GET').length
    const again = await release(r, FILES, github)
    expect(again.resumed).toBe(true)
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/main')).toBe(tip)
    expect(onOrigin(r, origin, 'rev-list', '--count', 'main')).toBe('3')
    expect(github.server.requests.filter((x) => x.method !== 'GET').length).toBe(writes)
  })

  it('a branch that moved on the remote: a clear error, nothing pushed, nothing tagged', async () => {
    const { r, origin } = project()
    const other = repos()
    execFileSync('git', ['clone', '-q', origin, other.dir + '-clone'], { env: r.env })
    execFileSync('git', ['-C', other.dir + '-clone', 'commit', '-q', '--allow-empty', '-m', 'fix: someone else'], { env: r.env })
    execFileSync('git', ['-C', other.dir + '-clone', 'push', '-q', 'origin', 'main'], { env: r.env })
    const moved = onOrigin(r, origin, 'rev-parse', 'refs/heads/main')
    const github = await connect()
    const error = await release(r, FILES, github).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VersoError)
    expect((error as VersoError).message).toMatch(/^The branch main moved while this run released [0-9a-f]{7}: it is at [0-9a-f]{7} now\.$/)
    expect((error as VersoError).hint).toContain('Nothing was pushed, tagged or published')
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/main')).toBe(moved)
    expect(onOrigin(r, origin, 'tag')).toBe('v1.2.3')
    expect(github.server.state.releases).toEqual([])
  })

  it('a rule that matches nothing stops the release before anything is pushed', async () => {
    const { r, origin } = project()
    const github = await connect()
    await expect(release(r, { 'version-files': 'packages/*/package.json' }, github)).rejects.toMatchObject({
      code: 'EINVALIDCONFIG',
      details: ['version-files: `packages/*/package.json` matches no file.']
    })
    expect(onOrigin(r, origin, 'tag')).toBe('v1.2.3')
  })
})

describe('a monorepo: one release commit for every package released', () => {
  it("each manifest gets its package's version, the lockfile follows, each package its changelog; the tags are on the commit", async () => {
    const r = repos()
    write(r, 'package.json', '{ "private": true, "workspaces": ["packages/*"] }\n')
    for (const name of ['core', 'web']) write(r, `packages/${name}/package.json`, `{\n  "name": "${name}",\n  "version": "1.0.0"\n}\n`)
    write(
      r,
      'package-lock.json',
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {},\n    "packages/core": { "name": "core", "version": "1.0.0" },\n    "packages/web": { "name": "web", "version": "1.0.0" }\n  }\n}\n'
    )
    const layout = 'packages: auto\nversion-files: ["packages/*/package.json"]\nchangelog-file: CHANGELOG.md\n'
    write(r, '.github/verso.yml', layout)
    r.git('add', '-A')
    r.commit('chore: init')
    r.tag('core@1.0.0', { annotated: true })
    r.tag('web@1.0.0', { annotated: true })
    write(r, 'packages/core/a.ts', 'a')
    r.git('add', '-A')
    r.commit('feat(core): a')
    const origin = r.addBareOrigin()
    const file = parseConfigFile(layout, '.github/verso.yml')
    const config = resolveConfig(TAGGER, {
      ...file,
      packages: [
        { name: 'core', path: 'packages/core' },
        { name: 'web', path: 'packages/web' }
      ]
    })
    const git = createGit(r.dir, r.env)
    const github = await connect()
    const run = await runPackagesRelease({
      git,
      gather: createGather(git, config),
      config: { ...config, packages: config.packages! },
      now: NOW,
      hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
      dryRun: false,
      requireBranch: true,
      repositoryUrl: null,
      connect: () => github.api,
      log: () => {}
    })
    expect(run.packages.map((p) => p.result.kind)).toEqual(['applied', 'planned'])
    const tip = onOrigin(r, origin, 'rev-parse', 'refs/heads/main')
    expect(onOrigin(r, origin, 'log', '-1', '--format=%s', tip)).toBe('chore(release): core@1.1.0')
    expect(onOrigin(r, origin, 'rev-parse', 'refs/tags/core@1.1.0^{commit}')).toBe(tip)
    expect(onOrigin(r, origin, 'show', `${tip}:packages/core/package.json`)).toContain('"version": "1.1.0"')
    expect(onOrigin(r, origin, 'show', `${tip}:packages/web/package.json`)).toContain('"version": "1.0.0"')
    const lock = JSON.parse(onOrigin(r, origin, 'show', `${tip}:package-lock.json`))
    expect(lock.packages['packages/core'].version).toBe('1.1.0')
    expect(lock.packages['packages/web'].version).toBe('1.0.0')
    expect(onOrigin(r, origin, 'show', `${tip}:packages/core/CHANGELOG.md`)).toMatch(/^# Changelog\n/)
  })
})

describe('commitRelease', () => {
  it('HEAD on no branch: there is nowhere to commit to, and it says so before anything is made', async () => {
    const { r, head } = project()
    const config = resolveConfig(FILES).release.files!
    await expect(
      commitRelease({
        git: createGit(r.dir, r.env),
        files: config,
        branch: null,
        packages: null,
        head,
        releases: [
          { name: '', path: '.', version: '1.3.0', tag: 'v1.3.0', previousTag: 'v1.2.3', notes: '## v1.3.0\n', changelog: 'CHANGELOG.md' }
        ],
        tagger: { name: 'Release Bot', email: 'bot@example.com' },
        date: '2024-02-20',
        repositoryUrl: null,
        log: () => {}
      })
    ).rejects.toMatchObject({ code: 'EUSAGE', hint: expect.stringContaining('Release from a branch') })
  })
})

describe('planReleaseFiles', () => {
  it('files that already hold the release make no edit (a re-run)', () => {
    const config = resolveConfig({ 'version-files': 'package.json' }).release.files!
    const edits = planReleaseFiles({
      config,
      releases: [
        { name: '', path: '.', version: '1.3.0', tag: 'v1.3.0', previousTag: 'v1.2.3', notes: '## v1.3.0\n\n- x\n', changelog: null }
      ],
      matched: [['package.json']],
      packages: null,
      texts: new Map([['package.json', '{ "version": "1.3.0" }\n']]),
      date: '2024-02-20',
      repositoryUrl: null
    })
    expect(edits.files).toEqual([])
  })
})
