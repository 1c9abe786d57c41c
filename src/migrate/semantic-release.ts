import { parse as parseYaml } from 'yaml'
import type { RawBranchEntry } from '../config/branches.js'
import { excerpt, parserMessage } from '../errors.js'
import { emptyDraft, problemsWith, type BranchEntry, type Draft } from './draft.js'
import { mapPlugins, type PluginUse } from './semantic-release-plugins.js'

/**
 * Where semantic-release looks for its configuration, in its order (cosmiconfig's, for the
 * module name `release`): the first that exists is the one it uses.
 */
export const SEMANTIC_RELEASE_FILES = [
  'package.json',
  ...['', '.json', '.yaml', '.yml', '.js', '.ts', '.cjs', '.mjs'].map((ext) => `.releaserc${ext}`),
  ...['', '.json', '.yaml', '.yml', '.js', '.ts', '.cjs', '.mjs'].map((ext) => `.config/releaserc${ext}`),
  ...['.js', '.ts', '.cjs', '.mjs'].map((ext) => `release.config${ext}`)
] as const

/** A semantic-release configuration as found: its options, or why they cannot be read. */
export type SemanticReleaseConfig =
  | {
      readonly kind: 'options'
      readonly path: string
      /** How messages name it: the file, or `package.json#release`. */
      readonly label: string
      readonly options: Readonly<Record<string, unknown>>
      /** The repository's package.json, when it has one (`private` decides whether npm publishes). */
      readonly manifest: Readonly<Record<string, unknown>> | null
    }
  | { readonly kind: 'unreadable'; readonly path: string; readonly why: string }

export interface Found {
  readonly config: SemanticReleaseConfig
  /** Other configuration files semantic-release would not read, since the first one wins. */
  readonly shadowed: readonly string[]
}

/** The first semantic-release configuration of the repository, as semantic-release finds it; null when there is none. */
export async function findSemanticRelease(read: (path: string) => Promise<string | null>): Promise<Found | null> {
  const configs: SemanticReleaseConfig[] = []
  let manifest: Record<string, unknown> | null = null
  for (const path of SEMANTIC_RELEASE_FILES) {
    const text = await read(path)
    if (text === null) continue
    if (path === 'package.json') {
      manifest = parseManifest(text)
      if (manifest && 'release' in manifest) configs.push(readPackageRelease(manifest['release']))
      continue
    }
    // An empty file is skipped, as semantic-release's loader skips it.
    if (text.trim() === '') continue
    configs.push(readFile(path, text))
  }
  const [first, ...rest] = configs
  if (!first) return null
  const config = first.kind === 'options' ? { ...first, manifest } : first
  return { config, shadowed: rest.map((c) => c.path) }
}

function parseManifest(text: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(text)
    return isRecord(data) ? data : null
  } catch {
    return null
  }
}

function readPackageRelease(value: unknown): SemanticReleaseConfig {
  if (isRecord(value)) return { kind: 'options', path: 'package.json', label: 'package.json#release', options: value, manifest: null }
  return { kind: 'unreadable', path: 'package.json', why: "package.json's `release` is not an object of semantic-release options." }
}

function readFile(path: string, text: string): SemanticReleaseConfig {
  if (/\.[cm]?[jt]s$/.test(path)) {
    return {
      kind: 'unreadable',
      path,
      why:
        `${path} is code, and verso migrate reads configuration as data: it never runs a repository's code. ` +
        `Write the options out as JSON, then run verso migrate again: ` +
        `node --input-type=module -e "const m = await import('./${path}'); console.log(JSON.stringify(m.default, null, 2))" > .releaserc.json ` +
        '(functions and regular expressions in it do not survive: check those by hand).'
    }
  }
  let data: unknown
  try {
    // `.releaserc` may be JSON or YAML; JSON is read as JSON first so that its errors are JSON's.
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { logLevel: 'error' })
  } catch (error) {
    return {
      kind: 'unreadable',
      path,
      why: `${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML or JSON'}: ${parserMessage((error as Error).message)}`
    }
  }
  if (!isRecord(data)) return { kind: 'unreadable', path, why: `${path} must hold an object of semantic-release options.` }
  return { kind: 'options', path, label: path, options: data, manifest: null }
}

