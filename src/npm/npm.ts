import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { VersoError } from '../errors.js'

/** The npm CLI, bound to its command and environment. Never goes through a shell. */
export interface Npm {
  /** Runs npm with these arguments in `cwd` and reports how it ended; only a failure to start it throws. */
  run(args: readonly string[], options: { readonly cwd: string }): Promise<NpmResult>
}

export interface NpmResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export interface NpmOptions {
  /** The program and its first arguments: `['npm']`, or `[node, npm-cli.js]`. */
  readonly command: readonly string[]
  readonly env: NodeJS.ProcessEnv
}

// npm's own chatter would reach the log between verso's lines, and an update check is a
// request to the registry that no release asked for.
const NPM_ENV = {
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_progress: 'false'
}

const MAX_BUFFER = 1 << 28

export function createNpm(options: NpmOptions): Npm {
  const [program, ...first] = options.command
  if (program === undefined) throw new Error('createNpm needs a command')
  const env = { ...options.env, ...NPM_ENV }
  return {
    run: (args, { cwd }) =>
      new Promise((resolve, reject) => {
        execFile(program, [...first, ...args], { cwd, env, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') {
            reject(spawnFailure(error, program))
            return
          }
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
        })
      })
  }
}

/**
 * The npm on the PATH, as the runner has it. On Windows npm is a `.cmd` script, which only
 * a shell runs: there verso runs npm's own script with the Node.js beside it instead.
 */
export function npmCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  if (platform !== 'win32') return ['npm']
  const path = env.PATH ?? env.Path ?? ''
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const cli = join(dir, 'node_modules', 'npm', 'bin', 'npm-cli.js')
    if (!existsSync(join(dir, 'npm.cmd')) || !existsSync(cli)) continue
    const node = join(dir, 'node.exe')
    return [existsSync(node) ? node : process.execPath, cli]
  }
  throw new VersoError('ENPM', 'npm is not on the PATH, so nothing can be published.', {
    hint: 'Install Node.js with npm on the runner (actions/setup-node), or set publish: none.'
  })
}

function spawnFailure(error: { code?: unknown; message: string }, program: string): VersoError {
  if (error.code === 'ENOENT') {
    return new VersoError('ENPM', `${program} is not installed or not on the PATH, so nothing can be published.`, {
      hint: 'Install Node.js with npm on the runner (actions/setup-node), or set publish: none.'
    })
  }
  return new VersoError('ENPM', `Could not run npm: ${error.message}`, { cause: error })
}

/** What npm said went wrong: its error code (`E404`, `ENEEDAUTH`) and its first line. */
export interface NpmFailure {
  readonly code: string | null
  readonly summary: string
}

/**
 * The failure of a run with `--json`, which npm writes as `{ error: { code, summary } }`
 * (to stdout, or to stderr in later versions); without it, the `npm error code …` lines of
 * stderr.
 */
export function readNpmFailure(result: NpmResult): NpmFailure {
  const said = jsonFailure(parseJson(result.stdout)) ?? jsonFailure(parseJson(jsonPart(result.stderr)))
  if (said) return said
  const lines = result.stderr.split('\n').map((l) => l.replace(/^npm (?:error|ERR!) ?/, '').trim())
  const code = /^code (\S+)/.exec(lines.find((l) => l.startsWith('code ')) ?? '')?.[1] ?? null
  // A JSON error npm printed besides its lines is no sentence: `{` says nothing.
  const summary = lines.find((l) => l && !l.startsWith('code ') && !l.startsWith('A complete log') && !/^[{}[\]"]/.test(l)) ?? ''
  return { code, summary: firstLine(summary) || `npm exited with ${result.code}` }
}

function jsonFailure(json: unknown): NpmFailure | null {
  const error = json && typeof json === 'object' && 'error' in json ? (json as { error: unknown }).error : null
  if (!error || typeof error !== 'object') return null
  const { code, summary } = error as { code?: unknown; summary?: unknown }
  if (typeof summary !== 'string' && typeof code !== 'string') return null
  return { code: typeof code === 'string' ? code : null, summary: typeof summary === 'string' ? firstLine(summary) : '' }
}

/** The JSON object in npm's stderr, from its first line that opens one to the last that closes one; '' when there is none. */
function jsonPart(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/^npm (?:error|ERR!) ?/, ''))
  const start = lines.findIndex((l) => l.trim() === '{')
  const end = lines.findLastIndex((l) => l.trim() === '}')
  return start === -1 || end < start ? '' : lines.slice(start, end + 1).join('\n')
}

/** npm's JSON answer, or null when it printed none (an error, or notices only). */
export function parseJson(text: string): unknown {
  const trimmed = text.trim()
  if (!trimmed) return null
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return null
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim()
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}
