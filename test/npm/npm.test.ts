import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createNpm, npmCommand, parseJson, readNpmFailure } from '../../src/npm/npm.js'
import { NPM_COMMAND } from '../support/registry.js'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verso-npm-test-'))
  made.push(dir)
  return dir
}

describe('createNpm', () => {
  it('runs npm with an argument array, in the folder given, without a shell', async () => {
    const dir = folder()
    const npm = createNpm({ command: NPM_COMMAND, env: { PATH: process.env.PATH, HOME: dir } })
    const version = await npm.run(['--version'], { cwd: dir })
    expect(version).toMatchObject({ code: 0, stderr: '' })
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    // A shell would expand this; npm gets it as it is, and says it has no such setting.
    const literal = await npm.run(['config', 'get', '$(touch pwned)'], { cwd: dir })
    expect(literal.code).toBe(0)
    expect(literal.stdout.trim()).toBe('undefined')
    expect(existsSync(join(dir, 'pwned'))).toBe(false)
  })

  it('reports a failure as its exit code and output', async () => {
    const dir = folder()
    const npm = createNpm({ command: NPM_COMMAND, env: { PATH: process.env.PATH, HOME: dir } })
    const result = await npm.run(['view', '--json'], { cwd: dir })
    expect(result.code).not.toBe(0)
  })

  it('says so when npm is not there', async () => {
    const npm = createNpm({ command: ['verso-no-such-npm'], env: { PATH: '' } })
    await expect(npm.run(['--version'], { cwd: tmpdir() })).rejects.toMatchObject({
      code: 'ENPM',
      message: 'verso-no-such-npm is not installed or not on the PATH, so nothing can be published.'
    })
  })
})

describe('npmCommand', () => {
  it('is npm on the PATH, outside Windows', () => {
    expect(npmCommand({ PATH: '/usr/bin' }, 'linux')).toEqual(['npm'])
  })

  it("on Windows is npm's own script, run by the Node.js beside it", () => {
    const dir = folder()
    const empty = folder()
    mkdirSync(join(dir, 'node_modules', 'npm', 'bin'), { recursive: true })
    writeFileSync(join(dir, 'npm.cmd'), '')
    writeFileSync(join(dir, 'node.exe'), '')
    writeFileSync(join(dir, 'node_modules', 'npm', 'bin', 'npm-cli.js'), '')
    expect(npmCommand({ Path: [empty, dir].join(process.platform === 'win32' ? ';' : ':') }, 'win32')).toEqual([
      join(dir, 'node.exe'),
      join(dir, 'node_modules', 'npm', 'bin', 'npm-cli.js')
    ])
    expect(() => npmCommand({ Path: empty }, 'win32')).toThrow(/npm is not on the PATH/)
  })
})

describe('readNpmFailure', () => {
  it("reads npm's JSON error", () => {
    const stdout = JSON.stringify({ error: { code: 'E404', summary: 'No match found for version 9.9.9\nmore', detail: '…' } })
    expect(readNpmFailure({ code: 1, stdout, stderr: '' })).toEqual({ code: 'E404', summary: 'No match found for version 9.9.9' })
  })

  it("reads npm's error lines without JSON", () => {
    const stderr = [
      'npm error code ENEEDAUTH',
      'npm error need auth This command requires you to be logged in to http://127.0.0.1:1/',
      'npm error A complete log of this run can be found in: /x.log'
    ].join('\n')
    expect(readNpmFailure({ code: 1, stdout: '', stderr })).toEqual({
      code: 'ENEEDAUTH',
      summary: 'need auth This command requires you to be logged in to http://127.0.0.1:1/'
    })
  })

  it('says the exit code when npm says nothing', () => {
    expect(readNpmFailure({ code: 7, stdout: '', stderr: '' })).toEqual({ code: null, summary: 'npm exited with 7' })
  })

  it("reads a JSON error npm wrote to stderr, and never takes its '{' for the summary", () => {
    const json = JSON.stringify({ error: { code: 'E403', summary: 'You cannot publish over 1.3.0', detail: '' } }, null, 2)
    expect(readNpmFailure({ code: 1, stdout: '', stderr: `${json}\n` })).toEqual({ code: 'E403', summary: 'You cannot publish over 1.3.0' })
    const lines = [
      'npm error code E500',
      ...json.split('\n').map((l) => `npm error ${l}`.replace(/"summary": .*/, '"x": 1')),
      'npm error boom'
    ]
    expect(readNpmFailure({ code: 1, stdout: '', stderr: lines.join('\n') })).toEqual({ code: 'E500', summary: 'boom' })
  })
})

describe('parseJson', () => {
  it.each([
    ['', null],
    ['  \n', null],
    ['not json', null],
    ['{"a":1}\n', { a: 1 }],
    ['"1.0.0"', '1.0.0']
  ])('%j', (text, expected) => {
    expect(parseJson(text)).toEqual(expected)
  })
})
