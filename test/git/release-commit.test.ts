import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import { createAnnotatedTag, pushTag, readRemoteTag } from '../../src/git/publish.js'
import {
  advanceCheckout,
  branchPushError,
  createReleaseCommit,
  pushReleaseCommit,
  readRemoteBranch,
  releaseCommitMessage
} from '../../src/git/release-commit.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

const author = { name: 'verso[bot]', email: '12345+verso[bot]@users.noreply.github.com' }

function inDir(r: TestRepo, dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: r.env, encoding: 'utf8' }).trim()
}

/** `git status --porcelain`, its leading spaces kept. */
function status(r: TestRepo): string {
  return execFileSync('git', ['status', '--porcelain'], { cwd: r.dir, env: r.env, encoding: 'utf8' })
}

function write(r: TestRepo, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(r.dir, path)), { recursive: true })
    writeFileSync(join(r.dir, path), text)
  }
}

/** A repository with a package.json, a script and a changelog committed, and a bare origin that has them. */
function released(): { r: TestRepo; bare: string; head: string } {
  const r = repo()
  write(r, {
    'package.json': '{\n  "version": "1.2.0"\n}\n',
    'packages/a/package.json': '{\n\t"version": "0.1.0"\n}\n',
    'bin/run.sh': '#!/bin/sh\necho 1.2.0\n',
    'README.md': 'hello\n'
  })
  chmodSync(join(r.dir, 'bin/run.sh'), 0o755)
  r.git('add', '--all')
  const head = r.commit('feat: a thing')
  const bare = r.addBareOrigin()
  return { r, bare, head }
}

function releaseFiles(): { path: string; text: string }[] {
  return [
    { path: 'package.json', text: '{\n  "version": "1.3.0"\n}\n' },
    { path: 'packages/a/package.json', text: '{\n\t"version": "0.2.0"\n}\n' },
    { path: 'CHANGELOG.md', text: '# Changelog\r\n\r\n## [1.3.0] - 2024-02-20\r\n' }
  ]
}

async function commitRelease(r: TestRepo, head: string, files = releaseFiles()): Promise<string> {
  return createReleaseCommit(createGit(r.dir, r.env), { files, message: releaseCommitMessage(['v1.3.0']), author, parent: head })
}

/** A second clone of the origin that pushes a commit to main: someone else's push during the run. */
function pushElsewhere(r: TestRepo, bare: string, options: { force?: string } = {}): string {
  const other = join(r.root, 'other')
  execFileSync('git', ['clone', '-q', bare, other], { env: r.env })
  if (options.force !== undefined) {
    inDir(r, other, 'push', '-q', '--force', 'origin', `${options.force}:refs/heads/main`)
    return options.force
  }
  inDir(r, other, 'commit', '-q', '--allow-empty', '-m', 'fix: elsewhere')
  inDir(r, other, 'push', '-q', 'origin', 'main')
  return inDir(r, other, 'rev-parse', 'HEAD')
}

/** A pre-receive hook in the bare origin that refuses pushes to refs/heads/main with `message`. */
function protectMain(bare: string, message: string): void {
  const hook = join(bare, 'hooks', 'pre-receive')
  writeFileSync(
    hook,
    `#!/bin/sh\nwhile read old new ref; do [ "$ref" = refs/heads/main ] && { echo '${message}' >&2; exit 1; }; done\nexit 0\n`
  )
  chmodSync(hook, 0o755)
}

describe('releaseCommitMessage', () => {
  it.each([
    [['v1.3.0'], 'chore(release): v1.3.0'],
    [['api/v1.3.0', 'web/v2.0.0'], 'chore(release): api/v1.3.0, web/v2.0.0']
  ])('%j → %s', (tags, message) => expect(releaseCommitMessage(tags)).toBe(message))
})

