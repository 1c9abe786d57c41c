import type { Config, PackageConfig, Packages, ReleaseFiles } from '../config/config.js'
import { VersoError } from '../errors.js'
import { RELEASE_BODY_LIMIT, renderNotes } from '../notes/release-notes.js'
import { applyOptions, applyPlan, completeRelease, describeApply, tagRelease, type ApplyOutcome, type ReleasesApi } from './apply.js'
import { decidePlan, type DecideOptions } from './decide.js'
import { dependents, readDependencies } from '../packages/dependencies.js'
import { compareVersions, formatVersion, type Version } from '../versions/scheme.js'
import { createGather, type BranchFacts } from './gather.js'
import type { PackageHistory } from './package-history.js'
import type { ReleaseLine } from './line.js'
import { decideRelease } from './mode.js'
import { commitRelease, releaseFileEdits } from './release-commit.js'
import { readRange } from '../git/release-branch.js'
import { releaseCommitMessage } from '../git/release-commit.js'
import { renderPackagesSummary } from '../report/packages.js'
import { renderReleasePullRequestBody } from '../report/release-pr.js'
import { findMergedReleases, MERGED_CANDIDATES, proposedVersion, type MergedRelease } from './merged-release.js'
import { closeReleasePullRequest, leftToItsOwnRun, releaseBranchOf, type ReleasePullRequestOutcome } from './release-pr.js'
import { fileRelease } from './release-files.js'
import { isOwnRelease, lineFor } from './plan.js'
import { awaitsNpm, publishJob, publishRequest, withPublisher, type PublishJob, type PublishRun } from './publish.js'
import {
  fetchMissingTags,
  publishSteps,
  pullRequestsOf,
  releaseCommitOf,
  releaseCommitRequest,
  signingRequest,
  writeProposal,
  type ReleaseRequest,
  type ReleaseResult
} from './release.js'
import { withSigning, type Signing } from '../git/signing.js'
import { chooseReleaseWriter, GIT_WRITER, type ReleaseWriter } from './release-writer.js'
import type { PlanReason, ReleasePlan, ReleasingPlan } from './release-plan.js'

/** One package's plan, on the line its branch is on for it. */
export interface PackagePlan {
  readonly pkg: PackageConfig
  readonly line: ReleaseLine
  readonly plan: ReleasePlan
  /** Its tag at HEAD was made by an earlier run: this plan finishes that release. */
  readonly resumed: boolean
  /** `release-pull-requests: per-package`: its release waits for its own release pull request, not merged yet. */
  readonly waiting?: boolean
}

/** Every package's plan, from one pass over the history. */
export interface PackagesPlan {
  readonly head: string
  readonly plans: readonly PackagePlan[]
  readonly unrouted: PackageHistory['unrouted']
  readonly source: Packages['source']
  readonly skipped: Packages['skipped']
  readonly fetched: readonly string[]
}

export interface PackagesPlanRequest {
  readonly gather: ReleaseRequest['gather']
  readonly config: Config & { readonly packages: Packages }
  readonly now: Date
  /** The branch (for each package's line), as gathered. */
  readonly where: BranchFacts
  /** Plans for this commit instead of HEAD. */
  readonly head?: string
  /** A release run finishes a package whose tag an earlier run left at HEAD; a plan only reports. */
  readonly resume: boolean
  /** By package name: the version its merged release pull request named, where it stands over the plan's own (see proposedVersion). */
  readonly proposed?: ReadonlyMap<string, Version>
}

/**
 * Each package's plan: gather once for all of them, then the same pure decision a
 * single-package repository gets, per package. A package whose own tag is at HEAD, made by
 * an earlier run, is planned again as that release, so a re-run finishes it.
 */
