import * as core from '@actions/core'
import { relative, resolve } from 'node:path'
import { DEFAULTS, OPTION_NAMES, type Config, type Packages, type RawOptions } from '../config/config.js'
import { loadConfig } from '../config/load.js'
import { resolveNow } from '../config/release-date.js'
import { describeError, tokenForms, VersoError } from '../errors.js'
import { isReallyInside, listFiles, readWorktreeFile } from '../git/files.js'
import type { FirstReads } from '../git/first-reads.js'
import { createGit, type Git } from '../git/git.js'
import type { GitHubApi } from '../github/api.js'
import type { GitDataApi } from '../github/git-data.js'
import { readGitHubEnvironment, type GitHubEnvironment } from '../github/environment.js'
import { readEvent, type WorkflowEvent } from '../github/event.js'
import type { PullRequest } from '../github/pull-request.js'
import { upsertComment } from '../github/sticky-comment.js'
import { PREVIEW_LIMIT, RELEASE_BODY_LIMIT, renderNotes } from '../notes/release-notes.js'
import { describeFinding } from '../report/explain.js'
import { checkOutputs, NOTHING_RELEASED, planOutputs, pullRequestOutputs, releaseOutputs, type Outputs } from '../report/outputs.js'
import { packagesReleases } from '../report/packages.js'
import { renderPackagesPullRequestReport, renderPullRequestReport } from '../report/pr-comment.js'
import { ANNOTATION_LIMIT, clip, fitBytes, SUMMARY_LIMIT_BYTES } from '../report/limits.js'
import { neutralizeCommands } from '../report/workflow-commands.js'
import { renderPlanSummary, renderReleaseResult } from '../report/summary.js'
import { describeLatestMove, publishedOutput, renderPublishSummary } from '../report/publish.js'
import { createNpm, npmCommand } from '../npm/npm.js'
import type { PublishContext } from '../run/publish.js'
import { createGather, type BranchHints, type Gather } from '../run/gather.js'
import { resolveMode, type RunMode } from '../run/mode.js'
import { artifactVersion, type ArtifactInput, type ArtifactVersion } from '../run/artifact-version.js'
import { packageNameFor, planArtifacts } from '../run/artifacts.js'
import { gatherLine, lineFor, planRelease } from '../run/plan.js'
import { checkPullRequest } from '../run/pr-check.js'
import type { PackagesPlan } from '../run/packages.js'
import { runRelease } from '../run/release.js'
import type { ReleasePlan } from '../run/release-plan.js'
import { renderProblem } from '../validate/index.js'

interface RunContext {
  readonly git: Git
  readonly gather: Gather
  readonly config: Config
  readonly env: NodeJS.ProcessEnv
  readonly event: WorkflowEvent
  readonly now: Date
  readonly github: GitHubEnvironment
  /** The API for the workflow's repository, or null without a token. */
  readonly connect: () => GitHubApi | null
  /** The repository's git database through the API (`commit-via: api`), or null without a token. */
  readonly connectGitData: () => GitDataApi | null
  /** What a run had reported before it failed, for the summary of the failure. */
  readonly partial: { summary: string[]; steps: string[] }
  /** Where schema paths are relative to (working-directory), and where annotations are. */
  readonly root: string
  readonly workspace: string
  /** The name the release's artifacts carry in their extended versions. */
  readonly packageName: string
  /** npm on the runner's PATH, for `publish: npm`. */
  readonly publish: PublishContext
}

/**
 * The step's log and annotations. Commit messages and titles are anyone's text: nothing
 * reaches the runner before it is made inert (see report/workflow-commands.ts).
 */
const log = {
  info: (message: string) => core.info(neutralizeCommands(message)),
  debug: (message: string) => core.debug(neutralizeCommands(message)),
  notice: (message: string, properties?: core.AnnotationProperties) => core.notice(inertAnnotation(message), properties),
  warning: (message: string, properties?: core.AnnotationProperties) => core.warning(inertAnnotation(message), properties),
  error: (message: string, properties?: core.AnnotationProperties) => core.error(inertAnnotation(message), properties),
  setFailed: (message: string) => core.setFailed(inertAnnotation(message))
}

function inertAnnotation(message: string): string {
  return neutralizeCommands(clip(message, ANNOTATION_LIMIT))
}

/**
 * The runner masks what it is told is secret, as written: the token is told in every form
 * it can take on its way through git and HTTP (URL-encoded, base64, and as the basic
 * credential actions/checkout writes).
 */
