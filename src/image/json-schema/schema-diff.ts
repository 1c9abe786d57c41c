/**
 * Structural comparison of two folded definitions of one type: what a reader or consumer
 * of the data would notice. Each change is classified by direction, and the role of the
 * type turns direction into a bump (see impact.ts):
 *
 * - narrow: fewer documents are valid than before (a property removed or required, a
 *   type or enum value dropped, a bound tightened, a pattern or format added, extra
 *   properties closed, a `default` changed or removed);
 * - widen: more are valid (an optional property added, a type or enum value added, a
 *   bound relaxed, a pattern removed);
 * - incompatible: neither contains the other (a `const`, pattern or format changed, a
 *   reference to another versioned type swapped, a keyword we cannot compare changed);
 * - compatible: a `default` added, harmless either way;
 * - annotation: `deprecated`, `readOnly`, `writeOnly`, `x-…` extensions, kept annotations.
 *
 * "Property removed" counts as narrowing although a schema with open
 * additionalProperties would still accept the field: for versioned data, a reader that
 * no longer knows a field has lost it.
 */

import canonicalize from 'canonicalize'
import { isJsonObject, isSameJson, type JsonObject } from '../json-value.js'

export type ChangeKind = 'narrow' | 'widen' | 'incompatible' | 'compatible' | 'annotation'

export type SchemaChange = {
  readonly kind: ChangeKind
  /** The change, naming the type: "property `tags` removed from document.Section". */
  readonly message: string
  /** The same without the type, for a history note: "property `tags` removed". */
  readonly summary: string
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains']
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']
const OPEN_ENDED = ['additionalProperties', 'unevaluatedProperties', 'additionalItems', 'unevaluatedItems']
const NESTED = ['items', 'contains', 'propertyNames']
const ALTERNATIVES = ['anyOf', 'oneOf']
const ANNOTATIONS = new Set(['deprecated', 'readOnly', 'writeOnly', 'title', 'description', '$comment', 'examples'])

/** Every difference between `before` and `after` that matters to the data, described for `subject` (a type name). */
export function diffSchemas(before: unknown, after: unknown, subject: string): SchemaChange[] {
  const changes: SchemaChange[] = []
  compareSchemas(before, after, [], { subject, changes })
  return changes
}

type Context = { readonly subject: string; readonly changes: SchemaChange[] }

/** A readable place inside the type: `body[].tags`, or '' for the type itself. */
type Path = readonly string[]

function renderPath(path: Path): string {
  return path.reduce(
    (text, segment) => (segment.startsWith('[') || segment.startsWith('(') || text === '' ? text + segment : `${text}.${segment}`),
    ''
  )
}

function note(context: Context, kind: ChangeKind, what: string, path: Path): void {
  const where = renderPath(path)
  const summary = `${what}${where === '' ? '' : ` at \`${where}\``}`
  context.changes.push({ kind, message: `${summary} in ${context.subject}`, summary })
}

/** A change whose summary already names its place (a property path). */
function record(context: Context, kind: ChangeKind, summary: string, preposition: 'from' | 'to' | 'in'): void {
  context.changes.push({ kind, message: `${summary} ${preposition} ${context.subject}`, summary })
}

function show(value: unknown): string {
  return canonicalize(value) ?? 'null'
}

/** `true`, `{}` and an absent subschema all accept everything. */
function acceptsAll(schema: unknown): boolean {
  return schema === undefined || schema === true || (isJsonObject(schema) && Object.keys(schema).length === 0)
}

function compareSchemas(before: unknown, after: unknown, path: Path, context: Context): void {
  if (isSameJson(before, after) || (acceptsAll(before) && acceptsAll(after))) return
  if (after === false) return note(context, 'narrow', 'schema now rejects every value', path)
  if (before === false) return note(context, 'widen', 'schema now accepts values (was false)', path)
  const left = isJsonObject(before) ? before : {}
  const right = isJsonObject(after) ? after : {}
  compareKeywords(left, right, path, context)
}

function compareKeywords(before: JsonObject, after: JsonObject, path: Path, context: Context): void {
  const handled = new Set<string>()
  const take = (...keywords: string[]): void => keywords.forEach((keyword) => handled.add(keyword))

  take('$ref')
  compareRefs(before['$ref'], after['$ref'], path, context)
  take('type')
  compareTypes(before['type'], after['type'], path, context)
  take('properties', 'required')
  compareProperties(before, after, path, context)
  take('patternProperties')
  compareSchemaMaps(before['patternProperties'], after['patternProperties'], path, context, (key) => `(/${key}/)`, 'pattern property')
  take('enum')
  compareEnums(before['enum'], after['enum'], path, context)
  take('const')
  compareConst(before, after, path, context)
  for (const keyword of LOWER_BOUNDS) compareBound(keyword, before[keyword], after[keyword], 1, path, context)
  for (const keyword of UPPER_BOUNDS) compareBound(keyword, before[keyword], after[keyword], -1, path, context)
  take(...LOWER_BOUNDS, ...UPPER_BOUNDS)
  take('multipleOf')
  compareMultipleOf(before['multipleOf'], after['multipleOf'], path, context)
  take('pattern', 'format')
  for (const keyword of ['pattern', 'format']) compareConstraintString(keyword, before[keyword], after[keyword], path, context)
  take('uniqueItems')
  compareFlag('uniqueItems', before['uniqueItems'], after['uniqueItems'], path, context)
  take(...OPEN_ENDED)
  for (const keyword of OPEN_ENDED) compareOpenEnded(keyword, before[keyword], after[keyword], path, context)
  take(...NESTED, 'prefixItems')
  compareItems(before, after, path, context)
  for (const keyword of ['contains', 'propertyNames']) compareSchemas(before[keyword], after[keyword], [...path, `(${keyword})`], context)
  take('allOf', ...ALTERNATIVES)
  compareBranches('allOf', before['allOf'], after['allOf'], path, context)
  for (const keyword of ALTERNATIVES) compareBranches(keyword, before[keyword], after[keyword], path, context)
  take('default')
  compareDefault(before, after, path, context)

  for (const keyword of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (handled.has(keyword) || isSameJson(before[keyword], after[keyword])) continue
    const kind: ChangeKind = ANNOTATIONS.has(keyword) || keyword.startsWith('x-') ? 'annotation' : 'incompatible'
    note(context, kind, `\`${keyword}\` ${describeEdit(before[keyword], after[keyword])}`, path)
  }
}

