import { afterEach, expect } from 'vitest'
import { createGitHubApi, type GitHubApiOptions } from '../../src/github/client.js'
import type { GitHubApi } from '../../src/github/api.js'
import { startGitHubServer, type Actor, type GitHubServer } from '../support/github-server.js'

export const TOKEN = 'ghs_test0123456789abcdefTOKEN'

const servers: GitHubServer[] = []
let checkViolations = true

// Every test ends with the contract intact, unless it broke it on purpose.
afterEach(async () => {
  const open = servers.splice(0)
  const strict = checkViolations
  checkViolations = true
  await Promise.all(open.map((s) => s.close()))
  if (strict) for (const s of open) expect(s.violations).toEqual([])
})

/** Tests that send invalid requests on purpose call this, then assert the violations themselves. */
export function expectViolations(): void {
  checkViolations = false
}

/**
 * A local GitHub and a client for it, with every wait shrunk to a millisecond. The token is an
 * app installation's, as GITHUB_TOKEN is, unless `actor` says whose it is.
 */
export async function connect(
  options: Partial<GitHubApiOptions> & { serverToken?: string; actor?: Actor } = {}
): Promise<{ server: GitHubServer; api: GitHubApi; logged: string[] }> {
  const { serverToken, actor, ...clientOptions } = options
  const server = await startGitHubServer({ ...(serverToken !== undefined && { token: serverToken }), ...(actor && { actor }) })
  servers.push(server)
  const logged: string[] = []
  const api = createGitHubApi({
    token: TOKEN,
    repository: `${server.state.owner}/${server.state.repo}`,
    apiUrl: server.url,
    userAgent: 'verso-test/0.0.0',
    pacing: { unitMs: 1, spaceWrites: false },
    log: (message) => logged.push(message),
    ...clientOptions
  })
  return { server, api, logged }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
