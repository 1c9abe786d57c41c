import { GitError, type Git } from './git.js'
import { VersoError } from '../errors.js'
import { gitSigning, NO_SIGNING, type Signing } from './signing.js'

/** Where a tag points on the remote (peeled to its commit), or null when it is not there. */
export async function readRemoteTag(git: Git, remote: string, tag: string): Promise<string | null> {
  const ref = `refs/tags/${tag}`
  const out = await remoteCall(git, ['ls-remote', '--tags', '--end-of-options', remote, ref, `${ref}^{}`], remote)
  let sha: string | null = null
  for (const line of out.split('\n')) {
    const [oid, name] = line.split('\t')
    if (name === `${ref}^{}`) return oid ?? null // an annotated tag: the commit it names
    if (name === ref) sha = oid ?? null
  }
  return sha
}

/**
 * The remote's tags whose names start with `prefix`, each with the object its ref holds
 * (for the compare-and-swap of a later push) and the commit it names. One `ls-remote`.
 */
export async function readRemoteTags(git: Git, remote: string, prefix: string): Promise<Map<string, { ref: string; commit: string }>> {
  const out = await remoteCall(git, ['ls-remote', '--tags', '--end-of-options', remote], remote)
  const tags = new Map<string, { ref: string; commit: string }>()
  for (const line of out.split('\n')) {
    const [oid = '', full = ''] = line.split('\t')
    const peeled = full.endsWith('^{}')
    const name = full.replace(/^refs\/tags\//, '').replace(/\^\{\}$/, '')
    if (!full.startsWith('refs/tags/') || !name.startsWith(prefix)) continue
    const known = tags.get(name)
    if (peeled) tags.set(name, { ref: known?.ref ?? oid, commit: oid })
    else tags.set(name, { ref: oid, commit: known?.commit ?? oid })
  }
  return tags
}

/** Where a tag points locally (peeled), or null. */
export async function readLocalTag(git: Git, tag: string): Promise<string | null> {
  const found = await git.tryRun(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/tags/${tag}^{commit}`])
  return found.code === 0 ? found.stdout.trim() : null
}

/** The e-mail of an annotated tag's tagger, or null for a lightweight tag. */
export async function readTaggerEmail(git: Git, tag: string): Promise<string | null> {
  const out = await git.run(['for-each-ref', '--format=%(objecttype)%00%(taggeremail)', `refs/tags/${tag}`])
  const [type, email = ''] = out.trim().split('\0')
  return type === 'tag' ? email.replace(/^<|>$/g, '') : null
}

/** Whether `ancestor` is `descendant` or one of its ancestors. */
export async function isAncestor(git: Git, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.tryRun(['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant])
  if (result.code > 1) throw new GitError(['merge-base'], result.code, result.stderr)
  return result.code === 0
}

/** Fetches one tag's commit, so that its history can be compared with ours. */
export async function fetchTag(git: Git, remote: string, tag: string): Promise<void> {
  await remoteCall(git, ['fetch', '--no-tags', '--end-of-options', remote, `+refs/tags/${tag}:refs/tags/${tag}`], remote)
}

export interface Tagger {
  readonly name: string
  readonly email: string
}

/** An annotated tag on `sha`, its message exactly as given; signed with the key given, and only with it. */
export async function createAnnotatedTag(
  git: Git,
  tag: string,
  sha: string,
  message: string,
  tagger: Tagger,
  signing: Signing = NO_SIGNING
): Promise<void> {
  const { config, env } = gitSigning(signing)
  // The tagger is the committer identity; the environment wins over any configured one.
  const identity = { GIT_COMMITTER_NAME: tagger.name, GIT_COMMITTER_EMAIL: tagger.email }
  const sign = signing.kind === 'none' ? [] : ['--sign']
  await git.run([...config, 'tag', '--annotate', ...sign, '--cleanup=verbatim', '--file=-', '--end-of-options', tag, sha], {
    input: message,
    env: { ...env, ...identity }
  })
}

export type PushResult =
  { readonly kind: 'pushed' } | { readonly kind: 'rejected'; readonly reason: 'exists' | 'denied'; readonly message: string }

/**
 * Pushes a tag. Without force a tag push cannot overwrite: it is the compare-and-swap that
 * settles a race between two runs. `force` is for floating tags only.
 */
export async function pushTag(
  git: Git,
  remote: string,
  tag: string,
  options: { force: boolean; sha?: string; expect?: string | null }
): Promise<PushResult> {
  const source = options.sha ?? `refs/tags/${tag}`
  // With `expect`, a forced push is a compare-and-swap too: it moves the tag only from where it was seen.
  const lease = options.expect === undefined ? [] : [`--force-with-lease=refs/tags/${tag}:${options.expect ?? ''}`]
  const refspec = `${options.force && lease.length === 0 ? '+' : ''}${source}:refs/tags/${tag}`
  const result = await git.tryRun(['push', '--porcelain', '--no-verify', ...lease, '--end-of-options', remote, refspec])
  if (result.code === 0) return { kind: 'pushed' }
  const message = (result.stderr + result.stdout).trim()
  if (/already exists|\(fetch first\)|non-fast-forward|stale info|\[rejected\]/i.test(message))
    return { kind: 'rejected', reason: 'exists', message }
  if (/denied|403|protected|forbidden|not allowed|permission|rule|GH013|pre-receive hook declined/i.test(message))
    return { kind: 'rejected', reason: 'denied', message }
  throw unreachable(remote, message)
}

async function remoteCall(git: Git, args: readonly string[], remote: string): Promise<string> {
  try {
    return await git.run(args)
  } catch (error) {
    if (error instanceof GitError) throw unreachable(remote, error.stderr)
    throw error
  }
}

function unreachable(remote: string, message: string): VersoError {
  return new VersoError('EGIT', `Could not reach the remote \`${remote}\`: ${summarizeGitOutput(message) || 'no message'}`, {
    hint: 'Check out with actions/checkout (it stores the credentials git needs), or make sure the remote exists and is reachable.'
  })
}

/**
 * What git and the remote said went wrong, on one line. Their last line is often filler
 * (`Done`, "and the repository exists."); the reasons are the `fatal:`/`error:` lines, what
 * the remote wrote (GitHub's GH013 names the rule), and the reason a porcelain push gives
 * in parentheses for each refused ref.
 */
export function summarizeGitOutput(output: string): string {
  const said: string[] = []
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim()
    const remote = /^remote:\s*(.*)$/.exec(line)
    const refused = /^!\t[^\t]*\t\[[^\]]*\]\s*\((.*)\)$/.exec(line)
    if (remote) {
      if (remote[1]) said.push(remote[1])
    } else if (refused) {
      said.push(refused[1]!)
    } else if (/^(fatal|error):/i.test(line)) {
      said.push(line.replace(/^(fatal|error):\s*/i, ''))
    }
  }
  const text = (said.length ? said : [output.trim().split(/\r?\n/).pop() ?? '']).join(' ').replace(/\s+/g, ' ').trim()
  return text.length > 600 ? `${text.slice(0, 599)}…` : text
}
