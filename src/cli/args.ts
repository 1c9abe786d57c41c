import { Command as Parser, CommanderError, Option } from 'commander'
import { DEFAULTS, nearestName, OPTION_NAMES, type OptionName, type RawOptions } from '../config/config.js'
import { VersoError } from '../errors.js'

export type Command =
  | 'plan'
  | 'release'
  | 'check'
  | 'rollback'
  | 'artifacts'
  | 'migrate'
  | 'lint-commit'
  | 'help'
  | 'version'
  | 'image check'
  | 'image set'
  | 'image status'

interface CommandLineFields {
  /** The file argument of lint-commit. */
  readonly file: string | undefined
  readonly base: string | undefined
  readonly title: string | undefined
  /** The action inputs given as flags, as strings (`--no-dry-run` gives `'false'`). */
  readonly given: RawOptions
  readonly json: boolean
  readonly verbose: boolean
  /** plan: print the release notes too. */
  readonly notes: boolean
  readonly date: string | undefined
  /** rollback: the version to go back to (`--to`, or `--rollback-to`). */
  readonly to: string | undefined
}

/** What the command line asks for; `help` carries the text to print. */
export type CommandLine =
  | (CommandLineFields & { readonly command: Exclude<Command, 'help'> })
  | (CommandLineFields & { readonly command: 'help'; readonly helpText: string })

type RunCommand = Exclude<Command, 'help' | 'version'>
/** What help can be asked about: a command, the `image` group, or everything. */
type Topic = RunCommand | 'image' | 'overview'
// github-token is no flag: a command line is visible to every process on the machine.
type InputName = OptionName
type CommandOption = 'json' | 'notes' | 'date' | 'verbose' | 'base' | 'title' | 'to'

const BOOLEAN_INPUTS: ReadonlySet<InputName> = new Set(['strict', 'dry-run', 'draft', 'comment', 'snapshot-versions', 'provenance'])
/** Inputs that are lists (one item per line): a flag may be given once per item. */
const LIST_INPUTS: ReadonlySet<InputName> = new Set([
  'release-rules',
  'release-branches',
  'prerelease-branches',
  'schemas',
  'dispatch-workflows',
  'types',
  'version-files'
])

function collect(value: string, previous: string | undefined): string {
  return previous === undefined ? value : `${previous}\n${value}`
}
const INPUT_NAMES: readonly InputName[] = OPTION_NAMES
const IMAGE_COMMANDS = ['image check', 'image set', 'image status'] as const

