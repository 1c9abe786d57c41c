import { execFileSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { createGit, type Git, GitError } from '../../src/git/git.js'
import {
  createAnnotatedTag,
  fetchTag,
  isAncestor,
  pushTag,
  readLocalTag,
  readRemoteTag,
  readTaggerEmail,
  summarizeGitOutput
} from '../../src/git/publish.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

const tagger = { name: 'verso[bot]', email: '12345+verso[bot]@users.noreply.github.com' }
const UNREACHABLE_HINT =
  'Check out with actions/checkout (it stores the credentials git needs), or make sure the remote exists and is reachable.'

function inDir(r: TestRepo, dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: r.env, encoding: 'utf8' }).trim()
}

/** A repository with one commit and a bare origin that has it. */
function withOrigin(): { r: TestRepo; bare: string; first: string } {
  const r = repo()
  const first = r.commit('chore: init')
  const bare = r.addBareOrigin()
  return { r, bare, first }
}

/** A server-side hook in the bare origin that refuses every push with `message`. */
function refusePushes(bare: string, message: string): void {
  const hook = join(bare, 'hooks', 'pre-receive')
  writeFileSync(hook, `#!/bin/sh\necho '${message}' >&2\nexit 1\n`)
  chmodSync(hook, 0o755)
}

describe('createAnnotatedTag', () => {
  it('tags the given commit with the tagger as given, over the configured identity', async () => {
    const r = repo()
    const first = r.commit('chore: init')
    r.commit('feat: later')
    r.git('config', 'user.name', 'Configured Person')
    r.git('config', 'user.email', 'configured@example.com')
    await createAnnotatedTag(createGit(r.dir, r.env), 'v1.0.0', first, 'v1.0.0\n\nnotes', tagger)
    expect(r.git('cat-file', '-t', 'refs/tags/v1.0.0')).toBe('tag')
    expect(r.git('rev-parse', 'v1.0.0^{commit}')).toBe(first)
    expect(r.git('for-each-ref', '--format=%(taggername) %(taggeremail)', 'refs/tags/v1.0.0')).toBe(
      'verso[bot] <12345+verso[bot]@users.noreply.github.com>'
    )
  })

  it.each([
    ['notes with comment lines and blank lines', 'v1.0.0\n\n# Features\n\n\n- a\n'],
    ['trailing blank lines and spaces', 'v1.0.0  \n\n\n'],
    ['CRLF and UTF-8', 'v1.0.0\r\n\r\n⚠ Breaking changes — café\r\n'],
    ['a message that starts with a dash', '-v1.0.0\n']
  ])('keeps the message exactly: %s', async (_, message) => {
    const r = repo()
    const sha = r.commit('chore: init')
    await createAnnotatedTag(createGit(r.dir, r.env), 'v1.0.0', sha, message, tagger)
    const object = execFileSync('git', ['cat-file', 'tag', 'v1.0.0'], { cwd: r.dir, env: r.env, encoding: 'utf8' })
    expect(object.slice(object.indexOf('\n\n') + 2)).toBe(message)
  })

  it('signs nothing even when the repository asks for signed tags', async () => {
    const r = repo()
    const sha = r.commit('chore: init')
    r.git('config', 'tag.gpgSign', 'true')
    r.git('config', 'gpg.program', 'false')
    await createAnnotatedTag(createGit(r.dir, r.env), 'v1.0.0', sha, 'v1.0.0', tagger)
    expect(r.git('cat-file', 'tag', 'v1.0.0')).not.toContain('BEGIN PGP')
  })

  it('fails, leaving the tag alone, when it exists', async () => {
    const r = repo()
    const first = r.commit('chore: init')
    r.tag('v1.0.0')
    const second = r.commit('feat: a')
    const error = await createAnnotatedTag(createGit(r.dir, r.env), 'v1.0.0', second, 'v1.0.0', tagger).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitError)
    expect((error as GitError).message).toMatch(/^git tag failed \(exit 128\): fatal: tag 'v1\.0\.0' already exists/)
    expect(r.git('rev-parse', 'v1.0.0')).toBe(first)
  })
})

