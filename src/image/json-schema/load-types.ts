/**
 * From schema files to versioned types: parse, index every resource, read each
 * `x-release` block, fold and fingerprint each type. Every problem in every file is
 * collected and thrown once, as an ImageConfigError.
 */

import { ImageConfigError, type ConfigProblem } from '../config-error.js'
import { fingerprintDefinition } from '../fingerprint.js'
import { appendPointer, parsePointer, readPointer } from './json-pointer.js'
import { compareNames, isJsonObject } from '../json-value.js'
import { readReleaseBlock, RELEASE_KEY, type ReleaseBlock } from './release-block.js'
import { parseSchemaFiles, type SchemaFile } from './schema-files.js'
import { indexSchemas, locationKey, resolveRef, type SchemaIndex, type SchemaLocation } from './schema-index.js'
import { isDefinitionsKeyword } from './schema-keywords.js'
import { locateKeyLines } from './source-lines.js'
import { DEFAULT_ANNOTATIONS, foldDefinition } from './type-definition.js'
import type { LoadedTypes, VersionedType } from '../versioned-type.js'

export type LoadOptions = {
  /**
   * Keywords left out of definitions because they change no data. Defaults to
   * `title`, `description`, `$comment`, `examples`.
   */
  readonly annotations?: readonly string[]
}

/** The versioned types in `files`; throws ImageConfigError listing every problem found. */
export function loadTypes(files: readonly SchemaFile[], options: LoadOptions = {}): LoadedTypes {
  const problems: ConfigProblem[] = []
  const index = indexSchemas(parseSchemaFiles(files, problems), problems)
  checkAllRefs(index, problems)
  const blocks = readBlocks(index, problems)
  const byLocation = new Map(blocks.map((block) => [locationKey(block.location), block.release.name]))
  const context = {
    index,
    typeAt: (location: SchemaLocation) => byLocation.get(locationKey(location)),
    annotations: new Set(options.annotations ?? DEFAULT_ANNOTATIONS),
    problems
  }
  const lines = new Map([...index.files.values()].map((file) => [file.path, locateKeyLines(file.text, file.root, RELEASE_KEY)]))
  const types = blocks.map(({ location, release }): VersionedType => {
    const { definition, refs } = foldDefinition(context, location)
    const last = release.history[release.history.length - 1]
    return {
      name: release.name,
      file: location.file,
      pointer: location.pointer,
      line: lines.get(location.file)?.get(location.pointer) ?? null,
      document: release.document,
      role: release.role,
      history: release.history,
      tag: last?.tag ?? '',
      definition,
      fingerprint: fingerprintDefinition(definition),
      refs
    }
  })
  if (problems.length > 0) throw new ImageConfigError(problems.map((problem) => withLine(problem, lines)))
  return { types: types.sort((a, b) => compareNames(a.name, b.name)) }
}

function checkAllRefs(index: SchemaIndex, problems: ConfigProblem[]): void {
  for (const { at, ref } of index.refs) {
    const resolution = resolveRef(index, at, ref)
    if (resolution.kind === 'missing') {
      problems.push({
        file: at.file,
        pointer: appendPointer(at.pointer, '$ref'),
        message: `$ref "${ref}" resolves nowhere: ${resolution.reason}.`
      })
    }
  }
}

type FoundBlock = { readonly location: SchemaLocation; readonly release: ReleaseBlock }

/** Every well-formed x-release block; malformed ones, misplaced ones and duplicate names become problems. */
function readBlocks(index: SchemaIndex, problems: ConfigProblem[]): FoundBlock[] {
  const found: FoundBlock[] = []
  for (const location of index.schemas) {
    const node = readPointer(index.files.get(location.file)?.root, location.pointer)
    if (!isJsonObject(node) || !Object.hasOwn(node, RELEASE_KEY)) continue
    if (!isSchemaResource(location.pointer, node)) {
      problems.push({
        file: location.file,
        pointer: appendPointer(location.pointer, RELEASE_KEY),
        message: 'x-release is read only on a file root, a $defs/definitions member or a schema with its own $id; move it to one of those.'
      })
      continue
    }
    const release = readReleaseBlock(node[RELEASE_KEY], location.file, location.pointer, problems)
    if (release !== null) found.push({ location, release })
  }
  const byName = new Map<string, FoundBlock[]>()
  for (const block of found) byName.set(block.release.name, [...(byName.get(block.release.name) ?? []), block])
  for (const [name, same] of byName) {
    if (same.length < 2) continue
    for (const block of same) {
      const others = same.filter((other) => other !== block).map((other) => `${other.location.file}#${other.location.pointer}`)
      problems.push({
        file: block.location.file,
        pointer: appendPointer(block.location.pointer, RELEASE_KEY, 'name'),
        message: `name "${name}" is also used by ${others.join(', ')}; each versioned type needs its own name.`
      })
    }
  }
  return found.filter((block) => (byName.get(block.release.name)?.length ?? 0) === 1)
}

function isSchemaResource(pointer: string, node: Record<string, unknown>): boolean {
  if (pointer === '' || typeof node['$id'] === 'string') return true
  const tokens = parsePointer(pointer) ?? []
  const keyword = tokens[tokens.length - 2]
  return keyword !== undefined && isDefinitionsKeyword(keyword)
}

/** Problems about an x-release block get the block's line when it is known. */
function withLine(problem: ConfigProblem, lines: ReadonlyMap<string, ReadonlyMap<string, number>>): ConfigProblem {
  if (problem.line !== undefined || problem.pointer === undefined) return problem
  const marker = `/${RELEASE_KEY}`
  const cut = problem.pointer.indexOf(marker)
  const owner = cut === -1 ? problem.pointer : problem.pointer.slice(0, cut)
  const line = lines.get(problem.file)?.get(owner)
  return line === undefined ? problem : { ...problem, line }
}
