/**
 * `$ref` resolution the JSON Schema way. Each file gets a synthetic base URI from its path
 * (`file:///repo/<path>`); `$id` starts a new resource (nested ones too), `$anchor` (and a
 * draft-07 `$id: "#name"`) names a place, and a fragment is a JSON Pointer within its
 * resource. Every way of naming a place resolves to one SchemaLocation (file + pointer), so
 * `./a.json`, `a.json#`, its absolute `$id` and an anchor on its root are one node.
 */

import type { ConfigProblem } from '../config-error.js'
import { appendPointer, formatPointer, parsePointer, readPointer } from './json-pointer.js'
import { isJsonObject } from '../json-value.js'
import { listSubschemas } from './schema-keywords.js'

/** A schema file after parsing. */
export type ParsedSchemaFile = { readonly path: string; readonly text: string; readonly root: unknown }

/** A place in a schema file. */
export type SchemaLocation = { readonly file: string; readonly pointer: string }

export type SchemaIndex = {
  readonly files: ReadonlyMap<string, ParsedSchemaFile>
  /** Absolute URI without fragment → the resource root it names. */
  readonly resources: ReadonlyMap<string, SchemaLocation>
  /** `<locationKey of the resource root>#<anchor>` → the place the anchor is on (keyed by place, so every URI of a resource finds it). */
  readonly anchors: ReadonlyMap<string, SchemaLocation>
  /** locationKey of every schema object → the base URI its `$ref`s resolve against. */
  readonly bases: ReadonlyMap<string, string>
  /** Every schema object with a `$ref`, in file order, so all refs are checked even if no type reaches them. */
  readonly refs: readonly { readonly at: SchemaLocation; readonly ref: string }[]
  /** Every schema object (not data inside `enum`, `default`, ...), in file order. */
  readonly schemas: readonly SchemaLocation[]
}

type MutableIndex = {
  resources: Map<string, SchemaLocation>
  anchors: Map<string, SchemaLocation>
  bases: Map<string, string>
  refs: { at: SchemaLocation; ref: string }[]
  schemas: SchemaLocation[]
}

export type RefResolution = { kind: 'found'; location: SchemaLocation } | { kind: 'missing'; reason: string }

const REPO_BASE = 'file:///repo/'

/** One string per place, for maps and cycle guards. */
export function locationKey(location: SchemaLocation): string {
  return `${location.file}#${location.pointer}`
}

/** The synthetic base URI of a repo-relative path. */
export function fileBaseUri(path: string): string {
  return new URL(path, REPO_BASE).href
}

/** Index every resource, anchor and base URI in the files; problems are appended, never thrown. */
export function indexSchemas(files: readonly ParsedSchemaFile[], problems: ConfigProblem[]): SchemaIndex {
  const index = {
    files: new Map(files.map((file) => [file.path, file])),
    resources: new Map<string, SchemaLocation>(),
    anchors: new Map<string, SchemaLocation>(),
    bases: new Map<string, string>(),
    refs: [] as { at: SchemaLocation; ref: string }[],
    schemas: [] as SchemaLocation[]
  }
  for (const file of files) {
    const base = fileBaseUri(file.path)
    index.resources.set(base, { file: file.path, pointer: '' })
    visitSchema(index, file.path, file.root, '', { base, root: { file: file.path, pointer: '' } }, problems)
  }
  return index
}

/** The resource a schema object sits in: its base URI and the place of its root. */
type Scope = { readonly base: string; readonly root: SchemaLocation }

function visitSchema(index: MutableIndex, file: string, node: unknown, pointer: string, inherited: Scope, problems: ConfigProblem[]): void {
  if (!isJsonObject(node)) return
  const here: SchemaLocation = { file, pointer }
  let scope = inherited
  const id = node['$id']
  if (typeof id === 'string') {
    const resolved = tryUrl(id, scope.base)
    if (resolved === null) {
      problems.push({ file, pointer, message: `\`$id\` "${id}" is not a valid URI reference; use a relative path or an absolute URI.` })
    } else {
      const fragment = resolved.hash.slice(1)
      resolved.hash = ''
      if (resolved.href !== scope.base) {
        scope = { base: resolved.href, root: here }
        registerOnce(index.resources, scope.base, here, file, `\`$id\` "${id}"`, problems)
      }
      // draft-07 names places with `$id: "#name"`; 2020-12 uses `$anchor` for the same.
      if (fragment !== '' && !fragment.startsWith('/')) registerAnchor(index, scope, decodeFragment(fragment) ?? fragment, here, problems)
    }
  }
  for (const keyword of ['$anchor', '$dynamicAnchor']) {
    const anchor = node[keyword]
    if (typeof anchor === 'string') registerAnchor(index, scope, anchor, here, problems)
  }
  index.bases.set(locationKey(here), scope.base)
  index.schemas.push(here)
  const ref = node['$ref'] ?? node['$dynamicRef']
  if (typeof ref === 'string') index.refs.push({ at: here, ref })
  for (const sub of listSubschemas(node)) {
    visitSchema(index, file, sub.value, appendPointer(pointer, ...sub.tokens), scope, problems)
  }
}

