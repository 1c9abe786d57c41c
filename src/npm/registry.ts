import { VersoError } from '../errors.js'
import { parseJson, readNpmFailure, type Npm, type NpmResult } from './npm.js'

/*
 * What verso asks npm, one function a command. Each passes the registry itself, so that
 * every question and every publish goes to the one registry the plan names, whatever
 * npm's configuration would choose for that command.
 */

/**
 * The flags that send npm to the registry for this package. npm takes a scope's registry
 * (`@acme:registry` in an .npmrc) over `--registry` for a scoped name, so a scoped name
 * gets its scope's setting too.
 */
export function registryArgs(name: string, registry: string): string[] {
  const scope = scopeOf(name)
  return ['--registry', registry, ...(scope ? [`--${scope}:registry=${registry}`] : [])]
}

/** `@acme` of `@acme/web`, or null for a name without a scope. */
export function scopeOf(name: string): string | null {
  return /^(@[^/]+)\//.exec(name)?.[1] ?? null
}

/** A package as the registry has it: its versions and its dist-tags. */
export interface RegistryPackage {
  readonly versions: readonly string[]
  readonly distTags: Readonly<Record<string, string>>
}

/** One version as the registry has it: the commit it was published from, and its tarball's hash. */
export interface PublishedVersion {
  readonly gitHead: string | null
  readonly integrity: string | null
}

/** A tarball as `npm pack --json` describes it. */
export interface Tarball {
  readonly filename: string
  /** Bytes, packed and unpacked. */
  readonly size: number
  readonly unpackedSize: number
  readonly integrity: string | null
  readonly files: readonly { readonly path: string; readonly size: number }[]
}

/**
 * The registry npm would use for the package, from its configuration (`.npmrc` files, the
 * environment): the scope's registry for a scoped name, else the default one.
 */
export async function readConfiguredRegistry(npm: Npm, cwd: string, name: string): Promise<string> {
  const scope = scopeOf(name)
  if (scope) {
    const scoped = await configValue(npm, cwd, `${scope}:registry`)
    if (scoped) return scoped
  }
  const registry = await configValue(npm, cwd, 'registry')
  return registry ?? 'https://registry.npmjs.org/'
}

async function configValue(npm: Npm, cwd: string, key: string): Promise<string | null> {
  const result = await npm.run(['config', 'get', key], { cwd })
  if (result.code !== 0) throw npmError(result, `npm config get ${key}`)
  const value = result.stdout.trim()
  return value === '' || value === 'undefined' || value === 'null' ? null : value
}

/** The package's versions and dist-tags, or null when the registry has no such package. */
export async function viewPackage(npm: Npm, cwd: string, name: string, registry: string): Promise<RegistryPackage | null> {
  const result = await npm.run(['view', name, 'versions', 'dist-tags', '--json', ...registryArgs(name, registry)], { cwd })
  if (result.code !== 0) {
    if (readNpmFailure(result).code === 'E404') return null
    throw npmError(result, `npm view ${name}`, registry)
  }
  const data = parseJson(result.stdout)
  if (!isRecord(data)) throw unreadable(`npm view ${name}`, registry)
  const versions = data['versions']
  const tags = data['dist-tags']
  return {
    versions: typeof versions === 'string' ? [versions] : Array.isArray(versions) ? versions.filter((v) => typeof v === 'string') : [],
    distTags: isRecord(tags) ? Object.fromEntries(Object.entries(tags).filter((e): e is [string, string] => typeof e[1] === 'string')) : {}
  }
}

/** The version as published, or null when the registry does not have it. */
export async function viewVersion(
  npm: Npm,
  cwd: string,
  name: string,
  version: string,
  registry: string
): Promise<PublishedVersion | null> {
  const result = await npm.run(
    ['view', `${name}@${version}`, 'version', 'gitHead', 'dist.integrity', '--json', ...registryArgs(name, registry)],
    {
      cwd
    }
  )
  if (result.code !== 0) {
    if (readNpmFailure(result).code === 'E404') return null
    throw npmError(result, `npm view ${name}@${version}`, registry)
  }
  const data = parseJson(result.stdout)
  // A spec that matches no version prints nothing at all.
  if (data === null) return null
  // One field found prints its value alone; `version` is always there, so that is the version.
  if (!isRecord(data)) return { gitHead: null, integrity: null }
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null)
  return { gitHead: text('gitHead'), integrity: text('dist.integrity') }
}

