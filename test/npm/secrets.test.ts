import { describe, expect, it } from 'vitest'
import { findSecretLookingFiles } from '../../src/npm/secrets.js'

describe('findSecretLookingFiles', () => {
  it.each([
    ['.env', 'env-file'],
    ['config/.env.production', 'env-file'],
    ['.ENV.local', 'env-file'],
    ['certs/server.pem', 'private-key'],
    ['tls.key', 'private-key'],
    ['signing.p12', 'private-key'],
    ['id_rsa', 'ssh-key'],
    ['keys/id_ed25519', 'ssh-key'],
    ['.npmrc', 'credentials'],
    ['.git-credentials', 'credentials'],
    ['lib/credentials.json', 'credentials']
  ] as const)('%s looks like %s', (path, kind) => {
    expect(findSecretLookingFiles([path])).toEqual([{ path, kind }])
  })

  it.each([
    '.env.example',
    '.env.sample',
    '.env.template',
    'id_rsa.pub',
    'keyboard.js',
    'docs/env.md',
    '.pem',
    'environment.ts',
    'package.json'
  ])('%s does not', (path) => {
    expect(findSecretLookingFiles([path])).toEqual([])
  })

  it('keeps the order of the tarball', () => {
    expect(findSecretLookingFiles(['b.pem', 'index.js', '.env'])).toEqual([
      { path: 'b.pem', kind: 'private-key' },
      { path: '.env', kind: 'env-file' }
    ])
  })
})
