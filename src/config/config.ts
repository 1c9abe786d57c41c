import { isBump, type Bump } from '../commits/bump.js'
import { BRANCH_NAME_ID, resolveBranchPolicy, type BranchPolicy, type RawBranchEntry } from './branches.js'
import { packageTagPrefix, readPackageSpecs, type PackageSpec, type RawPackages } from './packages.js'
import { parseVersionFileRules, type VersionFileRule } from '../files/version-files.js'
import { parseReleaseRules, type ReleaseRule } from '../commits/rules.js'
import { excerpt, VersoError } from '../errors.js'
import type { FetchHistory } from '../git/history.js'
import type { SignKind } from '../git/signing.js'
import { parseCalverFormat } from '../versions/calver/format.js'
import type { CalverFormatOrigin } from '../versions/calver/reasons.js'
import { isTimeZone } from '../versions/calver/time-zone.js'
import { readPep440Stage } from '../versions/pep440.js'
import type { Scheme } from '../versions/scheme.js'
import { isPrereleaseId, parseSemver } from '../versions/semver.js'

/** Everything a run is told, validated once. */
export interface Config {
  readonly tagPrefix: string
  /** SemVer (with its first version and 0.y.z rule) or a CalVer format. */
  readonly scheme: Scheme
  readonly releaseRules: readonly ReleaseRule[]
  /** Prerelease channel id (`rc`), or null for stable releases. */
  readonly prerelease: string | null
  /** The number of a channel's first prerelease of a version: 0 (`1.3.0-rc.0`) or 1 (`1.3.0-rc.1`). */
  readonly prereleaseStart: 0 | 1
  /** A bump forced by the user; 'auto' lets the commits decide; 'post' makes a PEP 440 post-release of the last release. */
  readonly bump: Exclude<Bump, 'none'> | 'post' | 'auto'
  readonly strict: boolean
  readonly fetchHistory: FetchHistory
  /** The release-image check, or null when no `schemas` are configured. */
  readonly image: ImageConfig | null
  readonly release: ReleaseConfig
  readonly check: CheckConfig
  readonly artifacts: ArtifactConfig
  /** `mode: rollback`: the version to make the latest release again. */
  readonly rollbackTo: string | null
  /** A monorepo's packages, each with its own configuration; null for a single-package repository. */
  readonly packages: Packages | null
  /** Where a release is published besides git and GitHub: the npm registry, or nowhere. */
  readonly publish: PublishConfig
}

/** `publish`, `registry` and `provenance`: each release published to npm once, after its tag is pushed. */
export interface PublishConfig {
  readonly to: 'none' | 'npm'
  /** The registry's URL, or null: the package's `publishConfig.registry`, else npm's own configuration (`.npmrc`). */
  readonly registry: string | null
  /** Ask npm for a provenance statement, where the runner and the registry can give one. */
  readonly provenance: boolean
}

/** The packages of a monorepo: versioned and released each on its own, from one pass over history. */
export interface Packages {
  /** Listed in `packages:`, or found in the workspaces `packages: auto` read. */
  readonly source: 'list' | 'npm' | 'yarn' | 'pnpm'
  readonly list: readonly PackageConfig[]
  /** Workspace folders `packages: auto` left out, and why. */
  readonly skipped: readonly { readonly path: string; readonly why: string }[]
  /** Groups that release one version, the highest of their members' (`linked:`). */
  readonly linked: readonly (readonly string[])[]
}

export interface PackageConfig {
  readonly spec: PackageSpec
  /** The package's own settings over the top level's; its tag prefix is its tag format's. */
  readonly config: Config
}

/** How the `version` output is written for builds: tags stay plain whatever is chosen. */
export interface ArtifactConfig {
  /** SemVer build metadata on `version`: none, the commit (`+sha.4f2a9c1`), or the run and the commit. */
  readonly buildMetadata: 'none' | 'sha' | 'run'
  /** When nothing is released, `version` is a prerelease that sorts between the last release and the next. */
  readonly snapshots: boolean
}

