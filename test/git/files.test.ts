import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { isReallyInside, listFiles, readFilesAt, readMatchingFilesAt, readWorktreeFile, writeWorktreeFile } from '../../src/git/files.js'
import { createGit } from '../../src/git/git.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

function write(r: TestRepo, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(r.dir, path)), { recursive: true })
    writeFileSync(join(r.dir, path), content)
  }
}

const UNSAFE_HINT = 'Commit the file itself in place of a link, or point the setting at a file inside the repository.'

/** The EUNSAFEPATH refusal of `path`, for the reason given. */
function refused(path: string, why: string) {
  return {
    code: 'EUNSAFEPATH',
    message: `${path} ${why}: verso reads and writes only regular files inside the repository.`,
    hint: UNSAFE_HINT
  }
}

/** A file outside the repository that a link could lead to. */
function outsideFile(r: TestRepo, text = 'outside'): string {
  const path = join(r.root, 'outside.txt')
  writeFileSync(path, text)
  return path
}

function commitFiles(r: TestRepo, files: Record<string, string | Buffer>, message = 'chore: files'): string {
  write(r, files)
  r.git('add', '--all')
  return r.commit(message)
}

describe('readWorktreeFile', () => {
  it('reads a file as UTF-8, relative to the root', async () => {
    const r = repo()
    write(r, { 'schemas/a.json': '{"title":"café 😀"}\r\n' })
    expect(await readWorktreeFile(r.dir, 'schemas/a.json')).toBe('{"title":"café 😀"}\r\n')
    expect(await readWorktreeFile(join(r.dir, 'schemas'), 'a.json')).toBe('{"title":"café 😀"}\r\n')
  })

  it('reads an empty file as an empty string, not as missing', async () => {
    const r = repo()
    write(r, { 'empty.json': '' })
    expect(await readWorktreeFile(r.dir, 'empty.json')).toBe('')
  })

  it.each(['missing.json', 'no/such/folder/a.json'])('is null for a file that does not exist: %s', async (path) => {
    const r = repo()
    expect(await readWorktreeFile(r.dir, path)).toBeNull()
  })

  it('refuses a path that is a folder rather than reading it as missing', async () => {
    const r = repo()
    write(r, { 'schemas/a.json': '{}' })
    await expect(readWorktreeFile(r.dir, 'schemas')).rejects.toMatchObject({
      code: 'EUNSAFEPATH',
      message: expect.stringContaining('is not a regular file')
    })
  })

  it('reads a file whose name begins with two dots, and refuses .GIT as it refuses .git', async () => {
    const r = repo()
    write(r, { '..data/a.json': 'dots', '.GIT/config': 'x' })
    expect(await readWorktreeFile(r.dir, '..data/a.json')).toBe('dots')
    await expect(readWorktreeFile(r.dir, '.GIT/config')).rejects.toMatchObject({ code: 'EUNSAFEPATH' })
  })

  it('is null when the root itself does not exist', async () => {
    const r = repo()
    expect(await readWorktreeFile(join(r.dir, 'no-such-dir'), 'a.json')).toBeNull()
  })

  it.each(['.github/verso.yml', '.gitattributes', 'docs/.gitkeep', 'a.git/x.json'])(
    'reads %s: only a folder named .git is git’s',
    async (path) => {
      const r = repo()
      write(r, { [path]: 'text' })
      expect(await readWorktreeFile(r.dir, path)).toBe('text')
    }
  )

  it.each([
    ['a link to a file inside', (r: TestRepo) => symlinkSync('real.json', join(r.dir, 'image.json'))],
    ['a link to .git/config', (r: TestRepo) => symlinkSync('.git/config', join(r.dir, 'image.json'))],
    ['a link to a file outside', (r: TestRepo) => symlinkSync(outsideFile(r), join(r.dir, 'image.json'))],
    ['a dangling link', (r: TestRepo) => symlinkSync('nowhere.json', join(r.dir, 'image.json'))]
  ])('refuses %s, rather than reading it or calling it missing', async (_, link) => {
    const r = repo()
    write(r, { 'real.json': '{}' })
    link(r)
    await expect(readWorktreeFile(r.dir, 'image.json')).rejects.toMatchObject(refused('image.json', 'is a symbolic link'))
  })

  it.each(['../outside.txt', '.git/config', '.git', 'sub/../.git/config', 'vendor/lib/.git/config', '', '.'])(
    'refuses %j, which is no file inside the repository',
    async (path) => {
      const r = repo()
      outsideFile(r)
      write(r, { 'vendor/lib/.git/config': '[core]' })
      await expect(readWorktreeFile(r.dir, path)).rejects.toMatchObject(refused(path, 'is not a file inside the repository'))
    }
  )

  it('refuses an absolute path outside the repository', async () => {
    const r = repo()
    const outside = outsideFile(r)
    await expect(readWorktreeFile(r.dir, outside)).rejects.toMatchObject(refused(outside, 'is not a file inside the repository'))
  })

  it('refuses a file under a linked folder that leads outside, or into .git', async () => {
    const r = repo()
    outsideFile(r)
    symlinkSync(r.root, join(r.dir, 'up'))
    symlinkSync('.git', join(r.dir, 'git-folder'))
    const why = 'leads outside the repository through a symbolic link'
    await expect(readWorktreeFile(r.dir, 'up/outside.txt')).rejects.toMatchObject(refused('up/outside.txt', why))
    await expect(readWorktreeFile(r.dir, 'git-folder/config')).rejects.toMatchObject(refused('git-folder/config', why))
    await expect(readWorktreeFile(r.dir, 'up/missing/deeper.txt')).rejects.toMatchObject(refused('up/missing/deeper.txt', why))
  })

  it('reads inside a working directory below the root, and refuses a way out of it', async () => {
    const r = repo()
    write(r, { 'packages/api/image': 'api', image: 'root' })
    const api = join(r.dir, 'packages/api')
    expect(await readWorktreeFile(api, 'image')).toBe('api')
    await expect(readWorktreeFile(api, '../../image')).rejects.toMatchObject(refused('../../image', 'is not a file inside the repository'))
  })
})