describe('createReleaseCommit', () => {
  it('commits exactly the files given, on the parent, as the identity given', async () => {
    const { r, head } = released()
    const sha = await commitRelease(r, head)
    expect(r.git('rev-parse', `${sha}^`)).toBe(head)
    expect(r.git('rev-list', '--count', sha)).toBe('2')
    expect(r.git('diff-tree', '--no-commit-id', '--name-status', '-r', head, sha).split('\n')).toEqual([
      'A\tCHANGELOG.md',
      'M\tpackage.json',
      'M\tpackages/a/package.json'
    ])
    expect(r.git('log', '-1', '--format=%an <%ae>%n%cn <%ce>%n%B', sha)).toBe(
      `${author.name} <${author.email}>\n${author.name} <${author.email}>\nchore(release): v1.3.0`
    )
    for (const file of releaseFiles()) expect(r.git('cat-file', 'blob', `${sha}:${file.path}`)).toBe(file.text.trimEnd())
  })

  it('stores the text byte for byte: no line-ending filter, whatever the configuration says', async () => {
    const { r, head } = released()
    r.git('config', 'core.autocrlf', 'true')
    write(r, { '.gitattributes': '* text eol=lf\n' })
    const sha = await commitRelease(r, head)
    const blob = execFileSync('git', ['cat-file', 'blob', `${sha}:CHANGELOG.md`], { cwd: r.dir, env: r.env })
    expect(blob.toString('utf8')).toBe('# Changelog\r\n\r\n## [1.3.0] - 2024-02-20\r\n')
  })

  it('leaves HEAD, the branch, the index and the working tree as they were', async () => {
    const { r, head } = released()
    write(r, { 'README.md': 'local edit\n', 'notes.txt': 'untracked\n' })
    r.git('add', 'README.md')
    const before = status(r)
    await commitRelease(r, head)
    expect(r.git('rev-parse', 'HEAD')).toBe(head)
    expect(r.git('rev-parse', 'refs/heads/main')).toBe(head)
    expect(status(r)).toBe(before)
    expect(readFileSync(join(r.dir, 'package.json'), 'utf8')).toBe('{\n  "version": "1.2.0"\n}\n')
  })

  it('keeps an executable file executable, and makes a new file a regular one', async () => {
    const { r, head } = released()
    const sha = await commitRelease(r, head, [
      { path: 'bin/run.sh', text: '#!/bin/sh\necho 1.3.0\n' },
      { path: 'VERSION', text: '1.3.0\n' }
    ])
    expect(r.git('ls-tree', sha, 'bin/run.sh', 'VERSION')).toMatch(/^100644 blob \w+\tVERSION\n100755 blob \w+\tbin\/run\.sh$/)
  })

  it('takes paths from the working directory, as readFilesAt does', async () => {
    const { r, head } = released()
    const git = createGit(join(r.dir, 'packages'), r.env)
    const sha = await createReleaseCommit(git, { files: [{ path: 'a/package.json', text: '{}\n' }], message: 'm', author, parent: head })
    expect(r.git('diff-tree', '--no-commit-id', '--name-only', '-r', head, sha)).toBe('packages/a/package.json')
  })

  it('resolves the parent from a name, and ends the message with a line break', async () => {
    const { r, head } = released()
    const sha = await createReleaseCommit(createGit(r.dir, r.env), { files: [], message: 'chore(release): v1', author, parent: 'main' })
    expect(r.git('rev-parse', `${sha}^`)).toBe(head)
    expect(r.git('cat-file', 'commit', sha).endsWith('\n\nchore(release): v1')).toBe(true)
    expect(execFileSync('git', ['cat-file', 'commit', sha], { cwd: r.dir, env: r.env }).toString('utf8').endsWith('v1\n')).toBe(true)
  })

  it('is not signed, though the configuration asks for signing', async () => {
    const { r, head } = released()
    r.git('config', 'commit.gpgSign', 'true')
    r.git('config', 'gpg.program', 'false')
    const sha = await commitRelease(r, head)
    expect(r.git('cat-file', 'commit', sha)).not.toContain('gpgsig')
  })

  it.each(['../outside.json', '/abs.json', './package.json', 'a//b.json', 'a\\b.json', '.git/config', 'x/.GIT/y', '', 'a/'])(
    'refuses the path %j',
    async (path) => {
      const { r, head } = released()
      const error = await commitRelease(r, head, [{ path, text: 'x' }]).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(VersoError)
      expect(error).toMatchObject({ code: 'EUNSAFEPATH', message: expect.stringContaining('is not a file inside the repository') })
    }
  )

  it('refuses to replace a symbolic link, or a folder, with a file', async () => {
    const { r } = released()
    symlinkSync('README.md', join(r.dir, 'CHANGELOG.md'))
    r.git('add', 'CHANGELOG.md')
    const head = r.commit('chore: link')
    await expect(commitRelease(r, head, [{ path: 'CHANGELOG.md', text: 'x' }])).rejects.toMatchObject({
      code: 'EUNSAFEPATH',
      message: 'CHANGELOG.md is a symbolic link in the repository, not a file: verso does not replace it with one.'
    })
    await expect(commitRelease(r, head, [{ path: 'packages', text: 'x' }])).rejects.toMatchObject({
      message: expect.stringContaining('packages is a folder in the repository')
    })
  })

  it('fails for a parent that is not a commit of the repository', async () => {
    const { r } = released()
    await expect(commitRelease(r, 'f'.repeat(40))).rejects.toMatchObject({
      code: 'EGIT',
      message: `Cannot make the release commit: ${'f'.repeat(40)} is not a commit of this repository.`
    })
  })
})