// semantic-release's own options; every other top-level key is passed to every plugin.
const CORE_OPTIONS = ['$schema', 'branches', 'tagFormat', 'plugins', 'extends', 'repositoryUrl', 'dryRun', 'ci', 'noCi', 'debug']
const STEP_OPTIONS = [
  'verifyConditions',
  'analyzeCommits',
  'verifyRelease',
  'generateNotes',
  'prepare',
  'publish',
  'addChannel',
  'success',
  'fail'
]

export const DEFAULT_PLUGINS = [
  '@semantic-release/commit-analyzer',
  '@semantic-release/release-notes-generator',
  '@semantic-release/npm',
  '@semantic-release/github'
]

/** semantic-release's maintenance-branch glob: `1.x`, `1.2.x`, `12.x`. */
export const MAINTENANCE_GLOB = '+([0-9])?(.{+([0-9]),x}).x'

export const DEFAULT_BRANCHES: readonly unknown[] = [
  MAINTENANCE_GLOB,
  'master',
  'main',
  'next',
  'next-major',
  { name: 'beta', prerelease: true },
  { name: 'alpha', prerelease: true }
]

/** The .github/verso.yml settings that carry semantic-release's options over, and what does not carry. */
export function mapSemanticRelease(config: Extract<SemanticReleaseConfig, { kind: 'options' }>): Draft {
  const draft = emptyDraft()
  const { options, label } = config
  mapBranches(options['branches'], label, draft)
  mapTagFormat(options['tagFormat'], label, draft)
  draft.settings.push(
    {
      kind: 'option',
      key: 'initial-version',
      value: '1.0.0',
      from: "semantic-release's first release is 1.0.0 (verso's default is 0.1.0)."
    },
    {
      kind: 'option',
      key: 'major-zero-breaking',
      value: 'major',
      from: 'semantic-release releases 1.0.0 for a breaking change on 0.y.z; verso would release 0.(y+1).0 (`minor`).'
    }
  )
  mapCore(options, label, draft)
  const global = Object.fromEntries(Object.entries(options).filter(([key]) => !CORE_OPTIONS.includes(key) && !STEP_OPTIONS.includes(key)))
  const plugins = readPlugins(options['plugins'], label, draft)
  mapPlugins(plugins, { label, global, private: config.manifest?.['private'] === true }, draft)
  return draft
}

function mapCore(options: Readonly<Record<string, unknown>>, label: string, draft: Draft): void {
  if (options['dryRun'] === true)
    draft.workflow.push({ name: 'dry-run', value: 'true', from: `${label}: dryRun (a file cannot hold dry-run; it is decided per run)` })
  if (options['ci'] === false || options['noCi'] === true)
    draft.notCarried.push({
      option: options['ci'] === false ? 'ci: false' : 'noCi',
      why: 'verso releases from a workflow run; on a machine, `verso release` is a dry run unless given --no-dry-run.'
    })
  if (options['debug'] !== undefined && options['debug'] !== false)
    draft.notCarried.push({
      option: 'debug',
      why: '`verso plan --verbose` lists the tags it ignored; the job summary explains every commit.'
    })
  if (options['repositoryUrl'] !== undefined)
    draft.notCarried.push({
      option: 'repositoryUrl',
      why: "verso pushes to the clone's `origin` and names the repository from the workflow's GITHUB_REPOSITORY: nothing to set."
    })
  if (options['extends'] !== undefined) {
    const names = (Array.isArray(options['extends']) ? options['extends'] : [options['extends']]).map((n) => excerpt(String(n)))
    draft.notCarried.push({
      option: `extends (${names.join(', ')})`,
      why: `a shareable configuration is a package of code, which verso migrate does not load: copy the settings you rely on from it into ${label} and run verso migrate again.`
    })
  }
  for (const step of STEP_OPTIONS)
    if (options[step] !== undefined)
      draft.notCarried.push({
        option: step,
        why: 'a plugin step configured by hand: verso has no plugins; do what it did in a later step of the job, from the outputs `released`, `version`, `tag` and `notes`.'
      })
}

