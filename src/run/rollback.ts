import type { Config } from '../config/config.js'
import { VersoError, type ErrorCode } from '../errors.js'
import type { Git } from '../git/git.js'
import { pushTag, readRemoteTags, summarizeGitOutput } from '../git/publish.js'
import type { GitHubApi, Release, ReleaseChanges } from '../github/api.js'
import { withoutRolledBackNote, withRolledBackNote } from '../notes/rolled-back.js'
import { describeRollbackRefusal } from './rollback-refusals.js'
import type { ReleaseTag } from '../versions/release-tags.js'
import { compareVersions, isPrerelease, parseVersion, type Scheme, type Version } from '../versions/scheme.js'
import type { Gather } from './gather.js'
import type { PublishContext } from './publish.js'
import { rollBackLatest } from './publish-latest.js'
import type { LatestMove } from './publish-plan.js'

/** The releases API, as a rollback uses it: one listing to read, one update per release to write. */
export type RollbackApi = Pick<GitHubApi, 'listReleases' | 'latestRelease' | 'updateRelease'>

/** One rollback, as `verso rollback --to` and the action's `mode: rollback` ask for it. */
export interface RollbackRequest {
  readonly git: Git
  readonly gather: Gather
  readonly config: Config
  /** The version to make the latest release again: `2.0.3`, or its tag `v2.0.3`. */
  readonly to: string
  /** Report what the rollback would do, and do nothing. */
  readonly dryRun: boolean
  /** The releases API, or null without a token: a rollback is refused then, as it is all about releases. */
  readonly connect: () => RollbackApi | null
  /** Each step as it happens. */
  readonly log: (line: string) => void
  /** npm, whose `latest` follows the rollback when the configuration publishes there. */
  readonly publish?: PublishContext
}

/** A GitHub Release, as reports name and link it. */
export interface ReleaseLink {
  readonly tag: string
  /** The release's page on GitHub. */
  readonly url: string
}

/** The release a rollback makes the latest again. */
export interface RollbackTarget {
  readonly tag: string
  /** The version as the tag writes it, without the prefix. */
  readonly version: string
  /** The commit the tag names. */
  readonly sha: string
  readonly release: ReleaseLink & { readonly id: number }
}

/** Why a rollback does nothing at all: each refused before any change. */
export type RollbackRefusal =
  | { readonly kind: 'not-a-version'; readonly given: string; readonly tagPrefix: string; readonly scheme: VersionScheme }
  /** GitHub never marks a prerelease latest: by its version, or by its GitHub Release's flag. */
  | { readonly kind: 'prerelease'; readonly tag: string; readonly by: 'version' | 'release' }
  /** `nearest`: the stable versions tagged closest to it, best first. */
  | { readonly kind: 'no-tag'; readonly tag: string; readonly tagPrefix: string; readonly nearest: readonly string[] }
  | { readonly kind: 'no-api' }
  /** `draft`: the tag has a draft release, which cannot be latest. */
  | { readonly kind: 'no-release'; readonly tag: string; readonly draft: boolean }
  /** The local tag is not the remote's: the floating tags would be moved to the wrong commit. */
  | { readonly kind: 'tag-differs'; readonly tag: string; readonly local: string; readonly remote: string }

/** How versions are written, as a refusal names it: `2.0.3`, or the CalVer format. */
export type VersionScheme = { readonly kind: 'semver' } | { readonly kind: 'calver'; readonly format: string }

/** A refused rollback: a VersoError that also carries its reason as a value, for --json and the outputs. */
export class RollbackRefusedError extends VersoError {
  readonly refusal: RollbackRefusal

  constructor(refusal: RollbackRefusal) {
    const { message, hint } = describeRollbackRefusal(refusal)
    super(REFUSAL_CODES[refusal.kind], message, { hint })
    this.name = 'RollbackRefusedError'
    this.refusal = refusal
  }
}

const REFUSAL_CODES: Readonly<Record<RollbackRefusal['kind'], ErrorCode>> = {
  'not-a-version': 'EUSAGE',
  prerelease: 'EUSAGE',
  'no-tag': 'EUSAGE',
  'no-api': 'EGITHUBAUTH',
  'no-release': 'EUSAGE',
  'tag-differs': 'ETAGEXISTS'
}

/** A floating tag (`v2`, `v2.0`) to move, from where the remote had it. */
export interface FloatingMove {
  readonly tag: string
  /** The release it follows after the move, and that release's commit. */
  readonly release: string
  readonly sha: string
  /** Where the remote had it (the release there, when one is), or null when it has no such tag yet. */
  readonly seen: { readonly ref: string; readonly commit: string; readonly release: string | null } | null
}

