import { execFileSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { connectGitData } from './connect-git-data.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()

/** A repository with a regular file and an executable one in a folder, and its bare origin. */
function project(): { r: TestRepo; origin: string; head: string; tree: string } {
  const r = repos()
  writeFileSync(join(r.dir, 'package.json'), '{ "version": "1.0.0" }\n')
  execFileSync('mkdir', ['-p', join(r.dir, 'bin')])
  writeFileSync(join(r.dir, 'bin', 'run.sh'), '#!/bin/sh\necho 1.0.0\n')
  chmodSync(join(r.dir, 'bin', 'run.sh'), 0o755)
  r.git('add', '-A')
  const head = r.commit('chore: init')
  const origin = r.addBareOrigin()
  return { r, origin, head, tree: r.git('rev-parse', `${head}^{tree}`) }
}

const onOrigin = (r: TestRepo, origin: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', origin, ...args], { env: r.env, encoding: 'utf8' }).trim()

describe('GitHub git database', () => {
  it('makes a commit of the files on the parent, keeping each mode, committed and signed by GitHub', async () => {
    const { r, origin, head, tree } = project()
    const { server, gitData } = await connectGitData({ gitDir: origin })
    const commit = await gitData.createCommit({
      parent: head,
      baseTree: tree,
      message: 'chore(release): v1.1.0',
      files: [
        { path: 'package.json', mode: '100644', text: '{ "version": "1.1.0" }\n' },
        { path: 'bin/run.sh', mode: '100755', text: '#!/bin/sh\necho 1.1.0\n' }
      ]
    })
    expect(commit.verified).toBe(true)
    expect(onOrigin(r, origin, 'rev-parse', `${commit.sha}^{tree}`)).toBe(commit.tree)
    expect(onOrigin(r, origin, 'log', '-1', '--format=%P|%an|%ae|%cn|%ce|%s', commit.sha)).toBe(
      `${head}|github-actions[bot]|41898282+github-actions[bot]@users.noreply.github.com|GitHub|noreply@github.com|chore(release): v1.1.0`
    )
    expect(onOrigin(r, origin, 'ls-tree', '-r', commit.sha).replace(/ [0-9a-f]{40}/g, '')).toBe(
      '100755 blob\tbin/run.sh\n100644 blob\tpackage.json'
    )
    expect(onOrigin(r, origin, 'show', `${commit.sha}:package.json`)).toBe('{ "version": "1.1.0" }')
    // No ref moved: the commit is only in the object store.
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/main')).toBe(head)
    // No author and no committer: that is what makes GitHub sign it.
    const sent = server.requests.find((q) => q.route === 'POST /repos/{owner}/{repo}/git/commits')!.body
    expect(sent).toEqual({ message: 'chore(release): v1.1.0', tree: commit.tree, parents: [head] })
  })

  it('fast-forwards a branch, and refuses to when the branch moved; force moves it anyway', async () => {
    const { r, origin, head, tree } = project()
    const { server, gitData } = await connectGitData({ gitDir: origin })
    const files = [{ path: 'package.json', mode: '100644' as const, text: '{ "version": "2.0.0" }\n' }]
    const first = await gitData.createCommit({ parent: head, baseTree: tree, message: 'one', files })
    const second = await gitData.createCommit({ parent: head, baseTree: tree, message: 'two', files })
    expect(await gitData.updateBranch('main', first.sha, 'fast-forward')).toEqual({ kind: 'updated' })
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/main')).toBe(first.sha)
    expect(await gitData.readBranch('main')).toBe(first.sha)
    expect(await gitData.updateBranch('main', second.sha, 'fast-forward')).toEqual({
      kind: 'not-fast-forward',
      message: 'Update is not a fast forward'
    })
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/main')).toBe(first.sha)
    // The ref's name goes in the path, its slash percent-encoded.
    expect(server.requests.filter((q) => q.method === 'PATCH').map((q) => q.path)).toEqual([
      '/repos/octo-org/hello-world/git/refs/heads%2Fmain',
      '/repos/octo-org/hello-world/git/refs/heads%2Fmain'
    ])
    expect(await gitData.updateBranch('main', second.sha, 'force')).toEqual({ kind: 'updated' })
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/main')).toBe(second.sha)
  })

  it('creates a branch, and says when it exists or, for an update, is missing', async () => {
    const { r, origin, head } = project()
    const { gitData } = await connectGitData({ gitDir: origin })
    expect(await gitData.readBranch('release-please')).toBeNull()
    expect(await gitData.updateBranch('release-please', head, 'create')).toEqual({ kind: 'updated' })
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/release-please')).toBe(head)
    expect(await gitData.updateBranch('release-please', head, 'create')).toMatchObject({ kind: 'exists' })
    expect(await gitData.updateBranch('gone', head, 'fast-forward')).toMatchObject({ kind: 'missing' })
  })

  it.each([
    ['pull-request', 'Changes must be made through a pull request.'],
    ['ruleset', 'Repository rule violations found Changes must be made through a pull request.']
  ] as const)('a %s protection refuses the branch update, and says why', async (protection, message) => {
    const { r, origin, head, tree } = project()
    const { gitData } = await connectGitData({ gitDir: origin, protectedBranches: { main: protection } })
    const commit = await gitData.createCommit({ parent: head, baseTree: tree, message: 'x', files: [] })
    expect(await gitData.updateBranch('main', commit.sha, 'fast-forward')).toEqual({ kind: 'protected', message })
    expect(onOrigin(r, origin, 'rev-parse', 'refs/heads/main')).toBe(head)
  })

  it('makes an annotated tag and its ref; a second time the tag exists', async () => {
    const { r, origin, head } = project()
    const { gitData } = await connectGitData({ gitDir: origin })
    const tagger = { name: 'Release Bot', email: 'bot@example.com' }
    const made = await gitData.createTag({ tag: 'v1.1.0', message: 'v1.1.0\n\nnotes\n', commit: head, tagger })
    expect(made.kind).toBe('created')
    expect(onOrigin(r, origin, 'cat-file', '-t', 'refs/tags/v1.1.0')).toBe('tag')
    expect(onOrigin(r, origin, 'rev-parse', 'refs/tags/v1.1.0^{commit}')).toBe(head)
    expect(onOrigin(r, origin, 'for-each-ref', '--format=%(taggeremail)|%(contents)', 'refs/tags/v1.1.0')).toBe(
      '<bot@example.com>|v1.1.0\n\nnotes'
    )
    expect(await gitData.createTag({ tag: 'v1.1.0', message: 'again', commit: head, tagger })).toEqual({
      kind: 'exists',
      message: 'Reference already exists'
    })
  })

  it('checks what GitHub answers: a commit without its verification is not a commit', async () => {
    const { origin, head, tree } = project()
    const { server, gitData } = await connectGitData({ gitDir: origin })
    server.failNext('POST /repos/{owner}/{repo}/git/commits', 201, { sha: 'a'.repeat(40) })
    await expect(gitData.createCommit({ parent: head, baseTree: tree, message: 'x', files: [] })).rejects.toThrow(
      /Could not create the commit on [0-9a-f]{7}: GitHub answered 201 with JSON without a valid `tree` and `verification`, which is not a commit\./
    )
  })

  it('names the permission a 403 or a 404 lacks', async () => {
    const { origin, head, tree } = project()
    const { server, gitData } = await connectGitData({ gitDir: origin })
    server.failNext('POST /repos/{owner}/{repo}/git/trees', 403, { message: 'Resource not accessible by integration' })
    const refused = await gitData.createCommit({ parent: head, baseTree: tree, message: 'x', files: [] }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(VersoError)
    expect(refused).toMatchObject({ code: 'EGITHUBPERMISSION' })
    expect((refused as VersoError).message).toMatch(
      /the token is not allowed to \(GitHub answered 403 "Resource not accessible by integration"\)/
    )
    expect((refused as VersoError).hint).toMatch(/`contents: write`/)
    server.failNext('PATCH /repos/{owner}/{repo}/git/refs/{ref}', 404, { message: 'Not Found' })
    await expect(gitData.updateBranch('main', head, 'fast-forward')).rejects.toMatchObject({ code: 'EGITHUBPERMISSION' })
  })
})
