import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { OPTION_NAMES, type RawOptions } from '../config.js'
import { resolveNow } from '../clock.js'
import { describeError, VersoError } from '../errors.js'
import { createGit } from '../git/git.js'
import { readWorktreeFile } from '../git/worktree.js'
import { loadConfig, planRelease } from '../pipeline.js'
import { renderPlanJson } from '../report/json.js'
import { renderPlanText } from '../report/text.js'

export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
}

const USAGE = `Usage: verso <command> [options]

Commands:
  plan        decide the next version from the commits since the last release (default)
  help        show this text

Options (the action's input names; .github/verso.yml holds the same keys):
${OPTION_NAMES.map((n) => `  --${n} <value>`).join('\n')}
  --json      print the plan as JSON (shape documented in the README)
  --date YYYY-MM-DD
              the release date for CalVer (UTC); else SOURCE_DATE_EPOCH, else today
  --verbose   list every commit and the tags that were ignored

Exit status: 0 a plan was made (a release or nothing to release), 1 the release is
blocked or verso failed, 2 the command line or the configuration is invalid.
`

const BOOLEAN_OPTIONS = new Set<string>(['strict'])

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { command, given, json, verbose, date } = parseCommandLine(argv)
    if (command === 'help') {
      io.stdout(USAGE)
      return 0
    }
    const root = resolve(io.cwd, String(given['working-directory'] ?? '.'))
    const config = await loadConfig(given, (path) => readWorktreeFile(root, path))
    const now = resolveNow({ date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: new Date() })
    const { plan, fetched } = await planRelease(createGit(root, io.env), config, now)
    for (const step of fetched) io.stderr(`verso: shallow clone: ${step}\n`)
    if (verbose && plan.ignoredTags.length) io.stderr(`verso: tags that are not versions here: ${plan.ignoredTags.join(', ')}\n`)
    io.stdout(json ? renderPlanJson(plan) : renderPlanText(plan, { verbose }))
    return plan.kind === 'blocked' ? 1 : 0
  } catch (error) {
    io.stderr(`verso: ${describeError(error)}\n`)
    return error instanceof VersoError && (error.code === 'EUSAGE' || error.code === 'EINVALIDCONFIG') ? 2 : 1
  }
}

function parseCommandLine(argv: readonly string[]): { command: 'plan' | 'help'; given: RawOptions; json: boolean; verbose: boolean; date: string | undefined } {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        ...Object.fromEntries(OPTION_NAMES.map((n) => [n, { type: BOOLEAN_OPTIONS.has(n) ? ('boolean' as const) : ('string' as const) }])),
        json: { type: 'boolean' },
        date: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    throw new VersoError('EUSAGE', (error as Error).message, { hint: 'Run `verso help` for the options.' })
  }
  const [command = 'plan', ...rest] = parsed.positionals
  if (command !== 'plan' && command !== 'help') throw new VersoError('EUSAGE', `Unknown command \`${command}\`.`, { hint: 'Run `verso help` for the commands.' })
  if (rest.length) throw new VersoError('EUSAGE', `Unexpected argument \`${rest[0]}\`.`, { hint: 'Options take the form --name value.' })
  const given: RawOptions = {}
  for (const name of OPTION_NAMES) {
    const value = (parsed.values as Record<string, string | boolean | undefined>)[name]
    if (value !== undefined) given[name] = String(value)
  }
  return { command: parsed.values.help ? 'help' : command, given, json: parsed.values.json === true, verbose: parsed.values.verbose === true, date: parsed.values.date }
}
