import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { readCommits, type RawCommit } from '../../src/git/commits.js'
import { createGit, GitError } from '../../src/git/git.js'
import { type TestRepo, useRepos } from '../support/repo.js'

const repo = useRepos()

const keep = (c: RawCommit): RawCommit => c
const read = (r: TestRepo, head: string, since: string | null) => readCommits(createGit(r.dir, r.env), head, since, keep)

/** A commit whose message is exactly `message`, empty included (git commit refuses an empty one). */
function commitTree(r: TestRepo, message: string | Buffer): string {
  const sha = execFileSync('git', ['commit-tree', 'HEAD^{tree}', '-p', 'HEAD'], { cwd: r.dir, env: r.env, input: message })
    .toString()
    .trim()
  r.git('update-ref', 'HEAD', sha)
  return sha
}

/**
 * A commit holding `message` as raw bytes. git commit and commit-tree re-encode invalid
 * UTF-8; commits imported from older systems were written without that.
 */
function rawCommit(r: TestRepo, message: Buffer): string {
  const who = 'Test Author <author@example.com> 1704067200 +0000'
  const header = `tree ${r.git('rev-parse', 'HEAD^{tree}')}\nparent ${r.git('rev-parse', 'HEAD')}\nauthor ${who}\ncommitter ${who}\n\n`
  const input = Buffer.concat([Buffer.from(header), message])
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: r.dir, env: r.env, input }).toString().trim()
  r.git('update-ref', 'HEAD', sha)
  return sha
}

describe('readCommits: the range', () => {
  it('lists since..head newest first, with parents, and reaches since', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const [a, b, c] = r.commits('feat: a', 'fix: b', 'docs: c')
    const range = await read(r, c!, base)
    expect(range).toEqual({
      commits: [
        { sha: c, parents: [b], message: 'docs: c' },
        { sha: b, parents: [a], message: 'fix: b' },
        { sha: a, parents: [base], message: 'feat: a' }
      ],
      sinceReached: true
    })
  })

  it('reads a symbolic head the same as its sha', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const a = r.commit('feat: a')
    expect(await read(r, 'HEAD', base)).toEqual(await read(r, a, base))
    expect((await read(r, 'main', base)).commits.map((c) => c.sha)).toEqual([a])
  })

  it('reads all history, down to the root commit with no parents, when since is null', async () => {
    const r = repo()
    const [root, a, b] = r.commits('chore: init', 'feat: a', 'fix: b')
    const range = await read(r, b!, null)
    expect(range.commits.map((c) => [c.sha, c.parents])).toEqual([
      [b, [a]],
      [a, [root]],
      [root, []]
    ])
    expect(range.sinceReached).toBe(false)
  })

  it('is empty and reached when since is head', async () => {
    const r = repo()
    r.commit('chore: init')
    const head = r.commit('feat: a')
    expect(await read(r, head, head)).toEqual({ commits: [], sinceReached: true })
  })

  it('is empty and not reached when since is ahead of head', async () => {
    const r = repo()
    const old = r.commit('chore: init')
    const ahead = r.commit('feat: a')
    expect(await read(r, old, ahead)).toEqual({ commits: [], sinceReached: false })
  })

  it('does not reach a since on another branch, and leaves out only what the two share', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    r.git('checkout', '-q', '-b', 'side')
    const side = r.commit('feat: side')
    r.git('checkout', '-q', 'main')
    const [a, b] = r.commits('fix: a', 'fix: b')
    const range = await read(r, b!, side)
    expect(range.commits.map((c) => c.sha)).toEqual([b, a])
    expect(range.commits.map((c) => c.sha)).not.toContain(base)
    expect(range.sinceReached).toBe(false)
  })

  it('reaches since through a merge, and keeps both parents of the merge, first parent first', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    r.git('checkout', '-q', '-b', 'feature')
    const side = r.commit('feat: on a branch')
    r.git('checkout', '-q', 'main')
    const main = r.commit('fix: on main')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge branch feature', 'feature')
    const merge = r.git('rev-parse', 'HEAD')
    const range = await read(r, merge, base)
    expect(range.sinceReached).toBe(true)
    expect(range.commits[0]).toEqual({ sha: merge, parents: [main, side], message: 'Merge branch feature\n' })
    expect(range.commits.map((c) => c.sha).sort()).toEqual([merge, main, side].sort())
  })

  it('reaches a since that is an ancestor on the merged side only', async () => {
    const r = repo()
    r.commit('chore: init')
    r.git('checkout', '-q', '-b', 'feature')
    const side = r.commit('feat: on a branch')
    r.git('checkout', '-q', 'main')
    const main = r.commit('fix: on main')
    r.git('merge', '-q', '--no-ff', '-m', 'Merge', 'feature')
    const merge = r.git('rev-parse', 'HEAD')
    const range = await read(r, merge, side)
    expect(range.commits.map((c) => c.sha)).toEqual([merge, main])
    expect(range.sinceReached).toBe(true)
  })

  it('keeps every parent of an octopus merge', async () => {
    const r = repo()
    r.commit('chore: init')
    const tips = ['one', 'two'].map((name) => {
      r.git('checkout', '-q', '-b', name, 'main')
      return r.commit(`feat: ${name}`)
    })
    r.git('checkout', '-q', 'main')
    const main = r.commit('fix: main')
    r.git('merge', '-q', '--no-ff', '-m', 'Octopus', 'one', 'two')
    const range = await read(r, 'HEAD', main)
    expect(range.commits).toHaveLength(3)
    expect(range.commits[0]!.parents).toEqual([main, ...tips])
    expect(range.sinceReached).toBe(true)
  })

  it('passes each commit of the range once, in order, through read and keeps what it returns', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const shas = r.commits('feat: a', 'fix: b', 'docs: c')
    const seen: string[] = []
    const range = await readCommits(createGit(r.dir, r.env), shas[2]!, base, (c) => {
      seen.push(c.sha)
      return { short: c.sha.slice(0, 7), subject: c.message.split('\n')[0] }
    })
    expect(seen).toEqual([...shas].reverse())
    expect(range.commits).toEqual([
      { short: shas[2]!.slice(0, 7), subject: 'docs: c' },
      { short: shas[1]!.slice(0, 7), subject: 'fix: b' },
      { short: shas[0]!.slice(0, 7), subject: 'feat: a' }
    ])
    expect(range.sinceReached).toBe(true)
  })

  it('fails with the git error for a head that does not exist', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const error = await read(r, 'no-such-branch', base).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitError)
    expect((error as GitError).message).toMatch(/^git log failed \(exit 128\): /)
  })

  it('does not read a revision that starts with a dash as an option', async () => {
    const r = repo()
    r.commit('chore: init')
    await expect(read(r, '--all', null)).rejects.toBeInstanceOf(GitError)
  })
})

