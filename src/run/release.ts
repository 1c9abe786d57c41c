import type { Config, ReleaseFiles } from '../config/config.js'
import { VersoError } from '../errors.js'
import type { Git } from '../git/git.js'
import { NO_SIGNING, withSigning, type Signing, type SigningRequest } from '../git/signing.js'
import { RELEASE_BODY_LIMIT, renderNotes } from '../notes/release-notes.js'
import { formatDateInZone } from '../versions/calver/time-zone.js'
import { applyOptions, applyPlan, completeRelease, describeApply, tagRelease, type ApplyOutcome, type ReleasesApi } from './apply.js'
import { createGather, type BranchHints, type Gather } from './gather.js'
import { decideRelease } from './mode.js'
import { gatherLine, isOwnRelease, planRelease, planReleaseRun } from './plan.js'
import { planArtifacts } from './artifacts.js'
import { commitRelease, releaseFileEdits, type ReleaseCommitRequest } from './release-commit.js'
import { readRange } from '../git/release-branch.js'
import { releaseCommitMessage } from '../git/release-commit.js'
import { renderPlanSummary } from '../report/summary.js'
import { renderReleasePullRequestBody } from '../report/release-pr.js'
import type { ReleaseLine } from './line.js'
import { findMergedReleases, MERGED_CANDIDATES, proposedVersion } from './merged-release.js'
import {
  closeReleasePullRequest,
  leftToItsOwnRun,
  proposeRelease,
  releaseBranchOf,
  type ProposeRequest,
  type PullRequestsApi,
  type ReleasePullRequestOutcome
} from './release-pr.js'
import type { PlanOutcome } from './plan.js'
import { fileRelease } from './release-files.js'
import { awaitsNpm, publishJob, publishRequest, withPublisher, type PublishContext, type PublishRun } from './publish.js'
import type { ReleasePlan, ReleasingPlan } from './release-plan.js'
import { chooseReleaseWriter, GIT_WRITER, type ReleaseWriter } from './release-writer.js'
import type { GitDataApi } from '../github/git-data.js'

/** One release run, as the action and `verso release` both ask for it. */
export interface ReleaseRequest {
  readonly git: Git
  readonly gather: Gather
  readonly config: Config
  readonly now: Date
  /** What the environment says about the branch: the CI's variables and the event. */
  readonly hints: BranchHints
  /** Report what a release would do, and do nothing. */
  readonly dryRun: boolean
  /** Not knowing the branch fails the run instead of skipping the release. */
  readonly requireBranch: boolean
  /** `https://github.com/owner/repo`, for the links in the notes. */
  readonly repositoryUrl: string | null
  /** The releases API, or null (without a token only the tag is made); asked for only when releasing. */
  readonly connect: () => ReleasesApi | null
  /** The pull requests API, for `release-via: pull-request`; absent or null: none (without a token). */
  readonly pullRequests?: () => PullRequestsApi | null
  /** GitHub's git database, for `commit-via: api`; null without a token. Asked for only when releasing with it. */
  readonly connectGitData?: () => GitDataApi | null
  /** Each step as it happens. */
  readonly log: (line: string) => void
  /** The name the release's artifacts carry in their extended versions (see planArtifacts). */
  readonly packageName?: string
  /** Told the plan as soon as it is made, before any effect: a failure later must not lose it. */
  readonly onPlanned?: (planned: Omit<ReleaseRun, 'result'>) => void
  /** npm, for releases configured with `publish: npm`. */
  readonly publish?: PublishContext
  /** The private key `sign` signs with: a secret, so never part of the configuration; null or absent when none was given. */
  readonly signingKey?: string | null
  /** Where the signing key's temporary folder goes: RUNNER_TEMP on a runner, else the system's. */
  readonly tempRoot?: string
}

/** What a release run did, beyond the plan. */
export type ReleaseResult =
  /** The plan releases nothing, or is blocked. */
  | { readonly kind: 'planned' }
  | { readonly kind: 'skipped'; readonly why: string }
  | { readonly kind: 'dry-run'; readonly steps: readonly string[] }
  /**
   * `finished`: the earlier release this run published first, its tag left without one.
   * `pullRequest`: commits landed after the merged release pull request: their release pull request.
   */
  | {
      readonly kind: 'applied'
      readonly outcome: ApplyOutcome
      readonly finished: ApplyOutcome | null
      readonly pullRequest?: ReleasePullRequestOutcome
    }
  /** `release-via: pull-request`: the release pull request was opened, updated or closed instead of a release. */
  | { readonly kind: 'pull-request'; readonly outcome: ReleasePullRequestOutcome }

