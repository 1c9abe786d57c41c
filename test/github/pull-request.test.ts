import { describe, expect, it } from 'vitest'
import { readPullRequest } from '../../src/github/pull-request.js'
import { eventPayload } from '../support/runner.js'

type Json = Record<string, unknown>

const sent = {
  number: 2,
  title: 'Update the README with new information.',
  baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
  baseRef: 'master',
  headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  headRef: 'changes',
  fork: false
}

/** A pull_request payload GitHub sent, changed through its pull_request object. */
function payload(change: (pr: Json) => void = () => {}, action = 'opened'): Json {
  return eventPayload('pull_request', (p) => change(p['pull_request'] as Json), action)
}

const side = (pr: Json, name: 'base' | 'head') => pr[name] as Json
const repoOf = (pr: Json, name: 'base' | 'head') => side(pr, name)['repo'] as Json

describe('readPullRequest over payloads GitHub sent', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review', 'labeled', 'closed'])('reads a pull_request %s payload', (action) => {
    expect(readPullRequest(payload(() => {}, action))).toEqual(sent)
  })

  // pull_request_target sends the same payload, for the base repository's workflow.
  it('reads a pull_request_target payload the same way', () => {
    const target = payload((pr) => {
      pr['number'] = 1347
      pr['title'] = 'feat(api): add export'
      side(pr, 'base')['sha'] = 'a'.repeat(40)
      side(pr, 'base')['ref'] = 'release/2.x'
      side(pr, 'head')['sha'] = 'b'.repeat(40)
    })
    expect(readPullRequest(target)).toEqual({
      number: 1347,
      title: 'feat(api): add export',
      baseSha: 'a'.repeat(40),
      baseRef: 'release/2.x',
      headSha: 'b'.repeat(40),
      headRef: 'changes',
      fork: false
    })
  })

  it('keeps the title exactly as written', () => {
    const title = '  feat!: drop Node 18  \nsecond line'
    expect(readPullRequest(payload((pr) => (pr['title'] = title)))?.title).toBe(title)
  })

  it('an empty title is still a pull request, for the check to report', () => {
    expect(readPullRequest(payload((pr) => (pr['title'] = '')))).toMatchObject({ number: 2, title: '' })
  })
})

describe('readPullRequest tells a fork', () => {
  it('a branch of the same repository is not a fork', () => {
    expect(readPullRequest(payload())?.fork).toBe(false)
  })

  it('a branch of another repository is a fork', () => {
    const fromFork = payload((pr) => {
      repoOf(pr, 'head')['full_name'] = 'contributor/Hello-World'
      repoOf(pr, 'head')['fork'] = true
    })
    expect(readPullRequest(fromFork)?.fork).toBe(true)
  })

  it('another repository is a fork even when it does not say it is one', () => {
    expect(readPullRequest(payload((pr) => (repoOf(pr, 'head')['full_name'] = 'contributor/Hello-World')))?.fork).toBe(true)
  })

  it('a head repository that was deleted (null) is a fork', () => {
    expect(readPullRequest(payload((pr) => (side(pr, 'head')['repo'] = null)))?.fork).toBe(true)
  })

  it('a head repository missing from the payload is a fork', () => {
    expect(readPullRequest(payload((pr) => delete side(pr, 'head')['repo']))?.fork).toBe(true)
  })

  // A repository that is itself a fork of an upstream has `fork: true` on its own pull
  // requests too; they come from the repository itself, whose token can comment.
  it('a branch of the same repository is not a fork, even when that repository is a fork of another', () => {
    const inForkedRepo = payload((pr) => {
      repoOf(pr, 'base')['fork'] = true
      repoOf(pr, 'head')['fork'] = true
    })
    expect(readPullRequest(inForkedRepo)?.fork).toBe(false)
  })
})

describe('readPullRequest of other payloads', () => {
  it.each([
    ['a push', eventPayload('push')],
    ['a workflow dispatch', eventPayload('workflow_dispatch')],
    ['an empty payload', {}],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'pull_request'],
    ['a number', 42],
    ['a pull_request of null', { pull_request: null }],
    ['a pull_request that is an array', { pull_request: [] }]
  ])('%s has no pull request', (_, value) => {
    expect(readPullRequest(value)).toBeNull()
  })

  it.each<[string, (pr: Json) => void]>([
    ['a number that is a string', (pr) => (pr['number'] = '2')],
    ['no number', (pr) => delete pr['number']],
    ['a title of null', (pr) => (pr['title'] = null)],
    ['no base', (pr) => delete pr['base']],
    ['no head', (pr) => delete pr['head']],
    ['no base sha', (pr) => delete side(pr, 'base')['sha']],
    ['a head sha that is a number', (pr) => (side(pr, 'head')['sha'] = 1234)]
  ])('a malformed pull request with %s is null', (_, change) => {
    expect(readPullRequest(payload(change))).toBeNull()
  })

  it('a base without a ref still gives the pull request, with an empty ref', () => {
    expect(readPullRequest(payload((pr) => delete side(pr, 'base')['ref']))).toEqual({ ...sent, baseRef: '' })
  })

  it("reads the head's branch, which tells verso's own release pull request; without one it is empty", () => {
    expect(readPullRequest(payload((pr) => (side(pr, 'head')['ref'] = 'verso/release/main')))?.headRef).toBe('verso/release/main')
    expect(readPullRequest(payload((pr) => delete side(pr, 'head')['ref']))).toEqual({ ...sent, headRef: '' })
  })
})
