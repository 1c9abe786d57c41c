import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { askDefaultBranch, readCurrentBranch, readDefaultBranch } from '../../src/git/branches.js'
import { createGit } from '../../src/git/git.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

/** A clone of `r`'s bare origin, as actions/checkout or a developer would have it. */
function cloneOrigin(r: TestRepo, name = 'clone'): string {
  const target = join(r.root, name)
  execFileSync('git', ['clone', '-q', join(r.root, 'origin.git'), target], { env: r.env })
  return target
}

function cloneGit(r: TestRepo, dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: r.env, encoding: 'utf8' }).trim()
}

describe('readCurrentBranch', () => {
  it.each(['main', 'feature/login', 'release-2.x', 'ünïcode'])('names the branch HEAD is on: %s', async (branch) => {
    const r = repo()
    r.commit('chore: init')
    if (branch !== 'main') r.git('checkout', '-q', '-b', branch)
    expect(await readCurrentBranch(createGit(r.dir, r.env))).toBe(branch)
  })

  it('names a branch that has no commit yet', async () => {
    const r = repo()
    expect(await readCurrentBranch(createGit(r.dir, r.env))).toBe('main')
  })

  it.each([
    ['a commit', (r: TestRepo) => r.git('checkout', '-q', '--detach', 'HEAD')],
    ['a tag', (r: TestRepo) => r.git('checkout', '-q', 'v1.0.0')]
  ])('is null when HEAD is detached at %s', async (_, detach) => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    detach(r)
    expect(await readCurrentBranch(createGit(r.dir, r.env))).toBeNull()
  })

  // A maintenance branch `v2` next to the floating tag `v2` that verso itself moves: git
  // shortens an ambiguous name to `heads/v2`, which no branch rule would match.
  it('names a branch that shares its name with a tag, without a heads/ prefix', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v2')
    r.git('checkout', '-q', '-b', 'v2')
    expect(await readCurrentBranch(createGit(r.dir, r.env))).toBe('v2')
  })
})

describe('readDefaultBranch', () => {
  it('reads origin/HEAD that a clone records, even when the clone is on another branch', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('branch', 'develop')
    r.addBareOrigin()
    const clone = cloneOrigin(r)
    cloneGit(r, clone, 'checkout', '-q', 'develop')
    expect(await readDefaultBranch(createGit(clone, r.env))).toBe('main')
  })

  it('follows `git remote set-head`, branch names with a slash included', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('branch', 'release/2.x')
    r.addBareOrigin()
    r.git('fetch', '-q', 'origin')
    const git = createGit(r.dir, r.env)
    expect(await readDefaultBranch(git)).toBeNull()
    r.git('remote', 'set-head', 'origin', 'release/2.x')
    expect(await readDefaultBranch(git)).toBe('release/2.x')
    r.git('remote', 'set-head', 'origin', '--delete')
    expect(await readDefaultBranch(git)).toBeNull()
  })

  it('is null for a remote added without a clone, and with no remote at all', async () => {
    const r = repo()
    r.commit('chore: init')
    const git = createGit(r.dir, r.env)
    expect(await readDefaultBranch(git)).toBeNull()
    r.addBareOrigin()
    expect(await readDefaultBranch(git)).toBeNull()
  })

  it('reads the named remote, not origin', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('branch', 'trunk')
    const bare = r.addBareOrigin()
    r.git('remote', 'add', 'upstream', bare)
    r.git('fetch', '-q', 'upstream')
    r.git('remote', 'set-head', 'upstream', 'trunk')
    const git = createGit(r.dir, r.env)
    expect(await readDefaultBranch(git, 'upstream')).toBe('trunk')
    expect(await readDefaultBranch(git)).toBeNull()
  })

  // A stray local branch literally named `origin/main` makes git shorten to `remotes/origin/main`.
  it('reads the default branch when a local branch is named like the remote one', async () => {
    const r = repo()
    r.commit('chore: init')
    r.addBareOrigin()
    r.git('fetch', '-q', 'origin')
    r.git('remote', 'set-head', 'origin', 'main')
    r.git('branch', 'origin/main')
    expect(await readDefaultBranch(createGit(r.dir, r.env))).toBe('main')
  })
})

describe('askDefaultBranch', () => {
  it('asks the remote, whose HEAD may name a branch other than the local one', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('branch', 'trunk')
    const bare = r.addBareOrigin()
    execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/trunk'], { cwd: bare, env: r.env })
    const git = createGit(r.dir, r.env)
    expect(await askDefaultBranch(git)).toBe('trunk')
    // The answer comes from the remote, not from what the clone recorded.
    expect(await readDefaultBranch(git)).toBeNull()
  })

  it('reads a default branch whose name has a slash', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('branch', 'release/2.x')
    const bare = r.addBareOrigin()
    execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/release/2.x'], { cwd: bare, env: r.env })
    expect(await askDefaultBranch(createGit(r.dir, r.env))).toBe('release/2.x')
  })

  it('asks the named remote', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('branch', 'trunk')
    const bare = r.addBareOrigin()
    r.git('remote', 'rename', 'origin', 'upstream')
    execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/trunk'], { cwd: bare, env: r.env })
    const git = createGit(r.dir, r.env)
    expect(await askDefaultBranch(git, 'upstream')).toBe('trunk')
    expect(await askDefaultBranch(git)).toBeNull()
  })

  it('is null with no origin', async () => {
    const r = repo()
    r.commit('chore: init')
    expect(await askDefaultBranch(createGit(r.dir, r.env))).toBeNull()
  })

  it('is null when the origin cannot be reached', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('remote', 'add', 'origin', join(r.root, 'gone.git'))
    expect(await askDefaultBranch(createGit(r.dir, r.env))).toBeNull()
  })

  it('is null when the remote HEAD names a branch that does not exist', async () => {
    const r = repo()
    r.commit('chore: init')
    const bare = r.addBareOrigin()
    execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/nowhere'], { cwd: bare, env: r.env })
    expect(await askDefaultBranch(createGit(r.dir, r.env))).toBeNull()
  })

  it('is null for an empty remote', async () => {
    const r = repo()
    r.commit('chore: init')
    const bare = join(r.root, 'empty.git')
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], { env: r.env })
    r.git('remote', 'add', 'origin', bare)
    expect(await askDefaultBranch(createGit(r.dir, r.env))).toBeNull()
  })
})
