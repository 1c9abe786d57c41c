import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Config, Packages } from '../config/config.js'
import { parseCommandLine, type CommandLine } from './args.js'
import { loadConfig } from '../config/load.js'
import { resolveNow } from '../config/release-date.js'
import { describeError, tokenForms, VersoError } from '../errors.js'
import { listFiles, readWorktreeFile, writeWorktreeFile } from '../git/files.js'
import type { FirstReads } from '../git/first-reads.js'
import { createGit, type Git } from '../git/git.js'
import { readGitHubEnvironment } from '../github/environment.js'
import { renderImageJson, renderPlanJson, writePlanJson } from '../report/json.js'
import { renderPlanText, renderReleaseText } from '../report/text.js'
import { describeReleasePullRequest } from '../report/release-pr.js'
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
  /** Reads started as the process started, in `cwd` with `env`. */
  readonly firstReads?: FirstReads | null
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], terminal: CliIo): Promise<number> {
  let io = inert(terminal, false)
  try {
    const line = parseCommandLine(argv)
    io = inert(terminal, line.json)
    if (line.command === 'help') {
      io.stdout(line.helpText)
      return 0
    }
    if (line.command === 'version') {
      // The build writes the package's version in; a run from the sources says so.
      io.stdout(`verso ${process.env.VERSO_VERSION ?? '(unbuilt)'}\n`)
      return 0
    }
    const root = resolve(io.cwd, String(line.given['working-directory'] ?? '.'))
    // migrate reads another tool's files and needs no verso configuration, even a broken one.
    if (line.command === 'migrate') return await runMigrate(await repositoryRoot(root, line, io), line, io)
    if (line.command === 'rollback' && line.to === undefined && line.given['rollback-to'] === undefined)
      throw new VersoError('EUSAGE', 'verso rollback needs the version to make the latest release again.', {
        hint: 'verso rollback --to 2.0.3'
      })
    // `verso rollback --to X` is the action's `mode: rollback` with `rollback-to: X`.
    const asked =
      line.command === 'rollback' ? { ...line.given, mode: 'rollback', ...(line.to ? { 'rollback-to': line.to } : {}) } : line.given
    // --date is the release date itself: no time zone moves it to another day.
    const given = line.date === undefined ? asked : { ...asked, 'calver-timezone': 'UTC' }
    const config = await loadConfig(
      given,
      (path) => readWorktreeFile(root, path),
      (globs) => listFiles(createGit(root, io.env), null, globs)
    )
    if (line.command === 'lint-commit') return await runLintCommit(config, line, io)
    const git = createGit(root, io.env, io.firstReads)
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
  const secrets = [io.env.GITHUB_TOKEN, io.env.GH_TOKEN, io.env.NODE_AUTH_TOKEN, io.env.NPM_TOKEN].filter((token): token is string =>
    Boolean(token && token.length >= 8)
  )
  const forms = secrets.flatMap(tokenForms)
  const redact = (text: string) => forms.reduce((out, form) => out.split(form).join('***'), text)
  return {
    ...io,
    stdout: (text) => io.stdout(redact(json ? neutralizeCommandsInJson(text) : neutralizeCommands(text))),
    stderr: (text) => io.stderr(redact(neutralizeCommands(text)))
  }
}

async function runPlan(gather: Gather, config: Config, line: CommandLine, io: CliIo): Promise<number> {
  // --json is the plan's data; the notes are Markdown printed after the text plan.
  if (line.json && line.notes)
    throw new VersoError('EUSAGE', '--notes prints the release notes after the plan as text, and --json prints only JSON.', {
      hint: 'Give one of them: `verso plan --notes`, or `verso plan --json` (the action gives the notes as its `notes` output).'
    })
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
  // Without a title the commits are what is checked, and what lands; the base's history is
  // still read with the configured merge style (its squash commits as the commits they list).
  const local = { ...config, check: { ...config.check, validate: title ? config.check.validate : 'commits' } } as const
  const landing = title ? config.check.mergeStyle : 'merge'
  const now = resolveNow({ date: line.date, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, now: new Date() })
  // The base's line: `--base origin/1.x` is held to 1.x's range.
  const baseBranch = base.replace(/^(?:refs\/remotes\/)?origin\//, '').replace(/^refs\/heads\//, '')
  const baseLine = lineFor(config, baseBranch, remoteDefault ?? (await gather.remoteDefaultBranch()))
  const check = await checkPullRequest(
    gather,
    local,
    now,
    { number: 0, title, baseSha, baseRef: base, headSha, headRef: '', fork: false },
    baseLine,
    landing
  )
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
  const [{ runRelease }, { connectGitData, connectGitHub }, { readEvent }, { renderPublishText }] = await Promise.all([
    import('../run/release.js'),
    import('../github/connection.js'),
    import('../github/event.js'),
    import('../report/publish.js')
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
    pullRequests: () => connectGitHub(io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? '', github, (m) => io.stderr(`verso: ${m}\n`)),
    connectGitData: () => connectGitData(io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN ?? '', github, (m) => io.stderr(`verso: ${m}\n`)),
    log: (text: string) => io.stdout(`${text}\n`),
    publish: await npmContext(io),
    // The key comes from the environment, never from a flag: a command line is visible to every process on the machine.
    signingKey: io.env.VERSO_SIGNING_KEY || null
  }
  if (config.packages) {
    const [{ runPackagesRelease }, { renderPackagesText }] = await Promise.all([
      import('../run/packages.js'),
      import('../report/packages.js')
    ])
    const run = await runPackagesRelease({ ...request, config: { ...config, packages: config.packages } })
    io.stdout(renderPackagesText(run.plan, { verbose: false }))
    for (const outcome of run.pullRequests ?? [])
      io.stdout(`\n${describeReleasePullRequest(outcome, run.plan.plans[0]?.line.branch ?? '', false)}\n`)
    for (const p of run.packages) {
      const said = renderReleaseText({ plan: p.plan, fetched: [], resumed: false, notes: p.notes, result: p.result }, { unasked })
      if (said.trim()) io.stdout(`\n${p.name}:${said}`)
    }
    if (run.publish) io.stdout(`\n${renderPublishText(run.publish)}`)
    return run.packages.some((p) => p.plan.kind === 'blocked') ? 1 : 0
  }
  const run = await runRelease(request)
  io.stdout(renderPlanText(run.plan, { verbose: false }))
  io.stdout(renderReleaseText(run, { unasked }))
  if (run.publish) io.stdout(renderPublishText(run.publish))
  return run.plan.kind === 'blocked' ? 1 : 0
}

/** npm on the PATH, for `publish: npm`; its warnings go to stderr. */
async function npmContext(io: CliIo): Promise<import('../run/publish.js').PublishContext> {
  const { createNpm, npmCommand } = await import('../npm/npm.js')
  return {
    npm: (env) => createNpm({ command: npmCommand(env), env }),
    env: io.env,
    warn: (message) => io.stderr(`verso: warning: ${message}\n`)
  }
}

/** The repository's top folder, unless --working-directory names one: another tool's files are there. */
async function repositoryRoot(root: string, line: CommandLine, io: CliIo): Promise<string> {
  if (line.given['working-directory'] !== undefined) return root
  const found = await createGit(root, io.env).tryRun(['rev-parse', '--show-toplevel'])
  return found.code === 0 && found.stdout.trim() ? found.stdout.trim() : root
}

/** `verso migrate`: what another release tool's configuration comes to, printed; nothing is written. */
async function runMigrate(root: string, line: CommandLine, io: CliIo): Promise<number> {
  const { migrate } = await import('../migrate/migrate.js')
  // The repository's files are read as any config file is: regular files inside it only.
  const migration = await migrate({ read: (path) => readWorktreeFile(root, path) })
  if (line.json) {
    io.stdout(`${JSON.stringify(migration, null, 2)}\n`)
    return 0
  }
  const out: string[] = []
  if (migration.source === 'none') out.push('Nothing to migrate: no semantic-release or release-please configuration was found.')
  else {
    out.push(`# .github/verso.yml, from ${migration.from.join(', ')}`, '', migration.config.trimEnd(), '')
    out.push('# The workflow step', '', migration.workflow.trimEnd(), '')
  }
  if (migration.notCarried.length) out.push('Not carried over:', ...migration.notCarried.map((n) => `  - ${n.option}: ${n.why}`), '')
  if (migration.notes.length) out.push('Notes:', ...migration.notes.map((n) => `  - ${n}`), '')
  io.stdout(`${out.join('\n')}\n`)
  return 0
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
  const [{ runRollback }, { renderRollbackText }, { connectGitHub }, { describeLatestMove }] = await Promise.all([
    import('../run/rollback.js'),
    import('../report/rollback.js'),
    import('../github/connection.js'),
    import('../report/publish.js')
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
    log: (text) => io.stdout(`${text}\n`),
    publish: await npmContext(io)
  })
  io.stdout(renderRollbackText(run))
  if (run.npm) io.stdout(`${describeLatestMove(run.npm, run.kind === 'dry-run')}\n`)
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