/** What a pull-request check validates and how it reports. */
export interface CheckConfig {
  readonly validate: 'title' | 'commits' | 'both'
  /**
   * squash: the title is the commit that lands, so it decides; commits only warn. At release,
   * a squash commit whose title is not a Conventional Commit counts as the commits it lists.
   */
  readonly mergeStyle: 'merge' | 'squash' | 'rebase'
  /** warn: validation problems are reported but do not fail the check. */
  readonly validateMode: 'fail' | 'warn'
  /** Allowed commit types; empty: the Conventional Commits / Angular list. */
  readonly types: readonly string[]
  readonly comment: boolean
}

export type Mode = 'auto' | 'plan' | 'release' | 'check' | 'rollback'

/** How a release is carried out. */
export interface ReleaseConfig {
  readonly mode: Mode
  /** Report what would be done, and do nothing. */
  readonly dryRun: boolean
  /** Which branches release, and what each releases. */
  readonly policy: BranchPolicy
  readonly tagger: { readonly name: string; readonly email: string }
  readonly draft: boolean
  /** The release title; `{tag}` and `{version}` are replaced. */
  readonly name: string
  readonly floatingTags: 'none' | 'major' | 'major-minor'
  readonly dispatch: readonly string[]
  /** Version files and the changelog, committed before the tag; null: verso never commits. */
  readonly files: ReleaseFiles | null
  /** How release tags and the release commit are signed; the key is a secret, never part of the configuration. */
  readonly sign: SignKind
  /**
   * push: a push to a release branch tags it. pull-request: it opens or updates a release pull
   * request instead, whose diff is the release commit; merging that pull request releases.
   */
  readonly via: 'push' | 'pull-request'
  /** A monorepo's release pull requests: one naming every package (together), or one a package. */
  readonly pullRequests: 'together' | 'per-package'
  /**
   * How the release commit and tag reach GitHub: `git` pushes them; `api` writes them through
   * GitHub's REST API, so that GitHub signs the commit as the token's account.
   */
  readonly commitVia: 'git' | 'api'
}

/** What a release writes and commits: `version-files` and `changelog-file`. */
export interface ReleaseFiles {
  readonly rules: readonly VersionFileRule[]
  /** The changelog's path (in a monorepo, inside each package's folder), or null. */
  readonly changelog: string | null
}

export interface ImageConfig {
  /** Globs of JSON Schema files (relative to the repository). */
  readonly schemas: readonly string[]
  readonly file: string
  /** No image at the last release: create it, or fail (for CI that must not bootstrap). */
  readonly bootstrap: 'create' | 'fail'
  /** Schema changes that need a larger bump than the commits declare: block, or raise the bump. */
  readonly bump: 'block' | 'escalate'
}

/**
 * The option names: action inputs, CLI flags (`--tag-prefix`) and `.github/verso.yml` keys
 * are one vocabulary. action.yml declares the same names (a test keeps them equal).
 */
export const OPTION_NAMES = [
  'scheme',
  'calver-format',
  'calver-bump',
  'calver-date',
  'calver-timezone',
  'calver-counter-start',
  'calver-final',
  'version-style',
  'tag-prefix',
  'initial-version',
  'release-rules',
  'major-zero-breaking',
  'prerelease',
  'prerelease-start',
  'bump',
  'strict',
  'fetch-history',
  'working-directory',
  'config-file',
  'schemas',
  'image-file',
  'image-bootstrap',
  'image-bump',
  'mode',
  'dry-run',
  'release-branches',
  'prerelease-branches',
  'rollback-to',
  'build-metadata',
  'snapshot-versions',
  'git-user-name',
  'git-user-email',
  'draft',
  'release-name',
  'floating-tags',
  'dispatch-workflows',
  'version-files',
  'changelog-file',
  'sign',
  'release-via',
  'release-pull-requests',
  'commit-via',
  'validate',
  'merge-style',
  'validate-mode',
  'types',
  'comment',
  'publish',
  'registry',
  'provenance'
] as const
export type OptionName = (typeof OPTION_NAMES)[number]

/**
 * Options as given: a string (or a list, or a boolean, from YAML) or absent; and the config
 * file's `branches`, the one setting that is a list of mappings.
 */
