import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { authTokenKey, openNpmSession, readNpmAuth, renderUserconfig, TOKEN_VARIABLE } from '../../src/npm/auth.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verso-auth-test-'))
  made.push(dir)
  return dir
}

describe('readNpmAuth', () => {
  it.each([
    [
      'NODE_AUTH_TOKEN',
      { NODE_AUTH_TOKEN: 'npm_abc', NPM_TOKEN: 'npm_def' },
      { kind: 'token', variable: 'NODE_AUTH_TOKEN', token: 'npm_abc' }
    ],
    ['NPM_TOKEN', { NPM_TOKEN: 'npm_def' }, { kind: 'token', variable: 'NPM_TOKEN', token: 'npm_def' }],
    [
      "setup-node's placeholder, which is no token",
      { NODE_AUTH_TOKEN: 'XXXXX-XXXXX-XXXXX-XXXXX', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://t/' },
      { kind: 'trusted-publishing' }
    ],
    ['no token, and an id token to ask for', { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://t/' }, { kind: 'trusted-publishing' }],
    ['neither', { NODE_AUTH_TOKEN: '  ' }, { kind: 'configured' }]
  ] as const)('%s', (_, env, expected) => {
    expect(readNpmAuth(env)).toEqual(expected)
  })
})

describe('authTokenKey', () => {
  it.each([
    ['https://registry.npmjs.org/', '//registry.npmjs.org/:_authToken'],
    ['https://registry.npmjs.org', '//registry.npmjs.org/:_authToken'],
    ['http://127.0.0.1:4873/', '//127.0.0.1:4873/:_authToken'],
    ['https://npm.example.com/api/npm/npm-local', '//npm.example.com/api/npm/npm-local/:_authToken']
  ])('%s: %s', (registry, key) => {
    expect(authTokenKey(registry)).toBe(key)
  })
})

describe('renderUserconfig', () => {
  it("keeps the user's own configuration, and names the token by a variable", () => {
    expect(renderUserconfig('@acme:registry=https://npm.acme.test/\n\n', ['https://npm.acme.test/', 'https://registry.npmjs.org/'])).toBe(
      '@acme:registry=https://npm.acme.test/\n' +
        `//npm.acme.test/:_authToken=\${${TOKEN_VARIABLE}}\n` +
        `//registry.npmjs.org/:_authToken=\${${TOKEN_VARIABLE}}\n`
    )
  })

  it('writes one line a registry', () => {
    expect(renderUserconfig(null, ['https://a.test/', 'https://a.test'])).toBe(`//a.test/:_authToken=\${${TOKEN_VARIABLE}}\n`)
  })
})

describe('openNpmSession', () => {
  it('with a token: a configuration of its own outside the repository, readable by its owner alone, without the token, removed after', async () => {
    const temp = folder()
    const home = folder()
    writeFileSync(join(home, '.npmrc'), 'fund=false\n')
    const token = 'npm_secretsecretsecret0123'
    const session = await openNpmSession({
      env: { HOME: home, NODE_AUTH_TOKEN: token, npm_config_userconfig: join(home, '.npmrc') },
      auth: { kind: 'token', variable: 'NODE_AUTH_TOKEN', token },
      registries: ['https://registry.npmjs.org/'],
      tempRoot: temp
    })
    const path = session.env.NPM_CONFIG_USERCONFIG!
    expect(path.startsWith(temp)).toBe(true)
    expect(session.env.npm_config_userconfig).toBeUndefined()
    expect(session.env[TOKEN_VARIABLE]).toBe(token)
    const text = readFileSync(path, 'utf8')
    expect(text).toBe(`fund=false\n//registry.npmjs.org/:_authToken=\${${TOKEN_VARIABLE}}\n`)
    expect(text).not.toContain(token)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    await session.dispose()
    await session.dispose()
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(temp)).toEqual([])
  })

  it('without a token: npm as it is configured, and nothing written', async () => {
    const temp = folder()
    const env = { HOME: temp, ACTIONS_ID_TOKEN_REQUEST_URL: 'https://t/' }
    const session = await openNpmSession({
      env,
      auth: { kind: 'trusted-publishing' },
      registries: ['https://registry.npmjs.org/'],
      tempRoot: temp
    })
    expect(session.env).toBe(env)
    expect(readdirSync(temp)).toEqual([])
  })
})
