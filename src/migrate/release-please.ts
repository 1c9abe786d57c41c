import { posix } from 'node:path'
import type { OptionName } from '../config/config.js'
import { excerpt, parserMessage } from '../errors.js'
import { emptyDraft, problemsWith, type Draft, type PackageEntry } from './draft.js'
import { notCarriedOptions, packageSettings, versionFiles, type PackageOptions, type PackageSetting } from './release-please-options.js'

export const RELEASE_PLEASE_CONFIG = 'release-please-config.json'
export const RELEASE_PLEASE_MANIFEST = '.release-please-manifest.json'

/** A release-please package as its tags and verso's `packages:` see it. */
export interface ReleasePleasePackage {
  readonly path: string
  /** verso's name for it: the package name, else the component, else the folder's name. */
  readonly name: string
  /** The component in its tags, or '' when they carry none. */
  readonly component: string
  /** What comes before the version in its tags: `core-v`, `v`, or ''. */
  readonly tagPrefix: string
  /** verso's `tag-format`, `{name}-v{version}` where the component is the name. */
  readonly tagFormat: string
}

export interface ReleasePleaseMigration {
  readonly from: string[]
  readonly draft: Draft
}

/** Carries release-please's manifest configuration over; null when the repository has neither of its files. */
export async function migrateReleasePlease(read: (path: string) => Promise<string | null>): Promise<ReleasePleaseMigration | null> {
  const configText = await read(RELEASE_PLEASE_CONFIG)
  const manifestText = await read(RELEASE_PLEASE_MANIFEST)
  if (configText === null && manifestText === null) return null
  const draft = emptyDraft()
  const from = [...(configText === null ? [] : [RELEASE_PLEASE_CONFIG]), ...(manifestText === null ? [] : [RELEASE_PLEASE_MANIFEST])]
  const config = configText === null ? null : parseObject(configText, RELEASE_PLEASE_CONFIG, draft)
  const manifest = manifestText === null ? null : parseObject(manifestText, RELEASE_PLEASE_MANIFEST, draft)
  if (configText !== null && config === null) return { from, draft }
  if (config === null)
    draft.notes.push(
      `There is no ${RELEASE_PLEASE_CONFIG}: release-please took its settings from the workflow (such as the action's \`release-type\`), which verso migrate does not read. ` +
        `The packages are ${RELEASE_PLEASE_MANIFEST}'s, with release-please's defaults.`
    )
  const top: PackageOptions = config ?? {}
  const listed = isRecord(top['packages']) ? top['packages'] : (manifest ?? {})
  const paths = Object.keys(listed)
  if (!paths.length) {
    draft.notCarried.push({ option: 'packages', why: `${RELEASE_PLEASE_CONFIG} lists no packages, so there is nothing to version.` })
    return { from, draft }
  }
  const file = config === null ? RELEASE_PLEASE_MANIFEST : RELEASE_PLEASE_CONFIG
  draft.notCarried.push(...notCarriedOptions(top, ''))
  const topMapped = packageSettings(withoutManifestOnly(top), file)
  if (top['changelog-sections'] !== undefined) draft.notCarried.push(...topMapped.notCarried)
  const packages: ReleasePleasePackage[] = []
  const items: string[] = []
  const perPackage: { pkg: ReleasePleasePackage; settings: PackageSetting[] }[] = []
  for (const raw of paths) {
    const path = normalizePath(raw)
    const own = isRecord(listed[raw]) ? listed[raw] : {}
    draft.notCarried.push(...notCarriedOptions(own, path))
    const options: PackageOptions = { ...withoutManifestOnly(top), ...own }
    const pkg = await describePackage(path, options, read, from)
    packages.push(pkg)
    const files = await versionFiles(options, path, read)
    for (const item of files.items) if (!items.includes(item)) items.push(item)
    for (const f of files.read) if (!from.includes(f)) from.push(f)
    draft.notCarried.push(...files.notCarried)
    draft.notes.push(...files.notes)
    const mapped = packageSettings(options, file)
    // Sections given at the top level are reported once, below; a package's own here.
    if (own['changelog-sections'] !== undefined)
      draft.notCarried.push(...mapped.notCarried.map((n) => ({ ...n, option: `${n.option} (${path})` })))
    perPackage.push({ pkg, settings: mapped.settings })
  }

  if (packages.length === 1 && packages[0]!.path === '.') single(packages[0]!, perPackage[0]!.settings, file, draft)
  else several(perPackage, topMapped.settings, file, draft)
  addVersionFiles(items, file, draft)
  mapPlugins(top['plugins'], packages, file, draft)
  noteTags(packages, manifest, draft)
  draft.notes.push(
    'release-please released when its release pull request was merged; verso releases on the push of releasable commits itself. ' +
      'With version-files or changelog-file it commits them (`chore(release): <tags>`) and pushes that commit to the branch before tagging: ' +
      'the job needs `contents: write`, and a protected branch must let it push.',
    'verso does not read `Release-As:` footers: force a bump for one run with the `bump` input. ' +
      'A `revert:` commit released a patch in release-please; verso cancels a revert of a commit in the same release, and releases one of an earlier release as a patch.'
  )
  return { from, draft }
}

