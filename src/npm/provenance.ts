import { readFile } from 'node:fs/promises'
import semver from 'semver'

/** What the runner offers that provenance and trusted publishing need. */
export interface RunnerFacts {
  readonly githubActions: boolean
  /** The job may ask for an OIDC token: `permissions: id-token: write`. */
  readonly idToken: boolean
  /** `github-hosted` or `self-hosted` (RUNNER_ENVIRONMENT), or null when the runner does not say. */
  readonly environment: string | null
  /** The event says the repository is private (`repository.private`): npm makes no provenance for one. */
  readonly privateRepository: boolean
}

/** The runner's facts, from its environment and the event (GITHUB_EVENT_PATH). */
export async function readRunnerFacts(env: NodeJS.ProcessEnv): Promise<RunnerFacts> {
  return {
    githubActions: env.GITHUB_ACTIONS === 'true',
    idToken: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    environment: env.RUNNER_ENVIRONMENT || null,
    privateRepository: await readPrivateRepository(env.GITHUB_EVENT_PATH)
  }
}

async function readPrivateRepository(path: string | undefined): Promise<boolean> {
  if (!path) return false
  const text = await readFile(path, 'utf8').catch(() => null)
  try {
    const event = text === null ? null : (JSON.parse(text) as { repository?: { private?: unknown } } | null)
    return event?.repository?.private === true
  } catch {
    // An event that cannot be read says nothing about the repository.
    return false
  }
}

/** Why `--provenance` is left out although `provenance: true` asks for it. */
export type ProvenanceObstacle =
  | { readonly kind: 'not-github-actions' }
  | { readonly kind: 'no-id-token' }
  /** npm signs provenance only for builds on GitHub's own runners, whose identity it can vouch for. */
  | { readonly kind: 'self-hosted' }
  /** npm refuses provenance for a private repository's build (E422): there is no public source to point at. */
  | { readonly kind: 'private-repository' }
  /** Only registry.npmjs.org takes provenance statements. */
  | { readonly kind: 'registry'; readonly registry: string }

export type ProvenanceDecision =
  { readonly kind: 'off' } | { readonly kind: 'on' } | { readonly kind: 'unsupported'; readonly obstacle: ProvenanceObstacle }

const NPMJS = 'registry.npmjs.org'

/** Whether to pass `--provenance`: only where npm can make one and the registry takes it, else the reason why not. */
export function decideProvenance(asked: boolean, runner: RunnerFacts, registry: string): ProvenanceDecision {
  if (!asked) return { kind: 'off' }
  const unsupported = (obstacle: ProvenanceObstacle): ProvenanceDecision => ({ kind: 'unsupported', obstacle })
  if (!runner.githubActions) return unsupported({ kind: 'not-github-actions' })
  if (runner.environment !== null && runner.environment !== 'github-hosted') return unsupported({ kind: 'self-hosted' })
  if (!runner.idToken) return unsupported({ kind: 'no-id-token' })
  if (runner.privateRepository) return unsupported({ kind: 'private-repository' })
  if (new URL(registry).host !== NPMJS) return unsupported({ kind: 'registry', registry })
  return { kind: 'on' }
}

/** The first npm that publishes as a trusted publisher (OIDC) by itself. */
export const TRUSTED_PUBLISHING_NPM = '11.5.1'

/** Whether this npm publishes with the job's OIDC token when it has no other login; unknown versions are given the benefit. */
export function publishesTrusted(npmVersion: string | null): boolean {
  return npmVersion === null || semver.gte(semver.coerce(npmVersion) ?? '0.0.0', TRUSTED_PUBLISHING_NPM)
}
