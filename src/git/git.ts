import { execFile, spawn } from 'node:child_process'
import { VersoError } from '../errors.js'

/** A git runner bound to one working directory. Never goes through a shell. */
export interface Git {
  readonly cwd: string
  /** Runs git and returns its stdout; a non-zero exit throws a GitError. */
  run(args: readonly string[], options?: { input?: string }): Promise<string>
  /** Runs git and reports the exit code instead of throwing. */
  tryRun(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }>
  /** Streams git's stdout as it is produced; the process is killed if the consumer stops early. */
  stream(args: readonly string[]): AsyncIterable<Buffer>
}

export class GitError extends VersoError {
  readonly args: readonly string[]
  readonly exitCode: number
  readonly stderr: string

  constructor(args: readonly string[], exitCode: number, stderr: string) {
    super('EGIT', `git ${args[0] ?? ''} failed (exit ${exitCode}): ${stderr.trim() || 'no message'}`)
    this.args = args
    this.exitCode = exitCode
    this.stderr = stderr
  }
}

// Prompts would hang a CI job; a fixed locale keeps git's messages the same everywhere.
const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }

const MAX_BUFFER = 1 << 30

export function createGit(cwd: string, env: NodeJS.ProcessEnv = process.env): Git {
  const fullEnv = { ...env, ...GIT_ENV }
  const tryRun: Git['tryRun'] = (args) =>
    new Promise((resolve, reject) => {
      execFile('git', args, { cwd, env: fullEnv, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(spawnFailure(error))
          return
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
      })
    })

  return {
    cwd,
    tryRun,
    run: (args, options) =>
      new Promise((resolve, reject) => {
        const child = execFile('git', args, { cwd, env: fullEnv, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (error, stdout, stderr) => {
          if (!error) resolve(stdout)
          else if (typeof error.code === 'number') reject(new GitError(args, error.code, stderr))
          else reject(spawnFailure(error))
        })
        if (options?.input !== undefined) child.stdin?.end(options.input)
      }),
    stream: (args) => streamGit(cwd, fullEnv, args)
  }
}

function spawnFailure(error: { code?: unknown; message: string }): VersoError {
  if (error.code === 'ENOENT') {
    return new VersoError('EGIT', 'git is not installed or not on the PATH.', {
      hint: 'Install git (actions/checkout needs it too) and run verso again.'
    })
  }
  return new VersoError('EGIT', `Could not run git: ${error.message}`, { cause: error })
}

async function* streamGit(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[]): AsyncIterable<Buffer> {
  const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const stderr: Buffer[] = []
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error) => reject(spawnFailure(error)))
    child.on('close', (code) => resolve(code ?? 1))
  })
  let finished = false
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer
    finished = true
  } finally {
    if (!finished) child.kill()
  }
  const code = await exited
  if (code !== 0) throw new GitError(args, code, Buffer.concat(stderr).toString('utf8'))
}
