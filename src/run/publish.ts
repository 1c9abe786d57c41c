import { resolve } from 'node:path'
import type { Config } from '../config/config.js'
import { VersoError } from '../errors.js'
import { openNpmSession, readNpmAuth, type NpmAuth } from '../npm/auth.js'
import type { Npm } from '../npm/npm.js'
import { decideProvenance, publishesTrusted, readRunnerFacts, type ProvenanceObstacle } from '../npm/provenance.js'
import {
  previewTarball,
  publishFolder,
  readNpmVersion,
  viewPackage,
  viewVersion,
  type PublishedVersion,
  type RegistryPackage,
  type Tarball
} from '../npm/registry.js'
import type { SecretLookingFile } from '../npm/secrets.js'
import { writeWorktreeFile } from '../git/files.js'
import { conflictHint, describeConflict, describeEarlierUnpublished, describePublishWarning } from '../report/publish.js'
import {
  checkManifest,
  decidePublish,
  type ManifestCheck,
  type DistTag,
  type PublishableDecision,
  type PublishConflict,
  type PublishDecision,
  type PublishTarget
} from './publish-plan.js'
import { inDependencyOrder, manifestPath, readManifests, registryFor, writeVersions, type ManifestRead } from './publish-manifests.js'
import type { ReleasingPlan } from './release-plan.js'

/** What publishing needs from the entry point: npm, and the environment it runs in. */
export interface PublishContext {
  /** The npm CLI for an environment (a session's, which carries its temporary configuration). */
  readonly npm: (env: NodeJS.ProcessEnv) => Npm
  readonly env: NodeJS.ProcessEnv
  /** A warning for the log (an annotation in the action); the run goes on. */
  readonly warn: (line: string) => void
  /** Where temporary files go (RUNNER_TEMP on a runner). */
  readonly tempRoot?: string
}

/** One release to publish, with its settings. */
export interface PublishJob {
  readonly target: PublishTarget
  /** The `registry` setting, or null: the package's publishConfig, else npm's configuration. */
  readonly registry: string | null
  readonly provenance: boolean
}

export interface PublishRequest {
  readonly context: PublishContext
  /** The working directory the package folders are in. */
  readonly root: string
  readonly jobs: readonly PublishJob[]
  /** Every package folder of a monorepo, which decides whose a manifest is; null for one package. */
  readonly packages: readonly string[] | null
  /** The commit checked out, which npm records as the published version's `gitHead`. */
  readonly checkoutHead: string | null
  /** Whether a commit is in this repository (a published version's `gitHead` may be one a tag can name). */
  readonly isCommit: (sha: string) => Promise<boolean>
  readonly log: (line: string) => void
}

/** The job of a release its configuration publishes to npm, or null when it publishes nowhere. */
export function publishJob(
  plan: ReleasingPlan,
  config: Config,
  where: { readonly release: string; readonly path: string }
): PublishJob | null {
  if (config.publish.to !== 'npm') return null
  const target: PublishTarget = {
    ...where,
    version: plan.next.version,
    tag: plan.next.tag,
    sha: plan.head,
    line: { prerelease: plan.line.prerelease, range: plan.line.range },
    latest: plan.standing.latest
  }
  return { target, registry: config.publish.registry, provenance: config.publish.provenance }
}

/** The publish request of a release run, or null when it has no npm or publishes nothing. */
export async function publishRequest(
  run: {
    readonly publish?: PublishContext
    readonly git: { readonly cwd: string }
    readonly gather: { commitOf(ref: string): Promise<string | null> }
    readonly log: (line: string) => void
  },
  jobs: readonly PublishJob[],
  packages: readonly string[] | null
): Promise<PublishRequest | null> {
  if (jobs.length === 0) return null
  if (!run.publish) {
    throw new VersoError('EUSAGE', '`publish: npm` is set, and this run has no npm to publish with.', {
      hint: 'Run the release from the action or `verso release`, which publish with the npm on the PATH.'
    })
  }
  const { gather } = run
  return {
    context: run.publish,
    root: run.git.cwd,
    jobs,
    packages,
    checkoutHead: await gather.commitOf('HEAD'),
    isCommit: async (sha) => /^[0-9a-f]{40}$/i.test(sha) && (await gather.commitOf(sha)) === sha.toLowerCase(),
    log: run.log
  }
}

