/**
 * GitHub's git database for the local GitHub API server (test/support/github-server.ts),
 * backed by a real bare repository: the `origin` a test's checkout pushes to and fetches
 * from. Trees, commits and tags are written with git's plumbing, refs with `update-ref`
 * given the value they were read at, so a branch that moved meanwhile really fails, as on
 * GitHub. A commit made without an author or committer is the token's account's, committed
 * by `GitHub <noreply@github.com>` and answered as verified, as GitHub signs such commits
 * (the object itself carries no signature here).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type GitDataRoute =
  | 'POST /repos/{owner}/{repo}/git/blobs'
  | 'POST /repos/{owner}/{repo}/git/trees'
  | 'POST /repos/{owner}/{repo}/git/commits'
  | 'GET /repos/{owner}/{repo}/git/ref/{ref}'
  | 'POST /repos/{owner}/{repo}/git/refs'
  | 'PATCH /repos/{owner}/{repo}/git/refs/{ref}'
  | 'POST /repos/{owner}/{repo}/git/tags'

const ROUTES: readonly string[] = [
  'POST /repos/{owner}/{repo}/git/blobs',
  'POST /repos/{owner}/{repo}/git/trees',
  'POST /repos/{owner}/{repo}/git/commits',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'POST /repos/{owner}/{repo}/git/refs',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  'POST /repos/{owner}/{repo}/git/tags'
] satisfies readonly GitDataRoute[]

export function isGitDataRoute(route: string): route is GitDataRoute {
  return ROUTES.includes(route)
}

/**
 * How a protected branch refuses a ref update: `pull-request`, as a branch protection rule
 * that requires pull requests (422); `ruleset`, as a repository ruleset (409).
 */
export type BranchProtection = 'pull-request' | 'ruleset'

export interface GitDataOptions {
  /** The bare repository GitHub's git database is. */
  readonly gitDir: string
  /** Branches whose updates through the API are refused, and how. */
  readonly protectedBranches?: Readonly<Record<string, BranchProtection>>
}

/** An answer, before the server checks it against the contract and sends it. */
export interface GitDataReply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Record<string, string>
}

interface Context {
  readonly actor: { readonly login: string; readonly kind: 'app' | 'user' }
  /** `http://127.0.0.1:port/repos/owner/repo`. */
  readonly repoApi: () => string
  /** `https://github.com/owner/repo`. */
  readonly web: string
  readonly now: () => string
  /** Records a request the real API would take that this server cannot carry out. */
  readonly unsupported: (route: GitDataRoute, message: string) => void
}

const DOCS = 'https://docs.github.com/rest/git'
const ZERO = '0'.repeat(40)
interface Person {
  readonly name?: string
  readonly email?: string
  readonly date?: string
}
const GITHUB: Person = { name: 'GitHub', email: 'noreply@github.com' }

