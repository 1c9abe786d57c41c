import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type RawOptions } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import { gitSigning, readFingerprint, withSigning } from '../../src/git/signing.js'
import { createGather } from '../../src/run/gather.js'
import { runRelease, type ReleaseRun } from '../../src/run/release.js'
import { connect } from '../github/connect.js'
import type { GitHubServer } from '../support/github-server.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const NOW = new Date('2024-02-20T12:00:00Z')
const EMAIL = 'bot@example.com'

function installed(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).error === undefined
}
const HAS_SSH_KEYGEN = installed('ssh-keygen', ['-?'])
const HAS_GPG = installed('gpg', ['--version'])
if (!HAS_SSH_KEYGEN) console.warn('ssh-keygen is not installed: the SSH signing tests are skipped.')
if (!HAS_GPG) console.warn('gpg is not installed: the OpenPGP signing tests are skipped.')

interface World {
  readonly r: TestRepo
  readonly origin: string
  readonly head: string
  /** The runner's temporary folder: where the key's folder goes, and must be gone from after a run. */
  readonly temp: string
}

/** Released as v1.2.3 with a package.json, then a feature and a fix, all of it on a bare origin. */
function world(): World {
  const r = repos()
  writeFileSync(join(r.dir, 'package.json'), '{\n  "name": "app",\n  "version": "1.2.3"\n}\n')
  r.git('add', 'package.json')
  r.commit('chore: init')
  r.tag('v1.2.3', { annotated: true })
  r.commits('fix: a', 'feat: b')
  const origin = r.addBareOrigin()
  const temp = join(r.root, 'runner-temp')
  mkdirSync(temp)
  return { r, origin, head: r.git('rev-parse', 'HEAD'), temp }
}

/** A key pair made as the README says, with its allowed-signers file for `git tag -v`. */
function sshKey(w: World, passphrase = ''): { key: string; publicKey: string; allowedSigners: string } {
  const file = join(w.r.root, 'release-key')
  execFileSync('ssh-keygen', ['-t', 'ed25519', '-N', passphrase, '-C', 'release', '-f', file, '-q'])
  const publicKey = readFileSync(`${file}.pub`, 'utf8').trim()
  const allowedSigners = join(w.r.root, 'allowed_signers')
  writeFileSync(allowedSigners, `${EMAIL} ${publicKey}\n`)
  return { key: readFileSync(file, 'utf8'), publicKey, allowedSigners }
}

interface Run {
  readonly options?: RawOptions
  readonly key?: string | null
  readonly server?: { api: Parameters<typeof runRelease>[0]['connect'] extends () => infer A ? A : never }
  readonly dryRun?: boolean
}

async function release(w: World, run: Run = {}): Promise<ReleaseRun & { log: string[] }> {
  const config = resolveConfig({ 'git-user-email': EMAIL, ...run.options })
  const git = createGit(w.r.dir, w.r.env)
  const log: string[] = []
  const result = await runRelease({
    git,
    gather: createGather(git, config),
    config,
    now: NOW,
    hints: { githubRef: 'refs/heads/main', ciCommitBranch: undefined, eventDefaultBranch: 'main' },
    dryRun: run.dryRun ?? false,
    requireBranch: true,
    repositoryUrl: 'https://github.com/octo-org/hello-world',
    connect: () => run.server?.api ?? null,
    log: (line) => log.push(line),
    signingKey: run.key ?? null,
    tempRoot: w.temp
  })
  return { ...result, log }
}

/** git in the origin, as someone who fetched the release would run it; the exit code and what git said. */
function onOrigin(w: World, args: string[], env: NodeJS.ProcessEnv = {}): { code: number; out: string } {
  const done = spawnSync('git', args, { cwd: w.origin, env: { ...w.r.env, ...env }, encoding: 'utf8' })
  return { code: done.status ?? -1, out: `${done.stdout}${done.stderr}` }
}

function originTags(w: World): string[] {
  return onOrigin(w, ['tag', '--list']).out.split('\n').filter(Boolean)
}

async function rejection(promise: Promise<unknown>): Promise<VersoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(VersoError)
  return error as VersoError
}

