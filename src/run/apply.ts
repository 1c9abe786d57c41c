import type { Config } from '../config/config.js'
import { VersoError } from '../errors.js'
import type { Git } from '../git/git.js'
import { NO_SIGNING, type Signing } from '../git/signing.js'
import {
  fetchTag,
  isAncestor,
  pushTag,
  readLocalTag,
  readRemoteTag,
  readRemoteTags,
  summarizeGitOutput,
  type Tagger
} from '../git/publish.js'
import { compareSemver, parseSemver } from '../versions/semver.js'
import type { GitHubApi, Release } from '../github/api.js'
import { ReleaseExistsError } from '../github/failures.js'
import type { ReleasingPlan } from './release-plan.js'
import { GIT_WRITER, type ReleaseWriter } from './release-writer.js'

/** The releases API, as apply uses it: the adapter from src/github is passed in. */
export type ReleasesApi = Pick<GitHubApi, 'findReleaseByTag' | 'createRelease' | 'updateRelease' | 'dispatchWorkflow'>

export interface ApplyOptions {
  readonly remote: string
  readonly tagger: Tagger
  readonly name: string
  /** The release notes (Markdown): the tag message and the release body. */
  readonly notes: string
  readonly draft: boolean
  readonly floatingTags: 'none' | 'major' | 'major-minor'
  /** Workflow files to send `workflow_dispatch` to, for the new tag. */
  readonly dispatch: readonly string[]
  /** Reports each step as it happens (the action's log). */
  readonly log: (line: string) => void
  /** What the release commit holds (`version-files`, `changelog-file`), or null when there is none. */
  readonly releaseCommit: string | null
  /** The key the release tag is signed with; absent: unsigned. */
  readonly signing?: Signing
  /** How the release tag reaches the remote (`commit-via`); absent: pushed with git. Floating tags are always pushed with git. */
  readonly writer?: ReleaseWriter
}

export type ApplyOutcome =
  | {
      readonly kind: 'released'
      readonly tag: string
      readonly sha: string
      readonly release: Release | null
      readonly floating: readonly string[]
      readonly dispatched: readonly string[]
    }
  /** A later run already released past this commit under the same tag. */
  | { readonly kind: 'superseded'; readonly tag: string; readonly sha: string; readonly by: string }

/** The options a release run takes from its configuration: the action and the CLI alike. */
export function applyOptions(
  config: Config,
  plan: ReleasingPlan,
  notes: string,
  log: (line: string) => void,
  signing: Signing = NO_SIGNING
): ApplyOptions {
  return {
    remote: 'origin',
    tagger: config.release.tagger,
    name: releaseName(config, plan),
    notes,
    draft: config.release.draft,
    floatingTags: config.release.floatingTags,
    dispatch: config.release.dispatch,
    log,
    releaseCommit: describeFiles(config),
    signing
  }
}

function describeFiles(config: Config): string | null {
  const files = config.release.files
  if (!files) return null
  return [...files.rules.map((r) => r.source), ...(files.changelog ? [files.changelog] : [])].join(', ')
}

/** What applyPlan would do, one line a step: what a dry run reports. */
export function describeApply(plan: ReleasingPlan, options: ApplyOptions): string[] {
  const kind = plan.standing.prerelease ? ' (a prerelease)' : plan.standing.latest ? ' (the latest release)' : ''
  const floating = plan.scheme === 'semver' && options.floatingTags !== 'none' && plan.standing.highestInMajor
  return [
    ...(options.releaseCommit
      ? [
          `commit ${options.releaseCommit} as \`chore(release): ${plan.next.tag}\` on top of ${plan.head.slice(0, 7)}, push it to the branch, and tag that commit`
        ]
      : []),
    `push an annotated tag ${plan.next.tag} at ${options.releaseCommit ? 'the release commit' : plan.head.slice(0, 7)}`,
    `create or update the GitHub Release "${options.name}"${kind}${options.draft ? ' as a draft' : ''}`,
    ...(floating ? [`move the floating tag${options.floatingTags === 'major-minor' ? 's' : ''} (${options.floatingTags}) to it`] : []),
    ...options.dispatch.map((workflow) => `send workflow_dispatch for ${plan.next.tag} to ${workflow}`)
  ]
}

