export type { Comment, GitHubApi, NewRelease, Release, ReleaseChanges } from './api.js'
export { createGitHubApi, parseRepository, type GitHubApiOptions, type Pacing } from './client.js'
export { ReleaseExistsError } from './failures.js'