describe('readRemoteBranch', () => {
  it('is where the branch is on the remote, or null', async () => {
    const { r, head } = released()
    r.git('branch', 'main-2')
    r.git('push', '-q', 'origin', 'main-2')
    const git = createGit(r.dir, r.env)
    expect(await readRemoteBranch(git, 'origin', 'main')).toBe(head)
    expect(await readRemoteBranch(git, 'origin', 'ain')).toBeNull()
    expect(await readRemoteBranch(git, 'origin', 'nope')).toBeNull()
  })

  it('fails naming the remote when it cannot be reached', async () => {
    const { r } = released()
    r.git('remote', 'set-url', 'origin', join(r.root, 'gone.git'))
    await expect(readRemoteBranch(createGit(r.dir, r.env), 'origin', 'main')).rejects.toMatchObject({
      code: 'EGIT',
      message: expect.stringMatching(/^Could not reach the remote `origin`: .*does not appear to be a git repository/)
    })
  })
})

describe('pushReleaseCommit', () => {
  it('pushes the release commit to the branch as a fast-forward', async () => {
    const { r, bare, head } = released()
    const sha = await commitRelease(r, head)
    const git = createGit(r.dir, r.env)
    expect(await pushReleaseCommit(git, 'origin', 'main', sha, head)).toEqual({ kind: 'pushed' })
    expect(inDir(r, bare, 'rev-parse', 'refs/heads/main')).toBe(sha)
    expect(r.git('rev-parse', 'refs/remotes/origin/main')).toBe(sha)
  })

  it('is moved when someone pushed to the branch meanwhile, and leaves it as they left it', async () => {
    const { r, bare, head } = released()
    const sha = await commitRelease(r, head)
    const theirs = pushElsewhere(r, bare)
    const result = await pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, head)
    expect(result).toMatchObject({ kind: 'moved', remoteSha: theirs })
    expect(inDir(r, bare, 'rev-parse', 'refs/heads/main')).toBe(theirs)
    expect(() => inDir(r, bare, 'cat-file', '-e', sha)).toThrow()
  })

  it('is moved when the branch was set back, where a plain push would fast-forward it', async () => {
    const r = repo()
    const first = r.commit('chore: init')
    const head = r.commit('feat: a')
    const bare = r.addBareOrigin()
    const sha = await commitRelease(r, head)
    pushElsewhere(r, bare, { force: first })
    expect(await pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, head)).toMatchObject({ kind: 'moved', remoteSha: first })
    expect(inDir(r, bare, 'rev-parse', 'refs/heads/main')).toBe(first)
  })

  it('is moved when the branch is gone from the remote', async () => {
    const { r, bare, head } = released()
    const sha = await commitRelease(r, head)
    inDir(r, bare, 'branch', '-D', 'main')
    expect(await pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, head)).toMatchObject({ kind: 'moved', remoteSha: null })
    expect(inDir(r, bare, 'branch', '--list')).toBe('')
  })

  it('never forces: a commit that does not build on where the branch was is not pushed', async () => {
    const { r, bare, head } = released()
    const theirs = pushElsewhere(r, bare)
    r.git('fetch', '-q', 'origin')
    const sha = await commitRelease(r, head)
    // The lease alone would let this replace their commit.
    expect(await pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, theirs)).toMatchObject({
      kind: 'moved',
      remoteSha: theirs
    })
    expect(inDir(r, bare, 'rev-parse', 'refs/heads/main')).toBe(theirs)
  })

  it('is moved, not a failure, for an expected commit this repository has never seen', async () => {
    const { r, bare, head } = released()
    const theirs = pushElsewhere(r, bare)
    const sha = await commitRelease(r, head)
    expect(await pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, theirs)).toMatchObject({
      kind: 'moved',
      remoteSha: theirs
    })
  })

  it.each([
    ['a hook that declines', 'main is protected'],
    ['a protected branch', 'error: GH006: Protected branch update failed for refs/heads/main.']
  ])('is denied by %s, with the remote’s words, and pushes nothing', async (_, words) => {
    const { r, bare, head } = released()
    protectMain(bare, words)
    const sha = await commitRelease(r, head)
    const result = await pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, head)
    expect(result).toMatchObject({ kind: 'denied' })
    expect(result.kind === 'denied' && result.message).toContain(words)
    expect(result.kind === 'denied' && result.message).not.toContain('\n')
    expect(inDir(r, bare, 'rev-parse', 'refs/heads/main')).toBe(head)
  })

  it('does not run the local pre-push hook', async () => {
    const { r, bare, head } = released()
    const hook = join(r.dir, '.git', 'hooks', 'pre-push')
    writeFileSync(hook, '#!/bin/sh\nexit 1\n')
    chmodSync(hook, 0o755)
    const sha = await commitRelease(r, head)
    expect(await pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, head)).toEqual({ kind: 'pushed' })
    expect(inDir(r, bare, 'rev-parse', 'refs/heads/main')).toBe(sha)
  })

  it('fails naming the remote when it cannot be reached', async () => {
    const { r, head } = released()
    const sha = await commitRelease(r, head)
    r.git('remote', 'set-url', 'origin', join(r.root, 'gone.git'))
    await expect(pushReleaseCommit(createGit(r.dir, r.env), 'origin', 'main', sha, head)).rejects.toMatchObject({
      code: 'EGIT',
      message: expect.stringContaining('Could not reach the remote `origin`')
    })
  })
})