describe('writeWorktreeFile', () => {
  it('writes a file, creating the folders it needs', async () => {
    const r = repo()
    await writeWorktreeFile(r.dir, 'release/image/v1/image.json', '{"a":1}\n')
    expect(readFileSync(join(r.dir, 'release/image/v1/image.json'), 'utf8')).toBe('{"a":1}\n')
  })

  it('replaces a file that is there, and reads back byte for byte', async () => {
    const r = repo()
    write(r, { 'image.json': 'a much longer old content' })
    await writeWorktreeFile(r.dir, 'image.json', 'ünï\r\n')
    expect(readFileSync(join(r.dir, 'image.json'))).toEqual(Buffer.from('ünï\r\n'))
    expect(await readWorktreeFile(r.dir, 'image.json')).toBe('ünï\r\n')
  })

  it('refuses to write through a link, leaving what it leads to alone', async () => {
    const r = repo()
    const outside = outsideFile(r)
    symlinkSync(outside, join(r.dir, 'image.json'))
    symlinkSync(join(r.root, 'created-outside.txt'), join(r.dir, 'dangling.json'))
    await expect(writeWorktreeFile(r.dir, 'image.json', 'x')).rejects.toMatchObject(refused('image.json', 'is a symbolic link'))
    await expect(writeWorktreeFile(r.dir, 'dangling.json', 'x')).rejects.toMatchObject(refused('dangling.json', 'is a symbolic link'))
    expect(readFileSync(outside, 'utf8')).toBe('outside')
    expect(existsSync(join(r.root, 'created-outside.txt'))).toBe(false)
  })

  it('refuses to write under a linked folder that leads outside, creating no folder there', async () => {
    const r = repo()
    symlinkSync(r.root, join(r.dir, 'up'))
    await expect(writeWorktreeFile(r.dir, 'up/new/image.json', 'x')).rejects.toMatchObject(
      refused('up/new/image.json', 'leads outside the repository through a symbolic link')
    )
    expect(existsSync(join(r.root, 'new'))).toBe(false)
  })

  it.each(['../image.json', '.git/hooks/pre-commit', '.git/config'])('refuses to write %s', async (path) => {
    const r = repo()
    const config = readFileSync(join(r.dir, '.git/config'), 'utf8')
    await expect(writeWorktreeFile(r.dir, path, 'x')).rejects.toMatchObject(refused(path, 'is not a file inside the repository'))
    expect(existsSync(join(r.dir, '.git/hooks/pre-commit'))).toBe(false)
    expect(existsSync(join(r.root, 'image.json'))).toBe(false)
    expect(readFileSync(join(r.dir, '.git/config'), 'utf8')).toBe(config)
  })
})

