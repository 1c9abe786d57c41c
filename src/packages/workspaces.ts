import { parse } from 'yaml'
import { matchesGlob, posix } from 'node:path'
import { excerpt, parserMessage, VersoError } from '../errors.js'

/*
 * `packages: auto` finds the packages the way the package managers do: the root
 * package.json's `workspaces` (npm, yarn) or pnpm-workspace.yaml's `packages` name folders
 * by globs, and each folder's package.json names its package. What a folder cannot be
 * used for is reported rather than dropped, so the plan can say why a package is missing.
 */

/** The repository's files, as the caller can see them (the working tree, or a revision). */
export interface RepositoryFiles {
  /** The files that match any of the globs: paths relative to the repository root, `/`-separated. */
  list: (globs: string[]) => Promise<string[]>
  /** A file's text, or null when there is none. */
  read: (path: string) => Promise<string | null>
}

/** A workspace package: its folder (no trailing slash), its package.json and what that says. */
export interface Workspace {
  readonly name: string
  readonly path: string
  readonly manifest: string
  readonly private: boolean
  readonly version: string | null
}

/** A folder the workspace globs name that is not a package, and why, for the user. */
export interface SkippedFolder {
  readonly path: string
  readonly why: string
}

export type WorkspaceSource = 'npm' | 'yarn' | 'pnpm'

export type Discovery =
  | { readonly source: WorkspaceSource; readonly packages: readonly Workspace[]; readonly skipped: readonly SkippedFolder[] }
  | { readonly source: 'none'; readonly packages: readonly []; readonly skipped: readonly []; readonly message: string }

export const NO_WORKSPACES = 'packages: auto found no workspaces: add `workspaces` to package.json or list the packages.'

/** A workspace glob, as the user wrote it and as verso matches it. */
interface Pattern {
  readonly negated: boolean
  /** The folders, as written but for a leading `./` and a trailing `/`. */
  readonly folders: string
  /** The glob that matches the package.json of a folder the pattern names. */
  readonly manifest: string
  /** Whether every folder it matches should be a package (no `**`, so not any folder below). */
  readonly namesFolders: boolean
}

interface Declaration {
  readonly source: WorkspaceSource
  /** Where the globs come from, and the key that holds them, for messages. */
  readonly where: string
  readonly globs: readonly string[]
}

/**
 * The workspace packages of a repository, sorted by folder. pnpm-workspace.yaml wins over
 * package.json, as it does for pnpm. A root manifest (or pnpm-workspace.yaml) that cannot
 * be read, or a glob that leads outside the repository, throws EINVALIDCONFIG: without them
 * nothing can be said about the packages. A workspace's own manifest that cannot be used is
 * reported in `skipped`, and the other packages are still found.
 */
export async function discoverWorkspaces(files: RepositoryFiles): Promise<Discovery> {
  const [pnpmText, rootText] = await Promise.all([files.read('pnpm-workspace.yaml'), files.read('package.json')])
  const declaration =
    (pnpmText === null ? null : await readPnpmWorkspace(pnpmText)) ?? (rootText === null ? null : readRootManifest(rootText))
  if (declaration === null) return { source: 'none', packages: [], skipped: [], message: NO_WORKSPACES }

  const patterns = readPatterns(declaration)
  const positive = patterns.filter((p) => !p.negated)
  const globs = positive.flatMap((p) => (p.namesFolders ? [p.manifest, `${p.folders}/**`] : [p.manifest]))
  // yarn's array form is npm's too: the lockfile tells them apart.
  const listed = await files.list(declaration.source === 'npm' ? [...globs, 'yarn.lock'] : globs)
  const source = declaration.source === 'npm' && listed.includes('yarn.lock') ? 'yarn' : declaration.source

  const isWorkspace = (folder: string): boolean => {
    const manifest = `${folder}/package.json`
    // Installed packages are never workspaces, and node_modules may not be ignored where the files come from.
    if (folder.split('/').includes('node_modules')) return false
    return positive.some((p) => matchesGlob(manifest, p.manifest)) && !patterns.some((p) => p.negated && matchesGlob(manifest, p.manifest))
  }
  const manifests = listed.filter(
    (path) => posix.basename(path) === 'package.json' && path !== 'package.json' && isWorkspace(posix.dirname(path))
  )
  const withManifest = new Set(manifests.map((path) => posix.dirname(path)))
  const named = namedFolders(listed, positive).filter((folder) => !withManifest.has(folder) && isWorkspace(folder))

  const read = await Promise.all(manifests.map(async (manifest) => readWorkspace(manifest, await files.read(manifest))))
  const skipped: SkippedFolder[] = named.map((path) => ({
    path,
    why: 'has no package.json: add one with a `name`, or leave the folder out of the workspace globs (a `!` glob excludes it).'
  }))
  const packages: Workspace[] = []
  for (const result of read) {
    if ('why' in result) skipped.push(result)
    else packages.push(result)
  }
  const unique = dropDuplicates(packages, skipped)
  return { source, packages: unique.sort(byPath), skipped: skipped.sort(byPath) }
}

