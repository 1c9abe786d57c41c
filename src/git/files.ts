import { constants, realpathSync } from 'node:fs'
import { lstat, mkdir, open, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, matchesGlob, posix, relative, resolve, sep } from 'node:path'
import { VersoError } from '../errors.js'
import type { Git } from './git.js'

/*
 * A pull request can commit a symbolic link where verso expects a file: to .git/config
 * (which holds the checkout's credentials), or dangling, to anywhere. So verso reads and
 * writes only regular files inside the repository, never through a link, and reads files
 * at a commit from git's objects, where a link is not a file.
 */

/** Reads a file of the working tree, or null when it does not exist. */
export async function readWorktreeFile(root: string, path: string): Promise<string | null> {
  const target = await locateInside(root, path)
  let file
  try {
    file = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw refusedOrRethrown(error, path)
  }
  try {
    if (!(await file.stat()).isFile()) throw unsafe(path, 'is not a regular file')
    return await file.readFile('utf8')
  } finally {
    await file.close()
  }
}

/** Writes a file of the working tree (the release image), creating its folder. */
export async function writeWorktreeFile(root: string, path: string, text: string): Promise<void> {
  const target = await locateInside(root, path)
  await mkdir(dirname(target), { recursive: true })
  // The folder may be new: check again that it is where it seems, then never follow a link.
  await locateInside(root, path)
  let file
  try {
    file = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644)
  } catch (error) {
    throw refusedOrRethrown(error, path)
  }
  try {
    await file.writeFile(text)
  } finally {
    await file.close()
  }
}

/**
 * Where `path` is, once it is known to lead to a place inside `root` (the repository, or
 * its working directory) that is neither git's own folder nor reached through a link.
 */
async function locateInside(root: string, path: string): Promise<string> {
  const target = resolve(root, path)
  const inside = relative(root, target)
  if (inside === '' || leavesFolder(inside) || inGitFolder(inside)) throw unsafe(path, 'is not a file inside the repository')
  const realRoot = await realpath(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  // No repository there: nothing is inside it, and reading finds nothing to read.
  if (realRoot === null) return target
  // The nearest folder that exists must really be inside: a linked folder can lead anywhere.
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    const real = await realpath(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null
      throw error
    })
    if (real === null) continue
    const within = relative(realRoot, real)
    if (leavesFolder(within) || inGitFolder(within)) throw unsafe(path, 'leads outside the repository through a symbolic link')
    break
  }
  const stats = await lstat(target).catch(() => null)
  if (stats?.isSymbolicLink()) throw unsafe(path, 'is a symbolic link')
  return target
}

/** Whether `path` is `top` or inside it once both are resolved through any links; true when either does not exist. */
export function isReallyInside(top: string, path: string): boolean {
  const real = (at: string): string | null => {
    try {
      return realpathSync(at)
    } catch {
      return null
    }
  }
  const [realTop, realPath] = [real(top), real(path)]
  return realTop === null || realPath === null || !leavesFolder(relative(realTop, realPath))
}

/** Whether a relative path climbs out of its folder (`..`, `../x`; a name like `..data` does not). */
function leavesFolder(inside: string): boolean {
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)
}

// Case-insensitive file systems (macOS, Windows) take `.GIT` for `.git`.
function inGitFolder(inside: string): boolean {
  return inside.split(sep).some((part) => part.toLowerCase() === '.git')
}

function unsafe(path: string, why: string): VersoError {
  return new VersoError('EUNSAFEPATH', `${path} ${why}: verso reads and writes only regular files inside the repository.`, {
    hint: 'Commit the file itself in place of a link, or point the setting at a file inside the repository.'
  })
}

// O_NOFOLLOW fails with ELOOP on a link that appeared after the check.
function refusedOrRethrown(error: unknown, path: string): unknown {
  return (error as NodeJS.ErrnoException).code === 'ELOOP' ? unsafe(path, 'is a symbolic link') : error
}

/**
 * The repository's files that match any of the globs: in the working tree (tracked, and
 * untracked unless ignored: node_modules never matches) or at a revision, where only
 * regular files count (a link is not a file). One git process.
 */
