import * as core from '@actions/core'
import { resolve } from 'node:path'
import { DEFAULTS, OPTION_NAMES, type RawOptions } from '../config.js'
import { resolveNow } from '../clock.js'
import { describeError } from '../errors.js'
import { createGit } from '../git/git.js'
import { readWorktreeFile, writeWorktreeFile } from '../git/files.js'
import { loadConfig, planRelease } from '../pipeline.js'
import { describeFinding } from '../report/explain.js'
import { NOTHING_RELEASED, planOutputs, type Outputs } from '../report/outputs.js'
import { renderPlanSummary } from '../report/summary.js'

/**
 * The action: inputs → config → plan → outputs and job summary. Outputs are set to their
 * "nothing released" values first, so every path leaves them defined.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  setOutputs(NOTHING_RELEASED)
  try {
    const given = readInputs(env)
    const root = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), String(given['working-directory'] ?? '.'))
    const config = await loadConfig(given, (path) => readWorktreeFile(root, path))
    const now = resolveNow({ sourceDateEpoch: env.SOURCE_DATE_EPOCH, now: new Date() })
    const { plan, fetched } = await planRelease(createGit(root, env), config, now)
    for (const step of fetched) core.info(`shallow clone: ${step}`)
    if (plan.ignoredTags.length) core.debug(`Tags that are not versions under this configuration: ${plan.ignoredTags.join(', ')}`)

    setOutputs(planOutputs(plan))
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderPlanSummary(plan)).write()
    core.info(plan.kind === 'release' ? `Next version: ${plan.next.tag} (${plan.bump})` : `No release: ${plan.kind === 'none' ? plan.reason : 'blocked'}`)
    if (plan.image?.outcome === 'created' && config.image) {
      await writeWorktreeFile(root, config.image.file, plan.image.imageText)
      core.notice(`Created the release image ${config.image.file}: commit it so later releases are checked against it.`, { file: config.image.file })
    }
    if (plan.kind === 'blocked') {
      // Findings on a schema file become annotations on that file and line.
      for (const finding of plan.findings) core.error(describeFinding(finding), finding.kind === 'image' ? annotation(finding.finding) : {})
      core.setFailed(`The release is blocked by ${plan.findings.length} problem(s); see the errors above.`)
    }
  } catch (error) {
    core.setFailed(describeError(error))
  }
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

function annotation(finding: { file: string; line: number | null }): core.AnnotationProperties {
  return finding.line === null ? { file: finding.file } : { file: finding.file, startLine: finding.line }
}

function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}