export async function planPackages(request: PackagesPlanRequest): Promise<PackagesPlan> {
  const { config, gather, now } = request
  const packages = config.packages.list
  const lines = packages.map((pkg) => lineFor(pkg.config, request.where.branch, request.where.defaultBranch))
  const history = await gather.packages(
    packages.map((pkg, i) => ({ pkg, line: lines[i]! })),
    request.head
  )
  const facts = [...history.facts]
  const decide = (i: number, options: DecideOptions = {}) => {
    const proposed = request.proposed?.get(packages[i]!.spec.name)
    return decidePlan(packages[i]!.config, facts[i]!, now, null, { line: lines[i]!, ...(proposed ? { proposed } : {}), ...options })
  }
  const plans = packages.map((_, i) => decide(i))
  // Releases being finished count as releasing for the relations below: a re-run must decide as the first run did.
  const finishing = request.resume ? await releasesToFinish(request, packages, lines, plans) : new Map<number, Version>()
  if (finishing.size) {
    const again = await gather.packages(
      packages.map((pkg, i) => ({ pkg, line: lines[i]!, ...(finishing.has(i) ? { ignoreTag: plans[i]!.previous!.tag } : {}) })),
      request.head
    )
    for (const [i, version] of finishing) {
      facts[i] = again.facts[i]!
      plans[i] = decide(i, { finish: version })
    }
  }
  const graph = await readDependencyGraph(gather, packages)
  const names = packages.map((p) => p.spec.name)
  const own: DecideOptions[] = packages.map(() => ({}))
  // A dependency's patch first: a linked group then counts the members it makes release.
  for (const [i, atLeast] of dependencyBumps(names, plans, graph)) {
    own[i] = { atLeast }
    plans[i] = decide(i, own[i])
  }
  for (const [i, raiseTo] of linkedVersions(names, plans, config.packages.linked)) {
    if (!finishing.has(i)) plans[i] = decide(i, { ...own[i], raiseTo })
  }
  return {
    head: history.head,
    plans: packages.map((pkg, i) => ({ pkg, line: lines[i]!, plan: plans[i]!, resumed: finishing.has(i) })),
    unrouted: history.unrouted,
    source: config.packages.source,
    skipped: config.packages.skipped,
    fetched: history.fetched
  }
}

/** The packages that must release a patch at least because packages they depend on release: by index, with why. */
export function dependencyBumps(
  names: readonly string[],
  plans: readonly ReleasePlan[],
  graph: ReadonlyMap<string, readonly string[]>
): Map<number, NonNullable<DecideOptions['atLeast']>> {
  const releasing = new Set(names.filter((_, i) => plans[i]!.kind === 'release'))
  const bumps = new Map<number, NonNullable<DecideOptions['atLeast']>>()
  for (const [name, on] of dependents(graph, releasing)) {
    const i = names.indexOf(name)
    if (i !== -1 && !releasing.has(name)) bumps.set(i, { bump: 'patch', reason: { kind: 'dependency', dependencies: on } })
  }
  return bumps
}

/** Each linked group's releasing members, raised to the group's highest version: by index, with why. */
export function linkedVersions(
  names: readonly string[],
  plans: readonly ReleasePlan[],
  linked: readonly (readonly string[])[]
): Map<number, NonNullable<DecideOptions['raiseTo']>> {
  const raised = new Map<number, NonNullable<DecideOptions['raiseTo']>>()
  for (const group of linked) {
    const members = group.map((name) => names.indexOf(name)).filter((i) => i !== -1 && plans[i]!.kind === 'release')
    if (members.length < 2) continue
    const highest = members.map((i) => plans[i]!.next!.value).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b))
    for (const i of members) {
      const reason: PlanReason = { kind: 'linked', group: group.filter((n) => n !== names[i]), version: formatVersion(highest) }
      raised.set(i, { version: highest, reason })
    }
  }
  return raised
}

/** Which packages depend on which, by their npm manifests (`<path>/package.json`), by package name. */
async function readDependencyGraph(gather: ReleaseRequest['gather'], packages: readonly PackageConfig[]): Promise<Map<string, string[]>> {
  const manifests = await Promise.all(
    packages.map(async (p) => ({ p, text: await gather.worktreeFile(`${p.spec.path === '.' ? '' : `${p.spec.path}/`}package.json`) }))
  )
  // The manifest's name is what dependencies name; the package's own name is what the plan uses.
  const byManifest = new Map<string, string>()
  const read: { name: string; text: string }[] = []
  for (const { p, text } of manifests) {
    const name = text === null ? null : manifestName(text)
    if (name === null || text === null) continue
    byManifest.set(name, p.spec.name)
    read.push({ name, text })
  }
  if (read.length < 2) return new Map()
  const graph = new Map<string, string[]>()
  for (const [name, on] of readDependencies(read))
    graph.set(
      byManifest.get(name)!,
      on.map((d) => byManifest.get(d)!)
    )
  return graph
}

