import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { packageNameFor, planArtifacts } from '../../src/run/artifacts.js'
import { useRepos } from '../support/repo.js'
import { runCli } from '../support/runner.js'

const repos = useRepos()
const EXAMPLE = join(import.meta.dirname, '../../examples/release-image')

describe('the artifacts a release ships', () => {
  it('verso artifacts: each release-image document with its extended version, ordered by SemVer', async () => {
    const r = repos()
    cpSync(join(EXAMPLE, 'schemas'), join(r.dir, 'schemas'), { recursive: true })
    cpSync(join(EXAMPLE, '.release-image'), join(r.dir, '.release-image'))
    writeFileSync(join(r.dir, 'package.json'), '{ "name": "@acme/account", "version": "1.16.0" }\n')
    r.git('add', '-A')
    r.commit('feat: schemas')
    r.tag('v1.16.0', { annotated: true })
    r.commit('feat: more')
    const args = ['artifacts', '--schemas', 'schemas/**']
    const text = await runCli(args, { cwd: r.dir, env: r.env })
    expect(text.stderr).toBe('')
    expect(text.stdout).toBe(
      'document.Document  0.2.0  0.2.0-pkg.1.17.0+acme.account\nsettings.Settings  0.11.0  0.11.0-pkg.1.17.0+acme.account\n'
    )
    const json = JSON.parse((await runCli([...args, '--json'], { cwd: r.dir, env: r.env })).stdout)
    expect(json).toEqual([
      { name: 'document.Document', version: '0.2.0', extended: '0.2.0-pkg.1.17.0+acme.account' },
      { name: 'settings.Settings', version: '0.11.0', extended: '0.11.0-pkg.1.17.0+acme.account' }
    ])
    expect(semver.valid(json[0].extended)).toBeTruthy()
    expect(semver.gt(json[0].extended, '0.2.0-pkg.1.16.0+acme.account')).toBe(true)
  })

  it('no release, or no image: no artifacts, and the CLI says why', async () => {
    const r = repos()
    r.commit('chore: init')
    r.tag('v1.0.0')
    r.commit('docs: a')
    expect((await runCli(['artifacts'], { cwd: r.dir, env: r.env })).stdout).toBe('No artifacts: the plan releases nothing.\n')
    r.commit('feat: b')
    expect((await runCli(['artifacts'], { cwd: r.dir, env: r.env })).stdout).toBe(
      'No artifacts: set `schemas` for the release image, whose documents are the artifacts.\n'
    )
  })

  it('the package name: the manifest, else the repository, else package', () => {
    expect(packageNameFor('{ "name": "web" }', 'octo/repo')).toBe('web')
    expect(packageNameFor('not json', 'octo/repo')).toBe('repo')
    expect(packageNameFor(null, undefined)).toBe('package')
    expect(planArtifacts({ kind: 'none' } as never, 'x')).toEqual({ list: [], unversioned: [] })
  })
})
