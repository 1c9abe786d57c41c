import type { Git } from './git.js'

/** A commit as git stores it, before any interpretation. */
export interface RawCommit {
  readonly sha: string
  readonly parents: readonly string[]
  /** The full message: subject, body and trailers, exactly as committed. */
  readonly message: string
}

// Three fields a commit, each ended by NUL (`-z` ends the record with one too): a message
// cannot hold NUL, so no content can be mistaken for a separator.
const FORMAT = '--format=%H%x00%P%x00%B'

/**
 * The commits reachable from `head` but not from `since`, newest first, from one streamed
 * `git log`: memory and time grow with the commits, never with the history before them.
 */
export async function* readCommits(git: Git, head: string, since: string | null): AsyncIterable<RawCommit> {
  const revisions = since ? [head, `^${since}`] : [head]
  const args = ['-c', 'log.showSignature=false', 'log', '-z', FORMAT, '--no-color', '--end-of-options', ...revisions, '--']
  const fields: string[] = []
  for await (const field of splitOnNul(git.stream(args))) {
    fields.push(field)
    if (fields.length < 3) continue
    const [sha = '', parents = '', message = ''] = fields.splice(0, 3)
    yield { sha, parents: parents ? parents.split(' ') : [], message }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const latin1 = new TextDecoder('latin1')

/** Messages in a legacy encoding still arrive whole: every byte becomes one character. */
function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    return latin1.decode(bytes)
  }
}

async function* splitOnNul(chunks: AsyncIterable<Buffer>): AsyncIterable<string> {
  let pending: Buffer[] = []
  for await (const chunk of chunks) {
    let start = 0
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, end)
      yield decode(pending.length ? Buffer.concat([...pending, piece]) : piece)
      pending = []
      start = end + 1
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  }
}