describe('readTaggerEmail', () => {
  it('is the tagger of an annotated tag, without angle brackets', async () => {
    const r = repo()
    const sha = r.commit('chore: init')
    const git = createGit(r.dir, r.env)
    await createAnnotatedTag(git, 'v1.0.0', sha, 'v1.0.0', tagger)
    r.tag('v0.9.0', { annotated: true })
    expect(await readTaggerEmail(git, 'v1.0.0')).toBe(tagger.email)
    expect(await readTaggerEmail(git, 'v0.9.0')).toBe('author@example.com')
  })

  it('is null for a lightweight tag and for a tag that does not exist', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    const git = createGit(r.dir, r.env)
    expect(await readTaggerEmail(git, 'v1.0.0')).toBeNull()
    expect(await readTaggerEmail(git, 'v2.0.0')).toBeNull()
  })

  it('reads the tag, not a branch of the same name', async () => {
    const r = repo()
    const sha = r.commit('chore: init')
    r.git('branch', 'v1.0.0')
    const git = createGit(r.dir, r.env)
    expect(await readTaggerEmail(git, 'v1.0.0')).toBeNull()
    await createAnnotatedTag(git, 'v1.0.0', sha, 'v1.0.0', tagger)
    expect(await readTaggerEmail(git, 'v1.0.0')).toBe(tagger.email)
  })
})

describe('readLocalTag', () => {
  it('is the commit a lightweight or annotated tag names, or null', async () => {
    const r = repo()
    const first = r.commit('chore: init')
    r.tag('v1.0.0')
    const second = r.commit('feat: a')
    r.tag('v1.1.0', { annotated: true })
    const git = createGit(r.dir, r.env)
    expect(await readLocalTag(git, 'v1.0.0')).toBe(first)
    expect(await readLocalTag(git, 'v1.1.0')).toBe(second)
    expect(await readLocalTag(git, 'v2.0.0')).toBeNull()
  })

  it('reads only tags: a branch or a sha of that name is no tag', async () => {
    const r = repo()
    const sha = r.commit('chore: init')
    r.git('branch', 'v1.0.0')
    const git = createGit(r.dir, r.env)
    expect(await readLocalTag(git, 'v1.0.0')).toBeNull()
    expect(await readLocalTag(git, sha)).toBeNull()
    expect(await readLocalTag(git, 'HEAD')).toBeNull()
  })

  it('is null for a tag of a tree, which names no commit', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('tag', 'tree-tag', 'HEAD^{tree}')
    expect(await readLocalTag(createGit(r.dir, r.env), 'tree-tag')).toBeNull()
  })
})

describe('readRemoteTag', () => {
  it('is the commit a tag names on the remote, peeling an annotated tag', async () => {
    const { r, first } = withOrigin()
    r.tag('v1.0.0')
    const second = r.commit('feat: a')
    r.tag('v1.1.0', { annotated: true })
    r.git('push', '-q', 'origin', '--tags')
    const git = createGit(r.dir, r.env)
    expect(await readRemoteTag(git, 'origin', 'v1.0.0')).toBe(first)
    expect(await readRemoteTag(git, 'origin', 'v1.1.0')).toBe(second)
    expect(r.git('rev-parse', 'v1.1.0')).not.toBe(second)
  })

  it('is null for a tag only the local repository has, or that neither has', async () => {
    const { r } = withOrigin()
    r.tag('v1.0.0')
    const git = createGit(r.dir, r.env)
    expect(await readRemoteTag(git, 'origin', 'v1.0.0')).toBeNull()
    expect(await readRemoteTag(git, 'origin', 'v2.0.0')).toBeNull()
  })

  it('reads the exact tag, not one that ends the same way or a branch of that name', async () => {
    const { r } = withOrigin()
    r.tag('api/v1.0.0')
    r.tag('v1.0.0-rc.0')
    r.git('branch', 'v1.0.0')
    r.git('push', '-q', 'origin', '--tags', 'v1.0.0')
    const git = createGit(r.dir, r.env)
    expect(r.git('ls-remote', 'origin')).toContain('refs/heads/v1.0.0')
    expect(await readRemoteTag(git, 'origin', 'v1.0.0')).toBeNull()
  })

  it('reads any remote by name or by URL', async () => {
    const { r, bare, first } = withOrigin()
    r.tag('v1.0.0')
    r.git('push', '-q', 'origin', 'v1.0.0')
    r.git('remote', 'rename', 'origin', 'upstream')
    const git = createGit(r.dir, r.env)
    expect(await readRemoteTag(git, 'upstream', 'v1.0.0')).toBe(first)
    expect(await readRemoteTag(git, `file://${bare}`, 'v1.0.0')).toBe(first)
  })
})

