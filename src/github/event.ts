import { readFile } from 'node:fs/promises'
import { VersoError } from '../errors.js'
import { readPullRequest, type PullRequest } from './pull-request.js'

/** The workflow event a run is for, as the runner describes it. */
export interface WorkflowEvent {
  /** GITHUB_EVENT_NAME: `push`, `pull_request`, …; undefined outside a workflow. */
  readonly name: string | undefined
  /** The repository's default branch, from the payload. */
  readonly defaultBranch: string | null
  /** The pull request of a `pull_request` or `pull_request_target` event. */
  readonly pullRequest: PullRequest | null
}

interface Payload {
  readonly repository?: { readonly default_branch?: unknown }
}

/** Reads GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH; outside a workflow, an empty event. */
export async function readEvent(env: NodeJS.ProcessEnv): Promise<WorkflowEvent> {
  const name = env.GITHUB_EVENT_NAME
  if (!env.GITHUB_EVENT_PATH) return { name, defaultBranch: null, pullRequest: null }
  let payload: Payload
  try {
    payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Payload
  } catch (error) {
    throw new VersoError('EINVALIDCONFIG', `The event payload at GITHUB_EVENT_PATH cannot be read (${(error as Error).message}).`, {
      hint: 'The runner writes it; outside a workflow, unset GITHUB_EVENT_PATH.'
    })
  }
  const defaultBranch = payload?.repository?.default_branch
  return { name, defaultBranch: typeof defaultBranch === 'string' ? defaultBranch : null, pullRequest: readPullRequest(payload) }
}