describe('listFiles in the working tree', () => {
  it('lists tracked and untracked files that match, sorted, leaving out ignored ones', async () => {
    const r = repo()
    commitFiles(r, {
      '.gitignore': 'node_modules/\n*.tmp.json\n',
      'schemas/b.json': '{}',
      'schemas/a.json': '{}',
      'README.md': '# x'
    })
    write(r, {
      'schemas/c.json': '{}',
      'schemas/draft.tmp.json': '{}',
      'node_modules/pkg/schemas/x.json': '{}',
      'schemas/notes.txt': ''
    })
    const files = await listFiles(createGit(r.dir, r.env), null, ['schemas/*.json', '**/*.json'])
    expect(files).toEqual(['schemas/a.json', 'schemas/b.json', 'schemas/c.json'])
  })

  it('lists a file matched by several globs once', async () => {
    const r = repo()
    write(r, { 'schemas/a.json': '{}', 'schemas/sub/b.json': '{}' })
    const files = await listFiles(createGit(r.dir, r.env), null, ['schemas/**', 'schemas/*.json', '**/a.json'])
    expect(files).toEqual(['schemas/a.json', 'schemas/sub/b.json'])
  })

  it('lists a conflicted file once, though the index holds three versions of it', async () => {
    const r = repo()
    commitFiles(r, { 'schemas/a.json': '{"v":0}' })
    r.git('checkout', '-q', '-b', 'side')
    commitFiles(r, { 'schemas/a.json': '{"v":1}' })
    r.git('checkout', '-q', 'main')
    commitFiles(r, { 'schemas/a.json': '{"v":2}' })
    expect(() => r.git('merge', '-q', 'side')).toThrow()
    expect(r.git('ls-files', '--stage').split('\n')).toHaveLength(3)
    expect(await listFiles(createGit(r.dir, r.env), null, ['schemas/*.json'])).toEqual(['schemas/a.json'])
  })

  it.each([
    [['*.json'], ['a.json']],
    [['**/*.json'], ['a.json', 'deep/er/c.json', 'schemas/b.json']],
    [['schemas/**'], ['schemas/b.json', 'schemas/notes.md']],
    [['schemas/*.{json,md}'], ['schemas/b.json', 'schemas/notes.md']],
    [['deep/**/c.json'], ['deep/er/c.json']],
    [['schemas/?.json'], ['schemas/b.json']],
    [['nothing/*.json'], []],
    [[], []]
  ])('matches the globs %j', async (globs, expected) => {
    const r = repo()
    write(r, { 'a.json': '', 'schemas/b.json': '', 'schemas/notes.md': '', 'deep/er/c.json': '' })
    expect(await listFiles(createGit(r.dir, r.env), null, globs)).toEqual(expected)
  })

  it('lists names with spaces, quotes and non-ASCII letters as they are', async () => {
    const r = repo()
    const names = ['schemas/a "quoted" name.json', 'schemas/tab\there.json', 'schemas/ünïcødé.json', 'schemas/with space.json']
    write(r, Object.fromEntries(names.map((n) => [n, '{}'])))
    expect(await listFiles(createGit(r.dir, r.env), null, ['schemas/*.json'])).toEqual([...names].sort())
  })

  it('lists paths relative to a working directory below the root', async () => {
    const r = repo()
    commitFiles(r, { 'packages/api/schemas/a.json': '{}', 'schemas/top.json': '{}' })
    write(r, { 'packages/api/schemas/new.json': '{}' })
    const files = await listFiles(createGit(join(r.dir, 'packages/api'), r.env), null, ['schemas/*.json'])
    expect(files).toEqual(['schemas/a.json', 'schemas/new.json'])
  })

  it('is empty in a repository with no files', async () => {
    const r = repo()
    expect(await listFiles(createGit(r.dir, r.env), null, ['**'])).toEqual([])
  })
})

