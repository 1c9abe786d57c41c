import { describe, expect, it } from 'vitest'
import {
  buildImage,
  checkImage,
  DEFAULT_IMAGE_FILE,
  describeProblem,
  ImageConfigError,
  inferImpact,
  loadTypes,
  parseImage,
  RELEASE_BLOCK_SCHEMA,
  renderImage,
  renderImageCheck,
  type ImageCheck,
  type SchemaFile
} from '../../src/image/index.js'

const INITIAL = '["0.1", null, Initial version]'

/** A shop order (a document) holding items, in one YAML file; histories are YAML list items. */
function shop(itemProperties: string, itemHistory: string[] = [INITIAL], orderHistory: string[] = [INITIAL]): SchemaFile[] {
  return [
    {
      path: 'schemas/order.yaml',
      text: [
        '$schema: https://json-schema.org/draft/2020-12/schema',
        'x-release:',
        '  name: shop.Order',
        '  document: true',
        '  history:',
        ...orderHistory.map((entry) => `    - ${entry}`),
        'type: object',
        'properties:',
        '  items: {type: array, items: {$ref: "#/$defs/Item"}}',
        '$defs:',
        '  Item:',
        '    x-release:',
        '      name: shop.Item',
        '      history:',
        ...itemHistory.map((entry) => `        - ${entry}`),
        '    type: object',
        `    properties: ${itemProperties}`,
        ''
      ].join('\n')
    }
  ]
}

const BEFORE = shop('{sku: {type: string}, note: {type: string}}')

/** Check `after` against BEFORE as released, with the image file rewritten for `after`. */
function check(after: SchemaFile[]): ImageCheck {
  const baseTypes = loadTypes(BEFORE)
  const today = loadTypes(after)
  return checkImage({
    today,
    baseline: { image: parseImage(renderImage(buildImage(baseTypes))), types: baseTypes },
    committedImageText: renderImage(buildImage(today)),
    bootstrap: 'fail'
  })
}

describe('the public face of the release-image check', () => {
  it('loads schemas, writes the image, and checks a change end to end', () => {
    const types = loadTypes(BEFORE)
    const text = renderImage(buildImage(types))
    expect(text).toMatch(/^shop\.Order:shop\.Order\/0\.1\/j1s-[0-9a-f]{16},shop\.Item\/0\.1\/j1s-[0-9a-f]{16}\n$/)
    expect(renderImage(parseImage(text, DEFAULT_IMAGE_FILE))).toBe(text)

    const created = checkImage({ today: types, baseline: { image: null, types: null }, committedImageText: null, bootstrap: 'create' })
    expect(created).toMatchObject({ outcome: 'created', imageText: text, imageUpToDate: false })
    expect(renderImageCheck(created)).toBe('Release image: created .release-image (1 document).\n')

    // Dropping `note` without a history entry: the check asks for one and says which.
    const uncovered = check(shop('{sku: {type: string}}'))
    expect(uncovered.outcome).toBe('incomplete')
    expect(uncovered.findings.map((finding) => [finding.rule, finding.type, finding.line, finding.suggestion?.text])).toEqual([
      ['R2', 'shop.Item', 12, 'schemas/order.yaml#/$defs/Item: x-release.history += ["1.0", "major", "Property `note` removed"]'],
      ['R1', 'shop.Order', 2, 'schemas/order.yaml: x-release.history += ["0.1.1", "major", "Reachable shop.Item 0.1 -> 1.0"]']
    ])
    expect(uncovered.bump).toEqual({
      bump: 'major',
      reasons: [{ type: 'shop.Item', bump: 'major', message: 'property `note` removed from shop.Item' }]
    })
    expect(renderImageCheck(uncovered, { imageFile: DEFAULT_IMAGE_FILE })).toContain(
      '  fix: schemas/order.yaml#/$defs/Item: x-release.history += ["1.0", "major", "Property `note` removed"]'
    )

    // The suggested entries, applied, make the same change valid.
    const covered = shop(
      '{sku: {type: string}}',
      [INITIAL, '["1.0", major, Property `note` removed]'],
      [INITIAL, '["0.1.1", major, Reachable shop.Item 0.1 -> 1.0]']
    )
    const valid = check(covered)
    expect(valid).toMatchObject({ outcome: 'valid', findings: [], bump: { bump: 'major' }, imageUpToDate: true })
    expect(renderImageCheck(valid).split('\n')[0]).toBe('Release image: valid; every change is covered (1 document).')
  })

  it('reports configuration errors with their place, and exports what editors and hooks need', () => {
    const broken = shop('{sku: {$ref: "#/$defs/Missing"}}', ['["0.1", huge, Initial version]'])
    let error: unknown
    try {
      loadTypes(broken)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ImageConfigError)
    const problems = (error as ImageConfigError).problems
    expect(problems.map(describeProblem)).toEqual([
      'schemas/order.yaml at #/$defs/Item/properties/sku/$ref: ' +
        '$ref "#/$defs/Missing" resolves nowhere: schemas/order.yaml has nothing at #/$defs/Missing.',
      'schemas/order.yaml:12 at #/$defs/Item/x-release/history/0/1: ' +
        'history[0] impact "huge" must be "major", "minor", "patch" or null (null: verso infers it).'
    ])
    expect((error as ImageConfigError).hint).toBe('Fix these and run `verso image check` again.')
    expect(DEFAULT_IMAGE_FILE).toBe('.release-image')
    expect(RELEASE_BLOCK_SCHEMA.$id).toBe('https://verso.invalid/schemas/x-release.json')
    expect(inferImpact({ type: 'string' }, { type: ['null', 'string'] }, 'produced', 'shop.Item').bump).toBe('major')
  })
})