export type RawOptions = Partial<Record<OptionName, string | boolean | readonly string[]>> & {
  readonly branches?: readonly RawBranchEntry[]
  readonly packages?: RawPackages
  /** Groups of packages that release one version together. */
  readonly linked?: readonly (readonly string[])[]
  /** Where the packages came from, when the file's `packages: auto` was read from workspaces. */
  readonly packagesSource?: { readonly kind: 'npm' | 'yarn' | 'pnpm'; readonly skipped: readonly { path: string; why: string }[] }
  /** Where the file's `calver-format` came from when the repository's files gave it (bumpver's `version_pattern`). */
  readonly calverFormatOrigin?: CalverFormatOrigin
}

export const DEFAULT_CONFIG_FILE = '.github/verso.yml'

export const DEFAULTS: Readonly<Record<OptionName, string>> = {
  scheme: 'semver',
  'calver-format': '',
  'calver-bump': 'calendar',
  'calver-date': 'release',
  'calver-timezone': 'UTC',
  'calver-counter-start': '0',
  'calver-final': 'release-period',
  'version-style': 'semver',
  'tag-prefix': 'v',
  'initial-version': '0.1.0',
  'release-rules': '',
  'major-zero-breaking': 'minor',
  prerelease: '',
  'prerelease-start': '0',
  bump: 'auto',
  strict: 'false',
  'fetch-history': 'auto',
  'working-directory': '.',
  'config-file': DEFAULT_CONFIG_FILE,
  schemas: '',
  'image-file': '.release-image',
  'image-bootstrap': 'create',
  'image-bump': 'block',
  mode: 'auto',
  'dry-run': 'false',
  'release-branches': '',
  'prerelease-branches': '',
  'rollback-to': '',
  'build-metadata': 'none',
  'snapshot-versions': 'false',
  'git-user-name': 'github-actions[bot]',
  'git-user-email': '41898282+github-actions[bot]@users.noreply.github.com',
  draft: 'false',
  'release-name': '{tag}',
  'floating-tags': 'none',
  'dispatch-workflows': '',
  'version-files': '',
  'changelog-file': '',
  sign: 'none',
  'release-via': 'push',
  'release-pull-requests': 'together',
  'commit-via': 'git',
  validate: 'both',
  'merge-style': 'merge',
  'validate-mode': 'fail',
  types: '',
  comment: 'true',
  publish: 'none',
  registry: '',
  provenance: 'false'
}

/**
 * Merges the config file under what was given explicitly, then validates everything,
 * listing every problem at once.
 */