describe('pushTag', () => {
  it('pushes a new tag, annotated as it is locally', async () => {
    const { r, bare, first } = withOrigin()
    const git = createGit(r.dir, r.env)
    await createAnnotatedTag(git, 'v1.0.0', first, 'v1.0.0', tagger)
    expect(await pushTag(git, 'origin', 'v1.0.0', { force: false })).toEqual({ kind: 'pushed' })
    expect(await readRemoteTag(git, 'origin', 'v1.0.0')).toBe(first)
    expect(inDir(r, bare, 'cat-file', '-t', 'refs/tags/v1.0.0')).toBe('tag')
  })

  it('pushes again without complaint when the remote already has the same tag (a re-run)', async () => {
    const { r, first } = withOrigin()
    const git = createGit(r.dir, r.env)
    await createAnnotatedTag(git, 'v1.0.0', first, 'v1.0.0', tagger)
    await pushTag(git, 'origin', 'v1.0.0', { force: false })
    expect(await pushTag(git, 'origin', 'v1.0.0', { force: false })).toEqual({ kind: 'pushed' })
  })

  it('is rejected because it exists when the remote has the tag elsewhere, and moves nothing', async () => {
    const { r, first } = withOrigin()
    r.tag('v1.0.0')
    r.git('push', '-q', 'origin', 'v1.0.0')
    const second = r.commit('feat: a')
    r.git('tag', '-f', 'v1.0.0', second)
    const git = createGit(r.dir, r.env)
    const result = await pushTag(git, 'origin', 'v1.0.0', { force: false })
    expect(result).toMatchObject({ kind: 'rejected', reason: 'exists' })
    expect(result.kind === 'rejected' && result.message).toMatch(/already exists/)
    expect(await readRemoteTag(git, 'origin', 'v1.0.0')).toBe(first)
  })

  it('is rejected because it exists when a sha is pushed over a tag without force', async () => {
    const { r, first } = withOrigin()
    r.tag('v1')
    r.git('push', '-q', 'origin', 'v1')
    const second = r.commit('feat: a')
    const git = createGit(r.dir, r.env)
    expect(await pushTag(git, 'origin', 'v1', { force: false, sha: second })).toMatchObject({ kind: 'rejected', reason: 'exists' })
    expect(await readRemoteTag(git, 'origin', 'v1')).toBe(first)
  })

  it('force-moves a floating tag to a sha, without a local tag of that name', async () => {
    const { r, bare, first } = withOrigin()
    r.tag('v1', { annotated: true })
    r.git('push', '-q', 'origin', 'v1')
    r.git('tag', '-d', 'v1')
    const second = r.commit('feat: a')
    const git = createGit(r.dir, r.env)
    expect(await readRemoteTag(git, 'origin', 'v1')).toBe(first)
    expect(await pushTag(git, 'origin', 'v1', { force: true, sha: second })).toEqual({ kind: 'pushed' })
    expect(await readRemoteTag(git, 'origin', 'v1')).toBe(second)
    expect(inDir(r, bare, 'cat-file', '-t', 'refs/tags/v1')).toBe('commit')
    expect(await readLocalTag(git, 'v1')).toBeNull()
  })

  it('force-moves a floating tag backwards too, and creates one that is not there yet', async () => {
    const { r, first } = withOrigin()
    const second = r.commit('feat: a')
    const git = createGit(r.dir, r.env)
    expect(await pushTag(git, 'origin', 'v1', { force: true, sha: second })).toEqual({ kind: 'pushed' })
    expect(await pushTag(git, 'origin', 'v1', { force: true, sha: first })).toEqual({ kind: 'pushed' })
    expect(await readRemoteTag(git, 'origin', 'v1')).toBe(first)
  })

  it.each([
    ['a hook that declines', 'no tags for you'],
    ['a repository rule', 'GH013: Repository rule violations found for refs/tags/v1.0.0.']
  ])('is rejected as denied by %s, with the remote’s words', async (_, words) => {
    const { r, bare, first } = withOrigin()
    refusePushes(bare, words)
    r.tag('v1.0.0')
    const git = createGit(r.dir, r.env)
    const result = await pushTag(git, 'origin', 'v1.0.0', { force: false })
    expect(result).toMatchObject({ kind: 'rejected', reason: 'denied' })
    expect(result.kind === 'rejected' && result.message).toContain(words)
    expect(await readRemoteTag(git, 'origin', 'v1.0.0')).toBeNull()
    expect(await readLocalTag(git, 'v1.0.0')).toBe(first)
  })

  it('does not run the local pre-push hook', async () => {
    const { r, first } = withOrigin()
    const hook = join(r.dir, '.git', 'hooks', 'pre-push')
    writeFileSync(hook, '#!/bin/sh\nexit 1\n')
    chmodSync(hook, 0o755)
    r.tag('v1.0.0')
    const git = createGit(r.dir, r.env)
    expect(await pushTag(git, 'origin', 'v1.0.0', { force: false })).toEqual({ kind: 'pushed' })
    expect(await readRemoteTag(git, 'origin', 'v1.0.0')).toBe(first)
  })
})

