import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { openNpmSession } from '../../src/npm/auth.js'
import { publishFolder } from '../../src/npm/registry.js'
import type { PublishContext } from '../../src/run/publish.js'
import { rollBackLatest } from '../../src/run/publish-latest.js'
import { startRegistry, testNpm, type TestRegistry } from '../support/registry.js'

let registry: TestRegistry
beforeAll(async () => {
  registry = await startRegistry()
}, 60_000)
afterAll(async () => {
  await registry?.close()
})

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verso-latest-test-'))
  made.push(dir)
  return dir
}

let count = 0
/** A package folder whose versions are published, the last one being latest. */
async function published(versions: string[]): Promise<{ root: string; name: string; context: PublishContext; temp: string }> {
  const root = folder()
  const temp = folder()
  const name = `latest-${process.pid}-${++count}`
  const env = { PATH: process.env.PATH, HOME: root, NODE_AUTH_TOKEN: registry.token }
  const session = await openNpmSession({
    env,
    auth: { kind: 'token', variable: 'NODE_AUTH_TOKEN', token: registry.token },
    registries: [registry.url],
    tempRoot: temp
  })
  for (const version of versions) {
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name, version }))
    await publishFolder(testNpm(session.env), root, root, { name, registry: registry.url, distTag: 'latest', provenance: false })
  }
  await session.dispose()
  return { root, name, temp, context: { npm: testNpm, env, warn: () => {}, tempRoot: temp } }
}

const config = (publish = 'npm') => resolveConfig({ publish, registry: registry.url })

describe('rollBackLatest', () => {
  it('moves latest back to the version, then finds it there; a version the registry lacks is left alone', async () => {
    const { root, name, context, temp } = await published(['1.0.0', '1.1.0'])
    const log: string[] = []
    const request = { context, config: config(), root, dryRun: false, log: (line: string) => log.push(line) }
    expect(await rollBackLatest({ ...request, version: '1.0.0' })).toEqual({
      kind: 'move',
      name,
      version: '1.0.0',
      registry: registry.url,
      from: '1.1.0'
    })
    expect(log).toEqual([`Moved npm's latest for ${name} to 1.0.0 (from 1.1.0).`])
    expect(await rollBackLatest({ ...request, version: '1.0.0' })).toMatchObject({ kind: 'already' })
    expect(await rollBackLatest({ ...request, version: '9.9.9' })).toMatchObject({ kind: 'not-published' })
    const packument = (await (await fetch(`${registry.url}${name}`)).json()) as { 'dist-tags': Record<string, string>; versions: object }
    expect(packument['dist-tags']).toEqual({ latest: '1.0.0' })
    expect(Object.keys(packument.versions)).toEqual(['1.0.0', '1.1.0'])
    expect(readdirSync(temp)).toEqual([])
  })

  it('a dry run says what it would move, and asks the registry nothing', async () => {
    const { root, name, context } = await published(['1.0.0'])
    const before = registry.requests.length
    expect(await rollBackLatest({ context, config: config(), root, version: '0.9.0', dryRun: true, log: () => {} })).toEqual({
      kind: 'move',
      name,
      version: '0.9.0',
      registry: registry.url,
      from: null
    })
    expect(registry.requests.length).toBe(before)
  })

  it('does nothing where nothing is published: publish none, no manifest, a private package', async () => {
    const root = folder()
    const context: PublishContext = { npm: testNpm, env: { PATH: process.env.PATH, HOME: root }, warn: () => {} }
    const request = { context, root, version: '1.0.0', dryRun: false, log: () => {} }
    expect(await rollBackLatest({ ...request, config: config('none') })).toBeNull()
    expect(await rollBackLatest({ ...request, config: config() })).toBeNull()
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'private-one', version: '1.0.0', private: true }))
    expect(await rollBackLatest({ ...request, config: config() })).toBeNull()
  })

  it('publish: npm without npm is refused', async () => {
    await expect(
      rollBackLatest({ context: undefined, config: config(), root: folder(), version: '1.0.0', dryRun: false, log: () => {} })
    ).rejects.toMatchObject({
      code: 'EUSAGE'
    })
  })
})
