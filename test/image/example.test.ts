/**
 * The example repository under examples/release-image: its committed image must be what
 * the schemas give, and every output its README shows must be what the check renders.
 */

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkImage } from '../../src/image/check.js'
import { buildImage, parseImage, renderImage } from '../../src/image/image.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import { renderImageCheck } from '../../src/image/render-check.js'
import type { SchemaFile } from '../../src/image/json-schema/schema-files.js'

const ROOT = join(import.meta.dirname, '../../examples/release-image')
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const COMMITTED = readFileSync(join(ROOT, '.release-image'), 'utf8')
const RELEASED: SchemaFile[] = readdirSync(join(ROOT, 'schemas'))
  .sort()
  .map((name) => ({ path: `schemas/${name}`, text: readFileSync(join(ROOT, 'schemas', name), 'utf8') }))

/** The example files with one text replacement applied to one of them. */
function edit(files: SchemaFile[], path: string, from: string, to: string): SchemaFile[] {
  return files.map((file) => {
    if (file.path !== path) return file
    if (!file.text.includes(from)) throw new Error(`${path} does not contain ${from}`)
    return { ...file, text: file.text.replace(from, to) }
  })
}

function check(
  today: SchemaFile[],
  committed: string | null,
  baseline: { image: string | null; files: SchemaFile[] } = { image: COMMITTED, files: RELEASED }
) {
  return checkImage({
    today: loadTypes(today),
    baseline: {
      image: baseline.image === null ? null : parseImage(baseline.image),
      types: baseline.image === null ? null : loadTypes(baseline.files)
    },
    committedImageText: committed,
    bootstrap: 'create'
  })
}

/** The README shows each output in a ```text block; compare them whole. */
function expectInReadme(text: string): void {
  expect(README).toContain('```text\n' + text + '```')
}

const WITH_SUMMARY = edit(
  RELEASED,
  'schemas/document.json',
  '"heading": { "type": "string" },',
  '"heading": { "type": "string" },\n        "summary": { "type": "string" },'
)
const FIXED = edit(
  edit(
    WITH_SUMMARY,
    'schemas/document.json',
    '["0.7", "minor", "Added optional tags"]',
    '["0.7", "minor", "Added optional tags"],\n          ["0.8", "minor", "Optional property `summary` added"]'
  ),
  'schemas/document.json',
  '["0.2", "minor", "Added sections"]',
  '["0.2", "minor", "Added sections"],\n      ["0.2.1", "minor", "Reachable document.Section 0.7 -> 0.8"]'
)

describe('examples/release-image', () => {
  it('commits the image its schemas give', () => {
    expect(COMMITTED).toBe(renderImage(buildImage(loadTypes(RELEASED))))
    expectInReadme(COMMITTED)
  })

  it('1. created', () => {
    const result = check(RELEASED, null, { image: null, files: [] })
    expect(result.outcome).toBe('created')
    expectInReadme(renderImageCheck(result))
  })

  it('2. unchanged', () => {
    const result = check(RELEASED, COMMITTED)
    expect(result.outcome).toBe('unchanged')
    expectInReadme(renderImageCheck(result))
  })

  it('4. incomplete (shown before valid in the README: the edit comes first)', () => {
    const result = check(WITH_SUMMARY, COMMITTED)
    expect(result.outcome).toBe('incomplete')
    expectInReadme(renderImageCheck(result))
  })

  it('3. valid', () => {
    const imageText = renderImage(buildImage(loadTypes(FIXED)))
    const result = check(FIXED, imageText)
    expect(result.outcome).toBe('valid')
    expectInReadme(renderImageCheck(result))
    expectInReadme(imageText)
  })
})