/** One package at the root: its settings are the file's top level, its tags the tag prefix. */
function single(pkg: ReleasePleasePackage, settings: readonly PackageSetting[], file: string, draft: Draft): void {
  const tagFrom =
    pkg.component === ''
      ? `release-please tags a release ${pkg.tagPrefix}<version> (no component in the tag).`
      : `release-please tags a release ${pkg.tagPrefix}<version>: its component (${pkg.component}), then the separator and \`v\`.`
  const problems = problemsWith({ 'tag-prefix': pkg.tagPrefix })
  if (problems.length)
    draft.notCarried.push({ option: 'tag prefix', why: `verso does not accept \`${excerpt(pkg.tagPrefix)}\`: ${problems.join(' ')}` })
  else if (pkg.tagPrefix === 'v') draft.settings.push({ kind: 'default', key: 'tag-prefix', value: 'v', from: tagFrom })
  else draft.settings.push({ kind: 'option', key: 'tag-prefix', value: pkg.tagPrefix, from: tagFrom })
  for (const s of settings) draft.settings.push(toSetting(s))
}

/** Several packages: `packages:` with each one's tag format, and its settings where they differ from the top level's. */
function several(
  perPackage: readonly { pkg: ReleasePleasePackage; settings: readonly PackageSetting[] }[],
  topSettings: readonly PackageSetting[],
  file: string,
  draft: Draft
): void {
  const entries: PackageEntry[] = []
  for (const { pkg, settings } of perPackage) {
    const differ = settings.filter((s) => !sameValue(topSettings.find((t) => t.key === s.key)?.value, s.value))
    // What the top level sets and the package's own options take back (draft, release-rules) is written empty.
    const undone = topSettings.filter((t) => !settings.some((s) => s.key === t.key))
    const entry: PackageEntry = {
      name: pkg.name,
      path: pkg.path,
      tagFormat: pkg.tagFormat,
      settings: [
        ...differ.map((s) => ({ key: s.key, value: s.value })),
        ...undone.map((t) => ({ key: t.key, value: t.key === 'draft' ? 'false' : emptyOf(t.value) }))
      ],
      from: `${pkg.path}: tags ${pkg.tagPrefix}<version>`
    }
    const problems = problemsWith({ packages: [toRaw(entry)] })
    if (problems.length)
      draft.notCarried.push({ option: `packages: ${excerpt(pkg.path)}`, why: `verso does not accept it: ${problems.join(' ')}` })
    else entries.push(entry)
  }
  if (!entries.length) return
  const together = problemsWith({ packages: entries.map(toRaw) })
  if (together.length) draft.notes.push(`verso does not accept the packages together: ${together.join(' ')}`)
  draft.settings.push({
    kind: 'packages',
    entries,
    from: `From ${file}: packages. A tag-format says how release-please tagged each package, so verso reads those tags as its releases.`
  })
  for (const s of topSettings) draft.settings.push(toSetting(s))
}

function toSetting(s: PackageSetting): Draft['settings'][number] {
  if (s.isDefault && typeof s.value === 'string') return { kind: 'default', key: s.key, value: s.value, from: s.from }
  return { kind: 'option', key: s.key, value: s.value, from: s.from }
}

function toRaw(entry: PackageEntry): Readonly<Record<string, string | readonly string[]>> {
  return {
    name: entry.name,
    path: entry.path,
    'tag-format': entry.tagFormat,
    ...Object.fromEntries(entry.settings.map((s) => [s.key, s.value] as const))
  }
}

function sameValue(a: string | readonly string[] | undefined, b: string | readonly string[]): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b)
}

function emptyOf(value: string | readonly string[]): string | readonly string[] {
  return typeof value === 'string' ? '' : []
}

function addVersionFiles(items: readonly string[], file: string, draft: Draft): void {
  const kept: string[] = []
  for (const item of items) {
    const problems = problemsWith({ 'version-files': item })
    if (problems.length) draft.notCarried.push({ option: `version file ${excerpt(item)}`, why: problems.join(' ') })
    else kept.push(item)
  }
  if (kept.length)
    draft.settings.push({
      kind: 'option',
      key: 'version-files' satisfies OptionName,
      value: kept,
      from: `From ${file}: the files each package's release-type (and extra-files) writes the version into.`
    })
}

