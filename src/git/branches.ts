import { CURRENT_BRANCH, ORIGIN_HEAD } from './first-reads.js'
import type { Git } from './git.js'

// Full ref names, not --short: git shortens a branch `v2` to `heads/v2` when a tag `v2`
// exists too (verso moves floating tags of exactly such names).

/** The branch HEAD is on, or null when it is detached. */
export async function readCurrentBranch(git: Git): Promise<string | null> {
  const found = await git.tryRun(CURRENT_BRANCH)
  return found.code === 0 ? stripPrefix(found.stdout.trim(), 'refs/heads/') : null
}

/** The remote's default branch as the clone recorded it (`origin/HEAD`), or null. */
export async function readDefaultBranch(git: Git, remote = 'origin'): Promise<string | null> {
  const found = await git.tryRun(remote === 'origin' ? ORIGIN_HEAD : ['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`])
  return found.code === 0 ? stripPrefix(found.stdout.trim(), `refs/remotes/${remote}/`) : null
}

function stripPrefix(ref: string, prefix: string): string | null {
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : null
}

/** The remote's default branch as the remote itself says (`ls-remote --symref`), or null. */
export async function askDefaultBranch(git: Git, remote = 'origin'): Promise<string | null> {
  const found = await git.tryRun(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD'])
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(found.stdout)
  return found.code === 0 && match ? match[1]! : null
}