export function createGitData(options: GitDataOptions | undefined, context: Context) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' }
  const git = (args: readonly string[], extra: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): string =>
    execFileSync('git', ['--git-dir', options!.gitDir, ...args], {
      env: { ...env, ...extra.env },
      encoding: 'utf8',
      input: extra.input ?? '',
      stdio: ['pipe', 'pipe', 'pipe']
    }).trim()
  const tryGit = (args: readonly string[], extra: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): string | null => {
    try {
      return git(args, extra)
    } catch {
      return null
    }
  }
  const typeOf = (sha: unknown) => (typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? tryGit(['cat-file', '-t', sha]) : null)
  const invalid = (message: string): GitDataReply => ({ status: 422, body: { message, documentation_url: DOCS } })
  const notFound = (): GitDataReply => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } })
  const api = context.repoApi

  /** The token's account, as GitHub makes it the author of a commit that names none. */
  const account = (): Required<Pick<Person, 'name' | 'email'>> & Person => ({
    name: context.actor.login,
    email:
      context.actor.kind === 'app'
        ? `41898282+${context.actor.login}@users.noreply.github.com`
        : `${context.actor.login}@users.noreply.github.com`
  })

  const renderRef = (ref: string) => {
    const sha = git(['rev-parse', '--verify', ref])
    const type = git(['cat-file', '-t', sha])
    return {
      ref,
      node_id: `REF_${Buffer.from(ref).toString('base64')}`,
      url: `${api()}/git/${ref}`,
      object: { type, sha, url: `${api()}/git/${type}s/${sha}` }
    }
  }

  const person = (sha: string, who: 'a' | 'c') => {
    const [name = '', email = '', date = ''] = git(['log', '-1', `--format=%${who}n%x00%${who}e%x00%${who}I`, sha]).split('\0')
    return { name, email, date: new Date(date).toISOString().replace('.000Z', 'Z') }
  }

  function createTree(body: Record<string, unknown>): GitDataReply {
    const base = body['base_tree'] as string | undefined
    if (base !== undefined && typeOf(base) !== 'tree') return invalid('base_tree is not a valid tree oid')
    const lines: string[] = []
    for (const entry of body['tree'] as Record<string, unknown>[]) {
      const { path, mode, type } = entry as { path?: string; mode?: string; type?: string }
      if (!path || !mode || !type) return invalid('Must supply a valid tree.path, tree.mode and tree.type')
      if (type !== 'blob' || mode === '040000' || mode === '160000') {
        context.unsupported(
          'POST /repos/{owner}/{repo}/git/trees',
          `entries of type ${type} (mode ${mode}) are not supported by this server`
        )
        return invalid('tree entries other than blobs are not supported here')
      }
      if ('content' in entry && 'sha' in entry) return invalid('Must supply either tree.sha or tree.content, not both')
      if (entry['sha'] === null) {
        lines.push(`0 ${ZERO}\t${path}`)
        continue
      }
      const sha =
        typeof entry['content'] === 'string'
          ? git(['hash-object', '-w', '--no-filters', '--stdin'], { input: entry['content'] })
          : (entry['sha'] as string | undefined)
      if (typeOf(sha) !== 'blob') return invalid(`tree.sha ${String(sha)} is not a valid blob`)
      lines.push(`${mode} ${sha}\t${path}`)
    }
    const dir = mkdtempSync(join(tmpdir(), 'github-tree-'))
    try {
      const index = { GIT_INDEX_FILE: join(dir, 'index') }
      if (base !== undefined) git(['read-tree', base], { env: index })
      else git(['read-tree', '--empty'], { env: index })
      git(['update-index', '-z', '--index-info'], { env: index, input: lines.map((l) => `${l}\0`).join('') })
      const sha = git(['write-tree'], { env: index })
      const tree = git(['ls-tree', '-l', sha])
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [meta = '', path = ''] = line.split('\t')
          const [mode = '', type = '', oid = '', size = '-'] = meta.split(/\s+/)
          return {
            path,
            mode,
            type,
            sha: oid,
            ...(size !== '-' && { size: Number(size) }),
            url: `${api()}/git/${type}s/${oid}`
          }
        })
      return {
        status: 201,
        body: { sha, url: `${api()}/git/trees/${sha}`, truncated: false, tree },
        headers: { location: `${api()}/git/trees/${sha}` }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  function createCommit(body: Record<string, unknown>): GitDataReply {
    const tree = body['tree']
    if (typeOf(tree) !== 'tree') return invalid('Tree SHA does not exist')
    const parents = (body['parents'] as string[] | undefined) ?? []
    if (parents.some((p) => typeOf(p) !== 'commit')) return invalid('Parent SHA does not exist or is not a commit object')
    const given = (key: 'author' | 'committer') => body[key] as Person | undefined
    // GitHub signs a commit it makes for the token's account: one that names neither author nor committer.
    const signed = given('author') === undefined && given('committer') === undefined && body['signature'] === undefined
    const author = given('author') ?? account()
    const committer = given('committer') ?? (signed ? GITHUB : author)
    const identity = {
      GIT_AUTHOR_NAME: author.name ?? '',
      GIT_AUTHOR_EMAIL: author.email ?? '',
      GIT_COMMITTER_NAME: committer.name ?? '',
      GIT_COMMITTER_EMAIL: committer.email ?? '',
      ...(author.date && { GIT_AUTHOR_DATE: author.date }),
      ...(committer.date && { GIT_COMMITTER_DATE: committer.date })
    }
    const sha = git(['commit-tree', '--no-gpg-sign', ...parents.flatMap((p) => ['-p', p]), '-F', '-', tree as string], {
      env: identity,
      input: body['message'] as string
    })
    return { status: 201, body: renderCommit(sha, signed), headers: { location: `${api()}/git/commits/${sha}` } }
  }

  const renderCommit = (sha: string, signed: boolean) => ({
    sha,
    node_id: `C_${sha}`,
    url: `${api()}/git/commits/${sha}`,
    html_url: `${context.web}/commit/${sha}`,
    author: person(sha, 'a'),
    committer: person(sha, 'c'),
    message: git(['log', '-1', '--format=%B', sha]),
    tree: { sha: git(['rev-parse', `${sha}^{tree}`]), url: `${api()}/git/trees/${git(['rev-parse', `${sha}^{tree}`])}` },
    parents: git(['log', '-1', '--format=%P', sha])
      .split(' ')
      .filter(Boolean)
      .map((p) => ({ sha: p, url: `${api()}/git/commits/${p}`, html_url: `${context.web}/commit/${p}` })),
    verification: signed
      ? { verified: true, reason: 'valid', signature: null, payload: null, verified_at: context.now() }
      : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
  })

  function createTag(body: Record<string, unknown>): GitDataReply {
    const object = body['object'] as string
    const type = body['type'] as string
    if (typeOf(object) !== type) return invalid('Object does not exist')
    const tagger = (body['tagger'] as (Required<Pick<Person, 'name' | 'email'>> & Person) | undefined) ?? account()
    const epoch = Math.floor((tagger.date ? Date.parse(tagger.date) : Date.now()) / 1000)
    const message = body['message'] as string
    const text = `object ${object}\ntype ${type}\ntag ${body['tag'] as string}\ntagger ${tagger.name} <${tagger.email}> ${epoch} +0000\n\n${message}`
    const sha = tryGit(['mktag'], { input: text })
    if (sha === null) return invalid('Invalid tag')
    return {
      status: 201,
      body: {
        node_id: `TAG_${sha}`,
        tag: body['tag'],
        sha,
        url: `${api()}/git/tags/${sha}`,
        message,
        tagger: { name: tagger.name, email: tagger.email, date: new Date(epoch * 1000).toISOString().replace('.000Z', 'Z') },
        object: { sha: object, type, url: `${api()}/git/${type}s/${object}` },
        verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null }
      },
      headers: { location: `${api()}/git/tags/${sha}` }
    }
  }

  function createRef(body: Record<string, unknown>): GitDataReply {
    const ref = body['ref'] as string
    if (!/^refs\/[^/]+\/.+/.test(ref) || tryGit(['check-ref-format', ref]) === null)
      return invalid("Reference name must start with 'refs/' and have at least two slashes.")
    if (typeOf(body['sha']) === null) return invalid('Object does not exist')
    // The empty old value: the ref must not exist yet.
    if (tryGit(['update-ref', ref, body['sha'] as string, '']) === null) return invalid('Reference already exists')
    return { status: 201, body: renderRef(ref), headers: { location: `${api()}/git/${ref}` } }
  }

  function updateRef(name: string, body: Record<string, unknown>): GitDataReply {
    const ref = `refs/${name}`
    const sha = body['sha'] as string
    const branch = name.startsWith('heads/') ? name.slice('heads/'.length) : null
    const protection = branch === null ? undefined : options?.protectedBranches?.[branch]
    if (protection === 'pull-request') return invalid('Changes must be made through a pull request.')
    if (protection === 'ruleset') {
      return {
        status: 409,
        body: {
          message: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n',
          documentation_url: DOCS,
          status: '409'
        }
      }
    }
    const current = tryGit(['rev-parse', '--verify', '--quiet', ref])
    if (current === null) return invalid('Reference does not exist')
    if (typeOf(sha) === null) return invalid('Object does not exist')
    if (body['force'] !== true && tryGit(['merge-base', '--is-ancestor', current, sha]) === null)
      return invalid('Update is not a fast forward')
    // The value read above as the old one: a ref that moved since fails, as GitHub's own compare-and-swap does.
    if (tryGit(['update-ref', ref, sha, current]) === null) return invalid('Update is not a fast forward')
    return { status: 200, body: renderRef(ref) }
  }

  return (route: GitDataRoute, params: Record<string, string | number>, body: unknown): GitDataReply => {
    if (!options) {
      context.unsupported(route, 'the server was started without a gitDir')
      return notFound()
    }
    const input = (body ?? {}) as Record<string, unknown>
    switch (route) {
      case 'POST /repos/{owner}/{repo}/git/blobs': {
        const content = input['content'] as string
        const bytes = input['encoding'] === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8')
        const sha = git(['hash-object', '-w', '--no-filters', '--stdin'], { input: bytes })
        return { status: 201, body: { url: `${api()}/git/blobs/${sha}`, sha }, headers: { location: `${api()}/git/blobs/${sha}` } }
      }
      case 'POST /repos/{owner}/{repo}/git/trees':
        return createTree(input)
      case 'POST /repos/{owner}/{repo}/git/commits':
        return createCommit(input)
      case 'POST /repos/{owner}/{repo}/git/tags':
        return createTag(input)
      case 'POST /repos/{owner}/{repo}/git/refs':
        return createRef(input)
      case 'PATCH /repos/{owner}/{repo}/git/refs/{ref}':
        return updateRef(String(params['ref']), input)
      case 'GET /repos/{owner}/{repo}/git/ref/{ref}': {
        const ref = `refs/${String(params['ref'])}`
        return tryGit(['rev-parse', '--verify', '--quiet', ref]) === null ? notFound() : { status: 200, body: renderRef(ref) }
      }
    }
  }
}
