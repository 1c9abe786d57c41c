import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { OPTION_NAMES, type Config, type Packages, type RawOptions } from '../config/config.js'
import { loadConfig } from '../config/load.js'
import { resolveNow } from '../config/release-date.js'
import { describeError, tokenForms, VersoError } from '../errors.js'
import { listFiles, readWorktreeFile, writeWorktreeFile } from '../git/files.js'
import { createGit, type Git } from '../git/git.js'
import { renderImageJson, renderPlanJson, writePlanJson } from '../report/json.js'
import { renderPlanText, renderReleaseText } from '../report/text.js'
import { neutralizeCommands, neutralizeCommandsInJson } from '../report/workflow-commands.js'
import { createGather, type BranchHints, type Gather } from '../run/gather.js'
import { artifactVersion, type ArtifactVersion } from '../run/artifact-version.js'
import { checkReleaseImage, gatherLine, lineFor, planRelease } from '../run/plan.js'
import type { ReleasePlan } from '../run/release-plan.js'

export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
}

// Options that are true or false take --name / --no-name, not a value.
const BOOLEAN_OPTIONS = new Set<string>(['strict', 'dry-run', 'draft', 'comment', 'snapshot-versions'])

const USAGE = `Usage: verso <command> [options]

Commands:
  plan          decide the next version from the commits since the last release (default)
  release       plan, then tag, push and publish the GitHub Release (a dry run unless CI
                is set or --no-dry-run is given; GITHUB_TOKEN and GITHUB_REPOSITORY for the
                GitHub Release)
  check         validate the branch's commits (and --title) and predict the release a merge
                into --base would make, as the pull-request check does
  lint-commit <file|->
                validate one commit message (a commit-msg hook: lint-commit "$1")
  rollback --to <version>
                make that release the latest again: floating tags move back to it, newer
                releases get a note that they were rolled back (a dry run unless CI is set
                or --no-dry-run is given; GITHUB_TOKEN and GITHUB_REPOSITORY)
  artifacts     the versioned artifacts (release-image documents) the next release ships,
                with their extended versions (2.5.0-pkg.1.17.0+account); --json
  image check   check the release image against the last release (writes it when new)
  image set     write today's release image (after a release, or to record a change)
  image status  show what the check would say, without failing
  help          show this text (also --help, -h); --version (-V) prints the version

Options (the action's input names; .github/verso.yml holds the same keys):
${OPTION_NAMES.map((n) => (BOOLEAN_OPTIONS.has(n) ? `  --${n}, --no-${n}` : `  --${n} <value>`)).join('\n')}
  --json      print the result as JSON (shapes documented in the README)
  --notes     plan: print the release notes as well
  --date YYYY-MM-DD
              the release date for CalVer (UTC); else SOURCE_DATE_EPOCH, else today
  --verbose   list every commit and the tags that were ignored
  --base <ref>, --title <text>
              for check: the branch a merge goes into (default: origin/HEAD's branch, else main), the title

Exit status: 0 success (plan: the plan was made, whatever it says); 1 check or release
found the release blocked, image check found the image incomplete, or verso failed;
2 the command line or the configuration is invalid.
`

type Command =
  | 'plan'
  | 'release'
  | 'check'
  | 'rollback'
  | 'artifacts'
  | 'lint-commit'
  | 'help'
  | 'version'
  | 'image check'
  | 'image set'
  | 'image status'

