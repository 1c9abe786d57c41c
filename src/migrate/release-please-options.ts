import { posix } from 'node:path'
import type { OptionName } from '../config/config.js'
import { excerpt } from '../errors.js'
import type { NotCarried } from './draft.js'

/*
 * One release-please package's options (its own over the top level's) as verso settings:
 * what decides its versions, its changelog and the files that carry its version. Which
 * options have no verso equivalent, and why, is a table here too.
 */

/** A release-please package's options, its own merged over the top level's. */
export type PackageOptions = Readonly<Record<string, unknown>>

/** A verso setting for a package, with where it came from. */
export interface PackageSetting {
  readonly key: OptionName
  readonly value: string | readonly string[]
  readonly from: string
  /** verso's default is the same: a comment only, at the top level. */
  readonly isDefault: boolean
}

const PULL_REQUEST_WHY = 'verso opens no release pull request: it releases on the push itself.'
const NOTES_WHY =
  'verso writes its own release notes and changelog entries (Keep a Changelog headings, links to commits and issues): they take no format options.'
const HISTORY_WHY = 'verso reads the history from git, not through the GitHub API: nothing to tune.'

/** release-please options verso has no equivalent for, and what to do instead. */
export const NOT_CARRIED_OPTIONS: Readonly<Record<string, string>> = {
  'prerelease-type':
    "verso's prereleases come from a branch (`branches` with `prerelease: rc`) or one run's `prerelease` input, and are numbered 1.3.0-rc.0, 1.3.0-rc.1.",
  'release-as': 'verso decides the version from the commits; force a bump for one run with the `bump` input (major, minor or patch).',
  'skip-github-release': 'verso publishes a GitHub Release with every release tag.',
  'force-tag-creation': 'verso always creates the release tag itself.',
  'draft-pull-request': PULL_REQUEST_WHY,
  label: PULL_REQUEST_WHY,
  'release-label': PULL_REQUEST_WHY,
  'extra-label': PULL_REQUEST_WHY,
  'pull-request-title-pattern': PULL_REQUEST_WHY,
  'pull-request-header': PULL_REQUEST_WHY,
  'pull-request-footer': PULL_REQUEST_WHY,
  'group-pull-request-title-pattern': PULL_REQUEST_WHY,
  'separate-pull-requests': PULL_REQUEST_WHY,
  'component-no-space': PULL_REQUEST_WHY,
  'always-update': PULL_REQUEST_WHY,
  signoff: PULL_REQUEST_WHY,
  'include-v-in-release-name': 'verso titles a GitHub Release with `release-name` (`{tag}` by default; `{version}` is the version alone).',
  'changelog-type': NOTES_WHY,
  'changelog-host': NOTES_WHY,
  'include-commit-authors': NOTES_WHY,
  'date-format': NOTES_WHY,
  'snapshot-label': 'Java SNAPSHOT releases: verso has `snapshot-versions` for builds between releases, and makes no snapshot commit.',
  'skip-snapshot': 'Java SNAPSHOT releases: verso makes no snapshot commit.',
  'exclude-paths': 'verso routes a commit to every package whose folder (or `paths`) holds a file it changes; it has no exclusions.',
  'bootstrap-sha': 'verso starts from the last release tag, or from the first commit with initial-version when there is none.',
  'last-release-sha': 'verso starts from the last release tag, or from the first commit with initial-version when there is none.',
  'release-search-depth': HISTORY_WHY,
  'commit-search-depth': HISTORY_WHY,
  'commit-batch-size': HISTORY_WHY,
  'sequential-calls': HISTORY_WHY,
  'always-link-local':
    'verso releases a dependent when a workspace package it depends on is released, and updates its range: there is nothing to set.'
}

/** Options read below, or by the tag and package readers. */
const READ_OPTIONS = [
  '$schema',
  'release-type',
  'bump-minor-pre-major',
  'bump-patch-for-minor-pre-major',
  'versioning',
  'prerelease',
  'changelog-path',
  'skip-changelog',
  'changelog-sections',
  'draft',
  'initial-version',
  'include-component-in-tag',
  'include-v-in-tag',
  'tag-separator',
  'package-name',
  'component',
  'extra-files',
  'version-file'
]

