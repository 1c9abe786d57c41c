import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig, type ImageConfig } from '../../src/config/config.js'
import { VersoError } from '../../src/errors.js'
import { createGit } from '../../src/git/git.js'
import { buildImage, loadTypes, renderImage, type ImageCheck, type SchemaFile } from '../../src/image/index.js'
import { createGather, type ImageSources } from '../../src/run/gather.js'
import { runImageCheck } from '../../src/run/image.js'
import { useRepos, type TestRepo } from '../support/repo.js'
import { DOCUMENT_HISTORY, jsonFile, plus, release, repo as schemas, SECTION_HISTORY, SECTION_PROPERTIES } from '../image/schemas.js'

const IMAGE: ImageConfig = resolveConfig({ schemas: 'schemas/*.json' }).image!
const EXAMPLE = join(import.meta.dirname, '../../examples/release-image/schemas')
const EXAMPLE_IMAGE: ImageConfig = resolveConfig({ schemas: 'schemas/*.json, schemas/*.yaml' }).image!

const imageOf = (files: readonly SchemaFile[]) => renderImage(buildImage(loadTypes(files)))
const SECTION_WITHOUT_TAGS = Object.fromEntries(Object.entries(SECTION_PROPERTIES).filter(([name]) => name !== 'tags'))
/** Section loses `tags` and says nothing of it: R2 for Section, R1 for its document. */
const UNRECORDED = () => schemas({ sectionProperties: SECTION_WITHOUT_TAGS })
/** The same change with the entries `verso image check` suggests. */
const RECORDED = () =>
  schemas({
    sectionProperties: SECTION_WITHOUT_TAGS,
    sectionHistory: plus(SECTION_HISTORY, ['1.0', 'major', 'Property `tags` removed']),
    documentHistory: plus(DOCUMENT_HISTORY, ['0.2.1', 'major', 'Reachable document.Section 0.7 -> 1.0'])
  })
const UNRECORDED_FINDINGS = [
  ['R1', 'document.Document', 'schemas/document.json'],
  ['R2', 'document.Section', 'schemas/document.json']
]
const STALE_IMAGE = ['image-file', null, '.release-image']

function sources(today: SchemaFile[], worktreeImage: string | null, atRelease: ImageSources['atRelease'] = null): ImageSources {
  return { today, worktreeImage, atRelease }
}
const at = (files: SchemaFile[], image: string | null, tag = 'v1.0.0') => ({ tag, image, files })
const check = (s: ImageSources, options: { config?: ImageConfig; checkWorktreeImage?: boolean } = {}) =>
  runImageCheck(options.config ?? IMAGE, s, { checkWorktreeImage: options.checkWorktreeImage ?? true })
const findings = (c: ImageCheck) => c.findings.map((f) => [f.rule, f.type, f.file])

/** A schema file that is not JSON: what a release may hold after a bad merge. */
const BROKEN: SchemaFile = { path: 'schemas/document.json', text: '{ "x-release": ' }
function problemOf(files: SchemaFile[]): string {
  try {
    loadTypes(files)
  } catch (error) {
    return (error as { details: string[] }).details[0]!
  }
  throw new Error('the files load')
}