describe('listFiles at a revision', () => {
  it('lists the files of that commit, not of the working tree', async () => {
    const r = repo()
    commitFiles(r, { 'schemas/a.json': '{}', 'schemas/b.json': '{}' })
    r.tag('v1.0.0')
    r.git('rm', '-q', 'schemas/a.json')
    commitFiles(r, { 'schemas/c.json': '{}' })
    write(r, { 'schemas/untracked.json': '{}' })
    const git = createGit(r.dir, r.env)
    expect(await listFiles(git, 'v1.0.0', ['schemas/*.json'])).toEqual(['schemas/a.json', 'schemas/b.json'])
    expect(await listFiles(git, 'HEAD', ['schemas/*.json'])).toEqual(['schemas/b.json', 'schemas/c.json'])
    expect(await listFiles(git, r.git('rev-parse', 'v1.0.0'), ['schemas/*.json'])).toEqual(['schemas/a.json', 'schemas/b.json'])
  })

  it('reads an annotated tag through to its commit', async () => {
    const r = repo()
    commitFiles(r, { 'schemas/a.json': '{}' })
    r.tag('v1.0.0', { annotated: true })
    expect(await listFiles(createGit(r.dir, r.env), 'v1.0.0', ['**/*.json'])).toEqual(['schemas/a.json'])
  })

  it('lists files in nested folders, sorted, and names with spaces as they are', async () => {
    const r = repo()
    commitFiles(r, { 'schemas/z.json': '', 'schemas/deep/b c.json': '', 'schemas/a.json': '', 'other/x.json': '' })
    expect(await listFiles(createGit(r.dir, r.env), 'HEAD', ['schemas/**/*.json', 'schemas/*.json'])).toEqual([
      'schemas/a.json',
      'schemas/deep/b c.json',
      'schemas/z.json'
    ])
  })

  it('lists paths relative to a working directory below the root', async () => {
    const r = repo()
    commitFiles(r, { 'packages/api/schemas/a.json': '{}', 'schemas/top.json': '{}' })
    r.tag('v1.0.0')
    const files = await listFiles(createGit(join(r.dir, 'packages/api'), r.env), 'v1.0.0', ['schemas/*.json'])
    expect(files).toEqual(['schemas/a.json'])
  })

  it('lists regular and executable files, but no link and no submodule', async () => {
    const r = repo()
    write(r, { 'schemas/a.json': '{}', 'schemas/run.json': '{}' })
    chmodSync(join(r.dir, 'schemas/run.json'), 0o755)
    symlinkSync('../.git/config', join(r.dir, 'schemas/leak.json'))
    r.git('add', '--all')
    const sha = r.commit('chore: files')
    r.git('update-index', '--add', '--cacheinfo', `160000,${sha},schemas/module.json`)
    r.commit('chore: a submodule')
    expect(r.git('ls-tree', '-r', 'HEAD', 'schemas').split('\n')).toHaveLength(4)
    expect(await listFiles(createGit(r.dir, r.env), 'HEAD', ['schemas/*.json'])).toEqual(['schemas/a.json', 'schemas/run.json'])
  })

  it('fails for a revision that does not exist', async () => {
    const r = repo()
    commitFiles(r, { 'a.json': '' })
    await expect(listFiles(createGit(r.dir, r.env), 'v9.9.9', ['*.json'])).rejects.toThrow(/git ls-tree failed \(exit 128\)/)
  })
})

