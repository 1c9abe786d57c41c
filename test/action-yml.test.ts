import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { DEFAULTS, OPTION_NAMES } from '../src/config/config.js'
import { OUTPUT_NAMES } from '../src/report/outputs.js'

interface ActionYml {
  runs: { using: string; main: string }
  inputs: Record<string, { description?: string; default?: string }>
  outputs: Record<string, { description?: string }>
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml

describe('action.yml', () => {
  it('runs the bundle on node24', () => expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' }))

  it('declares exactly the options the code reads, with the same defaults and a description each', () => {
    // The token and the signing key are the action's alone: a secret never belongs in a config file or a flag.
    expect(
      Object.keys(action.inputs)
        .filter((n) => n !== 'github-token' && n !== 'signing-key')
        .sort()
    ).toEqual([...OPTION_NAMES].sort())
    for (const name of OPTION_NAMES) {
      expect(action.inputs[name]?.default ?? '', name).toBe(DEFAULTS[name])
      expect(action.inputs[name]?.description, name).toBeTruthy()
    }
  })

  it('declares exactly the outputs the code sets, with a description each', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    for (const name of OUTPUT_NAMES) expect(action.outputs[name]?.description, name).toBeTruthy()
  })

  it('the README tables are generated from it and current', () => {
    execFileSync(process.execPath, ['scripts/readme-inputs.mjs', '--check'])
  })
})

describe('the workflows users paste', () => {
  const readme = readFileSync('README.md', 'utf8')
  const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i) => [`README example ${i + 1}`, m[1]!] as const)
  const workflows = readdirSync('.github/workflows').map((name) => [name, readFileSync(`.github/workflows/${name}`, 'utf8')] as const)

  it.each([...examples, ...workflows])('%s is valid YAML, and gives verso only inputs it declares', (_, text) => {
    const doc = parse(text, { strict: true, prettyErrors: false }) as unknown
    const steps = collectSteps(doc)
    for (const step of steps.filter((s) => /(^\.\/$|\/verso@)/.test(String(s.uses)))) {
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), input).toContain(input)
    }
  })
})

/** Every step of a workflow (or of a fragment that is a list of steps). */
function collectSteps(doc: unknown): { uses?: unknown; with?: Record<string, unknown> }[] {
  if (Array.isArray(doc)) return doc.flatMap(collectSteps)
  if (doc === null || typeof doc !== 'object') return []
  const record = doc as Record<string, unknown>
  return [
    ...('uses' in record ? [record as { uses?: unknown; with?: Record<string, unknown> }] : []),
    ...Object.values(record).flatMap(collectSteps)
  ]
}

describe('the project', () => {
  it('runs its tests on Node 24', () => expect(process.versions.node.split('.')[0]).toBe('24'))

  it('dist/ is what the sources build to', () => {
    execFileSync(process.execPath, ['scripts/check-dist.mjs'], { stdio: 'pipe' })
  }, 60_000)
})
