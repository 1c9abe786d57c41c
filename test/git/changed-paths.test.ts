import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCommitsWithPaths } from '../../src/git/changed-paths.js'
import { createGit } from '../../src/git/git.js'
import { useRepos } from '../support/repo.js'

const repo = useRepos()

describe('readCommitsWithPaths', () => {
  it('every commit with its changed paths, children before parents, in one walk', async () => {
    const r = repo()
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(r.dir, path)), { recursive: true })
      writeFileSync(join(r.dir, path), text)
      r.git('add', '-A')
    }
    put('a/one.txt', '1')
    const first = r.commit('feat: one\n\nwith a body\n')
    r.commit('chore: empty')
    put('b/two words.txt', '2')
    put('a/one.txt', '1b')
    const third = r.commit('fix: two\n')
    mkdirSync(join(r.dir, 'c'), { recursive: true })
    r.git('mv', 'a/one.txt', 'c/one.txt')
    const renamed = r.commit('refactor: move')
    const commits = await readCommitsWithPaths(createGit(r.dir, r.env), renamed, [], (c) => c)
    expect(commits.map((c) => [c.message.split('\n')[0], c.paths])).toEqual([
      ['refactor: move', ['a/one.txt', 'c/one.txt']],
      ['fix: two', ['a/one.txt', 'b/two words.txt']],
      ['chore: empty', []],
      ['feat: one', ['a/one.txt']]
    ])
    expect(commits[3]!.message).toBe('feat: one\n\nwith a body\n')
    expect(commits[1]!.parents.length).toBe(1)
    const since = await readCommitsWithPaths(createGit(r.dir, r.env), renamed, [third], (c) => c.sha)
    expect(since).toEqual([renamed])
    expect(await readCommitsWithPaths(createGit(r.dir, r.env), first, [first], (c) => c)).toEqual([])
  })

  it('a merge carries what it brings to its first parent', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('checkout', '-q', '-b', 'topic')
    writeFileSync(join(r.dir, 'x.txt'), 'x')
    r.git('add', '-A')
    r.commit('feat: x')
    r.git('checkout', '-q', 'main')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge topic', 'topic')
    const commits = await readCommitsWithPaths(createGit(r.dir, r.env), 'HEAD', [], (c) => [c.message.trim(), c.paths])
    expect(commits[0]).toEqual(['Merge topic', ['x.txt']])
  })
})
