import { matchesGlob, posix } from 'node:path'
import { excerpt } from '../errors.js'
import { problemsWith, type Draft, type Setting } from './draft.js'

/** A plugin as the configuration lists it, with the options given to it alone. */
export interface PluginUse {
  readonly name: string
  readonly own: Readonly<Record<string, unknown>>
}

export interface PluginContext {
  /** How messages name the configuration: `.releaserc.json`, `package.json#release`. */
  readonly label: string
  /** Top-level options that are not semantic-release's own: semantic-release passes them to every plugin. */
  readonly global: Readonly<Record<string, unknown>>
  /** package.json says `"private": true`: @semantic-release/npm does not publish it. */
  readonly private: boolean
}

const ANALYZER = '@semantic-release/commit-analyzer'
const NOTES = '@semantic-release/release-notes-generator'
const CHANGELOG = '@semantic-release/changelog'
const NPM = '@semantic-release/npm'
const GIT = '@semantic-release/git'
const GITHUB = '@semantic-release/github'
const EXEC = '@semantic-release/exec'

/** The options each plugin reads, so that a top-level option no plugin reads can be told apart. */
const PLUGIN_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  [ANALYZER]: ['preset', 'config', 'parserOpts', 'releaseRules', 'presetConfig'],
  [NOTES]: ['preset', 'config', 'parserOpts', 'writerOpts', 'presetConfig', 'linkCompare', 'linkReferences', 'host', 'commit', 'issue'],
  [CHANGELOG]: ['changelogFile', 'changelogTitle'],
  [NPM]: ['npmPublish', 'pkgRoot', 'tarballDir'],
  [GIT]: ['assets', 'message'],
  [GITHUB]: [
    'githubUrl',
    'githubApiPathPrefix',
    'githubApiUrl',
    'proxy',
    'assets',
    'successComment',
    'successCommentCondition',
    'failComment',
    'failCommentCondition',
    'failTitle',
    'labels',
    'assignees',
    'releasedLabels',
    'addReleases',
    'draftRelease',
    'releaseNameTemplate',
    'releaseBodyTemplate',
    'discussionCategoryName'
  ],
  [EXEC]: ['shell', 'execCwd']
}

const NOTES_WHY =
  'verso writes its own release notes, grouped as Breaking changes, Features, Bug fixes, Performance and Reverts, with links to commits and issues: they take no template or preset.'

const GITHUB_WHYS: Readonly<Record<string, string>> = {
  assets:
    'verso uploads no files to the GitHub Release: upload them in a later step when `steps.verso.outputs.released` is true, e.g. `gh release upload ${{ steps.verso.outputs.tag }} <files>`.',
  successComment: 'verso comments on no issue or pull request after a release; the release notes link them.',
  successCommentCondition: 'verso comments on no issue or pull request after a release.',
  failComment: 'verso opens no issue when a release fails: the failed run and its job summary say why.',
  failCommentCondition: 'verso opens no issue when a release fails.',
  failTitle: 'verso opens no issue when a release fails.',
  labels: 'verso opens no issue when a release fails.',
  assignees: 'verso opens no issue when a release fails.',
  releasedLabels: 'verso labels no issue or pull request.',
  addReleases: "verso does not add links to other releases to a release's notes.",
  discussionCategoryName: 'verso starts no GitHub Discussion for a release.',
  releaseBodyTemplate: NOTES_WHY,
  githubUrl: 'verso reads the API address from the runner (GITHUB_API_URL, GitHub Enterprise Server included): nothing to set.',
  githubApiUrl: 'verso reads the API address from the runner (GITHUB_API_URL, GitHub Enterprise Server included): nothing to set.',
  githubApiPathPrefix: 'verso reads the API address from the runner (GITHUB_API_URL, GitHub Enterprise Server included): nothing to set.',
  proxy: 'verso has no proxy setting of its own.'
}

const DEFAULT_GIT_ASSETS = ['CHANGELOG.md', 'package.json', 'package-lock.json', 'npm-shrinkwrap.json']

/**
 * Carries the plugins over: the commit analyzer's rules, the changelog, the files the release
 * commit holds, the GitHub Release's settings; every other plugin is listed as not carried,
 * with what to do instead.
 */
