/** Differences between two images, in words: for "unchanged" and for a stale committed image file. */

import { listImageEntries, type Image } from './image.js'
import { compareNames } from './json-value.js'
import { compareTags } from './tag.js'

/**
 * What differs between image `a` and image `b`, one sentence each, sorted. Names, tags and
 * reachables are compared; fingerprints only where both images have one (Ansar's do not).
 */
export function listImageDifferences(a: Image, b: Image, labels: { readonly a: string; readonly b: string }): string[] {
  const differences: string[] = []
  const left = listImageEntries(a)
  const right = listImageEntries(b)
  for (const name of [...new Set([...left.keys(), ...right.keys()])].sort(compareNames)) {
    const before = left.get(name)
    const after = right.get(name)
    if (before === undefined) differences.push(`${name} is in ${labels.b} but not in ${labels.a}`)
    else if (after === undefined) differences.push(`${name} is in ${labels.a} but not in ${labels.b}`)
    else if (compareTags(before.tag, after.tag) !== 0)
      differences.push(`${name} is ${before.tag} in ${labels.a} but ${after.tag} in ${labels.b}`)
    else if (before.fingerprint !== null && after.fingerprint !== null && before.fingerprint !== after.fingerprint) {
      differences.push(`${name} has fingerprint ${before.fingerprint} in ${labels.a} but ${after.fingerprint} in ${labels.b}`)
    }
  }
  const reachedBy = (image: Image): Map<string, Set<string>> =>
    new Map(image.lines.map((line) => [line.document.name, new Set(line.reachables.map((entry) => entry.name))]))
  const linesA = reachedBy(a)
  const linesB = reachedBy(b)
  for (const [document, reachedA] of linesA) {
    const reachedB = linesB.get(document)
    if (reachedB === undefined) {
      if (right.has(document)) differences.push(`${document} is a document in ${labels.a} but not in ${labels.b}`)
      continue
    }
    for (const name of [...reachedA].filter((name) => !reachedB.has(name)).sort(compareNames)) {
      differences.push(`${document} reaches ${name} in ${labels.a} but not in ${labels.b}`)
    }
    for (const name of [...reachedB].filter((name) => !reachedA.has(name)).sort(compareNames)) {
      differences.push(`${document} reaches ${name} in ${labels.b} but not in ${labels.a}`)
    }
  }
  for (const document of linesB.keys()) {
    if (!linesA.has(document) && left.has(document)) differences.push(`${document} is a document in ${labels.b} but not in ${labels.a}`)
  }
  return differences
}

/** Whether any entry of the image was written without a fingerprint. */
export function hasMissingFingerprints(image: Image): boolean {
  return image.lines.some((line) => [line.document, ...line.reachables].some((entry) => entry.fingerprint === null))
}
