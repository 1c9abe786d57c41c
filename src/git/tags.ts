import type { Git } from './git.js'

/** A tag that points (directly or through an annotated tag) at a commit. */
export interface TagRef {
  readonly name: string
  /** The commit the tag names, peeled. */
  readonly sha: string
  /** Committer date of that commit, seconds since the epoch; read only when asked for. */
  readonly date: number | null
}

// Dates cost a read of every tagged commit, so they are asked for only when needed.
const fields = (dates: boolean): string =>
  [
    '%(refname:strip=2)',
    '%(objecttype)',
    '%(objectname)',
    '%(*objecttype)',
    '%(*objectname)',
    ...(dates ? ['%(committerdate:unix)', '%(*committerdate:unix)'] : [])
  ].join('%00')

/** Every tag of the repository that names a commit, from one `git for-each-ref`. */
export async function readTags(git: Git, options: { dates: boolean }): Promise<TagRef[]> {
  const out = await git.run(['for-each-ref', `--format=${fields(options.dates)}`, 'refs/tags'])
  const tags: TagRef[] = []
  for (const line of out.split('\n')) {
    if (!line) continue
    const [name = '', type, sha = '', peeledType, peeledSha = '', date, peeledDate] = line.split('\0')
    // Tags of trees or blobs (or of other tags) cannot be releases.
    if (type === 'commit') tags.push({ name, sha, date: options.dates ? Number(date) : null })
    else if (type === 'tag' && peeledType === 'commit') tags.push({ name, sha: peeledSha, date: options.dates ? Number(peeledDate) : null })
  }
  return tags
}
