#!/usr/bin/env node
/**
 * Extracts the contract of the GitHub REST operations verso uses from GitHub's published
 * OpenAPI description, into test/fixtures/github-rest/operations.json. The local GitHub API
 * server of the tests validates every request and response against it, so the fake cannot
 * drift from the real API without a test failing.
 *
 * @octokit/openapi is ~385 MB unpacked, so it is never a dependency of verso. To regenerate:
 *
 *   mkdir -p /tmp/octokit-openapi && cd /tmp/octokit-openapi && npm init -y >/dev/null \
 *     && npm install --no-save --no-package-lock @octokit/openapi
 *   cd <verso> && node scripts/extract-github-rest.mjs /tmp/octokit-openapi/node_modules/@octokit/openapi
 *
 * (an optional second argument writes somewhere else, e.g. to compare two versions)
 *
 * then review the diff of the fixture and run the tests. To use another operation, add it to
 * OPERATIONS below.
 *
 * What the fixture holds: for each operation its method, path template, operationId, path
 * and query parameters, request body schema and the response schemas of the statuses the
 * tests exercise. Schemas are taken from the dereferenced api.github.com flavour (every
 * $ref inlined), stripped of prose (descriptions, examples, titles) and converted from
 * OpenAPI 3.0 to plain JSON Schema 2020-12 (`nullable: true` becomes a "null" type), so
 * any JSON Schema validator can read them. A schema keyword this script does not know makes
 * it fail instead of being dropped silently.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const OPERATIONS = [
  ['GET', '/repos/{owner}/{repo}/releases/tags/{tag}'],
  ['POST', '/repos/{owner}/{repo}/releases'],
  ['PATCH', '/repos/{owner}/{repo}/releases/{release_id}'],
  ['DELETE', '/repos/{owner}/{repo}/releases/{release_id}'],
  ['GET', '/repos/{owner}/{repo}/releases/latest'],
  ['GET', '/repos/{owner}/{repo}/releases'],
  ['POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/commits'],
  ['GET', '/user'],
  ['GET', '/repos/{owner}/{repo}/pulls'],
  ['POST', '/repos/{owner}/{repo}/pulls'],
  ['PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['POST', '/repos/{owner}/{repo}/git/blobs'],
  ['POST', '/repos/{owner}/{repo}/git/trees'],
  ['POST', '/repos/{owner}/{repo}/git/commits'],
  ['GET', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['POST', '/repos/{owner}/{repo}/git/refs'],
  ['PATCH', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['POST', '/repos/{owner}/{repo}/git/tags']
]

const STATUSES = ['200', '201', '204', '403', '404', '409', '422']

const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/github-rest/operations.json')

// JSON Schema keywords kept as they are. Prose and OpenAPI-only annotations are dropped.
const KEPT = new Set([
  'type',
  'enum',
  'const',
  'format',
  'default',
  'required',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties'
])
const DROPPED = new Set(['title', 'description', 'example', 'examples', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'xml'])

function main() {
  const packageDir = process.argv[2]
  if (!packageDir) {
    console.error('Usage: node scripts/extract-github-rest.mjs <path to the @octokit/openapi package directory>')
    process.exit(2)
  }
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  const { spec, file } = loadSpec(packageDir)
  const resolveRef = file.endsWith('.deref.json') ? refusingResolver() : componentResolver(spec)

  const operations = OPERATIONS.map(([method, path]) => {
    const operation = spec.paths?.[path]?.[method.toLowerCase()]
    if (!operation) throw new Error(`${method} ${path} is not in ${file}: has GitHub renamed or removed it?`)
    return extractOperation(method, path, operation, resolveRef)
  })

  const fixture = {
    source: {
      package: pkg.name,
      version: pkg.version,
      file,
      openapi: spec.openapi,
      description: spec.info?.title ?? null
    },
    dialect: 'https://json-schema.org/draft/2020-12/schema',
    generatedBy: 'scripts/extract-github-rest.mjs',
    operations
  }
  const output = process.argv[3] ?? OUTPUT
  mkdirSync(dirname(output), { recursive: true })
  writeFileSync(output, `${formatJson(fixture)}\n`)
  console.log(`Wrote ${operations.length} operations from ${pkg.name}@${pkg.version} (${file}) to ${output}`)
}

/** The api.github.com flavour, dereferenced when the package ships that. */
function loadSpec(packageDir) {
  for (const file of ['generated/api.github.com.deref.json', 'generated/api.github.com.json']) {
    const path = join(packageDir, file)
    if (existsSync(path)) return { spec: JSON.parse(readFileSync(path, 'utf8')), file }
  }
  throw new Error(`No api.github.com description under ${packageDir}/generated: is this the @octokit/openapi package?`)
}

