/**
 * What each JSON Schema keyword holds (2020-12 and draft-07), so the walkers descend
 * only into subschemas: a property named `default` or `enum` is a schema, the value of
 * the `default` keyword is data.
 */

/** Keywords whose value is one subschema. */
const SCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'unevaluatedProperties',
  'additionalItems',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'contentSchema'
])

/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['$defs', 'definitions', 'properties', 'patternProperties', 'dependentSchemas', 'dependencies'])

/** Keywords whose value is a list of subschemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])

export type KeywordShape = 'schema' | 'schema-map' | 'schema-list' | 'data'

/** How a keyword's value is to be read. `items` is a schema in 2020-12 and may be a list in draft-07. */
export function classifyKeyword(keyword: string, value: unknown): KeywordShape {
  if (keyword === 'items') return Array.isArray(value) ? 'schema-list' : 'schema'
  if (SCHEMA_KEYWORDS.has(keyword)) return 'schema'
  if (SCHEMA_MAP_KEYWORDS.has(keyword)) return 'schema-map'
  if (SCHEMA_LIST_KEYWORDS.has(keyword)) return 'schema-list'
  return 'data'
}

/** Where subschemas live as definitions rather than as part of the schema around them. */
export function isDefinitionsKeyword(keyword: string): boolean {
  return keyword === '$defs' || keyword === 'definitions'
}

/** One subschema directly under a schema object. */
export type Subschema = {
  readonly value: unknown
  /** Keyword path from the parent, e.g. `['properties', 'title']` or `['items']`. */
  readonly tokens: readonly string[]
  /** The keyword it sits under (`properties`, `$defs`, `items`, ...). */
  readonly keyword: string
}

/** The subschemas one level below a schema object, in key order. */
export function listSubschemas(node: { [key: string]: unknown }): Subschema[] {
  const found: Subschema[] = []
  for (const [keyword, value] of Object.entries(node)) {
    switch (classifyKeyword(keyword, value)) {
      case 'schema':
        found.push({ value, tokens: [keyword], keyword })
        break
      case 'schema-map':
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          for (const [name, member] of Object.entries(value)) {
            // draft-07 `dependencies` mixes schemas and lists of property names.
            if (!Array.isArray(member)) found.push({ value: member, tokens: [keyword, name], keyword })
          }
        }
        break
      case 'schema-list':
        if (Array.isArray(value)) value.forEach((member, index) => found.push({ value: member, tokens: [keyword, String(index)], keyword }))
        break
      case 'data':
        break
    }
  }
  return found
}
