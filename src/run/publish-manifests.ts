import type { ReleaseFiles } from '../config/config.js'
import { VersoError } from '../errors.js'
import type { VersionFileRule } from '../files/version-files.js'
import { readWorktreeFile, writeWorktreeFile } from '../git/files.js'
import type { Npm } from '../npm/npm.js'
import { readConfiguredRegistry } from '../npm/registry.js'
import { dependencyOrder, readDependencies } from '../packages/dependencies.js'
import type { ManifestFacts, PublishTarget } from './publish-plan.js'
import { planReleaseFiles } from './release-files.js'

/** A package's `package.json` in the working tree, as publishing reads it. */
export interface ManifestRead {
  /** Null when there is no manifest. */
  readonly facts: ManifestFacts | null
  readonly text: string | null
  /** `publishConfig.registry`, which npm publishes to when nothing says otherwise. */
  readonly registry: string | null
}

/** The manifests of these package folders, in their order. */
export async function readManifests(root: string, folders: readonly string[]): Promise<ManifestRead[]> {
  return Promise.all(
    folders.map(async (folder) => {
      const text = await readWorktreeFile(root, manifestPath(folder))
      return text === null ? { facts: null, text, registry: null } : { ...readManifest(text), text }
    })
  )
}

/** What a manifest's text says about publishing it. */
export function readManifest(text: string): Omit<ManifestRead, 'text'> {
  let data: { name?: unknown; private?: unknown; publishConfig?: { registry?: unknown } } & Record<string, unknown>
  try {
    // npm reads a manifest that starts with a byte order mark, as editors on Windows write it.
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof data
  } catch (error) {
    return { facts: { kind: 'unreadable', error: (error as Error).message }, registry: null }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { facts: { kind: 'unreadable', error: 'it is not a JSON object' }, registry: null }
  const registry = typeof data.publishConfig?.registry === 'string' && data.publishConfig.registry ? data.publishConfig.registry : null
  const name = typeof data.name === 'string' && data.name ? data.name : null
  return { facts: { kind: 'read', name, private: data.private === true, workspaceRanges: workspaceRanges(data) }, registry }
}

// The dependencies an install of the published package reads; devDependencies are not installed with it.
const INSTALLED = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const

/** The dependencies named by a `workspace:` range, which only pnpm's and yarn's publish turn into versions. */
function workspaceRanges(data: Record<string, unknown>): string[] {
  const names = INSTALLED.flatMap((field) => {
    const deps = data[field]
    if (deps === null || typeof deps !== 'object') return []
    return Object.entries(deps as Record<string, unknown>).flatMap(([dep, range]) =>
      typeof range === 'string' && range.startsWith('workspace:') ? [dep] : []
    )
  })
  return [...new Set(names)]
}

/** The manifest's package name, when it has one. */
export function nameOf(manifest: ManifestRead): string | null {
  return manifest.facts?.kind === 'read' ? manifest.facts.name : null
}

/**
 * The registry a package goes to: the `registry` setting, else its manifest's
 * publishConfig, else npm's configuration; null for a package that is not published.
 */
export async function registryOf(npm: Npm, dir: string, configured: string | null, manifest: ManifestRead): Promise<string | null> {
  const name = nameOf(manifest)
  if (!name || (manifest.facts?.kind === 'read' && manifest.facts.private)) return null
  return registryFor(npm, dir, configured, name, manifest.registry)
}

/** The registry of a package that is published, as registryOf decides it, always ending in `/`. */
export async function registryFor(
  npm: Npm,
  dir: string,
  configured: string | null,
  name: string,
  publishConfig: string | null
): Promise<string> {
  const registry = configured ?? publishConfig ?? (await readConfiguredRegistry(npm, dir, name))
  return registry.endsWith('/') ? registry : `${registry}/`
}

/**
 * Each release's version in its manifest, in the working tree: what npm packs. A package
 * that depends on another released now by a range the new version leaves gets the range
 * brought along, as a release commit's version files do. Nothing is committed. Returns the
 * paths written.
 */
export async function writeVersions(
  root: string,
  targets: readonly PublishTarget[],
  packages: readonly string[] | null
): Promise<string[]> {
  const texts = new Map<string, string | null>()
  for (const target of targets) texts.set(manifestPath(target.path), await readWorktreeFile(root, manifestPath(target.path)))
  // A manifest that is missing is the decision's to report, with the others.
  const present = targets.filter((target) => texts.get(manifestPath(target.path)) !== null)
  if (present.length === 0) return []
  const rules: VersionFileRule[] = present.map((target) => {
    const path = manifestPath(target.path)
    return { kind: 'manifest', path, glob: false, source: path }
  })
  const files: ReleaseFiles = { rules, changelog: null }
  const releases = present.map((t) => ({
    name: t.release,
    path: t.path,
    version: t.version,
    tag: t.tag,
    previousTag: null,
    notes: '',
    changelog: null
  }))
  const input = { config: files, releases, matched: rules.map((r) => [r.path]), texts, packages, date: '', repositoryUrl: null }
  let edits
  try {
    edits = planReleaseFiles(input)
  } catch (error) {
    if (!(error instanceof VersoError)) throw error
    throw new VersoError(
      'EINVALIDCONFIG',
      'The version to publish cannot be written into the manifests: nothing was tagged or published.',
      {
        details: error.details,
        hint: 'Give each package.json published a `version` (any: verso writes the released one), or set `publish: none` for it.'
      }
    )
  }
  for (const file of edits.files) await writeWorktreeFile(root, file.path, file.text)
  return edits.files.map((f) => f.path)
}

/** The items (one a manifest, in the same order), each after those whose packages it depends on; the rest keep their order. */
export function inDependencyOrder<T>(items: readonly T[], manifests: readonly ManifestRead[]): T[] {
  const named = manifests.flatMap((m) => {
    const name = nameOf(m)
    return name && m.text !== null ? [{ name, text: m.text }] : []
  })
  if (named.length < 2) return [...items]
  const order = dependencyOrder(readDependencies(named))
  const rank = (i: number) => {
    const name = nameOf(manifests[i]!)
    const at = name ? order.indexOf(name) : -1
    return at === -1 ? order.length + i : at
  }
  return items
    .map((item, i) => ({ item, rank: rank(i) }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.item)
}

export function manifestPath(folder: string): string {
  return folder === '.' ? 'package.json' : `${folder}/package.json`
}
