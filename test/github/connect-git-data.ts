import { afterEach, expect } from 'vitest'
import type { GitHubApi } from '../../src/github/api.js'
import { createGitHubApi } from '../../src/github/client.js'
import { createGitDataApi, type GitDataApi } from '../../src/github/git-data.js'
import type { GitDataOptions } from '../support/github-git-data.js'
import { startGitHubServer, type Actor, type GitHubServer } from '../support/github-server.js'
import { TOKEN } from './connect.js'

const servers: GitHubServer[] = []

// Every test ends with the contract intact.
afterEach(async () => {
  const open = servers.splice(0)
  await Promise.all(open.map((s) => s.close()))
  for (const s of open) expect(s.violations).toEqual([])
})

/** A local GitHub whose git database is the bare repository `gitDir`, and its two clients: git data and the rest. */
export async function connectGitData(
  gitData: GitDataOptions,
  options: { actor?: Actor } = {}
): Promise<{ server: GitHubServer; gitData: GitDataApi; api: GitHubApi; logged: string[] }> {
  const server = await startGitHubServer({ gitData, ...(options.actor && { actor: options.actor }) })
  servers.push(server)
  const logged: string[] = []
  const client = {
    token: TOKEN,
    repository: `${server.state.owner}/${server.state.repo}`,
    apiUrl: server.url,
    userAgent: 'verso-test/0.0.0',
    pacing: { unitMs: 1, spaceWrites: false },
    log: (message: string) => logged.push(message)
  }
  return { server, gitData: createGitDataApi(client), api: createGitHubApi(client), logged }
}
