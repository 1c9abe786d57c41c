import { describe, expect, it } from 'vitest'
import { describeProblem, type ConfigProblem } from '../../../src/image/config-error.js'
import { parseSchemaFiles } from '../../../src/image/json-schema/schema-files.js'

/** Nine aliases of nine aliases, fifteen deep: 9^15 nodes once expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
  let previous = 'a'
  for (const name of 'bcdefghijklmnop') {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`)
    previous = name
  }
  return `${lines.join('\n')}\n`
}

function problemsOf(files: { path: string; text: string }[]): string[] {
  const problems: ConfigProblem[] = []
  parseSchemaFiles(files, problems)
  return problems.map(describeProblem)
}

describe('parseSchemaFiles', () => {
  it('reads JSON and YAML', () => {
    const parsed = parseSchemaFiles(
      [
        { path: 'a.json', text: '{ "type": "string" }' },
        { path: 'b.yaml', text: 'type: integer\n' }
      ],
      []
    )
    expect(parsed.map((file) => file.root)).toEqual([{ type: 'string' }, { type: 'integer' }])
  })

  it('refuses a YAML file whose aliases expand without end, quickly and as a configuration problem', () => {
    const started = performance.now()
    const problems = problemsOf([{ path: 'schemas/bomb.yaml', text: billionLaughs() }])
    expect(problems).toEqual([expect.stringContaining('schemas/bomb.yaml')])
    expect(problems[0]).toContain('not valid YAML')
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('names each file that does not parse, with its line', () => {
    const problems = problemsOf([
      { path: 'a.json', text: '{\n  "type": \n}' },
      { path: 'b.yaml', text: 'a: [\n' }
    ])
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^a\.json(:\d+)?: not valid JSON/)
    expect(problems[1]).toMatch(/^b\.yaml(:\d+)?: not valid YAML/)
  })
})