/** The action's inputs, one line each; action.yml has the long form. */
const INPUT_MEANINGS: Readonly<Record<InputName, string>> = {
  scheme: 'semver (versions from Conventional Commits) or calver (calendar versions in --calver-format)',
  'calver-format': 'with calver: the version format, e.g. YYYY.0M.MICRO, YY.0M, YYYY.MINOR.MICRO',
  'calver-bump': 'with calver: calendar moves the lowest counter for a second release in a period; commits lets the commits choose',
  'calver-date': 'with calver: release dates each release; major keeps the date of the last breaking change',
  'calver-timezone': 'with calver: the IANA time zone whose date the release takes (Europe/Berlin); UTC by default',
  'calver-counter-start': 'with calver: 0 or 1, where the first counter of a new period starts (2014.1, 21.1.0); the others start at 0',
  'calver-final':
    'with calver: release-period dates a final release by its own date; prerelease-period keeps the period of its prereleases',
  'version-style': 'semver writes prereleases -rc.1; pep440 writes Python versions: 24.1rc1, 24.1.dev3, 24.1.post1',
  'tag-prefix': 'what comes before the version in a release tag (v in v1.2.3); other tags are not releases',
  'initial-version': "the first release's version when there is no release tag yet (SemVer, no prefix)",
  'release-rules':
    'extra release rules, one per line: type[(scope)]: major|minor|patch|none (e.g. docs(readme): patch, or *: patch for every other type); give the flag once per rule',
  'major-zero-breaking': 'while the major version is 0, what a breaking change bumps: minor or major',
  prerelease: 'the prerelease channel (rc releases 1.3.0-rc.0); empty releases stable versions',
  'prerelease-start': "SemVer: 0 or 1, the number of a channel's first prerelease of a version (rc.0, or rc.1 as semantic-release counts)",
  bump: 'auto lets the commits decide; major, minor or patch forces that bump; post makes a PEP 440 post-release',
  strict: 'block the release when a commit since the last release is not a Conventional Commit',
  'fetch-history': 'in a shallow clone: auto fetches the history as far as the last release; never fails instead',
  'working-directory': 'the repository to version, relative to the current directory',
  'config-file': 'a YAML file in the repository holding any of these inputs as keys; flags override it',
  schemas: 'globs of the JSON Schema files the release-image check covers (schemas/**/*.json); empty: no check',
  'image-file': 'the release image file, relative to the repository',
  'image-bootstrap': 'when there is no release image yet: create it, or fail',
  'image-bump': 'schema changes that need a larger bump than the commits declare: block the release, or escalate the bump',
  mode: "the action's mode: auto, plan, release, check or rollback (on the command line, the command decides)",
  'dry-run': 'report what would be done (tag, push, release) and do nothing; release and rollback do so away from CI anyway',
  'release-branches': 'branches (globs) that release stable versions; 1.x or *.x names are maintenance lines; empty: the default branch',
  'prerelease-branches': "branches that release prereleases: next (the branch's name is the channel) or release/*:rc",
  'rollback-to': 'with mode rollback: the version (2.0.3 or its tag) whose release becomes the latest again (as --to)',
  'build-metadata': 'none, sha or run: SemVer build metadata on the version for artifacts (1.3.0+sha.4f2a9c1); tags stay plain',
  'snapshot-versions': 'when nothing is released, the version is a prerelease between the last release and the next (SemVer)',
  'git-user-name': "the tagger's name on the annotated release tag",
  'git-user-email': "the tagger's e-mail on the annotated release tag",
  draft: 'create the GitHub Release as a draft',
  'release-name': "the GitHub Release's title; {tag} and {version} are replaced",
  'floating-tags': 'major moves v1 (major-minor also v1.3) to each stable release that is the highest of its line',
  'dispatch-workflows': 'workflow files (deploy.yml) to send workflow_dispatch for the new tag',
  'version-files': 'files that carry the version (package.json, path:$.a.b, path:/regex/), committed before the tag',
  'changelog-file': 'a changelog to prepend each release to (CHANGELOG.md), committed with the version files',
  sign: 'ssh or gpg signs the release tags and the release commit with the key in VERSO_SIGNING_KEY; none leaves them unsigned',
  'release-pull-requests':
    'with release-via pull-request in a monorepo: together opens one release pull request for every package; per-package one a package',
  'release-via':
    'push tags on a push to a release branch; pull-request opens or updates a release pull request instead, and merging it releases',
  'commit-via': 'git pushes the release commit and tag; api writes them through the GitHub API (GITHUB_TOKEN), which signs the commit',
  validate: 'what the pull-request check validates: the title, the commits, or both',
  'merge-style':
    'how pull requests are merged: merge, rebase or squash (then the title decides the version, and a squash commit without a Conventional title counts as the commits it lists)',
  'validate-mode': 'fail fails the check on a bad title or commit; warn only reports it',
  types: 'the allowed commit types, comma-separated; empty: feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert',
  comment: "the action's pull-request check keeps one comment with the prediction and the problems",
  publish: 'npm publishes each release to the npm registry once, after its tag, with the dist-tag of its line; none publishes nothing',
  registry: "with publish npm: the registry's address; empty: the package's publishConfig.registry, else npm's configuration",
  provenance: 'with publish npm: publish with --provenance where the runner and the registry can make one (else a warning)'
}