export function mapPlugins(plugins: readonly PluginUse[], context: PluginContext, draft: Draft): void {
  const options = (use: PluginUse): Readonly<Record<string, unknown>> => ({ ...context.global, ...use.own })
  const find = (name: string) => plugins.find((p) => p.name === name)
  const settings: Setting[] = []
  const label = context.label

  const analyzer = find(ANALYZER)
  if (analyzer) mapAnalyzer(options(analyzer), label, draft, settings)
  const notes = find(NOTES)
  // A top-level presetConfig is reported with the analyzer's options already.
  if (notes)
    for (const key of ['writerOpts', 'presetConfig', 'linkCompare', 'linkReferences', 'host'])
      if (notes.own[key] !== undefined || (context.global[key] !== undefined && !(key === 'presetConfig' && analyzer)))
        draft.notCarried.push({ option: `${NOTES} ${key}`, why: NOTES_WHY })

  const changelog = find(CHANGELOG)
  const changelogOptions = changelog ? options(changelog) : {}
  const changelogFile = changelog ? normalize(text(changelogOptions['changelogFile']) ?? 'CHANGELOG.md') : null
  if (changelog && changelogOptions['changelogTitle'] !== undefined)
    draft.notCarried.push({
      option: `${CHANGELOG} changelogTitle`,
      why: 'verso keeps the changelog under Keep a Changelog headings and takes no title of its own; edit the top of the file once by hand.'
    })

  const npm = find(NPM)
  const npmOptions = npm ? options(npm) : {}
  const manifest = npm ? normalize(posix.join(text(npmOptions['pkgRoot']) ?? '.', 'package.json')) : null
  if (npm && npmOptions['npmPublish'] !== false && !context.private)
    draft.notCarried.push({
      option: NPM,
      why:
        'publishing to npm: verso tags and publishes the GitHub Release, but does not publish packages yet. Publish in a later step, ' +
        "`if: steps.verso.outputs.released == 'true'`: `npm version --no-git-tag-version ${{ steps.verso.outputs.version }}` " +
        '(unless version-files already wrote it), then `npm publish` with NODE_AUTH_TOKEN.'
    })

  if (npm && text(npmOptions['tarballDir']) !== null)
    draft.notCarried.push({
      option: `${NPM} tarballDir`,
      why: "verso packs no tarball: run `npm pack` in a later step, `if: steps.verso.outputs.released == 'true'`."
    })

  const git = find(GIT)
  const { versionFiles, changelogCommitted } = git
    ? readGitAssets(options(git), changelogFile, manifest, draft)
    : { versionFiles: [], changelogCommitted: false }
  if (changelogFile !== null) {
    settings.push({ kind: 'option', key: 'changelog-file', value: changelogFile, from: `From ${label}: ${CHANGELOG} changelogFile.` })
    if (!changelogCommitted)
      draft.notes.push(
        `semantic-release wrote ${changelogFile} without committing it (no ${GIT} asset names it); verso commits it with each release. Leave changelog-file out to keep no changelog.`
      )
  }
  if (versionFiles.length)
    settings.push({
      kind: 'option',
      key: 'version-files',
      value: versionFiles,
      from: `From ${label}: ${NPM} writes the version into ${versionFiles.join(', ')} and ${GIT} commits it.`
    })
  else if (manifest !== null)
    draft.notes.push(
      `semantic-release wrote the version into ${manifest} for publishing without committing it; verso writes files only to commit them. ` +
        'A publish step can set it with `npm version --no-git-tag-version ${{ steps.verso.outputs.version }}`.'
    )
  if (versionFiles.length || changelogFile !== null)
    draft.notes.push(
      'With version-files or changelog-file, verso pushes a release commit to the branch before tagging it: the token needs `contents: write`, and a protected branch must let it push.'
    )

  const github = find(GITHUB)
  if (github) mapGithub(options(github), github.own, context, draft, settings)
  else
    draft.notes.push(
      `semantic-release published no GitHub Release (${GITHUB} is not among the plugins); verso publishes one for each release (\`draft: true\` makes them drafts).`
    )

  listOthers(plugins, context, draft)
  draft.settings.push(...settings)
}

