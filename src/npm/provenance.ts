import semver from 'semver'

/** What the runner offers that provenance and trusted publishing need. */
export interface RunnerFacts {
  readonly githubActions: boolean
  /** The job may ask for an OIDC token: `permissions: id-token: write`. */
  readonly idToken: boolean
  /** `github-hosted` or `self-hosted` (RUNNER_ENVIRONMENT), or null when the runner does not say. */
  readonly environment: string | null
}

export function readRunnerFacts(env: NodeJS.ProcessEnv): RunnerFacts {
  return {
    githubActions: env.GITHUB_ACTIONS === 'true',
    idToken: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    environment: env.RUNNER_ENVIRONMENT || null
  }
}

/** Why `--provenance` is left out although `provenance: true` asks for it. */
export type ProvenanceObstacle =
  | { readonly kind: 'not-github-actions' }
  | { readonly kind: 'no-id-token' }
  /** npm signs provenance only for builds on GitHub's own runners, whose identity it can vouch for. */
  | { readonly kind: 'self-hosted' }
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
  if (new URL(registry).host !== NPMJS) return unsupported({ kind: 'registry', registry })
  return { kind: 'on' }
}

/** The first npm that publishes as a trusted publisher (OIDC) by itself. */
export const TRUSTED_PUBLISHING_NPM = '11.5.1'

/** Whether this npm publishes with the job's OIDC token when it has no other login; unknown versions are given the benefit. */
export function publishesTrusted(npmVersion: string | null): boolean {
  return npmVersion === null || semver.gte(semver.coerce(npmVersion) ?? '0.0.0', TRUSTED_PUBLISHING_NPM)
}