function manifestName(text: string): string | null {
  try {
    const data = JSON.parse(text) as { name?: unknown }
    return typeof data.name === 'string' && data.name ? data.name : null
  } catch {
    // A broken manifest names no dependency; the package is still versioned by its commits.
    return null
  }
}

/** The packages whose last release is at HEAD and was tagged by this configuration's tagger: re-runs to finish. */
async function releasesToFinish(
  request: PackagesPlanRequest,
  packages: readonly PackageConfig[],
  lines: readonly ReleaseLine[],
  plans: readonly ReleasePlan[]
): Promise<Map<number, Version>> {
  const found = new Map<number, Version>()
  for (const [i, plan] of plans.entries()) {
    if (plan.kind !== 'none' || plan.reason !== 'no-commits' || plan.previous?.sha !== plan.head) continue
    if (await isOwnRelease(request.gather, packages[i]!.config, lines[i]!, plan.previous)) found.set(i, plan.previous.value)
  }
  return found
}

/**
 * With version files or changelogs, one release commit carries every package released now,
 * made and pushed before any tag; null when there is none to make (or no package releases
 * here, or a dry run).
 */
async function releaseCommitFor(
  request: ReleaseRequest & { readonly config: Config & { readonly packages: Packages } },
  plan: PackagesPlan,
  notes: readonly string[],
  branch: string | null,
  signing: Signing,
  writer: ReleaseWriter
): Promise<string | null> {
  const files = releaseFilesOf(request.config)
  if (!files || request.dryRun) return null
  const releases = plan.plans.flatMap(({ pkg, line, plan: own, waiting }, i) =>
    own.kind === 'release' && !waiting && decideRelease(line, false).kind === 'release'
      ? // The package's own changelog setting, which is the top level's unless it sets one (an empty one turns it off).
        [
          fileRelease(own, {
            name: pkg.spec.name,
            path: pkg.spec.path,
            notes: notes[i]!,
            changelog: pkg.config.release.files?.changelog ?? null
          })
        ]
      : []
  )
  if (releases.length === 0) return null
  const packages = plan.plans.map((p) => p.pkg.spec.path)
  const sha = await commitRelease({ ...releaseCommitRequest(request, files, branch, plan.head), releases, packages, signing, writer })
  return sha === plan.head ? null : sha
}

/**
 * The packages' release a merged release pull request brought, planned at the commit that
 * brought it, or null: as for a single package (see findMergedRelease in release.ts), every
 * package releasing there must be one the release commit named, and the files must hold them all.
 */
async function findMergedPackagesRelease(
  request: ReleaseRequest & { readonly config: Config & { readonly packages: Packages } },
  where: BranchFacts,
  atHead: PackagesPlan
): Promise<PackagesPlan | null> {
  const { config } = request
  const perPackage = config.release.pullRequests === 'per-package'
  // After every package's last release: a release pull request merged before the newest of them is one already passed.
  const since = atHead.plans.flatMap((p) => (p.plan.previous ? [p.plan.previous.sha] : []))
  const range = await readRange(request.git, since, atHead.head)
  const candidates: (MergedRelease | null)[] = [...findMergedReleases(range, atHead.head).slice(0, MERGED_CANDIDATES), null]
  const publishes = config.packages.list.some((pkg) => pkg.config.publish.to === 'npm')
  for (const candidate of candidates) {
    const label = (candidate?.at ?? atHead.head).slice(0, 7)
    if (candidate !== null && leftToItsOwnRun(candidate, atHead.head, publishes, request.log)) continue
    const planAt = (proposed?: ReadonlyMap<string, Version>) =>
      planPackages({
        gather: request.gather,
        config,
        now: request.now,
        where,
        resume: false,
        head: candidate!.at,
        ...(proposed ? { proposed } : {})
      })
    let at = candidate === null || candidate.at === atHead.head ? atHead : await planAt()
    // As for a single package: a forced bump, or a calendar version of the day it was proposed, stands.
    const proposed = candidate === null ? new Map<string, Version>() : proposedVersions(at, candidate.tags)
    if (proposed.size > 0) at = await planAt(proposed)
    // Only the packages this branch releases: the release commit named no others.
    const releasing = at.plans.filter((p) => p.plan.kind === 'release' && decideRelease(p.line, false).kind === 'release')
    const tags = releasing.map((p) => p.plan.next!.tag)
    if (releasing.length === 0) continue
    const named = candidate === null ? tags : tags.filter((tag) => candidate.tags.includes(tag))
    // Together, the release commit names them all; one a package, it names those its pull request released.
    const agrees = candidate === null || (perPackage ? named.length === candidate.tags.length : named.length === tags.length)
    if (!agrees) {
      request.log(
        `${label} brought the release commit of ${candidate.tags.join(', ')}, but its plan there is ${tags.join(', ')}: not released.`
      )
      continue
    }
    const only = new Set(releasing.filter((p) => named.includes(p.plan.next!.tag)).map((p) => p.pkg.spec.name))
    // One a package, each release stands on its own files; together, the files must hold them all.
    const held = perPackage
      ? new Set(await filterAsync([...only], (name) => packagesHeld(request, at, candidate?.at ?? atHead.head, new Set([name]))))
      : (await packagesHeld(request, at, candidate?.at ?? atHead.head, only))
        ? only
        : new Set<string>()
    if (held.size === 0) continue
    const released = tags.filter((tag) => releasing.some((p) => held.has(p.pkg.spec.name) && p.plan.next!.tag === tag))
    request.log(`${label} holds the release of ${released.join(', ')}: releasing it.`)
    return { ...at, plans: at.plans.map((p) => (p.plan.kind === 'release' && !held.has(p.pkg.spec.name) ? { ...p, waiting: true } : p)) }
  }
  return null
}

