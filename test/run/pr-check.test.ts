import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { createGit } from '../../src/git/git.js'
import type { PullRequest } from '../../src/github/pull-request.js'
import { createGather } from '../../src/run/gather.js'
import { checkPullRequest, type PullRequestCheck } from '../../src/run/pr-check.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repo = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')
const EXAMPLE = join(import.meta.dirname, '../../examples/release-image')
const SCHEMAS = { schemas: 'schemas/*.json, schemas/*.yaml' }

interface Pr {
  readonly r: TestRepo
  readonly base: string
  readonly head: string
  /** The pull request's commits, oldest first. */
  readonly commits: readonly string[]
}

/** main released as v1.3.0, a feature branch with `commits` on it, checked out as GitHub does: the merge commit. */
function pullRequest(commits: string[], options: { before?: (r: TestRepo) => void; checkout?: 'merge' | 'base' } = {}): Pr {
  const r = repo()
  r.commit('chore: init')
  options.before?.(r)
  r.tag('v1.3.0')
  const base = r.git('rev-parse', 'HEAD')
  r.git('checkout', '-q', '-b', 'feature')
  const shas = r.commits(...commits)
  const head = r.git('rev-parse', 'HEAD')
  const pr = { r, base, head, commits: shas }
  if (options.checkout === 'base') r.git('checkout', '-q', '--detach', base)
  else checkoutMerge(pr)
  return pr
}

function checkoutMerge(pr: Pr): void {
  pr.r.git('checkout', '-q', '--detach', pr.base)
  pr.r.git('merge', '-q', '--no-ff', '-m', `Merge ${pr.head} into ${pr.base}`, pr.head)
}

function event(pr: Pr, title: string): PullRequest {
  return { number: 7, title, baseSha: pr.base, baseRef: 'main', headSha: pr.head, headRef: 'feature', fork: false }
}

function check(pr: Pr, title: string, options: RawOptions = {}, cwd = pr.r.dir): Promise<PullRequestCheck> {
  const config = resolveConfig(options)
  return checkPullRequest(createGather(createGit(cwd, pr.r.env), config), config, NOW, event(pr, title))
}

/** What each problem is about and what it says, in a form that reads in a failure. */
const summary = (problems: PullRequestCheck['errors']) =>
  problems.map((p) => [p.subject.kind === 'commit' ? p.subject.sha : p.subject.kind, p.code, p.header, p.example])

