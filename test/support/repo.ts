import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A git environment that ignores the machine's own configuration. */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  writeFileSync(join(home, '.gitconfig'), '')
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.com',
    LC_ALL: 'C'
  }
}

/** A real repository in a temp dir, with a clock that moves one minute per commit. */
export class TestRepo {
  readonly dir: string
  readonly env: NodeJS.ProcessEnv
  private clock = Date.UTC(2024, 0, 1) / 1000

  private constructor(readonly root: string) {
    this.dir = join(root, 'work')
    this.env = isolatedGitEnv(root)
  }

  static create(): TestRepo {
    const repo = new TestRepo(mkdtempSync(join(tmpdir(), 'verso-test-')))
    execFileSync('git', ['init', '-q', '-b', 'main', repo.dir], { env: repo.env })
    repo.git('config', 'commit.gpgsign', 'false')
    repo.git('config', 'tag.gpgsign', 'false')
    return repo
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8', maxBuffer: 1 << 28 }).trim()
  }

  /** Commits `message` exactly as given (no cleanup) and returns the sha. */
  commit(message: string | Buffer): string {
    this.clock += 60
    const date = `${this.clock} +0000`
    execFileSync('git', ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'], {
      cwd: this.dir,
      env: { ...this.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      input: message
    })
    return this.git('rev-parse', 'HEAD')
  }

  /** Several commits at once, oldest first; returns their shas. */
  commits(...messages: string[]): string[] {
    return messages.map((m) => this.commit(m))
  }

  tag(name: string, options: { at?: string; annotated?: boolean } = {}): void {
    const at = options.at ?? 'HEAD'
    if (options.annotated) this.git('tag', '-a', name, '-m', `release ${name}`, at)
    else this.git('tag', name, at)
  }

  /** A bare clone to serve as `origin`, wired up as this repository's remote. */
  addBareOrigin(): string {
    const bare = join(this.root, 'origin.git')
    execFileSync('git', ['clone', '-q', '--bare', this.dir, bare], { env: this.env })
    this.git('remote', 'add', 'origin', bare)
    return bare
  }

  /** `git clone --depth` of the origin: the shape actions/checkout leaves. */
  shallowClone(depth: number, name = 'shallow'): string {
    const target = join(this.root, name)
    execFileSync('git', ['clone', '-q', '--no-tags', `--depth=${depth}`, `file://${join(this.root, 'origin.git')}`, target], {
      env: this.env
    })
    return target
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

/** A maker of test repositories for one test file; each is removed after its test. */
export function useRepos(): () => TestRepo {
  const made: TestRepo[] = []
  afterEach(() => made.splice(0).forEach((r) => r.remove()))
  return () => {
    const r = TestRepo.create()
    made.push(r)
    return r
  }
}

/** The environment variable that lets a push to a protected branch through, as an administrator's merge gets through. */
export const PAST_PROTECTION = { VERSO_TEST_ADMIN: '1' }

/**
 * A bare repository's `pre-receive` hook that refuses pushes to `branch` with GitHub's own
 * words, the stand-in for branch protection; a push with PAST_PROTECTION in its environment passes.
 */
export function protectBranch(bare: string, branch = 'main'): void {
  const hook = join(bare, 'hooks', 'pre-receive')
  writeFileSync(
    hook,
    `#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = refs/heads/${branch} ] && [ "$VERSO_TEST_ADMIN" != 1 ]; then\n` +
      `    echo "GH006: Protected branch update failed for refs/heads/${branch}." >&2\n    exit 1\n  fi\ndone\n`
  )
  chmodSync(hook, 0o755)
}