export interface ReleaseRun {
  readonly plan: ReleasePlan
  readonly fetched: readonly string[]
  /** HEAD already carried this release's tag: the run finished it. */
  readonly resumed: boolean
  /** The release notes (Markdown), or '' when nothing would be released. */
  readonly notes: string
  readonly result: ReleaseResult
  /** What was published to npm (or would be, in a dry run); null or absent when nothing is published there. */
  readonly publish?: PublishRun | null
}

/**
 * Plan, then release: the branch, the dry run and the effects, decided in this one place
 * for every entry point.
 */
export async function runRelease(request: ReleaseRequest): Promise<ReleaseRun> {
  const { config, gather } = request
  // The branch first: what it releases (a channel, a range) decides the plan. The remote's tags meanwhile.
  const [line] = await Promise.all([gatherLine(gather, config, request.hints, 'remote'), fetchMissingTags(request)])
  const viaPullRequest = config.release.via === 'pull-request'
  // A re-run after the release commit was pushed plans that commit: its release is finished, not made again.
  const above =
    config.release.files && line.branch && !request.dryRun && !viaPullRequest ? await releaseCommitOf(request, line.branch) : null
  const first = await planReleaseRun(gather, config, request.now, line, above ?? undefined)
  // Through a pull request, a push releases only what a merged release pull request brought; anything else is proposed.
  const merged = viaPullRequest && !first.resumed ? await findMergedRelease(request, line, first) : null
  const { plan, fetched, resumed } = merged ?? first
  const proposing = viaPullRequest && merged === null && !resumed
  const artifacts = planArtifacts(plan, request.packageName ?? 'package').list
  const notes =
    plan.kind === 'none' ? '' : renderNotes(plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT, artifacts })
  const done = (result: ReleaseResult, publish: PublishRun | null = null): ReleaseRun => ({
    plan,
    fetched,
    resumed,
    notes,
    result,
    publish
  })
  request.onPlanned?.({ plan, fetched, resumed, notes })
  // Nothing to release still closes a release pull request; a blocked plan leaves it as it is.
  if (plan.kind !== 'release' && !(proposing && plan.kind === 'none')) return done({ kind: 'planned' })

  const decision = decideRelease(line, request.dryRun)
  switch (decision.kind) {
    case 'skip':
      // Not knowing is not the same as "not a release branch": where asked, it must not pass quietly.
      if (decision.unknown && request.requireBranch) {
        throw new VersoError('EUSAGE', `Nothing released: ${decision.why}.`, {
          hint: 'Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH).'
        })
      }
      return done({ kind: 'skipped', why: decision.why })
    case 'dry-run': {
      if (proposing) return done({ kind: 'dry-run', steps: describeProposal(plan, line.branch ?? '') })
      if (plan.kind !== 'release') return done({ kind: 'planned' })
      const options = applyOptions(config, plan, notes, request.log)
      const job = publishJob(plan, config, { release: '', path: '.' })
      const publish = await withPublisher(await publishRequest(request, job ? [job] : [], null), async (p) => (p ? p.preview() : null))
      return done({ kind: 'dry-run', steps: [...describeApply(plan, options), ...publishSteps(publish)] }, publish)
    }
    case 'release': {
      if (proposing) {
        // The release before this one may have been tagged by a run that stopped before its GitHub Release:
        // no later run would tag HEAD to finish it, so the proposing run does.
        const api = request.connect()
        if (api) await finishEarlierRelease(request, plan, api, NO_SIGNING, GIT_WRITER)
        return done({ kind: 'pull-request', outcome: await propose(request, plan, line.branch ?? '', notes) })
      }
      if (plan.kind !== 'release') return done({ kind: 'planned' })
      const options = applyOptions(config, plan, notes, request.log)
      // `commit-via: api` without a token stops the run before anything else.
      const writer = chooseReleaseWriter(config, request.connectGitData)
      // The key is proved before anything else: a key git cannot sign with stops the run with nothing pushed.
      const run = await withSigning(request.git, signingRequest(request), async (signing) => {
        const signed = { ...options, signing, writer }
        const api = request.connect()
        const finished = api ? await finishEarlierRelease(request, plan, api, signing, writer) : null
        const job = publishJob(plan, config, { release: '', path: '.' })
        // The registry is asked before the release commit and the tag, so that a version npm has from elsewhere stops
        // the run with nothing pushed; the package is published after the tag and before the GitHub Release and its
        // dispatches, so that nothing announces a version npm does not have.
        return withPublisher(await publishRequest(request, job ? [job] : [], null), async (publisher) => {
          const prepared = publisher ? await publisher.prepare() : null
          const released = await withReleaseCommit(request, plan, line.branch, notes, signing, writer)
          const tagged = await tagRelease(request.git, released, signed)
          const publish = prepared
            ? await prepared.publish({
                superseded: new Set(tagged.kind === 'superseded' ? [''] : []),
                releaseCommit: released.head === plan.head ? null : released.head
              })
            : null
          const outcome = tagged.kind === 'superseded' ? tagged : await completeRelease(released, request.git, api, signed)
          return done({ kind: 'applied', outcome, finished }, publish)
        })
      })
      // Commits that landed after the merged release pull request, before this run, get theirs now, not at the next push.
      if (merged !== null && plan.head !== first.plan.head && run.result.kind === 'applied' && run.result.outcome.kind === 'released') {
        request.log(`${first.plan.head.slice(0, 7)} has commits after the release: proposing the next one.`)
        // A fresh read of the history, which has the new tag; the plan reported stays this run's.
        try {
          const next = await runRelease({ ...request, gather: createGather(request.git, config), onPlanned: () => {} })
          if (next.result.kind === 'pull-request') return { ...run, result: { ...run.result, pullRequest: next.result.outcome } }
        } catch (error) {
          // The release is made: a proposal that fails must not make it look failed. The next push proposes again.
          request.log(
            `The next release pull request was not proposed: ${(error as Error).message} The next push to the branch proposes it.`
          )
        }
      }
      return run
    }
  }
}