describe('checkPullRequest: the prediction', () => {
  it('merge: the pull request commits over the last release the base reaches', async () => {
    const pr = pullRequest(['fix: a', 'feat(api): add export'])
    const result = await check(pr, 'feat(api): add export')
    expect(result.pr).toEqual(event(pr, 'feat(api): add export'))
    expect(result.mergeStyle).toBe('merge')
    expect(result.plan).toMatchObject({
      kind: 'release',
      head: pr.base,
      bump: 'minor',
      next: { version: '1.4.0', tag: 'v1.4.0' },
      previous: { tag: 'v1.3.0', sha: pr.base }
    })
    expect(result.plan.commits.map((c) => c.sha)).toEqual([...pr.commits].reverse())
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
  })

  it('predicts from the base as it is now, when it moved on and released after the branch started', async () => {
    const pr = pullRequest(['fix: a'])
    pr.r.git('checkout', '-q', 'main')
    pr.r.commit('feat: on main')
    pr.r.tag('v1.4.0')
    const moved = { ...pr, base: pr.r.git('rev-parse', 'HEAD') }
    checkoutMerge(moved)
    const result = await check(moved, 'fix: a')
    expect(result.plan).toMatchObject({ kind: 'release', bump: 'patch', next: { version: '1.4.1' }, previous: { tag: 'v1.4.0' } })
    // Only the pull request's own commit is added on top of what main released.
    expect(result.plan.commits.map((c) => c.sha)).toEqual(pr.commits)
  })

  it('a release tag on the pull request branch is not the base: only the base decides the last release', async () => {
    const pr = pullRequest(['feat: a', 'fix: b'])
    pr.r.tag('v9.0.0', { at: pr.commits[0]! })
    const result = await check(pr, 'feat: a')
    // v9.0.0 is a tag the base does not reach; the next version must still not collide with it.
    expect(result.plan).toMatchObject({ previous: { tag: 'v1.3.0' }, next: { version: '1.4.0' } })
    expect(result.plan.commits).toHaveLength(2)
  })

  it('a pull request of commits that release nothing predicts no release', async () => {
    const pr = pullRequest(['docs: a', 'chore: b'])
    const result = await check(pr, 'docs: a')
    expect(result.plan).toMatchObject({ kind: 'none', reason: 'no-releasable-commits', next: null })
    expect(result.errors).toEqual([])
  })

  it.each([
    ['merge', '1.3.1', 'patch'],
    ['rebase', '1.3.1', 'patch'],
    ['squash', '2.0.0', 'major']
  ] as const)('merge-style %s with a `feat!:` title over two fixes: %s (%s)', async (style, version, bump) => {
    const pr = pullRequest(['fix: a', 'fix: b'])
    const result = await check(pr, 'feat!: a new API', { 'merge-style': style })
    expect(result.mergeStyle).toBe(style)
    expect(result.plan).toMatchObject({ kind: 'release', bump, next: { version } })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
  })

  it('squash: the title is the one commit that lands, as the head sha over the base', async () => {
    const pr = pullRequest(['fix: a', 'fix: b'])
    const result = await check(pr, 'feat(api): add export', { 'merge-style': 'squash' })
    expect(result.plan.commits.map((c) => [c.sha, c.bump])).toEqual([[pr.head, 'minor']])
    expect(result.plan).toMatchObject({ next: { version: '1.4.0' } })
  })

  it('squash: a squash commit already on the base counts once, as its commits; the branch commits not again', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.3.0')
    const earlier = r.commit('Earlier work (#3)\n\n* fix: earlier\n\n* docs: earlier\n')
    const base = r.git('rev-parse', 'HEAD')
    r.git('checkout', '-q', '-b', 'feature')
    const commits = r.commits('feat(api): add export', 'fix: names')
    const pr = { r, base, head: r.git('rev-parse', 'HEAD'), commits }
    checkoutMerge(pr)
    const result = await check(pr, 'feat(api): add export', { 'merge-style': 'squash' })
    expect(result.plan.commits.map((c) => [c.sha, c.bump, c.cause.kind])).toEqual([
      [pr.head, 'minor', 'rule'],
      [earlier, 'patch', 'squashed']
    ])
    expect(result.plan).toMatchObject({ bump: 'minor', next: { version: '1.4.0' } })
    // A title that is not conventional lands as that title alone: nothing of the branch counts.
    const untitled = await check(pr, 'Add export', { 'merge-style': 'squash' })
    expect(untitled.plan).toMatchObject({ bump: 'patch', next: { version: '1.3.1' } })
    expect(untitled.errors.map((p) => p.subject.kind)).toContain('title')
  })

  it('squash: a `fix:` title over a breaking commit is the squash problem, with the title to use', async () => {
    const pr = pullRequest(['fix: a\n\nBREAKING CHANGE: the old export is gone', 'docs: b'])
    const result = await check(pr, 'fix: a', { 'merge-style': 'squash' })
    expect(summary(result.errors)).toEqual([['title', 'squash-breaking', 'fix: a', 'fix!: a']])
    expect(result.errors[0]!.message).toBe(
      `commit ${pr.commits[0]!.slice(0, 7)} is a breaking change, but the title does not say so: GitHub's default squash message ` +
        "carries the commits' footers into the squashed commit, so the release would be major while this check predicts patch; " +
        'mark the title breaking with `!` before its colon.'
    )
    // The prediction is the title's, as the problem says.
    expect(result.plan).toMatchObject({ bump: 'patch', next: { version: '1.3.1' } })
    expect(result.warnings).toEqual([])
  })

  it('squash: a `feat!:` title over the same breaking commit is fine', async () => {
    const pr = pullRequest(['fix: a\n\nBREAKING CHANGE: the old export is gone'])
    const result = await check(pr, 'fix!: a', { 'merge-style': 'squash' })
    expect(result.errors).toEqual([])
    expect(result.plan).toMatchObject({ bump: 'major', next: { version: '2.0.0' } })
  })

  it('merge: the same breaking commit needs nothing of the title, and makes the release major', async () => {
    const pr = pullRequest(['fix: a\n\nBREAKING CHANGE: the old export is gone'])
    const result = await check(pr, 'fix: a')
    expect(result.errors).toEqual([])
    expect(result.plan).toMatchObject({ bump: 'major', next: { version: '2.0.0' } })
  })
})