export function resolveConfig(given: RawOptions, file: RawOptions = {}): Config {
  const problems: string[] = []
  const value = (name: OptionName): string => {
    const raw = given[name] ?? file[name] ?? DEFAULTS[name]
    return Array.isArray(raw) ? raw.join('\n') : String(raw)
  }
  const oneOf = <T extends string>(name: OptionName, allowed: readonly T[]): T => {
    const v = value(name).trim()
    if ((allowed as readonly string[]).includes(v)) return v as T
    problems.push(`\`${name}: ${v}\` must be one of: ${allowed.join(', ')}.`)
    return allowed[0]!
  }
  const bool = (name: OptionName): boolean => {
    const v = value(name).trim().toLowerCase()
    if (v === 'true' || v === 'false') return v === 'true'
    problems.push(`\`${name}: ${v}\` must be true or false.`)
    return false
  }

  const tagPrefix = value('tag-prefix')
  if (/[\s~^:?*[\\]|\.\.|@\{/.test(tagPrefix) || tagPrefix.startsWith('-') || tagPrefix.startsWith('/')) {
    problems.push(
      `\`tag-prefix: ${tagPrefix}\` cannot start a git tag name (no spaces, \`~^:?*[\\\`, \`..\` or \`@{\`; not starting with \`-\` or \`/\`).`
    )
  }
  // A prefix that ends in a digit or a dot runs into the version: `1.0` and `1.2.3` make 1.01.2.3.
  else if (/[0-9.]$/.test(tagPrefix)) {
    problems.push(
      `\`tag-prefix: ${tagPrefix}\` ends in ${tagPrefix.endsWith('.') ? 'a dot' : 'a digit'}, so no version could be told from it in a tag ` +
        `(${tagPrefix}1.2.3). End it with a letter, \`-\`, \`_\` or \`/\` (e.g. \`v\`, \`release-\`), or set \`tag-prefix: ''\`.`
    )
  }
  const initialText = value('initial-version').trim()
  const initialVersion = parseSemver(initialText)
  if (!initialVersion) problems.push(`\`initial-version: ${initialText}\` is not a SemVer version such as 0.1.0 or 1.0.0 (no \`v\`).`)
  else if (initialVersion.prerelease.length || initialVersion.build.length) {
    problems.push(
      `\`initial-version: ${initialText}\` must be a release version such as 1.0.0; for a first prerelease, set \`prerelease\` (e.g. rc gives 1.0.0-rc.0).`
    )
  }

  const rules = parseReleaseRules(value('release-rules'))
  for (const error of rules.errors) problems.push(error)

  const style = oneOf('version-style', ['semver', 'pep440'] as const)
  // PEP 440 names its own prerelease stages: a channel is released as one (beta as b), checked once, here.
  const toStage = (id: string, where: string): string => {
    const stage = style === 'pep440' ? readPep440Stage(id) : id
    if (stage === null)
      problems.push(`${where}: the channel \`${id}\` has no PEP 440 spelling (version-style: pep440): name it alpha, beta, rc or dev.`)
    return stage ?? id
  }
  const channel = value('prerelease').trim()
  if (channel && !isPrereleaseId(channel)) {
    problems.push(`\`prerelease: ${channel}\` must be a SemVer prerelease id: letters, digits and \`-\`, not only digits (e.g. rc, beta).`)
  }
  const prerelease = channel && toStage(channel, `\`prerelease: ${channel}\``)
  const bump = value('bump').trim()
  // Short forms given as inputs or flags replace the file's whole policy, as any input replaces its key.
  const shortFormsGiven = given['release-branches'] !== undefined || given['prerelease-branches'] !== undefined
  const resolvedPolicy = resolveBranchPolicy(
    {
      branches: shortFormsGiven ? undefined : (given.branches ?? file.branches),
      releaseBranches: list('release-branches'),
      prereleaseBranches: list('prerelease-branches')
    },
    problems
  )
  const policy: BranchPolicy =
    style === 'pep440' && resolvedPolicy.kind === 'rules'
      ? {
          ...resolvedPolicy,
          rules: resolvedPolicy.rules.map((rule) =>
            rule.prerelease === null || rule.prerelease === BRANCH_NAME_ID
              ? rule
              : { ...rule, prerelease: toStage(rule.prerelease, `\`branches\` (${rule.pattern})`) }
          )
        }
      : resolvedPolicy
  const rollbackTo = value('rollback-to').trim()
  if (bump !== 'auto' && bump !== 'post' && (!isBump(bump) || bump === 'none'))
    problems.push(`\`bump: ${bump}\` must be auto, major, minor, patch or post.`)
  if (bump === 'post' && style !== 'pep440')
    problems.push('`bump: post` makes a PEP 440 post-release (1.4.0.post1, 24.1.post1): set `version-style: pep440`.')

  const config: Config = {
    tagPrefix,
    scheme: resolveScheme(),
    releaseRules: rules.rules,
    prerelease: prerelease || null,
    prereleaseStart: oneOf('prerelease-start', ['0', '1'] as const) === '1' ? 1 : 0,
    bump: bump === 'major' || bump === 'minor' || bump === 'patch' || bump === 'post' ? bump : 'auto',
    strict: bool('strict'),
    fetchHistory: oneOf('fetch-history', ['auto', 'full', 'never'] as const),
    image: resolveImage(),
    release: {
      mode: oneOf('mode', ['auto', 'plan', 'release', 'check', 'rollback'] as const),
      dryRun: bool('dry-run'),
      policy,
      tagger: { name: value('git-user-name').trim(), email: value('git-user-email').trim() },
      draft: bool('draft'),
      name: value('release-name').trim() || '{tag}',
      floatingTags: oneOf('floating-tags', ['none', 'major', 'major-minor'] as const),
      // GitHub names a workflow by its file name; a path to it is accepted too.
      dispatch: list('dispatch-workflows').map((w) => w.replace(/^\.?\/?\.github\/workflows\//, '')),
      files: resolveFiles(),
      sign: oneOf('sign', ['none', 'ssh', 'gpg'] as const),
      via: resolveVia(),
      pullRequests: oneOf('release-pull-requests', ['together', 'per-package'] as const),
      commitVia: oneOf('commit-via', ['git', 'api'] as const)
    },
    check: {
      validate: oneOf('validate', ['both', 'title', 'commits'] as const),
      mergeStyle: oneOf('merge-style', ['merge', 'squash', 'rebase'] as const),
      validateMode: oneOf('validate-mode', ['fail', 'warn'] as const),
      types: list('types').map((t) => t.toLowerCase()),
      comment: bool('comment')
    },
    artifacts: {
      buildMetadata: oneOf('build-metadata', ['none', 'sha', 'run'] as const),
      snapshots: bool('snapshot-versions')
    },
    rollbackTo: rollbackTo || null,
    packages: null,
    publish: {
      to: oneOf('publish', ['none', 'npm'] as const),
      registry: resolveRegistry(),
      provenance: bool('provenance')
    }
  }
  if (config.release.mode === 'rollback' && !rollbackTo)
    problems.push('`mode: rollback` needs `rollback-to`: the version to make the latest release again, e.g. `rollback-to: 2.0.3`.')
  // Any other mode would release instead of rolling back: never what `rollback-to` asks for.
  if (rollbackTo && config.release.mode !== 'rollback')
    problems.push(
      `\`rollback-to: ${rollbackTo}\` is set, but \`mode\` is ${config.release.mode}: set \`mode: rollback\` to roll back, or remove rollback-to.`
    )
  if (config.scheme.kind === 'calver' && policy.kind === 'rules') {
    for (const rule of policy.rules)
      if (rule.range !== null)
        problems.push(
          `\`branches\` (${rule.pattern}): \`range: ${rule.range}\` is a SemVer range, and \`scheme\` is calver: remove the range.`
        )
  }
  for (const type of list('types'))
    if (!/^\w+$/.test(type)) problems.push(`\`types\`: \`${type}\` is not a commit type (letters, digits, \`_\`).`)
  if (!/^[^<>\n]+$/.test(value('git-user-name').trim())) problems.push('`git-user-name` must be a name on one line, without `<` or `>`.')
  if (!isEmail(value('git-user-email').trim())) problems.push(`\`git-user-email: ${value('git-user-email')}\` is not an e-mail address.`)
  function list(name: OptionName): string[] {
    return splitList(value(name))
      .map((item) => item.trim())
      .filter(Boolean)
  }

  function resolveFiles(): ReleaseFiles | null {
    const parsed = parseVersionFileRules(list('version-files'))
    problems.push(...parsed.problems)
    const changelog = value('changelog-file').trim().replace(/^\.\//, '')
    if (changelog && (changelog.startsWith('/') || changelog.split('/').includes('..') || changelog.endsWith('/')))
      problems.push(`\`changelog-file: ${changelog}\` must be a file inside the repository, e.g. \`CHANGELOG.md\`.`)
    return parsed.rules.length || changelog ? { rules: parsed.rules, changelog: changelog || null } : null
  }

  function resolveVia(): 'push' | 'pull-request' {
    const via = oneOf('release-via', ['push', 'pull-request'] as const)
    // A release pull request's diff is the release commit: without files to write it would be empty.
    if (via === 'pull-request' && list('version-files').length === 0 && !value('changelog-file').trim())
      problems.push(
        '`release-via: pull-request` opens a pull request whose diff is the release commit: set `version-files` (package.json) or `changelog-file` (CHANGELOG.md), or leave `release-via` at push.'
      )
    return via
  }

  function resolveRegistry(): string | null {
    const text = value('registry').trim()
    if (!text) return null
    const url = URL.canParse(text) ? new URL(text) : null
    // A token belongs in NODE_AUTH_TOKEN, never in a setting that is printed: such a value is not quoted back.
    if (url && (url.username || url.password)) {
      problems.push('`registry` has credentials in its address: give the address alone, and the token as NODE_AUTH_TOKEN.')
      return null
    }
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
      problems.push(`\`registry: ${excerpt(text)}\` must be a registry's address, such as \`https://registry.npmjs.org/\`.`)
      return null
    }
    return url.href.endsWith('/') ? url.href : `${url.href}/`
  }

  function resolveImage(): ImageConfig | null {
    const schemas = list('schemas').map((glob) => glob.replace(/^\.\//, ''))
    const file = value('image-file').trim()
    const bootstrap = oneOf('image-bootstrap', ['create', 'fail'] as const)
    const bump = oneOf('image-bump', ['block', 'escalate'] as const)
    for (const glob of schemas) {
      if (glob.startsWith('/') || glob.split('/').includes('..'))
        problems.push(`\`schemas: ${glob}\` must be a glob relative to the repository, e.g. \`schemas/**/*.json\`.`)
    }
    if (!file || file.startsWith('/') || file.split('/').includes('..'))
      problems.push(`\`image-file: ${file}\` must be a path inside the repository, e.g. \`.release-image\`.`)
    return schemas.length ? { schemas, file, bootstrap, bump } : null
  }

  function resolveScheme(): Scheme {
    const kind = oneOf('scheme', ['semver', 'calver'] as const)
    const format = value('calver-format').trim()
    if (kind === 'semver') {
      if (format)
        problems.push(`\`calver-format: ${format}\` is set, but \`scheme\` is semver: add \`scheme: calver\`, or remove calver-format.`)
      return {
        kind,
        initialVersion: initialVersion ?? parseSemver('0.1.0')!,
        majorZeroBreaking: oneOf('major-zero-breaking', ['minor', 'major'] as const),
        style
      }
    }
    const counters = oneOf('calver-bump', ['calendar', 'commits'] as const)
    const date = oneOf('calver-date', ['release', 'major'] as const)
    const final = oneOf('calver-final', ['release-period', 'prerelease-period'] as const)
    if (!format) {
      problems.push(
        '`scheme: calver` needs a `calver-format`, e.g. `YYYY.0M.MICRO` (see the README for every token), ' +
          "or bumpver's `version_pattern` in bumpver.toml, pyproject.toml or setup.cfg."
      )
      return { kind: 'semver', initialVersion: parseSemver('0.1.0')!, majorZeroBreaking: 'minor', style }
    }
    try {
      const timeZone = value('calver-timezone').trim() || 'UTC'
      if (!isTimeZone(timeZone))
        problems.push(
          `\`calver-timezone: ${timeZone}\` is not a time zone: write an IANA name such as \`Europe/Berlin\` or \`America/New_York\`, or \`UTC\`.`
        )
      const counterStart = oneOf('calver-counter-start', ['0', '1'] as const) === '1' ? 1 : 0
      const origin = given['calver-format'] === undefined ? (file.calverFormatOrigin ?? null) : null
      return {
        kind,
        format: parseCalverFormat(format, style),
        counters,
        date,
        timeZone: isTimeZone(timeZone) ? timeZone : 'UTC',
        counterStart,
        final,
        origin
      }
    } catch (error) {
      if (!(error instanceof VersoError)) throw error
      problems.push(
        error.details.length
          ? `\`calver-format: ${format}\`: ${error.details.join('; ')}`
          : `\`calver-format: ${format}\`: ${error.message}`
      )
      return { kind: 'semver', initialVersion: parseSemver('0.1.0')!, majorZeroBreaking: 'minor', style }
    }
  }

  const packages = resolvePackages(given, file, config.tagPrefix, problems)
  if (problems.length) {
    throw new VersoError('EINVALIDCONFIG', `The configuration has ${problems.length} problem(s):`, {
      details: problems,
      hint: 'Fix them in the workflow inputs, the command-line flags or .github/verso.yml.'
    })
  }
  return packages ? { ...config, packages } : config
}

/**
 * Each package's configuration: its own settings over the top level's, in the place of
 * explicit options (a package's setting is the most specific there is), and its tag prefix
 * from its tag format.
 */
function resolvePackages(given: RawOptions, file: RawOptions, tagPrefix: string, problems: string[]): Packages | null {
  const raw = given.packages ?? file.packages
  if (raw === undefined) return null
  if (raw === 'auto') {
    problems.push("`packages: auto` is read from the repository's workspaces, which were not looked at here: list the packages instead.")
    return null
  }
  const specs = readPackageSpecs(raw, problems)
  const top = withoutPackages(given)
  const rest = withoutPackages(file)
  const packagesSource = file.packagesSource
  const list: PackageConfig[] = []
  for (const spec of specs) {
    try {
      const own = { ...top, ...spec.overrides, 'tag-prefix': packageTagPrefix(spec, tagPrefix) }
      list.push({ spec, config: resolveConfig(own, rest) })
    } catch (error) {
      if (!(error instanceof VersoError)) throw error
      for (const detail of error.details) problems.push(`package ${spec.name}: ${detail}`)
    }
  }
  // Two packages with one tag prefix would read each other's tags as their own releases.
  const byPrefix = new Map<string, string>()
  for (const { spec, config } of list) {
    const other = byPrefix.get(config.tagPrefix)
    if (other !== undefined && other !== spec.name)
      problems.push(
        `The packages \`${other}\` and \`${spec.name}\` both tag \`${config.tagPrefix}<version>\`: give each a \`tag-format\` with \`{name}\`.`
      )
    byPrefix.set(config.tagPrefix, spec.name)
  }
  const linked = file.linked ?? []
  const names = new Set(specs.map((s) => s.name))
  const grouped = new Set<string>()
  for (const group of linked) {
    if (group.length < 2) problems.push(`\`linked\`: a group needs two packages or more, not [${group.join(', ')}].`)
    for (const name of group) {
      if (!names.has(name)) problems.push(`\`linked\`: \`${name}\` is not a package; the packages are ${[...names].join(', ')}.`)
      else if (grouped.has(name)) problems.push(`\`linked\`: \`${name}\` is in two groups; a package is linked with one group.`)
      grouped.add(name)
    }
  }
  return { source: packagesSource?.kind ?? 'list', list, skipped: packagesSource?.skipped ?? [], linked }
}

/** The options a package's configuration starts from: everything but the packages themselves. */
function withoutPackages(options: RawOptions): RawOptions {
  const copy: { -readonly [K in keyof RawOptions]: RawOptions[K] } = { ...options }
  delete copy.packages
  delete copy.packagesSource
  delete copy.linked
  return copy
}

/**
 * One item per line, or comma-separated; a comma inside `{a,b}` belongs to a glob. That is
 * `split(/\n|,(?![^{]*\})/)`, a comma whose next brace closes one, read in one pass from the
 * end rather than looking ahead to the end from every comma.
 */
function splitList(text: string): string[] {
  const items: string[] = []
  let end = text.length
  let closes = false
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i)
    if (code === 0x7b) closes = false
    else if (code === 0x7d) closes = true
    else if (code === 0x0a || (code === 0x2c && !closes)) {
      items.push(text.slice(i + 1, end))
      end = i
    }
  }
  items.push(text.slice(0, end))
  return items.reverse()
}

/**
 * `^[^<>\s]+@[^<>\s]+$` without retrying from every `@`: no `<`, `>` or white space, and
 * an `@` with something on both sides of it.
 */
function isEmail(text: string): boolean {
  const at = text.indexOf('@', 1)
  return at !== -1 && at < text.length - 1 && !/[<>\s]/.test(text)
}

/** Which config file to read, given the explicit options. */
export function configFilePath(given: RawOptions): string {
  const v = given['config-file']
  return typeof v === 'string' && v ? v : DEFAULT_CONFIG_FILE
}

export function isOptionName(name: string): name is OptionName {
  return (OPTION_NAMES as readonly string[]).includes(name)
}

export function suggestOption(key: string): string {
  const close = nearestName(key, OPTION_NAMES)
  return close ? ` Did you mean \`${close}\`?` : ''
}

/**
 * The name within two edits of `word` ( `-`, `_` and case do not count), the nearest first:
 * what "did you mean" suggests for a key, a flag or a command.
 */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  const plain = (name: string) => name.replace(/[-_]/g, '').toLowerCase()
  const wanted = plain(word)
  // The start of one name only (`--dry` for `--dry-run`, `image stat`): that name.
  const started = wanted.length >= 3 ? names.filter((name) => plain(name).startsWith(wanted)) : []
  if (started.length === 1) return started[0]
  let best: { name: string; distance: number } | undefined
  for (const name of names) {
    // The distance is at least the difference in length: a long word is measured against nothing.
    const d = Math.abs(plain(name).length - wanted.length) > 2 ? 3 : distance(plain(name), wanted)
    if (d <= 2 && (!best || d < best.distance)) best = { name, distance: d }
  }
  return best?.name
}

/** Edit distance, for "did you mean": small words, so the plain dynamic programme will do. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}