/** A release whose body changes: the rolled-back note given, or taken off. */
export interface NoteEdit extends ReleaseLink {
  readonly id: number
  /** The whole body after the edit. */
  readonly body: string
}

/** What changes on the target's own release. */
export type TargetEdit =
  /** `body`: the body without the rolled-back note it carries, or null when it carries none. */
  | { readonly kind: 'make-latest'; readonly body: string | null }
  /** Already the latest, but still marked rolled back (by a rollback to an older version). */
  | { readonly kind: 'clear-note'; readonly body: string }

/**
 * Everything a rollback changes, decided before any change, each part only where it is not
 * so already: a second run plans no change at all.
 */
export interface RollbackPlan {
  readonly target: RollbackTarget
  /** The release GitHub marks latest before the rollback, or null when it marks none. */
  readonly latest: ReleaseLink | null
  /** Moved first: a failure there leaves the releases as they were. */
  readonly floating: readonly FloatingMove[]
  readonly targetEdit: TargetEdit | null
  /** Every stable release newer than the target, best first: all of them carry the note after the rollback. */
  readonly newer: readonly ReleaseLink[]
  /** Those of `newer` whose note is added (or brought up to date). */
  readonly mark: readonly NoteEdit[]
  /** Releases below the target whose note is taken off: rolled back by an earlier rollback, rolled forward by this one. */
  readonly clear: readonly NoteEdit[]
}

/** What a rollback did. */
export interface RollbackOutcome {
  readonly target: RollbackTarget
  /** The floating tags this run moved (or created). */
  readonly floating: readonly string[]
  /** This run marked the target latest. */
  readonly madeLatest: boolean
  /** The releases this run gave the rolled-back note. */
  readonly marked: readonly ReleaseLink[]
  /** The releases this run took the note off, the target's own among them. */
  readonly cleared: readonly ReleaseLink[]
  /** Every release newer than the target: each carries the note now. */
  readonly rolledBack: readonly ReleaseLink[]
  /** Whether anything was written: false for a rollback that was already done. */
  readonly changed: boolean
}

export type RollbackRun =
  | { readonly kind: 'dry-run'; readonly plan: RollbackPlan; readonly npm?: LatestMove | null }
  | { readonly kind: 'applied'; readonly plan: RollbackPlan; readonly outcome: RollbackOutcome; readonly npm?: LatestMove | null }

/** What a step of the decision comes to: its value, or a refusal that stops the rollback before any change. */
export type RollbackDecision<T> =
  { readonly kind: 'decided'; readonly value: T } | { readonly kind: 'refused'; readonly refusal: RollbackRefusal }

/** The remote's tags, each with the object its ref holds (for a compare-and-swap) and the commit it names. */
export type RemoteTags = ReadonlyMap<string, { readonly ref: string; readonly commit: string }>

// Floating tags are moved on the remote a release pushes to.
const REMOTE = 'origin'
// As for a release's floating tags: another run moving the tag this often means something else is wrong.
const FLOATING_ATTEMPTS = 5

/**
 * Makes the release at `to` the latest again: gather (tags, releases, the remote's tags),
 * decide (a plan, or a refusal before any change), apply (floating tags, the latest
 * release, the rolled-back notes). Rolling forward is the same with a newer version.
 * Nothing is deleted and no tag is made for a version, so the next release still takes the
 * version above the highest tag.
 */
export async function runRollback(request: RollbackRequest): Promise<RollbackRun> {
  const { config } = request
  // What can be refused from the request alone is, before anything is read.
  const wanted = settle(readRollbackVersion(request.to, config))
  const facts = await request.gather.history({ commits: false })
  const target = settle(findRollbackTag(wanted, facts.tags.all, config.tagPrefix))
  const api = request.connect()
  if (api === null) throw new RollbackRefusedError({ kind: 'no-api' })

  const floats = config.release.floatingTags !== 'none' && target.version.kind === 'semver'
  const [releases, latest, remote] = await Promise.all([
    listAll(api.listReleases()),
    api.latestRelease(),
    floats ? readRemoteTags(request.git, REMOTE, config.tagPrefix) : null
  ])
  const plan = settle(
    planRollback({
      target,
      tags: facts.tags.all,
      releases,
      latest,
      remote,
      tagPrefix: config.tagPrefix,
      scheme: config.scheme,
      floatingTags: config.release.floatingTags
    })
  )
  const npmLatest = (dryRun: boolean) =>
    rollBackLatest({ context: request.publish, config, root: request.git.cwd, version: plan.target.version, dryRun, log: request.log })
  // The one place a dry run differs: everything before it only reads.
  if (request.dryRun) return { kind: 'dry-run', plan, npm: await npmLatest(true) }
  const outcome = await applyRollback(plan, request.git, api, request.log)
  // After the releases: npm's `latest` follows the GitHub Release marked latest, and a re-run moves it if this fails.
  return { kind: 'applied', plan, outcome, npm: await npmLatest(false) }
}