describe('checkPullRequest: validation', () => {
  const BAD_TITLE = 'Fixes the thing'
  async function invalid() {
    const pr = pullRequest(['fix: a', 'feature: b', 'docs: c'])
    return { pr, bad: pr.commits[1]! }
  }

  it.each([
    ['title', ['title'], []],
    ['commits', [], ['commit']],
    ['both', ['title'], ['commit']]
  ] as const)('validate: %s', async (validate, titleKinds, commitKinds) => {
    const { pr, bad } = await invalid()
    const result = await check(pr, BAD_TITLE, { validate })
    const expected = [
      ...titleKinds.map(() => ['title', 'not-conventional', BAD_TITLE, expect.stringMatching(/^fix: /)]),
      ...commitKinds.map(() => [bad, 'unknown-type', 'feature: b', 'feat: b'])
    ]
    expect(summary(result.errors)).toEqual(expected)
    expect(result.warnings).toEqual([])
  })

  it('validate-mode warn: every problem becomes a warning, in the same order', async () => {
    const { pr, bad } = await invalid()
    const failing = await check(pr, BAD_TITLE)
    const warned = await check(pr, BAD_TITLE, { 'validate-mode': 'warn' })
    expect(warned.errors).toEqual([])
    expect(warned.warnings).toEqual(failing.errors)
    expect(summary(warned.warnings).map((p) => p[0])).toEqual(['title', bad])
    // Warned or not, the prediction is the same.
    expect(warned.plan).toEqual(failing.plan)
  })

  it('squash: the commits only warn, the title still fails', async () => {
    const { pr, bad } = await invalid()
    const result = await check(pr, BAD_TITLE, { 'merge-style': 'squash' })
    expect(summary(result.errors)).toEqual([['title', 'not-conventional', BAD_TITLE, expect.stringMatching(/^fix: /)]])
    expect(summary(result.warnings)).toEqual([[bad, 'unknown-type', 'feature: b', 'feat: b']])
  })

  it('squash with a good title: nothing fails, the bad commit warns', async () => {
    const { pr, bad } = await invalid()
    const result = await check(pr, 'feat: b', { 'merge-style': 'squash' })
    expect(result.errors).toEqual([])
    expect(summary(result.warnings)).toEqual([[bad, 'unknown-type', 'feature: b', 'feat: b']])
  })

  it('squash with validate: commits: a breaking commit under a plain title is not reported at all', async () => {
    const pr = pullRequest(['feat: a\n\nBREAKING CHANGE: gone'])
    const result = await check(pr, 'feat: a', { 'merge-style': 'squash', validate: 'commits' })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
  })

  it('types: a type the repository does not allow fails in the title and in a commit', async () => {
    const pr = pullRequest(['perf: a'])
    const result = await check(pr, 'perf: a', { types: 'feat, fix' })
    expect(summary(result.errors).map((p) => [p[0], p[1]])).toEqual([
      ['title', 'unknown-type'],
      [pr.commits[0], 'unknown-type']
    ])
  })
})