function maskToken(token: string): void {
  if (!token) return
  for (const form of tokenForms(token)) core.setSecret(form)
}

/**
 * The signing key reaches only its temporary file, but a tool could still quote it: the
 * runner masks a secret line by line, so each line of the key is told, but its marker lines.
 */
function maskKey(key: string): void {
  if (!key.trim()) return
  core.setSecret(key)
  for (const line of key.split(/\r?\n/)) if (line.trim().length >= 8 && !line.startsWith('-----')) core.setSecret(line.trim())
}

/** What a mode leaves behind: its outputs, the job summary, and a failure to report, if any. */
interface ModeResult {
  readonly outputs: Outputs
  readonly summary: readonly string[]
  readonly failure: string | null
}

/**
 * The action: inputs → config → one run (plan, release or pull-request check) → outputs
 * and job summary. Outputs are set to their "nothing released" values first, so every
 * path leaves them defined.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, firstReads: FirstReads | null = null): Promise<void> {
  setOutputs(NOTHING_RELEASED)
  const partial = { summary: [] as string[], steps: [] as string[] }
  try {
    maskToken(core.getInput('github-token'))
    // npm's token reaches only npm's own configuration, but an npm message could still quote it.
    for (const token of [env.NODE_AUTH_TOKEN, env.NPM_TOKEN]) if (token) core.setSecret(token)
    maskKey(core.getInput('signing-key'))
    const given = readInputs(env)
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    const root = resolve(workspace, String(given['working-directory'] ?? '.'))
    checkWorkingDirectory(workspace, root)
    const config = await loadConfig(
      given,
      (path) => readWorktreeFile(root, path),
      (globs) => listFiles(createGit(root, env), null, globs)
    )
    const event = await readEvent(env)
    const mode = resolveMode(config.release.mode, event.name)
    const git = createGit(root, env, firstReads)
    const now = resolveNow({ sourceDateEpoch: env.SOURCE_DATE_EPOCH, now: new Date() })
    const github = readGitHubEnvironment(env)
    // The GitHub client, most of the bundle, only where the mode talks to GitHub, and once the
    // event is known to parse: the client reads it again as it loads.
    let api: GitHubApi | null | undefined
    const client = mode === 'plan' || (mode === 'check' && !event.pullRequest) ? null : await import('../github/connection.js')
    const token = core.getInput('github-token')
    const gather = createGather(git, config)
    const context: RunContext = {
      git,
      gather,
      config,
      env,
      event,
      now,
      github,
      // One client a run: its look-ups (whom the token acts as) are asked once, however many steps ask for it.
      connect: () => {
        if (!client) throw new Error(`mode ${mode} does not talk to GitHub`)
        api ??= client.connectGitHub(token, github, (m) => log.warning(m))
        return api
      },
      connectGitData: () => {
        if (!client) throw new Error(`mode ${mode} does not talk to GitHub`)
        return client.connectGitData(token, github, (m) => log.warning(m))
      },
      partial,
      root,
      workspace,
      packageName: packageNameFor(await gather.worktreeFile('package.json'), env.GITHUB_REPOSITORY),
      publish: {
        npm: (npmEnv) => createNpm({ command: npmCommand(npmEnv), env: npmEnv }),
        env,
        warn: (message) => log.warning(message),
        ...(env.RUNNER_TEMP ? { tempRoot: env.RUNNER_TEMP } : {})
      }
    }
    const pr = mode === 'check' ? event.pullRequest : null
    const result = pr
      ? await checkMode(pr, context)
      : mode === 'release'
        ? await releaseMode(context)
        : mode === 'rollback'
          ? await rollbackMode(context)
          : await planMode(mode, context)
    setOutputs(result.outputs)
    if (result.failure) log.setFailed(result.failure)
    const summary = fitBytes(result.summary.join('\n'), SUMMARY_LIMIT_BYTES - 1024, 'run `verso plan --verbose` for every commit')
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write()
  } catch (error) {
    log.setFailed(describeError(error))
    // The summary is where a reader of the run looks first: the failure belongs there too.
    if (env.GITHUB_STEP_SUMMARY)
      await core.summary
        .addRaw(fitBytes(failureSummary(describeError(error), partial), SUMMARY_LIMIT_BYTES - 1024, 'the log has the rest'))
        .write()
        .catch(() => undefined)
  }
}

/** The summary of a run that failed: the error in a fence it cannot close, then the plan, when there was one. */
function failureSummary(error: string, partial: { readonly summary: readonly string[]; readonly steps: readonly string[] }): string {
  let longest = 0
  for (const run of [error, ...partial.steps].join('\n').matchAll(/`+/g)) longest = Math.max(longest, run[0].length)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  // What was done already, so that a reader knows what the re-run will finish.
  const done = partial.steps.length
    ? `### Done before the failure\n\n${fence}text\n${partial.steps.join('\n')}\n${fence}\n\n`
    : partial.summary.length
      ? 'Nothing was pushed or published before the failure.\n\n'
      : ''
  const plan = partial.summary.length
    ? 'A re-run of this job finishes what is left (a pushed tag is never pushed again, a published release never made twice).\n\n' +
      `${partial.summary.join('\n')}`
    : ''
  return `## verso failed\n\n${fence}text\n${error}\n${fence}\n\n${done}${plan}`
}

/** plan mode (and check mode away from a pull request): the plan, and nothing released. */
async function planMode(mode: RunMode, context: RunContext): Promise<ModeResult> {
  const { packages } = context.config
  if (packages) return packagesMode(context, { ...context.config, packages }, { release: false })
  const line = await gatherLine(context.gather, context.config, branchHints(context), 'local')
  const { plan, fetched } = await planRelease(context.gather, context.config, context.now, { line })
  const artifacts = planArtifacts(plan, context.packageName).list
  const notes =
    plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: context.github.repositoryUrl, maxLength: RELEASE_BODY_LIMIT, artifacts })
  const failure = reportPlan(plan, fetched, context)
  const summary = [renderPlanSummary(plan)]
  if (plan.kind === 'release') summary.push(`Mode \`${mode}\`: nothing is released by this run.\n`)
  if (notes) summary.push('### Release notes\n', notes)
  // A plan on a branch that releases names the release a push would make; elsewhere a build gets a snapshot.
  const artifact = artifactOf(context, plan, {
    releasing: plan.kind === 'release' && line.status.kind === 'releases',
    where: { kind: 'branch' }
  })
  return { outputs: { ...planOutputs(plan, notes, artifact), artifacts: JSON.stringify(artifacts) }, summary, failure }
}

