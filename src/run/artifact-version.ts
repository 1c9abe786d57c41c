import semver from 'semver'
import type { ArtifactConfig, Config } from '../config/config.js'
import { buildIdentifiers, snapshotVersion, withBuild, type SnapshotForm } from '../versions/snapshot.js'
import type { ReleasePlan } from './release-plan.js'

/** The version a build is stamped with: the release's, or a snapshot's, with its build metadata. */
export interface ArtifactVersion {
  /** The `version` output: `1.3.0+sha.4f2a9c1`, `1.4.0-dev.12+sha.4f2a9c1`. */
  readonly version: string
  /** Without the build metadata. */
  readonly core: string
  /** After the `+`, or ''. */
  readonly metadata: string
  /** How the snapshot was made, when it is one. */
  readonly snapshot: SnapshotForm | null
  /** What could not be done as configured, for the log. */
  readonly notes: readonly string[]
}

export interface ArtifactInput {
  readonly plan: ReleasePlan
  readonly config: Pick<Config, 'scheme'> & { readonly artifacts: ArtifactConfig }
  /** This run makes (or in a dry run would make) the release the plan names: no snapshot then. */
  readonly releasing: boolean
  /** A pull request (its number and own commits), or the branch the plan was made on. */
  readonly where: { readonly kind: 'pull-request'; readonly number: number; readonly ahead: number } | { readonly kind: 'branch' }
  /** The commit built. */
  readonly sha: string
  /** GITHUB_RUN_NUMBER, or null outside a workflow run. */
  readonly runNumber: string | null
}

/**
 * The artifact version, or null when there is none to give (nothing planned, and no
 * snapshots asked for). Tags never carry any of this: it is for what a build produces.
 */
export function artifactVersion(input: ArtifactInput): ArtifactVersion | null {
  const { plan, config } = input
  const { buildMetadata, snapshots } = config.artifacts
  const notes: string[] = []
  // A build of a released commit is that release, whatever this run does.
  const atRelease = plan.previous !== null && plan.previous.sha === input.sha
  const planned = plan.kind === 'release' ? plan.next.version : atRelease ? plan.previous!.version : null
  const wantSnapshot = snapshots && !input.releasing && !atRelease
  if (wantSnapshot && plan.scheme !== 'semver')
    notes.push('snapshot-versions: a CalVer version has no SemVer snapshot; `version` is the planned one.')
  const snapshot = wantSnapshot && plan.scheme === 'semver' ? makeSnapshot(input, notes) : null
  if (snapshot === null && planned === null) return null
  // A snapshot always says which commit it is: that is what makes it traceable.
  const kind = snapshot !== null && buildMetadata === 'none' ? 'sha' : buildMetadata
  const ids = buildIdentifiers(kind, { sha: input.sha, runNumber: input.runNumber })
  if (ids.fallback === 'no-run-number')
    notes.push('build-metadata: run needs GITHUB_RUN_NUMBER (a workflow run); the commit alone is used.')
  const core = snapshot?.text ?? planned!
  const metadata = ids.identifiers.join('.')
  // CalVer versions that are not SemVer still take `+…` as written: only a SemVer one is checked.
  const version = plan.scheme === 'semver' ? withBuild(core, ids.identifiers) : metadata ? `${core}+${metadata}` : core
  return { version, core, metadata, snapshot: snapshot?.form ?? null, notes }
}

function makeSnapshot(input: ArtifactInput, notes: string[]): { text: string; form: SnapshotForm } | null {
  const { plan } = input
  const previous = plan.previous?.value.kind === 'semver' ? plan.previous.value.value : null
  const next = plan.next?.value.kind === 'semver' ? plan.next.value.value : standIn(previous, input.config.scheme)
  if (next === null) return null
  const where =
    input.where.kind === 'pull-request'
      ? input.where
      : // On a branch, how far it is past the last release: each new commit sorts higher.
        { kind: 'branch' as const, ahead: plan.commits.length }
  try {
    const made = snapshotVersion({ next, previous, where })
    return { text: made.version.version, form: made.form }
  } catch (error) {
    notes.push(`snapshot-versions: ${(error as Error).message} \`version\` is the planned one.`)
    return null
  }
}

/** With nothing releasable, the snapshot sorts below what a patch (or the channel's next number) would make. */
function standIn(previous: semver.SemVer | null, scheme: Config['scheme']): semver.SemVer | null {
  if (previous === null) return scheme.kind === 'semver' ? scheme.initialVersion : null
  return new semver.SemVer(semver.inc(previous, previous.prerelease.length ? 'prerelease' : 'patch')!)
}
