import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { parseCommandLine, type Command, type CommandLine } from '../../src/cli/args.js'
import { DEFAULTS, OPTION_NAMES } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'

const BOOLEANS = ['strict', 'dry-run', 'draft', 'comment', 'snapshot-versions', 'provenance']
const RUN_COMMANDS = [
  'plan',
  'release',
  'check',
  'rollback',
  'artifacts',
  'migrate',
  'lint-commit',
  'image check',
  'image set',
  'image status'
] as const satisfies readonly Command[]
type RunCommand = (typeof RUN_COMMANDS)[number]

/** Which command takes which command option, written out here rather than read from the module. */
const TAKES: Readonly<
  Record<
    string,
    {
      readonly flag: string
      readonly argv: readonly string[]
      readonly field: Partial<CommandLine>
      readonly commands: readonly RunCommand[]
    }
  >
> = {
  json: {
    flag: '--json',
    argv: ['--json'],
    field: { json: true },
    commands: ['plan', 'check', 'artifacts', 'migrate', 'image check', 'image set', 'image status']
  },
  notes: { flag: '--notes', argv: ['--notes'], field: { notes: true }, commands: ['plan'] },
  verbose: { flag: '--verbose', argv: ['--verbose'], field: { verbose: true }, commands: ['plan', 'check'] },
  date: {
    flag: '--date <YYYY-MM-DD>',
    argv: ['--date', '2024-02-29'],
    field: { date: '2024-02-29' },
    commands: ['plan', 'release', 'check', 'artifacts']
  },
  base: { flag: '--base <ref>', argv: ['--base', 'origin/1.x'], field: { base: 'origin/1.x' }, commands: ['check'] },
  title: { flag: '--title <text>', argv: ['--title', 'feat: x'], field: { title: 'feat: x' }, commands: ['check'] },
  to: { flag: '--to <version>', argv: ['--to', '2.0.3'], field: { to: '2.0.3' }, commands: ['rollback'] }
}
const INPUTS: readonly string[] = OPTION_NAMES

function line(command: Exclude<Command, 'help'>, more: Partial<CommandLine> = {}): CommandLine {
  return {
    command,
    file: undefined,
    base: undefined,
    title: undefined,
    given: {},
    json: false,
    verbose: false,
    notes: false,
    date: undefined,
    to: undefined,
    ...more
  } as CommandLine
}

const words = (command: RunCommand): string[] => [...command.split(' '), ...(command === 'lint-commit' ? ['msg.txt'] : [])]

