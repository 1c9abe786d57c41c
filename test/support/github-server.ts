/**
 * A local GitHub REST API for tests: an HTTP server on 127.0.0.1 with in-memory releases,
 * issue comments, pull request commits, workflow dispatches and the token's own account, for the operations in
 * test/fixtures/github-rest/operations.json (extracted from GitHub's OpenAPI description by
 * scripts/extract-github-rest.mjs).
 *
 * It checks every request and every response it sends against that contract. A request the
 * real API would reject is answered 422 (or 400/401/404) as GitHub would, and also recorded
 * in `violations`, so a test fails even when the client swallows the error. Responses are
 * checked too, so the fake cannot hand the client something the real API never would.
 * Objects are closed: an unknown field in a request body, query or response is a violation.
 * GitHub ignores unknown body fields, which is exactly why a misspelt one must fail here.
 *
 * Faults a real network and GitHub produce are injected here too, never in the client: an
 * answer outside the contract (`failNext`), a body that is not JSON (`rawNext`), and a
 * connection closed after the request was carried out (`dropNext`).
 */
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { execFileSync } from 'node:child_process'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { renderPull, type FakePull } from './github-pulls.js'

export type { FakePull } from './github-pulls.js'
import { createGitData, isGitDataRoute, type GitDataOptions, type GitDataRoute } from './github-git-data.js'

export type Route =
  | 'GET /repos/{owner}/{repo}/releases/tags/{tag}'
  | 'POST /repos/{owner}/{repo}/releases'
  | 'PATCH /repos/{owner}/{repo}/releases/{release_id}'
  | 'DELETE /repos/{owner}/{repo}/releases/{release_id}'
  | 'GET /repos/{owner}/{repo}/releases/latest'
  | 'GET /repos/{owner}/{repo}/releases'
  | 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'
  | 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
  | 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
  | 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
  | 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits'
  | 'GET /user'
  | 'GET /repos/{owner}/{repo}/pulls'
  | 'POST /repos/{owner}/{repo}/pulls'
  | 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}'
  | GitDataRoute

/**
 * Whom the token acts as. An app's installation token (GITHUB_TOKEN is one, of the GitHub
 * Actions app) writes as `<app>[bot]` and is refused GET /user; a user's token writes as that user.
 */
export interface Actor {
  readonly login: string
  readonly kind: 'app' | 'user'
}

export interface FakeRelease {
  id: number
  tag_name: string
  target_commitish: string
  name: string | null
  body: string | null
  draft: boolean
  prerelease: boolean
  created_at: string
  published_at: string | null
}
export interface FakeComment {
  id: number
  issue: number
  body: string
  login: string
  created_at: string
  updated_at: string
}
export interface FakeCommit {
  sha: string
  message: string
  parents: string[]
}
export interface FakeDispatch {
  workflow: string
  ref: string
  inputs: Record<string, unknown>
}

export interface GitHubState {
  readonly owner: string
  readonly repo: string
  releases: FakeRelease[]
  /** The release GET /releases/latest answers with (GitHub tracks it through make_latest). */
  latestReleaseId: number | null
  comments: FakeComment[]
  pullCommits: Map<number, FakeCommit[]>
  dispatches: FakeDispatch[]
  pulls: FakePull[]
}

export interface RecordedRequest {
  readonly method: string
  /** Path and query, as sent. */
  readonly path: string
  readonly route: Route | null
  readonly body: unknown
  /** What was answered; 0 when the connection was closed without an answer (`dropNext`). */
  readonly status: number
  readonly userAgent: string | undefined
  readonly authorization: string | undefined
}

export interface Violation {
  readonly route: string
  readonly where: 'auth' | 'path' | 'query' | 'body' | 'response'
  readonly message: string
}