/** What one level of options (the top level, or a package's own) cannot carry over. */
export function notCarriedOptions(own: PackageOptions, where: string): NotCarried[] {
  const found: NotCarried[] = []
  const option = (key: string) => `${key}${where ? ` (${where})` : ''}`
  for (const [key, value] of Object.entries(own)) {
    if (key === 'packages' || key === 'plugins') continue
    if (key in NOT_CARRIED_OPTIONS) found.push({ option: option(key), why: NOT_CARRIED_OPTIONS[key]! })
    else if (key === 'bump-patch-for-minor-pre-major' && value === true)
      found.push({
        option: option(key),
        why: 'verso has no 0.y.z rule for features: a `feat` releases a minor (a `feat: patch` release rule would hold features to a patch after 1.0.0 too).'
      })
    else if (key === 'versioning' && value !== 'default')
      found.push({
        option: option(`versioning: ${excerpt(String(value))}`),
        why: 'verso bumps from the commits (feat → minor, fix and perf → patch, breaking → major); release-rules change what a type releases, `bump` forces one run.'
      })
    else if (key === 'prerelease' && value === true)
      found.push({
        option: option(key),
        why: 'release-please marked 0.y.z versions as prereleases on GitHub; verso marks only prerelease versions (1.3.0-rc.0) so.'
      })
    else if (!READ_OPTIONS.includes(key))
      found.push({ option: option(excerpt(key)), why: 'not a release-please option verso migrate knows.' })
  }
  return found
}

