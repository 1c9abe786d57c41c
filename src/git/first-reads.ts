import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'

// The git reads a run that plans begins with, as the modules that make them spell them: the
// entry points start them before the rest of verso loads, and the run takes their answers.
export const CURRENT_BRANCH = ['symbolic-ref', '--quiet', 'HEAD'] as const
export const ORIGIN_HEAD = ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'] as const
const TAG_FIELDS = ['%(refname:strip=2)', '%(objecttype)', '%(objectname)', '%(*objecttype)', '%(*objectname)'].join('%00')
export const LIST_TAGS = ['for-each-ref', `--format=${TAG_FIELDS}`, 'refs/tags'] as const
export const ORIGIN_TAGS = ['ls-remote', '--tags', '--end-of-options', 'origin'] as const

/** `git rev-parse` that says whether the clone is shallow, where its shallow file is, and the commit `revision` names. */
export function inspectArgs(revision: string): string[] {
  return ['rev-parse', '--is-shallow-repository', '--git-path', 'shallow', '--end-of-options', `${revision}^{commit}`]
}

/** How one git process ended: its exit code and output, or why it could not start. */
export type Finished =
  | { readonly kind: 'exited'; readonly code: number; readonly stdout: Buffer; readonly stderr: string }
  | { readonly kind: 'failed'; readonly error: { readonly code?: unknown; readonly message: string } }

/**
 * Whether the clone in `cwd` is shallow, from its files alone, as far as that is cheap to
 * tell: a `.git` folder above or at `cwd` holding a `shallow` file. A worktree, a submodule
 * or a GIT_DIR is never guessed shallow; the run finds out from git itself.
 */
function looksShallow(cwd: string, env: NodeJS.ProcessEnv): boolean {
  if (env.GIT_DIR !== undefined) return false
  try {
    for (let dir = cwd; ; dir = dirname(dir)) {
      const git = statSync(join(dir, '.git'), { throwIfNoEntry: false })
      if (git) return git.isDirectory() && statSync(join(dir, '.git', 'shallow'), { throwIfNoEntry: false })?.isFile() === true
      if (dirname(dir) === dir) return false
    }
  } catch {
    // A folder it may not read: git will say what it makes of it.
    return false
  }
}

/**
 * Answers to reads started before they were asked for, each given once, to the same
 * arguments in the same folder. They describe the repository as it was when they started,
 * so the first git command that may change it (anything but the reads below) drops the rest.
 */
export interface FirstReads {
  readonly cwd: string
  /** The answer to `args`, if it was started early and not taken yet; else as `pass`. */
  take(args: readonly string[]): Promise<Finished> | null
  /** `args` runs now, not answered from here: one that may change the repository ends the early answers. */
  pass(args: readonly string[]): void
  /**
   * The run is over: a read nobody took, still running (a slow remote), is ended, so that the
   * process exits when the run does.
   */
  close(): void
}

// Commands that only read the repository; any other ends the early answers.
const READS = new Set(['rev-parse', 'symbolic-ref', 'for-each-ref', 'log', 'rev-list', 'cat-file', 'ls-files', 'ls-tree', 'ls-remote'])

/** A read to start early; `spooled`: its output may be larger than a pipe holds. */
export interface FirstRead {
  readonly args: readonly string[]
  readonly spooled: boolean
}

/** Which reads to start: the branch's (`branch`), and the remote's tags (`remote`) when the clone looks shallow. */
export interface FirstReadsWanted {
  readonly branch: boolean
  /** false where the run is told not to ask the remote for tags (`fetch-history` other than `auto`). */
  readonly remote: boolean
}

/**
 * The reads every plan begins with, in `cwd`. In a clone that looks shallow the remote's tags
 * come first, since a plan there starts by asking for them and the remote takes longest.
 */
export function firstReadsIn(cwd: string, env: NodeJS.ProcessEnv, { branch, remote }: FirstReadsWanted): FirstRead[] {
  return [
    ...(remote && looksShallow(cwd, env) ? [{ args: ORIGIN_TAGS, spooled: true }] : []),
    { args: inspectArgs('HEAD'), spooled: false },
    { args: LIST_TAGS, spooled: true },
    ...(branch ? [CURRENT_BRANCH, ORIGIN_HEAD].map((args) => ({ args, spooled: false })) : [])
  ]
}

/** The answers of reads already started, each given once, until a command may change the repository. */
export function answering(
  cwd: string,
  started: ReadonlyMap<string, { readonly finished: Promise<Finished>; readonly stop: () => void }>
): FirstReads {
  const pending = new Map([...started].map(([key, read]) => [key, read.finished]))
  const pass = (args: readonly string[]): void => {
    if (!READS.has(subcommand(args))) pending.clear()
  }
  return {
    cwd,
    take(args) {
      const running = pending.get(readKey(args))
      if (!running) {
        pass(args)
        return null
      }
      pending.delete(readKey(args))
      return running
    },
    pass,
    close() {
      pending.clear()
      for (const read of started.values()) read.stop()
    }
  }
}

export function readKey(args: readonly string[]): string {
  return args.join('\0')
}

/** The command's name, past any `-c name=value` before it: `git log`, not `git -c`. */
export function subcommand(args: readonly string[]): string {
  let i = 0
  while (args[i] === '-c') i += 2
  return args[i] ?? ''
}