function describeEdit(before: unknown, after: unknown): string {
  if (before === undefined) return `added (${show(after)})`
  if (after === undefined) return `removed (was ${show(before)})`
  return `changed from ${show(before)} to ${show(after)}`
}

function compareRefs(before: unknown, after: unknown, path: Path, context: Context): void {
  if (isSameJson(before, after)) return
  if (isJsonObject(before) && isJsonObject(after)) return compareSchemas(before, after, path, context)
  const name = (ref: unknown): string => (typeof ref === 'string' ? ref.replace(/^type:/, '') : 'an inline schema')
  if (before === undefined) return note(context, 'narrow', `reference to ${name(after)} added`, path)
  if (after === undefined) return note(context, 'widen', `reference to ${name(before)} removed`, path)
  note(context, 'incompatible', `reference changed from ${name(before)} to ${name(after)}`, path)
}

function listTypes(value: unknown): string[] | null {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return null
}

function compareTypes(before: unknown, after: unknown, path: Path, context: Context): void {
  if (isSameJson(before, after)) return
  const left = listTypes(before)
  const right = listTypes(after)
  if (left === null && right !== null) return note(context, 'narrow', `type restricted to ${right.join(', ')}`, path)
  if (left !== null && right === null) return note(context, 'widen', `type restriction (${left.join(', ')}) removed`, path)
  if (left === null || right === null) return
  // "number" includes "integer": integer → number widens, number → integer narrows.
  const covers = (types: readonly string[], type: string): boolean =>
    types.includes(type) || (type === 'integer' && types.includes('number'))
  const lost = left.filter((type) => !covers(right, type))
  const gained = right.filter((type) => !covers(left, type))
  for (const type of lost) note(context, 'narrow', `type ${type} no longer allowed`, path)
  for (const type of gained) note(context, 'widen', `type ${type} now allowed`, path)
}

function listRequired(schema: JsonObject): string[] {
  const required = schema['required']
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : []
}

function compareProperties(before: JsonObject, after: JsonObject, path: Path, context: Context): void {
  const property = (name: string): string => renderPath([...path, name])
  const left = isJsonObject(before['properties']) ? before['properties'] : {}
  const right = isJsonObject(after['properties']) ? after['properties'] : {}
  for (const name of Object.keys(left)) {
    if (!Object.hasOwn(right, name)) record(context, 'narrow', `property \`${property(name)}\` removed`, 'from')
    else compareSchemas(left[name], right[name], [...path, name], context)
  }
  const requiredBefore = listRequired(before)
  const requiredAfter = listRequired(after)
  for (const name of Object.keys(right)) {
    if (Object.hasOwn(left, name)) continue
    const optional = !requiredAfter.includes(name)
    record(context, 'widen', `${optional ? 'optional ' : ''}property \`${property(name)}\` added`, 'to')
  }
  for (const name of requiredAfter.filter((name) => !requiredBefore.includes(name))) {
    record(context, 'narrow', `property \`${property(name)}\` is now required`, 'in')
  }
  for (const name of requiredBefore.filter((name) => !requiredAfter.includes(name))) {
    record(context, 'widen', `property \`${property(name)}\` is no longer required`, 'in')
  }
}