/** The release title: `release-name` with `{tag}` and `{version}` filled in. */
function releaseName(config: Config, plan: ReleasingPlan): string {
  return config.release.name.replaceAll('{tag}', plan.next.tag).replaceAll('{version}', plan.next.version)
}

/**
 * Carries out a release plan: tag, push, GitHub Release, floating tags, dispatches — in
 * that order, each step safe to repeat, so a run that failed half-way is finished by a
 * re-run and a second run for the same commit changes nothing.
 */
export async function applyPlan(plan: ReleasingPlan, git: Git, api: ReleasesApi | null, options: ApplyOptions): Promise<ApplyOutcome> {
  const tagged = await tagRelease(git, plan, options)
  return tagged.kind === 'superseded' ? tagged : completeRelease(plan, git, api, options)
}

/** What pushing a release's tag came to: pushed now, there already (a re-run), or taken by a later release. */
export type Tagged = { readonly kind: 'pushed' | 'present' } | Extract<ApplyOutcome, { kind: 'superseded' }>

/**
 * The first half of applyPlan: the tag, pushed. What must happen before anything announces
 * the release (an npm publish) goes between the two halves.
 */
export function tagRelease(git: Git, plan: ReleasingPlan, options: ApplyOptions): Promise<Tagged> {
  return publishTag(git, plan, options)
}

/** The second half of applyPlan, once the tag is pushed: the GitHub Release, its dispatches, the floating tags. */
export async function completeRelease(
  plan: ReleasingPlan,
  git: Git,
  api: ReleasesApi | null,
  options: ApplyOptions
): Promise<Extract<ApplyOutcome, { kind: 'released' }>> {
  const { tag } = plan.next
  const published = api ? await publishRelease(api, plan, options) : null
  // Dispatches start deployments: only the run that published the release sends them, so
  // neither a draft nor a re-run of a finished release deploys. They go before the
  // floating tags, whose failure must not cost them.
  if (published && !published.published && options.dispatch.length) {
    const why = published.release.draft
      ? 'is a draft: its dispatches wait for the run that publishes it'
      : 'was published by an earlier run, which sent its dispatches'
    options.log(`${tag} ${why}: none sent now.`)
  }
  const dispatched = published?.published && api ? await dispatch(api, tag, options) : []
  const floating = await moveFloatingTags(git, plan, options)
  return { kind: 'released', tag, sha: plan.head, release: published?.release ?? null, floating, dispatched }
}

/** Sends every dispatch, and names each one that did not start. */
async function dispatch(api: ReleasesApi, tag: string, options: ApplyOptions): Promise<string[]> {
  const sent: string[] = []
  const failed: string[] = []
  for (const workflow of options.dispatch) {
    try {
      await api.dispatchWorkflow(workflow, tag, {})
      options.log(`Sent workflow_dispatch for ${tag} to ${workflow}.`)
      sent.push(workflow)
    } catch (error) {
      failed.push(`${workflow} (${(error as Error).message})`)
    }
  }
  if (failed.length) {
    throw new VersoError('EGITHUB', `${tag} is released, but ${failed.length} workflow(s) did not start: ${failed.join('; ')}.`, {
      hint: `Start them by hand for ${tag}: a re-run does not send dispatches for a release that is already published.`
    })
  }
  return sent
}

