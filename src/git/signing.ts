import { execFile } from 'node:child_process'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { VersoError } from '../errors.js'
import { GitError, type Git } from './git.js'

/** `sign`: how release tags and the release commit are signed. */
export type SignKind = 'none' | 'ssh' | 'gpg'

/** A signing key ready for git: its private part lives in a folder of its own until the run is over. */
export type Signing =
  | { readonly kind: 'none' }
  /** git signs through ssh-keygen with the private key in this file (gpg.format=ssh). */
  | { readonly kind: 'ssh'; readonly keyFile: string }
  /** git signs through gpg, with the key imported into this GNUPGHOME. */
  | { readonly kind: 'gpg'; readonly home: string; readonly fingerprint: string }

export const NO_SIGNING: Signing = { kind: 'none' }

/** What git is run with to sign: `-c` options before the command, and the environment. */
export interface GitSigning {
  readonly config: readonly string[]
  readonly env: Readonly<Record<string, string>>
}

/**
 * The options that make git sign with this key and no other. Unsigned means unsigned even
 * where the runner's configuration asks for signing: a key configured on the machine is
 * not verso's to use.
 */
export function gitSigning(signing: Signing): GitSigning {
  switch (signing.kind) {
    case 'none':
      return { config: ['-c', 'tag.gpgSign=false', '-c', 'commit.gpgSign=false'], env: {} }
    case 'ssh':
      return { config: ['-c', 'gpg.format=ssh', '-c', `user.signingKey=${signing.keyFile}`], env: {} }
    case 'gpg':
      return {
        config: ['-c', 'gpg.format=openpgp', '-c', 'gpg.program=gpg', '-c', `user.signingKey=${signing.fingerprint}`],
        env: { GNUPGHOME: signing.home }
      }
    default:
      return assertNever(signing)
  }
}

export interface SigningRequest {
  readonly kind: SignKind
  /** The private key's text (a secret), or null when none was given. */
  readonly key: string | null
  /** Where the key's temporary folder goes; by default RUNNER_TEMP on a runner, else the system's. */
  readonly tempRoot?: string
  readonly log: (line: string) => void
}

/**
 * Runs `use` with the key ready for git, and removes every trace of it afterwards, whether
 * `use` succeeded or not. The key is written only into a new folder outside the repository
 * that only this user can read, and it is proved by signing a throwaway object before
 * `use` runs: a key git cannot sign with stops the run before anything is tagged.
 */
export async function withSigning<T>(git: Git, request: SigningRequest, use: (signing: Signing) => Promise<T>): Promise<T> {
  if (request.kind === 'none') return use(NO_SIGNING)
  const key = normalizeKey(request.key ?? '')
  if (key === '\n') throw missingKey(request.kind)
  checkKeyKind(request.kind, key)
  const dir = await mkdtemp(join(request.tempRoot ?? (process.env.RUNNER_TEMP || tmpdir()), 'verso-signing-'))
  try {
    await chmod(dir, 0o700)
    const signing = request.kind === 'ssh' ? await prepareSsh(dir, key, request.log) : await prepareGpg(dir, key, request.log)
    await probe(git, signing)
    return await use(signing)
  } finally {
    // The agent gpg started for this home holds the key too, until it is stopped.
    if (request.kind === 'gpg') await run('gpgconf', ['--homedir', dir, '--kill', 'gpg-agent']).catch(() => {})
    await rm(dir, { recursive: true, force: true })
  }
}

/** A secret pasted into a settings page may have lost its last newline or gained carriage returns: tools want neither. */
function normalizeKey(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').trim()}\n`
}

function missingKey(kind: Exclude<SignKind, 'none'>): VersoError {
  return new VersoError(
    'EINVALIDCONFIG',
    `\`sign: ${kind}\` needs the private key in \`signing-key\`, and none was given: nothing was tagged.`,
    {
      hint:
        'Store the key as a repository secret and pass it: `signing-key: ${{ secrets.RELEASE_SIGNING_KEY }}` ' +
        '(for the command line, set VERSO_SIGNING_KEY); or set `sign: none`.'
    }
  )
}

