import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decideProvenance, publishesTrusted, readRunnerFacts, type RunnerFacts } from '../../src/npm/provenance.js'

const HOSTED: RunnerFacts = { githubActions: true, idToken: true, environment: 'github-hosted', privateRepository: false }
const NPMJS = 'https://registry.npmjs.org/'

describe('decideProvenance', () => {
  it.each([
    ['not asked', false, HOSTED, NPMJS, { kind: 'off' }],
    ['a GitHub-hosted runner with an id token, to npmjs', true, HOSTED, NPMJS, { kind: 'on' }],
    ['an older runner that does not say where it runs', true, { ...HOSTED, environment: null }, NPMJS, { kind: 'on' }],
    [
      'outside GitHub Actions',
      true,
      { ...HOSTED, githubActions: false },
      NPMJS,
      { kind: 'unsupported', obstacle: { kind: 'not-github-actions' } }
    ],
    [
      'a self-hosted runner',
      true,
      { ...HOSTED, environment: 'self-hosted' },
      NPMJS,
      { kind: 'unsupported', obstacle: { kind: 'self-hosted' } }
    ],
    ['no id-token: write', true, { ...HOSTED, idToken: false }, NPMJS, { kind: 'unsupported', obstacle: { kind: 'no-id-token' } }],
    [
      'a private repository',
      true,
      { ...HOSTED, privateRepository: true },
      NPMJS,
      { kind: 'unsupported', obstacle: { kind: 'private-repository' } }
    ],
    [
      'a private registry',
      true,
      HOSTED,
      'https://npm.pkg.github.com/',
      { kind: 'unsupported', obstacle: { kind: 'registry', registry: 'https://npm.pkg.github.com/' } }
    ]
  ] as const)('%s', (_, asked, runner, registry, expected) => {
    expect(decideProvenance(asked, runner, registry)).toEqual(expected)
  })
})

describe('readRunnerFacts', () => {
  it('reads the runner, and wants both halves of the id token request', async () => {
    expect(
      await readRunnerFacts({
        GITHUB_ACTIONS: 'true',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x',
        RUNNER_ENVIRONMENT: 'github-hosted'
      })
    ).toEqual(HOSTED)
    expect(await readRunnerFacts({ GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/' })).toEqual({
      githubActions: true,
      idToken: false,
      environment: null,
      privateRepository: false
    })
  })

  it.each([
    ['a private repository', '{ "repository": { "private": true } }', true],
    ['a public repository', '{ "repository": { "private": false } }', false],
    ['an event without a repository', '{}', false],
    ['an event that is not JSON', '{', false]
  ])('reads the event: %s', async (_, text, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'verso-event-'))
    try {
      writeFileSync(join(dir, 'event.json'), text)
      expect((await readRunnerFacts({ GITHUB_EVENT_PATH: join(dir, 'event.json') })).privateRepository).toBe(expected)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('publishesTrusted', () => {
  it.each([
    ['11.5.1', true],
    ['11.6.0', true],
    ['12.0.0', true],
    ['11.5.0', false],
    ['10.9.2', false],
    [null, true]
  ] as const)('npm %s: %s', (version, expected) => {
    expect(publishesTrusted(version)).toBe(expected)
  })
})
