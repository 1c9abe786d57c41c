import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRepos, type TestRepo } from '../support/repo.js'
import { eventPayload, runAction, runCli } from '../support/runner.js'

const EXAMPLE = join(import.meta.dirname, '../../examples/release-image/schemas')
const repo = useRepos()
// What actions/checkout leaves in .git/config: the token, base64 encoded.
const CREDENTIAL = Buffer.from('x-access-token:ghs_0123456789abcdefghijklmnopqrstuvwxyz').toString('base64')
const SCHEMAS = ['--schemas', 'schemas/*.json, schemas/*.yaml']

/** A repository with the example schemas and the credential line a checkout writes. */
function checkout(): TestRepo {
  const r = repo()
  cpSync(EXAMPLE, join(r.dir, 'schemas'), { recursive: true })
  r.git('config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${CREDENTIAL}`)
  r.git('add', 'schemas')
  r.commit('feat: the schemas')
  return r
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain(CREDENTIAL)
  expect(text).not.toContain(CREDENTIAL.slice(0, 24))
  expect(text).not.toContain('extraheader')
}

describe('files are data, never a way out of the repository', () => {
  it('an image file linked to .git/config is refused, and nothing of it is quoted', async () => {
    const r = checkout()
    symlinkSync('.git/config', join(r.dir, '.release-image'))
    for (const command of [['image', 'check'], ['image', 'status'], ['plan']]) {
      const run = await runCli([...command, ...SCHEMAS], { cwd: r.dir, env: r.env })
      expect(run.code, command.join(' ')).toBe(2)
      expect(run.stderr).toContain('.release-image is a symbolic link')
      expectNoSecret(run.stdout + run.stderr)
    }
  })

  it('the action, too: no annotation, summary or output carries the file', async () => {
    const r = checkout()
    symlinkSync('.git/config', join(r.dir, '.release-image'))
    const run = await runAction({
      cwd: r.dir,
      env: r.env,
      inputs: { mode: 'plan', schemas: 'schemas/*.json, schemas/*.yaml' },
      event: { name: 'push', payload: eventPayload('push') }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('.release-image is a symbolic link')
    expectNoSecret(run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs))
  })

  it('a dangling link is never written through: image check and image set leave the outside alone', async () => {
    const r = checkout()
    const outside = join(r.root, 'outside-the-repository')
    symlinkSync(outside, join(r.dir, '.release-image'))
    for (const command of [
      ['image', 'check'],
      ['image', 'set']
    ]) {
      const run = await runCli([...command, ...SCHEMAS], { cwd: r.dir, env: r.env })
      expect(run.code, command.join(' ')).toBe(2)
      expect(run.stderr).toContain('is a symbolic link')
      expect(existsSync(outside)).toBe(false)
    }
  })

  it('an image file under a linked folder, and one named outside the repository, are refused', async () => {
    const r = checkout()
    const elsewhere = join(r.root, 'elsewhere')
    mkdirSync(elsewhere)
    symlinkSync(elsewhere, join(r.dir, 'linked'))
    const through = await runCli(['image', 'set', ...SCHEMAS, '--image-file', 'linked/image'], { cwd: r.dir, env: r.env })
    expect(through).toMatchObject({ code: 2, stderr: expect.stringContaining('leads outside the repository through a symbolic link') })
    expect(existsSync(join(elsewhere, 'image'))).toBe(false)
    const up = await runCli(['image', 'set', ...SCHEMAS, '--image-file', '../image'], { cwd: r.dir, env: r.env })
    expect(up).toMatchObject({ code: 2, stderr: expect.stringContaining('must be a path inside the repository') })
    expect(existsSync(join(r.root, 'image'))).toBe(false)
    const git = await runCli(['image', 'set', ...SCHEMAS, '--image-file', '.git/hooks/pre-commit'], { cwd: r.dir, env: r.env })
    expect(git).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a file inside the repository') })
  })

  it('a schema linked to .git/config is refused in the working tree, and is no file at a commit', async () => {
    const r = checkout()
    symlinkSync('../.git/config', join(r.dir, 'schemas/leak.json'))
    const run = await runCli(['image', 'check', ...SCHEMAS], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('schemas/leak.json is a symbolic link') })
    expectNoSecret(run.stdout + run.stderr)
    // Committed and released, the link is history: the check at that tag reads git's objects.
    r.git('add', '-A')
    r.commit('chore: a link')
    r.tag('v1.0.0')
    r.git('rm', '-q', 'schemas/leak.json')
    r.commit('chore: no link')
    await runCli(['image', 'set', ...SCHEMAS], { cwd: r.dir, env: r.env })
    const later = await runCli(['image', 'status', ...SCHEMAS], { cwd: r.dir, env: r.env })
    expect(later.code).toBe(0)
    expectNoSecret(later.stdout + later.stderr)
  })

  it('a config file linked elsewhere is refused', async () => {
    const r = checkout()
    mkdirSync(join(r.dir, '.github'))
    writeFileSync(join(r.root, 'settings.yml'), 'tag-prefix: x\n')
    symlinkSync(join(r.root, 'settings.yml'), join(r.dir, '.github/verso.yml'))
    const run = await runCli(['plan'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('.github/verso.yml is a symbolic link') })
    expect(readFileSync(join(r.root, 'settings.yml'), 'utf8')).toBe('tag-prefix: x\n')
  })
})

describe('the working directory', () => {
  it('a working-directory the checkout links outside the workspace is refused by the action', async () => {
    const r = checkout()
    const elsewhere = join(r.root, 'elsewhere')
    mkdirSync(elsewhere)
    writeFileSync(join(elsewhere, 'secret.txt'), 'x')
    symlinkSync(elsewhere, join(r.dir, 'packages'))
    const run = await runAction({
      cwd: r.dir,
      env: r.env,
      inputs: { mode: 'plan', 'working-directory': 'packages' },
      event: { name: 'push', payload: eventPayload('push') }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('working-directory packages leads outside the workspace through a symbolic link')
  })
})
