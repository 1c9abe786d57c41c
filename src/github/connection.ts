import type { GitHubApi } from './api.js'
import { createGitHubApi } from './client.js'
import { createGitDataApi, type GitDataApi } from './git-data.js'
import type { GitHubEnvironment } from './environment.js'

// Apart from the environment: the client is most of the bundle, and only runs that talk to
// GitHub load it (it reads the workflow's event as it loads).

/** The API for the workflow's repository, or null without a token or a repository. */
export function connectGitHub(token: string, github: GitHubEnvironment, log: (message: string) => void): GitHubApi | null {
  if (!token || !github.repository) return null
  return createGitHubApi({ token, repository: github.repository, apiUrl: github.apiUrl, userAgent: 'verso', log })
}

/** The git database of the workflow's repository (for `commit-via: api`), or null without a token or a repository. */
export function connectGitData(token: string, github: GitHubEnvironment, log: (message: string) => void): GitDataApi | null {
  if (!token || !github.repository) return null
  return createGitDataApi({ token, repository: github.repository, apiUrl: github.apiUrl, userAgent: 'verso', log })
}