interface CommandOptionSpec {
  /** The value's placeholder; none for a switch. */
  readonly value?: string
  readonly commands: readonly RunCommand[]
  readonly meaning: string
  readonly default: string
}

/** The options of some commands only; each is refused elsewhere. */
const COMMAND_OPTIONS: Readonly<Record<CommandOption, CommandOptionSpec>> = {
  base: { value: 'ref', commands: ['check'], meaning: 'the branch a merge goes into', default: "origin/HEAD's branch, else main" },
  title: {
    value: 'text',
    commands: ['check'],
    meaning: "the pull request's title, validated with the commits",
    default: 'none, only the commits are checked'
  },
  to: {
    value: 'version',
    commands: ['rollback'],
    meaning: 'the version (2.0.3 or its tag) to make the latest again, as --rollback-to',
    default: 'none'
  },
  notes: { commands: ['plan'], meaning: 'print the release notes as well', default: 'off' },
  verbose: {
    commands: ['plan', 'check'],
    meaning: 'plan: list every commit and the tags that were ignored; check: list every problem',
    default: 'off'
  },
  json: {
    commands: ['plan', 'check', 'artifacts', 'migrate', ...IMAGE_COMMANDS],
    meaning: 'print the result as JSON (the shapes are in the README)',
    default: 'off'
  },
  date: {
    value: 'YYYY-MM-DD',
    commands: ['plan', 'release', 'check', 'artifacts'],
    meaning: 'the release date for CalVer, as it is (calver-timezone does not move it)',
    default: 'SOURCE_DATE_EPOCH, else today'
  }
}

interface CommandSpec {
  readonly usage: string
  /** One line in the overview. */
  readonly summary: string
  readonly about: string
}

const DRY_AWAY_FROM_CI = 'Away from CI (CI is not true) it is a dry run unless --no-dry-run is given.'
const NEEDS_TOKEN = 'It needs a token (GITHUB_TOKEN or GH_TOKEN) and GITHUB_REPOSITORY.'

const COMMANDS: Readonly<Record<RunCommand, CommandSpec>> = {
  plan: {
    usage: 'plan',
    summary: 'the next version, from the commits since the last release (the default)',
    about: 'Decides the next version from the commits since the last release, and says why. The default command.'
  },
  release: {
    usage: 'release',
    summary: 'plan, then tag, push and publish the GitHub Release',
    about: `Plans, then tags, pushes and publishes the GitHub Release, as the action's release mode does. ${DRY_AWAY_FROM_CI} The GitHub Release needs a token (GITHUB_TOKEN or GH_TOKEN) and GITHUB_REPOSITORY; without them, only the tag is made.`
  },
  check: {
    usage: 'check',
    summary: 'validate the branch and predict the release a merge into --base makes',
    about:
      "Validates the branch's commits (and --title) and predicts the release a merge into --base would make, as the pull-request check does."
  },
  'lint-commit': {
    usage: 'lint-commit <file|->',
    summary: 'validate one commit message (a commit-msg hook: verso lint-commit "$1")',
    about: 'Validates one commit message, read from the file, or from standard input for -. As a commit-msg hook: verso lint-commit "$1".'
  },
  rollback: {
    usage: 'rollback --to <version>',
    summary: 'make an earlier release the latest again',
    about: `Makes the release --to names the latest again: floating tags move back to it, and newer releases get a note that they were rolled back; nothing is deleted. ${DRY_AWAY_FROM_CI} ${NEEDS_TOKEN}`
  },
  artifacts: {
    usage: 'artifacts',
    summary: 'the versioned artifacts the next release ships, and their versions',
    about:
      "Lists the versioned artifacts (the release image's documents) the next release ships, with their extended versions (2.5.0-pkg.1.17.0+account)."
  },
  migrate: {
    usage: 'migrate',
    summary: 'the .github/verso.yml a semantic-release or release-please configuration comes to',
    about:
      'Reads .releaserc (JSON or YAML), package.json#release, or release-please-config.json and .release-please-manifest.json, and prints the equivalent .github/verso.yml, the workflow step, and what it cannot carry over, with why. Writes nothing.'
  },
  'image check': {
    usage: 'image check',
    summary: 'check the release image against the last release (writes it when new)',
    about: 'Checks the release image against the last release, and writes it when there is none yet. Exits 1 when it is incomplete.'
  },
  'image set': {
    usage: 'image set',
    summary: "write today's release image (after a release, or to record a change)",
    about: "Writes today's release image, after a release or to record a change. Commit it."
  },
  'image status': {
    usage: 'image status',
    summary: 'show what image check would say, without failing',
    about: 'Shows what image check would say, and never fails.'
  }
}