/**
 * The files git's release commit held, as verso writes them: the changelog and the manifest
 * npm wrote are carried over; any other asset is not, since verso commits only what it writes.
 */
function readGitAssets(
  gitOptions: Readonly<Record<string, unknown>>,
  changelogFile: string | null,
  manifest: string | null,
  draft: Draft
): { versionFiles: string[]; changelogCommitted: boolean } {
  const versionFiles: string[] = []
  let changelogCommitted = false
  const given = gitOptions['assets']
  const assets =
    given === undefined || given === null
      ? DEFAULT_GIT_ASSETS
      : given === false
        ? []
        : (Array.isArray(given) ? given : [given]).map(assetPath)
  for (const asset of assets) {
    if (asset === null) {
      draft.notCarried.push({ option: `${GIT} assets`, why: 'an asset is neither a path nor an object with a `path`.' })
      continue
    }
    const path = normalize(asset)
    const isDefault = given === undefined || given === null
    const coversChangelog = changelogFile !== null && (path === changelogFile || matchesGlob(changelogFile, path))
    const coversManifest = manifest !== null && (path === manifest || matchesGlob(manifest, path))
    if (coversChangelog) changelogCommitted = true
    if (coversManifest && !versionFiles.includes(manifest)) versionFiles.push(manifest)
    const exact = path === changelogFile || path === manifest
    if (exact || (isDefault && !coversChangelog && !coversManifest)) continue
    if (posix.basename(path) === 'package-lock.json' && manifest !== null) continue
    if (coversChangelog || coversManifest) {
      draft.notCarried.push({
        option: `${GIT} assets: ${excerpt(path)}`,
        why: `verso commits ${[changelogFile, manifest].filter((f) => f !== null && matchesGlob(f, path)).join(' and ')} from it (changelog-file, version-files), and no other file it matched.`
      })
      continue
    }
    draft.notCarried.push({
      option: `${GIT} assets: ${excerpt(path)}`,
      why:
        'verso commits only the files of version-files and changelog-file, and writes nothing else: a file built or written by a command ' +
        '(@semantic-release/exec, a build) is not committed. If it holds the version, add it to version-files (`path:/regex/` or `path:$.json.path`).'
    })
  }
  if (gitOptions['message'] !== undefined)
    draft.notCarried.push({
      option: `${GIT} message`,
      why: "verso's release commit is `chore(release): <tags>`, by git-user-name and git-user-email; its message takes no template."
    })
  return { versionFiles, changelogCommitted }
}

/** The plugins and options verso has nothing for: exec, other plugins, options nothing reads. */
function listOthers(plugins: readonly PluginUse[], context: PluginContext, draft: Draft): void {
  for (const plugin of plugins) {
    if (plugin.name === EXEC) {
      const steps = Object.keys(plugin.own).filter((key) => key.endsWith('Cmd'))
      draft.notCarried.push({
        option: `${EXEC}${steps.length ? ` (${steps.join(', ')})` : ''}`,
        why:
          "verso runs no shell commands. Run them as later steps of the job, `if: steps.verso.outputs.released == 'true'`, " +
          'with `${{ steps.verso.outputs.version }}` for `${nextRelease.version}` and `${{ steps.verso.outputs.notes }}` for the notes.'
      })
    } else if (!(plugin.name in PLUGIN_OPTIONS))
      draft.notCarried.push({
        option: excerpt(plugin.name),
        why: /gitlab|gitea|bitbucket/i.test(plugin.name)
          ? 'verso releases on GitHub only.'
          : 'verso has no plugins: do what it did in a later step of the job, from the outputs `released`, `version`, `tag` and `notes`.'
      })
    else
      for (const key of Object.keys(plugin.own))
        if (!PLUGIN_OPTIONS[plugin.name]!.includes(key))
          draft.notCarried.push({ option: `${plugin.name} ${excerpt(key)}`, why: 'not an option this plugin documents.' })
  }
  const read = new Set(plugins.flatMap((p) => PLUGIN_OPTIONS[p.name] ?? []))
  const exec = plugins.some((p) => p.name === EXEC)
  for (const key of Object.keys(context.global))
    if (!read.has(key) && !(exec && key.endsWith('Cmd')))
      draft.notCarried.push({
        option: excerpt(key),
        why: 'neither a semantic-release option nor one its listed plugins read: nothing used it.'
      })
}