interface CommandLine {
  readonly command: Command
  /** The file argument of lint-commit. */
  readonly file: string | undefined
  readonly base: string | undefined
  readonly title: string | undefined
  readonly given: RawOptions
  readonly json: boolean
  readonly verbose: boolean
  /** plan: print the release notes too. */
  readonly notes: boolean
  readonly date: string | undefined
  /** rollback: the version to go back to (`--to`, or `--rollback-to`). */
  readonly to: string | undefined
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], terminal: CliIo): Promise<number> {
  let io = inert(terminal, false)
  try {
    const line = parseCommandLine(argv)
    io = inert(terminal, line.json)
    if (line.command === 'help') {
      io.stdout(USAGE)
      return 0
    }
    if (line.command === 'version') {
      // The build writes the package's version in; a run from the sources says so.
      io.stdout(`verso ${process.env.VERSO_VERSION ?? '(unbuilt)'}\n`)
      return 0
    }
    const root = resolve(io.cwd, String(line.given['working-directory'] ?? '.'))
    // `verso rollback --to X` is the action's `mode: rollback` with `rollback-to: X`.
    const given =
      line.command === 'rollback' ? { ...line.given, mode: 'rollback', ...(line.to ? { 'rollback-to': line.to } : {}) } : line.given
    const config = await loadConfig(
      given,
      (path) => readWorktreeFile(root, path),
      (globs) => listFiles(createGit(root, io.env), null, globs)
    )
    if (line.command === 'lint-commit') return await runLintCommit(config, line, io)
    const git = createGit(root, io.env)
    const gather = createGather(git, config)
    if (line.command === 'check') return await runCheck(gather, config, line, io)
    if (line.command === 'plan') return await runPlan(gather, config, line, io)
    if (line.command === 'release') return await runReleaseCommand(git, gather, config, line, io)
    if (line.command === 'rollback') return await runRollbackCommand(git, gather, config, line, io)
    if (line.command === 'artifacts') return await runArtifacts(gather, config, line, io)
    return await runImage(git, gather, config, line, io)
  } catch (error) {
    io.stderr(`verso: ${describeError(error)}\n`)
    return error instanceof VersoError && ['EUSAGE', 'EINVALIDCONFIG', 'EIMAGE', 'EUNSAFEPATH'].includes(error.code) ? 2 : 1
  }
}

/**
 * The CLI runs inside workflows too: what it prints is made inert for the runner, JSON
 * without changing its data.
 */
function inert(io: CliIo, json: boolean): CliIo {
  // Outside GitHub's runner nothing masks the token: git's and the API's messages can carry it.
  const secrets = [io.env.GITHUB_TOKEN, io.env.GH_TOKEN].filter((token): token is string => Boolean(token && token.length >= 8))
  const forms = secrets.flatMap(tokenForms)
  const redact = (text: string) => forms.reduce((out, form) => out.split(form).join('***'), text)
  return {
    ...io,
    stdout: (text) => io.stdout(redact(json ? neutralizeCommandsInJson(text) : neutralizeCommands(text))),
    stderr: (text) => io.stderr(redact(neutralizeCommands(text)))
  }
}

async function runPlan(gather: Gather, config: Config, line: CommandLine, io: CliIo): Promise<number> {
  const now = resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: new Date() })
  if (config.packages) return runPackagesPlan(gather, { ...config, packages: config.packages }, now, line, io)
  const branchLine = await gatherLine(gather, config, cliHints(io.env), 'local')
  const { plan, fetched } = await planRelease(gather, config, now, { line: branchLine })
  for (const step of fetched) io.stderr(`verso: shallow clone: ${step}\n`)
  if (line.verbose && plan.ignoredTags.length) io.stderr(`verso: tags that are not versions here: ${plan.ignoredTags.join(', ')}\n`)
  const build = buildVersionOf(config, plan, branchLine.status.kind === 'releases', io.env)
  for (const note of build?.notes ?? []) io.stderr(`verso: ${note}\n`)
  if (line.json) for (const piece of writePlanJson(plan, { buildVersion: build?.version ?? null })) io.stdout(piece)
  else io.stdout(`${renderPlanText(plan, { verbose: line.verbose })}${build ? `build version: ${build.version}\n` : ''}`)
  if (line.notes && !line.json) {
    const { renderNotes } = await import('../notes/release-notes.js')
    const { readGitHubEnvironment } = await import('../github/environment.js')
    io.stdout(`\n${renderNotes(plan, { repositoryUrl: readGitHubEnvironment(io.env).repositoryUrl })}`)
  }
  // The plan was made, whatever it says: a blocked release fails `check` and `release`, not `plan`.
  return 0
}

