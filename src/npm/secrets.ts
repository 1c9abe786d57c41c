/** Why a file in a tarball looks like something that must not be published. */
export type SecretKind =
  /** `.env`, `.env.production`: environment files hold API keys. */
  | 'env-file'
  /** `*.pem`, `*.key`, `*.p12`, `*.pfx`: private keys and certificates with their keys. */
  | 'private-key'
  /** `id_rsa`, `id_ed25519`: an SSH key. */
  | 'ssh-key'
  /** `.npmrc`, `.git-credentials`, `.netrc`: files that hold tokens and passwords. */
  | 'credentials'

export interface SecretLookingFile {
  readonly path: string
  readonly kind: SecretKind
}

// Templates of an environment file are published on purpose.
const ENV_TEMPLATES = new Set(['example', 'sample', 'template', 'dist', 'defaults'])
const KEY_EXTENSIONS = ['.pem', '.key', '.p12', '.pfx', '.jks', '.keystore']
const SSH_KEYS = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk'])
const CREDENTIALS = new Set(['.npmrc', '.git-credentials', '.netrc', '_netrc', '.pypirc', 'credentials.json'])

/** The tarball's files that look like secrets, by their names alone: a warning to look, not a verdict. */
export function findSecretLookingFiles(paths: readonly string[]): SecretLookingFile[] {
  const found: SecretLookingFile[] = []
  for (const path of paths) {
    const kind = secretKind(path.slice(path.lastIndexOf('/') + 1).toLowerCase())
    if (kind) found.push({ path, kind })
  }
  return found
}

function secretKind(name: string): SecretKind | null {
  if (name === '.env' || (name.startsWith('.env.') && !ENV_TEMPLATES.has(name.slice('.env.'.length)))) return 'env-file'
  if (SSH_KEYS.has(name)) return 'ssh-key'
  if (CREDENTIALS.has(name)) return 'credentials'
  if (KEY_EXTENSIONS.some((ext) => name.endsWith(ext) && name.length > ext.length)) return 'private-key'
  return null
}
