import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/file.js'
import { createGit } from '../../src/git/git.js'
import { newFetchState } from '../../src/git/history.js'
import { readPackageHistory } from '../../src/run/package-history.js'
import { useRepos, type TestRepo } from '../support/repo.js'

const repos = useRepos()
const LAYOUT = 'packages:\n  - name: a\n    path: a\n  - name: b\n    path: b\n'

function released(): TestRepo {
  const r = repos()
  for (const name of ['a', 'b']) {
    mkdirSync(join(r.dir, name))
    writeFileSync(join(r.dir, name, 'f'), name)
  }
  r.git('add', '-A')
  r.commit('chore: init')
  r.tag('a@1.0.0', { annotated: true })
  r.tag('b@1.0.0', { annotated: true })
  for (let i = 0; i < 5; i++) {
    writeFileSync(join(r.dir, 'a', 'f'), String(i))
    r.git('add', '-A')
    r.commit(`fix: a ${i}`)
  }
  return r
}

const requests = () =>
  resolveConfig({}, parseConfigFile(LAYOUT, '.github/verso.yml')).packages!.list.map((pkg) => ({
    pkg,
    line: { prerelease: null, range: null }
  }))

describe('readPackageHistory', () => {
  it('a shallow clone is made whole once, and each package gets its own range', async () => {
    const r = released()
    r.addBareOrigin()
    const dir = r.shallowClone(1)
    const history = await readPackageHistory(createGit(dir, r.env), { fetchHistory: 'auto', state: newFetchState() }, requests())
    expect(history.fetched).toEqual(['fetched the complete history and the tags, for the packages'])
    expect(history.facts.map((f) => [f.base?.name, f.commits.length])).toEqual([
      ['a@1.0.0', 5],
      ['b@1.0.0', 0]
    ])
  })

  it('with fetch-history never, a shallow clone is an error that says what to set', async () => {
    const r = released()
    r.addBareOrigin()
    const dir = r.shallowClone(1)
    await expect(
      readPackageHistory(createGit(dir, r.env), { fetchHistory: 'never', state: newFetchState() }, requests())
    ).rejects.toMatchObject({ code: 'ESHALLOW', hint: expect.stringContaining('fetch-depth: 0') })
  })

  it('a tag can be read as if it did not exist (a re-run finishing that release)', async () => {
    const r = released()
    r.tag('a@1.0.1', { annotated: true })
    const [a, b] = requests()
    const history = await readPackageHistory(createGit(r.dir, r.env), { fetchHistory: 'auto', state: newFetchState() }, [
      { ...a!, ignoreTag: 'a@1.0.1' },
      b!
    ])
    expect(history.facts[0]!.base?.name).toBe('a@1.0.0')
    expect(history.facts[0]!.commits).toHaveLength(5)
  })
})
