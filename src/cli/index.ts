// A namespace, not a named import: an older Node.js without it must still reach the refusal below.
import * as nodeModule from 'node:module'
import { setFlagsFromString } from 'node:v8'
import { unsupportedNode } from './node-version.js'

const NOT_PLANNING = new Set(['help', '--help', '-h', '--version', '-V', 'migrate', 'lint-commit'])

// Checked before the rest is loaded: on an older Node.js the rest may not even parse.
const refusal = unsupportedNode(process.versions.node)
if (refusal !== null) {
  process.stderr.write(`verso: ${refusal}\n`)
  process.exit(1)
}

// A reader that stops early (`verso plan | head`) closes the pipe: that ends the output, and
// the command with the status it has, not with a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

// A plan keeps every commit of its range, so most young objects survive and V8 keeps doubling
// the young generation: on a long range that, not the commits, is most of the peak memory.
// A run lives for a second; a young generation that stays small costs it nothing measurable.
setFlagsFromString('--semi-space-growth-factor=1')

// Node keeps the code it compiled for verso's modules in its cache folder (under the system's
// temporary folder, unless NODE_COMPILE_CACHE names another), so that every run after the
// first starts sooner. Before the modules load: the cache is for them.
nodeModule.enableCompileCache()

// git reads the tags and HEAD while the rest of verso loads, for the commands that plan. Only
// a guess from the words given: a wrong one costs a read nobody takes, never a wrong answer.
const argv = process.argv.slice(2)
const plans = !argv.some((word) => NOT_PLANNING.has(word))
// A --fetch-history of any value may keep the run from asking the remote for its tags.
const remote = !argv.some((word) => word.startsWith('--fetch-history'))
// Loaded here, not imported above: only past the refusal may a module need a newer Node.js.
const firstReads = plans ? (await import('../git/git.js')).startFirstReads(process.cwd(), process.env, { branch: true, remote }) : null

const { main } = await import('./main.js')
process.exitCode = await main(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  firstReads
})
firstReads?.close()