const EXIT_STATUS = `Exit status: 0 success (plan: the plan was made, whatever it says); 1 check or release
found the release blocked, image check found the image incomplete, or verso failed;
2 the command line or the configuration is invalid.
`
const WIDTH = 100

/**
 * Reads verso's command line. Pure: it prints nothing and never exits; a mistake is a
 * VersoError('EUSAGE') for the caller to print.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const parser = createParser()
  let parsed
  try {
    parsed = parser.parseOptions([...argv])
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    // Only the last argument can be an option that lacks its value.
    const last = parser.options.find((o) => o.long === argv.at(-1))
    if (error.code === 'commander.optionMissingArgument' && last)
      throw new VersoError('EUSAGE', `Option \`${last.long!}\` needs a value.`, {
        hint: `Write \`${last.flags}\`; \`${last.long!} ''\` gives an empty one.`
      })
    throw new VersoError('EUSAGE', `${error.message.replace(/^error: /, '')}.`, { hint: HELP_HINT })
  }
  if (parsed.unknown.length) throw unknownOption(parser, parsed.unknown[0]!)
  const value = (name: string): string | boolean | undefined => {
    // Commander's key for `--tag-prefix` (and `--no-tag-prefix`): tagPrefix.
    const key = parser.options.find((o) => o.long === `--${name}`)!.attributeName()
    return parser.getOptionValueSource(key) === 'cli' ? (parser.getOptionValue(key) as string | boolean) : undefined
  }
  const given: RawOptions = {}
  for (const name of OPTION_NAMES) {
    const v = value(name)
    if (v !== undefined) given[name] = String(v)
  }
  const fields: CommandLineFields = {
    file: undefined,
    given,
    json: value('json') === true,
    notes: value('notes') === true,
    verbose: value('verbose') === true,
    date: value('date') as string | undefined,
    base: value('base') as string | undefined,
    title: value('title') as string | undefined,
    to: value('to') as string | undefined
  }
  const [first, ...rest] = parsed.operands
  if (value('help') === true || first === 'help') {
    const words = first === 'help' ? rest : parsed.operands
    return { ...fields, command: 'help', helpText: renderHelp(words.length ? readCommand(words, true).topic : 'overview') }
  }
  const { topic: command, file } = readCommand(parsed.operands, false)
  if (value('version') === true) return { ...fields, command: 'version' }
  for (const [name, spec] of Object.entries(COMMAND_OPTIONS) as [CommandOption, CommandOptionSpec][]) {
    if (value(name) !== undefined && !spec.commands.includes(command))
      throw new VersoError('EUSAGE', `Option \`--${name}\` is for ${listOf(spec.commands)}, not ${command}.`, {
        hint: `Run \`verso help ${command}\` for its options.`
      })
  }
  return { ...fields, command, file }
}

const HELP_HINT = "Run `verso help <command>` for a command's options."

/** A fresh parser each time: commander keeps the values it parsed. */
function createParser(): Parser {
  const parser = new Parser('verso')
    .helpOption(false)
    .helpCommand(false)
    .exitOverride((error) => {
      throw error
    })
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
  for (const name of INPUT_NAMES) {
    if (BOOLEAN_INPUTS.has(name)) parser.addOption(new Option(`--${name}`)).addOption(new Option(`--no-${name}`))
    // A list input given twice is both items, as two lines of the input are; any other keeps the last.
    else if (LIST_INPUTS.has(name)) parser.addOption(new Option(`--${name} <value>`).argParser(collect))
    else parser.addOption(new Option(`--${name} <value>`))
  }
  for (const [name, spec] of Object.entries(COMMAND_OPTIONS))
    parser.addOption(new Option(`--${name}${spec.value ? ` <${spec.value}>` : ''}`))
  return parser.addOption(new Option('-h, --help')).addOption(new Option('-V, --version'))
}

