import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGit, type Git, GitError } from '../../src/git/git.js'
import { Reachability } from '../../src/git/reachability.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

interface Candidate {
  readonly name: string
  readonly sha: string
}

/**
 * `count` commits on branch `side`, starting from `from`, each tagged `v<major>.0.0` with
 * the highest version on the newest; returned best (newest) first. One fast-import and one
 * update-ref, however many.
 */
function taggedSideBranch(r: TestRepo, from: string, count: number, major = 100): Candidate[] {
  const marks = join(r.root, 'marks')
  const stream = Array.from({ length: count }, (_, i) => {
    const message = `feat: side ${i}\n`
    return [
      'commit refs/heads/side',
      `mark :${i + 1}`,
      `committer Test Author <author@example.com> ${1_800_000_000 + i} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message + (i === 0 ? `from ${from}\n` : '')
    ].join('\n')
  }).join('\n')
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: r.dir, env: r.env, input: stream })
  const shas = readFileSync(marks, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ') as [string, string])
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
    .map(([, sha]) => sha)
  const tags = shas.map((sha, i) => ({ name: `v${major + i}.0.0`, sha }))
  const input = tags.map((t) => `create refs/tags/${t.name} ${t.sha}\n`).join('')
  execFileSync('git', ['update-ref', '--stdin'], { cwd: r.dir, env: r.env, input })
  return tags.reverse()
}

/** The real runner, counting the git processes it starts. */
function counted(git: Git): { git: Git; calls: () => number } {
  let calls = 0
  const count =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      calls++
      return f(...args)
    }
  return {
    git: { cwd: git.cwd, run: count(git.run), runBuffer: count(git.runBuffer), tryRun: count(git.tryRun), stream: count(git.stream) },
    calls: () => calls
  }
}

/** main: root - v1.0.0 - v1.1.0 - HEAD; side (from v1.1.0): v2.0.0, never merged. */
function twoBranches() {
  const r = repo()
  r.commit('chore: init')
  const v100 = { name: 'v1.0.0', sha: r.commit('feat: a') }
  const v110 = { name: 'v1.1.0', sha: r.commit('feat: b') }
  r.git('checkout', '-q', '-b', 'next')
  const v200 = { name: 'v2.0.0', sha: r.commit('feat!: c') }
  r.git('checkout', '-q', 'main')
  const head = r.commit('fix: d')
  for (const t of [v100, v110, v200]) r.tag(t.name, { at: t.sha })
  return { r, head, v100, v110, v200 }
}

describe('Reachability.first', () => {
  it('skips the best candidates HEAD does not reach and answers the first one it does', async () => {
    const { r, head, v100, v110, v200 } = twoBranches()
    const reach = new Reachability(createGit(r.dir, r.env), head)
    expect(await reach.first([v200, v110, v100])).toBe(v110)
  })

  it('answers the first in the given order, not the nearest or the newest', async () => {
    const { r, head, v100, v110, v200 } = twoBranches()
    const reach = new Reachability(createGit(r.dir, r.env), head)
    expect(await reach.first([v200, v100, v110])).toBe(v100)
  })

  it('answers the head itself, which is its own ancestor', async () => {
    const { r, head, v200 } = twoBranches()
    const atHead = { name: 'v1.2.0', sha: head }
    const reach = new Reachability(createGit(r.dir, r.env), head)
    expect(await reach.first([v200, atHead])).toBe(atHead)
  })

  it('reads a symbolic head: a branch or HEAD', async () => {
    const { r, v100, v110, v200 } = twoBranches()
    const git = createGit(r.dir, r.env)
    expect(await new Reachability(git, 'HEAD').first([v200, v110, v100])).toBe(v110)
    expect(await new Reachability(git, 'next').first([v200, v110, v100])).toBe(v200)
  })

  it('is null when HEAD reaches none of them, and for no candidates', async () => {
    const { r, v100, v200 } = twoBranches()
    r.git('checkout', '-q', '--orphan', 'fresh')
    const orphan = r.commit('chore: unrelated history')
    const reach = new Reachability(createGit(r.dir, r.env), orphan)
    expect(await reach.first([v200, v100])).toBeNull()
    expect(await reach.first([])).toBeNull()
  })

  it('answers the candidate, not another that names the same commit', async () => {
    const { r, head, v110, v200 } = twoBranches()
    const alias = { name: 'v1.1.0-alias', sha: v110.sha }
    const reach = new Reachability(createGit(r.dir, r.env), head)
    expect(await reach.first([v200, alias, v110])).toBe(alias)
  })

  it('answers across a merge: a tag on a merged branch is reached', async () => {
    const { r, v110, v200 } = twoBranches()
    r.git('merge', '-q', '--no-ff', '-m', 'Merge next', 'next')
    const reach = new Reachability(createGit(r.dir, r.env), r.git('rev-parse', 'HEAD'))
    expect(await reach.first([v200, v110])).toBe(v200)
  })

  it('fails for a commit the repository does not have, rather than calling it reachable', async () => {
    const { r, head, v110 } = twoBranches()
    const reach = new Reachability(createGit(r.dir, r.env), head)
    await expect(reach.first([{ name: 'v9.0.0', sha: 'f'.repeat(40) }, v110])).rejects.toBeInstanceOf(GitError)
  })
})

describe('Reachability with many candidates', () => {
  it('finds the one reachable tag behind 300 higher tags on a side branch', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const v1 = { name: 'v1.0.0', sha: base }
    r.tag(v1.name)
    const side = taggedSideBranch(r, base, 300)
    const head = r.commit('fix: on main')
    const { git, calls } = counted(createGit(r.dir, r.env))
    const reach = new Reachability(git, head)
    expect(await reach.first([...side, v1])).toBe(v1)
    // Batches of 1, 2, 4, … 256 cover 511 candidates: nine processes, not 301.
    expect(calls()).toBe(9)
    expect(r.git('tag', '--list', '--merged', head)).toBe('v1.0.0')
  })

  it('answers the earlier of two reachable candidates that land in one batch', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const side = taggedSideBranch(r, base, 200)
    const older = { name: 'v1.0.0', sha: base }
    const newer = { name: 'v1.1.0', sha: r.commit('feat: on main') }
    const reach = new Reachability(createGit(r.dir, r.env), newer.sha)
    expect(await reach.first([...side, older, newer])).toBe(older)
  })

  it('finds a reachable candidate in the middle of 300 unreachable ones', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const side = taggedSideBranch(r, base, 300)
    const onMain = { name: 'v1.0.0', sha: base }
    const head = r.commit('fix: on main')
    const ordered = [...side.slice(0, 150), onMain, ...side.slice(150)]
    expect(await new Reachability(createGit(r.dir, r.env), head).first(ordered)).toBe(onMain)
  })

  it('reaches every tag of a long history when HEAD is at its tip', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const side = taggedSideBranch(r, base, 300)
    const reach = new Reachability(createGit(r.dir, r.env), side[0]!.sha)
    expect(await reach.filter(side.map((t) => t.sha))).toEqual(side.map((t) => t.sha))
    expect(await reach.first([...side].reverse())).toBe(side.at(-1))
  })

  it('asks git once when the best candidate is reachable, and not again for what it knows', async () => {
    const { r, head, v100, v110, v200 } = twoBranches()
    const { git, calls } = counted(createGit(r.dir, r.env))
    const reach = new Reachability(git, head)
    expect(await reach.first([v110, v100, v200])).toBe(v110)
    expect(calls()).toBe(1)
    expect(await reach.first([v110, v100])).toBe(v110)
    expect(await reach.filter([v110.sha])).toEqual([v110.sha])
    expect(calls()).toBe(1)
  })
})

describe('Reachability.filter', () => {
  it('keeps the shas HEAD reaches, in the order given, the head included', async () => {
    const { r, head, v100, v110, v200 } = twoBranches()
    const reach = new Reachability(createGit(r.dir, r.env), head)
    expect(await reach.filter([v200.sha, head, v100.sha, v110.sha])).toEqual([head, v100.sha, v110.sha])
  })

  it('keeps a repeated sha each time, and is empty for none', async () => {
    const { r, head, v100, v200 } = twoBranches()
    const reach = new Reachability(createGit(r.dir, r.env), head)
    expect(await reach.filter([v100.sha, v200.sha, v100.sha])).toEqual([v100.sha, v100.sha])
    expect(await reach.filter([v200.sha])).toEqual([])
    expect(await reach.filter([])).toEqual([])
  })

  it('agrees with first on what it learnt before', async () => {
    const { r, head, v100, v110, v200 } = twoBranches()
    const reach = new Reachability(createGit(r.dir, r.env), head)
    expect(await reach.first([v200, v110])).toBe(v110)
    expect(await reach.filter([v100.sha, v110.sha, v200.sha])).toEqual([v100.sha, v110.sha])
  })
})

describe('Reachability.reset', () => {
  it('answers anew once a shallow clone is deepened', async () => {
    const r = repo()
    const first = r.commit('feat: a')
    r.tag('v1.0.0')
    r.commits('fix: b', 'fix: c')
    r.addBareOrigin()
    const clone = r.shallowClone(1)
    const inClone = (...args: string[]) => execFileSync('git', args, { cwd: clone, env: r.env, encoding: 'utf8' }).trim()
    // The tag's commit arrives on its own: the clone has it, but not the history that links it to HEAD.
    inClone('fetch', '-q', '--depth=1', 'origin', 'refs/tags/v1.0.0:refs/tags/v1.0.0')
    const tag = { name: 'v1.0.0', sha: first }
    const reach = new Reachability(createGit(clone, r.env), 'HEAD')
    expect(await reach.first([tag])).toBeNull()
    inClone('fetch', '-q', '--unshallow', 'origin')
    // What it learnt stands until it is told the history changed.
    expect(await reach.first([tag])).toBeNull()
    reach.reset()
    expect(await reach.first([tag])).toBe(tag)
    expect(await reach.filter([first])).toEqual([first])
  })

  it('answers anew once a symbolic head has moved', async () => {
    const { r, v110, v200 } = twoBranches()
    const reach = new Reachability(createGit(r.dir, r.env), 'HEAD')
    expect(await reach.first([v200, v110])).toBe(v110)
    r.git('merge', '-q', '--no-ff', '-m', 'Merge next', 'next')
    reach.reset()
    expect(await reach.first([v200, v110])).toBe(v200)
  })
})
