import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CURRENT_BRANCH, inspectArgs, LIST_TAGS, ORIGIN_HEAD, ORIGIN_TAGS, type FirstReads } from '../../src/git/first-reads.js'
import { createGit, startFirstReads } from '../../src/git/git.js'
import { useRepos, type TestRepo } from '../support/repo.js'
import { eventPayload, runAction, runCli } from '../support/runner.js'

const repo = useRepos()

function released(): TestRepo {
  const r = repo()
  r.commits('feat: one', 'fix: two')
  r.tag('v1.0.0')
  r.tag('v1.0.1', { annotated: true })
  r.commit('feat: three')
  return r
}

/** Tags pushed to the origin by another clone: the origin changes, this clone does not. */
function pushTagElsewhere(r: TestRepo, bare: string, tag: string): void {
  const other = join(r.root, `other-${tag}`)
  execFileSync('git', ['clone', '-q', bare, other], { env: r.env })
  execFileSync('git', ['tag', tag], { cwd: other, env: r.env })
  execFileSync('git', ['push', '-q', 'origin', tag], { cwd: other, env: r.env })
}

/** The clone's origin answers through a script that first runs `before`, as a slow or watched remote would. */
function serveThrough(r: TestRepo, clone: string, before: string): void {
  const script = join(r.root, `upload-pack-${Math.random().toString(36).slice(2)}`)
  writeFileSync(script, `#!/bin/sh\n${before}\nexec git-upload-pack "$@"\n`, { mode: 0o755 })
  execFileSync('git', ['config', 'remote.origin.uploadpack', script], { cwd: clone, env: r.env })
}

interface TraceEvent {
  readonly event: string
  readonly sid: string
  readonly argv?: string[]
}

function readTrace(trace: string): TraceEvent[] {
  return readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as TraceEvent)
}

/** The git commands a traced run started itself (not the ones git started in turn). */
function startedCommands(trace: string): string[] {
  return readTrace(trace)
    .filter((event) => event.event === 'start' && !event.sid.includes('/'))
    .map((event) => event.argv!.slice(1).join(' '))
}

/** The commands of `startedCommands` that have ended. */
function exitedCommands(trace: string): string[] {
  const events = readTrace(trace)
  const ended = new Set(events.filter((event) => event.event === 'exit').map((event) => event.sid))
  return events.filter((e) => e.event === 'start' && !e.sid.includes('/') && ended.has(e.sid)).map((e) => e.argv!.slice(1).join(' '))
}

/**
 * Starts the reads with git tracing them, and says when the given ones have ended: the
 * repository may change after that without their answers seeing it.
 */
function startTraced(
  r: TestRepo,
  dir: string,
  branch: boolean
): { first: FirstReads; ended: (...reads: (readonly string[])[]) => Promise<void>; started: () => string[] } {
  const trace = join(r.root, `early-${Math.random().toString(36).slice(2)}.json`)
  const first = startFirstReads(dir, { ...r.env, GIT_TRACE2_EVENT: trace }, { branch, remote: true })
  const ended = (...reads: (readonly string[])[]) =>
    until(() => existsSync(trace) && reads.every((args) => exitedCommands(trace).includes(args.join(' '))))
  return { first, ended, started: () => startedCommands(trace) }
}

/**
 * The environment that has a built entry point write down the commands it starts, in the
 * order it starts them; `order()` reads them.
 */