/** Each releasing package's version that a merged release pull request named over its plan's own, by name. */
function proposedVersions(plan: PackagesPlan, tags: readonly string[]): Map<string, Version> {
  const proposed = new Map<string, Version>()
  for (const { pkg, plan: own } of plan.plans) {
    const version = proposedVersion(pkg.config, tags, own)
    if (version !== null) proposed.set(pkg.spec.name, version)
  }
  return proposed
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = []
  for (const item of items) if (await keep(item)) kept.push(item)
  return kept
}

/** The release each package has in the plan, as its files carry it. */
function fileReleases(plan: PackagesPlan, notes: readonly string[], only?: ReadonlySet<string>): ReturnType<typeof fileRelease>[] {
  return plan.plans.flatMap(({ pkg, line, plan: own, waiting }, i) =>
    own.kind === 'release' && !waiting && decideRelease(line, false).kind === 'release' && (only === undefined || only.has(pkg.spec.name))
      ? [
          fileRelease(own, {
            name: pkg.spec.name,
            path: pkg.spec.path,
            notes: notes[i] ?? '',
            changelog: pkg.config.release.files?.changelog ?? null
          })
        ]
      : []
  )
}

async function packagesHeld(
  request: ReleaseRequest & { readonly config: Config & { readonly packages: Packages } },
  plan: PackagesPlan,
  at: string,
  only: ReadonlySet<string>
): Promise<boolean> {
  const files = releaseFilesOf(request.config)
  const releases = fileReleases(plan, [], only)
  if (!files || releases.length === 0) return false
  const packages = plan.plans.map((p) => p.pkg.spec.path)
  const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, null, at), releases, packages })
  return edits.files.length === 0
}

