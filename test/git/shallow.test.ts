import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { createGit } from '../../src/git/git.js'
import { readHistory, type FetchHistory } from '../../src/git/history.js'
import { readTaggerEmail } from '../../src/git/publish.js'
import { newFetchState, type FetchState } from '../../src/git/shallow.js'
import { chooseCandidates, parseReleaseTags } from '../../src/versions/release-tags.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repo = useRepos()

interface Step {
  readonly message: string
  readonly tag?: string
  readonly annotated?: boolean
}

/**
 * A history written with fast-import: each commit changes a file, so a clone without trees
 * or files is told apart from a whole one. Branches are named by `ref`.
 */
// One clock for every write: git's walks assume a child is not older than its parents.
let clock = 1_700_000_000

function write(r: TestRepo, ref: string, steps: readonly Step[], from?: string): void {
  const lines: string[] = []
  let mark = 0
  for (const step of steps) {
    mark++
    clock += 60
    const time = clock
    lines.push(
      `commit ${ref}`,
      `mark :${mark}`,
      `committer T <t@example.com> ${time} +0000`,
      `data ${Buffer.byteLength(step.message)}`,
      step.message
    )
    if (mark === 1 && from) lines.push(`from ${from}`)
    if (mark > 1) lines.push(`from :${mark - 1}`)
    lines.push(`M 100644 inline file${mark % 7}.txt`, `data ${String(mark).length}`, String(mark), '')
    if (step.tag && step.annotated) {
      const text = `release ${step.tag}`
      lines.push(`tag ${step.tag}`, `from :${mark}`, `tagger Releaser <releaser@example.com> ${time} +0000`, `data ${text.length}`, text)
    } else if (step.tag) lines.push(`reset refs/tags/${step.tag}`, `from :${mark}`, '')
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: r.dir, env: r.env, input: lines.join('\n') + '\n' })
}

function linear(count: number, tags: Readonly<Record<number, string>>, annotated = false): Step[] {
  return Array.from({ length: count }, (_, i) => ({ message: `fix: change ${i}\n`, ...(tags[i] ? { tag: tags[i], annotated } : {}) }))
}

function origin(r: TestRepo, filters: boolean): void {
  const bare = r.addBareOrigin()
  execFileSync('git', ['-C', bare, 'config', 'uploadpack.allowFilter', String(filters)], { env: r.env })
}

async function plan(dir: string, r: TestRepo, options: { fetchHistory?: FetchHistory; state?: FetchState; prerelease?: string } = {}) {
  const config = resolveConfig(options.prerelease ? { prerelease: options.prerelease } : {})
  const order = (tags: Parameters<typeof parseReleaseTags>[0]) =>
    chooseCandidates(parseReleaseTags(tags, config.tagPrefix, config.scheme), { prerelease: config.prerelease, range: null })
  return readHistory(createGit(dir, r.env), {
    fetchHistory: options.fetchHistory ?? 'auto',
    state: options.state ?? newFetchState(),
    order,
    read: (c) => c
  })
}

const git = (r: TestRepo, dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, env: r.env, encoding: 'utf8' }).trim()
const tryGit = (r: TestRepo, dir: string, ...args: string[]) => {
  try {
    git(r, dir, ...args)
    return true
  } catch {
    return false
  }
}
// Every object the clone holds, reachable or not: asking for one by name would make a partial
// clone fetch it.
const present = (r: TestRepo, dir: string, object: string) =>
  git(r, dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)').split('\n').includes(object)
const shallowFile = (dir: string) =>
  readFileSync(join(dir, '.git', 'shallow'), 'utf8')
    .split('\n')
    .filter(Boolean)