/** `verso plan` in a monorepo: every package's plan, from one pass over the history. */
async function runPackagesPlan(
  gather: Gather,
  config: Config & { packages: Packages },
  now: Date,
  line: CommandLine,
  io: CliIo
): Promise<number> {
  const [{ planPackages }, { renderPackagesJson, renderPackagesText }] = await Promise.all([
    import('../run/packages.js'),
    import('../report/packages.js')
  ])
  const where = await gather.branch(cliHints(io.env), 'local')
  const plan = await planPackages({ gather, config, now, where, resume: false })
  for (const step of plan.fetched) io.stderr(`verso: shallow clone: ${step}\n`)
  io.stdout(line.json ? renderPackagesJson(plan) : renderPackagesText(plan, { verbose: line.verbose }))
  return 0
}

/** The pull-request check for the current branch: HEAD as the head, --base as the base. */
async function runCheck(gather: Gather, config: Config, line: CommandLine, io: CliIo): Promise<number> {
  const [{ checkPullRequest }, { renderCheckText }, { renderNotes, PREVIEW_LIMIT }, { renderProblem }] = await Promise.all([
    import('../run/pr-check.js'),
    import('../report/check-text.js'),
    import('../notes/release-notes.js'),
    import('../validate/index.js')
  ])
  // HEAD first: outside a repository (or before its first commit) the history says why.
  const headSha = (await gather.commitOf('HEAD')) ?? (await gather.history()).head
  // A pull request usually goes into the default branch: origin/HEAD says which.
  const remoteDefault = line.base === undefined ? await gather.remoteDefaultBranch() : null
  const base = line.base ?? (remoteDefault ? `origin/${remoteDefault}` : 'main')
  const baseSha = await gather.commitOf(base)
  if (baseSha === null) {
    throw new VersoError('EUSAGE', `--base ${base} is not a branch or commit here.`, {
      hint: 'Name the branch the pull request goes into, e.g. --base origin/main.'
    })
  }
  // Locally there is no title unless one is given: then only the commits are checked.
  const title = line.title ?? ''
  const local = {
    ...config,
    check: { ...config.check, validate: title ? config.check.validate : 'commits', mergeStyle: title ? config.check.mergeStyle : 'merge' }
  } as const
  const now = resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: new Date() })
  // The base's line: `--base origin/1.x` is held to 1.x's range.
  const baseBranch = base.replace(/^(?:refs\/remotes\/)?origin\//, '').replace(/^refs\/heads\//, '')
  const baseLine = lineFor(config, baseBranch, remoteDefault ?? (await gather.remoteDefaultBranch()))
  const check = await checkPullRequest(gather, local, now, { number: 0, title, baseSha, baseRef: base, headSha, fork: false }, baseLine)
  if (config.packages) {
    // A monorepo: the packages planned at HEAD on the base's line; the commits validated as for one package.
    const [{ planPackages }, { renderPackagesJson, renderPackagesText }] = await Promise.all([
      import('../run/packages.js'),
      import('../report/packages.js')
    ])
    const where = { branch: baseBranch, defaultBranch: remoteDefault ?? (await gather.remoteDefaultBranch()) }
    const plan = await planPackages({ gather, config: { ...config, packages: config.packages }, now, where, head: headSha, resume: false })
    const problems = [
      ...check.errors.map((p) => `error: ${renderProblem(p)}`),
      ...check.warnings.map((p) => `warning: ${renderProblem(p)}`)
    ]
    if (line.json) {
      const json = {
        valid: check.errors.length === 0,
        errors: check.errors.map(renderProblem),
        warnings: check.warnings.map(renderProblem),
        ...JSON.parse(renderPackagesJson(plan))
      }
      io.stdout(`${JSON.stringify(json, null, 2)}\n`)
    } else io.stdout(`${renderPackagesText(plan, { verbose: line.verbose })}${problems.length ? `\n${problems.join('\n')}\n` : ''}`)
    return check.errors.length || plan.plans.some((p) => p.plan.kind === 'blocked') ? 1 : 0
  }
  if (line.json) {
    const { errors, warnings } = check
    const json = {
      valid: errors.length === 0,
      errors: errors.map(renderProblem),
      warnings: warnings.map(renderProblem),
      plan: JSON.parse(renderPlanJson(check.plan))
    }
    io.stdout(`${JSON.stringify(json, null, 2)}\n`)
  } else {
    const notes = check.plan.kind === 'none' ? '' : renderNotes(check.plan, { repositoryUrl: null, maxLength: PREVIEW_LIMIT })
    io.stdout(renderCheckText(check, notes, { verbose: line.verbose }))
  }
  return check.errors.length || check.plan.kind === 'blocked' ? 1 : 0
}