function settle<T>(decision: RollbackDecision<T>): T {
  if (decision.kind === 'refused') throw new RollbackRefusedError(decision.refusal)
  return decision.value
}

const refuse = (refusal: RollbackRefusal): RollbackDecision<never> => ({ kind: 'refused', refusal })
const decided = <T>(value: T): RollbackDecision<T> => ({ kind: 'decided', value })

async function listAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

/** The version asked for, as its tag: `to` may be written with the tag prefix or without. */
export function readRollbackVersion(
  to: string,
  config: Pick<Config, 'tagPrefix' | 'scheme'>
): RollbackDecision<{ readonly tag: string; readonly version: Version }> {
  const given = to.trim()
  const text = config.tagPrefix !== '' && given.startsWith(config.tagPrefix) ? given.slice(config.tagPrefix.length) : given
  const version = parseVersion(config.scheme, text)
  if (version === null) {
    const scheme: VersionScheme =
      config.scheme.kind === 'semver' ? { kind: 'semver' } : { kind: 'calver', format: config.scheme.format.text }
    return refuse({ kind: 'not-a-version', given, tagPrefix: config.tagPrefix, scheme })
  }
  const tag = `${config.tagPrefix}${text}`
  if (isPrerelease(version)) return refuse({ kind: 'prerelease', tag, by: 'version' })
  return decided({ tag, version })
}

/** The release tag of the version asked for, or a refusal naming the versions tagged nearest to it. */
export function findRollbackTag(
  wanted: { readonly tag: string; readonly version: Version },
  tags: readonly ReleaseTag[],
  tagPrefix: string
): RollbackDecision<ReleaseTag> {
  const found = tags.find((t) => t.name === wanted.tag)
  if (found) return decided(found)
  return refuse({ kind: 'no-tag', tag: wanted.tag, tagPrefix, nearest: nearestStable(wanted.version, tags, 3) })
}

/** The `count` stable versions tagged closest to `version` in the order of versions, best first. */
function nearestStable(version: Version, tags: readonly ReleaseTag[], count: number): string[] {
  const stable = tags.filter((t) => !isPrerelease(t.version) && t.version.kind === version.kind)
  // Best first, so those above come first, nearest last; those below nearest first.
  const above = stable.filter((t) => compareVersions(t.version, version) > 0).reverse()
  const below = stable.filter((t) => compareVersions(t.version, version) < 0)
  const chosen: ReleaseTag[] = []
  for (let i = 0; chosen.length < count && (i < above.length || i < below.length); i++) {
    if (i < below.length) chosen.push(below[i]!)
    if (i < above.length && chosen.length < count) chosen.push(above[i]!)
  }
  return chosen.sort((a, b) => compareVersions(b.version, a.version)).map((t) => t.name)
}

/** What a rollback is decided from: all of it read before the decision. */
export interface RollbackFacts {
  readonly target: ReleaseTag
  /** Every release tag of the repository, best first. */
  readonly tags: readonly ReleaseTag[]
  /** Every GitHub Release, drafts included. */
  readonly releases: readonly Release[]
  readonly latest: Release | null
  /** The remote's tags, read when floating tags are moved; null when they are not. */
  readonly remote: RemoteTags | null
  readonly tagPrefix: string
  readonly scheme: Scheme
  readonly floatingTags: Config['release']['floatingTags']
}

/** A published stable release of this configuration's versions. */
interface StableRelease {
  readonly release: Release
  readonly version: Version
}

/**
 * The rollback, as pure data: the target's release must be published and stable; every
 * stable release above it gets the rolled-back note, every one at or below it loses it;
 * the target becomes latest; the floating tags follow.
 */