/**
 * Whether an earlier release, tagged by a run that stopped before its GitHub Release, is
 * still to be published to npm: then it is left to that run's job, which publishes from
 * the tag's own checkout, and its GitHub Release is not made ahead of the package.
 */
export async function awaitsNpm(
  run: Parameters<typeof publishRequest>[0],
  earlier: { readonly tag: string; readonly sha: string },
  jobs: readonly PublishJob[],
  packages: readonly string[] | null
): Promise<boolean> {
  const missing = await withPublisher(await publishRequest(run, jobs, packages), async (p) => (p ? p.missing() : []))
  if (missing.length === 0) return false
  run.publish!.warn(describeEarlierUnpublished(earlier.tag, earlier.sha, missing))
  return true
}

/** What a dry run would do with a release, or what a run did. */
export type PublishEntry =
  | {
      readonly kind: 'published'
      readonly release: string
      readonly name: string
      readonly version: string
      readonly registry: string
      readonly distTag: DistTag
      readonly provenance: boolean
      readonly size: number
      readonly files: number
    }
  /** In a dry run too: the registry has the version from this release already. */
  | {
      readonly kind: 'already-published'
      readonly release: string
      readonly name: string
      readonly version: string
      readonly registry: string
    }
  /** `superseded`: a later release took its tag, so it is not published either. */
  | {
      readonly kind: 'skipped'
      readonly release: string
      readonly name: string | null
      readonly version: string
      readonly reason: 'private' | 'superseded'
    }
  | {
      readonly kind: 'would-publish'
      readonly release: string
      readonly name: string
      readonly version: string
      readonly registry: string
      readonly distTag: DistTag
      readonly provenance: boolean
      readonly tarball: Tarball
    }

/** Something to look at, which does not stop the run. */
export type PublishWarning =
  | { readonly kind: 'secret-looking'; readonly name: string; readonly files: readonly SecretLookingFile[] }
  | { readonly kind: 'provenance-unsupported'; readonly name: string; readonly obstacle: ProvenanceObstacle }
  | { readonly kind: 'trusted-publishing-npm'; readonly npmVersion: string }
  /** `npm publish` failed after the registry took the version from this commit: a `postpublish` script, most likely. */
  | { readonly kind: 'after-publish-failed'; readonly name: string; readonly version: string; readonly error: string }

export interface PublishRun {
  readonly dryRun: boolean
  readonly entries: readonly PublishEntry[]
  readonly warnings: readonly PublishWarning[]
}

/** How the run's tags came out, which publishing follows. */
export interface TaggedReleases {
  /** The releases whose tag went to a later release: not published either. */
  readonly superseded: ReadonlySet<string>
  /** The release commit the tags name, made after `prepare`, or null when there is none. */
  readonly releaseCommit: string | null
}

/** The decisions made before the release commit and the tags, and what carries them out once the tags are pushed. */
export interface PreparedPublish {
  readonly decisions: readonly PublishableDecision[]
  readonly warnings: readonly PublishWarning[]
  /** Publishes what was decided, in dependency order, with the run's npm session. */
  publish(tagged: TaggedReleases): Promise<PublishRun>
}

/** Publishing for one release run: decided before the release commit and the tags, carried out after the tags. */
export interface Publisher {
  /**
   * Packs each release with its version (in the working tree, put back afterwards), asks
   * the registry and decides; a version published from something else stops the run here,
   * before any commit or tag.
   */
  prepare(): Promise<PreparedPublish>
  /** A dry run: the same questions and decisions, and nothing published. */
  preview(): Promise<PublishRun>
  /**
   * The releases whose version the registry does not have, asking it nothing but `npm view`:
   * nothing is packed, written or published. A private package has nothing to wait for; a
   * manifest no release could be published from counts as missing.
   */
  missing(): Promise<readonly Unpublished[]>
}