/**
 * A release is planned from the remote's tags, not only the clone's: a clone without them, or
 * with older ones, would plan a version the remote has released past.
 */
export async function fetchMissingTags(request: Pick<ReleaseRequest, 'gather' | 'log'>): Promise<void> {
  const synced = await request.gather.fetchMissingTags()
  if (synced.kind === 'unreachable') request.log(`The remote's tags could not be listed (${synced.error}): planning from this clone's.`)
  if (synced.kind !== 'fetched' || synced.tags.length === 0) return
  const named = synced.tags.length > 5 ? `${synced.tags.slice(0, 5).join(', ')} and ${synced.tags.length - 5} more` : synced.tags.join(', ')
  request.log(`Fetched the release tags the remote has and this clone did not: ${named}.`)
}

/**
 * The release a merged release pull request brought, planned at the commit that brought it,
 * or null when the branch has none since its last release. However the pull request was
 * merged, its release commit is in the history (the squash or rebased commit on the branch,
 * or the merge's second parent); it counts only when the files at that commit hold the
 * release the branch's own plan there makes — so a hand-edited title, a stale pull request
 * or a release commit made elsewhere never tags a version the commits do not call for. A
 * squash merge whose title was edited is still found: the files at HEAD say the release is there.
 */
async function findMergedRelease(
  request: ReleaseRequest,
  line: ReleaseLine,
  atHead: PlanOutcome & { resumed: boolean }
): Promise<(PlanOutcome & { resumed: boolean }) | null> {
  const { git, config, gather } = request
  const head = atHead.plan.head
  const range = await readRange(git, atHead.plan.previous?.sha ?? null, head)
  for (const candidate of findMergedReleases(range, head).slice(0, MERGED_CANDIDATES)) {
    const where = candidate.at.slice(0, 7)
    if (leftToItsOwnRun(candidate, head, config.publish.to === 'npm', request.log)) continue
    const options = candidate.at === head ? {} : { head: candidate.at, schemasAt: candidate.at, checkWorktreeImage: false }
    let at = candidate.at === head ? atHead : { ...(await planRelease(gather, config, request.now, { line, ...options })), resumed: false }
    const proposed = proposedVersion(config, candidate.tags, at.plan)
    if (proposed !== null) at = { ...(await planRelease(gather, config, request.now, { line, ...options, proposed })), resumed: false }
    const { plan } = at
    if (plan.kind === 'release' && candidate.tags.includes(plan.next.tag) && (await holdsRelease(request, plan, candidate.at))) {
      request.log(`${where} merged the release pull request of ${plan.next.tag}: releasing it.`)
      return at
    }
    const planned = plan.kind === 'release' ? `its plan there is ${plan.next.tag}` : `its plan there releases nothing`
    request.log(
      `${where} brought the release commit of ${candidate.tags.join(', ')}, but ${planned} and the files must agree: not released.`
    )
  }
  if (atHead.plan.kind === 'release' && (await holdsRelease(request, atHead.plan, head))) {
    request.log(`The version files and changelog at ${head.slice(0, 7)} already hold ${atHead.plan.next.tag}: releasing it.`)
    return atHead
  }
  return null
}

