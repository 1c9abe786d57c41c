import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { COMMENT_MARKER } from '../../src/github/sticky-comment.js'
import { startGitHubServer, type GitHubServer } from '../support/github-server.js'
import { TestRepo } from '../support/repo.js'
import { eventPayload, runAction, type ActionRun } from '../support/runner.js'

const TOKEN = 'ghs_test_token_0123456789'
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

interface Pr {
  readonly repo: TestRepo
  readonly server: GitHubServer
  base: string
  head: string
}

/** main released as v1.3.0, a feature branch with `commits`, checked out as GitHub does: the merge commit. */
async function pullRequest(commits: string[], options: { before?: (r: TestRepo) => void } = {}): Promise<Pr> {
  const repo = TestRepo.create()
  cleanups.push(() => repo.remove())
  repo.commit('chore: init')
  options.before?.(repo)
  repo.tag('v1.3.0')
  const base = repo.git('rev-parse', 'HEAD')
  repo.git('checkout', '-q', '-b', 'feature')
  repo.commits(...commits)
  const head = repo.git('rev-parse', 'HEAD')
  const server = await startGitHubServer({ owner: 'octo-org', repo: 'hello-world', token: TOKEN })
  cleanups.push(() => server.close())
  const pr: Pr = { repo, server, base, head }
  checkoutMerge(pr)
  return pr
}

function checkoutMerge(pr: Pr): void {
  pr.repo.git('checkout', '-q', '--detach', pr.base)
  pr.repo.git('merge', '-q', '--no-ff', '-m', `Merge ${pr.head} into ${pr.base}`, pr.head)
}

/** Another push to the pull request. */
function push(pr: Pr, message: string): void {
  pr.repo.git('checkout', '-q', 'feature')
  pr.head = pr.repo.commit(message)
  checkoutMerge(pr)
}

function check(
  pr: Pr,
  title: string,
  inputs: Record<string, string> = {},
  options: { fork?: boolean; action?: 'opened' | 'synchronize' | 'edited'; cwd?: string } = {}
): Promise<ActionRun> {
  return runAction({
    cwd: options.cwd ?? pr.repo.dir,
    env: { ...pr.repo.env, GITHUB_API_URL: pr.server.url, GITHUB_REPOSITORY: 'octo-org/hello-world', GITHUB_REF: 'refs/pull/7/merge' },
    inputs: { 'github-token': TOKEN, ...inputs },
    event: {
      name: 'pull_request',
      payload: eventPayload(
        'pull_request',
        (p) => {
          const pull = p.pull_request as Record<string, Record<string, unknown>>
          // GitHub's examples hold no `edited` payload: it is `opened` with the new title and `changes`.
          if (options.action === 'edited') Object.assign(p, { action: 'edited', changes: { title: { from: 'an older title' } } })
          Object.assign(p, { number: 7 })
          Object.assign(pull, { number: 7, title })
          Object.assign(pull.base!, { sha: pr.base, ref: 'main' })
          Object.assign(pull.head!, { sha: pr.head, ref: 'feature' })
          if (options.fork) Object.assign(pull.head!.repo as object, { full_name: 'someone/hello-world', fork: true })
        },
        options.action === 'synchronize' ? 'synchronize' : 'opened'
      )
    }
  })
}

/** Released with the example's schemas and image; the pull request changes a type without its entry. */
async function schemaPullRequest(): Promise<Pr> {
  const example = join(import.meta.dirname, '../../examples/release-image')
  const pr = await pullRequest(['fix: a'], {
    before: (r) => {
      cpSync(join(example, 'schemas'), join(r.dir, 'schemas'), { recursive: true })
      cpSync(join(example, '.release-image'), join(r.dir, '.release-image'))
      r.git('add', 'schemas', '.release-image')
      r.commit('feat: schemas')
    }
  })
  pr.repo.git('checkout', '-q', 'feature')
  const doc = join(pr.repo.dir, 'schemas/document.json')
  writeFileSync(
    doc,
    readFileSync(doc, 'utf8').replace(
      '"heading": { "type": "string" },',
      '"heading": { "type": "string" },\n        "summary": { "type": "string" },'
    )
  )
  pr.repo.git('commit', '-qam', 'feat: summaries')
  pr.head = pr.repo.git('rev-parse', 'HEAD')
  return pr
}

