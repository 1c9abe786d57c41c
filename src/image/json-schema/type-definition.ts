/**
 * A versioned type's definition as the fingerprint and the bump inference see it.
 *
 * - Subschemas without `x-release` (same-file `$defs` helpers, or helpers in a file that
 *   is versioned on the path) are inlined where they are referenced, recursively; a
 *   helper that refers back to itself becomes `{"$ref": "recursive:<n>"}`, n counting
 *   inlined helpers outward, so the result does not depend on file paths.
 * - A reference to a versioned type (itself included) becomes `{"$ref": "type:<name>"}`,
 *   and a versioned type nested in another is cut out the same way: its content is its
 *   own fingerprint's business.
 * - Dropped: `x-release`, `$defs`/`definitions` (what is used is inlined), `$id`,
 *   `$schema`, `$anchor`, `$dynamicAnchor`, `$vocabulary` (moving a file or renaming an
 *   `$id` changes no data), and the annotation keywords (by default `title`,
 *   `description`, `$comment`, `examples`). `default` is kept: it changes what a reader
 *   makes of a missing value, so it is part of the data's meaning.
 * - Set-like keywords are sorted and deduplicated: `required`, a `type` list (a
 *   one-element list becomes the plain string), `enum`.
 */

import canonicalize from 'canonicalize'
import type { ConfigProblem } from '../config-error.js'
import { appendPointer, listAncestorPointers, readPointer } from './json-pointer.js'
import { compareNames, isJsonObject, type JsonObject } from '../json-value.js'
import { RELEASE_KEY } from './release-block.js'
import { classifyKeyword } from './schema-keywords.js'
import { locationKey, resolveRef, type SchemaIndex, type SchemaLocation } from './schema-index.js'
import { TYPE_REF_PREFIX } from '../versioned-type.js'

export const DEFAULT_ANNOTATIONS: readonly string[] = ['title', 'description', '$comment', 'examples']

/** Keywords that never reach a definition, whatever the annotation setting. */
const STRUCTURAL_DROPS = new Set([RELEASE_KEY, '$defs', 'definitions', '$id', '$schema', '$anchor', '$dynamicAnchor', '$vocabulary'])

/** The marker prefix of a helper that refers back into itself. */
export const RECURSIVE_REF_PREFIX = 'recursive:'

export type FoldContext = {
  readonly index: SchemaIndex
  /** The name of the versioned type whose schema is exactly at this place, if any. */
  readonly typeAt: (location: SchemaLocation) => string | undefined
  readonly annotations: ReadonlySet<string>
  /** Problems found while folding are appended (each once). */
  readonly problems: ConfigProblem[]
}

export type FoldedDefinition = { readonly definition: unknown; readonly refs: readonly string[] }