function startOrder(r: TestRepo): { env: NodeJS.ProcessEnv; order: () => string[] } {
  const file = join(r.root, `order-${Math.random().toString(36).slice(2)}.log`)
  const probe = pathToFileURL(join(import.meta.dirname, '../support/spawn-order.mjs')).href
  return {
    env: { NODE_OPTIONS: `--import=${probe}`, SPAWN_ORDER: file },
    order: () => readFileSync(file, 'utf8').split('\n').filter(Boolean)
  }
}

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 20_000) throw new Error('gave up waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('reads started before they are asked for', () => {
  it('answer as git would, each once: the second ask runs git again and sees the repository as it is then', async () => {
    const r = released()
    const first = startFirstReads(r.dir, r.env, { branch: true, remote: true })
    const git = createGit(r.dir, r.env, first)
    const fresh = createGit(r.dir, r.env)
    expect(await git.tryRun(CURRENT_BRANCH)).toEqual(await fresh.tryRun(CURRENT_BRANCH))
    // No origin/HEAD here: the failure is answered as git gave it.
    const originHead = await git.tryRun(ORIGIN_HEAD)
    expect(originHead.code).toBe(1)
    expect(originHead).toEqual(await fresh.tryRun(ORIGIN_HEAD))
    expect(await git.run(inspectArgs('HEAD'))).toBe(await fresh.run(inspectArgs('HEAD')))
    const tags = await git.run(LIST_TAGS)
    expect(tags).toBe(await fresh.run(LIST_TAGS))
    expect(
      tags
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\0')[0])
    ).toEqual(['v1.0.0', 'v1.0.1'])
    // Made behind verso's back: a second listing is not an early answer.
    r.tag('v1.1.0')
    expect(await git.run(LIST_TAGS)).toContain('v1.1.0')
  })

  it('outlast the reads in between, and are dropped by the first command that may change the repository', async () => {
    const r = released()
    const { first, ended } = startTraced(r, r.dir, false)
    await ended(LIST_TAGS)
    // Made behind verso's back once the early listing ended: only a fresh listing has it.
    r.tag('v1.5.0')
    const git = createGit(r.dir, r.env, first)
    await git.run(['rev-parse', 'HEAD'])
    await git.run(['log', '-1', '--format=%H'])
    expect(await git.run(LIST_TAGS)).not.toContain('v1.5.0')

    const again = startTraced(r, r.dir, false)
    await again.ended(LIST_TAGS)
    const later = createGit(r.dir, r.env, again.first)
    await later.run(['tag', 'v2.0.0'])
    expect(await later.run(LIST_TAGS)).toContain('v2.0.0')
  })

  it('are not what a command with its own environment or input is answered', async () => {
    const r = released()
    const { first, ended } = startTraced(r, r.dir, false)
    await ended(LIST_TAGS)
    r.tag('v3.0.0')
    const git = createGit(r.dir, r.env, first)
    expect(await git.run(LIST_TAGS, { env: { GIT_COMMITTER_NAME: 'Someone' } })).toContain('v3.0.0')
  })

  it('are dropped by a command that changes the repository from another of its folders', async () => {
    const r = released()
    const sub = join(r.dir, 'packages')
    mkdirSync(sub)
    const { first, ended } = startTraced(r, r.dir, false)
    await ended(LIST_TAGS)
    await createGit(sub, r.env, first).run(['tag', 'v2.1.0'])
    expect(await createGit(r.dir, r.env, first).run(LIST_TAGS)).toContain('v2.1.0')
  })

  it('are answered only in the folder they were started in', async () => {
    const r = released()
    const sub = join(r.dir, 'packages', 'web')
    mkdirSync(sub, { recursive: true })
    const { first, ended } = startTraced(r, r.dir, false)
    await ended(LIST_TAGS)
    r.tag('v1.2.0')
    // Another folder asks git itself, and sees the tag made after the reads started.
    expect(await createGit(sub, r.env, first).run(LIST_TAGS)).toContain('v1.2.0')
    expect(await createGit(r.dir, r.env, first).run(LIST_TAGS)).not.toContain('v1.2.0')
  })

  it('list the remote tags at once in a shallow clone, and a full clone never asks the remote early', async () => {
    const r = released()
    const bare = r.addBareOrigin()
    const shallow = r.shallowClone(1)
    const { first, ended } = startTraced(r, shallow, false)
    const early = createGit(shallow, r.env, first)
    // The origin changes once the early listing has ended, as git's own trace says.
    await ended(ORIGIN_TAGS)
    pushTagElsewhere(r, bare, 'v9.0.0')
    const listed = await early.run(ORIGIN_TAGS)
    expect(listed).toContain('refs/tags/v1.0.1')
    expect(listed).not.toContain('v9.0.0')
    expect(await early.run(ORIGIN_TAGS)).toContain('v9.0.0')

    const full = startTraced(r, r.dir, false)
    await full.ended(inspectArgs('HEAD'), LIST_TAGS)
    expect(full.started().sort()).toEqual([inspectArgs('HEAD').join(' '), LIST_TAGS.join(' ')].sort())
  })

  it('say what git said outside a repository', async () => {
    const r = repo()
    const outside = join(r.root, 'empty')
    mkdirSync(outside)
    const first = startFirstReads(outside, r.env, { branch: true, remote: true })
    const found = await createGit(outside, r.env, first).tryRun(inspectArgs('HEAD'))
    expect(found.code).toBe(128)
    expect(found.stderr).toMatch(/not a git repository/)
  })

  it('reach the built CLI: a plan in a depth-1 clone runs each of them once', async () => {
    const r = released()
    r.addBareOrigin()
    const shallow = r.shallowClone(1)
    const trace = join(r.root, 'trace.json')
    const spawned = startOrder(r)
    const run = await runCli(['plan'], { cwd: shallow, env: { ...r.env, ...spawned.env, GIT_TRACE2_EVENT: trace } })
    expect(run.stderr).toContain('listed the remote')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^v1\.0\.1 → v1\.1\.0 \(minor\)/)
    const commands = startedCommands(trace)
    for (const args of [ORIGIN_TAGS, inspectArgs('HEAD'), LIST_TAGS, CURRENT_BRANCH, ORIGIN_HEAD])
      expect(commands.filter((c) => c === args.join(' '))).toHaveLength(1)
    // Begun before anything else.
    expect(spawned.order()[0]).toBe(ORIGIN_TAGS.join(' '))
  })

  it('never keep the CLI waiting: a remote that is slow to answer is left when the run is over', async () => {
    const r = released()
    r.addBareOrigin()
    const slow = r.shallowClone(1)
    // The origin takes half a minute to answer; the plan below runs in another repository.
    serveThrough(r, slow, 'sleep 30')
    const temp = join(r.root, 'tmp')
    mkdirSync(temp)
    const began = Date.now()
    const run = await runCli(['plan', '--working-directory', r.dir], { cwd: slow, env: { ...r.env, TMPDIR: temp } })
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^v1\.0\.1 → v1\.1\.0/)
    expect(Date.now() - began).toBeLessThan(15_000)
    // The file the early listing wrote to is gone with it.
    expect(readdirSync(temp).filter((name) => name.startsWith('verso-git-'))).toEqual([])
  })

  it('leave the remote alone when the command line says how to fetch', async () => {
    const r = released()
    r.addBareOrigin()
    const shallow = r.shallowClone(1)
    const calls = join(r.root, 'calls.log')
    serveThrough(r, shallow, `echo called >> ${calls}`)
    const run = await runCli(['plan', '--fetch-history', 'never'], { cwd: shallow, env: r.env })
    expect(run.stderr).toContain('fetch-history is never')
    expect(existsSync(calls)).toBe(false)
  })

  it('reach the built action: in a depth-1 clone the remote is asked first, and each read runs once', async () => {
    const r = released()
    r.addBareOrigin()
    const shallow = r.shallowClone(1)
    const trace = join(r.root, 'trace.json')
    const push = {
      name: 'push',
      payload: eventPayload('push', (p) => {
        p.ref = 'refs/heads/main'
        p.after = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: shallow, env: r.env, encoding: 'utf8' }).trim()
      })
    }
    const spawned = startOrder(r)
    const run = await runAction({
      cwd: shallow,
      env: { ...r.env, ...spawned.env, GIT_TRACE2_EVENT: trace },
      inputs: { mode: 'plan' },
      event: push
    })
    expect(run.outputs.version).toBe('1.1.0')
    expect(spawned.order()[0]).toBe(ORIGIN_TAGS.join(' '))
    const commands = startedCommands(trace)
    for (const args of [ORIGIN_TAGS, inspectArgs('HEAD'), LIST_TAGS]) expect(commands.filter((c) => c === args.join(' '))).toHaveLength(1)
  })

  it('never run in a working-directory the action refuses: git would read that repository and run what it names', async () => {
    const r = released()
    r.addBareOrigin()
    const outside = r.shallowClone(1, 'outside')
    // The outside repository names a program for git to run when it asks its remote.
    const calls = join(r.root, 'calls.log')
    serveThrough(r, outside, `echo called >> ${calls}`)
    symlinkSync(outside, join(r.dir, 'link'))
    const push = { name: 'push', payload: eventPayload('push', (p) => void (p.ref = 'refs/heads/main')) }
    const run = await runAction({ cwd: r.dir, env: r.env, inputs: { mode: 'plan', 'working-directory': 'link' }, event: push })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('leads outside the workspace through a symbolic link')
    expect(existsSync(calls)).toBe(false)
  })
})
