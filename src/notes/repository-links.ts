import { VersoError } from '../errors.js'
import { parseReference } from './references.js'

/** A GitHub (or GitHub Enterprise) repository, as the notes link into it. */
export interface Repository {
  /** `https://github.com/owner/repo`, without a trailing slash or `.git`. */
  readonly url: string
  /** `https://github.com`: other repositories' references link under it. */
  readonly origin: string
}

/** Reads `https://<host>/<owner>/<repo>` (a trailing `/` or `.git` is allowed). */
export function parseRepositoryUrl(text: string): Repository {
  let url: URL | null = null
  try {
    url = new URL(text.trim())
  } catch {
    // Reported below with the expected form.
  }
  const path =
    url?.pathname
      .replace(/(?<!\/)\/+$/, '')
      .replace(/\.git$/, '')
      .split('/')
      .slice(1) ?? []
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search ||
    url.hash ||
    path.length !== 2 ||
    path.some((p) => p === '')
  ) {
    throw new VersoError(
      'EUSAGE',
      `Invalid repository URL '${text}'. Expected https://<host>/<owner>/<repo>, e.g. https://github.com/octo-org/octo-repo.`
    )
  }
  return { url: `${url.origin}/${path.join('/')}`, origin: url.origin }
}

export function linkCommit(repository: Repository, sha: string): string {
  return `${repository.url}/commit/${sha}`
}

export function linkCompare(repository: Repository, fromTag: string, toTag: string): string {
  return `${repository.url}/compare/${encodeTag(fromTag)}...${encodeTag(toTag)}`
}

/** Every commit up to a tag: the first release has nothing to compare with. */
export function linkCommits(repository: Repository, tag: string): string {
  return `${repository.url}/commits/${encodeTag(tag)}`
}

/**
 * `#12` in this repository, `owner/repo#5` in another on the same host; null for any other
 * form. `/issues/` serves pull requests too: GitHub redirects it.
 */
export function linkReference(repository: Repository, reference: string): string | null {
  const parsed = parseReference(reference)
  if (!parsed) return null
  const base = parsed.repository === null ? repository.url : `${repository.origin}/${parsed.repository}`
  return `${base}/issues/${parsed.number}`
}

// A tag may hold `+` (build metadata) or `/` (a prefix such as `release/`): each path
// segment is encoded on its own, so `/` stays a separator as GitHub expects.
function encodeTag(tag: string): string {
  return tag.split('/').map(encodeURIComponent).join('/')
}