/** Whether the version files and changelog at `at` already say `plan`'s release: the commit is that release. */
async function holdsRelease(request: ReleaseRequest, plan: ReleasingPlan, at: string): Promise<boolean> {
  const files = request.config.release.files
  if (!files) return false
  const releases = [fileRelease(plan, { name: '', path: '.', notes: '', changelog: files.changelog })]
  const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, null, at), releases, packages: null })
  return edits.files.length === 0
}

/** A dry run's account of the release pull request. */
function describeProposal(plan: ReleasePlan, base: string): string[] {
  const branch = releaseBranchOf(base)
  if (plan.kind !== 'release') return [`close the open release pull request from ${branch}, if there is one, and delete ${branch}`]
  return [
    `commit the version files and changelog as \`${releaseCommitMessage([plan.next.tag])}\` on top of ${plan.head.slice(0, 7)} and push it to ${branch}`,
    `open the release pull request from ${branch} into ${base}, or update the open one; merging it releases ${plan.next.tag}`
  ]
}

/** Opens or updates the release pull request of the plan, or closes it when the plan releases nothing. */
async function propose(request: ReleaseRequest, plan: ReleasePlan, base: string, notes: string): Promise<ReleasePullRequestOutcome> {
  const api = pullRequestsOf(request)
  if (plan.kind === 'none') {
    return closeReleasePullRequest({
      git: request.git,
      api,
      base,
      head: plan.head,
      left: { reason: plan.reason, since: plan.previous?.tag ?? null },
      log: request.log
    })
  }
  if (plan.kind !== 'release') throw new Error('propose: a blocked plan proposes nothing')
  const files = request.config.release.files
  if (!files) throw new Error('propose: release-via pull-request without release files')
  const releases = [fileRelease(plan, { name: '', path: '.', notes, changelog: files.changelog })]
  const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, base, plan.head), releases, packages: null })
  const title = releaseCommitMessage([plan.next.tag])
  const body = renderReleasePullRequestBody({
    base,
    branch: releaseBranchOf(base),
    releases: [{ name: '', tag: plan.next.tag, bump: plan.bump }],
    summary: renderPlanSummary(plan),
    notes: [{ name: '', notes }]
  })
  return writeProposal(request, api, { base, head: plan.head, files: edits.files, title, body })
}

/** The pull requests API, or an error saying which token to give: a release pull request cannot be opened without one. */
export function pullRequestsOf(request: Pick<ReleaseRequest, 'pullRequests'>): PullRequestsApi {
  const api = request.pullRequests?.() ?? null
  if (api !== null) return api
  throw new VersoError(
    'EGITHUBAUTH',
    'release-via: pull-request needs a GitHub token to open the release pull request: nothing was pushed.',
    {
      hint: 'Pass `github-token` (the default workflow token works) with `permissions: contents: write` and `pull-requests: write`; for the CLI, set GITHUB_TOKEN.'
    }
  )
}

/** Writes the release pull request: its commit as `commit-via` says, signed as `sign` says. */
export function writeProposal(
  request: ReleaseRequest,
  api: PullRequestsApi,
  proposal: Pick<ProposeRequest, 'base' | 'branch' | 'head' | 'files' | 'title' | 'body'>
): Promise<ReleasePullRequestOutcome> {
  // `commit-via: api` without a token stops the run before anything is written.
  const writer = chooseReleaseWriter(request.config, request.connectGitData)
  return withSigning(request.git, signingRequest(request), (signing) =>
    proposeRelease({ ...proposal, writer, git: request.git, api, tagger: request.config.release.tagger, signing, log: request.log })
  )
}

/** What the release's signing key is prepared from: `sign`, the key, and where its temporary folder goes. */
export function signingRequest(request: Pick<ReleaseRequest, 'config' | 'signingKey' | 'tempRoot' | 'log'>): SigningRequest {
  return {
    kind: request.config.release.sign,
    key: request.signingKey ?? null,
    log: request.log,
    ...(request.tempRoot === undefined ? {} : { tempRoot: request.tempRoot })
  }
}

