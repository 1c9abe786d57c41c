import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { applyOptions, applyPlan, describeApply, type ApplyOutcome } from '../run/apply.js'
import { resolveNow } from '../config/release-date.js'
import { DEFAULTS, OPTION_NAMES, type Config, type RawOptions } from '../config/config.js'
import { describeError, VersoError } from '../errors.js'
import { readWorktreeFile } from '../git/files.js'
import { createGit, type Git } from '../git/git.js'
import { connectGitHub, readGitHubEnvironment, type GitHubEnvironment } from '../github/environment.js'
import { upsertComment } from '../github/sticky-comment.js'
import { branchOf, decideRelease, resolveMode, type RunMode } from '../run/mode.js'
import { PREVIEW_LIMIT, RELEASE_BODY_LIMIT, renderNotes } from '../notes/release-notes.js'
import { loadConfig, planRelease, planReleaseRun } from '../run/pipeline.js'
import type { ReleasePlan } from '../run/plan.js'
import { checkPullRequest } from '../run/pr-check.js'
import { readPullRequest, type PullRequest } from '../github/pull-request.js'
import { describeFinding } from '../report/explain.js'
import { NOTHING_RELEASED, planOutputs, type Outputs } from '../report/outputs.js'
import { renderPullRequestReport } from '../report/pr-comment.js'
import { renderPlanSummary } from '../report/summary.js'
import { renderProblem, type Problem } from '../validate/index.js'

interface Event {
  readonly name: string | undefined
  readonly payload: { readonly repository?: { readonly default_branch?: string } }
}

/**
 * The action: inputs → config → plan → (in release mode) apply → outputs and job summary.
 * Outputs are set to their "nothing released" values first, so every path leaves them
 * defined.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  setOutputs(NOTHING_RELEASED)
  try {
    const given = readInputs(env)
    const root = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), String(given['working-directory'] ?? '.'))
    const config = await loadConfig(given, (path) => readWorktreeFile(root, path))
    const event = await readEvent(env)
    const mode = resolveMode(config.release.mode, event.name)
    const git = createGit(root, env)
    const now = resolveNow({ sourceDateEpoch: env.SOURCE_DATE_EPOCH, now: new Date() })
    const github = readGitHubEnvironment(env)
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    const context: RunContext = { git, config, env, event, now, github, token: core.getInput('github-token'), root, workspace }
    const pr = mode === 'check' ? readPullRequest(event.payload) : null
    const summary = pr ? await runCheck(pr, context) : await runPlan(mode, context)
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary.join('\n')).write()
  } catch (error) {
    core.setFailed(describeError(error))
    // The summary is where a reader of the run looks first: the failure belongs there too.
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(`## verso failed\n\n\`\`\`text\n${describeError(error)}\n\`\`\`\n`).write().catch(() => undefined)
  }
}

interface RunContext {
  readonly git: Git
  readonly config: Config
  readonly env: NodeJS.ProcessEnv
  readonly event: Event
  readonly now: Date
  readonly github: GitHubEnvironment
  /** The github-token input, read once. */
  readonly token: string
  /** Where schema paths are relative to (working-directory), and where annotations are. */
  readonly root: string
  readonly workspace: string
}

/** plan and release modes (and check mode away from a pull request): the plan, then maybe a release. */
async function runPlan(mode: RunMode, context: RunContext): Promise<string[]> {
  const { git, config, now } = context
  const { plan, fetched, resumed } = mode === 'release' ? await planReleaseRun(git, config, now) : { ...(await planRelease(git, config, now)), resumed: false }
  if (resumed && plan.kind === 'release') core.info(`HEAD is already tagged ${plan.next.tag}: finishing that release (a re-run).`)
  for (const step of fetched) core.info(`shallow clone: ${step}`)
  if (plan.ignoredTags.length) core.debug(`Tags that are not versions under this configuration: ${plan.ignoredTags.join(', ')}`)

  const notes = plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: context.github.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  setOutputs({ ...planOutputs(plan), notes: plan.kind === 'release' ? notes : '' })
  core.info(plan.kind === 'release' ? `Next version: ${plan.next.tag} (${plan.bump})` : `No release: ${plan.kind === 'none' ? plan.reason : 'blocked'}`)
  noticeNewImage(plan, context)

  const summary = [renderPlanSummary(plan)]
  if (plan.kind === 'blocked') {
    annotateFindings(plan, context)
    core.setFailed(`The release is blocked by ${plan.findings.length} problem(s); see the errors above.`)
  } else if (plan.kind === 'release' && mode === 'release') {
    summary.push(await release(plan, context, notes))
  } else if (plan.kind === 'release') {
    summary.push(`Mode \`${mode}\`: nothing is released by this run.\n`)
  }
  if (notes && plan.kind !== 'none') summary.push('### Release notes\n', notes)
  return summary
}

/** check mode on a pull request: validate, predict, and report in one comment, the summary and annotations. */
async function runCheck(pr: PullRequest, context: RunContext): Promise<string[]> {
  const { config } = context
  const check = await checkPullRequest(context.git, config, context.now, pr)
  const { plan } = check
  const notes = plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: context.github.repositoryUrl, maxLength: PREVIEW_LIMIT })
  const problems = [...check.errors, ...check.warnings]
  setOutputs({ ...planOutputs(plan), notes, valid: String(check.errors.length === 0), problems: JSON.stringify(problems.map(describeProblemJson)) })
  noticeNewImage(plan, context)

  for (const problem of check.errors) core.error(renderProblem(problem), { title: 'verso' })
  for (const problem of check.warnings) core.warning(renderProblem(problem), { title: 'verso' })
  if (plan.kind === 'blocked') annotateFindings(plan, context)

  const report = renderPullRequestReport(check, notes)
  const summary = [report]
  if (config.check.comment && config.release.dryRun) summary.push('> Dry run: the pull request comment was not written.\n')
  else if (config.check.comment) summary.push(await comment(pr, report, context))
  const failures = check.errors.length + (plan.kind === 'blocked' ? plan.findings.length : 0)
  if (failures) core.setFailed(`The pull request check found ${failures} problem(s); see the errors above.`)
  return summary
}