/** A release whose version is not on the registry, or whose manifest cannot say which package it is (`registry` null). */
export interface Unpublished {
  readonly target: PublishTarget
  readonly name: string | null
  readonly registry: string | null
}

/**
 * Runs `work` with a publisher for the jobs (none when there are none), and takes back what
 * it made for npm (the temporary configuration with the token) however `work` ends.
 */
export async function withPublisher<T>(request: PublishRequest | null, work: (publisher: Publisher | null) => Promise<T>): Promise<T> {
  if (request === null || request.jobs.length === 0) return work(null)
  const disposals: (() => Promise<void>)[] = []
  try {
    return await work(createPublisher(request, disposals))
  } finally {
    for (const dispose of disposals.splice(0)) await dispose()
  }
}

interface Opened {
  readonly manifests: readonly ManifestRead[]
  readonly checks: readonly ManifestCheck[]
  /** Each publishable package's registry; null for the others. */
  readonly registries: readonly (string | null)[]
  readonly npm: Npm
}

interface Decided {
  readonly decisions: readonly PublishableDecision[]
  readonly warnings: readonly PublishWarning[]
  readonly manifests: readonly ManifestRead[]
  readonly npm: Npm
}

function createPublisher(request: PublishRequest, disposals: (() => Promise<void>)[]): Publisher {
  const { context, root } = request
  const base = context.npm(context.env)
  const auth = readNpmAuth(context.env)
  const folder = (path: string) => resolve(root, path)
  const targets = request.jobs.map((job) => job.target)

  /** The manifests, what they settle alone, each publishable package's registry, and an npm session for them. */
  const open = async (): Promise<Opened> => {
    const manifests = await readManifests(
      root,
      targets.map((t) => t.path)
    )
    const checks = request.jobs.map((job, i) => checkManifest(job.target, manifests[i]!.facts))
    const registries = await Promise.all(
      request.jobs.map((job, i) => {
        const check = checks[i]!
        return check.kind === 'publishable'
          ? registryFor(base, folder(job.target.path), job.registry, check.manifest.name, manifests[i]!.registry)
          : null
      })
    )
    const opened = await openNpmSession({ env: context.env, auth, registries: registries.filter(isText), ...tempRoot(context) })
    disposals.push(opened.dispose)
    return { manifests, checks, registries, npm: context.npm(opened.env) }
  }

  /** Everything asked of npm and the registry, and the decisions; nothing published, the working tree as it was. */
  const decide = async (): Promise<Decided> => {
    const { manifests, checks, registries, npm } = await open()
    const runner = await readRunnerFacts(context.env)
    const decisions: PublishDecision[] = []
    // npm packs what the manifest says: the release's version is written for the pack, and the manifest put back.
    const written = await writeVersions(
      root,
      targets.filter((_, i) => checks[i]!.kind === 'publishable'),
      request.packages
    )
    try {
      for (const [i, job] of request.jobs.entries()) {
        const check = checks[i]!
        const registry = registries[i]
        if (check.kind === 'decided' || registry == null) {
          if (check.kind === 'decided') decisions.push(check.decision)
          continue
        }
        const { name } = check.manifest
        const dir = folder(job.target.path)
        const [{ published, registryPackage }, tarball] = await Promise.all([
          viewRelease(npm, dir, name, job.target.version, registry),
          previewTarball(npm, dir, dir)
        ])
        const ours = request.checkoutHead === null ? [] : [request.checkoutHead]
        const gitHead = published?.gitHead ?? null
        const gitHeadHere = gitHead !== null && ![job.target.sha, ...ours].includes(gitHead) && (await request.isCommit(gitHead))
        decisions.push(
          decidePublish({
            target: job.target,
            manifest: check.manifest,
            registry,
            published,
            gitHeadHere,
            registryPackage,
            tarball,
            ours,
            provenance: decideProvenance(job.provenance, runner, registry)
          })
        )
      }
    } finally {
      await restore(root, manifests, targets, written)
    }
    const conflicts = decisions.filter((d): d is PublishConflict => d.kind === 'conflict')
    if (conflicts.length) throw conflictError(conflicts)
    const publishable = decisions.filter((d): d is PublishableDecision => d.kind !== 'conflict')
    const warnings = [...warningsOf(publishable), ...(await trustedPublishingWarnings(npm, root, auth, publishable))]
    for (const warning of warnings) context.warn(describePublishWarning(warning))
    return { decisions: inDependencyOrder(publishable, manifests), warnings, manifests, npm }
  }

  return {
    async missing() {
      const { checks, registries, npm } = await open()
      const found = await Promise.all(
        request.jobs.map(async (job, i): Promise<Unpublished | null> => {
          const check = checks[i]!
          if (check.kind === 'decided')
            return check.decision.kind === 'skipped' ? null : { target: job.target, name: check.decision.name, registry: null }
          const registry = registries[i]!
          const { name } = check.manifest
          const published = await viewVersion(npm, folder(job.target.path), name, job.target.version, registry)
          return published === null ? { target: job.target, name, registry } : null
        })
      )
      return found.filter((entry): entry is Unpublished => entry !== null)
    },

    async prepare() {
      const decided = await decide()
      return {
        decisions: decided.decisions,
        warnings: decided.warnings,
        publish: (tagged) => publishDecided(request, decided, tagged)
      }
    },

    async preview() {
      const { decisions, warnings } = await decide()
      const entries = decisions.map((decision): PublishEntry => {
        const { target } = decision
        switch (decision.kind) {
          case 'skipped':
            return { kind: 'skipped', release: target.release, name: decision.name, version: target.version, reason: 'private' }
          case 'already-published':
            return alreadyEntry(decision)
          case 'publish':
            return {
              kind: 'would-publish',
              release: target.release,
              name: decision.name,
              version: target.version,
              registry: decision.registry,
              distTag: decision.distTag,
              provenance: decision.provenance.kind === 'on',
              tarball: decision.tarball
            }
        }
      })
      return { dryRun: true, entries, warnings }
    }
  }
}