describe('a shallow clone fetches only the range back to the last release', () => {
  it.each([
    ['a remote that allows filters', true],
    ['a remote that does not', false]
  ])('with %s', async (_, filters) => {
    const r = repo()
    write(r, 'refs/heads/main', linear(300, { 10: 'v1.0.0', 200: 'v1.1.0', 250: 'v1.2.0' }))
    r.git('checkout', '-q', 'main')
    origin(r, filters)
    const clone = r.shallowClone(1)
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v1.2.0')
    expect(h.commits).toHaveLength(49)
    // Exactly the range and the tag's commit, which is now the clone's boundary.
    expect(git(r, clone, 'rev-list', '--count', 'HEAD')).toBe('50')
    expect(shallowFile(clone)).toEqual([r.git('rev-parse', 'v1.2.0^{commit}')])
    expect(git(r, clone, 'tag', '--list')).toBe('v1.2.0')
    const promisor = tryGit(r, clone, 'config', '--get', 'remote.origin.promisor')
    expect(promisor).toBe(filters)
    expect(h.fetched).toEqual([
      "listed the remote's tags (3)",
      `fetched the history back to v1.2.0${filters ? ' (commits only, no files)' : ''}`
    ])
    // Without a filter, the commits came whole: an old commit's files are here.
    expect(present(r, clone, r.git('rev-parse', 'HEAD~20^{tree}'))).toBe(!filters)
  })

  it('leaves the old commits without files when the remote filters, and git still reads them on demand', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(60, { 20: 'v1.0.0' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    await plan(clone, r)
    const tree = r.git('rev-parse', 'HEAD~5^{tree}')
    expect(present(r, clone, tree)).toBe(false)
    // A later step that reads an old file gets it, fetched as it goes.
    expect(git(r, clone, 'show', 'HEAD~5:file0.txt')).toMatch(/^\d+$/)
  })

  it.each([
    ['a remote that allows filters', true],
    ['a remote that does not', false]
  ])('finds every commit of branches merged after the release, one forked before it, with %s', async (_, filters) => {
    const r = repo()
    write(r, 'refs/heads/main', linear(30, { 20: 'v1.0.0' }))
    r.git('checkout', '-q', 'main')
    // An old branch forked before the release; a new one forked at the release itself, so
    // the first merge has the release as its parent.
    r.git('checkout', '-q', '-b', 'old', 'HEAD~15')
    r.commits('feat: old one', 'feat: old two')
    r.git('checkout', '-q', '-b', 'new', 'main')
    for (let i = 0; i < 80; i++) r.commit(`fix: new ${i}`)
    r.git('checkout', '-q', 'main')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch new', 'new')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch old', 'old')
    origin(r, filters)
    const clone = r.shallowClone(1)
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v1.0.0')
    expect(h.commits.map((c) => c.sha).sort()).toEqual(r.git('rev-list', 'v1.0.0..HEAD').split('\n').sort())
    expect(h.commits).toHaveLength(2 + 2 + 80 + 9)
    expect(git(r, clone, 'fsck', '--connectivity-only', '--no-dangling')).toBe('')
  })

  it.each([
    ['just below the checkout', 10],
    ['inside the checkout', 3],
    ['far below the checkout', 30]
  ])('with a checkout 10 commits deep and the release tag %s, counts exactly the commits since it', async (_, back) => {
    const r = repo()
    write(r, 'refs/heads/main', linear(50, { [49 - back]: 'v1.4.0', 5: 'v1.0.0' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(10)
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v1.4.0')
    expect(h.commits).toHaveLength(back)
  })

  it('keeps an annotated tag readable by name: its tagger and its files', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(40, { 5: 'v2.0.0', 30: 'v2.1.0' }, true))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v2.1.0')
    expect(await readTaggerEmail(createGit(clone, r.env), 'v2.1.0')).toBe('releaser@example.com')
    expect(git(r, clone, 'show', 'v2.1.0:file3.txt')).toBe('31')
  })

  it('on a maintenance branch, never fetches the history of higher tags it does not contain', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(50, { 10: 'v1.0.0', 20: 'v1.1.0' }))
    const fork = r.git('rev-parse', 'v1.1.0')
    // main goes on to 2.x and 3.x; the 1.x branch forks at v1.1.0 and releases 1.1.1.
    write(r, 'refs/heads/main', [...linear(30, { 10: 'v2.0.0', 20: 'v3.0.0' })], 'refs/heads/main^0')
    write(r, 'refs/heads/1.x', linear(12, { 5: 'v1.1.1' }), fork)
    r.git('checkout', '-q', '1.x')
    origin(r, true)
    execFileSync('git', ['clone', '-q', '--no-tags', '--depth=1', '-b', '1.x', `file://${join(r.root, 'origin.git')}`, join(r.root, 'm')], {
      env: r.env
    })
    const clone = join(r.root, 'm')
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v1.1.1')
    expect(h.commits).toHaveLength(6)
    // v3.0.0 and v2.0.0 were each asked for once, and their commits never came.
    expect(h.fetched).toEqual([
      "listed the remote's tags (5)",
      'fetched the commits HEAD has and v3.0.0 has not: v3.0.0 is on another line',
      'fetched the commits HEAD has and v2.0.0 has not: v2.0.0 is on another line'
    ])
    expect(present(r, clone, r.git('rev-parse', 'v3.0.0'))).toBe(false)
    expect(present(r, clone, r.git('rev-parse', 'v2.0.0'))).toBe(false)
    expect(git(r, clone, 'tag', '--list')).toBe('v1.1.1')
  })

  it('behind several higher tags it does not contain, still finds the release it does', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(20, { 5: 'v1.0.0' }))
    const fork = r.git('rev-parse', 'v1.0.0')
    write(r, 'refs/heads/main', linear(20, { 2: 'v2.0.0', 4: 'v3.0.0', 6: 'v4.0.0', 8: 'v5.0.0' }), 'refs/heads/main^0')
    write(r, 'refs/heads/old', linear(4, {}), fork)
    r.git('checkout', '-q', 'old')
    origin(r, true)
    execFileSync('git', ['clone', '-q', '--no-tags', '--depth=1', '-b', 'old', `file://${join(r.root, 'origin.git')}`, join(r.root, 'o')], {
      env: r.env
    })
    const clone = join(r.root, 'o')
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v1.0.0')
    expect(h.commits).toHaveLength(4)
    expect(git(r, clone, 'fsck', '--connectivity-only', '--no-dangling')).toBe('')
  })

  it('with the release tag on HEAD itself, fetches only the tag', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(30, { 29: 'v1.3.0', 3: 'v1.0.0' }, true))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v1.3.0')
    expect(h.commits).toHaveLength(0)
    expect(git(r, clone, 'rev-list', '--count', 'HEAD')).toBe('1')
    expect(git(r, clone, 'tag', '--list')).toBe('v1.3.0')
  })

  it('finds a prerelease channel and the stable release below it, fetching back to the deeper one', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(80, { 10: 'v1.0.0', 60: 'v2.0.0-beta.0', 70: 'v2.0.0-beta.1' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    const h = await plan(clone, r, { prerelease: 'beta' })
    expect(h.base?.name).toBe('v2.0.0-beta.1')
    expect(h.stableBase?.name).toBe('v1.0.0')
    expect(h.commits).toHaveLength(9)
    expect(git(r, clone, 'rev-list', '--count', 'HEAD')).toBe('70')
  })

  it('reads a second history in the same run without fetching again', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(40, { 10: 'v1.0.0' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    const state = newFetchState()
    await plan(clone, r, { state })
    const again = await plan(clone, r, { state })
    expect(again.base?.name).toBe('v1.0.0')
    expect(again.fetched).toEqual([])
  })

  it('counts the whole history when the remote has no release tag', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(25, { 3: 'not-a-version' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    const h = await plan(clone, r)
    expect(h.base).toBeNull()
    expect(h.commits).toHaveLength(25)
    expect(git(r, clone, 'rev-parse', '--is-shallow-repository')).toBe('false')
  })

  it('with fetch-history: full, makes the clone whole: every commit, file and tag', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(40, { 10: 'v1.0.0', 20: 'v1.1.0' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    const h = await plan(clone, r, { fetchHistory: 'full' })
    expect(h.base?.name).toBe('v1.1.0')
    expect(h.commits).toHaveLength(19)
    expect(git(r, clone, 'rev-parse', '--is-shallow-repository')).toBe('false')
    expect(git(r, clone, 'tag', '--list')).toBe('v1.0.0\nv1.1.0')
    expect(tryGit(r, clone, 'config', '--get', 'remote.origin.promisor')).toBe(false)
    expect(h.fetched).toEqual(['fetched the complete history and the tags, as fetch-history: full asks'])
  })

  it('a local tag the remote does not have, on a commit whose range is cut, is found through the whole history', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(30, { 10: 'v1.0.0' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    const older = r.git('rev-parse', 'HEAD~3')
    git(r, clone, 'fetch', '-q', '--depth=1', 'origin', older)
    git(r, clone, 'tag', 'v9.0.0', older)
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v9.0.0')
    expect(h.commits).toHaveLength(3)
  })

  it('a local tag the remote does not have still counts', async () => {
    const r = repo()
    write(r, 'refs/heads/main', linear(30, { 10: 'v1.0.0' }))
    r.git('checkout', '-q', 'main')
    origin(r, true)
    const clone = r.shallowClone(1)
    git(r, clone, 'tag', 'v1.5.0', 'HEAD')
    const h = await plan(clone, r)
    expect(h.base?.name).toBe('v1.5.0')
    expect(h.tags.map((t) => t.name).sort()).toEqual(['v1.0.0', 'v1.5.0'])
  })
})
