import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'

/** Reads a file of the working tree, or null when it does not exist. */
export async function readWorktreeFile(root: string, path: string): Promise<string | null> {
  try {
    return await readFile(resolve(root, path), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
