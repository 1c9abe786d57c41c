import type { Git } from './git.js'

/** The branch HEAD is on, or null when it is detached. */
export async function readCurrentBranch(git: Git): Promise<string | null> {
  const found = await git.tryRun(['symbolic-ref', '--quiet', '--short', 'HEAD'])
  return found.code === 0 ? found.stdout.trim() : null
}

/** The remote's default branch as the clone recorded it (`origin/HEAD`), or null. */
export async function readDefaultBranch(git: Git, remote = 'origin'): Promise<string | null> {
  const found = await git.tryRun(['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote}/HEAD`])
  return found.code === 0 ? found.stdout.trim().replace(`${remote}/`, '') : null
}

/** The remote's default branch as the remote itself says (`ls-remote --symref`), or null. */
export async function askDefaultBranch(git: Git, remote = 'origin'): Promise<string | null> {
  const found = await git.tryRun(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD'])
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(found.stdout)
  return found.code === 0 && match ? match[1]! : null
}