describe('readCommits: messages, byte for byte', () => {
  it.each([
    ['a subject only', 'feat: a'],
    ['one trailing newline', 'feat: a\n'],
    ['several trailing newlines', 'feat: a\n\n\n'],
    ['leading blank lines and spaces', '\n\n  feat: a  \n'],
    ['a body and trailers', 'feat: a\n\nbody line\n\nBREAKING CHANGE: gone\nRefs: #1\n'],
    ['CRLF line ends', 'feat: a\r\n\r\nbody\r\n'],
    ['a lone CR', 'feat: a\rstill the subject'],
    ['control bytes other than NUL', 'fix: \x01\x02\x1b[31mred\x1b[0m\x7f\t\f\v'],
    ['a line starting with a dash', '-fix: looks like a boundary mark\n- and a list\n'],
    ['a comment line', '# not a comment here\nfeat: a\n'],
    ['UTF-8 text', 'feat: café 😀 ünïcødé\n\nЗдравствуйте 日本語\n'],
    ['a real replacement character', 'fix: render \uFFFD correctly\n'],
    ['something like a sha and a NUL escape', `${'a'.repeat(40)} \\0 %x00\n`]
  ])('keeps %s', async (_, message) => {
    const r = repo()
    const base = r.commit('chore: init')
    const sha = r.commit(message)
    const range = await read(r, sha, base)
    expect(range.commits).toEqual([{ sha, parents: [base], message }])
  })

  it('keeps an empty message', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const sha = commitTree(r, '')
    const after = r.commit('fix: after')
    const range = await read(r, after, base)
    expect(range.commits.map((c) => [c.sha, c.message])).toEqual([
      [after, 'fix: after'],
      [sha, '']
    ])
  })

  it('reads a message in a legacy encoding (not valid UTF-8) one character per byte', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const sha = rawCommit(r, Buffer.from('fix: caf\xe9 \xfc\xdf\n\n\xa9 2024\n', 'latin1'))
    expect(r.git('cat-file', 'commit', sha)).toContain('\uFFFD')
    const range = await read(r, sha, base)
    expect(range.commits[0]!.message).toBe('fix: café üß\n\n© 2024\n')
  })

  it('reads a message that mixes UTF-8 with invalid bytes as Latin-1 throughout, losing no byte', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const bytes = Buffer.concat([Buffer.from('fix: é '), Buffer.from([0xff, 0xfe])])
    const sha = rawCommit(r, bytes)
    const { message } = (await read(r, sha, base)).commits[0]!
    expect(message).toBe('fix: Ã© ÿþ')
    expect(Buffer.from(message, 'latin1')).toEqual(bytes)
  })

  it('reads a message whose commit declares its encoding as git re-encodes it: UTF-8', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    r.git('config', 'i18n.commitEncoding', 'ISO-8859-1')
    const sha = r.commit(Buffer.from('fix: caf\xe9\n', 'latin1'))
    r.git('config', '--unset', 'i18n.commitEncoding')
    expect(r.git('cat-file', 'commit', sha)).toContain('encoding ISO-8859-1')
    expect((await read(r, sha, base)).commits[0]!.message).toBe('fix: café\n')
  })

  it('keeps the messages of neighbouring commits apart, whatever their last and first bytes', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const messages = ['feat: a\n\n', '\nfix: b', '-\n', '>', '\r\n', 'x']
    const shas = r.commits(...messages)
    const range = await read(r, shas.at(-1)!, base)
    expect(range.commits.map((c) => c.message)).toEqual([...messages].reverse())
    expect(range.commits.map((c) => c.sha)).toEqual([...shas].reverse())
  })
})

