import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OLDEST_NODE, unsupportedNode } from '../../src/cli/node-version.js'
import { useRepos } from '../support/repo.js'

const repo = useRepos()
const ROOT = resolve(import.meta.dirname, '../..')
// The oldest release the CLI runs on, and the one just before it, which it refuses: fetched
// from the npm registry as `npm ci` fetches Node 24.
const OLDEST = `${OLDEST_NODE.major}.${OLDEST_NODE.minor}.1`
const TOO_OLD = `${OLDEST_NODE.major}.${OLDEST_NODE.minor - 1}.0`

let fetched = ''
const nodes = new Map<string, string>()
beforeAll(() => {
  fetched = mkdtempSync(join(tmpdir(), 'verso-node-'))
  for (const version of [OLDEST, TOO_OLD]) {
    const into = join(fetched, version)
    mkdirSync(into)
    const pkg = `node-${process.platform}-${process.arch}@${version}`
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', into, pkg], { encoding: 'utf8' })
    execFileSync('tar', ['-xzf', join(into, out.trim().split('\n').pop()!), '-C', into, 'package/bin/node'])
    nodes.set(version, join(into, 'package/bin/node'))
  }
}, 180_000)
afterAll(() => rmSync(fetched, { recursive: true, force: true }))

function run(node: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(node, [join(ROOT, 'dist/cli.js'), ...args], { cwd, env, encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
  })
}

describe('the CLI exits, on every supported Node.js line', () => {
  it.each([
    ['the newest (the tests’ own)', () => process.execPath],
    [`the oldest (${OLDEST})`, () => nodes.get(OLDEST)!]
  ])(
    '%s: plan --json twenty-five times in a row, each run ending with its status and no warning',
    async (_, node) => {
      const r = repo()
      r.commit('chore: init')
      r.tag('v1.0.0')
      for (let i = 0; i < 30; i++) r.commit(`feat: change ${i}`)
      // A run that wrote its output and then hung would be killed by the timeout, and fail here.
      for (let i = 0; i < 25; i++) {
        const out = await run(node(), ['plan', '--json', '--release-branches', '*.x, main'], r.dir, r.env)
        expect(out.code, `run ${i}: ${out.stderr}`).toBe(0)
        expect(out.stderr).toBe('')
        expect(JSON.parse(out.stdout).next.version).toBe('1.1.0')
      }
    },
    120_000
  )

  it(`the release before the oldest (${TOO_OLD}) is refused in one line, before anything else loads`, async () => {
    const r = repo()
    r.commit('chore: init')
    const out = await run(nodes.get(TOO_OLD)!, ['plan'], r.dir, r.env)
    expect(out).toMatchObject({ code: 1, stdout: '' })
    expect(out.stderr).toBe(`verso: ${unsupportedNode(TOO_OLD)!}\n`)
  })

  it('the tests run on a supported Node.js, and the ones fetched are those named', () => {
    expect(unsupportedNode(process.versions.node)).toBe(null)
    expect(execFileSync(nodes.get(OLDEST)!, ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${OLDEST}`)
    expect(execFileSync(nodes.get(TOO_OLD)!, ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${TOO_OLD}`)
  })
})
