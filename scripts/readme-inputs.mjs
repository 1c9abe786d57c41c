// Writes the README's inputs and outputs tables from action.yml, so they cannot drift.
// `--check` fails instead of writing when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')
const code = (text) => (text === '' ? '*(empty)*' : `\`${text}\``)

const inputs = [
  '| input | default | description |',
  '|---|---|---|',
  ...Object.entries(action.inputs).map(([name, spec]) => `| \`${name}\` | ${code(spec.default ?? '')} | ${cell(spec.description)} |`)
]
const outputs = [
  '| output | description |',
  '|---|---|',
  ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
]

const readme = readFileSync('README.md', 'utf8')
const next = replaceBetween(replaceBetween(readme, 'inputs', inputs), 'outputs', outputs)

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md inputs/outputs are out of date: run `npm run docs` and commit README.md.')
    process.exit(1)
  }
} else {
  writeFileSync('README.md', next)
}

function replaceBetween(text, name, lines) {
  const start = `<!-- ${name}:start (generated from action.yml by npm run docs) -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${lines.join('\n')}\n${text.slice(to)}`
}