/** Opens or updates the release pull request naming every package the plan releases, or closes it when none does. */
async function proposePackages(
  request: ReleaseRequest & { readonly config: Config & { readonly packages: Packages } },
  plan: PackagesPlan,
  base: string
): Promise<PackagesRun> {
  const allNotes = plan.plans.map(({ plan: own }) =>
    own.kind === 'none' ? '' : renderNotes(own, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  )
  const planned = (result: (i: number) => ReleaseResult): PackagesRun['packages'] =>
    plan.plans.map((p, i) => ({ name: p.pkg.spec.name, plan: p.plan, notes: allNotes[i]!, result: result(i) }))
  // Together: one pull request for every package. One a package: each package its own, of the packages this branch releases.
  const groups =
    request.config.release.pullRequests === 'per-package'
      ? plan.plans.flatMap((p) =>
          decideRelease(p.line, false).kind === 'release' && p.plan.kind !== 'blocked'
            ? [{ branch: releaseBranchOf(base, p.pkg.spec.name), only: new Set([p.pkg.spec.name]) }]
            : []
        )
      : [{ branch: releaseBranchOf(base), only: undefined }]
  if (request.dryRun) {
    const steps = groups.flatMap(({ branch, only }) => {
      const releases = fileReleases(plan, allNotes, only)
      return releases.length
        ? [
            `commit the version files and changelogs as \`${releaseCommitMessage(releases.map((r) => r.tag))}\` and push it to ${branch}`,
            `open or update the release pull request from ${branch} into ${base}`
          ]
        : [`close the open release pull request from ${branch}, if there is one, and delete ${branch}`]
    })
    return {
      plan,
      packages: planned((i) => (plan.plans[i]!.plan.kind === 'release' ? { kind: 'dry-run', steps } : { kind: 'planned' })),
      pullRequests: []
    }
  }
  const api = pullRequestsOf(request)
  const together = groups.length === 1 && groups[0]!.only === undefined
  if (together && plan.plans.some((p) => p.plan.kind === 'blocked'))
    return { plan, packages: planned(() => ({ kind: 'planned' })), pullRequests: [] }
  const outcomes: ReleasePullRequestOutcome[] = []
  for (const { branch, only } of groups) {
    const releases = fileReleases(plan, allNotes, only)
    const mine = plan.plans.filter((p) => only === undefined || only.has(p.pkg.spec.name))
    if (releases.length === 0) {
      const any = mine.find((p) => p.plan.kind === 'none')?.plan
      const reason = mine.every((p) => p.plan.kind === 'none' && p.plan.reason === 'no-commits') ? 'no-commits' : 'no-releasable-commits'
      const left = { reason, since: any?.previous?.tag ?? null } as const
      outcomes.push(await closeReleasePullRequest({ git: request.git, api, base, branch, head: plan.head, left, log: request.log }))
      continue
    }
    const files = releaseFilesOf(request.config)!
    const packages = plan.plans.map((p) => p.pkg.spec.path)
    const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, base, plan.head), releases, packages })
    const body = renderReleasePullRequestBody({
      base,
      branch,
      releases: mine.flatMap((p) =>
        p.plan.kind === 'release' && releases.some((r) => r.name === p.pkg.spec.name)
          ? [{ name: p.pkg.spec.name, tag: p.plan.next.tag, bump: p.plan.bump }]
          : []
      ),
      summary: renderPackagesSummary(only === undefined ? plan : { ...plan, plans: mine }),
      notes: releases.map((r) => ({ name: r.name, notes: r.notes }))
    })
    const title = releaseCommitMessage(releases.map((r) => r.tag))
    outcomes.push(await writeProposal(request, api, { base, branch, head: plan.head, files: edits.files, title, body }))
  }
  return { plan, packages: planned(() => ({ kind: 'planned' })), pullRequests: outcomes }
}

/** What a monorepo's release commit may hold: the top level's version files, and any package's changelog. */
function releaseFilesOf(config: Config & { packages: Packages }): ReleaseFiles | null {
  if (config.release.files) return config.release.files
  return config.packages.list.some((p) => p.config.release.files?.changelog) ? { rules: [], changelog: null } : null
}

/**
 * A package's last release whose tag an earlier run pushed without its GitHub Release (the
 * run failed in between) gets it now, from that tag's own commits, before the newer one:
 * as a single-package release does. Floating tags are left to the newer release.
 */