describe('runImageCheck: the outcomes', () => {
  it('created: no release and no image anywhere; the image to write is today’s', () => {
    const result = check(sources(schemas(), null))
    expect(result).toMatchObject({ outcome: 'created', findings: [], warnings: [], imageUpToDate: false })
    expect(result.imageText).toBe(imageOf(schemas()))
  })

  it('created is a finding under image-bootstrap: fail', () => {
    const config = resolveConfig({ schemas: 'schemas/*.json', 'image-bootstrap': 'fail' }).image!
    const result = check(sources(schemas(), null), { config })
    expect(result.outcome).toBe('incomplete')
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'bootstrap', file: '.release-image', type: null })])
  })

  it('the image file named in the configuration is the one findings name', () => {
    const config = resolveConfig({ schemas: 'schemas/*.json', 'image-file': 'data/image.txt', 'image-bootstrap': 'fail' }).image!
    expect(check(sources(schemas(), null), { config }).findings.map((f) => f.file)).toEqual(['data/image.txt'])
  })

  it('unchanged since the release, with the image committed', () => {
    const image = imageOf(schemas())
    const result = check(sources(schemas(), image, at(schemas(), image)))
    expect(result).toMatchObject({ outcome: 'unchanged', findings: [], remarks: [], warnings: [], imageUpToDate: true })
    expect(result.bump).toEqual({ bump: 'none', reasons: [] })
  })

  it('incomplete: a change since the release without its history entry, with the entry to add', () => {
    const image = imageOf(schemas())
    const result = check(sources(UNRECORDED(), image, at(schemas(), image)))
    expect(result.outcome).toBe('incomplete')
    // The image file was not brought up to date either.
    expect(findings(result)).toEqual([...UNRECORDED_FINDINGS, STALE_IMAGE])
    expect(result.findings[1]).toMatchObject({
      message: 'document.Section changed but is still tagged 0.7: Property `tags` removed. Add a history entry.',
      suggestion: { text: 'schemas/document.json#/$defs/Section: x-release.history += ["1.0", "major", "Property `tags` removed"]' }
    })
    expect(result.bump.bump).toBe('major')
  })

  it('valid once the entries are added and the image set', () => {
    const result = check(sources(RECORDED(), imageOf(RECORDED()), at(schemas(), imageOf(schemas()))))
    expect(result).toMatchObject({ outcome: 'valid', findings: [], imageUpToDate: true, bump: { bump: 'major' } })
  })
})

describe('runImageCheck: the committed image file', () => {
  const stale = () => sources(RECORDED(), imageOf(schemas()), at(schemas(), imageOf(schemas())))

  it('an image not brought up to date is a finding when the working tree is checked', () => {
    const result = check(stale())
    expect(result.outcome).toBe('incomplete')
    expect(result.findings.map((f) => [f.rule, f.file])).toEqual([['image-file', '.release-image']])
    expect(result.imageUpToDate).toBe(false)
  })

  it('and not when it is not (what `verso image set` works from)', () => {
    const result = check(stale(), { checkWorktreeImage: false })
    expect(result).toMatchObject({ outcome: 'valid', findings: [], imageUpToDate: false })
  })
})

describe('runImageCheck: the baseline', () => {
  it('is the image at the release tag, not the one in the working tree', () => {
    // The working tree's image was rewritten to today's: as a baseline it would hide the change.
    const result = check(sources(UNRECORDED(), imageOf(UNRECORDED()), at(schemas(), imageOf(schemas()))))
    expect(result.outcome).toBe('incomplete')
    expect(findings(result)).toEqual(UNRECORDED_FINDINGS)
  })

  it('is the image at the release tag over the schemas there', () => {
    // The release's image records Section without `tags`; its schemas still had them.
    const result = check(sources(UNRECORDED(), imageOf(UNRECORDED()), at(schemas(), imageOf(UNRECORDED()))))
    expect(result).toMatchObject({ outcome: 'unchanged', findings: [] })
  })

  it('is the image at the release tag even without the schemas there: fingerprints still catch a change', () => {
    const result = check(sources(UNRECORDED(), imageOf(schemas()), at([], imageOf(schemas()))))
    expect(result.outcome).toBe('incomplete')
    expect(findings(result)).toEqual([...UNRECORDED_FINDINGS, STALE_IMAGE])
    // Without the schemas of the release, how large the change is cannot be told.
    expect(result.warnings).toEqual([
      {
        rule: null,
        type: 'document.Section',
        message:
          'The impact of the change to document.Section is neither declared nor inferable ' +
          '(no schema files at the last release were given); minor is assumed.'
      }
    ])
  })

  it('with no image at the release, is the image its schemas make: a change since is still caught', () => {
    const result = check(sources(UNRECORDED(), imageOf(UNRECORDED()), at(schemas(), null)))
    expect(result.outcome).toBe('incomplete')
    expect(findings(result)).toEqual(UNRECORDED_FINDINGS)
    expect(result.bump.bump).toBe('major')
  })

  it('with no image at the release, a document the release lacks is taken as it is today, not as a new document', () => {
    const note = jsonFile('schemas/note.json', {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.com/schemas/note.json',
      'x-release': release('note.Note', [['0.1', null, 'Initial version']], { document: true }),
      type: 'object',
      properties: { text: { type: 'string' } }
    })
    const today = [...schemas(), note]
    const result = check(sources(today, imageOf(today), at(schemas(), null)))
    expect(result).toMatchObject({ outcome: 'unchanged', findings: [], remarks: [] })
  })

  it('with no release, is the image in the working tree (adopting the check)', () => {
    const adopted = check(sources(schemas(), imageOf(schemas())))
    expect(adopted).toMatchObject({ outcome: 'unchanged', imageUpToDate: true })
    const changed = check(sources(UNRECORDED(), imageOf(schemas())))
    expect(findings(changed)).toEqual([...UNRECORDED_FINDINGS, STALE_IMAGE])
  })

  it('a release that predates the schemas has no baseline of its own: the working tree’s image is adopted', () => {
    expect(check(sources(schemas(), imageOf(schemas()), at([], null)))).toMatchObject({ outcome: 'unchanged', warnings: [] })
    expect(check(sources(schemas(), null, at([], null)))).toMatchObject({ outcome: 'created', warnings: [] })
  })
})

