import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { inDependencyOrder, manifestPath, readManifest, readManifests, writeVersions } from '../../src/run/publish-manifests.js'
import type { PublishTarget } from '../../src/run/publish-plan.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'verso-manifests-test-'))
  made.push(dir)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const target = (path: string, version: string): PublishTarget => ({
  release: path,
  path,
  version,
  tag: `${path}@${version}`,
  sha: '0'.repeat(40),
  line: { prerelease: null, range: null },
  latest: true
})

describe('readManifest', () => {
  const read = (name: string | null, change: { private?: boolean; workspaceRanges?: string[] } = {}) => ({
    kind: 'read',
    name,
    private: false,
    workspaceRanges: [],
    ...change
  })
  it.each([
    ['{ "name": "web", "version": "1.0.0" }', { facts: read('web'), registry: null }],
    ['{ "name": "web", "private": true }', { facts: read('web', { private: true }), registry: null }],
    [
      '{ "name": "@acme/web", "publishConfig": { "registry": "https://npm.acme.test/" } }',
      { facts: read('@acme/web'), registry: 'https://npm.acme.test/' }
    ],
    ['{ "version": "1.0.0" }', { facts: read(null), registry: null }],
    ['\uFEFF{ "name": "web" }', { facts: read('web'), registry: null }],
    [
      '{ "name": "web", "dependencies": { "a": "workspace:*", "b": "^1.0.0" }, "peerDependencies": { "c": "workspace:^" }, "devDependencies": { "d": "workspace:*" } }',
      { facts: read('web', { workspaceRanges: ['a', 'c'] }), registry: null }
    ],
    ['[1, 2]', { facts: { kind: 'unreadable', error: 'it is not a JSON object' }, registry: null }]
  ])('%s', (text, expected) => {
    expect(readManifest(text)).toEqual(expected)
  })

  it('a manifest that is not JSON is unreadable, with what the parser said', () => {
    expect(readManifest('{ not json')).toEqual({ facts: { kind: 'unreadable', error: expect.stringContaining('JSON') }, registry: null })
  })
})

describe('readManifests', () => {
  it("reads each folder's manifest, null where there is none, and refuses one linked from elsewhere", async () => {
    const root = folder({ 'package.json': '{ "name": "root" }', 'outside.json': '{ "name": "secret" }' })
    mkdirSync(join(root, 'linked'))
    symlinkSync(join(root, 'outside.json'), join(root, 'linked', 'package.json'))
    const [top, missing] = await readManifests(root, ['.', 'packages/none'])
    expect(top).toEqual({
      facts: { kind: 'read', name: 'root', private: false, workspaceRanges: [] },
      registry: null,
      text: '{ "name": "root" }'
    })
    expect(missing).toEqual({ facts: null, text: null, registry: null })
    await expect(readManifests(root, ['linked'])).rejects.toMatchObject({ code: 'EUNSAFEPATH' })
  })
})

describe('writeVersions', () => {
  it('writes each version in place, brings along a range the new version leaves, and commits nothing', async () => {
    const core = '{\n  "name": "core",\n  "version": "1.0.0"\n}\n'
    const web = '{\n  "name": "web",\n  "version": "1.0.0",\n  "dependencies": { "core": "^1.0.0" }\n}\n'
    const root = folder({ 'packages/core/package.json': core, 'packages/web/package.json': web })
    const written = await writeVersions(
      root,
      [target('packages/core', '2.0.0'), target('packages/web', '1.0.1')],
      ['packages/core', 'packages/web']
    )
    expect(written.sort()).toEqual(['packages/core/package.json', 'packages/web/package.json'])
    expect(readFileSync(join(root, 'packages/core/package.json'), 'utf8')).toBe(core.replace('1.0.0', '2.0.0'))
    expect(readFileSync(join(root, 'packages/web/package.json'), 'utf8')).toBe(
      '{\n  "name": "web",\n  "version": "1.0.1",\n  "dependencies": { "core": "^2.0.0" }\n}\n'
    )
    // Already so: nothing to write again.
    expect(await writeVersions(root, [target('packages/core', '2.0.0')], ['packages/core', 'packages/web'])).toEqual([])
  })

  it('the root package of a single-package repository', async () => {
    const root = folder({ 'package.json': '{ "name": "one", "version": "0.0.0" }' })
    expect(await writeVersions(root, [target('.', '1.3.0')], null)).toEqual(['package.json'])
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))).toEqual({ name: 'one', version: '1.3.0' })
  })

  it('a manifest without a version stops the run with what to do', async () => {
    const root = folder({ 'package.json': '{ "name": "one" }' })
    await expect(writeVersions(root, [target('.', '1.3.0')], null)).rejects.toMatchObject({
      code: 'EINVALIDCONFIG',
      message: 'The version to publish cannot be written into the manifests: nothing was tagged or published.',
      hint: expect.stringContaining('Give each package.json published a `version`')
    })
  })

  it('leaves a missing manifest to the decision', async () => {
    const root = folder({})
    expect(await writeVersions(root, [target('packages/none', '1.0.0')], ['packages/none'])).toEqual([])
  })
})

describe('inDependencyOrder', () => {
  const manifest = (name: string, deps: Record<string, string> = {}) => {
    const text = JSON.stringify({ name, dependencies: deps })
    return { facts: { kind: 'read' as const, name, private: false, workspaceRanges: [] }, text, registry: null }
  }

  it('puts each package after the ones it depends on', () => {
    const manifests = [manifest('app', { lib: '^1' }), manifest('lib', { core: '^1' }), manifest('core')]
    expect(inDependencyOrder(['app', 'lib', 'core'], manifests)).toEqual(['core', 'lib', 'app'])
  })

  it('keeps the order of what it cannot place', () => {
    const manifests = [manifest('b'), { facts: null, text: null, registry: null }, manifest('a')]
    expect(inDependencyOrder(['b', 'none', 'a'], manifests)).toEqual(['a', 'b', 'none'])
    expect(inDependencyOrder(['only'], [manifest('only')])).toEqual(['only'])
  })
})

describe('manifestPath', () => {
  it.each([
    ['.', 'package.json'],
    ['packages/web', 'packages/web/package.json']
  ])('%s: %s', (folder, path) => {
    expect(manifestPath(folder)).toBe(path)
  })
})
