import { resolve } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { isReallyInside } from '../git/files.js'
import { startFirstReads } from '../git/git.js'

// As in the CLI: a young generation that does not keep doubling halves the peak memory of a
// long range, at no measurable cost to a run that lives for a second.
setFlagsFromString('--semi-space-growth-factor=1')

// git reads the tags and HEAD while the rest of the action loads, where the inputs say it will
// run: a folder named otherwise only leaves them untaken. Never in a folder the run is going
// to refuse: git would read that repository's configuration, and could run what it names.
const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
const root = resolve(workspace, process.env['INPUT_WORKING-DIRECTORY']?.trim() || '.')
const remote = ['', 'auto'].includes(process.env['INPUT_FETCH-HISTORY']?.trim() ?? '')
const firstReads = isReallyInside(workspace, root) ? startFirstReads(root, process.env, { branch: false, remote }) : null

const { run } = await import('./main.js')
await run(process.env, firstReads)
firstReads?.close()