/** One message from a file (a commit-msg hook's "$1") or standard input. */
async function runLintCommit(config: Config, line: CommandLine, io: CliIo): Promise<number> {
  const { DEFAULT_TYPES, renderProblem, validateMessage } = await import('../validate/index.js')
  if (line.file === undefined)
    throw new VersoError('EUSAGE', 'lint-commit needs the message file (or - for standard input).', {
      hint: 'As a commit-msg hook: verso lint-commit "$1".'
    })
  const message =
    line.file === '-'
      ? await readStdin()
      : await readFile(resolve(io.cwd, line.file), 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new VersoError('EUSAGE', `Cannot read the message file ${line.file} (${error.code ?? error.message}).`, {
            hint: 'As a commit-msg hook: verso lint-commit "$1"; or - for standard input.'
          })
        })
  const types = config.check.types.length ? config.check.types : DEFAULT_TYPES
  const problems = validateMessage(message, { types, subject: { kind: 'message' } })
  for (const problem of problems) io.stderr(`verso: ${renderProblem(problem)}\n`)
  return problems.length ? 1 : 0
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Like the action's release mode; away from CI it is a dry run unless told otherwise. */
async function runReleaseCommand(git: Git, gather: Gather, config: Config, line: CommandLine, io: CliIo): Promise<number> {
  // Loaded only here: the GitHub client is most of the bundle, and `plan` must start fast.
  const [{ runRelease }, { connectGitHub, readGitHubEnvironment }, { readEvent }] = await Promise.all([
    import('../run/release.js'),
    import('../github/environment.js'),
    import('../github/event.js')
  ])
  const github = readGitHubEnvironment(io.env)
  // Away from CI a release is a dry run unless asked for: a laptop should not publish by accident.
  const unasked = line.given['dry-run'] === undefined && io.env.CI !== 'true'
  const request = {
    git,
    gather,
    config,
    now: resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: new Date() }),
    hints: { ...cliHints(io.env), eventDefaultBranch: (await readEvent(io.env)).defaultBranch },
    dryRun: unasked || config.release.dryRun,
    // In CI a release was asked for: a branch that cannot be told must not pass quietly.
    requireBranch: io.env.CI === 'true',
    repositoryUrl: github.repositoryUrl,
    connect: () => {
      const api = connectGitHub(io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? '', github, (m) => io.stderr(`verso: ${m}\n`))
      if (!api) io.stderr('verso: GITHUB_TOKEN or GITHUB_REPOSITORY is not set: no GitHub Release will be created, only the tag.\n')
      return api
    },
    log: (text: string) => io.stdout(`${text}\n`)
  }
  if (config.packages) {
    const [{ runPackagesRelease }, { renderPackagesText }] = await Promise.all([
      import('../run/packages.js'),
      import('../report/packages.js')
    ])
    const run = await runPackagesRelease({ ...request, config: { ...config, packages: config.packages } })
    io.stdout(renderPackagesText(run.plan, { verbose: false }))
    for (const p of run.packages) {
      const said = renderReleaseText({ plan: p.plan, fetched: [], resumed: false, notes: p.notes, result: p.result }, { unasked })
      if (said.trim()) io.stdout(`\n${p.name}:${said}`)
    }
    return run.packages.some((p) => p.plan.kind === 'blocked') ? 1 : 0
  }
  const run = await runRelease(request)
  io.stdout(renderPlanText(run.plan, { verbose: false }))
  io.stdout(renderReleaseText(run, { unasked }))
  return run.plan.kind === 'blocked' ? 1 : 0
}