/** pnpm-workspace.yaml's `packages`, or null when it lists none (the file also holds pnpm's settings). */
async function readPnpmWorkspace(text: string): Promise<Declaration | null> {
  const where = 'pnpm-workspace.yaml `packages`'
  let data: unknown
  try {
    // Globs stay text as written; warnings would go to the process's stderr, quoting the file.
    data = parse(text, { schema: 'failsafe', logLevel: 'error' })
  } catch (error) {
    throw new VersoError('EINVALIDCONFIG', `pnpm-workspace.yaml is not valid YAML: ${parserMessage((error as Error).message)}`, {
      hint: 'Fix pnpm-workspace.yaml: `packages: auto` reads its `packages` to find the packages.'
    })
  }
  if (data === null || data === undefined) return null
  if (!isRecord(data)) {
    throw new VersoError('EINVALIDCONFIG', 'pnpm-workspace.yaml must be a mapping, e.g.\n  packages:\n    - "packages/*"')
  }
  // With the failsafe schema, `packages:` with no value is ''.
  const packages = data.packages
  if (packages === undefined || packages === '') return null
  if (!isTextList(packages)) {
    throw new VersoError(
      'EINVALIDCONFIG',
      `${where} must be a list of folder globs, e.g.\n  packages:\n    - "packages/*"\n    - "!**/test/**"`
    )
  }
  return packages.length ? { source: 'pnpm', where, globs: packages } : null
}

/** package.json's `workspaces` (a list, or yarn's `{ packages: [...] }`), or null when it lists none. */
function readRootManifest(text: string): Declaration | null {
  const hint = 'Fix package.json: `packages: auto` reads its `workspaces` to find the packages.'
  const data = parseJson(text)
  if ('problem' in data) throw new VersoError('EINVALIDCONFIG', `package.json is not valid JSON: ${data.problem}.`, { hint })
  if (!isRecord(data.value)) throw new VersoError('EINVALIDCONFIG', 'package.json must be a JSON object.', { hint })
  const workspaces = data.value.workspaces
  if (workspaces === undefined) return null
  const yarnForm = isRecord(workspaces)
  const globs = yarnForm ? (workspaces.packages ?? []) : workspaces
  if (!isTextList(globs)) {
    throw new VersoError(
      'EINVALIDCONFIG',
      'package.json `workspaces` must be a list of folder globs, e.g. `"workspaces": ["packages/*"]`, or yarn\'s `{ "packages": ["packages/*"] }`.'
    )
  }
  if (globs.length === 0) return null
  // Only yarn reads the object form; a `packageManager` of yarn says the array form is yarn's.
  const yarn = yarnForm || (typeof data.value.packageManager === 'string' && data.value.packageManager.startsWith('yarn@'))
  return { source: yarn ? 'yarn' : 'npm', where: yarnForm ? 'package.json `workspaces.packages`' : 'package.json `workspaces`', globs }
}

/**
 * The globs as verso matches them, each against `<folder>/package.json` (as pnpm does), so
 * that `packages/**` finds nested packages and a negated glob excludes the folders it
 * matches, wherever it is in the list (pnpm's rule, and npm's). A glob that names the root
 * alone (`.`) is dropped: the root is the workspace, not one of its packages. A glob that
 * could reach outside the repository throws; npm reads `/packages/*` as `packages/*`, but
 * verso says so rather than guess what an absolute path meant.
 */
