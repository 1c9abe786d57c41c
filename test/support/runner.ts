import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)

interface ActionYml {
  inputs: Record<string, { default?: string }>
}

/** Every declared input, as the runner passes them: the given value, else the default, else ''. */
export function runnerInputs(given: Record<string, string>): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = given[name] ?? spec.default ?? ''
  for (const name of Object.keys(given)) if (!(name in action.inputs)) throw new Error(`action.yml declares no input ${name}`)
  return env
}

/** A payload GitHub really sent, with only the fields a test needs changed. */
export function eventPayload(
  name: 'push' | 'pull_request' | 'workflow_dispatch',
  change: (payload: Record<string, unknown>) => void = () => {},
  action?: string
): Record<string, unknown> {
  const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
    name: string
    examples: Record<string, unknown>[]
  }[]
  const all = examples.find((e) => e.name === name)!.examples
  const payload = structuredClone(action === undefined ? all[0]! : all.find((e) => e.action === action)!)
  change(payload)
  return payload
}

export interface ActionRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
}

/** Runs the built action as the runner does: a node24 child process with the runner's files and variables. */
export async function runAction(options: {
  cwd: string
  env: NodeJS.ProcessEnv
  inputs: Record<string, string>
  event: { name: string; payload: Record<string, unknown> }
}): Promise<ActionRun> {
  const files = mkdtempSync(join(tmpdir(), 'verso-runner-'))
  const output = join(files, 'output')
  const summary = join(files, 'summary')
  const eventPath = join(files, 'event.json')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  writeFileSync(eventPath, JSON.stringify(options.event.payload))
  const env = {
    ...runnerInputs(options.inputs),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: options.cwd,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_TEMP: files,
    ...options.env
  }
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [join(ROOT, 'dist/index.js')], { cwd: options.cwd, env, encoding: 'utf8' }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
  })
  return { ...result, outputs: parseOutputFile(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') }
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` blocks, the format @actions/core writes. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!)
    outputs[m[1]!] = value.join('\n')
  }
  return outputs
}

/** Runs the built CLI. */
export async function runCli(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv }
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), ...args],
      { cwd: options.cwd, env: options.env, encoding: 'utf8' },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
  })
}