/**
 * A monorepo's run: every package planned from one pass over the history, and in release
 * mode each package that has something to release released on its own.
 */
async function packagesMode(
  context: RunContext,
  config: Config & { packages: Packages },
  options: { release: boolean }
): Promise<ModeResult> {
  const [{ planPackages, runPackagesRelease }, report] = await Promise.all([import('../run/packages.js'), import('../report/packages.js')])
  const hints = branchHints(context)
  if (!options.release) {
    const where = await context.gather.branch(hints, 'local')
    const plan = await planPackages({ gather: context.gather, config, now: context.now, where, resume: false })
    const failure = reportPackages(plan, context)
    return {
      outputs: { ...NOTHING_RELEASED, releases: report.packagesReleases(plan) },
      summary: [report.renderPackagesSummary(plan)],
      failure
    }
  }
  let failure: string | null = null
  const run = await runPackagesRelease(
    {
      git: context.git,
      gather: context.gather,
      config,
      now: context.now,
      hints,
      dryRun: config.release.dryRun,
      requireBranch: false,
      repositoryUrl: context.github.repositoryUrl,
      connect: () => requireApi(context),
      pullRequests: () => requireApi(context),
      connectGitData: context.connectGitData,
      log: (line) => step(context, line),
      publish: context.publish,
      ...signingOf(context)
    },
    (plan) => {
      failure = reportPackages(plan, context)
      setOutputs({ ...NOTHING_RELEASED, releases: report.packagesReleases(plan) })
      context.partial.summary = [report.renderPackagesSummary(plan)]
    }
  )
  const summary = [
    report.renderPackagesSummary(run.plan),
    report.renderPackagesResult(run),
    run.publish ? renderPublishSummary(run.publish) : ''
  ].filter(Boolean)
  const outputs = {
    ...NOTHING_RELEASED,
    released: String(run.packages.some((p) => p.result.kind === 'applied' && p.result.outcome.kind === 'released')),
    releases: report.packagesReleases(run),
    'released-packages': report.releasedPackages(run),
    published: publishedOutput(run.publish),
    ...pullRequestOutputs(run.pullRequests ?? [])
  }
  return { outputs, summary, failure }
}