/** Puts back the manifests written for packing, as they were read. */
async function restore(
  root: string,
  manifests: readonly ManifestRead[],
  targets: readonly PublishTarget[],
  written: readonly string[]
): Promise<void> {
  for (const [i, target] of targets.entries()) {
    const text = manifests[i]!.text
    const path = manifestPath(target.path)
    if (text !== null && written.includes(path)) await writeWorktreeFile(root, path, text)
  }
}

/** Writes the versions again (what npm publishes), then publishes each release decided, dependencies first. */
async function publishDecided(request: PublishRequest, decided: Decided, tagged: TaggedReleases): Promise<PublishRun> {
  const { decisions } = decided
  for (const path of await writeVersions(
    request.root,
    decisions.map((d) => d.target),
    request.packages
  ))
    request.log(`Wrote ${path} for publishing (not committed).`)
  const ours = [request.checkoutHead, tagged.releaseCommit].filter(isText)
  const entries: PublishEntry[] = []
  const warnings: PublishWarning[] = [...decided.warnings]
  for (const decision of decisions) {
    const { target } = decision
    if (decision.kind === 'skipped') {
      request.log(`${decision.name ?? target.path} is private (package.json): not published.`)
      entries.push({ kind: 'skipped', release: target.release, name: decision.name, version: target.version, reason: 'private' })
    } else if (tagged.superseded.has(target.release)) {
      request.log(`${decision.name}@${target.version}: its tag went to a later release, so it is not published.`)
      entries.push({ kind: 'skipped', release: target.release, name: decision.name, version: target.version, reason: 'superseded' })
    } else if (decision.kind === 'already-published') {
      request.log(`${decision.name}@${target.version} is on ${decision.registry} already (${decision.by}): not published again.`)
      entries.push(alreadyEntry(decision))
    } else {
      const { entry, warning } = await publishOne(decided.npm, request, decision, ours)
      entries.push(entry)
      if (warning) {
        warnings.push(warning)
        request.context.warn(describePublishWarning(warning))
      }
    }
  }
  return { dryRun: false, entries, warnings }
}