/** `verso artifacts`: the versioned artifacts the next release ships, with their extended versions. */
async function runArtifacts(gather: Gather, config: Config, line: CommandLine, io: CliIo): Promise<number> {
  if (config.packages) {
    throw new VersoError('EUSAGE', 'verso artifacts lists the release image of a single-package repository, and this one has `packages`.', {
      hint: 'The release-image check, and so its artifacts, covers single-package repositories for now.'
    })
  }
  const { packageNameFor, planArtifacts } = await import('../run/artifacts.js')
  const now = resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: new Date() })
  const branchLine = await gatherLine(gather, config, cliHints(io.env), 'local')
  const { plan } = await planRelease(gather, config, now, { line: branchLine })
  const name = packageNameFor(await gather.worktreeFile('package.json'), io.env.GITHUB_REPOSITORY)
  const artifacts = planArtifacts(plan, name)
  for (const doc of artifacts.unversioned) io.stderr(`verso: ${doc}: its history tag is not a version, so it has no extended version\n`)
  if (line.json) io.stdout(`${JSON.stringify(artifacts.list, null, 2)}\n`)
  else if (artifacts.list.length === 0)
    io.stdout(
      plan.kind !== 'release'
        ? 'No artifacts: the plan releases nothing.\n'
        : config.image
          ? 'No artifacts: the release image has no documents.\n'
          : 'No artifacts: set `schemas` for the release image, whose documents are the artifacts.\n'
    )
  else for (const a of artifacts.list) io.stdout(`${a.name}  ${a.version}  ${a.extended}\n`)
  return 0
}

/** `verso rollback --to <version>`: like a release, a dry run away from CI unless told otherwise. */
async function runRollbackCommand(git: Git, gather: Gather, config: Config, line: CommandLine, io: CliIo): Promise<number> {
  const [{ runRollback }, { renderRollbackText }, { connectGitHub, readGitHubEnvironment }] = await Promise.all([
    import('../run/rollback.js'),
    import('../report/rollback.js'),
    import('../github/environment.js')
  ])
  // resolveConfig refuses a rollback without the version.
  const to = config.rollbackTo ?? ''
  const unasked = line.given['dry-run'] === undefined && io.env.CI !== 'true'
  const github = readGitHubEnvironment(io.env)
  const run = await runRollback({
    git,
    gather,
    config,
    to,
    dryRun: unasked || config.release.dryRun,
    connect: () => connectGitHub(io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? '', github, (m) => io.stderr(`verso: ${m}\n`)),
    log: (text) => io.stdout(`${text}\n`)
  })
  io.stdout(renderRollbackText(run))
  if (run.kind === 'dry-run' && unasked) io.stdout('(A dry run: not in CI; --no-dry-run changes the releases.)\n')
  return 0
}

async function runImage(git: Git, gather: Gather, config: Config, line: CommandLine, io: CliIo): Promise<number> {
  const { renderImageCheck } = await import('../image/index.js')
  const setting = line.command === 'image set'
  // `set` records today's image, so whether the file on disk is current does not matter.
  const { check, image } = await checkReleaseImage(gather, config, { checkWorktreeImage: !setting })
  const write = setting || (line.command === 'image check' && check.outcome === 'created')
  if (write) await writeWorktreeFile(git.cwd, image.file, check.imageText)
  if (line.json) io.stdout(renderImageJson(check, { file: image.file, written: write }))
  else if (setting) {
    const documents = check.imageText.split('\n').filter(Boolean).length
    io.stdout(`Release image: wrote ${image.file} (${documents} document${documents === 1 ? '' : 's'}). Commit it.\n`)
  } else io.stdout(renderImageCheck(check, { imageFile: image.file, written: write }))
  return line.command === 'image check' && check.outcome === 'incomplete' ? 1 : 0
}

