import type { CommitDecision } from '../commits/analyze.js'
import type { ParsedMessage } from '../commits/parse.js'

/** One line of the notes: a change, with every commit that made it (a PR and its squash). */
export interface NoteEntry {
  readonly scope: string | null
  readonly subject: string
  /** Oldest first. */
  readonly shas: readonly string[]
  readonly references: readonly string[]
  readonly breakingNotes: readonly string[]
}

export interface NoteSection {
  readonly title: string
  readonly entries: readonly NoteEntry[]
}

export const BREAKING_TITLE = '⚠ Breaking changes'

// The order readers look for them in; any other type a release rule counts comes after,
// alphabetically, under its own name. A Map, so a type named `constructor` is just a type.
const TYPE_TITLES: ReadonlyMap<string, string> = new Map([
  ['feat', 'Features'],
  ['fix', 'Bug fixes'],
  ['perf', 'Performance'],
  ['revert', 'Reverts'],
  ['docs', 'Documentation'],
  ['refactor', 'Refactoring'],
  ['style', 'Styles'],
  ['test', 'Tests'],
  ['build', 'Build'],
  ['ci', 'CI'],
  ['chore', 'Chores']
])
const TYPE_ORDER = [...TYPE_TITLES.keys()]

// Analysis never counts a commit it cannot read; if that ever changes, the commit is shown
// rather than silently dropped.
const OTHER = ''
const OTHER_TITLE = 'Other changes'
const BREAKING = '!'

interface Change {
  readonly group: string
  readonly scope: string | null
  readonly subject: string
  readonly sha: string
  readonly references: readonly string[]
  readonly breakingNotes: readonly string[]
}

/**
 * Groups the commits that count into sections, in reading order: breaking changes, then
 * by type. Commits that release nothing, were reverted or were not read are left out.
 * Identical headers (a squash-merged PR title and its commit, a cherry-pick) are one entry
 * with all their shas. Within a section, unscoped entries come first, then by scope; within
 * a scope, oldest first, as the changes were made.
 */
export function collectSections(commits: readonly CommitDecision[], titles: Readonly<Record<string, string>> = {}): NoteSection[] {
  const titleOf = (group: string): string =>
    group === BREAKING
      ? BREAKING_TITLE
      : group === OTHER
        ? OTHER_TITLE
        : Object.hasOwn(titles, group)
          ? titles[group]!
          : (TYPE_TITLES.get(group) ?? capitalise(group))

  const entries = new Map<string, { group: string; first: number; changes: Change[] }>()
  // Newest first from git; reversed so that "first" means oldest.
  const changes = commits.flatMap(readChange).reverse()
  changes.forEach((change, index) => {
    const key = `${change.group}\0${(change.scope ?? '').toLowerCase()}\0${normaliseSubject(change.subject)}`
    const entry = entries.get(key)
    if (entry) entry.changes.push(change)
    else entries.set(key, { group: change.group, first: index, changes: [change] })
  })

  // Types given one title share a section, placed where the first of them would be.
  const sections = new Map<string, { rank: number; entries: { first: number; entry: NoteEntry }[] }>()
  for (const { group, first, changes: same } of entries.values()) {
    const title = titleOf(group)
    const section = sections.get(title) ?? { rank: rankGroup(group), entries: [] }
    section.rank = Math.min(section.rank, rankGroup(group))
    section.entries.push({ first, entry: mergeChanges(same) })
    sections.set(title, section)
  }
  return [...sections]
    .sort(([a, x], [b, y]) => x.rank - y.rank || (a < b ? -1 : a > b ? 1 : 0))
    .map(([title, section]) => ({ title, entries: section.entries.sort(compareEntries).map((e) => e.entry) }))
}

function readChange(decision: CommitDecision): Change[] {
  if (decision.status !== 'counted') return []
  const { sha, message, cause } = decision
  if (cause.kind !== 'squashed') return readMessage(message, sha, [])
  // Each commit of a squashed pull request is its own entry, with the squash commit and the pull request to look it up by.
  const pullRequest = cause.pullRequest === null ? [] : [`#${cause.pullRequest}`]
  return cause.commits.flatMap((c) => (c.status === 'counted' ? readMessage(c.message, sha, pullRequest) : []))
}

function readMessage(message: ParsedMessage, sha: string, references: readonly string[]): Change[] {
  switch (message.kind) {
    case 'conventional': {
      const breaking = message.bang || message.breakingNotes.length > 0
      return [
        {
          group: breaking ? BREAKING : message.type,
          scope: message.scope,
          subject: message.subject,
          sha,
          references: references.length ? [...message.references, ...references] : message.references,
          breakingNotes: message.breakingNotes
        }
      ]
    }
    case 'revert':
      // git's `Revert "feat(x): y"` and GitHub's `… (#12)`: the section already says it is a revert.
      return [
        {
          group: 'revert',
          scope: null,
          subject: message.revertedHeader || message.header,
          sha,
          references,
          breakingNotes: []
        }
      ]
    case 'unconventional':
      return [{ group: OTHER, scope: null, subject: message.header, sha, references, breakingNotes: [] }]
  }
}

function mergeChanges(changes: readonly Change[]): NoteEntry {
  const first = changes[0]!
  // A squash merge's spelling links its pull request; otherwise the first one written.
  const subject = changes.find((c) => findPullRequestSuffix(c.subject) !== -1)?.subject ?? first.subject
  const unique = (lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())]
  return {
    scope: first.scope,
    subject,
    shas: unique(changes.map((c) => [c.sha])),
    references: unique(changes.map((c) => c.references)),
    breakingNotes: unique(changes.map((c) => c.breakingNotes))
  }
}

/** Headers that differ only in a squash merge's `(#12)`, spacing or case are the same change. */
function normaliseSubject(subject: string): string {
  const suffix = findPullRequestSuffix(subject)
  return (suffix === -1 ? subject : subject.slice(0, suffix)).replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * Where the ` (#12)` that GitHub ends a squash merge's title with begins, white space
 * before it included; -1 when there is none. Several count as one (` (#12) (#14)`). That is where
 * `/(\s*\(#\d+\))+\s*$/` would match, read once from the end: tried from every start, the
 * pattern reads a run of white space again from each of its spaces.
 */
function findPullRequestSuffix(subject: string): number {
  let end = skipSpaceBack(subject, subject.length)
  let found = -1
  while (subject.charCodeAt(end - 1) === 0x29) {
    let digits = end - 1
    while (digits > 0 && isDigit(subject.charCodeAt(digits - 1))) digits--
    if (digits === end - 1 || subject.charCodeAt(digits - 1) !== 0x23 || subject.charCodeAt(digits - 2) !== 0x28) break
    end = skipSpaceBack(subject, digits - 2)
    found = end
  }
  return found
}

function skipSpaceBack(text: string, from: number): number {
  let i = from
  while (i > 0 && /\s/.test(text[i - 1]!)) i--
  return i
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

function rankGroup(group: string): number {
  if (group === BREAKING) return 0
  const known = TYPE_ORDER.indexOf(group)
  if (known !== -1) return 1 + known
  return group === OTHER ? 2 + TYPE_ORDER.length : 1 + TYPE_ORDER.length
}

function compareEntries(a: { first: number; entry: NoteEntry }, b: { first: number; entry: NoteEntry }): number {
  const x = a.entry.scope?.toLowerCase() ?? null
  const y = b.entry.scope?.toLowerCase() ?? null
  if (x !== y) return x === null ? -1 : y === null ? 1 : x < y ? -1 : 1
  return a.first - b.first
}

function capitalise(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1)
}
