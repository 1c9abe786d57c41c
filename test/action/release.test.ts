import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { TestRepo } from '../support/repo.js'
import { eventPayload, runAction, type ActionRun } from '../support/runner.js'

const TOKEN = 'ghs_test_token_0123456789'
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

interface World {
  readonly repo: TestRepo
  readonly server: GitHubServer
  readonly origin: string
}

/** A repository released as v1.2.3, with new commits pushed to a bare origin, and a GitHub API. */
async function world(messages: string[] = ['fix: a', 'feat(x): b'], options: { tag?: string | null } = {}): Promise<World> {
  const repo = TestRepo.create()
  cleanups.push(() => repo.remove())
  repo.commit('chore: init')
  if (options.tag !== null) repo.tag(options.tag ?? 'v1.2.3', { annotated: true })
  repo.commits(...messages)
  const origin = repo.addBareOrigin()
  const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
  cleanups.push(() => server.close())
  return { repo, server, origin }
}

/** The built action on a push to main, as the runner runs it, against the local API. */
function release(
  w: World,
  inputs: Record<string, string> = {},
  options: { ref?: string; cwd?: string; epoch?: number } = {}
): Promise<ActionRun> {
  const cwd = options.cwd ?? w.repo.dir
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, env: w.repo.env, encoding: 'utf8' }).trim()
  return runAction({
    cwd,
    env: {
      ...w.repo.env,
      GITHUB_API_URL: w.server.url,
      GITHUB_REPOSITORY: 'octo-org/hello-world',
      GITHUB_REF: options.ref ?? 'refs/heads/main',
      ...(options.epoch === undefined ? {} : { SOURCE_DATE_EPOCH: String(options.epoch / 1000) })
    },
    inputs: { 'github-token': TOKEN, ...inputs },
    event: {
      name: 'push',
      payload: eventPayload('push', (p) => {
        Object.assign(p, { ref: options.ref ?? 'refs/heads/main', after: head })
        Object.assign(p.repository as object, { default_branch: 'main' })
      })
    }
  })
}

/** Where a tag points on the origin (peeled), or null. */
function originTag(w: World, tag: string): string | null {
  const out = execFileSync('git', ['ls-remote', '--tags', w.origin, `refs/tags/${tag}^{}`, `refs/tags/${tag}`], {
    env: w.repo.env,
    encoding: 'utf8'
  })
  const lines = out.trim().split('\n').filter(Boolean)
  const peeled = lines.find((l) => l.endsWith('^{}')) ?? lines[0]
  return peeled ? peeled.split('\t')[0]! : null
}

const writes = (server: GitHubServer) => server.requests.filter((r) => r.method !== 'GET')

/** v1.3.0 on origin at a commit of another branch, which main does not contain; this clone has no such tag. */
function tagElsewhere(w: World): string {
  w.repo.git('checkout', '-q', '-b', 'other', 'HEAD~1')
  const other = w.repo.commit('fix: elsewhere')
  w.repo.git('push', '-q', 'origin', `${other}:refs/tags/v1.3.0`)
  w.repo.git('checkout', '-q', 'main')
  return other
}