function mapAnalyzer(options: Readonly<Record<string, unknown>>, label: string, draft: Draft, settings: Setting[]): void {
  const preset = text(options['preset']) ?? 'angular'
  if (preset === 'angular')
    draft.notes.push(
      "semantic-release's angular preset does not read `type!:` as a breaking change; verso reads Conventional Commits 1.0, where it is one: a commit such as `feat!: drop x` now releases a major."
    )
  else if (preset !== 'conventionalcommits')
    draft.notes.push(
      `${ANALYZER} used the ${excerpt(preset)} preset; verso reads Conventional Commits only, so commits in that convention are listed as not conventional and release nothing.`
    )
  for (const key of ['config', 'parserOpts'])
    if (options[key] !== undefined)
      draft.notCarried.push({
        option: `${ANALYZER} ${key}`,
        why: 'verso reads commits as Conventional Commits 1.0 write them: `type(scope)!: subject` and the `BREAKING CHANGE:` (or `BREAKING-CHANGE:`) footer; its parser takes no options.'
      })
  if (options['presetConfig'] !== undefined) draft.notCarried.push({ option: `${ANALYZER} presetConfig`, why: NOTES_WHY })
  const rules = options['releaseRules']
  if (rules === undefined) return
  if (!Array.isArray(rules)) {
    draft.notCarried.push({
      option: `${ANALYZER} releaseRules`,
      why: 'a module path: verso migrate does not load code. List the rules in the configuration instead, as objects.'
    })
    return
  }
  const lines: string[] = []
  let breakingRule = false
  for (const rule of rules) {
    const mapped = mapRule(rule)
    if (mapped.kind === 'line') {
      const problems = problemsWith({ 'release-rules': mapped.line })
      if (problems.length) draft.notCarried.push({ option: `${ANALYZER} releaseRules ${describe(rule)}`, why: problems.join(' ') })
      else lines.push(mapped.line)
    } else if (mapped.kind === 'same') {
      breakingRule ||= mapped.breaking
      draft.notes.push(`The release rule ${describe(rule)} is what verso does anyway: ${mapped.why}`)
    } else {
      breakingRule ||= mapped.breaking
      draft.notCarried.push({ option: `${ANALYZER} releaseRules ${describe(rule)}`, why: mapped.why })
    }
  }
  if (!breakingRule && lines.length)
    draft.notes.push(
      'semantic-release gave a commit that one of these rules matched that rule’s release even when it was a breaking change (a breaking `docs!:` commit with a `docs` rule released a patch); verso releases every breaking change as a major.'
    )
  const lower = lines.filter((line) => {
    const m = /^(\w+)\(([^)]+)\): (\w+)$/.exec(line)
    const general = m && lines.find((l) => l.startsWith(`${m[1]}: `))
    return m && general && RANK[m[3]!]! < RANK[general.split(': ')[1]!]!
  })
  if (lower.length)
    draft.notes.push(
      `semantic-release gives a commit the highest release of the rules that match it; verso lets a rule with a scope win over its type's rule, so ${lower.join(', ')} now lowers that type's release for that scope.`
    )
  if (lines.length) settings.push({ kind: 'option', key: 'release-rules', value: lines, from: `From ${label}: ${ANALYZER} releaseRules.` })
}

const RANK: Readonly<Record<string, number>> = { none: 0, patch: 1, minor: 2, major: 3 }

type MappedRule =
  | { readonly kind: 'line'; readonly line: string }
  | { readonly kind: 'same'; readonly why: string; readonly breaking: boolean }
  | { readonly kind: 'not-carried'; readonly why: string; readonly breaking: boolean }

