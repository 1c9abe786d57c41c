import { execFileSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGit } from '../../src/git/git.js'
import { deleteRemoteBranch, readCommitDate, readRange, replaceRemoteBranch } from '../../src/git/release-branch.js'
import { createReleaseCommit, readRemoteBranch, releaseCommitMessage } from '../../src/git/release-commit.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

const author = { name: 'verso[bot]', email: '12345+verso[bot]@users.noreply.github.com' }
const BRANCH = 'verso/release/main'

/** The sha the bare repository's branch points at, or null when it has none. */
function remoteBranch(r: TestRepo, bare: string, branch: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
      cwd: bare,
      env: r.env,
      encoding: 'utf8'
    }).trim()
  } catch {
    return null
  }
}

/** A repository with two commits on `main` and a bare origin that has them. */
function withOrigin(): { r: TestRepo; bare: string; first: string; second: string } {
  const r = repo()
  const [first, second] = r.commits('feat: one', 'fix: two')
  const bare = r.addBareOrigin()
  return { r, bare, first: first!, second: second! }
}

/** Two commits that are not on `main`: what two runs of the release branch would write. */
function sideCommits(r: TestRepo, base: string): [string, string] {
  const git = (...args: string[]) => r.git(...args)
  git('checkout', '-q', '-b', 'side', base)
  const a = r.commit('chore(release): v1.3.0')
  git('checkout', '-q', '-b', 'other', base)
  const b = r.commit('chore(release): v1.3.1')
  git('checkout', '-q', 'main')
  return [a, b]
}

function refuseEveryPush(bare: string): void {
  const hook = join(bare, 'hooks', 'pre-receive')
  writeFileSync(hook, '#!/bin/sh\necho "GH006: Protected branch update failed for refs/heads/verso/release/main."\nexit 1\n')
  chmodSync(hook, 0o755)
}

describe('readRange', () => {
  it('reads the commits after `from` newest first, with parents and subjects', async () => {
    const r = repo()
    const [a, b, c, d] = r.commits('feat: a', 'fix: b', 'chore: c\n\nwith a body\n', 'docs: d')
    const range = await readRange(createGit(r.dir, r.env), a!, d!)
    expect(range).toEqual([
      { sha: d, parents: [c], subject: 'docs: d' },
      { sha: c, parents: [b], subject: 'chore: c' },
      { sha: b, parents: [a], subject: 'fix: b' }
    ])
  })

  it('reads the whole history, the root without parents, when `from` is null', async () => {
    const r = repo()
    const [a, b] = r.commits('feat: a', 'fix: b')
    const range = await readRange(createGit(r.dir, r.env), null, 'main')
    expect(range).toEqual([
      { sha: b, parents: [a], subject: 'fix: b' },
      { sha: a, parents: [], subject: 'feat: a' }
    ])
  })

  it('is empty when `from` is `to`', async () => {
    const r = repo()
    const [, b] = r.commits('feat: a', 'fix: b')
    expect(await readRange(createGit(r.dir, r.env), b!, b!)).toEqual([])
  })

  it("reads a merge's two parents, first parent first, and the merged side's commits", async () => {
    const r = repo()
    const base = r.commit('feat: base')
    r.git('checkout', '-q', '-b', 'verso/release/main')
    const release = r.commit('chore(release): v1.3.0')
    r.git('checkout', '-q', 'main')
    const fix = r.commit('fix: meanwhile')
    r.git('merge', '-q', '--no-ff', '--no-commit', 'verso/release/main')
    const merge = r.commit('Merge pull request #12 from o/verso/release/main')
    const range = await readRange(createGit(r.dir, r.env), base, merge)
    expect(range[0]).toEqual({ sha: merge, parents: [fix, release], subject: 'Merge pull request #12 from o/verso/release/main' })
    expect(range.map((c) => c.sha).sort()).toEqual([merge, release, fix].sort())
  })

  it('reads subjects with unicode and punctuation as written', async () => {
    const r = repo()
    const root = r.commit('feat: root')
    const subject = 'feat(ü): naïve café — 日本語 🚀 "quoted" %s %x00'
    const sha = r.commit(`${subject}\n`)
    expect(await readRange(createGit(r.dir, r.env), root, sha)).toEqual([{ sha, parents: [root], subject }])
  })
})

describe('readCommitDate', () => {
  it("reads the commit's committer date as git takes it back", async () => {
    const r = repo()
    const sha = r.commit('feat: a')
    // The test repository's clock: 2024-01-01 plus one minute per commit.
    expect(await readCommitDate(createGit(r.dir, r.env), sha)).toBe(`@${Date.UTC(2024, 0, 1) / 1000 + 60} +0000`)
  })

  it('makes the same release commit twice from the same files on the same parent', async () => {
    const r = repo()
    r.commit('feat: a')
    const parent = r.commit('fix: b')
    const git = createGit(r.dir, r.env)
    const make = async () =>
      createReleaseCommit(git, {
        files: [{ path: 'package.json', text: '{\n  "version": "1.3.0"\n}\n' }],
        message: releaseCommitMessage(['v1.3.0']),
        author,
        parent,
        date: await readCommitDate(git, parent)
      })
    const first = await make()
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = await make()
    expect(second).toBe(first)
    expect(await readCommitDate(git, first)).toBe(await readCommitDate(git, parent))
  })
})