/**
 * The words before and between the options: a command (two words for image), and
 * lint-commit's file. When help is asked for, `image` and `help` alone are topics too.
 */
function readCommand(words: readonly string[], asking: false): { topic: RunCommand; file: string | undefined }
function readCommand(words: readonly string[], asking: true): { topic: Topic; file: string | undefined }
function readCommand(words: readonly string[], asking: boolean): { topic: Topic; file: string | undefined } {
  const [first = 'plan', second, ...rest] = words
  let topic: Topic
  let extra: readonly string[] = [second, ...rest].filter((w) => w !== undefined)
  let file: string | undefined
  if (first === 'image') {
    const command = IMAGE_COMMANDS.find((c) => c === `image ${second}`)
    if (command) [topic, extra] = [command, rest]
    else if (second === undefined && asking) topic = 'image'
    else {
      const near = second === undefined ? undefined : nearestName(second, ['check', 'set', 'status'])
      throw new VersoError(
        'EUSAGE',
        `\`image\` takes check, set or status${second === undefined ? '' : `, not \`${second}\``}.${near ? ` Did you mean \`image ${near}\`?` : ''}`,
        { hint: 'Run `verso help image` for the commands.' }
      )
    }
  } else if (first === 'help' && asking) topic = 'overview'
  else if (Object.hasOwn(COMMANDS, first) && !first.includes(' ')) topic = first as RunCommand
  else {
    const near =
      first === 'version' ? '--version' : nearestName(first, [...Object.keys(COMMANDS).filter((c) => !c.includes(' ')), 'image', 'help'])
    throw new VersoError('EUSAGE', `Unknown command \`${first}\`.${near ? ` Did you mean \`${near}\`?` : ''}`, {
      hint: 'Run `verso help` for the commands.'
    })
  }
  if (topic === 'lint-commit') [file, extra] = [extra[0], extra.slice(1)]
  if (extra.length)
    throw new VersoError('EUSAGE', `Unexpected argument \`${extra[0]}\`.`, {
      hint: topic === 'lint-commit' ? 'lint-commit takes one file, or - for standard input.' : 'Options take the form --name value.'
    })
  return { topic, file }
}

/** An argument commander did not know: a misspelt flag, a value for a switch, `--no-` on a value. */
function unknownOption(parser: Parser, arg: string): VersoError {
  const flag = arg.replace(/=[\s\S]*$/, '')
  const known = (long: string) => parser.options.find((o) => o.long === long)
  // Commander reads `--x=v` for an option that takes a value: a known flag here is a switch.
  if (flag !== arg && known(flag)) {
    const negated = known(flag.replace(/^--(no-)?/, '--no-'))
    return new VersoError('EUSAGE', `Option \`${flag}\` takes no value.`, {
      hint: negated ? `Give \`${flag.replace(/^--no-/, '--')}\` or \`${negated.long!}\`.` : `Give \`${flag}\` alone.`
    })
  }
  const positive = known(flag.replace(/^--no-/, '--'))
  if (flag.startsWith('--no-') && positive?.required)
    return new VersoError('EUSAGE', `Option \`${positive.long!}\` takes a value and has no \`${flag}\`.`, {
      hint: `For an empty value, give \`${positive.long!} ''\`.`
    })
  const candidate = flag.startsWith('--')
    ? nearestName(
        flag.slice(2),
        parser.options.map((o) => o.long!.slice(2))
      )
    : undefined
  // `--no-json` is no misspelling of `--json`: its opposite is never the suggestion.
  const near = candidate !== undefined && `--no-${candidate}` !== flag ? candidate : undefined
  if (/^--(?:github-)?token(?:=|$)/.test(flag))
    return new VersoError('EUSAGE', 'The token is never a flag: a command line is visible to every process on the machine.', {
      hint: 'Set GITHUB_TOKEN (or GH_TOKEN) in the environment instead.'
    })
  if (/^--signing-key(?:=|$)/.test(flag))
    return new VersoError('EUSAGE', 'The signing key is never a flag: a command line is visible to every process on the machine.', {
      hint: 'Set VERSO_SIGNING_KEY in the environment to the private key instead (VERSO_SIGNING_KEY="$(cat release-key)").'
    })
  return new VersoError('EUSAGE', `Unknown option \`${flag}\`.${near ? ` Did you mean \`--${near}\`?` : ''}`, { hint: HELP_HINT })
}

function listOf(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`
}