export function planRollback(facts: RollbackFacts): RollbackDecision<RollbackPlan> {
  const { target } = facts
  const published = facts.releases.find((r) => r.tag === target.name && !r.draft)
  if (!published) {
    const draft = facts.releases.some((r) => r.tag === target.name && r.draft)
    return refuse({ kind: 'no-release', tag: target.name, draft })
  }
  if (published.prerelease) return refuse({ kind: 'prerelease', tag: target.name, by: 'release' })
  const onRemote = facts.remote?.get(target.name)
  if (onRemote && onRemote.commit !== target.sha) {
    return refuse({ kind: 'tag-differs', tag: target.name, local: target.sha, remote: onRemote.commit })
  }

  const stable = stableReleases(facts)
  const newer = stable.filter((r) => compareVersions(r.version, target.version) > 0)
  const atOrBelow = stable.filter((r) => compareVersions(r.version, target.version) <= 0 && r.release.id !== published.id)
  const link = { tag: target.name, url: published.url }
  const mark = newer.flatMap(({ release }) => noteEdit(release, withRolledBackNote(release.body, link)))
  const clear = atOrBelow.flatMap(({ release }) => noteEdit(release, withoutRolledBackNote(release.body)))
  const targetEdit = planTargetEdit(published, facts.latest)

  // The lines whose releases change side, besides the target's own: their floating tags may have to follow.
  const changed = new Set([...mark, ...clear].map((edit) => edit.id))
  const moving = stable.filter((r) => changed.has(r.release.id)).map((r) => r.version)
  return decided({
    target: {
      tag: target.name,
      version: target.text,
      sha: target.sha,
      release: { id: published.id, tag: published.tag, url: published.url }
    },
    latest: facts.latest && { tag: facts.latest.tag, url: facts.latest.url },
    floating: planFloatingTags(facts, moving),
    targetEdit,
    newer: newer.map(({ release }) => ({ tag: release.tag, url: release.url })),
    mark,
    clear
  })
}

/** Published, stable by their flag and by their version, best first: the releases a rollback marks or clears. */
function stableReleases(facts: RollbackFacts): StableRelease[] {
  const stable: StableRelease[] = []
  for (const release of facts.releases) {
    if (release.draft || release.prerelease || !release.tag.startsWith(facts.tagPrefix)) continue
    const version = parseVersion(facts.scheme, release.tag.slice(facts.tagPrefix.length))
    if (version && !isPrerelease(version)) stable.push({ release, version })
  }
  return stable.sort((a, b) => compareVersions(b.version, a.version))
}

/** The edit that gives a release `body`, or none when it has that body already. */
function noteEdit(release: Release, body: string): NoteEdit[] {
  return sameText(release.body, body) ? [] : [{ tag: release.tag, url: release.url, id: release.id, body }]
}

function planTargetEdit(release: Release, latest: Release | null): TargetEdit | null {
  const cleared = withoutRolledBackNote(release.body)
  const body = sameText(cleared, release.body) ? null : cleared
  if (latest?.id !== release.id) return { kind: 'make-latest', body }
  return body === null ? null : { kind: 'clear-note', body }
}

/**
 * Floating tags follow the newest release of their line that is not rolled back: the
 * target's own lines (`v2`, `v2.0`) move to it, backwards too, and are made if missing; a
 * line whose releases changed side (rolled back, or forward again) moves to its newest
 * release at or below the target, when the remote has its tag. A line with no such release
 * keeps its tag where it is: nothing is deleted. CalVer versions have no floating tags.
 */
function planFloatingTags(facts: RollbackFacts, moving: readonly Version[]): FloatingMove[] {
  const { target, remote } = facts
  if (facts.floatingTags === 'none' || target.version.kind !== 'semver' || remote === null) return []
  const linesOf = (version: Version): FloatingLine[] => {
    if (version.kind !== 'semver') return []
    const { major, minor } = version.value
    return [{ major, minor: null }, ...(facts.floatingTags === 'major-minor' ? [{ major, minor }] : [])]
  }
  const own = linesOf(target.version).map((line) => floatingTagOf(facts.tagPrefix, line))
  const lines = new Map(
    [...linesOf(target.version), ...moving.flatMap(linesOf)].map((line) => [floatingTagOf(facts.tagPrefix, line), line])
  )
  const following = facts.tags.filter((t) => !isPrerelease(t.version) && compareVersions(t.version, target.version) <= 0)
  const moves: FloatingMove[] = []
  for (const [tag, line] of lines) {
    const seen = remote.get(tag) ?? null
    if (seen === null && !own.includes(tag)) continue
    const follow = following.find((t) => inLine(t.version, line))
    if (!follow || seen?.commit === follow.sha) continue
    const there = seen && (facts.tags.find((t) => t.sha === seen.commit && !isPrerelease(t.version))?.name ?? null)
    moves.push({ tag, release: follow.name, sha: follow.sha, seen: seen && { ref: seen.ref, commit: seen.commit, release: there } })
  }
  return moves
}

/** `v2` (minor null) or `v2.0`. */
interface FloatingLine {
  readonly major: number
  readonly minor: number | null
}

function floatingTagOf(prefix: string, line: FloatingLine): string {
  return `${prefix}${line.major}${line.minor === null ? '' : `.${line.minor}`}`
}