describe('replaceRemoteBranch', () => {
  it('creates the branch when it was read absent', async () => {
    const { r, bare, second } = withOrigin()
    const git = createGit(r.dir, r.env)
    expect(await replaceRemoteBranch(git, 'origin', BRANCH, second, null)).toEqual({ kind: 'pushed' })
    expect(remoteBranch(r, bare, BRANCH)).toBe(second)
    expect(await readRemoteBranch(git, 'origin', BRANCH)).toBe(second)
  })

  it('replaces the branch from where it was read, whatever it held', async () => {
    const { r, bare, first } = withOrigin()
    const [a, b] = sideCommits(r, first)
    const git = createGit(r.dir, r.env)
    r.git('push', '-q', 'origin', `${a}:refs/heads/${BRANCH}`)
    // b does not descend from a: a force push, allowed from where it was read.
    expect(await replaceRemoteBranch(git, 'origin', BRANCH, b, a)).toEqual({ kind: 'pushed' })
    expect(remoteBranch(r, bare, BRANCH)).toBe(b)
  })

  it('is pushed when the branch already holds the commit', async () => {
    const { r, bare, second } = withOrigin()
    const git = createGit(r.dir, r.env)
    r.git('push', '-q', 'origin', `${second}:refs/heads/${BRANCH}`)
    expect(await replaceRemoteBranch(git, 'origin', BRANCH, second, second)).toEqual({ kind: 'pushed' })
    expect(remoteBranch(r, bare, BRANCH)).toBe(second)
  })

  it('is moved, and leaves their commit, when someone else wrote the branch after it was read', async () => {
    const { r, bare, first } = withOrigin()
    const [ours, theirs] = sideCommits(r, first)
    const git = createGit(r.dir, r.env)
    r.git('push', '-q', 'origin', `${first}:refs/heads/${BRANCH}`)
    const read = await readRemoteBranch(git, 'origin', BRANCH)
    r.git('push', '-q', '--force', 'origin', `${theirs}:refs/heads/${BRANCH}`)
    const update = await replaceRemoteBranch(git, 'origin', BRANCH, ours, read)
    expect(update.kind).toBe('moved')
    expect(remoteBranch(r, bare, BRANCH)).toBe(theirs)
  })

  it('is moved when the branch was read absent and someone else created it', async () => {
    const { r, bare, first } = withOrigin()
    const [ours, theirs] = sideCommits(r, first)
    const git = createGit(r.dir, r.env)
    r.git('push', '-q', 'origin', `${theirs}:refs/heads/${BRANCH}`)
    const update = await replaceRemoteBranch(git, 'origin', BRANCH, ours, null)
    expect(update.kind).toBe('moved')
    expect(remoteBranch(r, bare, BRANCH)).toBe(theirs)
  })

  it("is denied, with the remote's message, when a hook refuses the push", async () => {
    const { r, bare, second } = withOrigin()
    refuseEveryPush(bare)
    const update = await replaceRemoteBranch(createGit(r.dir, r.env), 'origin', BRANCH, second, null)
    expect(update.kind).toBe('denied')
    expect(update.kind === 'denied' && update.message).toContain('GH006: Protected branch update failed')
    expect(remoteBranch(r, bare, BRANCH)).toBeNull()
  })

  it('is denied, the branch left where it was, when a hook refuses replacing it', async () => {
    const { r, bare, first } = withOrigin()
    const [a, b] = sideCommits(r, first)
    r.git('push', '-q', 'origin', `${a}:refs/heads/${BRANCH}`)
    refuseEveryPush(bare)
    const update = await replaceRemoteBranch(createGit(r.dir, r.env), 'origin', BRANCH, b, a)
    expect(update.kind).toBe('denied')
    expect(remoteBranch(r, bare, BRANCH)).toBe(a)
  })
})

describe('deleteRemoteBranch', () => {
  it('deletes the branch at where it was read', async () => {
    const { r, bare, second } = withOrigin()
    r.git('push', '-q', 'origin', `${second}:refs/heads/${BRANCH}`)
    expect(await deleteRemoteBranch(createGit(r.dir, r.env), 'origin', BRANCH, second)).toEqual({ kind: 'pushed' })
    expect(remoteBranch(r, bare, BRANCH)).toBeNull()
  })

  it('is moved, and deletes nothing, when the branch is elsewhere', async () => {
    const { r, bare, first, second } = withOrigin()
    r.git('push', '-q', 'origin', `${second}:refs/heads/${BRANCH}`)
    const update = await deleteRemoteBranch(createGit(r.dir, r.env), 'origin', BRANCH, first)
    expect(update.kind).toBe('moved')
    expect(remoteBranch(r, bare, BRANCH)).toBe(second)
  })

  it('is denied, the branch kept, when a hook refuses the deletion', async () => {
    const { r, bare, second } = withOrigin()
    r.git('push', '-q', 'origin', `${second}:refs/heads/${BRANCH}`)
    refuseEveryPush(bare)
    const update = await deleteRemoteBranch(createGit(r.dir, r.env), 'origin', BRANCH, second)
    expect(update.kind).toBe('denied')
    expect(remoteBranch(r, bare, BRANCH)).toBe(second)
  })
})
