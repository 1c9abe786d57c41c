import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fingerprintDefinition } from '../../src/image/fingerprint.js'
import { parseImage, renderImage, type Image, type ImageEntry } from '../../src/image/image.js'
import { compareTags, nextTag } from '../../src/image/tag.js'

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/)
const tag = fc
  .tuple(fc.nat(30), fc.nat(30), fc.option(fc.nat(9), { nil: null }))
  .map(([major, minor, third]) => (third === null ? `${major}.${minor}` : `${major}.${minor}.${third}`))
const fingerprint = fc.option(
  fc.stringMatching(/^[0-9a-f]{16}$/).map((hex) => `j1s-${hex}`),
  { nil: null }
)

/** An image where every type has one tag and one fingerprint, as buildImage makes them. */
const image: fc.Arbitrary<Image> = fc
  .uniqueArray(fc.record({ name, tag, fingerprint }), { selector: (entry) => entry.name, minLength: 1, maxLength: 8 })
  .chain((entries: ImageEntry[]) =>
    fc
      .uniqueArray(fc.nat(entries.length - 1), { minLength: 1, maxLength: entries.length })
      .chain((documents) =>
        fc.tuple(
          ...documents.map((index) =>
            fc
              .subarray(entries.filter((_, other) => other !== index))
              .map((reachables) => ({ document: entries[index] as ImageEntry, reachables }))
          )
        )
      )
      .map((lines) => ({ lines }))
  )

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, index) => shuffleKeys(item, seed + index))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value)
  const rotated = entries.map((_, index) => entries[(index + seed) % entries.length] as [string, unknown])
  return Object.fromEntries(rotated.reverse().map(([key, item]) => [key, shuffleKeys(item, seed + 1)]))
}

describe('properties', () => {
  it('an image survives render -> parse -> render, also with CRLF and a trailing blank line', () => {
    fc.assert(
      fc.property(image, (generated) => {
        const text = renderImage(generated)
        expect(renderImage(parseImage(text))).toBe(text)
        expect(renderImage(parseImage(text.replaceAll('\n', '\r\n') + '\r\n'))).toBe(text)
      })
    )
  })

  it('a fingerprint does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(10), (value, seed) => {
        expect(fingerprintDefinition(shuffleKeys(value, seed))).toBe(fingerprintDefinition(value))
      })
    )
  })

  it('a suggested tag is always newer', () => {
    fc.assert(
      fc.property(
        tag,
        fc.constantFrom('major', 'minor', 'patch', 'reachables') as fc.Arbitrary<'major' | 'minor' | 'patch' | 'reachables'>,
        (current, change) => {
          expect(compareTags(nextTag(current, change), current)).toBeGreaterThan(0)
        }
      )
    )
  })
})