describe('readCommits: output larger than one read of the stream', () => {
  const CHUNK = 1 << 22
  // The head's record is `>` sha NUL parent NUL message NUL: 84 bytes and its message. The
  // root commit's record follows: `>` sha NUL NUL message NUL. Each case sizes the head's
  // message so that a read of the stream ends at `offset` in the root commit's record.
  it.each([
    ['at the start of a record', 0],
    ['inside a sha', 20],
    ['just before the NUL after a sha', 41],
    ['between the two NULs around empty parents', 42],
    ['at the start of a message', 43],
    ['inside a multibyte character', 44],
    ['inside another multibyte character', 45]
  ])('splits nothing when a read ends %s', async (_, offset) => {
    const r = repo()
    const rootMessage = '€'.repeat(1000) + '\n'
    const root = r.commit(rootMessage)
    const big = 'feat: big\n\n' + 'x'.repeat(CHUNK - 84 - offset - 11)
    const head = r.commit(big)
    const range = await read(r, head, null)
    expect(range.commits).toHaveLength(2)
    expect(range.commits[0]!.sha).toBe(head)
    expect(range.commits[0]!.parents).toEqual([root])
    expect(range.commits[0]!.message).toBe(big)
    expect(range.commits[1]).toEqual({ sha: root, parents: [], message: rootMessage })
  })

  it('reads a message spanning three reads, with multibyte characters across the seams', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const unit = 'fix: ünï 😀 €\r\n'
    const big = unit.repeat(Math.ceil((2.5 * CHUNK) / Buffer.byteLength(unit)))
    const sha = r.commit(big)
    const after = r.commit('docs: after')
    const range = await read(r, after, base)
    expect(range.commits.map((c) => c.sha)).toEqual([after, sha])
    expect(range.commits[1]!.message.length).toBe(big.length)
    expect(range.commits[1]!.message === big).toBe(true)
    expect(range.sinceReached).toBe(true)
  })

  it('reaches since when its boundary record comes after a read boundary', async () => {
    const r = repo()
    const base = r.commit('chore: init')
    const big = 'x'.repeat(CHUNK + 100)
    const sha = r.commit(big)
    const range = await read(r, sha, base)
    expect(range.commits).toHaveLength(1)
    expect(range.commits[0]!.message === big).toBe(true)
    expect(range.sinceReached).toBe(true)
  })
})