const ours = (server: GitHubServer) => server.state.comments.filter((c) => c.body.startsWith(COMMENT_MARKER))

describe('pull-request checks, end to end', () => {
  it('one comment that says what merging releases and why, created once and then updated in place', async () => {
    const pr = await pullRequest(['fix: a', 'feat(api): add export'])
    const first = await check(pr, 'feat(api): add export')
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ released: 'false', version: '1.4.0', bump: 'minor', valid: 'true', problems: '[]' })
    expect(ours(pr.server)).toHaveLength(1)
    const body = ours(pr.server)[0]!.body
    expect(body).toContain('merging this releases **v1.4.0** (minor)')
    expect(body).toMatch(/minor, because 1 feat commit: [0-9a-f]{7} feat\(api\): add export/)
    expect(body).toContain('Release notes preview')
    expect(first.summary).toContain('merging this releases **v1.4.0** (minor)')

    push(pr, 'feat!: drop the old export')
    const second = await check(pr, 'feat(api): add export', {}, { action: 'synchronize' })
    expect(second.outputs).toMatchObject({ version: '2.0.0', bump: 'major' })
    expect(ours(pr.server)).toHaveLength(1)
    expect(ours(pr.server)[0]!.body).toContain('merging this releases **v2.0.0** (major)')
    expect(pr.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(pr.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)

    // A new title (the `edited` event) is checked and the same comment updated.
    const edited = await check(pr, 'Drop the old export', {}, { action: 'edited' })
    expect(edited.code).toBe(1)
    expect(ours(pr.server)).toHaveLength(1)
    expect(ours(pr.server)[0]!.body).toContain('"Drop the old export"')
    expect(pr.server.violations).toEqual([])
  })

  it('finds its comment on a late page of a busy pull request: still one comment', async () => {
    const pr = await pullRequest(['fix: a'])
    pr.server.addComments(
      7,
      Array.from({ length: 130 }, (_, i) => `comment ${i}`),
      'octocat'
    )
    pr.server.addComments(7, [`${COMMENT_MARKER}\nan old report`], 'github-actions[bot]')
    pr.server.addComments(
      7,
      Array.from({ length: 40 }, (_, i) => `later ${i}`),
      'octocat'
    )
    const run = await check(pr, 'fix: a')
    expect(run.code).toBe(0)
    expect(ours(pr.server)).toHaveLength(1)
    expect(ours(pr.server)[0]!.body).toContain('merging this releases **v1.3.1** (patch)')
    expect(pr.server.requests.filter((r) => r.method === 'POST')).toEqual([])
    expect(pr.server.violations).toEqual([])
  })

  it('predicts from the base as it is now, when it moved on after the branch started', async () => {
    const pr = await pullRequest(['fix: a'])
    // main gets a feature and a release of its own after the branch was cut.
    pr.repo.git('checkout', '-q', 'main')
    pr.repo.commit('feat: on main')
    pr.repo.tag('v1.4.0')
    pr.base = pr.repo.git('rev-parse', 'HEAD')
    checkoutMerge(pr)
    const run = await check(pr, 'fix: a', { comment: 'false' })
    expect(run.outputs).toMatchObject({ version: '1.4.1', 'previous-version': '1.4.0', bump: 'patch' })
  })

  it('pull_request_target: the checkout is the base, and the head is fetched from origin', async () => {
    const pr = await pullRequest(['feat: b'])
    pr.repo.addBareOrigin()
    pr.repo.git('push', '-q', 'origin', 'feature', 'v1.3.0')
    const base = join(pr.repo.root, 'base-only')
    const { execFileSync } = await import('node:child_process')
    execFileSync('git', ['clone', '-q', '--single-branch', '--branch', 'main', `file://${join(pr.repo.root, 'origin.git')}`, base], {
      env: pr.repo.env
    })
    execFileSync('git', ['fetch', '-q', '--tags', 'origin'], { cwd: base, env: pr.repo.env })
    expect(() => execFileSync('git', ['cat-file', '-e', pr.head], { cwd: base, env: pr.repo.env, stdio: 'ignore' })).toThrow()
    const run = await check(pr, 'feat: b', { comment: 'false' }, { cwd: base })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ version: '1.4.0', bump: 'minor' })
  })

  it('dry run: the check reports but makes no request', async () => {
    const pr = await pullRequest(['fix: a'])
    const run = await check(pr, 'fix: a', { 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('Dry run: the pull request comment was not written')
    expect(pr.server.requests).toEqual([])
  })

  it("pull_request_target with schemas: the head's schemas are checked, not the base's", async () => {
    const pr = await schemaPullRequest()
    pr.repo.git('checkout', '-q', '--detach', pr.base)
    const run = await check(pr, 'feat: summaries', { comment: 'false', schemas: 'schemas/*.json, schemas/*.yaml' })
    expect(run.code).toBe(1)
    expect(run.outputs['image-status']).toBe('incomplete')
  })

  it('a token that may not comment is a warning, not a failure', async () => {
    const pr = await pullRequest(['fix: a'])
    pr.server.failNext('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest'
    })
    const run = await check(pr, 'fix: a', {}, { fork: true })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::Could not comment on the pull request: this pull request comes from a fork/)
    expect(run.summary).toContain('Could not comment on the pull request')
  })

  it('squash and merge predictions differ as they should', async () => {
    const pr = await pullRequest(['fix: a', 'fix: b'])
    const merge = await check(pr, 'feat!: a new API', { comment: 'false' })
    expect(merge.outputs).toMatchObject({ version: '1.3.1', bump: 'patch' })
    const squash = await check(pr, 'feat!: a new API', { comment: 'false', 'merge-style': 'squash' })
    expect(squash.outputs).toMatchObject({ version: '2.0.0', bump: 'major' })
    expect(squash.summary).toContain('Squash merge: the title is the commit that lands')
  })

  it('squash: a breaking commit under a title that does not say so fails, with the title to use', async () => {
    const pr = await pullRequest(['feat(api): add export\n\nBREAKING CHANGE: the old export is gone'])
    const run = await check(pr, 'feat(api): add export', { comment: 'false', 'merge-style': 'squash' })
    expect(run.code).toBe(1)
    const problems = JSON.parse(run.outputs.problems!) as { title: boolean; code: string; example: string | null }[]
    expect(problems).toEqual([expect.objectContaining({ title: true, code: 'squash-breaking', example: 'feat(api)!: add export' })])
  })

  it('an invalid title fails the check, with a corrected example', async () => {
    const pr = await pullRequest(['fix: a'])
    const run = await check(pr, 'Fixes the thing', { comment: 'false' })
    expect(run.code).toBe(1)
    expect(run.outputs.valid).toBe('false')
    const problems = JSON.parse(run.outputs.problems!) as { title: boolean; header: string; example: string | null }[]
    expect(problems).toEqual([
      expect.objectContaining({ title: true, header: 'Fixes the thing', example: expect.stringMatching(/^fix: /) })
    ])
    expect(run.stdout).toMatch(/::error title=verso::.*Fixes the thing/)
  })

  it('an invalid commit among valid ones fails the check and names it', async () => {
    const pr = await pullRequest(['fix: a', 'feature: b', 'docs: c'])
    const bad = pr.repo.git('rev-parse', 'feature~1')
    const run = await check(pr, 'feat: b', { comment: 'false' })
    expect(run.code).toBe(1)
    const problems = JSON.parse(run.outputs.problems!) as { commit: string | null; header: string; example: string | null }[]
    expect(problems).toEqual([expect.objectContaining({ commit: bad, header: 'feature: b', example: 'feat: b' })])
    // Squash-merged, only the title lands: the same commit only warns.
    const squash = await check(pr, 'feat: b', { comment: 'false', 'merge-style': 'squash' })
    expect(squash.code).toBe(0)
    expect(squash.stdout).toMatch(/::warning title=verso::.*feature: b/)
  })

  it('an incomplete release image fails the check with an annotation on the schema file', async () => {
    const pr = await schemaPullRequest()
    checkoutMerge(pr)
    const run = await check(pr, 'feat: summaries', { comment: 'false', schemas: 'schemas/*.json, schemas/*.yaml' })
    expect(run.code).toBe(1)
    expect(run.outputs['image-status']).toBe('incomplete')
    expect(run.stdout).toMatch(/::error file=schemas\/document\.json,line=21::/)
  })
})
