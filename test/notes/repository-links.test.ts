import { describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import {
  linkCommit,
  linkCommits,
  linkCompare,
  linkReference,
  parseRepositoryUrl,
  type Repository
} from '../../src/notes/repository-links.js'
import { REPOSITORY_URL } from './plans.js'

const GITHUB: Repository = { url: REPOSITORY_URL, origin: 'https://github.com' }
const ENTERPRISE: Repository = { url: 'https://ghe.example.com/team/app', origin: 'https://ghe.example.com' }

describe('parseRepositoryUrl', () => {
  it.each([
    ['github.com', 'https://github.com/octo-org/octo-repo', GITHUB],
    ['a trailing slash', 'https://github.com/octo-org/octo-repo/', GITHUB],
    ['several trailing slashes', 'https://github.com/octo-org/octo-repo///', GITHUB],
    ['a .git suffix', 'https://github.com/octo-org/octo-repo.git', GITHUB],
    ['a .git suffix and a slash', 'https://github.com/octo-org/octo-repo.git/', GITHUB],
    ['white space around it', '  https://github.com/octo-org/octo-repo\n', GITHUB],
    ['an upper-case host', 'https://GitHub.COM/octo-org/octo-repo', GITHUB],
    ['the default port', 'https://github.com:443/octo-org/octo-repo', GITHUB],
    ['an empty fragment', 'https://github.com/octo-org/octo-repo#', GITHUB],
    ['GitHub Enterprise', 'https://ghe.example.com/team/app', ENTERPRISE],
    ['GitHub Enterprise with .git/', 'https://ghe.example.com/team/app.git/', ENTERPRISE],
    [
      'GitHub Enterprise on a port',
      'https://ghe.example.com:8443/team/app',
      { url: 'https://ghe.example.com:8443/team/app', origin: 'https://ghe.example.com:8443' }
    ],
    ['plain http', 'http://ghe.internal/team/app', { url: 'http://ghe.internal/team/app', origin: 'http://ghe.internal' }],
    [
      'a repository named with dots',
      'https://github.com/octo/my.repo.js',
      { url: 'https://github.com/octo/my.repo.js', origin: 'https://github.com' }
    ]
  ])('reads %s', (_, text, expected) => {
    expect(parseRepositoryUrl(text)).toEqual(expected)
  })

  // A checkout's remote may carry a token: it must never reach the release notes.
  it('drops credentials from the URL', () => {
    expect(parseRepositoryUrl('https://x-access-token:ghs_secret@github.com/octo-org/octo-repo.git')).toEqual(GITHUB)
  })

  it('keeps only one .git suffix off', () => {
    expect(parseRepositoryUrl('https://github.com/octo/app.git.git').url).toBe('https://github.com/octo/app.git')
  })

  it.each([
    ['no scheme', 'github.com/octo-org/octo-repo'],
    ['an scp-style remote', 'git@github.com:octo-org/octo-repo.git'],
    ['ssh', 'ssh://git@github.com/octo-org/octo-repo.git'],
    ['ftp', 'ftp://github.com/octo-org/octo-repo'],
    ['git', 'git://github.com/octo-org/octo-repo'],
    ['a file URL', 'file:///srv/git/octo-repo'],
    ['an owner only', 'https://github.com/octo-org'],
    ['a host only', 'https://github.com'],
    ['a host and a slash', 'https://github.com/'],
    ['a path into the repository', 'https://github.com/octo-org/octo-repo/tree/main'],
    ['an empty owner', 'https://github.com//octo-repo'],
    ['an empty segment', 'https://github.com/octo-org//octo-repo'],
    ['only .git as the repository', 'https://github.com/octo-org/.git'],
    ['a query', 'https://github.com/octo-org/octo-repo?tab=readme'],
    ['a fragment', 'https://github.com/octo-org/octo-repo#readme'],
    ['nothing', ''],
    ['white space', '   '],
    ['words', 'not a url']
  ])('rejects %s, naming the expected form', (_, text) => {
    let error: unknown
    try {
      parseRepositoryUrl(text)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(VersoError)
    expect(error).toMatchObject({
      code: 'EUSAGE',
      message: `Invalid repository URL '${text}'. Expected https://<host>/<owner>/<repo>, e.g. https://github.com/octo-org/octo-repo.`
    })
  })
})

describe('linkCommit', () => {
  it('links the full sha under the repository', () => {
    const sha = 'c0ffee'.padEnd(40, '0')
    expect(linkCommit(GITHUB, sha)).toBe(`${REPOSITORY_URL}/commit/${sha}`)
    expect(linkCommit(ENTERPRISE, 'abc1234')).toBe('https://ghe.example.com/team/app/commit/abc1234')
  })

  it('links what parseRepositoryUrl read, without the .git or the slash', () => {
    expect(linkCommit(parseRepositoryUrl('https://github.com/octo-org/octo-repo.git/'), 'abc1234')).toBe(`${REPOSITORY_URL}/commit/abc1234`)
  })
})

describe('linkCompare', () => {
  it.each([
    ['two plain tags', 'v1.2.3', 'v1.3.0', 'v1.2.3...v1.3.0'],
    ['prereleases', 'v1.3.0-rc.0', 'v1.3.0-rc.1', 'v1.3.0-rc.0...v1.3.0-rc.1'],
    ['build metadata, whose + would read as a space', 'v1.0.0+build.1', 'v1.0.1+build.2', 'v1.0.0%2Bbuild.1...v1.0.1%2Bbuild.2'],
    ['a prefix with a slash, kept as a separator', 'release/1.2.3', 'release/1.2.4', 'release/1.2.3...release/1.2.4'],
    ['characters a URL cannot hold', 'v1 #1', 'v2?x', 'v1%20%231...v2%3Fx'],
    ['non-ASCII characters', 'ü1.0.0', 'ü1.1.0', '%C3%BC1.0.0...%C3%BC1.1.0']
  ])('compares %s', (_, from, to, path) => {
    expect(linkCompare(GITHUB, from, to)).toBe(`${REPOSITORY_URL}/compare/${path}`)
  })

  it('compares on the Enterprise host', () => {
    expect(linkCompare(ENTERPRISE, 'v1.2.3', 'v1.2.4')).toBe('https://ghe.example.com/team/app/compare/v1.2.3...v1.2.4')
  })
})

describe('linkCommits', () => {
  it('lists every commit up to a tag, encoded like a compare link', () => {
    expect(linkCommits(GITHUB, 'v0.1.0')).toBe(`${REPOSITORY_URL}/commits/v0.1.0`)
    expect(linkCommits(GITHUB, 'release/1.0.0+b')).toBe(`${REPOSITORY_URL}/commits/release/1.0.0%2Bb`)
  })
})

describe('linkReference', () => {
  it.each([
    ['an issue of this repository', GITHUB, '#12', `${REPOSITORY_URL}/issues/12`],
    ['another repository on the same host', GITHUB, 'octo-org/other#5', 'https://github.com/octo-org/other/issues/5'],
    ['an issue on Enterprise', ENTERPRISE, '#8', 'https://ghe.example.com/team/app/issues/8'],
    ['another repository on Enterprise', ENTERPRISE, 'platform/core#77', 'https://ghe.example.com/platform/core/issues/77']
  ])('links %s', (_, repository, reference, url) => {
    expect(linkReference(repository, reference)).toBe(url)
  })

  it.each(['GH-12', 'foo#1a', '12', '#', 'a/b/c#1', ' #12', 'https://github.com/octo-org/octo-repo/issues/5', '@octocat'])(
    'links nothing for %j',
    (reference) => {
      expect(linkReference(GITHUB, reference)).toBeNull()
    }
  )
})