async function describePackage(
  path: string,
  options: PackageOptions,
  read: (path: string) => Promise<string | null>,
  from: string[]
): Promise<ReleasePleasePackage> {
  const type = typeof options['release-type'] === 'string' ? options['release-type'] : 'node'
  let packageName = typeof options['package-name'] === 'string' ? options['package-name'] : ''
  if (!packageName && type === 'node') {
    const manifestPath = posix.join(path, 'package.json')
    const text = await read(manifestPath)
    if (text !== null) {
      if (!from.includes(manifestPath)) from.push(manifestPath)
      try {
        const data: unknown = JSON.parse(text)
        if (isRecord(data) && typeof data['name'] === 'string') packageName = data['name']
      } catch {
        // An unreadable manifest names no package: the folder's name stands in below.
      }
    }
  }
  // release-please's node releases drop the npm scope from the component: @acme/core is tagged core-v1.2.3.
  const derived = type === 'node' && /^@[\w-]+\//.test(packageName) ? packageName.split('/')[1]! : packageName
  const includeComponent = options['include-component-in-tag'] !== false
  const component = includeComponent
    ? typeof options['component'] === 'string' && options['component']
      ? options['component']
      : derived
    : ''
  const v = options['include-v-in-tag'] === false ? '' : 'v'
  const separator = typeof options['tag-separator'] === 'string' ? options['tag-separator'] : '-'
  const name = packageName || component || (path === '.' ? 'root' : posix.basename(path))
  const tagPrefix = component ? `${component}${separator}${v}` : v
  const tagFormat = component === name ? `{name}${separator}${v}{version}` : `${tagPrefix}{version}`
  return { path, name, component, tagPrefix, tagFormat }
}

function mapPlugins(raw: unknown, packages: readonly ReleasePleasePackage[], file: string, draft: Draft): void {
  if (raw === undefined) return
  const groups: string[][] = []
  for (const plugin of Array.isArray(raw) ? raw : [raw]) {
    const type = typeof plugin === 'string' ? plugin : isRecord(plugin) && typeof plugin['type'] === 'string' ? plugin['type'] : null
    if (type === 'node-workspace')
      draft.notes.push(
        "node-workspace: verso releases a package whose package.json depends on a package released in the same run (a patch at least), and updates the dependency's range: nothing to set."
      )
    else if (type === 'linked-versions' && isRecord(plugin) && Array.isArray(plugin['components'])) {
      const names: string[] = []
      for (const component of plugin['components']) {
        const pkg = packages.find((p) => p.component === component || p.name === component)
        if (pkg) names.push(pkg.name)
        else draft.notCarried.push({ option: `linked-versions: ${excerpt(String(component))}`, why: 'no package has this component.' })
      }
      if (names.length > 1) groups.push(names)
    } else
      draft.notCarried.push({
        option: `plugins: ${excerpt(type ?? JSON.stringify(plugin) ?? '')}`,
        why: /workspace$/.test(type ?? '')
          ? "verso follows dependencies between npm workspaces' package.json only."
          : 'verso has no plugins; its release notes and pull request handling take no options.'
      })
  }
  if (groups.length) {
    const problems = problemsWith({
      packages: packages.map((p) => ({ name: p.name, path: p.path, 'tag-format': p.tagFormat })),
      linked: groups
    })
    if (problems.length)
      draft.notCarried.push({ option: 'linked-versions', why: `verso does not accept the groups: ${problems.join(' ')}` })
    else
      draft.settings.push({
        kind: 'linked',
        groups,
        from: `From ${file}: the linked-versions plugin. Each group releases one version, the highest of its members'.`
      })
  }
}

/** Which tags verso will read as each package's last release, from the versions the manifest holds. */
function noteTags(packages: readonly ReleasePleasePackage[], manifest: Readonly<Record<string, unknown>> | null, draft: Draft): void {
  if (manifest === null) {
    draft.notes.push(
      `There is no ${RELEASE_PLEASE_MANIFEST}: verso finds each package's last release from its tags (${packages.map((p) => `${p.tagPrefix}<version>`).join(', ')}).`
    )
    return
  }
  const tags: string[] = []
  for (const [raw, version] of Object.entries(manifest)) {
    const pkg = packages.find((p) => p.path === normalizePath(raw))
    if (!pkg)
      draft.notes.push(
        `${RELEASE_PLEASE_MANIFEST} lists ${excerpt(raw)}, which is not a package of the configuration: it is not carried over.`
      )
    else if (typeof version === 'string') tags.push(`${pkg.tagPrefix}${version}${packages.length > 1 ? ` (${pkg.path})` : ''}`)
  }
  if (tags.length)
    draft.notes.push(
      `verso reads each release from its tag, not from ${RELEASE_PLEASE_MANIFEST}. Check that ${tags.length > 1 ? 'these tags exist' : 'this tag exists'} ` +
        `on the release branch (there, \`git tag --merged HEAD\` lists the tags it contains): ${tags.join(', ')}. ` +
        'Without its tag, a package starts again at initial-version.'
    )
}

/** The top level's options as a package inherits them: without those that only the manifest as a whole reads. */
function withoutManifestOnly(options: PackageOptions): PackageOptions {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !['packages', 'plugins', '$schema'].includes(key)))
}

function parseObject(text: string, path: string, draft: Draft): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(text)
    if (isRecord(data)) return data
    draft.notCarried.push({ option: path, why: `${path} must hold a JSON object.` })
  } catch (error) {
    draft.notCarried.push({ option: path, why: `${path} is not valid JSON: ${parserMessage((error as Error).message)}` })
  }
  return null
}

function normalizePath(path: string): string {
  return posix.normalize(path).replace(/\/+$/, '') || '.'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
