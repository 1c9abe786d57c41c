import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { VersoError } from '../../src/errors.js'
import { readEvent } from '../../src/github/event.js'
import { eventPayload } from '../support/runner.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verso-event-'))
  dirs.push(dir)
  return dir
}

/** Writes the payload where the runner would, and returns that path. */
function eventFile(payload: unknown): string {
  const path = join(tempDir(), 'event.json')
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload))
  return path
}

async function readError(env: NodeJS.ProcessEnv): Promise<VersoError> {
  const error: unknown = await readEvent(env).then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

describe('readEvent outside a workflow', () => {
  it.each([
    ['no event at all', {}, undefined],
    ['a name without a payload', { GITHUB_EVENT_NAME: 'push' }, 'push'],
    ['an empty GITHUB_EVENT_PATH', { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: '' }, 'workflow_dispatch']
  ])('%s gives an empty event that keeps the name', async (_, env, name) => {
    expect(await readEvent(env)).toEqual({ name, defaultBranch: null, pullRequest: null })
  })
})

describe('readEvent with a payload GitHub sent', () => {
  it('a push gives the default branch and no pull request', async () => {
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile(eventPayload('push')) }
    expect(await readEvent(env)).toEqual({ name: 'push', defaultBranch: 'master', pullRequest: null })
  })

  it('reads the default branch the repository really has, not a fixed name', async () => {
    const payload = eventPayload('push', (p) => {
      ;(p['repository'] as Record<string, unknown>)['default_branch'] = 'trunk'
    })
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile(payload) }
    expect((await readEvent(env)).defaultBranch).toBe('trunk')
  })

  it('a workflow dispatch gives the default branch', async () => {
    const env = { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: eventFile(eventPayload('workflow_dispatch')) }
    expect(await readEvent(env)).toEqual({ name: 'workflow_dispatch', defaultBranch: 'main', pullRequest: null })
  })

  it.each(['pull_request', 'pull_request_target'])('a %s event gives the pull request and the default branch', async (name) => {
    const env = { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: eventFile(eventPayload('pull_request', () => {}, 'synchronize')) }
    expect(await readEvent(env)).toEqual({
      name,
      defaultBranch: 'master',
      pullRequest: {
        number: 2,
        title: 'Update the README with new information.',
        baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        baseRef: 'master',
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        headRef: 'changes',
        fork: false
      }
    })
  })

  it.each([
    ['no repository', (p: Record<string, unknown>) => delete p['repository']],
    [
      'a default branch that is not a string',
      (p: Record<string, unknown>) => ((p['repository'] as Record<string, unknown>)['default_branch'] = 7)
    ]
  ])('a payload with %s has no default branch', async (_, change) => {
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile(eventPayload('push', change)) }
    expect((await readEvent(env)).defaultBranch).toBeNull()
  })

  it.each([
    ['null', 'null'],
    ['an empty object', '{}']
  ])('a payload that is JSON %s reads as an event with nothing in it', async (_, text) => {
    expect(await readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventFile(text) })).toEqual({
      name: 'push',
      defaultBranch: null,
      pullRequest: null
    })
  })
})

describe('readEvent with a payload it cannot use', () => {
  it.each([
    ['a missing file', () => join(tempDir(), 'missing.json'), /ENOENT/],
    [
      'a directory',
      () => {
        const dir = join(tempDir(), 'event.json')
        mkdirSync(dir)
        return dir
      },
      /EISDIR/
    ],
    ['invalid JSON', () => eventFile('{"repository": '), /JSON/],
    ['an empty file', () => eventFile(''), /JSON/]
  ])('%s is an error that says which variable and what to do', async (_, path, cause) => {
    const error = await readError({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path() })
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toMatch(/^The event payload at GITHUB_EVENT_PATH cannot be read \(.+\)\.$/)
    expect(error.message).toMatch(cause)
    expect(error.hint).toBe('The runner writes it; outside a workflow, unset GITHUB_EVENT_PATH.')
  })
})
