import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createNpm, type Npm } from '../../src/npm/npm.js'

const require = createRequire(import.meta.url)

/**
 * The npm the tests publish with: the one in the project's devDependencies, on the Node.js
 * running the tests, whatever npm the machine has.
 */
export const NPM_COMMAND: readonly string[] = [process.execPath, join(dirname(require.resolve('npm/package.json')), 'bin', 'npm-cli.js')]

/** npm as the tests run it: no retries, so that a stopped registry fails at once. */
export function testNpm(env: NodeJS.ProcessEnv): Npm {
  return createNpm({ command: NPM_COMMAND, env: { ...env, npm_config_fetch_retries: '0' } })
}

/** A real npm registry (verdaccio) on 127.0.0.1, with a throwaway storage folder and one user. */
export interface TestRegistry {
  /** `http://127.0.0.1:<port>/`, the same across a stop and a start. */
  readonly url: string
  /** A token of the registry's user, as NODE_AUTH_TOKEN takes it. */
  readonly token: string
  /** Every publish the registry answered, as `name`, in order. */
  readonly publishes: string[]
  /** Every request it was sent, as `METHOD /path`, in order. */
  readonly requests: string[]
  /** Stops the registry process (connections are refused), keeping what it stores. */
  stop(): Promise<void>
  /** Starts it again, on the same address and storage. */
  start(): Promise<void>
  /** Stops the registry process right after it has answered this many more publishes. */
  stopAfterPublishes(count: number): void
  /** Stops it and removes its storage. */
  close(): Promise<void>
}

const USER = { name: 'verso-test', password: 'verso-test-password' }

/**
 * Starts verdaccio behind a small forwarding server on a free port: the forwarder is what
 * sees each publish, so a test can stop the real registry between two of them.
 */
export async function startRegistry(): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'verso-registry-'))
  const backendPort = await freePort()
  writeFileSync(join(dir, 'config.yaml'), verdaccioConfig(dir))
  let child: ChildProcess | null = null
  let front: Server | null = null
  let port = 0
  let stopAfter: number | null = null
  const sockets = new Set<Socket>()
  const publishes: string[] = []
  const requests: string[] = []

  const stop = async () => {
    const running = child
    child = null
    if (running && running.exitCode === null) {
      const exited = new Promise((done) => running.once('exit', done))
      running.kill('SIGTERM')
      await exited
    }
    const server = front
    front = null
    for (const socket of sockets) socket.destroy()
    sockets.clear()
    if (server) await new Promise((done) => server.close(done))
  }

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/'
    requests.push(`${req.method} ${path}`)
    const publishing = req.method === 'PUT' && !path.startsWith('/-/') && !path.includes('/-rev/')
    const upstream = request(
      { host: '127.0.0.1', port: backendPort, method: req.method, path, headers: req.headers },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        answer.on('end', () => {
          if (!publishing || (answer.statusCode ?? 500) >= 300) return
          publishes.push(decodeURIComponent(path.slice(1)))
          if (stopAfter !== null && --stopAfter === 0) {
            stopAfter = null
            if (res.writableFinished) void stop()
            else res.on('finish', () => void stop())
          }
        })
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  }

  const start = async () => {
    child = spawn(process.execPath, [verdaccioBin(), '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${backendPort}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: dir }
    })
    // A test run that ends without closing the registry must not leave it running.
    const running = child
    const orphaned = () => running.kill('SIGTERM')
    process.once('exit', orphaned)
    running.once('exit', () => process.off('exit', orphaned))
    let said = ''
    child.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')))
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')))
    await waitForPing(backendPort, child, () => said)
    const server = createServer(forward)
    server.on('connection', (socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
    port = (server.address() as AddressInfo).port
    front = server
  }

  await start()
  const url = `http://127.0.0.1:${port}/`
  const token = await addUser(url)
  return {
    url,
    token,
    publishes,
    requests,
    stop,
    start,
    stopAfterPublishes: (count) => {
      stopAfter = count
    },
    close: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function verdaccioBin(): string {
  return join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio')
}

/** No uplinks: the registry holds only what the tests publish, and never reaches the network. */
function verdaccioConfig(dir: string): string {
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: error }',
    ''
  ].join('\n')
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}

async function waitForPing(port: number, child: ChildProcess, said: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}: ${said()}`)
    const ok = await fetch(`http://127.0.0.1:${port}/-/ping`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) return
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`verdaccio did not answer within 30 s: ${said()}`)
}

async function addUser(url: string): Promise<string> {
  const answer = await fetch(`${url}-/user/org.couchdb.user:${USER.name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: USER.name, password: USER.password })
  })
  const body = (await answer.json()) as { token?: string }
  if (!answer.ok || !body.token) throw new Error(`could not add the registry's user: ${answer.status} ${JSON.stringify(body)}`)
  return body.token
}