describe('runImageCheck: schemas at the release that do not load', () => {
  it('no image there: a warning, and no baseline at all, never today’s own image', () => {
    const problem = problemOf([BROKEN])
    const result = check(sources(UNRECORDED(), imageOf(UNRECORDED()), at([BROKEN, ...schemas().slice(1)], null)))
    expect(result.outcome).toBe('created')
    expect(result.findings).toEqual([])
    expect(result.warnings).toEqual([
      {
        rule: null,
        type: null,
        message:
          `The schemas at v1.0.0 do not load (${problem}), so there is nothing to compare today's schemas with, and the image ` +
          'starts anew; the bump the data needs cannot be inferred.'
      }
    ])
    expect(problem).toMatch(/^schemas\/document\.json/)
  })

  it('an image there: a warning, and the image is the baseline, compared by fingerprints', () => {
    const problem = problemOf([BROKEN])
    const result = check(sources(UNRECORDED(), imageOf(schemas()), at([BROKEN], imageOf(schemas()), 'v2.0.0')))
    expect(result.outcome).toBe('incomplete')
    expect(result.findings.map((f) => [f.rule, f.type])).toContainEqual(['R2', 'document.Section'])
    expect(result.warnings).toContainEqual({
      rule: null,
      type: null,
      message:
        `The schemas at v2.0.0 do not load (${problem}), so definitions are compared through the image's fingerprints only; ` +
        'the bump the data needs cannot be inferred.'
    })
  })
})

describe('runImageCheck: configuration errors are EIMAGE', () => {
  const malformed = () => {
    const [document, ...rest] = schemas()
    const value = JSON.parse(document!.text) as Record<string, unknown>
    value['x-release'] = { name: 'document.Document', document: true, history: 'since 0.1' }
    return [jsonFile(document!.path, value), ...rest]
  }

  function thrown(run: () => unknown): VersoError {
    try {
      run()
    } catch (error) {
      if (error instanceof VersoError) return error
      throw error
    }
    throw new Error('nothing was thrown')
  }

  it('a malformed x-release block today: every problem, where it is, and what to do', () => {
    const error = thrown(() => check(sources(malformed(), null)))
    expect(error).toMatchObject({
      code: 'EIMAGE',
      message: 'The release-image configuration has 1 problem.',
      hint: 'Fix these and run `verso image check` again.'
    })
    expect(error.details).toEqual([
      'schemas/document.json:4 at #/x-release/history: history must be a list of [tag, impact, note] entries, ' +
        'e.g. [["0.2", "minor", "Added optional tags"]].'
    ])
  })

  it('a malformed x-release block at the release is a warning, not an error', () => {
    const result = check(sources(schemas(), null, at(malformed(), null)))
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^The schemas at v1\.0\.0 do not load \(schemas\/document\.json:4 at #\/x-release\/history: /)
    ])
  })

  it.each([
    ['at the release', (text: string) => sources(schemas(), null, at(schemas(), text)), '.release-image at v1.0.0'],
    ['in the working tree, with no release', (text: string) => sources(schemas(), text), '.release-image']
  ])('an image file that does not parse, %s', (_, make, source) => {
    const error = thrown(() => check(make('document.Document\n')))
    expect(error).toMatchObject({
      code: 'EIMAGE',
      message: 'The release-image configuration has 1 problem.',
      hint: 'Fix the image file, or rewrite it from the schemas with `verso image set`.'
    })
    expect(error.details).toEqual([expect.stringContaining(`${source}:1`)])
  })
})