export interface GitHubServer {
  /** The API base URL to give the client (what GITHUB_API_URL is in a workflow). */
  readonly url: string
  readonly state: GitHubState
  readonly requests: RecordedRequest[]
  readonly violations: Violation[]
  /**
   * The next valid request to `route` gets this answer instead (5xx, 403 with retry-after, 422…);
   * calls queue up in order, shared with rawNext and dropNext. Injected answers are sent as
   * given, outside the contract.
   */
  failNext(route: Route, status: number, body?: unknown, headers?: Record<string, string>): void
  /**
   * The next valid request to `route` gets `text` as its body, as a proxy or a gateway might
   * send it in GitHub's place (an HTML page, an empty body), with the headers given (no content-type unless given).
   */
  rawNext(route: Route, status: number, text: string, headers?: Record<string, string>): void
  /**
   * The next valid request to `route` is carried out, then its connection is closed before any
   * answer: a request that took effect although the client saw only a network error.
   */
  dropNext(route: Route): void
  addRelease(fields: Partial<FakeRelease> & { tag_name: string }): FakeRelease
  addComments(issue: number, bodies: readonly string[], login?: string): FakeComment[]
  /** What GitHub does when a pull request is merged by hand or by auto-merge: it is closed, merged at `sha`. */
  mergePull(number: number, sha: string): FakePull
  close(): Promise<void>
}

interface ContractFile {
  source: { package: string; version: string }
  operations: {
    method: string
    path: string
    operationId: string
    parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: Schema }[]
    requestBody: { required: boolean; schema: Schema } | null
    responses: Record<string, { schema: Schema | null; headers: string[] }>
  }[]
}
type Schema = { [key: string]: unknown }

interface Contract {
  readonly route: Route
  readonly method: string
  readonly pattern: RegExp
  readonly pathNames: readonly string[]
  readonly integerParams: ReadonlySet<string>
  readonly path: ValidateFunction
  readonly query: ValidateFunction
  readonly body: { required: boolean; validate: ValidateFunction } | null
  readonly responses: ReadonlyMap<number, ValidateFunction | null>
}

export const contractFile = JSON.parse(
  readFileSync(new URL('../fixtures/github-rest/operations.json', import.meta.url), 'utf8')
) as ContractFile

const DOCS = 'https://docs.github.com/rest'

const ajv = new Ajv2020({
  allErrors: true,
  allowUnionTypes: true,
  formats: {
    'date-time': (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)),
    uri: (s: string) => URL.canParse(s),
    // What an address needs to be one at all; GitHub's own rules for e-mail addresses are not published.
    email: (s: string) => /^[^\s@]+@[^\s@]+$/.test(s),
    int64: { type: 'number', validate: (n: number) => Number.isSafeInteger(n) },
    // A repository's "name with owner": owner/repo.
    'repo.nwo': (s: string) => /^[\w.-]+\/[\w.-]+$/.test(s)
  }
})

// A GitHub error body (basic-error) for statuses the description does not list for an operation.
const validateBasicError = ajv.compile({
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: { message: { type: 'string' }, documentation_url: { type: 'string' }, status: { type: 'string' } }
})

/** Every object that lists its properties forbids others, unless the description says otherwise. */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects)
  if (schema === null || typeof schema !== 'object') return schema
  const out = Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === 'properties'
        ? [key, Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, closeObjects(v)]))]
        : [key, closeObjects(value)]
    )
  ) as Schema
  if ('properties' in out && !('additionalProperties' in out)) out['additionalProperties'] = false
  return out
}

function compileContracts(): Contract[] {
  return contractFile.operations.map((op) => {
    const params = (where: 'path' | 'query') => {
      const list = op.parameters.filter((p) => p.in === where)
      return ajv.compile(
        closeObjects({
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [p.name, p.schema])),
          required: list.filter((p) => p.required).map((p) => p.name)
        }) as Schema
      )
    }
    const responses = new Map(
      Object.entries(op.responses).map(([status, r]) => [Number(status), r.schema && ajv.compile(closeObjects(r.schema) as Schema)])
    )
    return {
      route: `${op.method} ${op.path}` as Route,
      method: op.method,
      // A git ref's name holds slashes (heads/main), sent as they are or percent-encoded.
      pattern: new RegExp(`^${op.path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'ref' ? '(.+)' : '([^/]+)'))}$`),
      pathNames: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
      integerParams: new Set(op.parameters.filter((p) => p.schema['type'] === 'integer').map((p) => p.name)),
      path: params('path'),
      query: params('query'),
      body: op.requestBody && { required: op.requestBody.required, validate: ajv.compile(closeObjects(op.requestBody.schema) as Schema) },
      responses
    }
  })
}