function refusingResolver() {
  return (ref) => {
    throw new Error(`Unexpected $ref ${ref} in a dereferenced description`)
  }
}

/** Resolves `#/components/...` references of a description that is not dereferenced. */
function componentResolver(spec) {
  return (ref) => {
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, not ${ref}`)
    let node = spec
    for (const part of ref.slice(2).split('/')) {
      node = node?.[part.replaceAll('~1', '/').replaceAll('~0', '~')]
      if (node === undefined) throw new Error(`Unresolvable reference ${ref}`)
    }
    return node
  }
}

function deref(node, resolveRef, seen = []) {
  if (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (seen.includes(node.$ref)) throw new Error(`Circular reference ${node.$ref}: inline it by hand`)
    return deref(resolveRef(node.$ref), resolveRef, [...seen, node.$ref])
  }
  return node
}

function extractOperation(method, path, operation, resolveRef) {
  const parameters = (operation.parameters ?? [])
    .map((parameter) => deref(parameter, resolveRef))
    .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
    .map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      schema: convertSchema(parameter.schema, resolveRef, `${path} ${parameter.name}`)
    }))

  const body = deref(operation.requestBody, resolveRef)
  const bodySchema = body?.content?.['application/json']?.schema
  const requestBody = bodySchema
    ? { required: body.required === true, schema: convertSchema(bodySchema, resolveRef, `${path} body`) }
    : null

  const responses = {}
  for (const status of STATUSES) {
    const response = deref(operation.responses?.[status], resolveRef)
    if (!response) continue
    const schema = response.content?.['application/json']?.schema
    responses[status] = {
      schema: schema ? convertSchema(schema, resolveRef, `${path} ${status}`) : null,
      headers: Object.keys(response.headers ?? {})
    }
  }
  return { method, path, operationId: operation.operationId, parameters, requestBody, responses }
}

/** An OpenAPI 3.0 schema object as JSON Schema 2020-12, without prose. */
function convertSchema(input, resolveRef, where, seen = []) {
  const schema = deref(input, resolveRef, seen)
  if (schema === true || schema === false) return schema
  if (!schema || typeof schema !== 'object') throw new Error(`${where}: not a schema: ${JSON.stringify(schema)}`)
  const sub = (value, key) =>
    convertSchema(value, resolveRef, `${where}/${key}`, typeof input.$ref === 'string' ? [...seen, input.$ref] : seen)

  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (KEPT.has(key)) out[key] = value
    else if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable') continue
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, sub(s, name)]))
    else if (key === 'items' || key === 'not') out[key] = sub(value, key)
    else if (key === 'additionalProperties') out[key] = typeof value === 'boolean' ? value : sub(value, key)
    else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') out[key] = value.map((s, i) => sub(s, `${key}/${i}`))
    else throw new Error(`${where}: schema keyword "${key}" is not handled; teach scripts/extract-github-rest.mjs about it`)
  }
  if (schema.nullable !== true) return out
  // OpenAPI 3.0's `nullable: true` is a "null" type in JSON Schema.
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null']
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    return out
  }
  return { anyOf: [{ type: 'null' }, out] }
}

/** JSON with small values on one line: half the size of indenting everything, and diffs stay readable. */
function formatJson(value, indent = '') {
  const flat = JSON.stringify(value)
  if (flat.length + indent.length <= 100 || value === null || typeof value !== 'object') return flat
  const inner = `${indent}  `
  const items = Array.isArray(value)
    ? value.map((item) => `${inner}${formatJson(item, inner)}`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`)
  return Array.isArray(value) ? `[\n${items.join(',\n')}\n${indent}]` : `{\n${items.join(',\n')}\n${indent}}`
}

main()