/** Comments once per pull request; a token that may not comment is a warning, never a failure. */
async function comment(pr: PullRequest, report: string, context: RunContext): Promise<string> {
  const api = connectGitHub(context.token, context.github, (m) => core.warning(m))
  if (!api) return '> :warning: No `github-token` (or no GITHUB_REPOSITORY): the pull request comment was not written.\n'
  try {
    const result = await upsertComment(api, pr.number, report)
    core.info(`Pull request comment ${result.kind}: ${result.url}`)
    return ''
  } catch (error) {
    if (!(error instanceof VersoError) || !['EGITHUBPERMISSION', 'EGITHUBAUTH'].includes(error.code)) throw error
    const why = pr.fork ? 'this pull request comes from a fork, and a fork\'s token is read-only' : 'the token may not write to pull requests'
    core.warning(`Could not comment on the pull request: ${why}. The check itself is unaffected.`)
    return `> :warning: Could not comment on the pull request: ${why}. Grant \`pull-requests: write\` for pull requests from this repository; the report above is the same.\n`
  }
}

/** A plan has no side effects: a new image is for the user to record with `verso image set`. */
function noticeNewImage(plan: ReleasePlan, context: RunContext): void {
  const image = context.config.image
  if (plan.image?.outcome !== 'created' || !image) return
  core.notice(`There is no release image yet: run \`verso image set\` and commit ${image.file}, so that later releases are checked against it.`, { file: image.file })
}

/** Findings on a schema file become annotations on that file and line. */
function annotateFindings(plan: Extract<ReleasePlan, { kind: 'blocked' }>, context: RunContext): void {
  for (const finding of plan.findings) core.error(describeFinding(finding), finding.kind === 'image' ? annotation(finding.finding, context) : {})
}

function describeProblemJson(problem: Problem) {
  const { subject, header, code, message, example } = problem
  return { commit: subject.kind === 'commit' ? subject.sha : null, title: subject.kind === 'title', header, code, message, example }
}

/** The one place that decides between releasing, explaining why not, and a dry run. */
async function release(plan: Extract<ReleasePlan, { kind: 'release' }>, context: RunContext, notes: string): Promise<string> {
  const { config, env, event } = context
  const options = applyOptions(config, plan, notes, (line) => core.info(line))
  const decision = decideRelease({
    branch: branchOf(env.GITHUB_REF),
    branches: config.release.branches,
    defaultBranch: event.payload.repository?.default_branch ?? null,
    dryRun: config.release.dryRun
  })
  switch (decision.kind) {
    case 'skip':
      core.info(`Nothing released: ${decision.why}.`)
      return `Nothing was released: ${decision.why}.\n`
    case 'dry-run': {
      const steps = describeApply(plan, options)
      core.info(`Dry run: would ${steps.join('; ')}.`)
      return `**Dry run**: nothing was pushed and no request was made. A release would:\n\n${steps.map((s) => `- ${s}`).join('\n')}\n`
    }
    case 'release': {
      const api = connectGitHub(context.token, context.github, (m) => core.warning(m))
      if (!api) core.warning('github-token is empty: no GitHub Release will be created, only the tag.')
      return reportOutcome(await applyPlan(plan, context.git, api, options))
    }
  }
}

function reportOutcome(outcome: ApplyOutcome): string {
  if (outcome.kind === 'superseded') {
    core.setOutput('released', 'false')
    return `Not released: tag ${outcome.tag} was already published at ${outcome.by.slice(0, 7)}, which contains this commit. A later run released past this one.\n`
  }
  core.setOutput('released', 'true')
  core.setOutput('sha', outcome.sha)
  core.setOutput('release-id', outcome.release ? String(outcome.release.id) : '')
  core.setOutput('release-url', outcome.release?.url ?? '')
  const lines = [`Released **${outcome.tag}** at \`${outcome.sha.slice(0, 7)}\`${outcome.release ? `: ${outcome.release.url}` : ''}.`]
  if (outcome.floating.length) lines.push(`Moved ${outcome.floating.map((t) => `\`${t}\``).join(' and ')} to it.`)
  if (outcome.dispatched.length) lines.push(`Sent workflow_dispatch to ${outcome.dispatched.join(', ')}.`)
  lines.push(
    '',
    '> Tags pushed with the default `GITHUB_TOKEN` (actions/checkout\'s default credentials) start no `on: push: tags` workflows. ' +
      'List such workflows in `dispatch-workflows`, or check out with a token that may start them.'
  )
  return `${lines.join('\n')}\n`
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

async function readEvent(env: NodeJS.ProcessEnv): Promise<Event> {
  if (!env.GITHUB_EVENT_PATH) return { name: env.GITHUB_EVENT_NAME, payload: {} }
  const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Event['payload']
  return { name: env.GITHUB_EVENT_NAME, payload }
}

/** Annotations name files from the workspace root, whatever working-directory is. */
function annotation(finding: { file: string; line: number | null }, context: RunContext): core.AnnotationProperties {
  const file = relative(context.workspace, resolve(context.root, finding.file))
  return finding.line === null ? { file } : { file, startLine: finding.line }
}

function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}