describe('release mode, end to end', () => {
  it("in a full clone made without tags, releases from the remote's last release", async () => {
    const w = await world()
    const clone = join(w.repo.root, 'no-tags')
    execFileSync('git', ['clone', '-q', '--no-tags', w.origin, clone], { env: w.repo.env })
    const run = await release(w, {}, { cwd: clone })
    expect(run.code).toBe(0)
    expect([run.outputs['previous-version'], run.outputs.version]).toEqual(['1.2.3', '1.3.0'])
    expect(originTag(w, 'v1.3.0')).toBe(w.repo.git('rev-parse', 'HEAD'))
    expect(w.server.state.releases.map((x) => x.tag_name)).toEqual(['v1.3.0'])
  })

  it('releases: an annotated tag on origin, one GitHub Release with grouped notes, and the outputs', async () => {
    const w = await world()
    const head = w.repo.git('rev-parse', 'HEAD')
    const run = await release(w, { 'git-user-name': 'Release Bot', 'git-user-email': 'bot@example.com' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      released: 'true',
      version: '1.3.0',
      tag: 'v1.3.0',
      sha: head,
      'release-id': expect.stringMatching(/^\d+$/),
      'release-url': expect.stringContaining('/releases/')
    })
    expect(originTag(w, 'v1.3.0')).toBe(head)
    // Annotated, with the tagger and the notes as its message.
    expect(execFileSync('git', ['cat-file', '-t', 'refs/tags/v1.3.0'], { cwd: w.origin, encoding: 'utf8' }).trim()).toBe('tag')
    const tagObject = execFileSync('git', ['cat-file', '-p', 'refs/tags/v1.3.0'], { cwd: w.origin, encoding: 'utf8' })
    expect(tagObject).toContain('tagger Release Bot <bot@example.com>')
    expect(tagObject).toContain('### Features')
    expect(w.server.state.releases).toHaveLength(1)
    expect(w.server.state.releases[0]).toMatchObject({ tag_name: 'v1.3.0', name: 'v1.3.0', prerelease: false, draft: false })
    expect(w.server.state.releases[0]!.body).toContain('### Bug fixes')
    expect(w.server.state.latestReleaseId).toBe(w.server.state.releases[0]!.id)
    expect(run.summary).toContain('Released **v1.3.0**')
    expect(run.summary).toContain('start no `on: push: tags` workflows')
    expect(w.server.violations).toEqual([])
  })

  it('first release: v0.1.0', async () => {
    const w = await world(['feat: a'], { tag: null })
    const run = await release(w)
    expect(run.outputs).toMatchObject({ released: 'true', tag: 'v0.1.0' })
    expect(w.server.state.releases.map((r) => r.tag_name)).toEqual(['v0.1.0'])
    expect(w.server.violations).toEqual([])
  })

  it('a re-run after success changes nothing: no second tag, no second release, no second dispatch', async () => {
    const w = await world()
    await release(w, { 'dispatch-workflows': 'deploy.yml' })
    const before = writes(w.server).length
    const again = await release(w, { 'dispatch-workflows': 'deploy.yml' })
    expect(again.code).toBe(0)
    expect(again.outputs).toMatchObject({ released: 'true', tag: 'v1.3.0' })
    expect(writes(w.server)).toHaveLength(before)
    expect(w.server.state.releases).toHaveLength(1)
    expect(w.server.state.dispatches).toHaveLength(1)
    expect(w.server.violations).toEqual([])
  })

  it('a re-run after the release step failed finishes it: the tag stays, the release is created', async () => {
    const w = await world()
    w.server.failNext('POST /repos/{owner}/{repo}/releases', 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest'
    })
    const failed = await release(w)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('contents: write')
    expect(originTag(w, 'v1.3.0')).toBe(w.repo.git('rev-parse', 'HEAD'))
    expect(w.server.state.releases).toHaveLength(0)
    // The failed run still says what it planned: the outputs and the summary keep the plan.
    expect(failed.outputs).toMatchObject({ version: '1.3.0', tag: 'v1.3.0', released: 'false', 'release-id': '' })
    expect(failed.summary).toContain('## verso failed')
    expect(failed.summary).toContain('v1.2.3 → v1.3.0 (minor)')
    // And what was done before the failure, so the reader knows what a re-run finishes.
    expect(failed.summary).toContain('### Done before the failure')
    expect(failed.summary).toMatch(/Pushed tag v1\.3\.0 at [0-9a-f]{7}\./)
    expect(failed.summary).toContain('A re-run of this job finishes what is left')
    const again = await release(w)
    expect(again.code).toBe(0)
    expect(again.outputs.released).toBe('true')
    expect(w.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(w.server.violations).toEqual([])
  })

  it('a tag left without its release gets it from the next run that releases, even past it', async () => {
    const w = await world()
    w.server.failNext('POST /repos/{owner}/{repo}/releases', 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest'
    })
    expect((await release(w)).code).toBe(1)
    expect(originTag(w, 'v1.3.0')).toBe(w.repo.git('rev-parse', 'HEAD'))
    // Not a re-run of that job: a newer push, planned past the orphaned tag.
    w.repo.commit('fix: later')
    w.repo.git('push', '-q', 'origin', 'HEAD:main')
    const next = await release(w, { 'dispatch-workflows': 'deploy.yml' })
    expect(next.code).toBe(0)
    expect(next.outputs).toMatchObject({ released: 'true', tag: 'v1.3.1' })
    expect(w.server.state.releases.map((r) => r.tag_name).sort()).toEqual(['v1.3.0', 'v1.3.1'])
    expect(w.server.state.releases.find((r) => r.tag_name === 'v1.3.0')?.body).toContain('### Features')
    // No run deployed the earlier release: it is deployed now, before the newer one.
    expect(w.server.state.dispatches.map((d) => d.ref)).toEqual(['v1.3.0', 'v1.3.1'])
    expect(next.summary).toContain('Published first the GitHub Release of **v1.3.0**')
    expect(w.server.violations).toEqual([])
  })

  it('a proxy answering with an HTML page is no release: the run fails and says so, and a re-run finishes', async () => {
    const w = await world()
    w.server.rawNext('POST /repos/{owner}/{repo}/releases', 201, '<!DOCTYPE html><title>502 Bad Gateway</title>', {
      'content-type': 'text/html'
    })
    const run = await release(w)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('which is not a release')
    expect(run.outputs).toMatchObject({ released: 'false', 'release-id': '' })
    const again = await release(w)
    expect(again.outputs).toMatchObject({ released: 'true', 'release-id': String(w.server.state.releases[0]!.id) })
    expect(w.server.state.releases).toHaveLength(1)
  })

  it('a tag already at another commit: a clear error naming both, and nothing changed', async () => {
    const w = await world()
    const other = tagElsewhere(w)
    const head = w.repo.git('rev-parse', 'HEAD')
    const run = await release(w)
    expect(run.code).toBe(1)
    // The release lists the remote's tags before it plans: the plan itself stops on the name taken.
    expect(run.stdout).toContain('Fetched the release tags the remote has and this clone did not: v1.3.0.')
    expect(run.stdout).toContain(`Tag v1.3.0 already exists at ${other.slice(0, 7)}, which HEAD does not contain.`)
    expect(run.stdout).toContain('A published tag is never moved')
    expect(w.repo.git('rev-parse', 'HEAD')).toBe(head)
    expect(originTag(w, 'v1.3.0')).toBe(other)
    expect(writes(w.server)).toEqual([])
    expect(run.outputs.released).toBe('false')
  })

  it('a tag the remote took after the plan: the push-time check names both commits, and nothing changes', async () => {
    const w = await world()
    const other = tagElsewhere(w)
    const head = w.repo.git('rev-parse', 'HEAD')
    // `fetch-history: never` asks the remote nothing before the plan, as a run that planned before the tag was pushed.
    const run = await release(w, { 'fetch-history': 'never' })
    expect(run.code).toBe(1)
    expect(run.stdout).not.toContain('Fetched the release tags')
    expect(run.stdout).toContain(`Tag v1.3.0 already points at ${other.slice(0, 7)}, not ${head.slice(0, 7)}`)
    expect(originTag(w, 'v1.3.0')).toBe(other)
    expect(writes(w.server)).toEqual([])
    expect(run.outputs.released).toBe('false')
  })

  it('a push the remote refuses (a protected tag) says what to fix, and publishes nothing', async () => {
    const w = await world()
    const { writeFileSync, chmodSync } = await import('node:fs')
    const hook = join(w.origin, 'hooks/pre-receive')
    writeFileSync(hook, '#!/bin/sh\necho "tag creation is protected by a rule" >&2\nexit 1\n')
    chmodSync(hook, 0o755)
    const run = await release(w)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('The remote refused tag v1.3.0')
    expect(run.stdout).toContain('contents: write')
    expect(originTag(w, 'v1.3.0')).toBeNull()
    expect(writes(w.server)).toEqual([])
  })

  it('two runs racing on one tag: one releases it, and the other is superseded, releases past it, or stops', async () => {
    const w = await world(['fix: a', 'feat(x): b', 'fix: c'])
    const head = w.repo.git('rev-parse', 'HEAD')
    // A second checkout one commit behind: the run for the previous push.
    const behind = join(w.repo.root, 'behind')
    execFileSync('git', ['clone', '-q', w.origin, behind], { env: w.repo.env })
    execFileSync('git', ['reset', '-q', '--hard', 'HEAD~1'], { cwd: behind, env: w.repo.env })
    const [later, earlier] = await Promise.all([release(w), release(w, {}, { cwd: behind })])
    const winner = originTag(w, 'v1.3.0')
    const tags = w.server.state.releases.map((x) => x.tag_name).sort()
    if (winner === head) {
      // The later commit won: the earlier run sees its commit contained in the release.
      expect(later.outputs.released).toBe('true')
      expect(earlier).toMatchObject({ code: 0, outputs: { released: 'false' } })
      expect(earlier.summary).toContain('A later run released past this one')
      expect(tags).toEqual(['v1.3.0'])
    } else if (later.outputs.released === 'true') {
      // The earlier commit won before the later run listed the remote's tags: it released past it.
      expect(winner).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: behind, env: w.repo.env, encoding: 'utf8' }).trim())
      expect([earlier.outputs.version, later.outputs.version]).toEqual(['1.3.0', '1.3.1'])
      expect(originTag(w, 'v1.3.1')).toBe(head)
      expect(tags).toEqual(['v1.3.0', 'v1.3.1'])
    } else {
      // The earlier commit won after the later run planned: the later run must not move the tag, and fails cleanly.
      expect(later.code).toBe(1)
      expect(later.stdout).toContain('already points at')
      expect(tags).toEqual(['v1.3.0'])
    }
    expect(w.server.violations).toEqual([])
  })

  it('nothing to release: no tag, no request', async () => {
    const w = await world(['docs: a', 'chore: b'])
    const run = await release(w)
    expect(run).toMatchObject({ code: 0, outputs: { released: 'false', bump: 'none', version: '' } })
    expect(w.server.requests).toEqual([])
  })

  it('a branch that is not a release branch: the plan is reported, nothing released, and why', async () => {
    const w = await world()
    const run = await release(w, {}, { ref: 'refs/heads/feature' })
    expect(run).toMatchObject({ code: 0, outputs: { released: 'false', version: '1.3.0' } })
    expect(run.summary).toContain('feature is not a release branch (release-branches: main)')
    expect(w.server.requests).toEqual([])
    expect(originTag(w, 'v1.3.0')).toBeNull()
  })

  it('dry run: zero requests and zero pushes, and says what it would do', async () => {
    const w = await world()
    const refsBefore = execFileSync('git', ['for-each-ref'], { cwd: w.origin, encoding: 'utf8' })
    const run = await release(w, { 'dry-run': 'true' })
    expect(run).toMatchObject({ code: 0, outputs: { released: 'false', version: '1.3.0' } })
    expect(run.outputs.notes).toContain('### Features')
    expect(run.summary).toContain('**Dry run**')
    expect(w.server.requests).toEqual([])
    expect(execFileSync('git', ['for-each-ref'], { cwd: w.origin, encoding: 'utf8' })).toBe(refsBefore)
    expect(w.repo.git('tag', '--list', 'v1.3.0')).toBe('')
  })

  it('a tag at HEAD that this run could not have made is left alone', async () => {
    const w = await world()
    // Pushed by hand (lightweight), and another channel's: neither gets a release from this run.
    w.repo.tag('v5.0.0')
    w.repo.git('push', '-q', 'origin', 'v5.0.0')
    const hand = await release(w, { 'dispatch-workflows': 'deploy.yml' })
    expect(hand.outputs).toMatchObject({ released: 'false', bump: 'none' })
    const stable = await world()
    await release(stable)
    const rc = await release(stable, { prerelease: 'rc' })
    expect(rc.outputs).toMatchObject({ released: 'false' })
    expect(stable.server.state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(w.server.requests).toEqual([])
  })

  it('a CalVer re-run on a later day finishes the release at HEAD instead of abandoning it', async () => {
    const w = await world(['fix: a'], { tag: '2024.02.1' })
    const calver = { scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO', 'tag-prefix': '' }
    w.server.failNext('POST /repos/{owner}/{repo}/releases', 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest'
    })
    const failed = await release(w, calver, { epoch: Date.UTC(2024, 1, 20) })
    expect(failed.code).toBe(1)
    expect(originTag(w, '2024.02.2')).toBe(w.repo.git('rev-parse', 'HEAD'))
    // A month later the plan alone would say 2024.03.0; the run finishes 2024.02.2.
    const again = await release(w, calver, { epoch: Date.UTC(2024, 2, 5) })
    expect(again.code).toBe(0)
    expect(again.outputs).toMatchObject({ released: 'true', tag: '2024.02.2' })
    expect(w.server.state.releases.map((r) => r.tag_name)).toEqual(['2024.02.2'])
    expect(originTag(w, '2024.03.0')).toBeNull()
  })

  it('CalVer prerelease outputs come from the modifier, not from SemVer', async () => {
    const w = await world(['fix: a'], { tag: '2024.02.1' })
    const run = await release(
      w,
      { scheme: 'calver', 'calver-format': 'YYYY.0M.MICRO-MODIFIER', 'tag-prefix': '', prerelease: 'rc', 'dry-run': 'true' },
      { epoch: Date.UTC(2024, 1, 20) }
    )
    expect(run.outputs).toMatchObject({ version: '2024.02.2-rc.0', prerelease: 'rc.0', major: '' })
  })

  it('a prerelease is marked so and not made latest', async () => {
    const w = await world()
    const run = await release(w, { prerelease: 'rc' })
    expect(run.outputs).toMatchObject({ released: 'true', tag: 'v1.3.0-rc.0', prerelease: 'rc.0' })
    expect(w.server.state.releases[0]).toMatchObject({ tag_name: 'v1.3.0-rc.0', prerelease: true })
    expect(w.server.state.latestReleaseId).toBeNull()
    expect(w.server.violations).toEqual([])
  })

  it('floating tags stay where they are for a prerelease or a release below the highest', async () => {
    const w = await world(['fix: maintenance'], { tag: 'v1.2.3' })
    // v1.5.0 exists on another line: 1.2.4 is not the highest of v1.
    w.repo.git('checkout', '-q', '-b', 'next', 'v1.2.3')
    w.repo.commit('feat: on the next line')
    w.repo.tag('v1.5.0')
    w.repo.git('push', '-q', 'origin', 'v1.5.0')
    w.repo.git('checkout', '-q', 'main')
    const run = await release(w, { 'floating-tags': 'major-minor' })
    expect(run.outputs).toMatchObject({ released: 'true', tag: 'v1.2.4' })
    expect(originTag(w, 'v1')).toBeNull()
    expect(originTag(w, 'v1.2')).toBe(w.repo.git('rev-parse', 'HEAD'))
    const pre = await world(['feat: a'])
    const rc = await release(pre, { 'floating-tags': 'major', prerelease: 'rc' })
    expect(rc.outputs.tag).toBe('v1.3.0-rc.0')
    expect(originTag(pre, 'v1')).toBeNull()
  })

  it('floating tags follow the newest stable release of their line', async () => {
    const w = await world()
    const head = w.repo.git('rev-parse', 'HEAD')
    const run = await release(w, { 'floating-tags': 'major-minor' })
    expect(run.code).toBe(0)
    expect(originTag(w, 'v1')).toBe(head)
    expect(originTag(w, 'v1.3')).toBe(head)
  })

  it('a draft dispatches nothing; the run that publishes it dispatches once', async () => {
    const w = await world()
    const draft = await release(w, { draft: 'true', 'dispatch-workflows': 'deploy.yml' })
    expect(draft.code).toBe(0)
    expect(w.server.state.releases[0]).toMatchObject({ draft: true })
    expect(w.server.state.dispatches).toEqual([])
    const publish = await release(w, { 'dispatch-workflows': 'deploy.yml' })
    expect(publish.code).toBe(0)
    expect(w.server.state.releases).toHaveLength(1)
    expect(w.server.state.releases[0]).toMatchObject({ draft: false })
    expect(w.server.state.dispatches).toHaveLength(1)
    expect(w.server.violations).toEqual([])
  })

  it('a refused floating tag does not cost the dispatches', async () => {
    const w = await world()
    const { writeFileSync, chmodSync } = await import('node:fs')
    const hook = join(w.origin, 'hooks/pre-receive')
    writeFileSync(
      hook,
      '#!/bin/sh\nwhile read old new ref; do [ "$ref" = refs/tags/v1 ] && { echo "v1 is protected" >&2; exit 1; }; done\nexit 0\n'
    )
    chmodSync(hook, 0o755)
    const run = await release(w, { 'floating-tags': 'major', 'dispatch-workflows': 'deploy.yml' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('The remote refused to move the floating tag v1')
    expect(originTag(w, 'v1.3.0')).toBe(w.repo.git('rev-parse', 'HEAD'))
    expect(w.server.state.dispatches).toHaveLength(1)
  })

  it('dispatches the named workflows for the new tag', async () => {
    const w = await world()
    const run = await release(w, { 'dispatch-workflows': 'deploy.yml' })
    expect(run.code).toBe(0)
    expect(w.server.state.dispatches).toEqual([{ workflow: 'deploy.yml', ref: 'v1.3.0', inputs: {} }])
    expect(w.server.violations).toEqual([])
  })
})