/** The folded definition of the versioned type whose schema is at `root`. */
export function foldDefinition(context: FoldContext, root: SchemaLocation): FoldedDefinition {
  const self = context.typeAt(root)
  const refs = new Set<string>()
  const reported = new Set(context.problems.map((problem) => `${problem.file}#${problem.pointer ?? ''}\n${problem.message}`))
  const report = (problem: ConfigProblem): void => {
    const key = `${problem.file}#${problem.pointer ?? ''}\n${problem.message}`
    if (!reported.has(key)) context.problems.push(problem)
    reported.add(key)
  }

  const typeMarker = (name: string): JsonObject => {
    if (name !== self) refs.add(name)
    return { $ref: TYPE_REF_PREFIX + name }
  }

  const fold = (node: unknown, location: SchemaLocation, inlined: readonly string[]): unknown => {
    if (!isJsonObject(node)) return cloneJson(node)
    const nested = location.pointer === root.pointer && location.file === root.file ? undefined : context.typeAt(location)
    if (nested !== undefined) return typeMarker(nested)

    const out: JsonObject = {}
    for (const [keyword, value] of Object.entries(node)) {
      if (STRUCTURAL_DROPS.has(keyword) || context.annotations.has(keyword)) continue
      if ((keyword === '$ref' || keyword === '$dynamicRef') && typeof value === 'string') continue
      const here = (...tokens: string[]): SchemaLocation => ({
        file: location.file,
        pointer: appendPointer(location.pointer, keyword, ...tokens)
      })
      switch (classifyKeyword(keyword, value)) {
        case 'schema':
          out[keyword] = fold(value, here(), inlined)
          break
        case 'schema-map':
          out[keyword] = isJsonObject(value)
            ? Object.fromEntries(
                Object.entries(value).map(([name, member]) => [
                  name,
                  Array.isArray(member) ? sortStrings(member) : fold(member, here(name), inlined)
                ])
              )
            : cloneJson(value)
          break
        case 'schema-list':
          out[keyword] = Array.isArray(value) ? value.map((member, index) => fold(member, here(String(index)), inlined)) : cloneJson(value)
          break
        case 'data':
          out[keyword] = normalizeData(keyword, value)
          break
      }
    }

    const ref = typeof node['$ref'] === 'string' ? node['$ref'] : typeof node['$dynamicRef'] === 'string' ? node['$dynamicRef'] : undefined
    if (ref === undefined) return out
    const target = foldRef(ref, location, inlined)
    // A bare `$ref` is the schema it points at; with siblings both apply, so keep them side by side.
    if (Object.keys(out).length === 0) return target
    out['$ref'] = isJsonObject(target) && Object.keys(target).length === 1 && typeof target['$ref'] === 'string' ? target['$ref'] : target
    return out
  }

  const foldRef = (ref: string, location: SchemaLocation, inlined: readonly string[]): unknown => {
    const resolution = resolveRef(context.index, location, ref)
    // Unresolved refs are reported once for the whole repository by loadTypes.
    if (resolution.kind === 'missing') return { $ref: `unresolved:${ref}` }
    const target = resolution.location
    const name = context.typeAt(target)
    if (name !== undefined) return typeMarker(name)
    if (target.file !== location.file && !hasReleaseOnPath(context.index, target)) {
      report({
        file: location.file,
        pointer: appendPointer(location.pointer, '$ref'),
        message:
          `unversioned reachable: "${ref}" refers to ${target.file}#${target.pointer}, which has no x-release on its path. ` +
          `Give it (or its file root) an x-release block, or move it into ${location.file}.`
      })
    }
    const key = locationKey(target)
    const depth = inlined.indexOf(key)
    if (depth >= 0) return { $ref: `${RECURSIVE_REF_PREFIX}${inlined.length - depth}` }
    const file = context.index.files.get(target.file)
    return fold(readPointer(file?.root, target.pointer), target, [...inlined, key])
  }

  const definition = fold(readPointer(context.index.files.get(root.file)?.root, root.pointer), root, [locationKey(root)])
  return { definition, refs: [...refs].sort(compareNames) }
}

/** Whether the place or any schema above it carries an x-release (so it belongs to a versioned file). */
function hasReleaseOnPath(index: SchemaIndex, location: SchemaLocation): boolean {
  const root = index.files.get(location.file)?.root
  return [location.pointer, ...listAncestorPointers(location.pointer)].some((pointer) => {
    const node = readPointer(root, pointer)
    return isJsonObject(node) && Object.hasOwn(node, RELEASE_KEY)
  })
}

function normalizeData(keyword: string, value: unknown): unknown {
  if (keyword === 'required' && Array.isArray(value)) return sortStrings(value)
  if (keyword === 'type' && Array.isArray(value)) {
    const types = sortStrings(value)
    return types.length === 1 ? types[0] : types
  }
  if (keyword === 'enum' && Array.isArray(value)) {
    const byText = new Map(value.map((member) => [canonicalize(member) ?? 'null', cloneJson(member)]))
    return [...byText.keys()].sort(compareNames).map((text) => byText.get(text))
  }
  return cloneJson(value)
}

function sortStrings(values: readonly unknown[]): unknown[] {
  const strings = values.filter((value): value is string => typeof value === 'string')
  if (strings.length !== values.length) return values.map(cloneJson)
  return [...new Set(strings)].sort(compareNames)
}

function cloneJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown)
}