describe('fetchTag', () => {
  it('fetches a tag whose commit the local repository does not have', async () => {
    const { r, bare } = withOrigin()
    const other = join(r.root, 'other')
    execFileSync('git', ['clone', '-q', bare, other], { env: r.env })
    inDir(r, other, 'commit', '-q', '--allow-empty', '-m', 'feat: elsewhere')
    inDir(r, other, 'tag', '-a', 'v1.1.0', '-m', 'v1.1.0')
    inDir(r, other, 'push', '-q', 'origin', 'v1.1.0')
    const elsewhere = inDir(r, other, 'rev-parse', 'HEAD')
    const git = createGit(r.dir, r.env)
    expect(await readLocalTag(git, 'v1.1.0')).toBeNull()
    await fetchTag(git, 'origin', 'v1.1.0')
    expect(await readLocalTag(git, 'v1.1.0')).toBe(elsewhere)
    expect(await readTaggerEmail(git, 'v1.1.0')).toBe('author@example.com')
    expect(await isAncestor(git, 'HEAD', elsewhere)).toBe(true)
  })

  it('overwrites a local tag of the same name with the remote one', async () => {
    const { r, first } = withOrigin()
    r.tag('v1.0.0')
    r.git('push', '-q', 'origin', 'v1.0.0')
    const second = r.commit('feat: a')
    r.git('tag', '-f', 'v1.0.0', second)
    const git = createGit(r.dir, r.env)
    await fetchTag(git, 'origin', 'v1.0.0')
    expect(await readLocalTag(git, 'v1.0.0')).toBe(first)
  })

  it('fetches only that tag', async () => {
    const { r } = withOrigin()
    r.tag('v1.0.0')
    r.tag('v0.9.0')
    r.git('push', '-q', 'origin', '--tags')
    r.git('tag', '-d', 'v1.0.0', 'v0.9.0')
    const git = createGit(r.dir, r.env)
    await fetchTag(git, 'origin', 'v1.0.0')
    expect(r.git('tag', '--list')).toBe('v1.0.0')
  })

  it('fails with the remote’s words for a tag the remote does not have', async () => {
    const { r } = withOrigin()
    const error = await fetchTag(createGit(r.dir, r.env), 'origin', 'v9.9.9').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VersoError)
    expect(error).toMatchObject({ code: 'EGIT' })
    expect((error as VersoError).message).toContain('refs/tags/v9.9.9')
  })
})

