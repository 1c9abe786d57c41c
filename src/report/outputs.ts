import type { ArtifactVersion } from '../run/artifact-version.js'
import type { PullRequestCheck } from '../run/pr-check.js'
import type { ReleaseRun } from '../run/release.js'
import type { ReleasePullRequestOutcome } from '../run/release-pr.js'
import type { ReleasePlan } from '../run/release-plan.js'
import type { Problem } from '../validate/index.js'
import { clip } from './limits.js'

const MAX_PROBLEMS = 100

/** The action's outputs, as strings. Every name is declared in action.yml. */
export type Outputs = Readonly<Record<OutputName, string>>

export const OUTPUT_NAMES = [
  'version',
  'version-core',
  'build-metadata',
  'snapshot',
  'previous-version',
  'tag',
  'previous-tag',
  'bump',
  'released',
  'major',
  'minor',
  'patch',
  'prerelease',
  'image-status',
  'image-required-bump',
  'sha',
  'release-id',
  'release-url',
  'notes',
  'valid',
  'problems',
  'releases',
  'released-packages',
  'artifacts',
  'published',
  'pull-request-number',
  'pull-request-url'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

/** What every path leaves behind, failing ones too, so later steps never read an unset output. */
export const NOTHING_RELEASED: Outputs = {
  version: '',
  'version-core': '',
  'build-metadata': '',
  snapshot: 'false',
  'previous-version': '',
  tag: '',
  'previous-tag': '',
  bump: 'none',
  released: 'false',
  major: '',
  minor: '',
  patch: '',
  prerelease: '',
  'image-status': '',
  'image-required-bump': '',
  sha: '',
  'release-id': '',
  'release-url': '',
  notes: '',
  valid: '',
  problems: '[]',
  releases: '[]',
  'released-packages': '[]',
  artifacts: '[]',
  published: '[]',
  'pull-request-number': '',
  'pull-request-url': ''
}

/**
 * The plan's outputs; the release notes only when the plan releases. `artifact`: the version
 * for builds, with its build metadata or as a snapshot, which `version` then gives.
 */
export function planOutputs(plan: ReleasePlan, notes = '', artifact: ArtifactVersion | null = null): Outputs {
  const next = plan.kind === 'release' ? plan.next : null
  const parts = plan.kind === 'release' ? plan.standing.parts : null
  return {
    ...NOTHING_RELEASED,
    version: artifact?.version ?? next?.version ?? '',
    'version-core': artifact?.core ?? next?.version ?? '',
    'build-metadata': artifact?.metadata ?? '',
    snapshot: String(artifact?.snapshot != null),
    'previous-version': plan.previous?.version ?? '',
    tag: next?.tag ?? '',
    'previous-tag': plan.previous?.tag ?? '',
    bump: plan.kind === 'release' ? plan.bump : 'none',
    major: parts?.major ?? '',
    minor: parts?.minor ?? '',
    patch: parts?.patch ?? '',
    prerelease: parts?.prerelease ?? '',
    'image-status': plan.image?.outcome ?? '',
    'image-required-bump': plan.image?.bump.bump ?? '',
    notes: plan.kind === 'release' ? notes : ''
  }
}

/** What a release run leaves for later steps: the plan, and what was published. */
export function releaseOutputs(run: ReleaseRun, artifact: ArtifactVersion | null = null): Outputs {
  const planned = planOutputs(run.plan, run.notes, artifact)
  if (run.result.kind === 'pull-request') return { ...planned, ...pullRequestOutputs(run.result.outcome) }
  if (run.result.kind !== 'applied') return planned
  const { outcome } = run.result
  // Superseded: a later run released past this commit under the same tag.
  if (outcome.kind === 'superseded') return planned
  return {
    ...planned,
    released: 'true',
    sha: outcome.sha,
    'release-id': outcome.release ? String(outcome.release.id) : '',
    'release-url': outcome.release?.url ?? '',
    ...pullRequestOutputs(run.result.pullRequest ?? null)
  }
}

/**
 * The open release pull request(s), for a later step that merges them or turns on auto-merge:
 * one a package with `release-pull-requests: per-package`, separated by spaces; empty when none is open.
 */
export function pullRequestOutputs(
  outcomes: ReleasePullRequestOutcome | null | readonly ReleasePullRequestOutcome[]
): Pick<Outputs, 'pull-request-number' | 'pull-request-url'> {
  const list = outcomes === null ? [] : 'kind' in outcomes ? [outcomes] : outcomes
  const open = list.flatMap((o) => (o.kind === 'opened' || o.kind === 'updated' || o.kind === 'unchanged' ? [o.pullRequest] : []))
  return { 'pull-request-number': open.map((pr) => String(pr.number)).join(' '), 'pull-request-url': open.map((pr) => pr.url).join(' ') }
}

/** What a pull-request check leaves: the predicted release, and whether the pull request is valid. */
export function checkOutputs(check: PullRequestCheck, notes: string, artifact: ArtifactVersion | null = null): Outputs {
  // An output is read by later steps, and GitHub refuses a large one: quotes are clipped and
  // the list is capped (the job's annotations list every problem).
  const problems = [...check.errors, ...check.warnings].slice(0, MAX_PROBLEMS).map(describeProblem)
  return { ...planOutputs(check.plan, '', artifact), notes, valid: String(check.errors.length === 0), problems: JSON.stringify(problems) }
}

function describeProblem(problem: Problem) {
  const { subject, header, code, message, example } = problem
  return {
    commit: subject.kind === 'commit' ? subject.sha : null,
    title: subject.kind === 'title',
    header: clip(header),
    code,
    message: clip(message, 1000),
    example: example === null ? null : clip(example)
  }
}