function readPatterns(declaration: Declaration): Pattern[] {
  const problems: string[] = []
  const patterns: Pattern[] = []
  for (const written of declaration.globs) {
    const negated = written.startsWith('!')
    // `./packages/*/` and `packages/*` are the same folders.
    const glob = (negated ? written.slice(1) : written).replace(/^(?:\.\/)+/, '').replace(/\/+$/, '')
    if (leavesRepository(glob)) {
      problems.push(`\`${excerpt(written)}\` leads outside the repository: verso versions only the packages inside it.`)
      continue
    }
    if (glob === '' || glob === '.') continue
    patterns.push({ negated, folders: glob, manifest: `${glob}/package.json`, namesFolders: !glob.includes('**') })
  }
  if (problems.length) {
    throw new VersoError('EINVALIDCONFIG', `${declaration.where} has ${problems.length} problem(s):`, {
      details: problems,
      hint: 'Write workspace globs relative to the repository root, without `..`.'
    })
  }
  return patterns
}

/** Whether a glob is absolute (`/x`, `C:/x`, `\\server`) or climbs out with a `..` part. */
function leavesRepository(glob: string): boolean {
  return /^(?:[/\\]|[A-Za-z]:)/.test(glob) || glob.split(/[/\\]/).includes('..')
}

/** The folders that hold a listed file and that a pattern without `**` names: each should be a package. */
function namedFolders(listed: readonly string[], positive: readonly Pattern[]): string[] {
  const naming = positive.filter((p) => p.namesFolders)
  const folders = new Set<string>()
  for (const path of listed) {
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      if (!folders.has(folder) && naming.some((p) => matchesGlob(`${folder}/package.json`, p.manifest))) folders.add(folder)
    }
  }
  return [...folders]
}

/** A workspace from its package.json, or why the folder is not one. */
function readWorkspace(manifest: string, text: string | null): Workspace | SkippedFolder {
  const path = posix.dirname(manifest)
  // Listed a moment ago: gone since, or not a file the reader will read.
  if (text === null) return { path, why: 'has no package.json: add one with a `name`, or leave the folder out of the workspace globs.' }
  const data = parseJson(text)
  if ('problem' in data)
    return { path, why: `package.json is not valid JSON (${data.problem}): fix it, or leave the folder out of the workspace globs.` }
  if (!isRecord(data.value))
    return { path, why: 'package.json is not a JSON object: fix it, or leave the folder out of the workspace globs.' }
  const { name, version } = data.value
  if (typeof name !== 'string' || name === '') {
    return { path, why: 'package.json has no `name`: add one, as the package is known by it (its tags and its dependents).' }
  }
  if (!isPackageName(name)) {
    return {
      path,
      why: `package.json's \`name\` "${excerpt(name)}" is not a package name: use letters, digits, \`-\`, \`.\`, \`_\` and \`~\`, after an optional \`@scope/\`.`
    }
  }
  return { name, path, manifest, private: data.value.private === true, version: typeof version === 'string' ? version : null }
}

// npm's rule for names, less the lowercase (older packages have capitals): the name goes
// into tags and branch names, so nothing a ref or a shell would read otherwise.
const PACKAGE_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i

function isPackageName(name: string): boolean {
  return name.length <= 214 && PACKAGE_NAME.test(name)
}

/** The packages whose names are unique; the others go to `skipped`, each naming the folders it clashes with. */
function dropDuplicates(packages: readonly Workspace[], skipped: SkippedFolder[]): Workspace[] {
  const byName = Map.groupBy(packages, (p) => p.name)
  const unique: Workspace[] = []
  for (const [name, same] of byName) {
    if (same.length === 1) {
      unique.push(same[0]!)
      continue
    }
    for (const p of same) {
      const others = same.filter((o) => o !== p).map((o) => o.path)
      skipped.push({
        path: p.path,
        why: `package.json's \`name\` \`${name}\` is also the name of ${others.join(', ')}: rename one, as each package needs its own.`
      })
    }
  }
  return unique
}

/** A JSON text's value, or what is wrong with it in a short clause that quotes none of it. */
function parseJson(text: string): { value: unknown } | { problem: string } {
  try {
    // npm reads a manifest saved with a byte order mark; JSON.parse does not.
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown }
  } catch (error) {
    // Node's messages quote the text after the first clause: `Unexpected token 'g', ..."n": ghp_…"... is not valid JSON`.
    return { problem: parserMessage((error instanceof Error ? error.message : String(error)).split(/, (?:\.\.\.)?"|\n/)[0] ?? '') }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}