describe('readFilesAt', () => {
  it('reads several paths at a tag in one call, leaving out the missing ones', async () => {
    const r = repo()
    commitFiles(r, { 'image.json': '{"v":1}\n', 'schemas/a.json': '{"a":1}', 'schemas/b.json': '{"b":1}' })
    r.tag('v1.0.0')
    commitFiles(r, { 'image.json': '{"v":2}\n', 'schemas/c.json': '{}' })
    const texts = await readFilesAt(createGit(r.dir, r.env), 'v1.0.0', ['image.json', 'schemas/c.json', 'schemas/a.json', 'schemas/b.json'])
    expect([...texts]).toEqual([
      ['image.json', '{"v":1}\n'],
      ['schemas/a.json', '{"a":1}'],
      ['schemas/b.json', '{"b":1}']
    ])
  })

  it('is empty for no paths', async () => {
    const r = repo()
    commitFiles(r, { 'a.json': '' })
    expect(await readFilesAt(createGit(r.dir, r.env), 'HEAD', [])).toEqual(new Map())
  })

  it('leaves out every path at a revision that does not exist', async () => {
    const r = repo()
    commitFiles(r, { 'a.json': '{}' })
    expect(await readFilesAt(createGit(r.dir, r.env), 'v9.9.9', ['a.json', 'b.json'])).toEqual(new Map())
  })

  it('keeps UTF-8, CRLF, empty files and trailing newlines exactly', async () => {
    const r = repo()
    const files = { 'a.json': '{"t":"café 😀 日本"}\r\n\r\n', 'empty.json': '', 'nl.json': '\n\n\n', 'no-nl.json': '{}' }
    commitFiles(r, files)
    const texts = await readFilesAt(createGit(r.dir, r.env), 'HEAD', Object.keys(files))
    expect(Object.fromEntries(texts)).toEqual(files)
  })

  it('reads by size, so binary content with newlines and NULs does not shift the files after it', async () => {
    const r = repo()
    const binary = Buffer.from([0x00, 0x0a, 0x0a, 0xff, 0x20, 0x6d, 0x69, 0x73, 0x73, 0x69, 0x6e, 0x67, 0x0a, 0x00])
    commitFiles(r, { 'bin.dat': binary, 'after.json': '{"after":true}' })
    const texts = await readFilesAt(createGit(r.dir, r.env), 'HEAD', ['bin.dat', 'missing.json', 'after.json'])
    expect(texts.get('bin.dat')).toBe(binary.toString('utf8'))
    expect(texts.has('missing.json')).toBe(false)
    expect(texts.get('after.json')).toBe('{"after":true}')
  })

  it('reads a file larger than a pipe holds', async () => {
    const r = repo()
    const big = `[${'"ünï",'.repeat(300_000)}0]`
    commitFiles(r, { 'big.json': big, 'small.json': '{}' })
    const texts = await readFilesAt(createGit(r.dir, r.env), 'HEAD', ['big.json', 'small.json'])
    expect(texts.get('big.json') === big).toBe(true)
    expect(texts.get('small.json')).toBe('{}')
  })

  it('reads the same path twice in one call', async () => {
    const r = repo()
    commitFiles(r, { 'a.json': '{"a":1}' })
    const texts = await readFilesAt(createGit(r.dir, r.env), 'HEAD', ['a.json', 'a.json', 'b.json'])
    expect([...texts]).toEqual([['a.json', '{"a":1}']])
  })

  it('reads names with spaces, quotes, colons and non-ASCII letters', async () => {
    const r = repo()
    const files = { 'schemas/with space.json': '1', 'schemas/"q".json': '2', 'schemas/a:b.json': '3', 'schemas/ünï.json': '4' }
    commitFiles(r, files)
    const texts = await readFilesAt(createGit(r.dir, r.env), 'HEAD', Object.keys(files))
    expect(Object.fromEntries(texts)).toEqual(files)
  })

  it('reads paths relative to a working directory below the root, as listFiles names them', async () => {
    const r = repo()
    commitFiles(r, { 'packages/api/schemas/a.json': '{"api":1}', 'schemas/a.json': '{"root":1}' })
    r.tag('v1.0.0')
    const git = createGit(join(r.dir, 'packages/api'), r.env)
    const paths = await listFiles(git, 'v1.0.0', ['schemas/*.json'])
    expect(Object.fromEntries(await readFilesAt(git, 'v1.0.0', paths))).toEqual({ 'schemas/a.json': '{"api":1}' })
  })

  it('reads a file deleted from the working tree since the tag', async () => {
    const r = repo()
    commitFiles(r, { 'schemas/a.json': '{"old":1}' })
    r.tag('v1.0.0')
    rmSync(join(r.dir, 'schemas'), { recursive: true })
    expect(Object.fromEntries(await readFilesAt(createGit(r.dir, r.env), 'v1.0.0', ['schemas/a.json']))).toEqual({
      'schemas/a.json': '{"old":1}'
    })
  })

  it('leaves out a link, a folder and a submodule: only regular files are read', async () => {
    const r = repo()
    write(r, { 'schemas/a.json': '{"a":1}', 'run.sh': '#!/bin/sh\n' })
    chmodSync(join(r.dir, 'run.sh'), 0o755)
    symlinkSync('.git/config', join(r.dir, 'image.json'))
    r.git('add', '--all')
    const sha = r.commit('chore: files')
    r.git('update-index', '--add', '--cacheinfo', `160000,${sha},module`)
    r.commit('chore: a submodule')
    const texts = await readFilesAt(createGit(r.dir, r.env), 'HEAD', ['image.json', 'schemas', 'module', 'run.sh', 'schemas/a.json'])
    expect(Object.fromEntries(texts)).toEqual({ 'run.sh': '#!/bin/sh\n', 'schemas/a.json': '{"a":1}' })
  })

  it('reads paths as written, not as patterns', async () => {
    const r = repo()
    commitFiles(r, { 'schemas/[a].json': 'literal', 'schemas/a.json': 'plain', 'schemas/b.json': 'other' })
    const texts = await readFilesAt(createGit(r.dir, r.env), 'HEAD', ['schemas/[a].json', 'schemas/*.json', ':(glob)schemas/*'])
    expect(Object.fromEntries(texts)).toEqual({ 'schemas/[a].json': 'literal' })
  })

  // The image file is a setting, and \`image-file: ./image.json\` passes the config check and
  // reads in the working tree; at a tag git names it \`image.json\`.
  it('reads a path written with a leading ./, as readWorktreeFile does', async () => {
    const r = repo()
    commitFiles(r, { 'image.json': '{"v":1}' })
    r.tag('v1.0.0')
    expect(await readWorktreeFile(r.dir, './image.json')).toBe('{"v":1}')
    expect(Object.fromEntries(await readFilesAt(createGit(r.dir, r.env), 'v1.0.0', ['./image.json']))).toEqual({
      './image.json': '{"v":1}'
    })
  })

  it.each(['schemas/a\nb.json', 'schemas/a\rb.json'])('refuses a path with a line break, naming it: %j', async (path) => {
    const r = repo()
    commitFiles(r, { 'a.json': '{}' })
    const error = await readFilesAt(createGit(r.dir, r.env), 'HEAD', ['a.json', path]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VersoError)
    expect(error).toMatchObject({
      code: 'EGIT',
      message: `Cannot read ${JSON.stringify(path)} from git: a path with a line break.`,
      hint: 'Rename the file.'
    })
  })
})