function registerAnchor(index: MutableIndex, scope: Scope, anchor: string, here: SchemaLocation, problems: ConfigProblem[]): void {
  const key = `${locationKey(scope.root)}#${anchor}`
  const existing = index.anchors.get(key)
  // `$anchor` and `$dynamicAnchor` may name the same place; only two different places clash.
  if (existing !== undefined && locationKey(existing) !== locationKey(here)) {
    problems.push({
      file: here.file,
      pointer: here.pointer,
      message:
        `anchor "${anchor}" is defined twice in ${describeUri(scope.base)} (also at ${existing.file}#${existing.pointer}); ` +
        `anchors must be unique per resource.`
    })
    return
  }
  index.anchors.set(key, here)
}

function registerOnce(
  map: Map<string, SchemaLocation>,
  key: string,
  location: SchemaLocation,
  file: string,
  what: string,
  problems: ConfigProblem[]
): void {
  const existing = map.get(key)
  if (existing !== undefined && locationKey(existing) !== locationKey(location)) {
    problems.push({
      file,
      pointer: location.pointer,
      message: `${what} resolves to ${key}, which ${existing.file}#${existing.pointer} already uses; each must be unique.`
    })
    return
  }
  map.set(key, location)
}

/** Where a `$ref` found at `at` points, or why it points nowhere. */
export function resolveRef(index: SchemaIndex, at: SchemaLocation, ref: string): RefResolution {
  const base = index.bases.get(locationKey(at)) ?? fileBaseUri(at.file)
  const target = tryUrl(ref, base)
  if (target === null) return { kind: 'missing', reason: `"${ref}" is not a valid URI reference` }
  const rawFragment = target.hash.slice(1)
  target.hash = ''
  const resource = index.resources.get(target.href)
  if (resource === undefined) {
    const viaId = base !== fileBaseUri(at.file) && !/^[a-z][a-z0-9+.-]*:/i.test(ref)
    const note = viaId
      ? `; relative refs resolve against the \`$id\` ${base}, not the file's path, so give the target that URI as its \`$id\` or use a path the \`$id\` reaches`
      : ''
    return {
      kind: 'missing',
      reason: `nothing is at ${describeUri(target.href)} (no schema file has that path and no \`$id\` that URI)${note}`
    }
  }
  const fragment = decodeFragment(rawFragment)
  if (fragment === null) return { kind: 'missing', reason: `the fragment "#${rawFragment}" has a malformed %-escape` }
  if (fragment === '') return { kind: 'found', location: resource }
  if (fragment.startsWith('/')) {
    const tokens = parsePointer(fragment) ?? []
    const pointer = appendPointer(resource.pointer, ...tokens)
    const file = index.files.get(resource.file)
    if (file === undefined || readPointer(file.root, pointer) === undefined) {
      return { kind: 'missing', reason: `${resource.file} has nothing at #${formatPointer(parsePointer(pointer) ?? [])}` }
    }
    return { kind: 'found', location: { file: resource.file, pointer } }
  }
  const anchored = index.anchors.get(`${locationKey(resource)}#${fragment}`)
  if (anchored === undefined) return { kind: 'missing', reason: `${describeUri(target.href)} has no anchor "${fragment}"` }
  return { kind: 'found', location: anchored }
}

function describeUri(uri: string): string {
  return uri.startsWith(REPO_BASE) ? uri.slice(REPO_BASE.length) : uri
}

function decodeFragment(fragment: string): string | null {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return null
  }
}

function tryUrl(reference: string, base: string): URL | null {
  try {
    return new URL(reference, base)
  } catch {
    return null
  }
}
