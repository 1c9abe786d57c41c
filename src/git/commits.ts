import { isUtf8 } from 'node:buffer'
import type { Git } from './git.js'

/** A commit as git stores it, before any interpretation. */
export interface RawCommit {
  readonly sha: string
  readonly parents: readonly string[]
  /** The full message: subject, body and trailers, exactly as committed. */
  readonly message: string
}

// Three fields a commit, each ended by NUL (`-z` ends the record with one too): a message
// cannot hold NUL, so no content can be mistaken for a separator. `%m` marks the commits
// that `--boundary` adds: `-` for those, `>` for the range itself.
const FORMAT = '--format=%m%H%x00%P%x00%B'
const DASH = 0x2d

export interface CommitRange<C> {
  /** `since..head`, newest first. */
  readonly commits: readonly C[]
  /**
   * Whether `since` is an ancestor of `head`: then some commit of the range has it as a
   * parent, and `--boundary` names it. One walk answers both questions.
   */
  readonly sinceReached: boolean
}

/**
 * The commits reachable from `head` but not from `since`, from one streamed `git log`:
 * memory and time grow with the commits, never with the history before them. Each commit
 * goes through `read` as it arrives, so interpreting it overlaps with git producing the
 * next ones, and only what `read` keeps stays in memory.
 */
export async function readCommits<C>(
  git: Git,
  head: string,
  since: string | null,
  read: (commit: RawCommit) => C
): Promise<CommitRange<C>> {
  const revisions = since ? ['--boundary', '--end-of-options', head, `^${since}`] : ['--end-of-options', head]
  const args = ['-c', 'log.showSignature=false', 'log', '-z', FORMAT, '--no-color', ...revisions, '--']
  const commits: C[] = []
  let sinceReached = since === head
  // The three fields of the commit being read; the first two are hex and spaces (ASCII). The
  // sha is read past its mark, not sliced from it: a slice would keep the mark's string too.
  let field = 0
  let boundary = false
  let sha = ''
  let parents = ''
  const take = (bytes: Buffer, start: number, end: number): void => {
    if (field === 0) {
      boundary = start < end && bytes[start] === DASH
      sha = bytes.toString('latin1', Math.min(start + 1, end), end)
    } else if (field === 1) parents = bytes.toString('latin1', start, end)
    else if (boundary) sinceReached ||= sha === since
    else commits.push(read({ sha, parents: parents ? parents.split(' ') : [], message: decode(bytes, start, end) }))
    field = (field + 1) % 3
  }
  await forEachField(git.stream(args), take)
  return { commits, sinceReached }
}

/**
 * Hands each NUL-ended field of a stream to `take` as a range of bytes, and a last field
 * without its NUL when `last` says so. Chunks are split synchronously and read in place: an
 * await or a Buffer per field would cost more than reading the commits.
 */
export async function forEachField(
  stream: AsyncIterable<Buffer>,
  take: (bytes: Buffer, start: number, end: number) => void,
  last = false
): Promise<void> {
  let pending: Buffer[] = []
  for await (const chunk of stream) {
    let start = 0
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      if (pending.length) {
        pending.push(chunk.subarray(start, end))
        const whole = Buffer.concat(pending)
        take(whole, 0, whole.length)
        pending = []
      } else {
        take(chunk, start, end)
      }
      start = end + 1
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  }
  if (last && pending.length) {
    const whole = Buffer.concat(pending)
    take(whole, 0, whole.length)
  }
}

/** Messages in a legacy encoding still arrive whole: every byte becomes one character. */
export function decode(bytes: Buffer, start: number, end: number): string {
  const text = bytes.toString('utf8', start, end)
  // U+FFFD is where invalid UTF-8 was replaced, or (rarely) a real one: only then check.
  if (!text.includes('\uFFFD') || isUtf8(bytes.subarray(start, end))) return text
  return bytes.toString('latin1', start, end)
}