function renderHelp(topic: Topic): string {
  if (topic === 'overview') {
    const rows: [string, string][] = Object.values(COMMANDS).map((c) => [c.usage, c.summary])
    rows.push(['help [command]', "show this overview, or a command's options (also --help, -h)"])
    return [
      'Usage: verso [command] [options]\n',
      'Commands:',
      formatRows(rows),
      '',
      wrap(
        "Every command takes the action's inputs as flags (--tag-prefix v, --strict, --no-dry-run), over the same keys in " +
          ".github/verso.yml. `verso help <command>` (or `verso <command> --help`) lists a command's options with their " +
          'meanings and defaults. `verso --version` (-V) prints the version.',
        0
      ),
      '',
      EXIT_STATUS
    ].join('\n')
  }
  const commands = topic === 'image' ? IMAGE_COMMANDS : [topic]
  const own = (Object.entries(COMMAND_OPTIONS) as [CommandOption, CommandOptionSpec][]).filter(([, spec]) =>
    commands.some((c) => spec.commands.includes(c))
  )
  const head =
    topic === 'image'
      ? ['Usage: verso image check|set|status [options]\n', 'Commands:', formatRows(IMAGE_COMMANDS.map((c) => [c, COMMANDS[c].summary]))]
      : [`Usage: verso ${COMMANDS[topic].usage} [options]\n`, wrap(COMMANDS[topic].about, 0)]
  const inputs = INPUT_NAMES.map((name): [string, string] => [
    BOOLEAN_INPUTS.has(name) ? `--${name}, --no-${name}` : `--${name} <value>`,
    `${INPUT_MEANINGS[name]} [default: ${DEFAULTS[name] || 'empty'}; input: ${name}]`
  ])
  return [
    ...head,
    '',
    'Options:',
    formatRows([
      ...own.map(([name, spec]): [string, string] => [
        `--${name}${spec.value ? ` <${spec.value}>` : ''}`,
        `${spec.meaning} [default: ${spec.default}${name === 'to' ? '; input: rollback-to' : ''}]`
      ]),
      ['-h, --help', 'show this help']
    ]),
    '',
    "Options (the action's inputs, and keys of .github/verso.yml; the token comes from GITHUB_TOKEN):",
    formatRows(inputs),
    ''
  ].join('\n')
}

/** Two columns; a term too long for its column puts its text on the next line. */
function formatRows(rows: readonly (readonly [string, string])[]): string {
  const column = Math.min(28, Math.max(...rows.map(([term]) => term.length))) + 4
  return rows
    .map(([term, text]) => {
      const body = wrap(text, column)
      return term.length + 4 <= column ? `  ${term.padEnd(column - 2)}${body.trimStart()}` : `  ${term}\n${body}`
    })
    .join('\n')
}

/** Wraps at spaces to WIDTH columns, every line indented by `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(line)
  return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n')
}