describe('a remote that cannot be reached', () => {
  const calls: [string, (git: Git) => Promise<unknown>][] = [
    ['readRemoteTag', (git) => readRemoteTag(git, 'origin', 'v1.0.0')],
    ['pushTag', (git) => pushTag(git, 'origin', 'v1.0.0', { force: false })],
    ['fetchTag', (git) => fetchTag(git, 'origin', 'v1.0.0')]
  ]

  function unreachable(): TestRepo {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.git('remote', 'add', 'origin', join(r.root, 'gone.git'))
    return r
  }

  it.each(calls)('%s fails naming the remote, with a hint', async (_, call) => {
    const r = unreachable()
    const error = await call(createGit(r.dir, r.env)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VersoError)
    expect(error).toMatchObject({ code: 'EGIT', hint: UNREACHABLE_HINT })
    expect((error as VersoError).message).toMatch(/^Could not reach the remote `origin`: \S/)
    expect((error as VersoError).message).not.toContain('\n')
  })

  // git ends this failure with "Please make sure you have the correct access rights\nand the
  // repository exists.": the line that says what is wrong comes before it.
  it.each(calls)('%s says what git found wrong with the remote', async (_, call) => {
    const r = unreachable()
    const error = await call(createGit(r.dir, r.env)).catch((e: unknown) => e)
    expect((error as VersoError).message).toContain('does not appear to be a git repository')
  })
})

describe('isAncestor', () => {
  it('answers for ancestors, descendants, the same commit and another branch', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const main = r.commit('feat: a')
    r.git('checkout', '-q', '-b', 'side', base)
    const side = r.commit('fix: side')
    const git = createGit(r.dir, r.env)
    expect(await isAncestor(git, base, main)).toBe(true)
    expect(await isAncestor(git, main, base)).toBe(false)
    expect(await isAncestor(git, main, main)).toBe(true)
    expect(await isAncestor(git, side, main)).toBe(false)
    expect(await isAncestor(git, main, side)).toBe(false)
    expect(await isAncestor(git, base, side)).toBe(true)
  })

  it('reads tags, annotated ones included, and branch names', async () => {
    const r = repo()
    r.commit('chore: init')
    r.tag('v1.0.0', { annotated: true })
    r.commit('feat: a')
    const git = createGit(r.dir, r.env)
    expect(await isAncestor(git, 'v1.0.0', 'main')).toBe(true)
    expect(await isAncestor(git, 'main', 'v1.0.0')).toBe(false)
  })

  it('fails, rather than answering false, for a commit the repository does not have', async () => {
    const r = repo()
    r.commit('chore: init')
    const error = await isAncestor(createGit(r.dir, r.env), 'f'.repeat(40), 'HEAD').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitError)
    expect((error as GitError).message).toMatch(/^git merge-base failed \(exit 128\): .+/)
  })
})

describe('summarizeGitOutput', () => {
  const table: [string, string, string][] = [
    [
      "GitHub's repository rules (GH013)",
      [
        'remote: error: GH013: Repository rule violations found for refs/tags/v1.1.0.',
        'remote: Review all repository rules at https://github.com/octo-org/hello-world/rules?ref=refs%2Ftags%2Fv1.1.0',
        'remote: ',
        'remote: - Cannot create ref due to creations being restricted.',
        'remote: ',
        'To https://github.com/octo-org/hello-world',
        '!\trefs/tags/v1.1.0:refs/tags/v1.1.0\t[remote rejected] (push declined due to repository rule violations)',
        'Done'
      ].join('\n'),
      'error: GH013: Repository rule violations found for refs/tags/v1.1.0. Review all repository rules at ' +
        'https://github.com/octo-org/hello-world/rules?ref=refs%2Ftags%2Fv1.1.0 - Cannot create ref due to creations being restricted. ' +
        'push declined due to repository rule violations'
    ],
    [
      'an unreachable remote',
      "fatal: '/nowhere' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.",
      "'/nowhere' does not appear to be a git repository Could not read from remote repository."
    ],
    [
      'a refused push with no remote text',
      'To ../origin.git\n!\trefs/tags/v1:refs/tags/v1\t[rejected] (already exists)\nDone',
      'already exists'
    ],
    ['nothing to go on', 'something odd\nat the end', 'at the end']
  ]
  it.each(table)('%s', (_, output, expected) => expect(summarizeGitOutput(output)).toBe(expected))
})