/**
 * What `npm publish` would put in the tarball, without packing it or asking the registry:
 * `npm pack --dry-run`. The package's own scripts do not run (a dry run runs no code of the
 * package), so files a `prepack` script builds are not listed.
 */
export async function previewTarball(npm: Npm, cwd: string, dir: string): Promise<Tarball> {
  const result = await npm.run(['pack', dir, '--dry-run', '--json', '--ignore-scripts'], { cwd })
  if (result.code !== 0) throw npmError(result, 'npm pack --dry-run')
  const data = parseJson(result.stdout)
  const first: unknown = Array.isArray(data) ? data[0] : isRecord(data) ? Object.values(data)[0] : undefined
  if (!isRecord(first)) throw unreadable('npm pack --dry-run', null)
  const number = (key: string) => (typeof first[key] === 'number' ? (first[key] as number) : 0)
  const files = Array.isArray(first['files']) ? first['files'] : []
  return {
    filename: typeof first['filename'] === 'string' ? first['filename'] : '',
    size: number('size'),
    unpackedSize: number('unpackedSize'),
    integrity: typeof first['integrity'] === 'string' ? first['integrity'] : null,
    files: files.filter(isRecord).map((f) => ({ path: String(f['path'] ?? ''), size: typeof f['size'] === 'number' ? f['size'] : 0 }))
  }
}

export interface PublishOptions {
  /** The package's name, whose scope's registry npm would otherwise take. */
  readonly name: string
  readonly registry: string
  readonly distTag: string
  readonly provenance: boolean
}

/** `npm publish <dir>`: the folder itself, so that npm records the commit it is published from (`gitHead`). */
export async function publishFolder(npm: Npm, cwd: string, dir: string, options: PublishOptions): Promise<void> {
  const args = ['publish', dir, '--json', '--tag', options.distTag, ...registryArgs(options.name, options.registry)]
  if (options.provenance) args.push('--provenance')
  const result = await npm.run(args, { cwd })
  if (result.code !== 0) throw npmError(result, 'npm publish', options.registry)
}

/** `npm dist-tag add`: points the tag at the version; the version itself is left as it is. */
export async function addDistTag(
  npm: Npm,
  cwd: string,
  spec: { name: string; version: string; tag: string; registry: string }
): Promise<void> {
  const result = await npm.run(['dist-tag', 'add', `${spec.name}@${spec.version}`, spec.tag, ...registryArgs(spec.name, spec.registry)], {
    cwd
  })
  if (result.code !== 0) throw npmError(result, `npm dist-tag add ${spec.name}@${spec.version} ${spec.tag}`, spec.registry)
}

/** npm's own version (`11.5.1`), or null when it cannot say. */
export async function readNpmVersion(npm: Npm, cwd: string): Promise<string | null> {
  const result = await npm.run(['--version'], { cwd })
  const version = result.stdout.trim()
  return result.code === 0 && /^\d+\.\d+\.\d+/.test(version) ? version : null
}

/** A failed npm command as a VersoError that says what to do about it, by npm's error code. */
export function npmError(result: NpmResult, what: string, registry: string | null = null): VersoError {
  const failure = readNpmFailure(result)
  const where = registry ? ` (${registry})` : ''
  const said = `${what} failed${where}: ${failure.summary}${failure.code ? ` [${failure.code}]` : ''}`
  return new VersoError('ENPM', said, { hint: hintFor(failure.code) })
}

function hintFor(code: string | null): string {
  switch (code) {
    case 'ENEEDAUTH':
    case 'E401':
      return (
        'The registry wants a login: set NODE_AUTH_TOKEN (or NPM_TOKEN) from a secret, or give the job `permissions: id-token: write` ' +
        "and make the workflow the package's trusted publisher on npmjs.com."
      )
    case 'E403':
      return "The token may not publish this package (or the version exists already): check its scope and the package's access, then run again."
    case 'E402':
      return 'A scoped package is private by default: add `"publishConfig": { "access": "public" }` to its package.json.'
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EAI_AGAIN':
      return 'The registry could not be reached. Run again when it answers: a re-run publishes only what is missing.'
    default:
      return 'Run again once the cause is fixed: a re-run publishes only what is missing.'
  }
}

function unreadable(what: string, registry: string | null): VersoError {
  return new VersoError('ENPM', `${what} gave an answer verso cannot read${registry ? ` (${registry})` : ''}.`, {
    hint: 'Check that npm is npm 9 or later and that the registry is an npm registry.'
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