async function finishEarlierPackageRelease(
  request: ReleaseRequest,
  plan: PackagesPlan,
  pkg: PackageConfig,
  line: ReleaseLine,
  own: ReleasingPlan,
  api: ReleasesApi,
  signing: Signing,
  writer: ReleaseWriter
): Promise<ApplyOutcome | null> {
  const previous = own.previous
  if (previous === null || previous.sha === own.head || !(await isOwnRelease(request.gather, pkg.config, line, previous))) return null
  if ((await api.findReleaseByTag(previous.tag)) !== null) return null
  const i = plan.plans.findIndex((p) => p.pkg === pkg)
  const history = await request.gather.packages(
    plan.plans.map((p, j) => ({ pkg: p.pkg, line: p.line, ...(j === i ? { ignoreTag: previous.tag } : {}) })),
    previous.sha
  )
  const earlier = decidePlan(pkg.config, history.facts[i]!, request.now, null, { line, finish: previous.value })
  if (earlier.kind !== 'release') {
    request.log(`${previous.tag} has no GitHub Release, and its own plan is ${earlier.kind} now: it is left without one.`)
    return null
  }
  const job = publishJob(earlier, pkg.config, { release: pkg.spec.name, path: pkg.spec.path })
  const folders = plan.plans.map((p) => p.pkg.spec.path)
  if (job && (await awaitsNpm(request, previous, [job], folders))) return null
  request.log(`${previous.tag} has no GitHub Release: an earlier run pushed the tag and stopped. Publishing it first.`)
  const notes = renderNotes(earlier, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  return applyPlan(earlier, request.git, api, {
    ...applyOptions(pkg.config, earlier, notes, request.log, signing),
    floatingTags: 'none',
    writer
  })
}

/** What a release run did for each package. */
export interface PackagesRun {
  readonly plan: PackagesPlan
  readonly packages: readonly PackageRun[]
  /** `release-via: pull-request`: what this push did to the release pull request(s); absent or empty when it released (or planned). */
  readonly pullRequests?: readonly ReleasePullRequestOutcome[]
  /** What was published to npm, in dependency order (or would be, in a dry run); null or absent when nothing is. */
  readonly publish?: PublishRun | null
}

export interface PackageRun {
  readonly name: string
  readonly plan: ReleasePlan
  readonly notes: string
  readonly result: ReleaseResult
}

/**
 * Plan every package, then release each one that has something to release, one after the
 * other, each idempotent on its own: a failed run is finished by a re-run, which repeats
 * nothing already done (a package tagged at HEAD is finished, not released again).
 */
export async function runPackagesRelease(
  request: ReleaseRequest & { readonly config: Config & { readonly packages: Packages } },
  onPlanned?: (plan: PackagesPlan) => void
): Promise<PackagesRun> {
  const { config, gather } = request
  const [where] = await Promise.all([gather.branch(request.hints, 'remote'), fetchMissingTags(request)])
  const viaPullRequest = config.release.via === 'pull-request'
  const above =
    releaseFilesOf(config) && where.branch && !request.dryRun && !viaPullRequest ? await releaseCommitOf(request, where.branch) : null
  const atHead = await planPackages({ gather, config, now: request.now, where, resume: true, ...(above ? { head: above } : {}) })
  // Through a pull request, a push releases only what a merged release pull request brought; anything else is proposed.
  const proposes =
    viaPullRequest &&
    where.branch !== null &&
    !atHead.plans.some((p) => p.resumed) &&
    atHead.plans.some((p) => decideRelease(p.line, request.dryRun).kind !== 'skip')
  const merged = proposes ? await findMergedPackagesRelease(request, where, atHead) : null
  // Through pull requests nothing is released by a push but what was merged: a re-run finishing a
  // merged release leaves every other package to its own pull request.
  const waiting = (p: PackagePlan): PackagePlan =>
    p.plan.kind === 'release' && !p.resumed && decideRelease(p.line, request.dryRun).kind !== 'skip' ? { ...p, waiting: true } : p
  const plan = merged ?? (viaPullRequest ? { ...atHead, plans: atHead.plans.map(waiting) } : atHead)
  onPlanned?.(plan)
  if (proposes && merged === null) return proposePackages(request, atHead, where.branch ?? '')
  // The API before the release commit: without a token the run stops before anything is pushed.
  const applying = plan.plans.some(
    (p) => p.plan.kind === 'release' && !p.waiting && decideRelease(p.line, request.dryRun).kind === 'release'
  )
  const api: ReturnType<ReleaseRequest['connect']> | undefined = applying ? request.connect() : undefined
  // `commit-via: api` without a token stops the run before anything is committed or tagged.
  const writer = applying ? chooseReleaseWriter(config, request.connectGitData) : GIT_WRITER
  // Each package's notes once: the changelog and the release carry the same.
  const allNotes = plan.plans.map(({ plan: own }) =>
    own.kind === 'none' ? '' : renderNotes(own, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  )
  const jobs = plan.plans.flatMap(({ pkg, line, plan: planned, waiting }): PublishJob[] => {
    if (planned.kind !== 'release' || waiting || decideRelease(line, request.dryRun).kind === 'skip') return []
    const job = publishJob(planned, pkg.config, { release: pkg.spec.name, path: pkg.spec.path })
    return job ? [job] : []
  })
  const folders = plan.plans.map((p) => p.pkg.spec.path)
  const publishing = await publishRequest(request, jobs, folders)
  // The signing key is proved before the release commit and any tag; every package is checked with the registry
  // before them too, and published after all the tags and before any GitHub Release, dependencies first.
  const signs = applying ? signingRequest(request) : { ...signingRequest(request), kind: 'none' as const }
  const run = await withSigning(request.git, signs, (signing) =>
    withPublisher(publishing, async (publisher) => {
      const preview = publisher && request.dryRun ? await publisher.preview() : null
      const prepared = publisher && !request.dryRun ? await publisher.prepare() : null
      const target = await releaseCommitFor(request, plan, allNotes, where.branch, signing, writer)
      const slots = await tagEach(request, plan, target, allNotes, api, preview, signing, writer)
      const superseded = new Set(
        slots.flatMap((s) =>
          s.kind === 'done' && s.run.result.kind === 'applied' && s.run.result.outcome.kind === 'superseded' ? [s.run.name] : []
        )
      )
      const publish = prepared ? await prepared.publish({ superseded, releaseCommit: target }) : preview
      const runs: PackageRun[] = []
      for (const slot of slots) runs.push(slot.kind === 'done' ? slot.run : await slot.complete())
      return { plan, packages: runs, publish }
    })
  )
  // Commits that landed after the merged release pull request, before this run, get theirs now, not at the next push.
  if (merged !== null && merged.head !== atHead.head && run.packages.some((p) => p.result.kind === 'applied')) {
    try {
      const next = await runPackagesRelease({ ...request, gather: createGather(request.git, config) })
      if (next.pullRequests?.length) return { ...run, pullRequests: next.pullRequests }
    } catch (error) {
      // The release is made: a proposal that fails must not make it look failed. The next push proposes again.
      request.log(`The next release pull request was not proposed: ${(error as Error).message} The next push to the branch proposes it.`)
    }
  }
  return run
}

/** A package's run, done, or tagged and waiting for its GitHub Release. */
type PackageSlot =
  { readonly kind: 'done'; readonly run: PackageRun } | { readonly kind: 'tagged'; readonly complete: () => Promise<PackageRun> }

/**
 * Tags each package that has something to release, one after the other; what comes after
 * its tag (its GitHub Release, dispatches, floating tags) waits for npm, and is returned
 * to be done then.
 */
async function tagEach(
  request: ReleaseRequest,
  plan: PackagesPlan,
  target: string | null,
  allNotes: readonly string[],
  connected: ReturnType<ReleaseRequest['connect']> | undefined,
  preview: PublishRun | null,
  signing: Signing,
  writer: ReleaseWriter
): Promise<PackageSlot[]> {
  let api = connected
  const slots: PackageSlot[] = []
  for (const [i, { pkg, line, plan: planned, waiting }] of plan.plans.entries()) {
    const own = planned.kind === 'release' && target !== null ? { ...planned, head: target } : planned
    const notes = allNotes[i]!
    const run = (result: ReleaseResult): PackageRun => ({ name: pkg.spec.name, plan: own, notes, result })
    const done = (result: ReleaseResult) => slots.push({ kind: 'done', run: run(result) })
    if (own.kind !== 'release') {
      done({ kind: 'planned' })
      continue
    }
    if (waiting) {
      done({ kind: 'skipped', why: `its release pull request (${releaseBranchOf(line.branch ?? '', pkg.spec.name)}) is not merged yet` })
      continue
    }
    const decision = decideRelease(line, request.dryRun)
    const options = { ...applyOptions(pkg.config, own, notes, request.log, signing), writer }
    if (decision.kind === 'skip') {
      if (decision.unknown && request.requireBranch)
        throw new VersoError('EUSAGE', `Nothing released: ${decision.why}.`, {
          hint: 'Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH).'
        })
      done({ kind: 'skipped', why: decision.why })
    } else if (decision.kind === 'dry-run') {
      const mine = preview && { ...preview, entries: preview.entries.filter((e) => e.release === pkg.spec.name) }
      done({ kind: 'dry-run', steps: [...describeApply(own, options), ...publishSteps(mine)] })
    } else {
      api ??= request.connect()
      const releases = api
      const finished = releases ? await finishEarlierPackageRelease(request, plan, pkg, line, own, releases, signing, writer) : null
      const tagged = await tagRelease(request.git, own, options)
      if (tagged.kind === 'superseded') done({ kind: 'applied', outcome: tagged, finished })
      else
        slots.push({
          kind: 'tagged',
          complete: async () => run({ kind: 'applied', outcome: await completeRelease(own, request.git, releases, options), finished })
        })
    }
  }
  return slots
}