async function publishTag(git: Git, plan: ReleasingPlan, options: ApplyOptions): Promise<Tagged> {
  const { tag } = plan.next
  const sha = plan.head
  const settle = async (remoteSha: string): Promise<Tagged> => {
    if (remoteSha === sha) {
      options.log(`Tag ${tag} is already on the remote at ${short(sha)}: carrying on (a re-run).`)
      return { kind: 'present' }
    }
    await fetchTag(git, options.remote, tag)
    if (await isAncestor(git, sha, remoteSha)) {
      options.log(`Tag ${tag} was released at ${short(remoteSha)}, which contains ${short(sha)}: superseded by that release.`)
      return { kind: 'superseded', tag, sha, by: remoteSha }
    }
    throw new VersoError('ETAGEXISTS', `Tag ${tag} already points at ${short(remoteSha)}, not ${short(sha)}.`, {
      hint: 'A published tag is never moved. Delete the tag deliberately if it is wrong, or release again (the next run plans past it).'
    })
  }

  // Re-checked right before pushing; the push itself is the compare-and-swap.
  const onRemote = await readRemoteTag(git, options.remote, tag)
  if (onRemote !== null) return settle(onRemote)

  const local = await readLocalTag(git, tag)
  if (local !== null && local !== sha) {
    throw new VersoError('ETAGEXISTS', `A local tag ${tag} points at ${short(local)}, not ${short(sha)}, though the remote has none.`, {
      hint: `Delete the local tag (git tag -d ${tag}) and run again.`
    })
  }
  const writer = options.writer ?? GIT_WRITER
  const pushed = await writer.tag(git, {
    remote: options.remote,
    tag,
    sha,
    message: `${options.name}\n\n${options.notes}`,
    tagger: options.tagger,
    signing: options.signing ?? NO_SIGNING,
    local: local !== null
  })
  if (pushed.kind === 'pushed') {
    options.log(
      `${writer.via === 'api' && (options.signing ?? NO_SIGNING).kind === 'none' ? 'Created' : 'Pushed'} tag ${tag} at ${short(sha)}.`
    )
    return pushed
  }
  if (pushed.reason === 'exists') {
    const now = await readRemoteTag(git, options.remote, tag)
    if (now !== null) return settle(now)
  }
  throw new VersoError('EPUSH', `The remote refused tag ${tag}: ${summarizeGitOutput(pushed.message)}`, {
    hint:
      'The token needs `contents: write` (in the workflow: `permissions: contents: write`), and no tag protection rule or ruleset may forbid ' +
      'creating this tag for it. Nothing was published; fix that and run again.'
  })
}

/** The release, and whether this run published it (created it published, or published a draft). */
async function publishRelease(
  api: ReleasesApi,
  plan: ReleasingPlan,
  options: ApplyOptions
): Promise<{ release: Release; published: boolean }> {
  const { tag } = plan.next
  const { prerelease } = plan.standing
  const bringUpToDate = async (existing: Release): Promise<{ release: Release; published: boolean }> => {
    // A draft left by a run with `draft: true` is finished by a run without it; a published
    // release is never turned back into a draft.
    if (!existing.draft || options.draft)
      return { release: await updateRelease(api, existing, options.notes, prerelease, options), published: false }
    const published = await api.updateRelease(existing.id, {
      body: options.notes,
      prerelease,
      draft: false,
      makeLatest: plan.standing.latest
    })
    options.log(`Published the draft GitHub Release for ${tag}: ${published.url}`)
    return { release: published, published: true }
  }
  // Drafts included: GitHub takes any number of drafts for one tag, so only this look-up
  // keeps a re-run with `draft: true` from making a second one.
  const existing = await api.findReleaseByTag(tag)
  if (existing) return bringUpToDate(existing)
  try {
    const created = await api.createRelease({
      tag,
      name: options.name,
      body: options.notes,
      draft: options.draft,
      prerelease,
      makeLatest: plan.standing.latest
    })
    options.log(`Created the GitHub Release for ${tag}: ${created.url}`)
    return { release: created, published: !created.draft }
  } catch (error) {
    // Another run created it between our look-up and our request: update that one.
    const raced = error instanceof ReleaseExistsError ? await api.findReleaseByTag(tag) : null
    if (raced) return bringUpToDate(raced)
    throw error
  }
}

/** A re-run never makes a second release: it brings the one there is up to date. */
async function updateRelease(
  api: ReleasesApi,
  existing: Release,
  notes: string,
  prerelease: boolean,
  options: ApplyOptions
): Promise<Release> {
  if (existing.body === notes && existing.prerelease === prerelease) {
    options.log(`GitHub Release for ${existing.tag} is already up to date: ${existing.url}`)
    return existing
  }
  const updated = await api.updateRelease(existing.id, { body: notes, prerelease })
  options.log(`Updated the GitHub Release for ${existing.tag}: ${updated.url}`)
  return updated
}

