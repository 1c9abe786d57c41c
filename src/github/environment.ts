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