const contracts = compileContracts()

class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown = undefined,
    readonly headers: Record<string, string> = {},
    readonly checked = true,
    /** Sent as it is instead of the body's JSON. */
    readonly raw?: string
  ) {}
}

/** Carried out, then the connection closed without an answer. */
const DROP = new Reply(0, undefined, {}, false)

/** Ajv's errors with the offending names and values, which errorsText leaves out. */
function describe(validate: ValidateFunction, where: string): string {
  return (validate.errors ?? [])
    .map(
      (e) => `${where}${e.instancePath} ${e.message ?? 'is invalid'}${Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`
    )
    .join('; ')
}

const notFound = () => new Reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })

export async function startGitHubServer(
  options: {
    owner?: string
    repo?: string
    token?: string
    actor?: Actor
    /** The bare repository that is the remote: where a pull request's branches are read. */
    gitDir?: string
    /** The bare repository the git database routes (trees, commits, tags, refs) read and write; see github-git-data.ts. */
    gitData?: GitDataOptions
  } = {}
): Promise<GitHubServer> {
  const actor: Actor = options.actor ?? { login: 'github-actions[bot]', kind: 'app' }
  const state: GitHubState = {
    owner: options.owner ?? 'octo-org',
    repo: options.repo ?? 'hello-world',
    releases: [],
    latestReleaseId: null,
    comments: [],
    pullCommits: new Map(),
    dispatches: [],
    pulls: []
  }
  const requests: RecordedRequest[] = []
  const violations: Violation[] = []
  const failures = new Map<Route, (Reply | 'drop')[]>()
  const inject = (route: Route, fault: Reply | 'drop') => failures.set(route, [...(failures.get(route) ?? []), fault])
  let nextId = 1000
  let nextPull = 1
  let ticks = 0
  // A clock of its own keeps responses identical from run to run.
  const now = () => new Date(Date.UTC(2024, 0, 1) + ticks++ * 1000).toISOString().replace('.000Z', 'Z')

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let route: Route | null = null
      let body: unknown = undefined
      const reply = ((): Reply => {
        const url = new URL(req.url ?? '/', base)
        const contract = contracts.find((c) => c.method === req.method && c.pattern.test(url.pathname))
        if (!contract) {
          violations.push({ route: `${req.method} ${url.pathname}`, where: 'path', message: 'not an operation of the contract' })
          return notFound()
        }
        route = contract.route
        const refusal = checkHeaders(req, route)
        if (refusal) return refusal
        if (raw !== '') {
          try {
            body = JSON.parse(raw)
          } catch {
            violations.push({ route, where: 'body', message: 'not JSON' })
            return new Reply(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' })
          }
        }
        const params = matchPath(contract, url.pathname)
        const invalid = checkRequest(contract, params, url.searchParams, body)
        if (invalid) return invalid
        const injected = failures.get(route)?.shift()
        if (injected === 'drop') {
          handle(route, params, url, body)
          return DROP
        }
        if (injected) return injected
        return handle(route, params, url, body)
      })()
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        route,
        body,
        status: reply.status,
        userAgent: req.headers['user-agent'],
        authorization: req.headers.authorization
      })
      if (reply === DROP) res.socket?.destroy()
      else send(res, route, reply)
    })
  })

  function checkHeaders(req: IncomingMessage, route: Route): Reply | null {
    const auth = req.headers.authorization
    if (!auth || !/^(token|Bearer) \S+$/.test(auth)) {
      violations.push({ route, where: 'auth', message: 'no Authorization: token … or Bearer … header' })
      return new Reply(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' })
    }
    if (options.token !== undefined && auth.split(' ')[1] !== options.token)
      return new Reply(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
    if (!req.headers['user-agent']) {
      violations.push({ route, where: 'auth', message: 'no User-Agent header (GitHub rejects such requests)' })
      return new Reply(403, {
        message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.',
        documentation_url: DOCS,
        status: '403'
      })
    }
    return null
  }

  function checkRequest(contract: Contract, params: Record<string, string | number>, query: URLSearchParams, body: unknown): Reply | null {
    const queryValues = Object.fromEntries(
      [...query].map(([k, v]) => [k, contract.integerParams.has(k) && /^-?\d+$/.test(v) ? Number(v) : v])
    )
    const problems: [Violation['where'], ValidateFunction, unknown][] = [
      ['path', contract.path, params],
      ['query', contract.query, queryValues]
    ]
    if (contract.body && (body !== undefined || contract.body.required)) problems.push(['body', contract.body.validate, body])
    else if (!contract.body && body !== undefined)
      violations.push({ route: contract.route, where: 'body', message: 'this operation takes no body' })
    for (const [where, validate, value] of problems) {
      if (validate(value)) continue
      const message = describe(validate, where)
      violations.push({ route: contract.route, where, message })
      return where === 'path' ? notFound() : new Reply(422, { message: `Invalid request.\n\n${message}`, documentation_url: DOCS })
    }
    return null
  }

  function send(res: ServerResponse, route: Route | null, reply: Reply): void {
    const contract = contracts.find((c) => c.route === route)
    if (contract && reply.checked) {
      const validate = contract.responses.has(reply.status)
        ? contract.responses.get(reply.status)
        : reply.status >= 400
          ? validateBasicError
          : undefined
      if (validate === undefined)
        violations.push({ route: contract.route, where: 'response', message: `status ${reply.status} is not in the contract` })
      else if (validate === null ? reply.body !== undefined : !validate(reply.body)) {
        violations.push({
          route: contract.route,
          where: 'response',
          message: validate ? describe(validate, 'response') : 'a body where none is documented'
        })
      }
    }
    const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
    res.writeHead(reply.status, {
      ...(text && reply.raw === undefined && { 'content-type': 'application/json; charset=utf-8' }),
      'x-github-request-id': `TEST:${requests.length}`,
      ...reply.headers
    })
    res.end(text)
  }

  function matchPath(contract: Contract, pathname: string): Record<string, string | number> {
    const values = contract.pattern.exec(pathname)!.slice(1)
    return Object.fromEntries(
      contract.pathNames.map((name, i) => {
        const value = decodeURIComponent(values[i]!)
        return [name, contract.integerParams.has(name) && /^-?\d+$/.test(value) ? Number(value) : value]
      })
    )
  }

  function handle(route: Route, params: Record<string, string | number>, url: URL, body: unknown): Reply {
    const input = (body ?? {}) as Record<string, unknown>
    if ('owner' in params && (params['owner'] !== state.owner || params['repo'] !== state.repo)) return notFound()
    if (isGitDataRoute(route)) {
      const reply = gitData(route, params, body)
      return new Reply(reply.status, reply.body, reply.headers)
    }
    switch (route) {
      case 'GET /repos/{owner}/{repo}/releases/tags/{tag}': {
        // Drafts have no tag yet, so GitHub does not find them by tag.
        const release = state.releases.find((r) => r.tag_name === params['tag'] && !r.draft)
        return release ? new Reply(200, renderRelease(release)) : notFound()
      }
      case 'GET /repos/{owner}/{repo}/releases/latest': {
        const release = state.releases.find((r) => r.id === state.latestReleaseId)
        return release ? new Reply(200, renderRelease(release)) : notFound()
      }
      case 'GET /repos/{owner}/{repo}/releases':
        // Newest first, drafts included: GitHub lists drafts to tokens with push access, as
        // verso's is (a read-only token sees published releases only).
        return paginate(url, [...state.releases].sort(newestFirst).map(renderRelease))
      case 'POST /repos/{owner}/{repo}/releases': {
        const tag = input['tag_name'] as string
        const draft = input['draft'] === true
        if (!draft && state.releases.some((r) => r.tag_name === tag && !r.draft)) {
          return new Reply(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
            documentation_url: DOCS
          })
        }
        const release = api.addRelease({
          tag_name: tag,
          target_commitish: (input['target_commitish'] as string | undefined) ?? 'main',
          name: (input['name'] as string | undefined) ?? null,
          body: (input['body'] as string | undefined) ?? null,
          draft,
          prerelease: input['prerelease'] === true
        })
        applyMakeLatest(release, (input['make_latest'] as string | undefined) ?? 'true')
        return new Reply(201, renderRelease(release), { location: `${base}/repos/${state.owner}/${state.repo}/releases/${release.id}` })
      }
      case 'PATCH /repos/{owner}/{repo}/releases/{release_id}': {
        const release = state.releases.find((r) => r.id === params['release_id'])
        if (!release) return notFound()
        const wasDraft = release.draft
        for (const key of ['tag_name', 'target_commitish', 'name', 'body', 'draft', 'prerelease'] as const) {
          if (key in input) Object.assign(release, { [key]: input[key] })
        }
        if (!release.draft) release.published_at ??= now()
        // make_latest "defaults to true for newly published releases": a draft being published is one.
        const makeLatest = typeof input['make_latest'] === 'string' ? input['make_latest'] : wasDraft && !release.draft ? 'true' : null
        if (makeLatest !== null) applyMakeLatest(release, makeLatest)
        return new Reply(200, renderRelease(release))
      }
      case 'DELETE /repos/{owner}/{repo}/releases/{release_id}': {
        const index = state.releases.findIndex((r) => r.id === params['release_id'])
        if (index < 0) return notFound()
        const [release] = state.releases.splice(index, 1)
        if (state.latestReleaseId === release!.id) state.latestReleaseId = null
        return new Reply(204)
      }
      case 'GET /user':
        // An installation token belongs to no user: GitHub refuses it this route.
        return actor.kind === 'app'
          ? new Reply(403, {
              message: 'Resource not accessible by integration',
              documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
              status: '403'
            })
          : new Reply(200, renderAccount(actor.login))
      case 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches': {
        state.dispatches.push({
          workflow: String(params['workflow_id']),
          ref: input['ref'] as string,
          inputs: (input['inputs'] as Record<string, unknown> | undefined) ?? {}
        })
        if (input['return_run_details'] !== true) return new Reply(204)
        const run = nextId++
        return new Reply(200, {
          workflow_run_id: run,
          run_url: `${base}/repos/${state.owner}/${state.repo}/actions/runs/${run}`,
          html_url: `${web}/actions/runs/${run}`
        })
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return paginate(url, state.comments.filter((c) => c.issue === params['issue_number']).map(renderComment))
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const [comment] = api.addComments(params['issue_number'] as number, [input['body'] as string], actor.login)
        return new Reply(201, renderComment(comment!), {
          location: `${base}/repos/${state.owner}/${state.repo}/issues/comments/${comment!.id}`
        })
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const comment = state.comments.find((c) => c.id === params['comment_id'])
        if (!comment) return notFound()
        comment.body = input['body'] as string
        comment.updated_at = now()
        return new Reply(200, renderComment(comment))
      }
      case 'GET /repos/{owner}/{repo}/pulls': {
        const wanted = url.searchParams.get('state') ?? 'open'
        const head = url.searchParams.get('head')
        const baseRef = url.searchParams.get('base')
        const found = state.pulls.filter(
          (p) =>
            (wanted === 'all' || p.state === wanted) &&
            (head === null || `${state.owner}:${p.head}` === head) &&
            (baseRef === null || p.base === baseRef)
        )
        return paginate(
          url,
          found.sort((a, b) => b.number - a.number).map((p) => renderPull(p, pullContext(), false))
        )
      }
      case 'POST /repos/{owner}/{repo}/pulls': {
        const head = input['head'] as string
        const baseRef = input['base'] as string
        const headSha = branchSha(head)
        const baseSha = branchSha(baseRef)
        if (headSha === null || baseSha === null) {
          return new Reply(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'PullRequest', field: headSha === null ? 'head' : 'base', code: 'invalid' }],
            documentation_url: DOCS
          })
        }
        if (state.pulls.some((p) => p.state === 'open' && p.head === head && p.base === baseRef)) {
          return new Reply(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${state.owner}:${head}.` }],
            documentation_url: DOCS
          })
        }
        const created = now()
        const pull: FakePull = {
          number: nextPull++,
          title: (input['title'] as string | undefined) ?? head,
          body: (input['body'] as string | undefined) ?? null,
          state: 'open',
          head,
          base: baseRef,
          headSha,
          baseSha,
          created_at: created,
          updated_at: created,
          closed_at: null,
          merged_at: null,
          merge_commit_sha: null
        }
        state.pulls.push(pull)
        return new Reply(201, renderPull(pull, pullContext(), true), {
          location: `${base}/repos/${state.owner}/${state.repo}/pulls/${pull.number}`
        })
      }
      case 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': {
        const pull = state.pulls.find((p) => p.number === params['pull_number'])
        if (!pull) return notFound()
        if (input['state'] === 'open' && pull.merged_at !== null) {
          return new Reply(422, {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'PullRequest',
                code: 'custom',
                field: 'state',
                message: 'state cannot be changed. The pull request has been merged.'
              }
            ],
            documentation_url: DOCS
          })
        }
        if (typeof input['title'] === 'string') pull.title = input['title']
        if (typeof input['body'] === 'string') pull.body = input['body']
        if (input['state'] === 'closed' && pull.state === 'open') {
          pull.state = 'closed'
          pull.closed_at = now()
        }
        if (input['state'] === 'open') {
          pull.state = 'open'
          pull.closed_at = null
        }
        pull.headSha = branchSha(pull.head) ?? pull.headSha
        pull.updated_at = now()
        return new Reply(200, renderPull(pull, pullContext(), true))
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits': {
        const commits = state.pullCommits.get(params['pull_number'] as number)
        return commits ? paginate(url, commits.map(renderCommit)) : notFound()
      }
    }
  }

  /** Where a branch of the remote is, or null when it has none (or the server was given no repository). */
  function branchSha(branch: string): string | null {
    const gitDir = options.gitDir ?? options.gitData?.gitDir
    if (gitDir === undefined) return '0'.repeat(40)
    try {
      return execFileSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
        cwd: gitDir,
        encoding: 'utf8'
      }).trim()
    } catch {
      return null
    }
  }

  function pullContext() {
    return { base, owner: state.owner, repo: state.repo, user, login: actor.login }
  }

  /** GitHub's order for the list of releases: the newest first. */
  function newestFirst(a: FakeRelease, b: FakeRelease): number {
    return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id
  }

  /** A published, non-prerelease release becomes the latest unless asked not to. */
  function applyMakeLatest(release: FakeRelease, makeLatest: string): void {
    if (makeLatest !== 'false' && !release.draft && !release.prerelease) state.latestReleaseId = release.id
  }

  /** One page of a list, with a Link header like GitHub's (per_page is capped at 100). */
  function paginate(url: URL, items: unknown[]): Reply {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
    const page = Number(url.searchParams.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number, rel: string) => {
      const target = new URL(url)
      target.searchParams.set('per_page', String(perPage))
      target.searchParams.set('page', String(n))
      return `<${target.href}>; rel="${rel}"`
    }
    const links = [
      ...(page > 1 ? [link(page - 1, 'prev')] : []),
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first')] : [])
    ]
    return new Reply(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {})
  }

  const user = (login: string) => {
    const u = `${base}/users/${encodeURIComponent(login)}`
    return {
      login,
      id: 41898282,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
      gravatar_id: '',
      url: u,
      html_url: `https://github.com/${encodeURIComponent(login)}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false
    }
  }

  /** GET /user's answer for a user's token: the public profile (a token without the `user` scope sees no more). */
  function renderAccount(login: string) {
    return {
      ...user(login),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z'
    }
  }

  function renderRelease(r: FakeRelease) {
    const url = `${repoApi()}/releases/${r.id}`
    return {
      url,
      html_url: `${web}/releases/${r.draft ? `tag/untagged-${r.id}` : `tag/${encodeURIComponent(r.tag_name)}`}`,
      assets_url: `${url}/assets`,
      upload_url: `https://uploads.github.com/repos/${state.owner}/${state.repo}/releases/${r.id}/assets{?name,label}`,
      tarball_url: r.draft ? null : `${repoApi()}/tarball/${r.tag_name}`,
      zipball_url: r.draft ? null : `${repoApi()}/zipball/${r.tag_name}`,
      id: r.id,
      node_id: `RE_${r.id}`,
      tag_name: r.tag_name,
      target_commitish: r.target_commitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      created_at: r.created_at,
      published_at: r.published_at,
      author: user(actor.login),
      assets: []
    }
  }

  function renderComment(c: FakeComment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${repoApi()}/issues/comments/${c.id}`,
      body: c.body,
      html_url: `${web}/pull/${c.issue}#issuecomment-${c.id}`,
      user: user(c.login),
      created_at: c.created_at,
      updated_at: c.updated_at,
      issue_url: `${repoApi()}/issues/${c.issue}`,
      author_association: 'NONE'
    }
  }

  function renderCommit(c: FakeCommit) {
    const person = { name: 'Test Author', email: 'author@example.com', date: '2024-01-01T00:00:00Z' }
    return {
      url: `${repoApi()}/commits/${c.sha}`,
      sha: c.sha,
      node_id: `C_${c.sha}`,
      html_url: `${web}/commit/${c.sha}`,
      comments_url: `${repoApi()}/commits/${c.sha}/comments`,
      commit: {
        url: `${repoApi()}/git/commits/${c.sha}`,
        author: person,
        committer: person,
        message: c.message,
        comment_count: 0,
        tree: { sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904', url: `${repoApi()}/git/trees/4b825dc642cb6eb9a060e54bf8d69288fbee4904` }
      },
      author: null,
      committer: null,
      parents: c.parents.map((sha) => ({ sha, url: `${repoApi()}/commits/${sha}`, html_url: `${web}/commit/${sha}` }))
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const web = `https://github.com/${state.owner}/${state.repo}`
  const repoApi = () => `${base}/repos/${state.owner}/${state.repo}`
  const gitData = createGitData(options.gitData, {
    actor,
    repoApi,
    web,
    now,
    unsupported: (route, message) => violations.push({ route, where: 'body', message })
  })

  const api: GitHubServer = {
    url: base,
    state,
    requests,
    violations,
    failNext(route, status, body, headers = {}) {
      inject(route, new Reply(status, body ?? { message: `Injected failure ${status}`, documentation_url: DOCS }, headers, false))
    },
    rawNext(route, status, text, headers = {}) {
      inject(route, new Reply(status, undefined, headers, false, text))
    },
    dropNext(route) {
      inject(route, 'drop')
    },
    addRelease(fields) {
      const created = now()
      const release: FakeRelease = {
        id: nextId++,
        target_commitish: 'main',
        name: null,
        body: null,
        draft: false,
        prerelease: false,
        created_at: created,
        published_at: fields.draft ? null : created,
        ...fields
      }
      state.releases.push(release)
      return release
    },
    addComments(issue, bodies, login = 'octocat') {
      const comments = bodies.map((body) => ({ id: nextId++, issue, body, login, created_at: now(), updated_at: now() }))
      state.comments.push(...comments)
      return comments
    },
    mergePull(number, sha) {
      const pull = state.pulls.find((p) => p.number === number)
      if (!pull) throw new Error(`mergePull: there is no pull request #${number}`)
      const at = now()
      Object.assign(pull, { state: 'closed', closed_at: at, merged_at: at, merge_commit_sha: sha, updated_at: at })
      return pull
    },
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) return resolve()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
  return api
}