describe('the order a release follows: commit, branch, then tag', () => {
  it('tags the pushed release commit, so the tag and the branch agree', async () => {
    const { r, head } = released()
    const git = createGit(r.dir, r.env)
    expect(await readRemoteBranch(git, 'origin', 'main')).toBe(head)
    const sha = await commitRelease(r, head)
    expect(await pushReleaseCommit(git, 'origin', 'main', sha, head)).toEqual({ kind: 'pushed' })
    await createAnnotatedTag(git, 'v1.3.0', sha, 'v1.3.0', author)
    expect(await pushTag(git, 'origin', 'v1.3.0', { force: false })).toEqual({ kind: 'pushed' })
    expect(await readRemoteTag(git, 'origin', 'v1.3.0')).toBe(await readRemoteBranch(git, 'origin', 'main'))
  })

  it('leaves nothing on the remote when the branch push is refused', async () => {
    const { r, bare, head } = released()
    protectMain(bare, 'no')
    const git = createGit(r.dir, r.env)
    const sha = await commitRelease(r, head)
    const result = await pushReleaseCommit(git, 'origin', 'main', sha, head)
    expect(result.kind).toBe('denied')
    expect(inDir(r, bare, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(`refs/heads/main ${head}`)
  })
})

describe('branchPushError', () => {
  const head = 'a'.repeat(40)

  it('says a moved branch stopped the release before anything was published', () => {
    expect(branchPushError({ kind: 'moved', remoteSha: 'b'.repeat(40), message: 'stale info' }, 'main', head)).toMatchObject({
      code: 'EPUSH',
      message: 'The branch main moved while this run released aaaaaaa: it is at bbbbbbb now.',
      hint: 'Nothing was pushed, tagged or published. Run again: the next run releases the branch as it is then.'
    })
    expect(branchPushError({ kind: 'moved', remoteSha: null, message: '' }, 'main', head).message).toBe(
      'The branch main moved while this run released aaaaaaa: it is gone from the remote.'
    )
  })

  it('passes on the remote’s words for a refusal, and what to do', () => {
    const error = branchPushError({ kind: 'denied', message: 'GH006: Protected branch update failed' }, 'main', head)
    expect(error.message).toBe('The remote refused the release commit on main: GH006: Protected branch update failed')
    expect(error.hint).toMatch(/^Nothing was tagged or published\. .*contents: write.*leave out version-files and changelog-file/)
  })
})

describe('advanceCheckout', () => {
  it('brings the branch, the index and the files to the release commit when HEAD is on the branch', async () => {
    const { r, head } = released()
    write(r, { 'notes.txt': 'untracked\n', 'README.md': 'my edit\n' })
    const sha = await commitRelease(r, head)
    expect(await advanceCheckout(createGit(r.dir, r.env), 'main', head, sha)).toEqual({ kind: 'advanced' })
    expect(r.git('rev-parse', 'HEAD')).toBe(sha)
    expect(r.git('symbolic-ref', 'HEAD')).toBe('refs/heads/main')
    expect(readFileSync(join(r.dir, 'package.json'), 'utf8')).toBe('{\n  "version": "1.3.0"\n}\n')
    expect(readFileSync(join(r.dir, 'CHANGELOG.md'), 'utf8')).toBe('# Changelog\r\n\r\n## [1.3.0] - 2024-02-20\r\n')
    expect(status(r)).toBe(' M README.md\n?? notes.txt\n')
    expect(r.git('reflog', '-1', '--format=%gs', 'main')).toBe(`verso: release commit ${sha.slice(0, 7)}`)
  })

  it('moves a detached HEAD at the parent, as checkouts of a commit leave it', async () => {
    const { r, head } = released()
    r.git('checkout', '-q', '--detach', head)
    const sha = await commitRelease(r, head)
    expect(await advanceCheckout(createGit(r.dir, r.env), 'main', head, sha)).toEqual({ kind: 'advanced' })
    expect(r.git('rev-parse', 'HEAD')).toBe(sha)
    expect(r.git('rev-parse', 'main')).toBe(sha)
    expect(status(r)).toBe('')
  })

  it('leaves everything when a file of the release commit has local changes', async () => {
    const { r, head } = released()
    write(r, { 'package.json': '{ "version": "local" }\n' })
    const sha = await commitRelease(r, head)
    const result = await advanceCheckout(createGit(r.dir, r.env), 'main', head, sha)
    expect(result).toMatchObject({ kind: 'left', reason: expect.stringContaining("the release commit's files have local changes") })
    expect(r.git('rev-parse', 'HEAD')).toBe(head)
    expect(readFileSync(join(r.dir, 'package.json'), 'utf8')).toBe('{ "version": "local" }\n')
    expect(status(r)).toBe(' M package.json\n')
  })

  it('moves only the branch when HEAD is on another one, leaving that checkout alone', async () => {
    const { r, head } = released()
    r.git('checkout', '-q', '-b', 'work')
    const sha = await commitRelease(r, head)
    expect(await advanceCheckout(createGit(r.dir, r.env), 'main', head, sha)).toEqual({ kind: 'branch-only' })
    expect(r.git('rev-parse', 'main')).toBe(sha)
    expect(r.git('rev-parse', 'HEAD')).toBe(head)
    expect(readFileSync(join(r.dir, 'package.json'), 'utf8')).toBe('{\n  "version": "1.2.0"\n}\n')
  })

  it('leaves everything when neither HEAD nor the branch is at the parent', async () => {
    const { r, head } = released()
    const sha = await commitRelease(r, head)
    const later = r.commit('fix: local work')
    const result = await advanceCheckout(createGit(r.dir, r.env), 'main', head, sha)
    expect(result).toEqual({ kind: 'left', reason: `neither HEAD nor main is at ${head.slice(0, 7)}` })
    expect(r.git('rev-parse', 'main')).toBe(later)
  })
})
