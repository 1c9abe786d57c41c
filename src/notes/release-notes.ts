import type { ReleasePlan, ReleaseRef } from '../plan.js'
import { escapeBlockStart, escapeMarkdown, indentLines, renderBlocks, renderInline, type LinkReference } from './markdown.js'
import { selectReaderNotes } from './reader-notes.js'
import { parseReference } from './references.js'
import { linkCommit, linkCommits, linkCompare, linkReference, parseRepositoryUrl, type Repository } from './repository-links.js'
import { collectSections, type NoteEntry } from './sections.js'

export interface NotesOptions {
  /** `https://github.com/owner/repo`; null writes no links (shas and references stay text). */
  readonly repositoryUrl: string | null
  /**
   * Section titles by commit type, over the defaults: `{ chore: 'Maintenance' }`. Types
   * given the same title share one section. Breaking changes keep their own section.
   */
  readonly sections?: Readonly<Record<string, string>>
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
  const readerNotes = selectReaderNotes(plan.notes)
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

  const footer = renderFullChangelog(repository, previous, next.tag)
  if (footer !== null) blocks.push(footer)
  return `${blocks.join('\n\n')}\n`
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
