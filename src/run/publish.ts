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
import { findSecretLookingFiles, type SecretLookingFile } from '../npm/secrets.js'
import { describeConflict, describePublishWarning } from '../report/publish.js'
import { decideDistTag, decideFromManifest, decidePublish, type DistTag, type PublishDecision, type PublishTarget } from './publish-plan.js'
import { inDependencyOrder, readManifests, registryOf, writeVersions } from './publish-manifests.js'
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
  return { context: run.publish, root: run.git.cwd, jobs, packages, checkoutHead: await run.gather.commitOf('HEAD'), log: run.log }
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

export interface PublishRun {
  readonly dryRun: boolean
  readonly entries: readonly PublishEntry[]
  readonly warnings: readonly PublishWarning[]
}

/** The decisions made before any tag: what the run publishes after its tags are pushed. */
export interface PreparedPublish {
  readonly decisions: readonly PublishDecision[]
  readonly warnings: readonly PublishWarning[]
}

/** Publishing for one release run: prepared before the tags, carried out after them. */
export interface Publisher {
  /**
   * Writes each version into its manifest, packs (a dry run of it), asks the registry, and
   * decides; a version published from something else stops the run here, before any tag.
   */
  prepare(): Promise<PreparedPublish>
  /** Publishes what `prepare` decided, in dependency order, leaving out the releases in `skip`. */
  publish(prepared: PreparedPublish, skip: ReadonlySet<string>): Promise<PublishRun>
  /** A dry run: what would be published, from the manifests and npm's configuration, with no request. */
  preview(): Promise<PublishRun>
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

function createPublisher(request: PublishRequest, disposals: (() => Promise<void>)[]): Publisher {
  const { context, root } = request
  const base = context.npm(context.env)
  const auth = readNpmAuth(context.env)
  let session: Npm | null = null
  const folder = (path: string) => resolve(root, path)

  return {
    async prepare() {
      const targets = request.jobs.map((job) => job.target)
      for (const path of await writeVersions(root, targets, request.packages)) request.log(`Wrote ${path} for publishing (not committed).`)
      const manifests = await readManifests(
        root,
        targets.map((t) => t.path)
      )
      const registries = await Promise.all(
        request.jobs.map((job, i) => registryOf(base, folder(job.target.path), job.registry, manifests[i]!))
      )
      const opened = await openNpmSession({ env: context.env, auth, registries: registries.filter(isText), ...tempRoot(context) })
      disposals.push(opened.dispose)
      session = context.npm(opened.env)
      const npm = session
      const runner = readRunnerFacts(context.env)
      const decisions: PublishDecision[] = []
      for (const [i, job] of request.jobs.entries()) {
        const manifest = manifests[i]!.facts
        const early = decideFromManifest(job.target, manifest)
        if (early) {
          decisions.push(early)
          continue
        }
        // A manifest that names a package that is not private has its registry.
        const registry = registries[i]!
        const name = manifest!.name!
        const dir = folder(job.target.path)
        const [{ published, registryPackage }, tarball] = await Promise.all([
          viewRelease(npm, dir, name, job.target.version, registry),
          previewTarball(npm, dir, dir)
        ])
        decisions.push(
          decidePublish({
            target: job.target,
            manifest,
            registry,
            published,
            registryPackage,
            tarball,
            checkoutHead: request.checkoutHead,
            provenance: decideProvenance(job.provenance, runner, registry)
          })
        )
      }
      const conflicts = decisions.filter((d) => d.kind === 'conflict')
      if (conflicts.length) throw conflictError(conflicts)
      const warnings = [...warningsOf(decisions), ...(await trustedPublishingWarnings(npm, root, auth, decisions))]
      for (const warning of warnings) context.warn(describePublishWarning(warning))
      return { decisions: inDependencyOrder(decisions, manifests), warnings }
    },

    async publish(prepared, skip) {
      const npm = session ?? base
      const entries: PublishEntry[] = []
      for (const decision of prepared.decisions) {
        const { target } = decision
        if (decision.kind === 'skipped') {
          request.log(`${decision.name ?? target.path} is private (package.json): not published.`)
          entries.push({ kind: 'skipped', release: target.release, name: decision.name, version: target.version, reason: 'private' })
        } else if (decision.kind === 'conflict') {
          // prepare() has thrown for these already.
          throw conflictError([decision])
        } else if (skip.has(target.release)) {
          request.log(`${decision.name}@${target.version}: its tag went to a later release, so it is not published.`)
          entries.push({ kind: 'skipped', release: target.release, name: decision.name, version: target.version, reason: 'superseded' })
        } else if (decision.kind === 'already-published') {
          request.log(`${decision.name}@${target.version} is on ${decision.registry} already (${decision.by}): not published again.`)
          entries.push(alreadyEntry(decision))
        } else entries.push(await publishOne(npm, request, decision))
      }
      return { dryRun: false, entries, warnings: prepared.warnings }
    },

    async preview() {
      const manifests = await readManifests(
        root,
        request.jobs.map((job) => job.target.path)
      )
      const runner = readRunnerFacts(context.env)
      const decisions: PublishEntry[] = []
      const warnings: PublishWarning[] = []
      for (const [i, job] of request.jobs.entries()) {
        const { target } = job
        const manifest = manifests[i]!.facts
        const early = decideFromManifest(target, manifest)
        if (early?.kind === 'skipped') {
          decisions.push({ kind: 'skipped', release: target.release, name: early.name, version: target.version, reason: 'private' })
          continue
        }
        if (early) throw conflictError([early])
        const name = manifest!.name!
        const dir = folder(target.path)
        const registry = (await registryOf(base, dir, job.registry, manifests[i]!))!
        const tarball = await previewTarball(base, dir, dir)
        const provenance = decideProvenance(job.provenance, runner, registry)
        const distTag = decideDistTag({ version: target.version, line: target.line, stable: null, latest: target.latest })
        decisions.push({
          kind: 'would-publish',
          release: target.release,
          name,
          version: target.version,
          registry,
          distTag,
          provenance: provenance.kind === 'on',
          tarball
        })
        const secrets = findSecretLookingFiles(tarball.files.map((f) => f.path))
        if (secrets.length) warnings.push({ kind: 'secret-looking', name, files: secrets })
        if (provenance.kind === 'unsupported') warnings.push({ kind: 'provenance-unsupported', name, obstacle: provenance.obstacle })
      }
      for (const warning of warnings) context.warn(describePublishWarning(warning))
      return { dryRun: true, entries: decisions, warnings }
    }
  }
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

function isText(value: string | null): value is string {
  return value !== null
}

/** Publishes one release; a run that lost a race to another is told apart from a failure by asking again. */
async function publishOne(
  npm: Npm,
  request: PublishRequest,
  decision: Extract<PublishDecision, { kind: 'publish' }>
): Promise<PublishEntry> {
  const { target, name, registry, distTag } = decision
  const dir = resolve(request.root, target.path)
  const provenance = decision.provenance.kind === 'on'
  try {
    await publishFolder(npm, dir, dir, { registry, distTag: distTag.tag, provenance })
  } catch (error) {
    const now = await viewVersion(npm, dir, name, target.version, registry).catch(() => null)
    const ours = now?.gitHead != null && [target.sha, request.checkoutHead].includes(now.gitHead)
    if (!ours) throw error
    request.log(`${name}@${target.version} was published meanwhile from this commit (another run): not published again.`)
    return alreadyEntry({ ...decision, kind: 'already-published', by: 'git-head' })
  }
  request.log(`Published ${name}@${target.version} to ${registry} (dist-tag ${distTag.tag}${provenance ? ', with provenance' : ''}).`)
  return {
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

function warningsOf(decisions: readonly PublishDecision[]): PublishWarning[] {
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
  decisions: readonly PublishDecision[]
): Promise<PublishWarning[]> {
  if (auth.kind !== 'trusted-publishing' || !decisions.some((d) => d.kind === 'publish')) return []
  const version = await readNpmVersion(npm, cwd)
  return version !== null && !publishesTrusted(version) ? [{ kind: 'trusted-publishing-npm', npmVersion: version }] : []
}

function conflictError(conflicts: readonly PublishDecision[]): VersoError {
  const details = conflicts.map(describeConflict)
  return new VersoError(
    'ENPMCONFLICT',
    conflicts.length === 1
      ? `${details[0]!} Nothing was tagged or published.`
      : `${conflicts.length} releases cannot be published; nothing was tagged or published:`,
    {
      ...(conflicts.length === 1 ? {} : { details }),
      hint: conflicts.every((c) => c.kind === 'conflict' && c.problem.kind === 'published-elsewhere')
        ? 'A published version is never overwritten. Release the next version (a new commit), or set `publish: none` for that package.'
        : 'Fix the package.json named, or set `publish: none` for that package.'
    }
  )
}
