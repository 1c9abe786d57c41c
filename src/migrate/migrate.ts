import { DEFAULT_CONFIG_FILE, resolveConfig } from '../config/config.js'
import { parseConfigFile } from '../config/file.js'
import { describeError, VersoError } from '../errors.js'
import { emptyDraft, type Draft, type NotCarried } from './draft.js'
import { RELEASE_PLEASE_CONFIG, RELEASE_PLEASE_MANIFEST, migrateReleasePlease } from './release-please.js'
import { renderConfig, renderWorkflow } from './render.js'
import { findSemanticRelease, mapSemanticRelease, SEMANTIC_RELEASE_FILES } from './semantic-release.js'

export type { NotCarried } from './draft.js'

/** The repository's files, as the caller can see them. */
export interface MigrationFiles {
  /** A file's text, or null when there is none; paths are relative to the repository, `/`-separated. */
  readonly read: (path: string) => Promise<string | null>
}

export type MigrationSource = 'semantic-release' | 'release-please' | 'none'

/** What `verso migrate` prints: the file to write, the workflow step, and what did not carry over. */
export interface Migration {
  readonly source: MigrationSource
  /** The files the migration was made from, in the order they were read. */
  readonly from: readonly string[]
  /** The text of .github/verso.yml, a comment above each key saying where it came from; '' when there is nothing to write. */
  readonly config: string
  /** The release job's steps (YAML), with the inputs that belong in the workflow rather than the file. */
  readonly workflow: string
  readonly notCarried: readonly NotCarried[]
  readonly notes: readonly string[]
}

/**
 * Reads a repository's semantic-release or release-please configuration and says how to
 * write it for verso. semantic-release's is looked for first, where semantic-release
 * itself looks; code (`release.config.js`) is never run, only reported.
 */
export async function migrate(files: MigrationFiles): Promise<Migration> {
  const semanticRelease = await findSemanticRelease(files.read)
  const releasePlease = await migrateReleasePlease(files.read)
  if (semanticRelease) {
    const { config, shadowed } = semanticRelease
    const draft = config.kind === 'options' ? mapSemanticRelease(config) : emptyDraft()
    if (config.kind === 'unreadable') draft.notCarried.push({ option: config.path, why: config.why })
    const from = [config.path]
    if (config.kind === 'options' && config.manifest !== null && config.path !== 'package.json') from.push('package.json')
    if (shadowed.length)
      draft.notes.push(
        `semantic-release reads only ${label(config.path)} and ignores ${shadowed.map(label).join(', ')}; so did this migration.`
      )
    if (releasePlease)
      draft.notes.push(
        `${releasePlease.from.filter((f) => f === RELEASE_PLEASE_CONFIG || f === RELEASE_PLEASE_MANIFEST).join(' and ')} ` +
          'hold a release-please configuration too, which was not migrated: remove the tool you no longer use.'
      )
    return finish('semantic-release', from, draft, config.kind === 'options')
  }
  if (releasePlease) return finish('release-please', releasePlease.from, releasePlease.draft, true)
  const looked = [...SEMANTIC_RELEASE_FILES.map(label), RELEASE_PLEASE_CONFIG, RELEASE_PLEASE_MANIFEST]
  return {
    source: 'none',
    from: [],
    config: '',
    workflow: renderWorkflow([], null),
    notCarried: [],
    notes: [`No semantic-release or release-please configuration was found; looked for ${looked.join(', ')}.`]
  }
}

function label(path: string): string {
  return path === 'package.json' ? 'package.json#release' : path
}

function finish(source: Exclude<MigrationSource, 'none'>, from: readonly string[], draft: Draft, readable: boolean): Migration {
  const header = [
    `${DEFAULT_CONFIG_FILE}, carried over from ${source} (${from.join(', ')}) by \`verso migrate\`.`,
    'A comment above each key says where it came from; `verso migrate` lists what it could not carry over.'
  ]
  const config = readable ? renderConfig(draft, header) : ''
  const notes = unique(draft.notes)
  // The file is checked by verso's own reader, so what migrate writes is what verso runs.
  if (config) {
    try {
      resolveConfig({}, parseConfigFile(config, DEFAULT_CONFIG_FILE))
    } catch (error) {
      if (!(error instanceof VersoError)) throw error
      notes.push(`verso does not accept the file as written; fix it before committing it: ${describeError(error)}`)
    }
  }
  const branches = draft.settings.flatMap((s) => (s.kind === 'branches' ? s.entries.map((e) => e.name) : []))
  return {
    source,
    from,
    config,
    workflow: renderWorkflow(draft.workflow, branches.length ? branches : null),
    notCarried: draft.notCarried.filter((n, i, all) => all.findIndex((m) => m.option === n.option && m.why === n.why) === i),
    notes
  }
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}