/** The settings that decide a package's versions and changelog, as verso writes them. */
export function packageSettings(options: PackageOptions, file: string): { settings: PackageSetting[]; notCarried: NotCarried[] } {
  const settings: PackageSetting[] = []
  const notCarried: NotCarried[] = []
  if (options['bump-minor-pre-major'] === true)
    settings.push({
      key: 'major-zero-breaking',
      value: 'minor',
      from: `From ${file}: bump-minor-pre-major: a breaking change on 0.y.z releases 0.(y+1).0.`,
      isDefault: true
    })
  else
    settings.push({
      key: 'major-zero-breaking',
      value: 'major',
      from:
        `${file} leaves bump-minor-pre-major false, so a breaking change on 0.y.z releases 1.0.0, as here.\n` +
        "Write `minor` (verso's default) to stay on 0.y.z until you choose 1.0.0.",
      isDefault: false
    })
  const initial = typeof options['initial-version'] === 'string' ? options['initial-version'] : null
  settings.push({
    key: 'initial-version',
    value: initial ?? '1.0.0',
    from: initial ? `From ${file}: initial-version.` : "release-please's first release is 1.0.0 (verso's default is 0.1.0).",
    isDefault: initial === '0.1.0'
  })
  const changelog = typeof options['changelog-path'] === 'string' ? options['changelog-path'].replace(/^\.\//, '') : 'CHANGELOG.md'
  if (options['skip-changelog'] === true)
    settings.push({ key: 'changelog-file', value: '', from: `From ${file}: skip-changelog.`, isDefault: true })
  else
    settings.push({
      key: 'changelog-file',
      value: changelog,
      from:
        options['changelog-path'] === undefined
          ? "release-please's changelog, CHANGELOG.md in the package's folder; verso commits it with each release."
          : `From ${file}: changelog-path; verso commits it with each release.`,
      isDefault: false
    })
  if (options['draft'] === true) settings.push({ key: 'draft', value: 'true', from: `From ${file}: draft.`, isDefault: false })
  const sections = options['changelog-sections']
  if (Array.isArray(sections)) {
    const rules: string[] = []
    for (const section of sections) {
      if (typeof section !== 'object' || section === null || typeof (section as { type?: unknown }).type !== 'string') continue
      const { type, hidden } = section as { type: string; hidden?: unknown }
      const counted = ['feat', 'feature', 'fix', 'perf', 'revert'].includes(type)
      if (hidden !== true && !counted && /^\w+$/.test(type)) rules.push(`${type}: patch`)
      else if (hidden === true && counted)
        notCarried.push({
          option: `changelog-sections: ${type} (hidden)`,
          why: `verso always releases \`${type}\` commits as Conventional Commits mean them; a \`${type}: none\` release rule would release nothing for them.`
        })
    }
    notCarried.push({ option: 'changelog-sections (headings)', why: NOTES_WHY })
    if (rules.length)
      settings.push({
        key: 'release-rules',
        value: rules,
        from: `From ${file}: changelog-sections. A type with a visible section released a patch.`,
        isDefault: false
      })
  }
  return { settings, notCarried }
}

/** The files a release writes the version into, as verso's `version-files` items, and what it cannot write. */
export async function versionFiles(
  options: PackageOptions,
  path: string,
  read: (path: string) => Promise<string | null>
): Promise<{ items: string[]; read: string[]; notCarried: NotCarried[]; notes: string[] }> {
  const at = (file: string) => (file.startsWith('/') ? posix.normalize(file.slice(1)) : posix.normalize(posix.join(path, file)))
  const where = path === '.' ? '' : ` (${path})`
  const type = typeof options['release-type'] === 'string' ? options['release-type'] : 'node'
  const items: string[] = []
  const readFiles: string[] = []
  const notCarried: NotCarried[] = []
  const notes: string[] = []
  const lineRule = async (file: string, test: RegExp, rule: string): Promise<boolean> => {
    const text = await read(at(file))
    if (text === null) return false
    readFiles.push(at(file))
    if (!test.test(text)) return false
    items.push(`${at(file)}:${rule}`)
    return true
  }
  switch (type) {
    case 'node':
      items.push(at('package.json'))
      break
    case 'simple':
      items.push(`${at(typeof options['version-file'] === 'string' ? options['version-file'] : 'version.txt')}:/^(.*)$/`)
      break
    case 'go':
      // release-please writes no file for Go: a module's version is its tag.
      break
    case 'python': {
      const found = [
        await lineRule('pyproject.toml', /^version = "[^"]+"/m, '/^version = "([^"]+)"/'),
        await lineRule('setup.cfg', /^version = \S+/m, '/^version = (\\S+)/'),
        await lineRule('setup.py', /version="[^"]+"/, '/version="([^"]+)"/')
      ]
      notes.push(
        `release-please's python updater also writes \`__version__\` in a package's __init__.py or version.py${where}; ` +
          'verso writes the files of version-files only: add those as `path:/__version__ = "([^"]+)"/`.'
      )
      if (!found.includes(true))
        notCarried.push({
          option: `release-type: python${where}`,
          why: 'no pyproject.toml, setup.cfg or setup.py with a plain `version` was found: add the file that holds the version to version-files as `path:/regex/`.'
        })
      break
    }
    case 'rust':
      if (!(await lineRule('Cargo.toml', /^version = "[^"]+"/m, '/^version = "([^"]+)"/')))
        notCarried.push({
          option: `release-type: rust${where}`,
          why: 'no Cargo.toml with a `version = "…"` line was found: add the file that holds the version to version-files as `path:/regex/`.'
        })
      else notes.push(`verso updates the version in ${at('Cargo.toml')} but not Cargo.lock; release-please's rust updater wrote both.`)
      break
    default:
      notCarried.push({
        option: `release-type: ${excerpt(type)}${where}`,
        why: `verso does not know where a ${excerpt(type)} project keeps its version: add each file to version-files as \`path:/regex/\` (the first capture group is the version) or \`path:$.json.path\`.`
      })
  }
  const extra = options['extra-files']
  for (const file of Array.isArray(extra) ? extra : []) {
    if (typeof file === 'object' && file !== null && (file as { type?: unknown }).type === 'json') {
      const { path: jsonFile, jsonpath } = file as { path?: unknown; jsonpath?: unknown }
      if (typeof jsonFile === 'string' && typeof jsonpath === 'string') {
        items.push(`${at(jsonFile)}:${jsonpath}`)
        continue
      }
    }
    const name =
      typeof file === 'string' ? file : typeof file === 'object' && file !== null ? String((file as { path?: unknown }).path) : String(file)
    notCarried.push({
      option: `extra-files: ${excerpt(name)}${where}`,
      why:
        typeof file === 'string'
          ? 'release-please updated the lines marked `x-release-please-version`; verso reads no markers: add the file to version-files as `path:/regex/` whose first group is the version.'
          : 'verso writes JSON values (`path:$.a.b`) and regex matches (`path:/regex/`), not YAML, TOML or XML paths: add it as `path:/regex/`.'
    })
  }
  return { items, read: readFiles, notCarried, notes }
}