describe('checkPullRequest: the checkout', () => {
  /** Enough history before the release that a clone one commit deep does not hold it. */
  function deep(r: TestRepo): void {
    r.commit('feat!: long ago')
    for (let i = 0; i < 10; i++) r.commit(`fix: ${i}`)
  }

  it('a shallow clone of the merge ref still predicts from the last release', async () => {
    const pr = pullRequest(['fix: a', 'feat(api): add export'], { before: deep })
    const merge = pr.r.git('rev-parse', 'HEAD')
    const origin = pr.r.addBareOrigin()
    // Cloned while the merge was checked out; a hosted origin's HEAD is its default branch.
    pr.r.git('-C', origin, 'symbolic-ref', 'HEAD', 'refs/heads/main')
    pr.r.git('push', '-q', 'origin', 'HEAD:refs/pull/7/merge')
    // actions/checkout: one commit of the merge ref, no tags.
    const clone = pr.r.shallowClone(1)
    pr.r.git('-C', clone, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', '+refs/pull/7/merge:refs/remotes/pull/7/merge')
    pr.r.git('-C', clone, 'checkout', '-q', '--detach', 'refs/remotes/pull/7/merge')
    expect(pr.r.git('-C', clone, 'rev-parse', '--is-shallow-repository')).toBe('true')
    expect(pr.r.git('-C', clone, 'rev-parse', 'HEAD')).toBe(merge)

    const result = await check(pr, 'feat(api): add export', {}, clone)
    const full = await check(pr, 'feat(api): add export')
    expect(result.plan).toMatchObject({ kind: 'release', next: { version: '1.4.0' }, previous: { tag: 'v1.3.0', sha: pr.base } })
    expect(result.plan.commits.map((c) => c.sha)).toEqual([...pr.commits].reverse())
    expect(result.plan).toEqual(full.plan)
    expect(result.errors).toEqual([])
  })

  it('a shallow clone of the base alone (pull_request_target) fetches the head and predicts the same', async () => {
    const pr = pullRequest(['feat: b'], { before: deep, checkout: 'base' })
    pr.r.addBareOrigin()
    const clone = pr.r.shallowClone(1)
    expect(() => pr.r.git('-C', clone, 'cat-file', '-e', pr.head)).toThrow()
    const result = await check(pr, 'feat: b', {}, clone)
    expect(result.plan).toMatchObject({ kind: 'release', next: { version: '1.4.0' }, previous: { tag: 'v1.3.0' } })
    expect(result.plan.commits.map((c) => c.sha)).toEqual(pr.commits)
  })
})

describe('checkPullRequest: the release image', () => {
  /** Released with the example's schemas and image; the pull request changes a type without its history entry. */
  function schemaPullRequest(checkout: 'merge' | 'base'): Pr {
    const pr = pullRequest(['fix: a'], {
      checkout: 'base',
      before: (r) => {
        cpSync(join(EXAMPLE, 'schemas'), join(r.dir, 'schemas'), { recursive: true })
        cpSync(join(EXAMPLE, '.release-image'), join(r.dir, '.release-image'))
        r.git('add', 'schemas', '.release-image')
        r.commit('feat: schemas')
      }
    })
    pr.r.git('checkout', '-q', 'feature')
    const doc = join(pr.r.dir, 'schemas/document.json')
    const text = readFileSync(doc, 'utf8')
    const changed = text.replace(
      '"heading": { "type": "string" },',
      '"heading": { "type": "string" },\n        "summary": { "type": "string" },'
    )
    expect(changed).not.toBe(text)
    writeFileSync(doc, changed)
    pr.r.git('commit', '-qam', 'feat: summaries')
    const withSchemas = { ...pr, head: pr.r.git('rev-parse', 'HEAD'), commits: [...pr.commits, pr.r.git('rev-parse', 'HEAD')] }
    if (checkout === 'merge') checkoutMerge(withSchemas)
    else pr.r.git('checkout', '-q', '--detach', pr.base)
    return withSchemas
  }

  it.each(['merge', 'base'] as const)("the head's schemas are checked with the %s checked out", async (checkout) => {
    const pr = schemaPullRequest(checkout)
    if (checkout === 'base') {
      // The working tree is the base's: unchanged there, so a check of it would pass.
      expect(readFileSync(join(pr.r.dir, 'schemas/document.json'), 'utf8')).not.toContain('summary')
    }
    const result = await check(pr, 'feat: summaries', SCHEMAS)
    expect(result.plan.kind).toBe('blocked')
    expect(result.plan.image?.outcome).toBe('incomplete')
    expect(result.plan.image?.findings.map((f) => [f.rule, f.type, f.file])).toContainEqual([
      'R2',
      'document.Section',
      'schemas/document.json'
    ])
  })

  it('a pull request that leaves the schemas alone: unchanged, whichever side is checked out', async () => {
    for (const checkout of ['merge', 'base'] as const) {
      const pr = pullRequest(['fix: a'], {
        checkout,
        before: (r) => {
          cpSync(join(EXAMPLE, 'schemas'), join(r.dir, 'schemas'), { recursive: true })
          cpSync(join(EXAMPLE, '.release-image'), join(r.dir, '.release-image'))
          r.git('add', 'schemas', '.release-image')
          r.commit('feat: schemas')
        }
      })
      const result = await check(pr, 'fix: a', SCHEMAS)
      expect(result.plan).toMatchObject({ kind: 'release', next: { version: '1.3.1' }, image: { outcome: 'unchanged', findings: [] } })
    }
  })
})

describe('checkPullRequest: the release pull request', () => {
  /** main past v1.3.0 with a feat, and verso's release commit on top of it on verso/release/main. */
  function releasePullRequest(): Pr {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.3.0')
    r.commit('feat: a parser')
    const base = r.git('rev-parse', 'HEAD')
    r.git('checkout', '-q', '-b', 'verso/release/main')
    const commits = r.commits('chore(release): v1.4.0')
    const pr = { r, base, head: r.git('rev-parse', 'HEAD'), commits }
    checkoutMerge(pr)
    return pr
  }

  it('is recognised by its branch: not validated as a change, and it predicts the release the base has', async () => {
    const pr = releasePullRequest()
    const config = resolveConfig({ types: 'feat, fix' })
    const result = await checkPullRequest(createGather(createGit(pr.r.dir, pr.r.env), config), config, NOW, {
      ...event(pr, 'chore(release): v1.4.0'),
      headRef: 'verso/release/main'
    })
    expect(result.release).toBe(true)
    // `chore` is not an allowed type here: a change with this title would fail; verso's own pull request does not.
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.plan).toMatchObject({ kind: 'release', next: { tag: 'v1.4.0' }, bump: 'minor' })
  })

  it("is not recognised when its branch holds more than verso's one release commit", async () => {
    const pr = releasePullRequest()
    pr.r.git('checkout', '-q', 'verso/release/main')
    const extra = pr.r.commit('anything at all')
    const config = resolveConfig({ types: 'feat, fix' })
    const result = await checkPullRequest(createGather(createGit(pr.r.dir, pr.r.env), config), config, NOW, {
      ...event({ ...pr, head: extra }, 'chore(release): v1.4.0'),
      headRef: 'verso/release/main'
    })
    expect(result.release).toBe(false)
    expect(result.errors.length).toBeGreaterThan(0)
  })

  it('is not recognised from a fork, another base, or another branch name', async () => {
    const pr = releasePullRequest()
    const config = resolveConfig({ types: 'feat, fix' })
    const gather = () => createGather(createGit(pr.r.dir, pr.r.env), config)
    const base = event(pr, 'chore(release): v1.4.0')
    for (const other of [
      { ...base, headRef: 'verso/release/main', fork: true },
      { ...base, headRef: 'verso/release/main', baseRef: 'next' },
      { ...base, headRef: 'release/main' }
    ]) {
      const result = await checkPullRequest(gather(), config, NOW, other)
      expect(result.release).toBe(false)
      expect(result.errors.map((e) => e.code)).toContain('unknown-type')
    }
  })
})