function mapRule(rule: unknown): MappedRule {
  const notCarried = (why: string, breaking = false): MappedRule => ({ kind: 'not-carried', why, breaking })
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule))
    return notCarried('a rule must be an object such as `{ type: "docs", release: "patch" }`.')
  const { release, ...match } = rule as Record<string, unknown>
  const bump = release === false || release === null ? 'none' : typeof release === 'string' && release in RANK ? release : null
  if (bump === null) return notCarried('its release must be major, minor, patch or false.')
  const keys = Object.keys(match)
  if (match['breaking'] === true && keys.length === 1)
    return bump === 'major'
      ? {
          kind: 'same',
          why: 'a breaking change releases a major (a minor while the major is 0, with major-zero-breaking: minor).',
          breaking: true
        }
      : notCarried(
          'verso releases every breaking change as a major (held to a minor while the major is 0 only by major-zero-breaking: minor).',
          true
        )
  if (match['revert'] === true && keys.length === 1)
    return bump === 'patch'
      ? {
          kind: 'same',
          why: 'a revert of a commit released earlier is a patch (a revert of a commit in the same release cancels both).',
          breaking: false
        }
      : notCarried(
          'verso releases a revert of a released commit as a patch, and a revert within one release as nothing; rules do not change that.'
        )
  const other = keys.filter((k) => k !== 'type' && k !== 'scope')
  if (other.length)
    return notCarried(
      `verso's rules match a commit's type and scope, not its ${other.map((k) => excerpt(k)).join(', ')}.`,
      match['breaking'] === true
    )
  const type = match['type']
  const scope = match['scope']
  if (typeof type !== 'string')
    return notCarried('verso’s rules start with a commit type: `type(scope): release`; a rule by scope alone has no equivalent.')
  if (scope !== undefined && typeof scope !== 'string') return notCarried('a scope must be text.')
  if ([type, scope ?? ''].some((s) => /[*?[\]{}()!|+@]|^\/.*\/$/.test(s)))
    return notCarried('a glob or a regular expression: verso matches types and scopes exactly; write one rule for each.')
  return { kind: 'line', line: `${type}${scope === undefined ? '' : `(${scope})`}: ${bump}` }
}

function mapGithub(
  options: Readonly<Record<string, unknown>>,
  own: Readonly<Record<string, unknown>>,
  context: PluginContext,
  draft: Draft,
  settings: Setting[]
): void {
  for (const [key, why] of Object.entries(GITHUB_WHYS)) {
    const value = options[key]
    // `false` turns a comment, label or issue off: verso has none to turn off.
    if (value === undefined || value === false) continue
    // A top-level `assets` is passed to the github plugin too: it uploads them as well.
    const where = key in own ? '' : ' (top-level, so it reaches this plugin too)'
    draft.notCarried.push({ option: `${GITHUB} ${key}${where}`, why })
  }
  if (options['draftRelease'] === true)
    settings.push({ kind: 'option', key: 'draft', value: 'true', from: `From ${context.label}: ${GITHUB} draftRelease.` })
  const template = options['releaseNameTemplate']
  if (template === undefined) return
  const name =
    typeof template === 'string'
      ? template
          .replace(/\$\{\s*nextRelease\.(?:gitTag|name)\s*\}|<%=\s*nextRelease\.(?:gitTag|name)\s*%>/g, '{tag}')
          .replace(/\$\{\s*nextRelease\.version\s*\}|<%=\s*nextRelease\.version\s*%>/g, '{version}')
      : null
  if (name === null || /\$\{|<%/.test(name)) {
    draft.notCarried.push({
      option: `${GITHUB} releaseNameTemplate`,
      why: "verso's release-name knows `{tag}` and `{version}` only (for `${nextRelease.gitTag}` and `${nextRelease.version}`)."
    })
    return
  }
  const from = `From ${context.label}: ${GITHUB} releaseNameTemplate.`
  settings.push(
    name === '{tag}'
      ? { kind: 'default', key: 'release-name', value: name, from }
      : { kind: 'option', key: 'release-name', value: name, from }
  )
}

function describe(rule: unknown): string {
  return excerpt(JSON.stringify(rule) ?? String(rule))
}

function assetPath(asset: unknown): string | null {
  if (typeof asset === 'string') return asset
  if (typeof asset === 'object' && asset !== null && typeof (asset as { path?: unknown }).path === 'string')
    return (asset as { path: string }).path
  return null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function normalize(path: string): string {
  return posix.normalize(path).replace(/^\.\//, '')
}
