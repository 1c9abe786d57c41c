import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { VersoError } from '../errors.js'
import { answering, firstReadsIn, readKey, subcommand, type Finished, type FirstReads, type FirstReadsWanted } from './first-reads.js'

/** A git runner bound to one working directory. Never goes through a shell. */
export interface Git {
  readonly cwd: string
  /** Runs git and returns its stdout; a non-zero exit throws a GitError. */
  run(args: readonly string[], options?: RunOptions): Promise<string>
  /** Like run, for output that is bytes rather than text (blobs). */
  runBuffer(args: readonly string[], options?: RunOptions): Promise<Buffer>
  /** Runs git and reports the exit code instead of throwing. */
  tryRun(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }>
  /** git's stdout in chunks, for outputs too large to hold as one string. */
  stream(args: readonly string[]): AsyncIterable<Buffer>
}

export interface RunOptions {
  readonly input?: string
  /** Extra environment, e.g. GIT_COMMITTER_NAME: git lets it win over any config. */
  readonly env?: Readonly<Record<string, string>>
}

export class GitError extends VersoError {
  readonly args: readonly string[]
  readonly exitCode: number
  readonly stderr: string

  constructor(args: readonly string[], exitCode: number, stderr: string) {
    super('EGIT', `git ${subcommand(args)} failed (exit ${exitCode}): ${stderr.trim() || 'no message'}`)
    this.args = args
    this.exitCode = exitCode
    this.stderr = stderr
  }
}

// Prompts would hang a CI job; a fixed locale keeps git's messages the same everywhere;
// GIT_FLUSH=0 lets git fill the pipe in large blocks instead of flushing every commit.
const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_FLUSH: '0', LC_ALL: 'C' }

const MAX_BUFFER = 1 << 30

/**
 * Starts the reads every plan begins with, in `cwd`, with the environment the run's git will
 * have: git answers while Node loads the rest of verso, and `createGit` takes the answers.
 */
export function startFirstReads(cwd: string, env: NodeJS.ProcessEnv, options: FirstReadsWanted): FirstReads {
  const gitEnv = { ...env, ...GIT_ENV }
  const started = new Map<string, Started>()
  for (const { args, spooled } of firstReadsIn(cwd, env, options))
    started.set(readKey(args), (spooled ? runSpooled : runOnce)(args, cwd, gitEnv))
  return answering(cwd, started)
}

/** A git process begun: how it ends, and a way to end it first. */
interface Started {
  readonly finished: Promise<Finished>
  /** Ends the process if it still runs, and removes what it wrote: the run is over. */
  readonly stop: () => void
}

