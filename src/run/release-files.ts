import type { ReleaseFiles } from '../config/config.js'
import { prependChangelog } from '../files/changelog.js'
import { updatePackageLock, updateVersionFile, type VersionFileRule } from '../files/version-files.js'
import semver from 'semver'
import { VersoError } from '../errors.js'
import type { ReleasingPlan } from './release-plan.js'

/** One release a commit carries: its package's folder (`.` in a single-package repository), version and notes. */
export interface FileRelease {
  readonly name: string
  readonly path: string
  readonly version: string
  readonly tag: string
  readonly previousTag: string | null
  /** The release notes as renderNotes writes them: their first line is the release's own heading. */
  readonly notes: string
  /** The changelog of this release's package, or null. */
  readonly changelog: string | null
}

/** One plan's release, as a release commit carries it. */
export function fileRelease(
  plan: ReleasingPlan,
  where: { readonly name: string; readonly path: string; readonly notes: string; readonly changelog: string | null }
): FileRelease {
  return { ...where, version: plan.next.version, tag: plan.next.tag, previousTag: plan.previous?.tag ?? null }
}

/** The files a release commit would change, and their new texts. */
export interface ReleaseFileEdits {
  readonly files: readonly { readonly path: string; readonly text: string }[]
}

export interface ReleaseFilesInput {
  readonly config: ReleaseFiles
  readonly releases: readonly FileRelease[]
  /** Each rule's files: its path, or what its glob matched at the released commit. */
  readonly matched: readonly (readonly string[])[]
  /** The texts of every file named above, the lockfile and the changelogs, as the released commit holds them (absent: null). */
  readonly texts: ReadonlyMap<string, string | null>
  /** Every package's folder in a monorepo (released now or not), which decides whose a file is; null for one package. */
  readonly packages: readonly string[] | null
  /** The release date, `YYYY-MM-DD`. */
  readonly date: string
  readonly repositoryUrl: string | null
}

/**
 * The release commit's contents, decided from the files' texts: each version file gets the
 * version of the release whose folder holds it (the only release, in a single-package
 * repository), npm's lockfile follows the manifests it records, and each release's
 * changelog gets its section. Files that already say so are left out, so a re-run makes no
 * commit. A rule that matches nothing, or a file it cannot update, is an error that stops
 * the release before anything is pushed.
 */