/** The package as the registry has it, and the release's version only when it has that version. */
async function viewRelease(
  npm: Npm,
  dir: string,
  name: string,
  version: string,
  registry: string
): Promise<{ published: PublishedVersion | null; registryPackage: RegistryPackage | null }> {
  const registryPackage = await viewPackage(npm, dir, name, registry)
  const published = registryPackage?.versions.includes(version) ? await viewVersion(npm, dir, name, version, registry) : null
  return { published, registryPackage }
}

function tempRoot(context: PublishContext): { tempRoot?: string } {
  return context.tempRoot === undefined ? {} : { tempRoot: context.tempRoot }
}

function isText(value: string | null | undefined): value is string {
  return value != null
}

/**
 * Publishes one release. The version was not on the registry when it was decided: a failed
 * `npm publish` after which the registry has it from this commit was npm failing after the
 * upload (a `postpublish` script), so the release is published, with a warning.
 */
async function publishOne(
  npm: Npm,
  request: PublishRequest,
  decision: Extract<PublishDecision, { kind: 'publish' }>,
  ours: readonly string[]
): Promise<{ entry: PublishEntry; warning: PublishWarning | null }> {
  const { target, name, registry, distTag } = decision
  const dir = resolve(request.root, target.path)
  const provenance = decision.provenance.kind === 'on'
  const entry: PublishEntry = {
    kind: 'published',
    release: target.release,
    name,
    version: target.version,
    registry,
    distTag,
    provenance,
    size: decision.tarball.size,
    files: decision.tarball.files.length
  }
  try {
    await publishFolder(npm, dir, dir, { name, registry, distTag: distTag.tag, provenance })
  } catch (error) {
    const now = await viewVersion(npm, dir, name, target.version, registry).catch(() => null)
    if (now?.gitHead == null || ![target.sha, ...ours].includes(now.gitHead)) throw error
    request.log(`Published ${name}@${target.version} to ${registry}, and npm failed after that: ${(error as Error).message}`)
    return { entry, warning: { kind: 'after-publish-failed', name, version: target.version, error: (error as Error).message } }
  }
  request.log(`Published ${name}@${target.version} to ${registry} (dist-tag ${distTag.tag}${provenance ? ', with provenance' : ''}).`)
  return { entry, warning: null }
}

function alreadyEntry(decision: Extract<PublishDecision, { kind: 'already-published' }>): PublishEntry {
  return {
    kind: 'already-published',
    release: decision.target.release,
    name: decision.name,
    version: decision.target.version,
    registry: decision.registry
  }
}

function warningsOf(decisions: readonly PublishableDecision[]): PublishWarning[] {
  return decisions.flatMap((d): PublishWarning[] => {
    if (d.kind !== 'publish') return []
    return [
      ...(d.secrets.length ? [{ kind: 'secret-looking' as const, name: d.name, files: d.secrets }] : []),
      ...(d.provenance.kind === 'unsupported'
        ? [{ kind: 'provenance-unsupported' as const, name: d.name, obstacle: d.provenance.obstacle }]
        : [])
    ]
  })
}

/** Trusted publishing is npm's own doing: an npm too old for it is said before it fails to log in. */
async function trustedPublishingWarnings(
  npm: Npm,
  cwd: string,
  auth: NpmAuth,
  decisions: readonly PublishableDecision[]
): Promise<PublishWarning[]> {
  if (auth.kind !== 'trusted-publishing' || !decisions.some((d) => d.kind === 'publish')) return []
  const version = await readNpmVersion(npm, cwd)
  return version !== null && !publishesTrusted(version) ? [{ kind: 'trusted-publishing-npm', npmVersion: version }] : []
}

function conflictError(conflicts: readonly PublishConflict[]): VersoError {
  const details = conflicts.map(describeConflict)
  return new VersoError(
    'ENPMCONFLICT',
    conflicts.length === 1
      ? `${details[0]!} Nothing was committed, tagged or published.`
      : `${conflicts.length} releases cannot be published; nothing was committed, tagged or published:`,
    { ...(conflicts.length === 1 ? {} : { details }), hint: conflicts.map(conflictHint).join(' ') }
  )
}