/** A key of the wrong kind is told apart before any tool is asked, with what to give instead. */
function checkKeyKind(kind: Exclude<SignKind, 'none'>, key: string): void {
  const wrong = (what: string, hint: string) =>
    new VersoError('EINVALIDCONFIG', `\`signing-key\` is ${what}, and \`sign: ${kind}\` needs ${wanted[kind]}: nothing was tagged.`, {
      hint
    })
  const wanted = { ssh: 'an OpenSSH private key', gpg: 'an ASCII-armoured OpenPGP secret key' }
  if (/^(ssh-|ecdsa-|sk-)\S+ AAAA/.test(key) || key.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----'))
    throw wrong(
      'a public key',
      'Give the private key (the file without `.pub`, or `gpg --armor --export-secret-keys`); the public key goes to GitHub.'
    )
  if (kind === 'ssh' && key.startsWith('-----BEGIN PGP '))
    throw wrong('an OpenPGP key', 'Set `sign: gpg` for an OpenPGP key, or give an SSH key made with `ssh-keygen -t ed25519`.')
  if (kind === 'gpg' && !key.startsWith('-----BEGIN PGP PRIVATE KEY BLOCK-----'))
    throw wrong(
      'not an ASCII-armoured OpenPGP secret key',
      'Export it with `gpg --armor --export-secret-keys <fingerprint>`, or set `sign: ssh` for an SSH key.'
    )
}

async function prepareSsh(dir: string, key: string, log: (line: string) => void): Promise<Signing> {
  const keyFile = join(dir, 'key')
  await writeFile(keyFile, key, { mode: 0o600, flag: 'wx' })
  // An empty passphrase makes a protected key fail at once, where ssh-keygen would otherwise ask for one.
  const derived = await run('ssh-keygen', ['-y', '-P', '', '-f', keyFile])
  if (derived.code === 'missing') throw missingTool('ssh-keygen', 'ssh', 'Install OpenSSH 8.2 or later (the ssh client package).')
  if (derived.code !== 0) {
    throw new VersoError(
      'EINVALIDCONFIG',
      `\`signing-key\` is not an OpenSSH private key without a passphrase that ssh-keygen can read (${describeToolError(derived.stderr, keyFile)}): nothing was tagged.`,
      {
        hint: "Make one with `ssh-keygen -t ed25519 -N '' -f release-key` and store the whole of `release-key`, both marker lines included, as the secret."
      }
    )
  }
  const publicFile = join(dir, 'key.pub')
  await writeFile(publicFile, derived.stdout, { mode: 0o600, flag: 'wx' })
  const fingerprint = await run('ssh-keygen', ['-l', '-f', publicFile])
  if (fingerprint.code === 0) log(`Signing with the SSH key ${fingerprint.stdout.trim().split(' ').slice(1).join(' ')}.`)
  return { kind: 'ssh', keyFile }
}

async function prepareGpg(home: string, key: string, log: (line: string) => void): Promise<Signing> {
  // Git runs gpg without a terminal: never wait for a passphrase that cannot be typed.
  await writeFile(join(home, 'gpg.conf'), 'batch\nno-tty\npinentry-mode loopback\n', { mode: 0o600 })
  const gpg = (args: readonly string[], input?: string) => run('gpg', ['--homedir', home, ...args], input)
  const imported = await gpg(['--import'], key)
  if (imported.code === 'missing')
    throw missingTool('gpg', 'gpg', 'Install GnuPG 2.1 or later, or sign with an SSH key (`sign: ssh`), which needs no GnuPG.')
  if (imported.code !== 0) {
    throw new VersoError(
      'EINVALIDCONFIG',
      `gpg could not import \`signing-key\` (${describeToolError(imported.stderr, home)}): nothing was tagged.`,
      { hint: 'Give the output of `gpg --armor --export-secret-keys <fingerprint>`, of a key without a passphrase.' }
    )
  }
  const listed = await gpg(['--with-colons', '--list-secret-keys'])
  const fingerprint = listed.code === 0 ? readFingerprint(listed.stdout) : null
  if (fingerprint === null) {
    throw new VersoError('EINVALIDCONFIG', '`signing-key` holds no OpenPGP secret key, only public ones: nothing was tagged.', {
      hint: 'Export the secret key: `gpg --armor --export-secret-keys <fingerprint>`.'
    })
  }
  log(`Signing with the OpenPGP key ${fingerprint}.`)
  return { kind: 'gpg', home, fingerprint }
}

/** The fingerprint of the first secret key gpg lists (its primary key: gpg picks the subkey that signs). */
export function readFingerprint(colons: string): string | null {
  const lines = colons.split('\n').map((line) => line.split(':'))
  const secret = lines.findIndex((fields) => fields[0] === 'sec')
  if (secret === -1) return null
  return lines.slice(secret + 1).find((fields) => fields[0] === 'fpr')?.[9] || null
}

/**
 * Signs a commit object that no ref will ever name, the way the release will be signed: a
 * key git cannot use (an old git, a tool that refuses it) fails here, before anything is pushed.
 */
async function probe(git: Git, signing: Signing): Promise<void> {
  const { config, env } = gitSigning(signing)
  const identity = {
    GIT_AUTHOR_NAME: 'verso',
    GIT_AUTHOR_EMAIL: 'verso@localhost',
    GIT_COMMITTER_NAME: 'verso',
    GIT_COMMITTER_EMAIL: 'verso@localhost'
  }
  try {
    const tree = (await git.run(['mktree'], { input: '' })).trim()
    await git.run([...config, 'commit-tree', '-S', '-m', 'verso: signing check', tree], { env: { ...env, ...identity } })
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    const where = signing.kind === 'ssh' ? signing.keyFile : signing.kind === 'gpg' ? signing.home : ''
    throw new VersoError(
      'EINVALIDCONFIG',
      `git could not sign with \`signing-key\` (${describeToolError(error.stderr, where)}): nothing was tagged.`,
      {
        hint:
          signing.kind === 'ssh'
            ? 'Signing with an SSH key needs git 2.34 or later and OpenSSH 8.2 or later on the runner, and a key without a passphrase.'
            : 'Give a key without a passphrase whose secret part can sign (`gpg --armor --export-secret-keys <fingerprint>`).'
      }
    )
  }
}

function missingTool(tool: string, kind: string, hint: string): VersoError {
  return new VersoError(
    'EINVALIDCONFIG',
    `\`sign: ${kind}\` needs ${tool}, which is not installed or not on the PATH: nothing was tagged.`,
    { hint }
  )
}

/** A tool's complaint on one line, without the temporary paths it names. */
function describeToolError(stderr: string, path: string): string {
  const text = (path ? stderr.split(path).join('the key') : stderr)
    .split('\n')
    .map((line) => line.replace(/^(fatal|error):\s*/i, '').trim())
    .filter(Boolean)
    .join(' ')
  return text.length > 300 ? `${text.slice(0, 299)}…` : text || 'no message'
}

type ToolResult = { readonly code: number | 'missing'; readonly stdout: string; readonly stderr: string }

function run(command: string, args: readonly string[], input?: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (!error) resolve({ code: 0, stdout, stderr })
      else if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr })
      else if (error.code === 'ENOENT') resolve({ code: 'missing', stdout, stderr })
      else reject(error)
    })
    // A tool that exits without reading what it was given must not fail the run for the pipe it closed.
    child.stdin?.on('error', () => {})
    child.stdin?.end(input)
  })
}

function assertNever(value: never): never {
  throw new Error(`gitSigning: unexpected signing ${JSON.stringify(value)}`)
}