export async function listFiles(git: Git, at: string | null, globs: readonly string[]): Promise<string[]> {
  const matches = (path: string): boolean => path !== '' && globs.some((glob) => matchesGlob(path, glob))
  if (at === null) {
    const out = await git.run(['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
    return [...new Set(out.split('\0').filter(matches))].sort()
  }
  const entries = await listTree(git, at, [])
  return [...entries.keys()].filter(matches).sort()
}

/**
 * Regular files at a revision, by path: git's `ls-tree` mode 100644 or 100755. With paths,
 * only those (matched as they are written, not as patterns); a revision that does not exist
 * then holds none of them.
 */
async function listTree(git: Git, at: string, paths: readonly string[]): Promise<Map<string, string>> {
  const args = ['ls-tree', '-r', '-z', '--end-of-options', at, ...(paths.length ? ['--', ...paths] : [])]
  const literal = { env: { GIT_LITERAL_PATHSPECS: '1' } }
  const out = paths.length
    ? await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${at}^{tree}`]).then(
        () => git.run(args, literal),
        () => ''
      )
    : await git.run(args, literal)
  const files = new Map<string, string>()
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t')
    if (tab === -1) continue
    const [mode, type, object] = record.slice(0, tab).split(' ')
    if (type === 'blob' && (mode === '100644' || mode === '100755') && object) files.set(record.slice(tab + 1), object)
  }
  return files
}

/**
 * The text of each path at a revision, from git's objects: absent paths, and paths that
 * are not regular files there, are left out. Two git processes, however many paths.
 */
export async function readFilesAt(git: Git, at: string, paths: readonly string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map()
  checkPaths(paths)
  // git names `./image.json` as `image.json`: paths are looked up as git writes them.
  const named = new Map(paths.map((path) => [path, posix.normalize(path)]))
  return readObjects(git, await listTree(git, at, [...new Set(named.values())]), named)
}

/**
 * The files at a revision that match any of the globs, and the text of each of them and of
 * `paths`: what listFiles and readFilesAt give, from one listing of the tree.
 */
export async function readMatchingFilesAt(
  git: Git,
  at: string,
  globs: readonly string[],
  paths: readonly string[]
): Promise<{ matching: string[]; texts: Map<string, string> }> {
  checkPaths(paths)
  const tree = await listTree(git, at, [])
  const matching = [...tree.keys()].filter((path) => globs.some((glob) => matchesGlob(path, glob))).sort()
  const named = new Map([
    ...paths.map((path): [string, string] => [path, posix.normalize(path)]),
    ...matching.map((path): [string, string] => [path, path])
  ])
  return { matching, texts: await readObjects(git, tree, named) }
}

function checkPaths(paths: readonly string[]): void {
  const bad = paths.find((p) => /[\n\r]/.test(p))
  if (bad !== undefined) {
    throw new VersoError('EGIT', `Cannot read ${JSON.stringify(bad)} from git: a path with a line break.`, { hint: 'Rename the file.' })
  }
}

/** The blobs of `tree` that `named` asks for (path as asked → path as git writes it), from one `git cat-file --batch`. */
async function readObjects(git: Git, tree: ReadonlyMap<string, string>, named: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  const wanted = [...named.keys()].filter((path) => tree.has(named.get(path)!))
  if (wanted.length === 0) return texts
  await prefetchBlobs(
    git,
    wanted.map((path) => tree.get(named.get(path)!)!)
  )
  const out = await git.runBuffer(['cat-file', '--batch'], { input: wanted.map((path) => `${tree.get(named.get(path)!)!}\n`).join('') })
  let offset = 0
  for (const path of wanted) {
    const end = out.indexOf(0x0a, offset)
    const header = out.subarray(offset, end).toString('utf8')
    offset = end + 1
    if (header.endsWith(' missing')) continue
    const size = Number(header.split(' ')[2])
    texts.set(path, out.subarray(offset, offset + size).toString('utf8'))
    offset += size + 1
  }
  return texts
}

/**
 * A partial clone (what a shallow checkout becomes once verso fetched its history without
 * files) may lack the blobs: git would fetch each one on its own as `cat-file` meets it, one
 * request a file. One fetch asks for them all; a failure leaves that to git.
 */
async function prefetchBlobs(git: Git, oids: readonly string[]): Promise<void> {
  const promisor = await git.tryRun(['config', '--get', 'remote.origin.promisor'])
  if (promisor.code !== 0 || promisor.stdout.trim() !== 'true') return
  await git.tryRun([
    '-c',
    'fetch.negotiationAlgorithm=noop',
    'fetch',
    '--no-tags',
    '--quiet',
    '--no-write-fetch-head',
    '--filter=blob:none',
    'origin',
    ...new Set(oids)
  ])
}