describe('runImageCheck over what gather reads from a repository', () => {
  const repo = useRepos()

  /** The example's schemas and image, released as v0.1.0. */
  function released(): TestRepo {
    const r = repo()
    r.commit('chore: init')
    cpSync(EXAMPLE, join(r.dir, 'schemas'), { recursive: true })
    cpSync(join(EXAMPLE, '../.release-image'), join(r.dir, '.release-image'))
    r.git('add', 'schemas', '.release-image')
    r.commit('feat: the schemas')
    r.tag('v0.1.0')
    return r
  }
  function addSummary(r: TestRepo): void {
    const path = join(r.dir, 'schemas/document.json')
    const text = readFileSync(path, 'utf8')
    const changed = text.replace(
      '"heading": { "type": "string" },',
      '"heading": { "type": "string" },\n        "summary": { "type": "string" },'
    )
    expect(changed).not.toBe(text)
    writeFileSync(path, changed)
  }
  async function read(r: TestRepo, tag: string | null, todayAt: string | null = null): Promise<ImageSources> {
    const config = resolveConfig({ schemas: EXAMPLE_IMAGE.schemas.join(',') })
    return createGather(createGit(r.dir, r.env), config).imageSources(EXAMPLE_IMAGE, tag, todayAt)
  }

  it('unchanged at the release; the sources are the files at both sides', async () => {
    const r = released()
    const s = await read(r, 'v0.1.0')
    expect(s.today.map((f) => f.path)).toEqual(['schemas/document.json', 'schemas/paragraph.json', 'schemas/settings.yaml'])
    expect(s.atRelease).toEqual({ tag: 'v0.1.0', image: s.worktreeImage, files: s.today })
    expect(check(s, { config: EXAMPLE_IMAGE })).toMatchObject({ outcome: 'unchanged', findings: [], imageUpToDate: true })
  })

  it('a change in the working tree without its entry: incomplete, on the line of the type', async () => {
    const r = released()
    addSummary(r)
    const result = check(await read(r, 'v0.1.0'), { config: EXAMPLE_IMAGE })
    expect(result.outcome).toBe('incomplete')
    expect(result.findings.map((f) => [f.rule, f.type, f.file, f.line])).toContainEqual([
      'R2',
      'document.Section',
      'schemas/document.json',
      21
    ])
    expect(result.bump.bump).toBe('minor')
  })

  it('today read from a commit, not the working tree', async () => {
    const r = released()
    addSummary(r)
    const result = check(await read(r, 'v0.1.0', r.git('rev-parse', 'HEAD')), { config: EXAMPLE_IMAGE })
    expect(result.outcome).toBe('unchanged')
  })

  it('no release yet: created from the working tree', async () => {
    const r = released()
    r.git('tag', '-d', 'v0.1.0')
    r.git('rm', '-q', '.release-image')
    const s = await read(r, null)
    expect(s).toMatchObject({ worktreeImage: null, atRelease: null })
    const result = check(s, { config: EXAMPLE_IMAGE })
    expect(result.outcome).toBe('created')
    expect(result.imageText).toBe(readFileSync(join(EXAMPLE, '../.release-image'), 'utf8'))
  })

  it('a release whose schemas were broken: the warning names the tag and the file', async () => {
    const r = released()
    r.git('rm', '-q', '.release-image')
    writeFileSync(join(r.dir, 'schemas/paragraph.json'), '{ "x-release": ')
    r.git('commit', '-qam', 'fix: oops')
    r.tag('v0.1.1')
    r.git('checkout', '-q', 'v0.1.0', '--', 'schemas/paragraph.json')
    const result = check(await read(r, 'v0.1.1'), { config: EXAMPLE_IMAGE })
    expect(result.outcome).toBe('created')
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^The schemas at v0\.1\.1 do not load \(schemas\/paragraph\.json/)
    ])
  })
})