function usageError(argv: readonly string[]): VersoError {
  try {
    parseCommandLine(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(VersoError)
    expect((error as VersoError).code).toBe('EUSAGE')
    return error as VersoError
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`)
}

function helpOf(argv: readonly string[]): string {
  const parsed = parseCommandLine(argv)
  if (parsed.command !== 'help') throw new Error(`${JSON.stringify(argv)} is not help`)
  return parsed.helpText
}

/** The help's option rows, by flag: a row's wrapped lines joined into one. */
function optionRows(help: string): Map<string, string> {
  const rows = new Map<string, string>()
  let flag = ''
  for (const text of help.split('\n')) {
    const start = /^ {2}(-\S+(?:, -\S+)?(?: <[^>]+>)?)(?: {2,}(.*))?$/.exec(text)
    if (start) rows.set((flag = start[1]!), start[2] ?? '')
    else if (flag && /^ {4,}\S/.test(text)) rows.set(flag, `${rows.get(flag)!} ${text.trim()}`.trim())
    else flag = ''
  }
  return rows
}

describe('parseCommandLine: commands', () => {
  it.each<[readonly string[], CommandLine]>([
    [[], line('plan')],
    [['plan'], line('plan')],
    [['release'], line('release')],
    [['check'], line('check')],
    [['rollback', '--to', '2.0.3'], line('rollback', { to: '2.0.3' })],
    [['artifacts'], line('artifacts')],
    [['lint-commit', '.git/COMMIT_EDITMSG'], line('lint-commit', { file: '.git/COMMIT_EDITMSG' })],
    [['lint-commit', '-'], line('lint-commit', { file: '-' })],
    [['lint-commit'], line('lint-commit')],
    [['image', 'check'], line('image check')],
    [['image', 'set'], line('image set')],
    [['image', 'status'], line('image status')],
    [['--version'], line('version')],
    [['-V'], line('version')],
    [['plan', '--tag-prefix', 'x', '-V'], line('version', { given: { 'tag-prefix': 'x' } })]
  ])('%j', (argv, expected) => expect(parseCommandLine(argv)).toStrictEqual(expected))
})

describe('parseCommandLine: flags', () => {
  it.each<[readonly string[], CommandLine]>([
    [['--tag-prefix', 'release-'], line('plan', { given: { 'tag-prefix': 'release-' } })],
    [['--tag-prefix=release-'], line('plan', { given: { 'tag-prefix': 'release-' } })],
    [['--tag-prefix', ''], line('plan', { given: { 'tag-prefix': '' } })],
    [['--tag-prefix='], line('plan', { given: { 'tag-prefix': '' } })],
    [['--release-rules=docs: patch=x'], line('plan', { given: { 'release-rules': 'docs: patch=x' } })],
    [['--strict'], line('plan', { given: { strict: 'true' } })],
    [['--no-strict'], line('plan', { given: { strict: 'false' } })],
    // Repeated: the last one counts.
    [['--bump', 'minor', '--bump', 'major'], line('plan', { given: { bump: 'major' } })],
    [['--dry-run', '--no-dry-run'], line('plan', { given: { 'dry-run': 'false' } })],
    [['--no-dry-run', '--dry-run'], line('plan', { given: { 'dry-run': 'true' } })],
    [['--date', '2024-01-01', '--date=2024-02-29'], line('plan', { date: '2024-02-29' })],
    // Before, between and after the command words.
    [['--json', 'plan'], line('plan', { json: true })],
    [['--json'], line('plan', { json: true })],
    [['image', '--json', 'status'], line('image status', { json: true })],
    [['--base', 'main', 'check', '--title=feat: x'], line('check', { base: 'main', title: 'feat: x' })],
    // A value is the next argument, whatever it looks like.
    [['check', '--title', '-h'], line('check', { title: '-h' })],
    // `--` ends the options.
    [['lint-commit', '--', '--json'], line('lint-commit', { file: '--json' })],
    [['--', 'check'], line('check')],
    [['plan', '--notes', '--verbose', '--json'], line('plan', { notes: true, verbose: true, json: true })]
  ])('%j', (argv, expected) => expect(parseCommandLine(argv)).toStrictEqual(expected))

  it('takes every option as a flag, in both forms; switches as --x and --no-x', () => {
    for (const name of OPTION_NAMES) {
      if (BOOLEANS.includes(name)) {
        expect(parseCommandLine([`--${name}`]).given, name).toEqual({ [name]: 'true' })
        expect(parseCommandLine([`--no-${name}`]).given, name).toEqual({ [name]: 'false' })
      } else {
        expect(parseCommandLine([`--${name}`, 'a b']).given, name).toEqual({ [name]: 'a b' })
        expect(parseCommandLine([`--${name}=a b`]).given, name).toEqual({ [name]: 'a b' })
      }
    }
  })

  it('the token is never a flag, and the refusal does not repeat it', () => {
    for (const argv of [
      ['release', '--github-token', 'ghp_abc'],
      ['--github-token=ghp_abc', 'plan']
    ]) {
      expect(() => parseCommandLine(argv)).toThrow('The token is never a flag: a command line is visible to every process on the machine.')
    }
  })

  it('a command option is taken by its commands and refused by the others, naming them', () => {
    for (const [name, { argv, field, commands }] of Object.entries(TAKES)) {
      for (const command of RUN_COMMANDS) {
        const given = [...words(command), ...argv]
        if (commands.includes(command)) {
          expect(parseCommandLine(given), given.join(' ')).toMatchObject({ command, ...field })
          continue
        }
        const error = usageError(given)
        expect(error.message).toBe(
          `Option \`--${name}\` is for ${commands.length === 1 ? commands[0] : `${commands.slice(0, -1).join(', ')} and ${commands.at(-1)}`}, not ${command}.`
        )
        expect(error.hint).toBe(`Run \`verso help ${command}\` for its options.`)
      }
    }
  })

  it('does not change the arguments it reads', () => {
    const argv = Object.freeze(['check', '--base', 'main', '--no-strict'])
    parseCommandLine(argv)
    expect(argv).toEqual(['check', '--base', 'main', '--no-strict'])
  })
})

