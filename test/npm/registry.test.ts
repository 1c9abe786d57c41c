import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openNpmSession } from '../../src/npm/auth.js'
import type { Npm } from '../../src/npm/npm.js'
import {
  addDistTag,
  npmError,
  previewTarball,
  publishFolder,
  readConfiguredRegistry,
  readNpmVersion,
  viewPackage,
  viewVersion
} from '../../src/npm/registry.js'
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
  const dir = mkdtempSync(join(tmpdir(), 'verso-registry-test-'))
  made.push(dir)
  return dir
}

let count = 0
/** A package folder (its own HOME beside it), and npm logged in to the test registry. */
async function pkg(files: Record<string, string> = {}): Promise<{ dir: string; name: string; npm: Npm; anonymous: Npm }> {
  const root = folder()
  const dir = join(root, 'pkg')
  const name = `registry-${process.pid}-${++count}`
  mkdirSync(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0' }))
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text)
  const env = { PATH: process.env.PATH, HOME: root }
  const auth = { kind: 'token' as const, variable: 'NODE_AUTH_TOKEN' as const, token: registry.token }
  const session = await openNpmSession({ env, auth, registries: [registry.url], tempRoot: root })
  return { dir, name, npm: testNpm(session.env), anonymous: testNpm(env) }
}

const options = (name: string) => ({ name, registry: registry.url, distTag: 'latest', provenance: false })

describe('the registry, through npm', () => {
  it('views nothing for a package it does not have, then the package and each version once published', async () => {
    const { dir, name, npm } = await pkg()
    expect(await viewPackage(npm, dir, name, registry.url)).toBeNull()
    expect(await viewVersion(npm, dir, name, '1.0.0', registry.url)).toBeNull()
    await publishFolder(npm, dir, dir, options(name))
    expect(await viewPackage(npm, dir, name, registry.url)).toEqual({ versions: ['1.0.0'], distTags: { latest: '1.0.0' } })
    expect(await viewVersion(npm, dir, name, '1.0.0', registry.url)).toEqual({
      gitHead: null,
      integrity: expect.stringMatching(/^sha512-/)
    })
    expect(await viewVersion(npm, dir, name, '1.0.1', registry.url)).toBeNull()
  })

  it('adds a dist-tag to a published version', async () => {
    const { dir, name, npm } = await pkg()
    await publishFolder(npm, dir, dir, options(name))
    await addDistTag(npm, dir, { name, version: '1.0.0', tag: 'stable', registry: registry.url })
    expect((await viewPackage(npm, dir, name, registry.url))!.distTags).toEqual({ latest: '1.0.0', stable: '1.0.0' })
  })

  it('a publish without a login fails with what to do about it', async () => {
    const { dir, name, anonymous } = await pkg()
    await expect(publishFolder(anonymous, dir, dir, options(name))).rejects.toMatchObject({
      code: 'ENPM',
      hint: expect.stringContaining('NODE_AUTH_TOKEN')
    })
  })

  it("previews the tarball without the package's scripts and without asking the registry", async () => {
    const { dir, npm } = await pkg({ 'index.js': 'export {}\n', '.env': 'A=1\n' })
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'preview', version: '1.0.0', scripts: { prepack: 'echo built > built.js' } })
    )
    const before = registry.requests.length
    const tarball = await previewTarball(npm, dir, dir)
    expect(registry.requests.length).toBe(before)
    expect(tarball.files.map((f) => f.path).sort()).toEqual(['.env', 'index.js', 'package.json'])
    expect(existsSync(join(dir, 'built.js'))).toBe(false)
    expect(tarball).toMatchObject({ filename: 'preview-1.0.0.tgz', integrity: expect.stringMatching(/^sha512-/) })
    expect(tarball.size).toBeGreaterThan(0)
    expect(tarball.unpackedSize).toBeGreaterThan(0)
  })

  it("reads the registry from npm's configuration: a scope's own, else the default", async () => {
    const { dir, npm } = await pkg()
    writeFileSync(join(dir, '.npmrc'), 'registry=https://npm.example.test/\n@acme:registry=https://acme.example.test/npm/\n')
    expect(await readConfiguredRegistry(npm, dir, '@acme/web')).toBe('https://acme.example.test/npm/')
    expect(await readConfiguredRegistry(npm, dir, '@other/web')).toBe('https://npm.example.test/')
    expect(await readConfiguredRegistry(npm, dir, 'web')).toBe('https://npm.example.test/')
  })

  it("reads npm's version", async () => {
    const { dir, npm } = await pkg()
    expect(await readNpmVersion(npm, dir)).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('npmError', () => {
  it.each([
    ['E401', 'NODE_AUTH_TOKEN'],
    ['ENEEDAUTH', 'trusted publisher'],
    ['E402', 'publishConfig'],
    ['E403', 'may not publish'],
    ['ECONNREFUSED', 'could not be reached'],
    ['EOTHER', 'a re-run publishes only what is missing']
  ])('%s says what to do', (code, hint) => {
    const error = npmError(
      { code: 1, stdout: JSON.stringify({ error: { code, summary: 'it failed' } }), stderr: '' },
      'npm publish',
      registry.url
    )
    expect(error.message).toBe(`npm publish failed (${registry.url}): it failed [${code}]`)
    expect(error.hint).toContain(hint)
  })
})