describe('gitSigning', () => {
  it.each([
    [{ kind: 'none' } as const, ['-c', 'tag.gpgSign=false', '-c', 'commit.gpgSign=false'], {}],
    [{ kind: 'ssh', keyFile: '/t/key' } as const, ['-c', 'gpg.format=ssh', '-c', 'user.signingKey=/t/key'], {}],
    [
      { kind: 'gpg', home: '/t/home', fingerprint: 'ABCD' } as const,
      ['-c', 'gpg.format=openpgp', '-c', 'gpg.program=gpg', '-c', 'user.signingKey=ABCD'],
      { GNUPGHOME: '/t/home' }
    ]
  ])('%o signs with that key and no other', (signing, config, env) => {
    expect(gitSigning(signing)).toEqual({ config, env })
  })

  it('reads the primary fingerprint of the first secret key gpg lists', () => {
    const colons = [
      'sec:u:255:22:AAAA1111:1700000000:::u:::scESC:::+:::23::0:',
      'fpr:::::::::PRIMARY0000000000000000000000000000000001:',
      'grp:::::::::GRIP:',
      'uid:u::::1700000000::HASH::Release <bot@example.com>::::::::::0:',
      'ssb:u:255:18:BBBB2222:1700000000::::::e:::+:::cv25519::',
      'fpr:::::::::SUBKEY00000000000000000000000000000000002:'
    ].join('\n')
    expect(readFingerprint(colons)).toBe('PRIMARY0000000000000000000000000000000001')
    expect(readFingerprint('pub:u:255:22:AAAA1111\nfpr:::::::::PUBLIC:\n')).toBeNull()
  })
})

