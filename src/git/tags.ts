import { LIST_TAGS } from './first-reads.js'
import type { Git } from './git.js'

/** A tag that points (directly or through an annotated tag) at a commit. */
export interface TagRef {
  readonly name: string
  /** The commit the tag names, peeled. */
  readonly sha: string
}

/** Every tag of the repository that names a commit, from one `git for-each-ref`. */
export async function readTags(git: Git): Promise<TagRef[]> {
  const out = await git.run(LIST_TAGS)
  const tags: TagRef[] = []
  for (const line of out.split('\n')) {
    if (!line) continue
    const [name = '', type, sha = '', peeledType, peeledSha = ''] = line.split('\0')
    // Tags of trees or blobs (or of other tags) cannot be releases.
    if (type === 'commit') tags.push({ name, sha })
    else if (type === 'tag' && peeledType === 'commit') tags.push({ name, sha: peeledSha })
  }
  return tags
}