describe('readMatchingFilesAt', () => {
  const repo = useRepos()

  it('lists the matching files at a revision and reads them and the named paths, as listFiles and readFilesAt would', async () => {
    const r = repo()
    write(r, { 'schemas/a.json': 'A', 'schemas/b.yaml': 'B', 'other.txt': 'O', '.release-image': 'I' })
    r.git('add', '-A')
    r.commit('chore: files')
    r.tag('v1.0.0')
    r.git('rm', '-q', 'schemas/a.json')
    r.commit('chore: later')
    const git = createGit(r.dir, r.env)
    const globs = ['schemas/*']
    const { matching, texts } = await readMatchingFilesAt(git, 'v1.0.0', globs, ['./.release-image', 'missing.txt'])
    expect(matching).toEqual(await listFiles(git, 'v1.0.0', globs))
    expect(Object.fromEntries(texts)).toEqual(
      Object.fromEntries(await readFilesAt(git, 'v1.0.0', [...matching, './.release-image', 'missing.txt']))
    )
    expect(Object.fromEntries(texts)).toEqual({ 'schemas/a.json': 'A', 'schemas/b.yaml': 'B', './.release-image': 'I' })
  })
  it('in a partial clone, fetches the blobs it reads in one request, not one a file', async () => {
    const r = repo()
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`schemas/s${i}.json`, `{"n": ${i}}`]))
    write(r, { ...files, '.release-image': 'I' })
    r.git('add', '-A')
    r.commit('chore: schemas')
    r.tag('v1.0.0')
    // Every file changes after the release, so the checkout has none of the released blobs.
    write(r, { ...Object.fromEntries(Object.keys(files).map((path) => [path, '{"n": "changed"}'])), '.release-image': 'J' })
    r.git('add', '-A')
    r.commit('chore: later')
    const bare = r.addBareOrigin()
    r.git('-C', bare, 'config', 'uploadpack.allowFilter', 'true')
    const clone = join(r.root, 'partial')
    r.git('clone', '-q', '--filter=blob:none', `file://${bare}`, clone)
    const trace = join(r.root, 'trace.txt')
    const git = createGit(clone, { ...r.env, GIT_TRACE: trace })
    const { texts } = await readMatchingFilesAt(git, 'v1.0.0', ['schemas/*.json'], ['.release-image'])
    expect(Object.fromEntries(texts)).toEqual({ ...files, '.release-image': 'I' })
    // One request to the remote (each starts an upload-pack on the other side of file://).
    expect(readFileSync(trace, 'utf8').match(/built-in: git upload-pack/g)).toHaveLength(1)
  })
})

describe('isReallyInside', () => {
  const repo = useRepos()

  it('follows links: a folder linked elsewhere is not inside; a real folder and a missing path are', async () => {
    const r = repo()
    mkdirSync(join(r.dir, 'real'))
    mkdirSync(join(r.root, 'elsewhere'))
    symlinkSync(join(r.root, 'elsewhere'), join(r.dir, 'linked'))
    expect(isReallyInside(r.dir, join(r.dir, 'real'))).toBe(true)
    expect(isReallyInside(r.dir, r.dir)).toBe(true)
    expect(isReallyInside(r.dir, join(r.dir, 'linked'))).toBe(false)
    expect(isReallyInside(r.dir, join(r.dir, 'nowhere'))).toBe(true)
  })
})