describe.skipIf(!HAS_SSH_KEYGEN)('sign: ssh', () => {
  it('the pushed release tag verifies with git tag -v against an allowed-signers file; the key is gone after the run', async () => {
    const w = world()
    const { key, allowedSigners } = sshKey(w)
    const { server, api } = await connect()
    const run = await release(w, { options: { sign: 'ssh' }, key, server: { api } })
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0', sha: w.head } })
    expect(run.log.some((line) => /^Signing with the SSH key SHA256:\S+ release \(ED25519\)\.$/.test(line))).toBe(true)
    const verified = onOrigin(w, ['-c', `gpg.ssh.allowedSignersFile=${allowedSigners}`, 'tag', '-v', 'v1.3.0'])
    expect(verified.out).toContain(`Good "git" signature for ${EMAIL} with ED25519 key`)
    expect(verified.code).toBe(0)
    expect(onOrigin(w, ['rev-parse', 'v1.3.0^{commit}']).out.trim()).toBe(w.head)
    expect((server as GitHubServer).state.releases.map((r) => r.tag_name)).toEqual(['v1.3.0'])
    expect(readdirSync(w.temp)).toEqual([])
    expect(JSON.stringify(run)).not.toContain(key.split('\n')[1])
  })

  it('another key does not verify it: the signature is the key given, not any key', async () => {
    const w = world()
    const { key } = sshKey(w)
    const other = join(w.r.root, 'other')
    execFileSync('ssh-keygen', ['-t', 'ed25519', '-N', '', '-f', other, '-q'])
    writeFileSync(join(w.r.root, 'others'), `${EMAIL} ${readFileSync(`${other}.pub`, 'utf8')}`)
    await release(w, { options: { sign: 'ssh' }, key })
    const verified = onOrigin(w, ['-c', `gpg.ssh.allowedSignersFile=${join(w.r.root, 'others')}`, 'tag', '-v', 'v1.3.0'])
    expect(verified.code).not.toBe(0)
  })

  it('with version-files, the release commit is signed too, and the tag on it', async () => {
    const w = world()
    const { key, allowedSigners } = sshKey(w)
    const { api } = await connect()
    await release(w, { options: { sign: 'ssh', 'version-files': 'package.json' }, key, server: { api } })
    const tip = onOrigin(w, ['rev-parse', 'refs/heads/main']).out.trim()
    expect(onOrigin(w, ['rev-parse', `${tip}^`]).out.trim()).toBe(w.head)
    expect(onOrigin(w, ['log', '-1', '--format=%s', tip]).out.trim()).toBe('chore(release): v1.3.0')
    const trust = ['-c', `gpg.ssh.allowedSignersFile=${allowedSigners}`]
    const commit = onOrigin(w, [...trust, 'verify-commit', tip])
    expect(commit.out).toContain(`Good "git" signature for ${EMAIL}`)
    expect(commit.code).toBe(0)
    expect(onOrigin(w, [...trust, 'tag', '-v', 'v1.3.0']).code).toBe(0)
    expect(onOrigin(w, ['rev-parse', 'v1.3.0^{commit}']).out.trim()).toBe(tip)
    expect(readdirSync(w.temp)).toEqual([])
  })

  it('without sign, tags and the release commit stay unsigned, even where the runner configures signing', async () => {
    const w = world()
    const { allowedSigners } = sshKey(w)
    w.r.git('config', 'tag.gpgSign', 'true')
    w.r.git('config', 'commit.gpgSign', 'true')
    await release(w, { options: { 'version-files': 'package.json' } })
    const tip = onOrigin(w, ['rev-parse', 'refs/heads/main']).out.trim()
    expect(onOrigin(w, ['cat-file', 'tag', 'v1.3.0']).out).not.toContain('SIGNATURE')
    expect(onOrigin(w, ['cat-file', 'commit', tip]).out).not.toContain('gpgsig')
    expect(onOrigin(w, ['-c', `gpg.ssh.allowedSignersFile=${allowedSigners}`, 'tag', '-v', 'v1.3.0']).code).not.toBe(0)
  })

  it('a run that fails after the key is ready still removes it', async () => {
    const w = world()
    const { key } = sshKey(w)
    const hook = join(w.origin, 'hooks', 'pre-receive')
    writeFileSync(hook, '#!/bin/sh\necho "tags are protected here" >&2\nexit 1\n', { mode: 0o755 })
    const error = await rejection(release(w, { options: { sign: 'ssh' }, key }))
    expect(error.code).toBe('EPUSH')
    expect(originTags(w)).toEqual(['v1.2.3'])
    expect(readdirSync(w.temp)).toEqual([])
  })

  it('a floating tag moves with the signed release (it names the commit and carries no signature of its own)', async () => {
    const w = world()
    const { key, allowedSigners } = sshKey(w)
    await release(w, { options: { sign: 'ssh', 'floating-tags': 'major' }, key })
    expect(onOrigin(w, ['rev-parse', 'v1']).out.trim()).toBe(w.head)
    expect(onOrigin(w, ['cat-file', '-t', 'v1']).out.trim()).toBe('commit')
    expect(onOrigin(w, ['-c', `gpg.ssh.allowedSignersFile=${allowedSigners}`, 'tag', '-v', 'v1.3.0']).code).toBe(0)
  })

  it('a dry run needs no key: it signs nothing', async () => {
    const w = world()
    const run = await release(w, { options: { sign: 'ssh' }, dryRun: true })
    expect(run.result.kind).toBe('dry-run')
    expect(readdirSync(w.temp)).toEqual([])
  })

  const broken: [string, (w: World) => string | null, RegExp, RegExp][] = [
    [
      'no key',
      () => null,
      /^`sign: ssh` needs the private key in `signing-key`, and none was given: nothing was tagged\.$/,
      /RELEASE_SIGNING_KEY/
    ],
    ['an empty key', () => ' \n', /needs the private key in `signing-key`/, /VERSO_SIGNING_KEY/],
    [
      'text that is no key',
      () => 'not a key at all',
      /^`signing-key` is not an OpenSSH private key without a passphrase that ssh-keygen can read \(.+\): nothing was tagged\.$/,
      /ssh-keygen -t ed25519 -N '' -f release-key/
    ],
    [
      'the public key',
      (w) => sshKey(w).publicKey,
      /^`signing-key` is a public key, and `sign: ssh` needs an OpenSSH private key/,
      /without `\.pub`/
    ],
    ['a key with a passphrase', (w) => sshKey(w, 'secret words').key, /is not an OpenSSH private key without a passphrase/, /-N ''/],
    [
      'an OpenPGP key',
      () => '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxxxx\n-----END PGP PRIVATE KEY BLOCK-----\n',
      /is an OpenPGP key/,
      /sign: gpg/
    ]
  ]
  it.each(broken)('%s: a configuration error before anything is pushed or tagged', async (_, keyOf, message, hint) => {
    const w = world()
    const key = keyOf(w)
    const { server, api } = await connect()
    const refs = onOrigin(w, ['for-each-ref']).out
    const error = await rejection(release(w, { options: { sign: 'ssh', 'version-files': 'package.json' }, key, server: { api } }))
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toMatch(message)
    expect(error.hint).toMatch(hint)
    const secret = (key ?? '').split('\n').reduce((a, b) => (b.length > a.length ? b : a), '')
    if (secret.length > 20) expect(`${error.message}${error.hint}`).not.toContain(secret)
    expect(error.message).not.toContain(w.temp)
    expect(onOrigin(w, ['for-each-ref']).out).toBe(refs)
    expect(w.r.git('tag', '--list')).toBe('v1.2.3')
    expect(server.requests.filter((q) => q.method !== 'GET')).toEqual([])
    expect(readdirSync(w.temp)).toEqual([])
  })

  it('a key that ssh-keygen reads but git cannot sign with is refused by the signing check, and removed', async () => {
    const w = world()
    const { key } = sshKey(w)
    const git = createGit(w.r.dir, { ...w.r.env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'gpg.ssh.program', GIT_CONFIG_VALUE_0: 'false' })
    let used = false
    const error = await rejection(
      withSigning(git, { kind: 'ssh', key, tempRoot: w.temp, log: () => {} }, async () => {
        used = true
      })
    )
    expect(error.message).toMatch(/^git could not sign with `signing-key` \(.*\): nothing was tagged\.$/)
    expect(error.hint).toContain('git 2.34 or later')
    expect(used).toBe(false)
    expect(readdirSync(w.temp)).toEqual([])
  })

  it("the key's folder is its owner's alone while the run uses it, and is removed when it fails", async () => {
    const w = world()
    const { key } = sshKey(w)
    const git = createGit(w.r.dir, w.r.env)
    const seen: { dir: number; file: number; text: string }[] = []
    const failure = new Error('a later step failed')
    await expect(
      withSigning(git, { kind: 'ssh', key: key.replace(/\n/g, '\r\n').trimEnd(), tempRoot: w.temp, log: () => {} }, async (signing) => {
        if (signing.kind !== 'ssh') throw new Error('not ssh')
        const { statSync } = await import('node:fs')
        const dir = join(signing.keyFile, '..')
        expect(dir.startsWith(w.temp)).toBe(true)
        seen.push({
          dir: statSync(dir).mode & 0o777,
          file: statSync(signing.keyFile).mode & 0o777,
          text: readFileSync(signing.keyFile, 'utf8')
        })
        throw failure
      })
    ).rejects.toBe(failure)
    expect(seen).toEqual([{ dir: 0o700, file: 0o600, text: key }])
    expect(readdirSync(w.temp)).toEqual([])
  })
})

