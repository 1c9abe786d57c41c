import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Every module under src/ has a test that imports it, so a new module cannot arrive
 * untested and a deleted one cannot leave a test behind. A barrel (`index.ts`) does not
 * count for the modules it re-exports: the test must name the module it tests.
 */
const ROOT = resolve(import.meta.dirname, '..')

/** Tested as the runner and a shell run them: through dist/, which a test keeps equal to the sources. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  'src/action/index.ts': 'the action entry point; test/action/ runs the built dist/index.js',
  'src/action/main.ts': 'test/action/ runs it as the runner does, from dist/index.js',
  'src/cli/index.ts': 'the CLI entry point; test/cli/ runs the built dist/cli.js'
}

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}

function importedByTests(): Set<string> {
  const imported = new Set<string>()
  for (const file of listFiles('test').filter((path) => path.endsWith('.ts'))) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    for (const match of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g)) {
      imported.add(relative(ROOT, resolve(ROOT, dirname(file), `${match[1]!}.ts`)))
    }
  }
  return imported
}

describe('the test tree', () => {
  const modules = listFiles('src').filter((path) => path.endsWith('.ts'))
  const imported = importedByTests()

  it('imports every module under src/, but for the listed exceptions', () => {
    const untested = modules.filter((path) => !imported.has(path) && !(path in EXCEPTIONS))
    expect(untested, 'modules no test imports: add a test that imports each, mirroring its path under test/').toEqual([])
  })

  it('lists only exceptions that exist and that no test imports', () => {
    for (const path of Object.keys(EXCEPTIONS)) {
      expect(modules, path).toContain(path)
      expect(imported.has(path), `${path} is imported by a test now: drop it from EXCEPTIONS`).toBe(false)
    }
  })
})