/** The version for builds, when `build-metadata` or `snapshot-versions` asks for one: as the action's `version` output. */
function buildVersionOf(config: Config, plan: ReleasePlan, releases: boolean, env: NodeJS.ProcessEnv): ArtifactVersion | null {
  if (config.artifacts.buildMetadata === 'none' && !config.artifacts.snapshots) return null
  return artifactVersion({
    plan,
    config,
    releasing: plan.kind === 'release' && releases,
    where: { kind: 'branch' },
    sha: plan.head,
    runNumber: env.GITHUB_RUN_NUMBER || null
  })
}

/** What the environment says about the branch; a plan does not read the event (only a release loads its reader). */
function cliHints(env: NodeJS.ProcessEnv): BranchHints {
  return { githubRef: env.GITHUB_REF, ciCommitBranch: env.CI_COMMIT_BRANCH, eventDefaultBranch: null }
}

function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        ...Object.fromEntries(OPTION_NAMES.map((n) => [n, { type: BOOLEAN_OPTIONS.has(n) ? ('boolean' as const) : ('string' as const) }])),
        json: { type: 'boolean' },
        notes: { type: 'boolean' },
        date: { type: 'string' },
        base: { type: 'string' },
        title: { type: 'string' },
        to: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' }
      }
    })
  } catch (error) {
    throw new VersoError('EUSAGE', (error as Error).message, { hint: 'Run `verso help` for the options.' })
  }
  const given: RawOptions = {}
  for (const name of OPTION_NAMES) {
    const value = (parsed.values as Record<string, string | boolean | undefined>)[name]
    if (value !== undefined) given[name] = String(value)
  }
  const common = {
    given,
    json: parsed.values.json === true,
    notes: parsed.values.notes === true,
    verbose: parsed.values.verbose === true,
    date: parsed.values.date,
    base: parsed.values.base,
    title: parsed.values.title,
    to: parsed.values.to
  }
  if (parsed.values.help) return { command: 'help', file: undefined, ...common }
  if (parsed.values.version) return { command: 'version', file: undefined, ...common }
  const [first, ...rest] = parsed.positionals
  if (first === 'lint-commit') {
    if (rest.length > 1)
      throw new VersoError('EUSAGE', `Unexpected argument \`${rest[1]}\`.`, {
        hint: 'lint-commit takes one file, or - for standard input.'
      })
    return { command: 'lint-commit', file: rest[0], ...common }
  }
  return { command: readCommand(parsed.positionals), file: undefined, ...common }
}

function readCommand(positionals: readonly string[]): Command {
  const [first = 'plan', second, ...rest] = positionals
  const words = first === 'image' ? 2 : 1
  const command = first === 'image' ? `image ${second ?? ''}` : first
  const extra = [second, ...rest].slice(words - 1).filter((w) => w !== undefined)
  if (
    command !== 'plan' &&
    command !== 'release' &&
    command !== 'rollback' &&
    command !== 'artifacts' &&
    command !== 'check' &&
    command !== 'help' &&
    command !== 'image check' &&
    command !== 'image set' &&
    command !== 'image status'
  ) {
    throw new VersoError(
      'EUSAGE',
      first === 'image' ? `\`image\` takes check, set or status${second ? `, not \`${second}\`` : ''}.` : `Unknown command \`${first}\`.`,
      {
        hint: 'Run `verso help` for the commands.'
      }
    )
  }
  if (extra.length) throw new VersoError('EUSAGE', `Unexpected argument \`${extra[0]}\`.`, { hint: 'Options take the form --name value.' })
  return command
}