/** Runs git once, its output in memory; never rejects: a failure to start is an outcome too. */
function runOnce(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Started {
  let running = true
  let child: ChildProcess | null = null
  const finished = new Promise<Finished>((resolve) => {
    child = execFile('git', args, { cwd, env, maxBuffer: MAX_BUFFER, encoding: 'buffer' }, (error, stdout, stderr) => {
      running = false
      if (error && typeof error.code !== 'number') resolve({ kind: 'failed', error })
      else resolve({ kind: 'exited', code: error ? Number(error.code) : 0, stdout, stderr: stderr.toString('utf8') })
    })
    if (input !== undefined) {
      // git may end before it reads all of it (a folder it refuses): how it exited says why, not the broken pipe.
      child.stdin?.on('error', () => {})
      child.stdin?.end(input)
    }
  })
  return { finished, stop: () => void (running && child && end(child)) }
}

/** A git process whose stdout goes to a temporary file, removed by `remove`. */
interface Spool {
  readonly path: string
  /** How it ended; its output is in `path` until it is removed. */
  readonly ended: Promise<
    { readonly kind: 'exited'; readonly code: number; readonly stderr: string } | Extract<Finished, { kind: 'failed' }>
  >
  readonly stop: () => void
  readonly remove: () => void
}

/**
 * Runs git with its output in a file, not a pipe. `git log A..B` prints nothing until its walk
 * is done and then everything at once; through a pipe, git and its reader then take turns on
 * one core, while through a file git writes at full speed and the reader reads at full speed.
 * And while Node loads its modules it reads nothing: git would stop at a full pipe.
 */
function spool(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Spool {
  const dir = mkdtempSync(join(tmpdir(), 'verso-git-'))
  const path = join(dir, 'stdout')
  const out = openSync(path, 'w')
  let running = true
  let closed = false
  let removed = false
  const closeOut = (): void => {
    if (!closed) closeSync(out)
    closed = true
  }
  const stderr: Buffer[] = []
  const child = spawn('git', args, { cwd, env, stdio: ['ignore', out, 'pipe'] })
  const ended: Spool['ended'] = new Promise((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', (error) => resolve({ kind: 'failed', error }))
    child.on('close', (code) => {
      running = false
      closeOut()
      resolve({ kind: 'exited', code: code ?? 1, stderr: Buffer.concat(stderr).toString('utf8') })
    })
  })
  return {
    path,
    ended,
    stop: () => void (running && end(child)),
    remove: () => {
      if (removed) return
      removed = true
      closeOut()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Runs git once, its output in a file read whole when it ends (a few hundred tags outgrow a pipe). */
function runSpooled(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Started {
  const spooled = spool(args, cwd, env)
  const finished = spooled.ended
    .then((ended): Finished => {
      if (ended.kind === 'failed') return ended
      try {
        return { ...ended, stdout: readFileSync(spooled.path) }
      } catch (error) {
        // Stopped first, the output is gone: nobody asks for this answer any more.
        return { kind: 'failed', error: error as Error }
      }
    })
    .finally(spooled.remove)
  return {
    finished,
    stop: () => {
      spooled.stop()
      spooled.remove()
    }
  }
}

/**
 * Ends a git process and lets go of its pipes: a process git started in turn (the remote's
 * side of a fetch) holds them open until it is done, and Node would wait for it.
 */
function end(child: ChildProcess): void {
  child.kill()
  for (const stream of [child.stdout, child.stderr]) stream?.destroy()
  child.unref()
}

/**
 * `first`: reads the entry point started before verso loaded, in this folder and with the
 * environment this git is given; each is answered from there once.
 */
export function createGit(cwd: string, env: NodeJS.ProcessEnv = process.env, first: FirstReads | null = null): Git {
  const fullEnv = { ...env, ...GIT_ENV }
  // An early answer only to the same command in the same folder, without input or an
  // environment of its own; any other command may end the early answers.
  const finish = (args: readonly string[], options?: RunOptions): Promise<Finished> => {
    if (first !== null && first.cwd === cwd && options === undefined) {
      const early = first.take(args)
      if (early) return early
    } else first?.pass(args)
    return runOnce(args, cwd, options?.env ? { ...fullEnv, ...options.env } : fullEnv, options?.input).finished
  }
  const tryRun: Git['tryRun'] = async (args) => {
    const done = await finish(args)
    if (done.kind === 'failed') throw spawnFailure(done.error, cwd)
    return { code: done.code, stdout: done.stdout.toString('utf8'), stderr: done.stderr }
  }
  const runBuffer: Git['runBuffer'] = async (args, options) => {
    const done = await finish(args, options)
    if (done.kind === 'failed') throw spawnFailure(done.error, cwd)
    if (done.code !== 0) throw new GitError(args, done.code, done.stderr)
    return done.stdout
  }

  return {
    cwd,
    tryRun,
    runBuffer,
    run: async (args, options) => (await runBuffer(args, options)).toString('utf8'),
    stream: (args) => {
      first?.pass(args)
      return streamGit(cwd, fullEnv, args)
    }
  }
}

function spawnFailure(error: { code?: unknown; message: string }, cwd: string): VersoError {
  // spawn says ENOENT for a missing working directory as well as for a missing git.
  if (error.code === 'ENOENT' && !existsSync(cwd)) {
    return new VersoError('EUSAGE', `The directory ${cwd} does not exist.`, {
      hint: 'Check working-directory (--working-directory): it is relative to the workspace.'
    })
  }
  if (error.code === 'ENOENT') {
    return new VersoError('EGIT', 'git is not installed or not on the PATH.', {
      hint: 'Install git (actions/checkout needs it too) and run verso again.'
    })
  }
  return new VersoError('EGIT', `Could not run git: ${error.message}`, { cause: error })
}

/** git's stdout, spooled to a temporary file (see `spool`) and read back in large chunks. */
async function* streamGit(cwd: string, env: NodeJS.ProcessEnv, args: readonly string[]): AsyncIterable<Buffer> {
  const spooled = spool(args, cwd, env)
  try {
    const ended = await spooled.ended
    if (ended.kind === 'failed') throw spawnFailure(ended.error, cwd)
    if (ended.code !== 0) throw new GitError(args, ended.code, ended.stderr)
    const input = await open(spooled.path, 'r')
    try {
      // No larger than what is left to read: a 4 MiB buffer for a short output would cost the
      // run a full garbage collection, for memory it never uses.
      let left = (await input.stat()).size
      for (let read = 1; read > 0;) {
        // A new buffer each time: the consumer may keep a piece of the last one.
        const buffer = Buffer.allocUnsafe(Math.min(Math.max(left, 1), 1 << 22))
        read = (await input.read(buffer, 0, buffer.length, null)).bytesRead
        left -= read
        if (read > 0) yield buffer.subarray(0, read)
      }
    } finally {
      await input.close()
    }
  } finally {
    spooled.remove()
  }
}
