import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

/** How npm proves who publishes: a token, npm's trusted publishing (OIDC), or whatever npm is configured with. */
export type NpmAuth =
  /** `variable`: where the token was found (NODE_AUTH_TOKEN or NPM_TOKEN). */
  | { readonly kind: 'token'; readonly variable: 'NODE_AUTH_TOKEN' | 'NPM_TOKEN'; readonly token: string }
  /** No token, and the job may ask for an OIDC token: npm 11.5.1 and later publish as a trusted publisher. */
  | { readonly kind: 'trusted-publishing' }
  /** Neither: npm's own configuration (a login in ~/.npmrc) decides. */
  | { readonly kind: 'configured' }

// actions/setup-node sets NODE_AUTH_TOKEN to this when it is given none, so that its .npmrc parses.
const SETUP_NODE_PLACEHOLDER = 'XXXXX-XXXXX-XXXXX-XXXXX'

/** How this run authenticates to the registry, from its environment. */
export function readNpmAuth(env: NodeJS.ProcessEnv): NpmAuth {
  for (const variable of ['NODE_AUTH_TOKEN', 'NPM_TOKEN'] as const) {
    const token = env[variable]?.trim()
    if (token && token !== SETUP_NODE_PLACEHOLDER) return { kind: 'token', variable, token }
  }
  return env.ACTIONS_ID_TOKEN_REQUEST_URL ? { kind: 'trusted-publishing' } : { kind: 'configured' }
}

/**
 * The key npm reads a registry's token from: the registry's address without its protocol,
 * ending in `/` (`//npm.pkg.github.com/:_authToken`).
 */
export function authTokenKey(registry: string): string {
  const url = new URL(registry)
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
  return `//${url.host}${path}:_authToken`
}

/** The variable the temporary configuration names: the token itself is never written to a file. */
export const TOKEN_VARIABLE = 'VERSO_NPM_TOKEN'

/**
 * The temporary user configuration's text: the user's own configuration (so its scopes and
 * settings still hold), then one token line per registry. The lines name the token by a
 * variable npm expands as it reads them, so no file ever holds the token.
 */
export function renderUserconfig(existing: string | null, registries: readonly string[]): string {
  const lines = [...new Set(registries.map(authTokenKey))].map((key) => `${key}=\${${TOKEN_VARIABLE}}`)
  const before = existing === null || existing.trim() === '' ? '' : `${existing.replace(/\s*$/, '')}\n`
  return `${before}${lines.join('\n')}\n`
}

/** npm's environment for a run, and how to take back what was made for it. */
export interface NpmSession {
  readonly env: NodeJS.ProcessEnv
  /** Removes the temporary configuration; safe to call twice. */
  readonly dispose: () => Promise<void>
}

/**
 * With a token, a user configuration of its own in a temporary folder outside the
 * repository (the repository's `.npmrc` is never written), removed by `dispose`; without
 * one, npm's environment as it is.
 */
export async function openNpmSession(options: {
  readonly env: NodeJS.ProcessEnv
  readonly auth: NpmAuth
  readonly registries: readonly string[]
  /** Where the temporary folder goes: RUNNER_TEMP on a runner, else the system's. */
  readonly tempRoot?: string
}): Promise<NpmSession> {
  const { env, auth } = options
  if (auth.kind !== 'token') return { env, dispose: async () => {} }
  const dir = await mkdtemp(join(options.tempRoot ?? env.RUNNER_TEMP ?? tmpdir(), 'verso-npm-'))
  let disposed = false
  const dispose = async () => {
    if (disposed) return
    disposed = true
    await rm(dir, { recursive: true, force: true })
  }
  try {
    const path = join(dir, 'npmrc')
    const own = env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig ?? join(env.HOME ?? homedir(), '.npmrc')
    const existing = await readFile(own, 'utf8').catch(() => null)
    await writeFile(path, renderUserconfig(existing, options.registries), { mode: 0o600 })
    await chmod(path, 0o600)
    // npm takes the setting in either spelling: only this one may be left.
    const rest = Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_userconfig'))
    return { env: { ...rest, NPM_CONFIG_USERCONFIG: path, [TOKEN_VARIABLE]: auth.token }, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}