function compareSchemaMaps(
  before: unknown,
  after: unknown,
  path: Path,
  context: Context,
  segment: (key: string) => string,
  label: string
): void {
  const left = isJsonObject(before) ? before : {}
  const right = isJsonObject(after) ? after : {}
  for (const key of Object.keys(left)) {
    if (!Object.hasOwn(right, key)) note(context, 'narrow', `${label} /${key}/ removed`, path)
    else compareSchemas(left[key], right[key], [...path, segment(key)], context)
  }
  for (const key of Object.keys(right)) if (!Object.hasOwn(left, key)) note(context, 'widen', `${label} /${key}/ added`, path)
}

function compareEnums(before: unknown, after: unknown, path: Path, context: Context): void {
  if (isSameJson(before, after)) return
  if (!Array.isArray(before) && Array.isArray(after)) return note(context, 'narrow', `values restricted to the enum ${show(after)}`, path)
  if (Array.isArray(before) && !Array.isArray(after)) return note(context, 'widen', 'enum removed', path)
  if (!Array.isArray(before) || !Array.isArray(after)) return
  const right = new Set(after.map(show))
  const left = new Set(before.map(show))
  for (const value of left) if (!right.has(value)) note(context, 'narrow', `enum value ${value} removed`, path)
  for (const value of right) if (!left.has(value)) note(context, 'widen', `enum value ${value} added`, path)
}

function compareConst(before: JsonObject, after: JsonObject, path: Path, context: Context): void {
  const had = Object.hasOwn(before, 'const')
  const has = Object.hasOwn(after, 'const')
  if (had && has && !isSameJson(before['const'], after['const'])) {
    note(context, 'incompatible', `const changed from ${show(before['const'])} to ${show(after['const'])}`, path)
  } else if (!had && has) {
    note(context, 'narrow', `const ${show(after['const'])} added`, path)
  } else if (had && !has) {
    note(context, 'widen', `const ${show(before['const'])} removed`, path)
  }
}

/** `direction` is 1 for lower bounds (raising narrows) and -1 for upper bounds (lowering narrows). */
function compareBound(keyword: string, before: unknown, after: unknown, direction: 1 | -1, path: Path, context: Context): void {
  if (isSameJson(before, after)) return
  if (before === undefined) return note(context, 'narrow', `\`${keyword}\` ${show(after)} added`, path)
  if (after === undefined) return note(context, 'widen', `\`${keyword}\` ${show(before)} removed`, path)
  if (typeof before !== 'number' || typeof after !== 'number') {
    return note(context, 'incompatible', `\`${keyword}\` changed from ${show(before)} to ${show(after)}`, path)
  }
  const tighter = (after - before) * direction > 0
  note(context, tighter ? 'narrow' : 'widen', `\`${keyword}\` ${after > before ? 'raised' : 'lowered'} from ${before} to ${after}`, path)
}

function compareMultipleOf(before: unknown, after: unknown, path: Path, context: Context): void {
  if (isSameJson(before, after)) return
  if (before === undefined) return note(context, 'narrow', `\`multipleOf\` ${show(after)} added`, path)
  if (after === undefined) return note(context, 'widen', `\`multipleOf\` ${show(before)} removed`, path)
  const message = `\`multipleOf\` changed from ${show(before)} to ${show(after)}`
  if (typeof before !== 'number' || typeof after !== 'number') return note(context, 'incompatible', message, path)
  // Every multiple of 4 is a multiple of 2: 2 → 4 narrows, 4 → 2 widens, 2 → 3 does neither.
  // In floating point 0.3 / 0.1 is 2.9999999999999996: a quotient that near a whole number is one.
  const divides = (big: number, small: number): boolean => {
    const quotient = big / small
    return Math.abs(quotient - Math.round(quotient)) <= 1e-9 * Math.max(1, Math.abs(quotient))
  }
  note(context, divides(after, before) ? 'narrow' : divides(before, after) ? 'widen' : 'incompatible', message, path)
}