/** A dry run's steps for npm: one line a package it would publish. */
export function publishSteps(publish: PublishRun | null): string[] {
  return (publish?.entries ?? []).flatMap((e) =>
    e.kind === 'would-publish' ? [`publish ${e.name}@${e.version} to ${e.registry} with the dist-tag ${e.distTag.tag}`] : []
  )
}

/** The release commit an earlier run of this job pushed on top of HEAD, which a re-run plans instead of HEAD. */
export async function releaseCommitOf(request: Pick<ReleaseRequest, 'gather' | 'config' | 'log'>, branch: string): Promise<string | null> {
  const head = (await request.gather.commitOf('HEAD')) ?? ''
  const found = await request.gather.releaseCommitAbove(branch, head, request.config.release.tagger)
  if (found) request.log(`${branch} has this release's commit ${found.slice(0, 7)} already: finishing its release (a re-run).`)
  return found
}

/**
 * With version files or a changelog, the release is the commit that updates them: it is made
 * and pushed first, and the plan's tag goes on it. Without them, the plan as it is.
 */
export async function withReleaseCommit(
  request: Pick<ReleaseRequest, 'git' | 'config' | 'now' | 'repositoryUrl' | 'log'>,
  plan: ReleasingPlan,
  branch: string | null,
  notes: string,
  signing: Signing,
  writer?: ReleaseWriter
): Promise<ReleasingPlan> {
  const { files } = request.config.release
  if (!files) return plan
  const releases = [fileRelease(plan, { name: '', path: '.', notes, changelog: files.changelog })]
  const sha = await commitRelease({
    ...releaseCommitRequest(request, files, branch, plan.head),
    releases,
    packages: null,
    signing,
    ...(writer && { writer })
  })
  return sha === plan.head ? plan : { ...plan, head: sha }
}

/** What a release commit is made and pushed with, whatever releases it carries. */
export function releaseCommitRequest(
  request: Pick<ReleaseRequest, 'git' | 'config' | 'now' | 'repositoryUrl' | 'log'>,
  files: ReleaseFiles,
  branch: string | null,
  head: string
): Omit<ReleaseCommitRequest, 'releases' | 'packages'> {
  return {
    git: request.git,
    files,
    branch,
    head,
    tagger: request.config.release.tagger,
    // A CalVer release is dated in its time zone: the changelog's date is the version's.
    date: formatDateInZone(request.now, request.config.scheme.kind === 'calver' ? request.config.scheme.timeZone : 'UTC'),
    repositoryUrl: request.repositoryUrl,
    log: request.log
  }
}

/**
 * A run that failed after pushing its tag and before publishing its GitHub Release leaves
 * the tag without one; a re-run of that job finishes it, but a newer push plans past it.
 * So a release first looks at the last release it builds on: one of verso's tags (its
 * channel, its tagger) that has no GitHub Release gets it now, from that tag's own commits
 * and schemas, with its dispatches, which no run sent for it (the run that pushed the tag
 * may still be about to publish: it then finds the release published and sends none).
 * Floating tags are left to the release being made now, which is newer.
 */
async function finishEarlierRelease(
  request: ReleaseRequest,
  plan: ReleasePlan,
  api: ReleasesApi,
  signing: Signing,
  writer: ReleaseWriter
): Promise<ApplyOutcome | null> {
  const { config, gather } = request
  const previous = plan.previous
  if (previous === null || previous.sha === plan.head || !(await isOwnRelease(gather, config, plan.line, previous))) return null
  if ((await api.findReleaseByTag(previous.tag)) !== null) return null
  const earlier = await planRelease(gather, config, request.now, {
    line: plan.line,
    head: previous.sha,
    ignoreTag: previous.tag,
    finish: previous.value,
    schemasAt: previous.sha,
    checkWorktreeImage: false
  })
  if (earlier.plan.kind !== 'release') {
    request.log(`${previous.tag} has no GitHub Release, and its own plan is ${earlier.plan.kind} now: it is left without one.`)
    return null
  }
  const job = publishJob(earlier.plan, config, { release: '', path: '.' })
  if (job && (await awaitsNpm(request, previous, [job], null))) return null
  request.log(`${previous.tag} has no GitHub Release: an earlier run pushed the tag and stopped. Publishing it first.`)
  const notes = renderNotes(earlier.plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  const options = { ...applyOptions(config, earlier.plan, notes, request.log, signing), floatingTags: 'none' as const, writer }
  return applyPlan(earlier.plan, request.git, api, options)
}