function readPlugins(raw: unknown, label: string, draft: Draft): PluginUse[] {
  if (raw === undefined) {
    draft.notes.push(`${label} lists no plugins, so semantic-release used its default ones: ${DEFAULT_PLUGINS.join(', ')}.`)
    return DEFAULT_PLUGINS.map((name) => ({ name, own: {} }))
  }
  const list = Array.isArray(raw) ? raw : [raw]
  const uses: PluginUse[] = []
  for (const entry of list) {
    if (typeof entry === 'string') uses.push({ name: entry, own: {} })
    else if (Array.isArray(entry) && typeof entry[0] === 'string' && (entry[1] === undefined || isRecord(entry[1])))
      uses.push({ name: entry[0], own: (entry[1] as Record<string, unknown> | undefined) ?? {} })
    else
      draft.notCarried.push({
        option: 'plugins',
        why: `an entry is neither a plugin's name nor [name, options] (${excerpt(JSON.stringify(entry) ?? String(entry))}).`
      })
  }
  return uses
}

const CHANNEL_WHY =
  "a channel is the npm dist-tag a branch publishes to; verso publishes no npm package, and a tag and a GitHub Release need no channel: a prerelease's GitHub Release is marked as a prerelease."

function mapBranches(raw: unknown, label: string, draft: Draft): void {
  const given = raw !== undefined && raw !== null
  const list = !given ? DEFAULT_BRANCHES : Array.isArray(raw) ? raw : [raw]
  const entries: BranchEntry[] = []
  const raws: RawBranchEntry[] = []
  for (const item of list) {
    const entry = readBranch(item, draft)
    if (entry === null) continue
    const rawEntry: RawBranchEntry =
      entry.range === null && entry.prerelease === null
        ? entry.name
        : {
            name: entry.name,
            ...(entry.range === null ? {} : { range: entry.range }),
            ...(entry.prerelease === null ? {} : { prerelease: entry.prerelease })
          }
    const problems = problemsWith({ branches: [rawEntry] })
    if (problems.length) {
      draft.notCarried.push({ option: `branches: ${excerpt(entry.name)}`, why: `verso does not accept it: ${problems.join(' ')}` })
      continue
    }
    entries.push(entry)
    raws.push(rawEntry)
  }
  if (!entries.length) return
  const problems = problemsWith({ branches: raws })
  if (problems.length) draft.notes.push(`verso does not accept the branches together: ${problems.join(' ')}`)
  draft.settings.push({
    kind: 'branches',
    entries,
    from: given
      ? `From ${label}: branches. The first entry that matches a branch decides what it releases.`
      : `semantic-release's default branches (${label} sets none). The first entry that matches a branch decides what it releases.`
  })
  if (entries.some((e) => e.prerelease !== null))
    draft.settings.push({
      kind: 'option',
      key: 'prerelease-start',
      value: '1',
      from: "semantic-release numbers a channel's prereleases from .1 (2.0.0-beta.1); verso's default is .0. A channel with tags goes on from the highest of them either way."
    })
  const stable = entries.filter((e) => e.range === null && e.prerelease === null && !/\.x$/.test(e.name))
  if (stable.length > 1)
    draft.notes.push(
      `semantic-release kept each release branch after the first (${stable
        .slice(1)
        .map((e) => e.name)
        .join(', ')}) above the versions of the ones before it; verso releases each stable line (${stable
        .map((e) => e.name)
        .join(', ')}) from its own last release. Keep only the ones you use, or make one a prerelease channel (\`prerelease: true\`).`
    )
}