function inLine(version: Version, line: FloatingLine): boolean {
  return version.kind === 'semver' && version.value.major === line.major && (line.minor === null || version.value.minor === line.minor)
}

/** Equal but for line endings: a body edited on github.com comes back with CRLF. */
function sameText(a: string, b: string): boolean {
  return a === b || a.replaceAll('\r\n', '\n') === b.replaceAll('\r\n', '\n')
}

/**
 * Carries out a plan in a safe order: floating tags (a failure leaves every release as it
 * was), then the target marked latest, then the notes, which are what tells a later run
 * which releases are rolled back. Each step is done only where it is not so already.
 */
async function applyRollback(plan: RollbackPlan, git: Git, api: RollbackApi, log: (line: string) => void): Promise<RollbackOutcome> {
  const floating: string[] = []
  for (const move of plan.floating) if (await moveFloatingTag(git, plan.target, move, log)) floating.push(move.tag)

  const cleared: ReleaseLink[] = []
  const { targetEdit, target } = plan
  if (targetEdit !== null) {
    const changes: ReleaseChanges =
      targetEdit.kind === 'make-latest'
        ? { makeLatest: true, ...(targetEdit.body !== null && { body: targetEdit.body }) }
        : { body: targetEdit.body }
    const updated = await api.updateRelease(target.release.id, changes)
    if (targetEdit.kind === 'make-latest') log(`Marked the GitHub Release ${target.tag} latest: ${updated.url}`)
    if (targetEdit.body !== null) {
      log(`Took the rolled-back note off ${target.tag}: ${updated.url}`)
      cleared.push({ tag: target.tag, url: updated.url })
    }
  }
  // A body edited on GitHub between the listing and here is overwritten: GitHub has no
  // conditional update for releases, and the window is one run's seconds.
  const marked: ReleaseLink[] = []
  for (const edit of plan.mark) {
    const updated = await api.updateRelease(edit.id, { body: edit.body })
    log(`Marked ${edit.tag} rolled back: ${updated.url}`)
    marked.push({ tag: edit.tag, url: updated.url })
  }
  for (const edit of plan.clear) {
    const updated = await api.updateRelease(edit.id, { body: edit.body })
    log(`Took the rolled-back note off ${edit.tag}: ${updated.url}`)
    cleared.push({ tag: edit.tag, url: updated.url })
  }
  const madeLatest = targetEdit?.kind === 'make-latest'
  const changed = floating.length > 0 || targetEdit !== null || marked.length > 0 || cleared.length > 0
  return { target, floating, madeLatest, marked, cleared, rolledBack: plan.newer, changed }
}

/**
 * Moves a floating tag from where it was seen, as a compare-and-swap: a release run (or
 * another rollback) that moved it meanwhile makes the push fail, and the tag is looked at
 * again. Unlike a release's move, this one may go backwards: that is what was asked for.
 * True when this run moved it; false when another run had put it there already.
 */
async function moveFloatingTag(git: Git, target: RollbackTarget, move: FloatingMove, log: (line: string) => void): Promise<boolean> {
  let expect = move.seen?.ref ?? null
  for (let attempt = 0; attempt < FLOATING_ATTEMPTS; attempt++) {
    const pushed = await pushTag(git, REMOTE, move.tag, { force: true, sha: move.sha, expect })
    if (pushed.kind === 'pushed') {
      const from = move.seen === null ? '' : ` from ${move.seen.release ?? move.seen.commit.slice(0, 7)}`
      log(`Moved floating tag ${move.tag}${from} to ${move.release} (${move.sha.slice(0, 7)}).`)
      return true
    }
    if (pushed.reason === 'denied') {
      throw new VersoError('EPUSH', `The remote refused to move the floating tag ${move.tag}: ${summarizeGitOutput(pushed.message)}`, {
        hint:
          `Allow the token to update ${move.tag} (tag protection rules or rulesets), or set floating-tags: none. ` +
          `No GitHub Release was changed yet; run the rollback to ${target.tag} again after.`
      })
    }
    // Moved since it was read: look again, from where it is now.
    const now = (await readRemoteTags(git, REMOTE, move.tag)).get(move.tag) ?? null
    if (now?.commit === move.sha) {
      log(`Floating tag ${move.tag} is at ${move.release} already: another run moved it there.`)
      return false
    }
    expect = now?.ref ?? null
  }
  throw new VersoError('EPUSH', `The floating tag ${move.tag} kept moving while this run tried to move it to ${move.release}.`, {
    hint: `Something else moves ${move.tag} (a release run?): let it finish, then run the rollback to ${target.tag} again.`
  })
}