describe('parseCommandLine: mistakes', () => {
  it.each<[readonly string[], string, string?]>([
    [['--tag-prefx', 'v'], 'Unknown option `--tag-prefx`. Did you mean `--tag-prefix`?'],
    [['--tag_prefix', 'v'], 'Unknown option `--tag_prefix`. Did you mean `--tag-prefix`?'],
    [['check', '--bsae', 'main'], 'Unknown option `--bsae`. Did you mean `--base`?'],
    [['--no-dryrun'], 'Unknown option `--no-dryrun`. Did you mean `--no-dry-run`?'],
    [['--jsno'], 'Unknown option `--jsno`. Did you mean `--json`?'],
    [['plan', '--no-such-flag'], 'Unknown option `--no-such-flag`.', "Run `verso help <command>` for a command's options."],
    [['-x'], 'Unknown option `-x`.'],
    // A value typed into a misspelt flag is not repeated.
    [['--github-tokn=ghp_secret'], 'Unknown option `--github-tokn`.'],
    [['--tag-prefix'], 'Option `--tag-prefix` needs a value.', "Write `--tag-prefix <value>`; `--tag-prefix ''` gives an empty one."],
    [['check', '--base'], 'Option `--base` needs a value.', "Write `--base <ref>`; `--base ''` gives an empty one."],
    [['release', '--github-token'], 'The token is never a flag: a command line is visible to every process on the machine.'],
    [
      ['release', '--signing-key=-----BEGIN OPENSSH PRIVATE KEY-----'],
      'The signing key is never a flag: a command line is visible to every process on the machine.',
      'Set VERSO_SIGNING_KEY in the environment to the private key instead (VERSO_SIGNING_KEY="$(cat release-key)").'
    ],
    [['--dry-run=false'], 'Option `--dry-run` takes no value.', 'Give `--dry-run` or `--no-dry-run`.'],
    [['--no-strict=true'], 'Option `--no-strict` takes no value.', 'Give `--strict` or `--no-strict`.'],
    [['--json=true'], 'Option `--json` takes no value.', 'Give `--json` alone.'],
    [
      ['--no-tag-prefix'],
      'Option `--tag-prefix` takes a value and has no `--no-tag-prefix`.',
      "For an empty value, give `--tag-prefix ''`."
    ],
    [['deploy'], 'Unknown command `deploy`.', 'Run `verso help` for the commands.'],
    [['relase'], 'Unknown command `relase`. Did you mean `release`?'],
    [['lint-comit', 'x'], 'Unknown command `lint-comit`. Did you mean `lint-commit`?'],
    [['imag', 'check'], 'Unknown command `imag`. Did you mean `image`?'],
    [['version'], 'Unknown command `version`. Did you mean `--version`?'],
    [['constructor'], 'Unknown command `constructor`.'],
    [['image check'], 'Unknown command `image check`.'],
    [['help', 'chek'], 'Unknown command `chek`. Did you mean `check`?'],
    [['image'], '`image` takes check, set or status.', 'Run `verso help image` for the commands.'],
    [['image', 'chek'], '`image` takes check, set or status, not `chek`. Did you mean `image check`?'],
    [['image', 'deploy'], '`image` takes check, set or status, not `deploy`.'],
    [['plan', 'extra'], 'Unexpected argument `extra`.', 'Options take the form --name value.'],
    [['image', 'set', 'extra'], 'Unexpected argument `extra`.'],
    [['plan', '--', '--json'], 'Unexpected argument `--json`.'],
    [['lint-commit', 'a', 'b'], 'Unexpected argument `b`.', 'lint-commit takes one file, or - for standard input.'],
    [['help', 'plan', 'extra'], 'Unexpected argument `extra`.']
  ])('%j', (argv, message, hint) => {
    const error = usageError(argv)
    expect(error.message).toBe(message)
    if (hint !== undefined) expect(error.hint).toBe(hint)
    expect(`${error.message} ${error.hint ?? ''}`).not.toContain('ghp_secret')
  })

  describe('prints nothing and never exits', () => {
    afterEach(() => vi.restoreAllMocks())
    it.each([['--tag-prefx'], ['--tag-prefix'], ['deploy'], ['image'], ['--help'], ['help', 'check'], ['--version'], ['plan', 'x']])(
      '%j',
      (...argv) => {
        const out = vi.spyOn(process.stdout, 'write')
        const err = vi.spyOn(process.stderr, 'write')
        const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
          throw new Error('exit')
        })
        try {
          parseCommandLine(argv)
        } catch (error) {
          expect(error).toBeInstanceOf(VersoError)
        }
        expect(out).not.toHaveBeenCalled()
        expect(err).not.toHaveBeenCalled()
        expect(exit).not.toHaveBeenCalled()
      }
    )
  })
})