/** Each package's plan in the log; a blocked package fails the step, after the others are released. */
function reportPackages(plan: PackagesPlan, context: RunContext): string | null {
  for (const step of plan.fetched) log.info(`shallow clone: ${step}`)
  let blocked = 0
  for (const { pkg, plan: own } of plan.plans) {
    log.info(
      `${pkg.spec.name}: ${own.kind === 'release' ? `next version ${own.next.tag} (${own.bump})` : own.kind === 'none' ? `no release (${own.reason})` : 'blocked'}`
    )
    if (own.kind === 'blocked') {
      blocked += own.findings.length
      annotateFindings(own, context)
    }
  }
  return blocked ? `The release of some packages is blocked by ${blocked} problem(s); see the errors above.` : null
}

/** The key `sign` signs with, and where its temporary folder goes: the runner's temporary folder, which it empties after the job. */
function signingOf(context: RunContext): { signingKey: string | null; tempRoot?: string } {
  const key = core.getInput('signing-key')
  return { signingKey: key || null, ...(context.env.RUNNER_TEMP ? { tempRoot: context.env.RUNNER_TEMP } : {}) }
}

/** A tag without its release would be half a release: without a token, refuse before anything is pushed. */
function requireApi(context: RunContext): GitHubApi {
  const api = context.connect()
  if (!api) {
    throw new VersoError('EGITHUBAUTH', 'github-token is empty, so no GitHub Release could be made: nothing was tagged.', {
      hint: 'Leave `github-token` at its default (the workflow token) and grant `permissions: contents: write`, or pass a token.'
    })
  }
  return api
}

/** release mode: the one release run, as `verso release` makes it. */
async function releaseMode(context: RunContext): Promise<ModeResult> {
  const { config } = context
  if (config.packages) return packagesMode(context, { ...config, packages: config.packages }, { release: true })
  let failure: string | null = null
  const run = await runRelease({
    git: context.git,
    gather: context.gather,
    config,
    now: context.now,
    hints: branchHints(context),
    dryRun: config.release.dryRun,
    requireBranch: false,
    repositoryUrl: context.github.repositoryUrl,
    packageName: context.packageName,
    connect: () => requireApi(context),
    pullRequests: () => requireApi(context),
    connectGitData: context.connectGitData,
    log: (line) => step(context, line),
    publish: context.publish,
    ...signingOf(context),
    onPlanned: (planned) => {
      if (planned.resumed && planned.plan.kind === 'release') {
        log.info(`HEAD is already tagged ${planned.plan.next.tag}: finishing that release (a re-run).`)
      }
      failure = reportPlan(planned.plan, planned.fetched, context)
      // Should a step fail from here on, the plan's outputs and summary are already there.
      setOutputs(planOutputs(planned.plan, planned.notes))
      context.partial.summary = [renderPlanSummary(planned.plan)]
    }
  })
  const { plan, result } = run
  if (result.kind === 'skipped') log.info(`Nothing released: ${result.why}.`)
  if (result.kind === 'dry-run') log.info(`Dry run: would ${result.steps.join('; ')}.`)
  const summary = [renderPlanSummary(plan), renderReleaseResult(run), run.publish ? renderPublishSummary(run.publish) : ''].filter(Boolean)
  if (run.notes) summary.push('### Release notes\n', run.notes)
  const releasing = result.kind === 'dry-run' || (result.kind === 'applied' && result.outcome.kind === 'released')
  const artifact = artifactOf(context, plan, { releasing, where: { kind: 'branch' } })
  const artifacts = JSON.stringify(planArtifacts(plan, context.packageName).list)
  return { outputs: { ...releaseOutputs(run, artifact), artifacts, published: publishedOutput(run.publish) }, summary, failure }
}

/** rollback mode: the release `rollback-to` names becomes the latest again; nothing is tagged or deleted. */
async function rollbackMode(context: RunContext): Promise<ModeResult> {
  const [{ runRollback }, { renderRollbackSummary }] = await Promise.all([import('../run/rollback.js'), import('../report/rollback.js')])
  const run = await runRollback({
    git: context.git,
    gather: context.gather,
    config: context.config,
    // resolveConfig refuses `mode: rollback` without it.
    to: context.config.rollbackTo ?? '',
    dryRun: context.config.release.dryRun,
    connect: () => context.connect(),
    log: (line) => step(context, line),
    publish: context.publish
  })
  const { target } = run.plan
  return {
    outputs: {
      ...NOTHING_RELEASED,
      version: target.version,
      'version-core': target.version,
      tag: target.tag,
      sha: target.sha,
      'release-id': String(target.release.id),
      'release-url': target.release.url
    },
    summary: [renderRollbackSummary(run), ...(run.npm ? [`${describeLatestMove(run.npm, run.kind === 'dry-run')}\n`] : [])],
    failure: null
  }
}

