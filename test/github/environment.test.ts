import { describe, expect, it } from 'vitest'
import { readGitHubEnvironment } from '../../src/github/environment.js'

describe('readGitHubEnvironment', () => {
  it('outside a workflow: no repository, github.com’s API', () => {
    expect(readGitHubEnvironment({})).toEqual({ repository: null, apiUrl: 'https://api.github.com', repositoryUrl: null })
  })

  it('on github.com: the repository and its page', () => {
    expect(readGitHubEnvironment({ GITHUB_REPOSITORY: 'octo-org/octo-repo' })).toEqual({
      repository: 'octo-org/octo-repo',
      apiUrl: 'https://api.github.com',
      repositoryUrl: 'https://github.com/octo-org/octo-repo'
    })
  })

  it('on GitHub Enterprise Server: its API and its pages', () => {
    const env = {
      GITHUB_REPOSITORY: 'platform/billing',
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_API_URL: 'https://github.example.com/api/v3'
    }
    expect(readGitHubEnvironment(env)).toEqual({
      repository: 'platform/billing',
      apiUrl: 'https://github.example.com/api/v3',
      repositoryUrl: 'https://github.example.com/platform/billing'
    })
  })

  it('on a GHE.com data-residency tenant: the api. subdomain and the tenant’s pages', () => {
    const env = {
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_SERVER_URL: 'https://octocorp.ghe.com',
      GITHUB_API_URL: 'https://api.octocorp.ghe.com'
    }
    expect(readGitHubEnvironment(env)).toMatchObject({
      apiUrl: 'https://api.octocorp.ghe.com',
      repositoryUrl: 'https://octocorp.ghe.com/octo-org/octo-repo'
    })
  })

  it('empty variables count as unset', () => {
    expect(readGitHubEnvironment({ GITHUB_REPOSITORY: '', GITHUB_SERVER_URL: '', GITHUB_API_URL: '' })).toEqual({
      repository: null,
      apiUrl: 'https://api.github.com',
      repositoryUrl: null
    })
    expect(readGitHubEnvironment({ GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: '' }).repositoryUrl).toBe('https://github.com/o/r')
  })

  it('a server URL without a repository gives no repository page', () => {
    expect(readGitHubEnvironment({ GITHUB_SERVER_URL: 'https://github.example.com' }).repositoryUrl).toBeNull()
  })
})
