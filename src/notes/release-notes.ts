import type { Artifact } from '../run/artifacts.js'
import type { ReleasePlan, ReleaseRef } from '../run/release-plan.js'
import { escapeBlockStart, escapeMarkdown, indentLines, renderBlocks, renderInline, type LinkReference } from './markdown.js'
import { selectReaderNotes } from './reader-notes.js'
import { parseReference } from './references.js'
import { linkCommit, linkCommits, linkCompare, linkReference, parseRepositoryUrl, type Repository } from './repository-links.js'
import { collectSections, type NoteEntry } from './sections.js'

/** Room for release notes in a GitHub Release body (GitHub's limit is 125,000 characters). */
export const RELEASE_BODY_LIMIT = 120_000
/** Room for the notes preview in a pull request comment (GitHub's limit is 65,536). */
export const PREVIEW_LIMIT = 30_000

export interface NotesOptions {
  /** `https://github.com/owner/repo`; null writes no links (shas and references stay text). */
  readonly repositoryUrl: string | null
  /**
   * Section titles by commit type, over the defaults: `{ chore: 'Maintenance' }`. Types
   * given the same title share one section. Breaking changes keep their own section.
   */
  readonly sections?: Readonly<Record<string, string>>
  /** The versioned artifacts the release ships (release-image documents), listed after the changes. */
  readonly artifacts?: readonly Artifact[]
  /** At most this many characters; a longer list is cut at a line and says so. */
  readonly maxLength?: number
}

/**
 * The release notes of a plan, as Markdown: a pure function of the plan and the
 * repository, so a preview on a pull request is the release's own text. There is no date
 * (that needs a clock); a caller that wants one adds it. A plan that releases nothing gets
 * one line saying so.
 */
export function renderNotes(plan: ReleasePlan, options: NotesOptions): string {
  // Read first, so that a wrong URL shows on the first run, not the first release.
  const repository = options.repositoryUrl === null ? null : parseRepositoryUrl(options.repositoryUrl)
  const next = findRelease(plan)
  if (next === null) return `${describeNothing(plan)}\n`
  const previous = plan.previous?.tag ?? null

  const blocks = [`## ${renderTitle(repository, previous, next.tag)}`]
  const readerNotes = selectReaderNotes(plan.reasons)
  if (readerNotes.length) blocks.push(readerNotes.map((note) => `> ${escapeMarkdown(note)}`).join('\n>\n'))

  const sections = collectSections(plan.commits, options.sections)
  for (const section of sections) {
    const entries = section.entries.map((entry) => renderEntry(entry, repository))
    // One entry with a paragraph makes the whole list loose; spacing them all says so.
    const loose = entries.some((e) => e.includes('\n'))
    blocks.push(`### ${section.title}`, entries.join(loose ? '\n\n' : '\n'))
  }
  // Only a forced bump releases without a commit that counts.
  if (sections.length === 0) blocks.push('No changes of note.')
  if (options.artifacts?.length)
    blocks.push('### Versioned data', options.artifacts.map((a) => `- \`${a.name}\` ${a.version} (\`${a.extended}\`)`).join('\n'))

  const footer = renderFullChangelog(repository, previous, next.tag)
  return fit(blocks.join('\n\n'), footer, options.maxLength ?? Number.POSITIVE_INFINITY)
}

/**
 * GitHub refuses a release body over 125,000 characters and a comment over 65,536: a long
 * list is cut at a line, says how much was left out, and keeps the full-changelog link.
 */
function fit(body: string, footer: string | null, maxLength: number): string {
  const whole = footer === null ? `${body}\n` : `${body}\n\n${footer}\n`
  if (whole.length <= maxLength) return whole
  const lines = body.split('\n')
  const room = maxLength - (footer?.length ?? 0) - 200
  let kept = 0
  for (let length = 0; kept < lines.length && length + lines[kept]!.length + 1 <= room; kept++) length += lines[kept]!.length + 1
  const omitted = `_… and ${lines.length - kept} more lines, too many to list here${footer === null ? '' : ': see the full changelog'}._`
  return [lines.slice(0, kept).join('\n').trimEnd(), omitted, ...(footer === null ? [] : [footer])].join('\n\n') + '\n'
}

/** The release the notes describe: a release, or a blocked one's preview. */
function findRelease(plan: ReleasePlan): ReleaseRef | null {
  switch (plan.kind) {
    case 'release':
    case 'blocked':
      return plan.next
    case 'none':
      return null
    default:
      return assertNever(plan)
  }
}

function describeNothing(plan: ReleasePlan): string {
  const since = plan.previous ? ` since ${escapeMarkdown(plan.previous.tag)}` : ''
  if (plan.commits.length === 0) return `No release: nothing was committed${since}.`
  const count = plan.commits.length === 1 ? 'the 1 commit' : `the ${plan.commits.length} commits`
  return `No release: none of ${count}${since} calls for one.`
}

function renderTitle(repository: Repository | null, previous: string | null, tag: string): string {
  if (repository === null || previous === null) return escapeMarkdown(tag)
  return `[${escapeMarkdown(tag)}](${linkCompare(repository, previous, tag)})`
}

function renderFullChangelog(repository: Repository | null, previous: string | null, tag: string): string | null {
  if (repository === null) return null
  if (previous === null) return `**Full changelog**: [commits](${linkCommits(repository, tag)})`
  return `**Full changelog**: [${escapeMarkdown(`${previous}...${tag}`)}](${linkCompare(repository, previous, tag)})`
}

/**
 * `- **scope:** subject ([abc1234](…)), refs [#5](…)`, then any breaking-change footer as
 * paragraphs of the item. A reference written in the text is linked where it stands and
 * not repeated after.
 */
function renderEntry(entry: NoteEntry, repository: Repository | null): string {
  const link: LinkReference = (reference) => (repository === null ? null : linkReference(repository, reference))
  const subject = renderInline(entry.subject, link)
  const notes = entry.breakingNotes
    // A footer that only repeats the subject says nothing more.
    .filter((note) => note.trim().toLowerCase() !== entry.subject.trim().toLowerCase())
    .map((note) => renderBlocks(note, link))
    .filter((note) => note.markdown !== '')
  const written = new Set([...subject.references, ...notes.flatMap((n) => [...n.references])])

  const shas = entry.shas.map((sha) => (repository === null ? sha.slice(0, 7) : `[${sha.slice(0, 7)}](${linkCommit(repository, sha)})`))
  const references = entry.references
    .filter((reference) => !written.has(reference) && parseReference(reference) !== null)
    .map((reference) => {
      const url = link(reference)
      return url === null ? escapeMarkdown(reference) : `[${escapeMarkdown(reference)}](${url})`
    })
  // Without a scope the subject opens the list item, where `# x` or `1. x` would be a block.
  const text = entry.scope === null ? escapeBlockStart(subject.markdown) : `**${escapeMarkdown(entry.scope)}:** ${subject.markdown}`
  const line = `- ${text} (${shas.join(', ')})${references.length ? `, refs ${references.join(', ')}` : ''}`
  return [line, ...notes.map((note) => indentLines(note.markdown, '  '))].join('\n\n')
}

function assertNever(value: never): never {
  throw new Error(`renderNotes: unexpected plan ${JSON.stringify(value)}`)
}