/** check mode on a pull request: validate, predict, and report in one comment, the summary and annotations. */
async function checkMode(pr: PullRequest, context: RunContext): Promise<ModeResult> {
  const { config } = context
  const check = await checkPullRequest(
    context.gather,
    config,
    context.now,
    pr,
    lineFor(config, pr.baseRef || null, context.event.defaultBranch)
  )
  const { plan } = check
  const notes = plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: context.github.repositoryUrl, maxLength: PREVIEW_LIMIT })
  noticeNewImage(plan, context)
  for (const problem of check.errors) log.error(renderProblem(problem), { title: 'verso' })
  for (const problem of check.warnings) log.warning(renderProblem(problem), { title: 'verso' })
  // In a monorepo the packages' plans are the prediction; the one-package plan only validated.
  if (plan.kind === 'blocked' && !config.packages) annotateFindings(plan, context)

  const artifact = artifactOf(context, plan, {
    releasing: false,
    where: { kind: 'pull-request', number: pr.number, ahead: check.ahead },
    sha: pr.headSha
  })
  const { packages } = config
  const predicted = packages ? await predictPackages(pr, context, { ...config, packages }) : null
  const report = predicted ? renderPackagesPullRequestReport(check, predicted) : renderPullRequestReport(check, notes, artifact)
  const summary = [report]
  // The release pull request's description is its report, kept by the release run: a comment would say it twice.
  if (check.release) summary.push('> The release pull request: its description is the plan, so no comment was written.\n')
  else if (config.check.comment && config.release.dryRun) summary.push('> Dry run: the pull request comment was not written.\n')
  else if (config.check.comment) summary.push(await comment(pr, report, context))
  const blocked = predicted
    ? predicted.plans.reduce((n, p) => n + (p.plan.kind === 'blocked' ? p.plan.findings.length : 0), 0)
    : plan.kind === 'blocked'
      ? plan.findings.length
      : 0
  const failures = check.errors.length + blocked
  const outputs = predicted
    ? { ...checkOutputs(check, '', null), version: '', tag: '', bump: 'none', notes: '', releases: packagesReleases(predicted) }
    : checkOutputs(check, notes, artifact)
  return {
    outputs,
    summary,
    failure: failures ? `The pull request check found ${failures} problem(s); see the errors above.` : null
  }
}

/**
 * What merging a pull request releases in a monorepo: every package planned at the merge
 * (the checkout of a pull_request; the head for pull_request_target, whose checkout is the
 * base), on the line of the base branch.
 */
async function predictPackages(pr: PullRequest, context: RunContext, config: Config & { packages: Packages }): Promise<PackagesPlan> {
  const { planPackages } = await import('../run/packages.js')
  const checkedOut = await context.gather.commitOf('HEAD')
  const head = checkedOut === null || checkedOut === pr.baseSha ? pr.headSha : checkedOut
  const where = { branch: pr.baseRef || null, defaultBranch: context.event.defaultBranch }
  const plan = await planPackages({ gather: context.gather, config, now: context.now, where, head, resume: false })
  for (const p of plan.plans) if (p.plan.kind === 'blocked') annotateFindings(p.plan, context)
  return plan
}

/** The version for builds, with the build metadata and snapshot asked for; what could not be done is logged. */
function artifactOf(
  context: RunContext,
  plan: ReleasePlan,
  options: { releasing: boolean; where: ArtifactInput['where']; sha?: string }
): ArtifactVersion | null {
  const artifact = artifactVersion({
    plan,
    config: context.config,
    releasing: options.releasing,
    where: options.where,
    sha: options.sha ?? plan.head,
    runNumber: context.env.GITHUB_RUN_NUMBER || null
  })
  for (const note of artifact?.notes ?? []) log.info(note)
  if (artifact && artifact.version !== plan.next?.version) log.info(`Build version: ${artifact.version}`)
  return artifact
}

