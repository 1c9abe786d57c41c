import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, matchesGlob, resolve } from 'node:path'
import { VersoError } from '../errors.js'
import type { Git } from './git.js'

/** Reads a file of the working tree, or null when it does not exist. */
export async function readWorktreeFile(root: string, path: string): Promise<string | null> {
  try {
    return await readFile(resolve(root, path), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * The repository's files that match any of the globs: in the working tree (tracked, and
 * untracked unless ignored: node_modules never matches) or at a revision. One git process.
 */
export async function listFiles(git: Git, at: string | null, globs: readonly string[]): Promise<string[]> {
  const args =
    at === null
      ? ['ls-files', '-z', '--cached', '--others', '--exclude-standard']
      : ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', at]
  const out = await git.run(args)
  const files = new Set(out.split('\0').filter((path) => path && globs.some((glob) => matchesGlob(path, glob))))
  return [...files].sort()
}

/** The text of each path at a revision (absent paths are left out), from one `git cat-file --batch`. */
export async function readFilesAt(git: Git, at: string, paths: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  if (paths.length === 0) return texts
  const bad = paths.find((p) => /[\n\r]/.test(p))
  if (bad !== undefined)
    throw new VersoError('EGIT', `Cannot read ${JSON.stringify(bad)} from git: a path with a line break.`, { hint: 'Rename the file.' })
  // `./` makes each path relative to the working directory, as ls-files and ls-tree list them.
  const out = await git.runBuffer(['cat-file', '--batch'], { input: paths.map((p) => `${at}:./${p}\n`).join('') })
  let offset = 0
  for (const path of paths) {
    const end = out.indexOf(0x0a, offset)
    const header = out.subarray(offset, end).toString('utf8')
    offset = end + 1
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue
    const size = Number(header.split(' ')[2])
    texts.set(path, out.subarray(offset, offset + size).toString('utf8'))
    offset += size + 1
  }
  return texts
}

/** Writes a file of the working tree (the release image), creating its folder. */
export async function writeWorktreeFile(root: string, path: string, text: string): Promise<void> {
  const target = resolve(root, path)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, text)
}