function compareConstraintString(keyword: string, before: unknown, after: unknown, path: Path, context: Context): void {
  if (isSameJson(before, after)) return
  if (before === undefined) return note(context, 'narrow', `\`${keyword}\` ${show(after)} added`, path)
  if (after === undefined) return note(context, 'widen', `\`${keyword}\` ${show(before)} removed`, path)
  note(context, 'incompatible', `\`${keyword}\` changed from ${show(before)} to ${show(after)}`, path)
}

function compareFlag(keyword: string, before: unknown, after: unknown, path: Path, context: Context): void {
  const was = before === true
  const is = after === true
  if (was !== is) note(context, is ? 'narrow' : 'widen', `\`${keyword}\` ${is ? 'now required' : 'no longer required'}`, path)
}

function compareOpenEnded(keyword: string, before: unknown, after: unknown, path: Path, context: Context): void {
  if (isSameJson(before, after) || (acceptsAll(before) && acceptsAll(after))) return
  if (acceptsAll(before)) return note(context, 'narrow', `\`${keyword}\` closed (${show(after)})`, path)
  if (acceptsAll(after)) return note(context, 'widen', `\`${keyword}\` opened (was ${show(before)})`, path)
  if (before === false) return note(context, 'widen', `\`${keyword}\` opened to a schema (was false)`, path)
  if (after === false) return note(context, 'narrow', `\`${keyword}\` closed (was a schema)`, path)
  compareSchemas(before, after, [...path, `(${keyword})`], context)
}

function compareItems(before: JsonObject, after: JsonObject, path: Path, context: Context): void {
  // draft-07 spells a tuple `items: [...]`; 2020-12 spells it `prefixItems`.
  const tuple = (schema: JsonObject): unknown[] | null =>
    Array.isArray(schema['prefixItems']) ? schema['prefixItems'] : Array.isArray(schema['items']) ? schema['items'] : null
  // In the draft-07 tuple form the rest is `additionalItems`, which compareOpenEnded covers.
  const each = (schema: JsonObject): unknown => (Array.isArray(schema['items']) ? undefined : schema['items'])
  const left = tuple(before) ?? []
  const right = tuple(after) ?? []
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    if (index >= right.length) note(context, 'widen', `tuple position ${index} removed`, path)
    else if (index >= left.length) note(context, 'narrow', `tuple position ${index} added`, path)
    else compareSchemas(left[index], right[index], [...path, `[${index}]`], context)
  }
  const itemsBefore = each(before)
  const itemsAfter = each(after)
  if (itemsBefore === false || itemsAfter === false) compareOpenEnded('items', itemsBefore, itemsAfter, path, context)
  else compareSchemas(itemsBefore, itemsAfter, [...path, '[]'], context)
}

/** Branches are matched by content first (reordering is no change), then by position. */
function compareBranches(keyword: string, before: unknown, after: unknown, path: Path, context: Context): void {
  // Each branch keeps its place in today's schema, so a change is named where it stands.
  const left = (Array.isArray(before) ? before : []).map((branch: unknown, place) => ({ branch, place }))
  const right = (Array.isArray(after) ? after : []).map((branch: unknown, place) => ({ branch, place }))
  for (let index = left.length - 1; index >= 0; index -= 1) {
    const match = right.findIndex((item) => isSameJson(item.branch, left[index]!.branch))
    if (match !== -1) {
      left.splice(index, 1)
      right.splice(match, 1)
    }
  }
  const paired = Math.min(left.length, right.length)
  for (let index = 0; index < paired; index += 1) {
    compareSchemas(left[index]!.branch, right[index]!.branch, [...path, `(${keyword}[${right[index]!.place}])`], context)
  }
  // A new alternative lets more through; a new allOf member lets less through.
  const addedKind: ChangeKind = keyword === 'allOf' ? 'narrow' : 'widen'
  const removedKind: ChangeKind = keyword === 'allOf' ? 'widen' : 'narrow'
  for (const { branch } of right.slice(paired)) note(context, addedKind, `\`${keyword}\` branch ${show(branch)} added`, path)
  for (const { branch } of left.slice(paired)) note(context, removedKind, `\`${keyword}\` branch ${show(branch)} removed`, path)
}

function compareDefault(before: JsonObject, after: JsonObject, path: Path, context: Context): void {
  const had = Object.hasOwn(before, 'default')
  const has = Object.hasOwn(after, 'default')
  if (!had && has) return note(context, 'compatible', `default ${show(after['default'])} added`, path)
  // Old data that left the value out now reads differently.
  if (had && !has) return note(context, 'narrow', `default ${show(before['default'])} removed`, path)
  if (had && has && !isSameJson(before['default'], after['default'])) {
    note(context, 'narrow', `default changed from ${show(before['default'])} to ${show(after['default'])}`, path)
  }
}