/** A step of a release in the log, kept for the summary should a later step fail. */
function step(context: RunContext, line: string): void {
  log.info(line)
  context.partial.steps.push(line)
}

/** What the runner says about the branch: the ref pushed, and the repository's default branch. */
function branchHints(context: RunContext): BranchHints {
  return {
    githubRef: context.env.GITHUB_REF,
    ciCommitBranch: context.env.CI_COMMIT_BRANCH,
    eventDefaultBranch: context.event.defaultBranch
  }
}

/** The plan in the log and as annotations; a blocked plan fails the step. */
function reportPlan(plan: ReleasePlan, fetched: readonly string[], context: RunContext): string | null {
  for (const step of fetched) log.info(`shallow clone: ${step}`)
  if (plan.ignoredTags.length) log.debug(`Tags that are not versions under this configuration: ${plan.ignoredTags.join(', ')}`)
  log.info(
    plan.kind === 'release'
      ? `Next version: ${plan.next.tag} (${plan.bump})`
      : `No release: ${plan.kind === 'none' ? plan.reason : 'blocked'}`
  )
  noticeNewImage(plan, context)
  if (plan.kind !== 'blocked') return null
  annotateFindings(plan, context)
  return `The release is blocked by ${plan.findings.length} problem(s); see the errors above.`
}

/** Comments once per pull request; a token that may not comment is a warning, never a failure. */
async function comment(pr: PullRequest, report: string, context: RunContext): Promise<string> {
  const api = context.connect()
  if (!api) return '> :warning: No `github-token` (or no GITHUB_REPOSITORY): the pull request comment was not written.\n'
  try {
    const result = await upsertComment(api, pr.number, report)
    log.info(`Pull request comment ${result.kind}: ${result.url}`)
    return ''
  } catch (error) {
    if (!(error instanceof VersoError) || !['EGITHUBPERMISSION', 'EGITHUBAUTH'].includes(error.code)) throw error
    const why = pr.fork
      ? "this pull request comes from a fork, and a fork's token is read-only"
      : 'the token may not write to pull requests'
    log.warning(`Could not comment on the pull request: ${why}. The check itself is unaffected.`)
    return (
      `> :warning: Could not comment on the pull request: ${why}. ` +
      `Grant \`pull-requests: write\` for pull requests from this repository; the report above is the same.\n`
    )
  }
}

/** A plan has no side effects: a new image is for the user to record with `verso image set`. */
function noticeNewImage(plan: ReleasePlan, context: RunContext): void {
  const image = context.config.image
  if (plan.image?.outcome !== 'created' || !image) return
  log.notice(
    `There is no release image yet: run \`verso image set\` and commit ${image.file}, so that later releases are checked against it.`,
    { file: image.file }
  )
}

/** Findings on a schema file become annotations on that file and line. */
function annotateFindings(plan: Extract<ReleasePlan, { kind: 'blocked' }>, context: RunContext): void {
  for (const finding of plan.findings)
    log.error(describeFinding(finding), finding.kind === 'image' ? annotation(finding.finding, context) : {})
}

/** Annotations name files from the workspace root, whatever working-directory is. */
function annotation(finding: { file: string; line: number | null }, context: RunContext): core.AnnotationProperties {
  const file = relative(context.workspace, resolve(context.root, finding.file))
  return finding.line === null ? { file } : { file, startLine: finding.line }
}

/**
 * The runner sets every declared input, as its action.yml default or as an empty string,
 * so "given" means: different from that default. Only then does it override the config file.
 */
function readInputs(env: NodeJS.ProcessEnv): RawOptions {
  const given: RawOptions = {}
  for (const name of OPTION_NAMES) {
    const value = env[`INPUT_${name.toUpperCase()}`]
    if (value !== undefined && value !== DEFAULTS[name]) given[name] = value
  }
  return given
}

/**
 * The working directory is where every file is read and written, inside it only: a checkout
 * can commit a link where a folder of that path should be, so it must really be inside the
 * workspace.
 */
function checkWorkingDirectory(workspace: string, root: string): void {
  if (!isReallyInside(workspace, root)) {
    throw new VersoError(
      'EUNSAFEPATH',
      `working-directory ${relative(workspace, root)} leads outside the workspace through a symbolic link.`,
      {
        hint: 'Name a folder of the repository itself, not one the checkout links elsewhere.'
      }
    )
  }
}

function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}
