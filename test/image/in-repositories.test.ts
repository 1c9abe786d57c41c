import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRepos, type TestRepo } from '../support/repo.js'
import { eventPayload, runAction, runCli } from '../support/runner.js'

const EXAMPLE = join(import.meta.dirname, '../../examples/release-image/schemas')
const repo = useRepos()

/** A repository with the example schemas, released as v0.1.0 with its image. */
async function released(): Promise<TestRepo> {
  const r = repo()
  cpSync(EXAMPLE, join(r.dir, 'schemas'), { recursive: true })
  r.git('add', 'schemas')
  r.commit('feat: the schemas')
  const created = await verso(r, 'image', 'check')
  expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('created .release-image (2 documents)') })
  r.git('add', '.release-image')
  r.commit('chore: record the release image')
  r.tag('v0.1.0')
  return r
}
const SCHEMAS = ['--schemas', 'schemas/*.json, schemas/*.yaml']
const verso = (r: TestRepo, ...args: string[]) => runCli([...args, ...SCHEMAS], { cwd: r.dir, env: r.env })

function edit(r: TestRepo, file: string, change: (text: string) => string): void {
  const path = join(r.dir, file)
  writeFileSync(path, change(readFileSync(path, 'utf8')))
}
const addSummary = (text: string) =>
  text.replace('"heading": { "type": "string" },', '"heading": { "type": "string" },\n        "summary": { "type": "string" },')
const removeTags = (text: string) => text.replace('"tags": { "type": "array", "items": { "type": "string" } },\n', '')

