import { decode, forEachField, type RawCommit } from './commits.js'
import type { Git } from './git.js'

/** A commit with the paths it changes (for a merge, against its first parent). */
export interface PathedCommit extends RawCommit {
  readonly paths: readonly string[]
}

// Each commit starts with SOH and its sha, then NUL-ended fields; `--name-only -z` follows
// with NUL-ended paths, the first after a newline. A path cannot be SOH and a full sha.
const FORMAT = '--format=%x01%H%x00%P%x00%B'
const isRecord = (text: string): boolean => text.charCodeAt(0) === 1 && /^[0-9a-f]{40,64}$/.test(text.slice(1))

/**
 * The commits reachable from `head` but from none of `exclude`, children before parents
 * (`--topo-order`: the order in which "reachable from a release" can be passed down), each
 * with the paths it changes, from one streamed `git log`. Renames count on both sides.
 */
export async function readCommitsWithPaths<C>(
  git: Git,
  head: string,
  exclude: readonly string[],
  read: (commit: PathedCommit) => C
): Promise<C[]> {
  const args = [
    '-c',
    'log.showSignature=false',
    'log',
    '-z',
    FORMAT,
    '--no-color',
    '--topo-order',
    '--name-only',
    '--no-renames',
    '--diff-merges=first-parent',
    '--end-of-options',
    head,
    ...exclude.map((sha) => `^${sha}`),
    '--'
  ]
  const out: C[] = []
  let sha = ''
  let parents: string[] = []
  let message = ''
  let paths: string[] = []
  // 0: the record's sha, 1: its parents, 2: its message, 3: its paths.
  let field = 0
  const flush = () => {
    if (sha) out.push(read({ sha, parents, message, paths }))
    sha = ''
  }
  const take = (bytes: Buffer, start: number, end: number): void => {
    if (field === 3 || field === 0) {
      const text = bytes.toString('utf8', start, end)
      if (isRecord(text)) {
        flush()
        sha = text.slice(1)
        paths = []
        field = 1
        return
      }
      if (field === 3 && text) paths.push(text.startsWith('\n') ? text.slice(1) : text)
      return
    }
    if (field === 1) {
      const list = bytes.toString('latin1', start, end)
      parents = list ? list.split(' ') : []
      field = 2
      return
    }
    message = decode(bytes, start, end)
    field = 3
  }
  // The last path has no NUL after it when the walk ends.
  await forEachField(git.stream(args), take, true)
  flush()
  return out
}
