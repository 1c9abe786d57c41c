import { describe, expect, it } from 'vitest'
import { hasMissingFingerprints, listImageDifferences } from '../../src/image/image-compare.js'
import { buildImage, parseImage, type Image } from '../../src/image/image.js'
import { loadTypes } from '../../src/image/json-schema/load-types.js'
import { repo, SECTION_PROPERTIES } from './schemas.js'

const FP1 = 'j1s-0123456789abcdef'
const FP2 = 'j1s-fedcba9876543210'
const LABELS = { a: '.release-image', b: 'the schemas' }

function image(...lines: string[]): Image {
  return parseImage(lines.map((line) => `${line}\n`).join(''))
}

function differences(a: Image, b: Image): string[] {
  return listImageDifferences(a, b, LABELS)
}

describe('listImageDifferences', () => {
  it('finds none between an image and itself, or two empty images', () => {
    const today = buildImage(loadTypes(repo()))
    expect(differences(today, today)).toEqual([])
    expect(differences(image(), image())).toEqual([])
  })

  it('names a type that only one side has, with the labels given', () => {
    const a = image(`d.D:d.D/0.1/${FP1},d.Old/0.1/${FP1}`)
    const b = image(`d.D:d.D/0.1/${FP1},d.New/0.2/${FP2}`)
    expect(differences(a, b)).toEqual([
      'd.New is in the schemas but not in .release-image',
      'd.Old is in .release-image but not in the schemas',
      'd.D reaches d.Old in .release-image but not in the schemas',
      'd.D reaches d.New in the schemas but not in .release-image'
    ])
    expect(listImageDifferences(a, b, { a: 'the baseline', b: 'today' })).toEqual([
      'd.New is in today but not in the baseline',
      'd.Old is in the baseline but not in today',
      'd.D reaches d.Old in the baseline but not in today',
      'd.D reaches d.New in today but not in the baseline'
    ])
  })

  it('names a tag that differs, but not two spellings of one tag', () => {
    expect(differences(image(`d.D:d.D/0.2/${FP1}`), image(`d.D:d.D/0.3/${FP1}`))).toEqual([
      'd.D is 0.2 in .release-image but 0.3 in the schemas'
    ])
    expect(differences(image(`d.D:d.D/2.5/${FP1}`), image(`d.D:d.D/2.5.0/${FP1}`))).toEqual([])
  })

  it('names a fingerprint that differs only when both sides have one', () => {
    expect(differences(image(`d.D:d.D/0.2/${FP1}`), image(`d.D:d.D/0.2/${FP2}`))).toEqual([
      `d.D has fingerprint ${FP1} in .release-image but ${FP2} in the schemas`
    ])
    // An entry written without a fingerprint cannot differ in one.
    expect(differences(image('d.D:d.D/0.2'), image(`d.D:d.D/0.2/${FP2}`))).toEqual([])
    expect(differences(image(`d.D:d.D/0.2/${FP1}`), image('d.D:d.D/0.2'))).toEqual([])
  })

  it('names a tag change before a fingerprint change of the same type, once', () => {
    expect(differences(image(`d.D:d.D/0.2/${FP1}`), image(`d.D:d.D/0.3/${FP2}`))).toEqual([
      'd.D is 0.2 in .release-image but 0.3 in the schemas'
    ])
  })

  it('names a type that is a document on one side only', () => {
    const a = image(`d.D:d.D/0.1/${FP1},d.S/0.1/${FP1}`, `d.S:d.S/0.1/${FP1}`)
    const b = image(`d.D:d.D/0.1/${FP1},d.S/0.1/${FP1}`)
    expect(differences(a, b)).toEqual(['d.S is a document in .release-image but not in the schemas'])
    expect(differences(b, a)).toEqual(['d.S is a document in the schemas but not in .release-image'])
  })

  it('says only that a document is missing, not also that it is no longer a document', () => {
    const a = image(`d.D:d.D/0.1/${FP1}`, `e.E:e.E/0.1/${FP1}`)
    const b = image(`d.D:d.D/0.1/${FP1}`)
    expect(differences(a, b)).toEqual(['e.E is in .release-image but not in the schemas'])
    expect(differences(b, a)).toEqual(['e.E is in the schemas but not in .release-image'])
  })

  it('names reachables a document gained or lost, sorted by name', () => {
    const a = image(`d.D:d.D/0.1/${FP1},d.B/0.1/${FP1},d.C/0.1/${FP1}`, `e.E:e.E/0.1/${FP1},d.A/0.1/${FP1},d.C/0.1/${FP1}`)
    const b = image(`d.D:d.D/0.1/${FP1},d.A/0.1/${FP1},d.C/0.1/${FP1}`, `e.E:e.E/0.1/${FP1},d.B/0.1/${FP1},d.C/0.1/${FP1}`)
    expect(differences(a, b)).toEqual([
      'd.D reaches d.B in .release-image but not in the schemas',
      'd.D reaches d.A in the schemas but not in .release-image',
      'e.E reaches d.A in .release-image but not in the schemas',
      'e.E reaches d.B in the schemas but not in .release-image'
    ])
  })

  it('lists type differences by name first, then reachables by document', () => {
    const a = image(`a.Doc:a.Doc/0.1/${FP1},a.B/0.1/${FP1}`)
    const b = image(`a.Doc:a.Doc/0.1/${FP1}`, `z.Z:z.Z/0.1/${FP1}`)
    expect(differences(a, b)).toEqual([
      'a.B is in .release-image but not in the schemas',
      'z.Z is in the schemas but not in .release-image',
      'a.Doc reaches a.B in .release-image but not in the schemas'
    ])
  })

  it('finds the difference a content change makes between two loaded repositories', () => {
    const before = buildImage(loadTypes(repo()))
    const withoutTags = Object.fromEntries(Object.entries(SECTION_PROPERTIES).filter(([name]) => name !== 'tags'))
    const after = buildImage(loadTypes(repo({ sectionProperties: withoutTags })))
    const found = listImageDifferences(before, after, { a: 'the baseline', b: 'today' })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^document\.Section has fingerprint j1s-[0-9a-f]{16} in the baseline but j1s-[0-9a-f]{16} in today$/)
  })
})

describe('hasMissingFingerprints', () => {
  it.each([
    ['an empty image', [], false],
    ['an image built from schemas', null, false],
    ['every entry with a fingerprint', [`d.D:d.D/0.1/${FP1},d.S/0.1/${FP2}`], false],
    ['a document written without one', ['d.D:d.D/0.1'], true],
    ['one reachable written without one', [`d.D:d.D/0.1/${FP1},d.S/0.1`], true],
    ['an entry without one on the second line only', [`d.D:d.D/0.1/${FP1}`, 'e.E:e.E/0.1'], true]
  ])('%s: %s', (_, lines, expected) => {
    const subject = lines === null ? buildImage(loadTypes(repo())) : image(...lines)
    expect(hasMissingFingerprints(subject)).toBe(expected)
  })
})