describe('sign: a setting', () => {
  it('is none, ssh or gpg', () => {
    expect(resolveConfig({}).release.sign).toBe('none')
    expect(resolveConfig({ sign: 'gpg' }).release.sign).toBe('gpg')
    expect(() => resolveConfig({ sign: 'x509' })).toThrow(
      expect.objectContaining({ details: ['`sign: x509` must be one of: none, ssh, gpg.'] }) as unknown as Error
    )
  })
})

/** A secret key without a passphrase, made in its own GNUPGHOME, and that home (which then verifies with its public key). */
function gpgKey(w: World): { key: string; home: string } {
  const home = join(w.r.root, 'gnupg')
  mkdirSync(home, { mode: 0o700 })
  const gpg = (args: string[]) => execFileSync('gpg', ['--homedir', home, '--batch', ...args], { encoding: 'utf8', stdio: 'pipe' })
  gpg(['--passphrase', '', '--quick-gen-key', `Release Bot <${EMAIL}>`, 'ed25519', 'sign', 'never'])
  const key = gpg(['--armor', '--export-secret-keys', EMAIL])
  return { key, home }
}

describe.skipIf(!HAS_GPG)('sign: gpg', () => {
  it('the release commit and tag verify with gpg; the temporary GNUPGHOME is gone after the run', async () => {
    const w = world()
    const { key, home } = gpgKey(w)
    const { api } = await connect()
    const run = await release(w, { options: { sign: 'gpg', 'version-files': 'package.json' }, key, server: { api } })
    expect(run.result).toMatchObject({ kind: 'applied', outcome: { kind: 'released', tag: 'v1.3.0' } })
    expect(run.log.some((line) => /^Signing with the OpenPGP key [0-9A-F]{40}\.$/.test(line))).toBe(true)
    const tip = onOrigin(w, ['rev-parse', 'refs/heads/main']).out.trim()
    const tag = onOrigin(w, ['tag', '-v', 'v1.3.0'], { GNUPGHOME: home })
    expect(tag.out).toContain(`Good signature from "Release Bot <${EMAIL}>"`)
    expect(tag.code).toBe(0)
    expect(onOrigin(w, ['verify-commit', tip], { GNUPGHOME: home }).code).toBe(0)
    expect(readdirSync(w.temp)).toEqual([])
    execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'])
  })

  it.each<[string, string]>([
    ['an SSH key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n'],
    ['a damaged OpenPGP key', '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nnot base64 at all\n-----END PGP PRIVATE KEY BLOCK-----\n']
  ])('%s: a configuration error before any tag', async (_, key) => {
    const w = world()
    const error = await rejection(release(w, { options: { sign: 'gpg' }, key }))
    expect(error.code).toBe('EINVALIDCONFIG')
    expect(error.message).toMatch(/nothing was tagged\.$/)
    expect(originTags(w)).toEqual(['v1.2.3'])
    expect(readdirSync(w.temp)).toEqual([])
  })
})
