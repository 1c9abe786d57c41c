import type { GitHubApi } from './api.js'
import { createGitHubApi } from './client.js'
import { createGitDataApi, type GitDataApi } from './git-data.js'

/** The workflow's GitHub: the repository, the API and the web address, from its variables. */
export interface GitHubEnvironment {
  /** owner/repo, or null outside a workflow. */
  readonly repository: string | null
  readonly apiUrl: string
  /** https://github.com/owner/repo (or the Enterprise Server's), or null. */
  readonly repositoryUrl: string | null
}

export function readGitHubEnvironment(env: NodeJS.ProcessEnv): GitHubEnvironment {
  const repository = env.GITHUB_REPOSITORY || null
  return {
    repository,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    repositoryUrl: repository ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}` : null
  }
}

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