/**
 * `v1` and `v1.3` follow the newest stable release of their line: the only tags verso moves.
 * They are lightweight, names of the release's commit and nothing more, so they carry no
 * signature of their own: what they name is the signed release commit (or the commit the
 * signed release tag names), and `git tag -v v1.3.0` verifies the release.
 * Two release runs can overlap, so each move is decided from the remote as it is just then
 * and pushed as a compare-and-swap: a run whose release is no longer the highest of the
 * line leaves the tag to the one that is, and `v1` never goes back to an older release.
 */
async function moveFloatingTags(git: Git, plan: ReleasingPlan, options: ApplyOptions): Promise<string[]> {
  const { value } = plan.next
  if (options.floatingTags === 'none' || value.kind !== 'semver') return []
  const { major, minor } = value.value
  const prefix = plan.next.tag.slice(0, plan.next.tag.length - plan.next.version.length)
  const lines = [
    plan.standing.highestInMajor ? { tag: `${prefix}${major}`, line: `${prefix}${major}.` } : null,
    options.floatingTags === 'major-minor' && plan.standing.highestInMinor
      ? { tag: `${prefix}${major}.${minor}`, line: `${prefix}${major}.${minor}.` }
      : null
  ]
  const moved: string[] = []
  if (lines.every((wanted) => wanted === null)) return moved
  // One look at the remote serves both tags; only a move that lost a race looks again.
  const read = () => readRemoteTags(git, options.remote, `${prefix}${major}`)
  const remote = await read()
  for (const wanted of lines) {
    if (wanted === null) continue
    if (await moveFloatingTag(git, plan, wanted, remote, read, options)) moved.push(wanted.tag)
  }
  return moved
}

type RemoteTags = Awaited<ReturnType<typeof readRemoteTags>>

async function moveFloatingTag(
  git: Git,
  plan: ReleasingPlan,
  { tag, line }: { tag: string; line: string },
  seenFirst: RemoteTags,
  read: () => Promise<RemoteTags>,
  options: ApplyOptions
): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const remote = attempt === 0 ? seenFirst : await read()
    const newer = highestRelease(remote, line, plan)
    if (newer !== null) {
      options.log(`Floating tag ${tag} stays with ${newer}, a newer release of its line than ${plan.next.tag}.`)
      return false
    }
    const seen = remote.get(tag) ?? null
    if (seen?.commit === plan.head) return false
    const pushed = await pushTag(git, options.remote, tag, { force: true, sha: plan.head, expect: seen?.ref ?? null })
    if (pushed.kind === 'pushed') {
      options.log(`Moved floating tag ${tag} to ${short(plan.head)}.`)
      return true
    }
    // Moved by another run since it was read: look again.
    if (pushed.reason === 'exists') continue
    throw new VersoError('EPUSH', `The remote refused to move the floating tag ${tag}: ${summarizeGitOutput(pushed.message)}`, {
      hint: `The release ${plan.next.tag} is published; allow the token to update ${tag} (tag protection), or set floating-tags: none.`
    })
  }
  throw new VersoError(
    'EPUSH',
    `The floating tag ${tag} kept moving while this run tried to move it; it was left where another run put it.`,
    {
      hint: `The release ${plan.next.tag} is published. Run again to settle ${tag} on the newest release of its line.`
    }
  )
}

/** The name of a stable release of the line above this plan's on the remote, or null. */
function highestRelease(remote: ReadonlyMap<string, unknown>, line: string, plan: ReleasingPlan): string | null {
  if (plan.next.value.kind !== 'semver') return null
  const ours = plan.next.value.value
  const prefix = plan.next.tag.slice(0, plan.next.tag.length - plan.next.version.length)
  for (const name of remote.keys()) {
    if (!name.startsWith(line)) continue
    const version = parseSemver(name.slice(prefix.length))
    if (version && version.prerelease.length === 0 && compareSemver(version, ours) > 0) return name
  }
  return null
}

function short(sha: string): string {
  return sha.slice(0, 7)
}
