import { excerpt } from '../errors.js'

/** A package of a monorepo as configured: where it is, what routes to it, how it is tagged. */
export interface PackageSpec {
  readonly name: string
  /** Its folder, relative to the repository, without a trailing `/`; `.` is the root package. */
  readonly path: string
  /** More globs whose files belong to it (a shared schema, a config file elsewhere). */
  readonly paths: readonly string[]
  /** `{name}@{version}` by default; `{version}` comes last. */
  readonly tagFormat: string
  /** Settings of its own, under the same keys as the inputs: they win over the top level. */
  readonly overrides: Readonly<Record<string, string | readonly string[]>>
}

/** `packages:` as the config file gives it: `auto`, or a list of mappings. */
export type RawPackages = 'auto' | readonly Readonly<Record<string, string | readonly string[]>>[]

export const DEFAULT_TAG_FORMAT = '{name}@{version}'

/** The settings a package may set for itself: those that decide its versions and releases. */
export const PACKAGE_OPTIONS = [
  'scheme',
  'calver-format',
  'calver-bump',
  'calver-date',
  'calver-timezone',
  'calver-counter-start',
  'calver-final',
  'version-style',
  'initial-version',
  'release-rules',
  'major-zero-breaking',
  'prerelease',
  'prerelease-start',
  'release-branches',
  'prerelease-branches',
  'strict',
  'draft',
  'release-name',
  'changelog-file',
  'publish'
] as const

const ENTRY_KEYS = ['name', 'path', 'paths', 'tag-format'] as const

/** Reads the list of packages; every problem is a sentence that says what to write. */
export function readPackageSpecs(raw: Exclude<RawPackages, 'auto'>, problems: string[]): PackageSpec[] {
  const specs: PackageSpec[] = []
  raw.forEach((entry, index) => {
    const spec = readEntry(entry, index, problems)
    if (spec) specs.push(spec)
  })
  if (raw.length === 0)
    problems.push('`packages` is an empty list: list the packages (`- name: web` with `path: packages/web`), or write `packages: auto`.')
  const names = new Set<string>()
  const paths = new Set<string>()
  for (const spec of specs) {
    if (names.has(spec.name)) problems.push(`The package \`${excerpt(spec.name)}\` is listed twice: give each package one entry.`)
    if (paths.has(spec.path)) problems.push(`Two packages have the path \`${excerpt(spec.path)}\`: a folder belongs to one package.`)
    names.add(spec.name)
    paths.add(spec.path)
  }
  return specs
}

function readEntry(entry: Readonly<Record<string, string | readonly string[]>>, index: number, problems: string[]): PackageSpec | null {
  const text = (key: string): string | null => {
    const value = entry[key]
    if (value === undefined) return null
    if (typeof value === 'string') return value.trim()
    problems.push(`\`packages\` entry ${index + 1}: \`${key}\` must be text, not a list.`)
    return null
  }
  const name = text('name')
  const where = `\`packages\` entry ${index + 1}${name ? ` (${excerpt(name)})` : ''}`
  const before = problems.length
  if (!name) problems.push(`${where} has no \`name\`: write the package's name, e.g. \`name: web\`.`)
  const path = normalizePath(text('path'), where, problems)
  const rawPaths = entry['paths']
  const paths = rawPaths === undefined ? [] : typeof rawPaths === 'string' ? [rawPaths] : [...rawPaths]
  for (const glob of paths)
    if (isOutside(glob))
      problems.push(`${where}: \`paths: ${excerpt(glob)}\` must be a glob relative to the repository, e.g. \`shared/schemas/**\`.`)
  const tagFormat = text('tag-format') || DEFAULT_TAG_FORMAT
  checkTagFormat(tagFormat, where, problems)
  const overrides: Record<string, string | readonly string[]> = {}
  for (const [key, value] of Object.entries(entry)) {
    if ((ENTRY_KEYS as readonly string[]).includes(key)) continue
    if ((PACKAGE_OPTIONS as readonly string[]).includes(key)) overrides[key] = value
    else
      problems.push(
        `${where}: \`${excerpt(key)}\` cannot be set per package. A package takes: ${[...ENTRY_KEYS, ...PACKAGE_OPTIONS].join(', ')}.`
      )
  }
  if (problems.length > before || !name || path === null) return null
  return { name, path, paths: paths.map((glob) => glob.replace(/^\.\//, '')), tagFormat, overrides }
}

function normalizePath(raw: string | null, where: string, problems: string[]): string | null {
  if (raw === null || raw === '') {
    problems.push(`${where} has no \`path\`: write its folder, e.g. \`path: packages/web\` (\`.\` for the root package).`)
    return null
  }
  const path = raw.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '') || '.'
  if (isOutside(path) || /[*?[{]/.test(path)) {
    problems.push(
      `${where}: \`path: ${excerpt(raw)}\` must be one folder inside the repository, e.g. \`packages/web\` (globs go in \`paths\`).`
    )
    return null
  }
  return path
}

function isOutside(path: string): boolean {
  return path.startsWith('/') || path.split('/').includes('..')
}

/** `{version}` last, so that a tag is the package's prefix followed by its version, as single-package tags are. */
function checkTagFormat(format: string, where: string, problems: string[]): void {
  if (!format.endsWith('{version}') || format.indexOf('{version}') !== format.length - '{version}'.length) {
    problems.push(
      `${where}: \`tag-format: ${excerpt(format)}\` must end with \`{version}\` (e.g. \`{name}@{version}\`, \`{name}-v{version}\`).`
    )
    return
  }
  const unknown = /\{(?!name\}|version\}|prefix\})[^}]*\}/.exec(format)
  if (unknown) problems.push(`${where}: \`tag-format\` knows \`{name}\`, \`{prefix}\` and \`{version}\`, not \`${excerpt(unknown[0])}\`.`)
}

/** The tag prefix a package's format makes: `{name}@{version}` for `web` is `web@`. */
export function packageTagPrefix(spec: Pick<PackageSpec, 'name' | 'tagFormat'>, tagPrefix: string): string {
  return spec.tagFormat.slice(0, -'{version}'.length).replaceAll('{name}', spec.name).replaceAll('{prefix}', tagPrefix)
}

/** Whether a changed file belongs to a package: under its folder, or matched by one of its globs. */
export function routesTo(
  spec: Pick<PackageSpec, 'path' | 'paths'>,
  file: string,
  matches: (file: string, glob: string) => boolean
): boolean {
  if (spec.path !== '.' && (file === spec.path || file.startsWith(`${spec.path}/`))) return true
  return spec.paths.some((glob) => matches(file, glob))
}
