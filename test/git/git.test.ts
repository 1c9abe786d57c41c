import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGit } from '../../src/git/git.js'
import { useRepos } from '../support/repo.js'

const repo = useRepos()

describe('running git', () => {
  it('a command that ends before reading its input fails with what git said, and nothing else breaks', async () => {
    const r = repo()
    const outside = join(r.root, 'not-a-repository')
    mkdirSync(outside)
    // More than a pipe holds: git has exited, refusing the folder, while its input is still being written.
    const input = `${'0'.repeat(40)}\n`.repeat(100_000)
    await expect(createGit(outside, r.env).runBuffer(['cat-file', '--batch'], { input })).rejects.toMatchObject({
      message: expect.stringContaining('not a git repository')
    })
    expect((await createGit(r.dir, r.env).tryRun(['rev-parse', '--is-inside-work-tree'])).stdout).toBe('true\n')
  })
})