describe('the release-image check in real repositories', () => {
  it('unchanged after the release; a description-only edit stays unchanged', async () => {
    const r = await released()
    edit(r, 'schemas/document.json', (t) => t.replace('"A document: a title and its sections"', '"A document, reworded"'))
    const run = await verso(r, 'image', 'check')
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('unchanged') })
  })

  it('a change without its history entry: check fails with the entry to add, the plan is blocked', async () => {
    const r = await released()
    edit(r, 'schemas/document.json', addSummary)
    r.git('commit', '-qam', 'feat: summaries')
    const check = await verso(r, 'image', 'check')
    expect(check.code).toBe(1)
    expect(check.stdout).toContain(
      'schemas/document.json#/$defs/Section: x-release.history += ["0.8", "minor", "Optional property `summary` added"]'
    )
    // The plan could be made, so plan exits 0; it says the release is blocked.
    const plan = await verso(r, 'plan', '--json')
    expect(plan.code).toBe(0)
    expect(JSON.parse(plan.stdout)).toMatchObject({ kind: 'blocked', image: { outcome: 'incomplete', requiredBump: 'minor' } })
  })

  it('the action annotates the schema file and fails the step', async () => {
    const r = await released()
    edit(r, 'schemas/document.json', addSummary)
    r.git('commit', '-qam', 'feat: summaries')
    const head = r.git('rev-parse', 'HEAD')
    const run = await runAction({
      cwd: r.dir,
      env: r.env,
      inputs: { schemas: 'schemas/*.json\nschemas/*.yaml' },
      event: { name: 'push', payload: eventPayload('push', (p) => Object.assign(p, { ref: 'refs/heads/main', after: head })) }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error file=schemas\/document\.json,line=21::schemas\/document\.json:21: document\.Section changed but is still tagged 0\.7/
    )
    expect(run.outputs).toMatchObject({ 'image-status': 'incomplete', 'image-required-bump': 'minor', released: 'false' })
  })

  it('valid once the entries are added and the image set; the release carries the bump the data needs', async () => {
    const r = await released()
    edit(r, 'schemas/document.json', (t) =>
      addSummary(t)
        .replace(
          '["0.2", "minor", "Added sections"]',
          '["0.2", "minor", "Added sections"],\n      ["0.2.1", "minor", "Reachable document.Section 0.7 -> 0.8"]'
        )
        .replace(
          '["0.7", "minor", "Added optional tags"]',
          '["0.7", "minor", "Added optional tags"],\n          ["0.8", "minor", "Optional property `summary` added"]'
        )
    )
    expect((await verso(r, 'image', 'set')).code).toBe(0)
    r.git('add', '-A')
    r.commit('fix: summaries')
    const check = await verso(r, 'image', 'check')
    expect(check).toMatchObject({ code: 0, stdout: expect.stringContaining('valid') })
    // A fix declares a patch; the data needs a minor: blocked, with what to do.
    const blocked = await verso(r, 'plan')
    expect(blocked.code).toBe(0)
    expect(blocked.stdout).toMatch(/release blocked/)
    expect(blocked.stdout).toContain('The schema changes need a minor release, but this release is a patch')
    const explained = await verso(r, 'plan', '--image-bump', 'escalate')
    expect(explained.stdout).toContain(
      'minor, raised from patch to minor by the release-image check: optional property `summary` added to document.Section'
    )
    const escalated = await verso(r, 'plan', '--json', '--image-bump', 'escalate')
    expect(JSON.parse(escalated.stdout)).toMatchObject({ kind: 'release', bump: 'minor', next: { version: '0.2.0' } })
    expect(JSON.parse(escalated.stdout).notes.join()).toContain('raised from patch to minor by the release-image check')
  })

  it('removing a property from stored data needs a major release', async () => {
    const r = await released()
    edit(r, 'schemas/document.json', (t) =>
      removeTags(t)
        .replace(
          '["0.2", "minor", "Added sections"]',
          '["0.2", "minor", "Added sections"],\n      ["0.2.1", "major", "Reachable document.Section 0.7 -> 1.0"]'
        )
        .replace(
          '["0.7", "minor", "Added optional tags"]',
          '["0.7", "minor", "Added optional tags"],\n          ["1.0", "major", "Removed tags"]'
        )
    )
    await verso(r, 'image', 'set')
    r.git('add', '-A')
    r.commit('feat!: drop section tags')
    const plan = JSON.parse((await verso(r, 'plan', '--json')).stdout)
    // At 0.y.z the breaking change moves the minor: `bump` names the part that changes, and the
    // plan says that the 0.y.z rule held the major back.
    expect(plan).toMatchObject({
      kind: 'release',
      bump: 'minor',
      next: { version: '0.2.0' },
      image: { outcome: 'valid', requiredBump: 'major' }
    })
    expect(plan.reasons).toEqual([{ kind: 'held-by-major-zero', commits: [expect.any(String)] }])
  })

  it('a malformed history is a configuration error (exit 2) naming the file', async () => {
    const r = await released()
    edit(r, 'schemas/document.json', (t) =>
      t.replace('["0.2", "minor", "Added sections"]', '["0.2", "minor", "Added sections"], ["0.1", "minor", "back"]')
    )
    const run = await verso(r, 'image', 'check')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('schemas/document.json')
  })

  it('schemas that do not load at the last release are a warning, not an error of today', async () => {
    const r = await released()
    const broken = (t: string) =>
      t.replace('["0.2", "minor", "Added sections"]', '["0.2", "minor", "Added sections"], ["0.1", "minor", "back"]')
    edit(r, 'schemas/document.json', broken)
    r.git('commit', '-qam', 'chore: a broken history')
    r.tag('v0.2.0')
    edit(r, 'schemas/document.json', (t) => t.replace(', ["0.1", "minor", "back"]', ''))
    const run = await verso(r, 'image', 'status')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('The schemas at v0.2.0 do not load')
  })

  it('works from a subfolder of the repository (working-directory)', async () => {
    const r = repo()
    cpSync(EXAMPLE, join(r.dir, 'pkg/schemas'), { recursive: true })
    r.git('add', 'pkg')
    r.commit('feat: the schemas')
    const inPkg = (...args: string[]) =>
      runCli([...args, '--working-directory', 'pkg', '--schemas', 'schemas/*'], { cwd: r.dir, env: r.env })
    expect((await inPkg('image', 'set')).code).toBe(0)
    r.git('add', 'pkg/.release-image')
    r.commit('chore: the image')
    r.tag('v0.1.0')
    edit(r, 'pkg/schemas/document.json', addSummary)
    await inPkg('image', 'set')
    const run = await inPkg('image', 'check')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('document.Section changed but is still tagged 0.7')
  })

  it('a release tag without an image is compared through its own schemas', async () => {
    const r = repo()
    cpSync(EXAMPLE, join(r.dir, 'schemas'), { recursive: true })
    r.git('add', 'schemas')
    r.commit('feat: the schemas')
    r.tag('v0.1.0')
    edit(r, 'schemas/document.json', addSummary)
    await verso(r, 'image', 'set')
    r.git('add', '-A')
    r.commit('feat: summaries')
    const run = await verso(r, 'image', 'check')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('document.Section changed but is still tagged 0.7')
  })

  it('adopting the check by marking a document does not count as a new document', async () => {
    const r = repo()
    cpSync(EXAMPLE, join(r.dir, 'schemas'), { recursive: true })
    edit(r, 'schemas/document.json', (t) => t.replace('"document": true,', '"document": false,'))
    r.git('add', 'schemas')
    r.commit('feat: the schemas')
    r.tag('v1.0.0')
    edit(r, 'schemas/document.json', (t) => t.replace('"document": false,', '"document": true,'))
    await verso(r, 'image', 'set')
    r.git('add', '-A')
    r.commit('fix: mark the document')
    const plan = JSON.parse((await verso(r, 'plan', '--json')).stdout)
    expect(plan).toMatchObject({ kind: 'release', next: { version: '1.0.1' }, image: { requiredBump: 'none' } })
  })

  it("a release whose schemas do not load, and which has no image, gives no baseline rather than today's", async () => {
    const r = repo()
    cpSync(EXAMPLE, join(r.dir, 'schemas'), { recursive: true })
    edit(r, 'schemas/document.json', (t) =>
      t.replace('["0.2", "minor", "Added sections"]', '["0.2", "minor", "Added sections"], ["0.1", "minor", "back"]')
    )
    r.git('add', 'schemas')
    r.commit('feat: the schemas')
    r.tag('v1.0.0')
    edit(r, 'schemas/document.json', (t) => addSummary(t.replace(', ["0.1", "minor", "back"]', '')))
    await verso(r, 'image', 'set')
    r.git('add', '-A')
    r.commit('fix: summaries')
    const run = await verso(r, 'image', 'status')
    expect(run.stdout).toContain('none yet')
    expect(run.stdout).toContain('there is nothing to compare today')
  })

  it('schemas that match no file are a configuration error', async () => {
    const r = await released()
    const run = await runCli(['image', 'check', '--schemas', './nothing/*.json'], { cwd: r.dir, env: r.env })
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('`schemas: nothing/*.json` matched no file') })
  })

  it('bootstrap fail: a missing image is an error instead of being created', async () => {
    const r = repo()
    cpSync(EXAMPLE, join(r.dir, 'schemas'), { recursive: true })
    r.git('add', 'schemas')
    r.commit('feat: the schemas')
    const run = await verso(r, 'image', 'check', '--image-bootstrap', 'fail')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('verso image set')
  })

  it('image status never fails; image commands without schemas say what to set', async () => {
    const r = await released()
    edit(r, 'schemas/document.json', addSummary)
    expect((await verso(r, 'image', 'status')).code).toBe(0)
    const none = await runCli(['image', 'check'], { cwd: r.dir, env: r.env })
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('Set `schemas`') })
  })
})