describe('help', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { description: string }> }

  it('verso help, --help and -h print the overview: every command on one line, and the exit status', () => {
    const overview = helpOf(['help'])
    for (const argv of [['--help'], ['-h'], ['help', 'help'], ['help', '--help']]) expect(helpOf(argv)).toBe(overview)
    expect(helpOf(['--tag-prefix', 'x', '--help'])).toBe(overview)
    for (const usage of [
      'plan',
      'release',
      'check',
      'lint-commit <file|->',
      'rollback --to <version>',
      'artifacts',
      'image check',
      'image set',
      'image status',
      'help [command]'
    ]) {
      const row = overview.split('\n').find((l) => l.startsWith(`  ${usage}  `))
      expect(row, usage).toBeDefined()
      // One line: the next line is another command's (or the end of the list).
      const next = overview.split('\n')[overview.split('\n').indexOf(row!) + 1]!
      expect(next === '' || /^ {2}\S/.test(next), usage).toBe(true)
    }
    expect(overview).toContain('Exit status: 0 success')
    expect(overview).toContain('2 the command line or the configuration is invalid.')
    expect(overview).toContain('--version')
  })

  it('verso help <command>, <command> --help and -h print the same text', () => {
    for (const command of RUN_COMMANDS) {
      const text = helpOf(['help', ...command.split(' ')])
      expect(text.startsWith(`Usage: verso ${command}`), command).toBe(true)
      expect(helpOf([...words(command), '--help'])).toBe(text)
      expect(helpOf(['-h', ...command.split(' ')])).toBe(text)
    }
    // Help is asked for: options of other commands are no mistake then.
    expect(helpOf(['release', '--json', '--help'])).toBe(helpOf(['help', 'release']))
    expect(helpOf(['image', '--help'])).toBe(helpOf(['help', 'image']))
    expect(helpOf(['help', 'image']).startsWith('Usage: verso image check|set|status [options]')).toBe(true)
  })

  it("a command's help has a row for every option it takes, with its meaning and default, and each input's name", () => {
    for (const command of RUN_COMMANDS) {
      const rows = optionRows(helpOf(['help', ...command.split(' ')]))
      for (const name of INPUTS) {
        const flag = BOOLEANS.includes(name) ? `--${name}, --no-${name}` : `--${name} <value>`
        const row = rows.get(flag)
        expect(row, `${command}: ${flag}`).toBeDefined()
        const defaultText = DEFAULTS[name as keyof typeof DEFAULTS] || 'empty'
        expect(row, `${command}: ${flag}`).toMatch(new RegExp(`^\\S.{10,} \\[default: ${escape(defaultText)}; input: ${name}\\]$`))
      }
      // The rest are the command's own options, each with its default, and help.
      const own = [...rows].filter(([flag]) => !INPUTS.includes(/^--([a-z-]+)/.exec(flag)?.[1] ?? ''))
      const expected = Object.values(TAKES).filter((t) => t.commands.includes(command))
      expect(own.map(([flag]) => flag).sort(), command).toEqual([...expected.map((t) => t.flag), '-h, --help'].sort())
      for (const [flag, row] of own) if (flag !== '-h, --help') expect(row, `${command}: ${flag}`).toMatch(/^\S.{10,} \[default: [^\]]+\]$/)
    }
    expect(optionRows(helpOf(['help', 'rollback'])).get('--to <version>')).toContain('input: rollback-to')
  })

  it('names every action input but the secrets (github-token, signing-key) as a flag', () => {
    const rows = optionRows(helpOf(['help', 'plan']))
    const named = [...rows.values()].map((row) => /input: ([a-z-]+)\]$/.exec(row)?.[1]).filter(Boolean)
    expect(named.sort()).toEqual(
      Object.keys(action.inputs)
        .filter((n) => n !== 'github-token' && n !== 'signing-key')
        .sort()
    )
  })

  it('keeps to 100 columns', () => {
    for (const topic of [[], ...RUN_COMMANDS.map((c) => c.split(' ')), ['image']]) {
      for (const text of helpOf(['help', ...topic]).split('\n')) expect(text.length, text).toBeLessThanOrEqual(100)
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('parseCommandLine: repeated and near flags', () => {
  it('a list input given twice is both items; another keeps the last', () => {
    const line = parseCommandLine([
      'plan',
      '--release-rules',
      'docs: patch',
      '--release-rules',
      '*: patch',
      '--tag-prefix',
      'v',
      '--tag-prefix',
      'r-'
    ])
    expect(line.given['release-rules']).toBe('docs: patch\n*: patch')
    expect(line.given['tag-prefix']).toBe('r-')
  })

  it.each([
    [['image', 'stat'], 'Did you mean `image status`?'],
    [['lint'], 'Did you mean `lint-commit`?'],
    [['--dry'], 'Did you mean `--dry-run`?'],
    [['--config', 'x'], 'Did you mean `--config-file`?']
  ])('%j: the one name it starts', (argv, suggestion) => {
    expect(() => parseCommandLine(argv)).toThrow(suggestion)
  })

  it('--no-json is not taken for a misspelt --json, and --token is refused as the token', () => {
    expect(() => parseCommandLine(['plan', '--no-json'])).toThrow(/^Unknown option `--no-json`\.$/)
    expect(() => parseCommandLine(['plan', '--token', 'x'])).toThrow('The token is never a flag')
  })
})