function readBranch(item: unknown, draft: Draft): BranchEntry | null {
  if (typeof item === 'string') return branchEntry(item, null, null)
  if (!isRecord(item) || typeof item['name'] !== 'string' || item['name'].trim() === '') {
    draft.notCarried.push({
      option: 'branches',
      why: `an entry is neither a branch name nor an object with a \`name\` (${excerpt(JSON.stringify(item) ?? String(item))}).`
    })
    return null
  }
  const name = item['name']
  for (const key of Object.keys(item)) {
    if (key === 'channel') draft.notCarried.push({ option: `branches: ${excerpt(name)} (channel)`, why: CHANNEL_WHY })
    else if (!['name', 'range', 'prerelease'].includes(key))
      draft.notCarried.push({
        option: `branches: ${excerpt(name)} (${excerpt(key)})`,
        why: 'not a branch option semantic-release documents.'
      })
  }
  const range = item['range']
  if (range !== undefined && typeof range !== 'string') {
    draft.notCarried.push({ option: `branches: ${excerpt(name)} (range)`, why: 'a range must be text such as `1.x` or `>=1.2.0 <1.5.0`.' })
    return null
  }
  const prerelease = readPrerelease(item['prerelease'])
  if (typeof prerelease === 'object' && prerelease !== null) {
    draft.notCarried.push({ option: `branches: ${excerpt(name)} (prerelease)`, why: prerelease.why })
    return null
  }
  return branchEntry(name, range ?? null, prerelease)
}

function readPrerelease(value: unknown): string | null | { why: string } {
  if (value === undefined || value === false) return null
  if (value === true) return 'true'
  if (typeof value === 'string' && !/\$\{|<%/.test(value)) return value
  if (typeof value === 'string')
    return {
      why:
        `a template (${excerpt(value)}): verso's channel is an id, or \`true\` for the last part of the branch's name ` +
        '(`release/beta` → beta): write one of those under the branch in .github/verso.yml.'
    }
  return { why: 'must be true or a prerelease id such as `rc`.' }
}

function branchEntry(name: string, range: string | null, prerelease: string | null): BranchEntry {
  if (name === MAINTENANCE_GLOB)
    return { name: '*.x', range, prerelease, from: `${MAINTENANCE_GLOB}: maintenance lines such as 1.x and 1.2.x` }
  return { name, range, prerelease, from: null }
}

function mapTagFormat(raw: unknown, label: string, draft: Draft): void {
  if (raw === undefined) {
    draft.settings.push({
      kind: 'default',
      key: 'tag-prefix',
      value: 'v',
      from: `semantic-release's default tagFormat, v\${version} (${label} sets none).`
    })
    return
  }
  const format = typeof raw === 'string' ? raw.replace(/<%=\s*version\s*%>/g, '${version}') : null
  const at = format?.indexOf('${version}') ?? -1
  if (format === null || at === -1 || at !== format.length - '${version}'.length || /\$\{|<%/.test(format.slice(0, at))) {
    draft.notCarried.push({
      option: `tagFormat: ${excerpt(String(raw))}`,
      why: 'a verso release tag is the tag prefix followed by the version, so the version must come last and the rest must be plain text (e.g. `v${version}`, `release-${version}`).'
    })
    return
  }
  const prefix = format.slice(0, at)
  const problems = problemsWith({ 'tag-prefix': prefix })
  if (problems.length) {
    draft.notCarried.push({ option: `tagFormat: ${excerpt(format)}`, why: `verso does not accept the prefix: ${problems.join(' ')}` })
    return
  }
  const from = `From ${label}: tagFormat ${format}.`
  draft.settings.push(
    prefix === 'v' ? { kind: 'default', key: 'tag-prefix', value: 'v', from } : { kind: 'option', key: 'tag-prefix', value: prefix, from }
  )
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