export function planReleaseFiles(input: ReleaseFilesInput): ReleaseFileEdits {
  const problems: string[] = []
  const edited = new Map<string, string>()
  const manifests: { path: string; version: string }[] = []
  input.config.rules.forEach((rule, i) => {
    const paths = input.matched[i] ?? []
    if (paths.length === 0) problems.push(`version-files: \`${rule.source}\` matches no file.`)
    for (const path of paths) {
      const release = releaseFor(path, input.releases, input.packages)
      if (!release) continue
      const text = edited.get(path) ?? input.texts.get(path) ?? null
      if (text === null) {
        problems.push(`version-files: \`${rule.source}\`: ${path} does not exist at the released commit.`)
        continue
      }
      const update = updateVersionFile(rule, path, text, release.version)
      if ('error' in update) problems.push(update.error)
      else if (update.changed) edited.set(path, update.text)
      if (isManifest(rule, path)) manifests.push({ path: folderOf(path), version: release.version })
    }
  })
  if (input.packages !== null) updateInternalRanges(manifests, edited, input.texts, problems)
  const lock = edited.get('package-lock.json') ?? input.texts.get('package-lock.json') ?? null
  if (lock !== null && manifests.length) {
    const single = input.packages === null
    const update = updatePackageLock(lock, single ? { rootVersion: input.releases[0]!.version, workspaces: [] } : { workspaces: manifests })
    if ('error' in update) problems.push(update.error)
    else if (update.changed) edited.set('package-lock.json', update.text)
  }
  for (const release of input.releases) {
    if (release.changelog === null) continue
    const path = release.path === '.' ? release.changelog : `${release.path}/${release.changelog}`
    const existing = edited.get(path) ?? input.texts.get(path) ?? null
    const text = prependChangelog(existing, {
      version: release.version,
      tag: release.tag,
      date: input.date,
      notes: withoutHeading(release.notes),
      compareUrl:
        input.repositoryUrl && release.previousTag ? `${input.repositoryUrl}/compare/${release.previousTag}...${release.tag}` : null
    })
    if (text !== existing) edited.set(path, text)
  }
  if (problems.length) {
    throw new VersoError(
      'EINVALIDCONFIG',
      `The release files cannot be updated (${problems.length} problem(s)): nothing was committed, tagged or published.`,
      {
        details: problems,
        hint: 'Fix `version-files` (or the files it names) and run again.'
      }
    )
  }
  return { files: [...edited].map(([path, text]) => ({ path, text })) }
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const

/**
 * A workspace package that depends on one released now by a range the new version leaves
 * (`^1.0.0` when it is 2.0.0) would make npm look for it in the registry: the range follows,
 * keeping its operator, in the manifest and in the lockfile's record of that folder.
 * `workspace:` ranges name the workspace whatever the version, and are left as they are.
 */
function updateInternalRanges(
  manifests: readonly { path: string; version: string }[],
  edited: Map<string, string>,
  texts: ReadonlyMap<string, string | null>,
  problems: string[]
): void {
  const released = new Map<string, string>()
  for (const m of manifests) {
    const name = valueAt(edited.get(manifestPath(m.path)) ?? null, ['name'])
    if (typeof name === 'string') released.set(name, m.version)
  }
  const set = (path: string, keys: string[], text: string, value: string): void => {
    const rule: VersionFileRule = { kind: 'json', path, glob: false, source: `${path}:${keys.join('.')}`, keys }
    const update = updateVersionFile(rule, path, text, value)
    if ('error' in update) problems.push(update.error)
    else edited.set(path, update.text)
  }
  for (const m of manifests) {
    const path = manifestPath(m.path)
    for (const field of DEPENDENCY_FIELDS) {
      const deps = valueAt(edited.get(path) ?? null, [field])
      if (!deps || typeof deps !== 'object') continue
      for (const [dep, range] of Object.entries(deps as Record<string, unknown>)) {
        const version = released.get(dep)
        if (version === undefined || typeof range !== 'string' || range.startsWith('workspace:') || semver.satisfies(version, range))
          continue
        const next = `${/^(\^|~|>=|=)?/.exec(range)![0] || (semver.valid(range) ? '' : '^')}${version}`
        set(path, [field, dep], edited.get(path)!, next)
        // npm ci refuses a lockfile whose record of the folder disagrees with its manifest.
        const lock = edited.get('package-lock.json') ?? texts.get('package-lock.json') ?? null
        if (lock !== null && typeof valueAt(lock, ['packages', m.path, field, dep]) === 'string')
          set('package-lock.json', ['packages', m.path, field, dep], lock, next)
      }
    }
  }
}

function manifestPath(folder: string): string {
  return folder === '.' ? 'package.json' : `${folder}/package.json`
}

/** A value inside a JSON text, or undefined when the text or the value is not there. */
function valueAt(text: string | null, keys: readonly string[]): unknown {
  try {
    let value: unknown = text === null ? undefined : JSON.parse(text)
    for (const key of keys) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
    return value
  } catch {
    return undefined
  }
}

/** Every path the edits may read: the rules' files, the lockfile and the changelogs. */
export function pathsToRead(config: ReleaseFiles, releases: readonly FileRelease[], matched: readonly (readonly string[])[]): string[] {
  const changelogs = releases.flatMap((r) => (r.changelog === null ? [] : [r.path === '.' ? r.changelog : `${r.path}/${r.changelog}`]))
  return [...new Set([...matched.flat(), ...(config.rules.some((r) => r.kind === 'manifest') ? ['package-lock.json'] : []), ...changelogs])]
}

/**
 * The release of the package whose folder holds the file, the deepest one (the root package
 * holds only what no other does), or null when that package does not release now; in a
 * single-package repository, the release.
 */
function releaseFor(path: string, releases: readonly FileRelease[], packages: readonly string[] | null): FileRelease | null {
  if (packages === null) return releases[0] ?? null
  let owner: string | null = null
  for (const folder of packages) {
    const inside = folder === '.' || path === folder || path.startsWith(`${folder}/`)
    if (inside && (owner === null || owner === '.' || folder.length > owner.length)) owner = folder
  }
  return releases.find((r) => r.path === owner) ?? null
}

function isManifest(rule: VersionFileRule, path: string): boolean {
  return rule.kind === 'manifest' && (path === 'package.json' || path.endsWith('/package.json'))
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '.' : path.slice(0, slash)
}

/** The notes without their first heading: the changelog writes its own. */
function withoutHeading(notes: string): string {
  return notes.replace(/^#{1,6} [^\n]*\n+/, '').trim()
}
