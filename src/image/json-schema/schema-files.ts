/** Schema files as the caller hands them over (path and text), parsed as JSON or YAML. */

import { parserMessage } from '../../errors.js'
import { parseDocument } from 'yaml'
import type { ConfigProblem } from '../config-error.js'
import type { ParsedSchemaFile } from './schema-index.js'

/** A schema file: a repo-relative posix path and its text. */
export type SchemaFile = { readonly path: string; readonly text: string }

/** Each file parsed (`.yaml`/`.yml` as YAML, anything else as JSON); unreadable ones become problems. */
export function parseSchemaFiles(files: readonly SchemaFile[], problems: ConfigProblem[]): ParsedSchemaFile[] {
  const parsed: ParsedSchemaFile[] = []
  const seen = new Set<string>()
  for (const file of files) {
    if (seen.has(file.path)) {
      problems.push({ file: file.path, message: 'the same path is listed twice; pass each schema file once.' })
      continue
    }
    seen.add(file.path)
    const root = /\.ya?ml$/i.test(file.path) ? parseYaml(file, problems) : parseJson(file, problems)
    if (root !== undefined) parsed.push({ path: file.path, text: file.text, root })
  }
  return parsed
}

function parseYaml(file: SchemaFile, problems: ConfigProblem[]): unknown {
  const document = parseDocument(file.text, { logLevel: 'error' })
  if (document.errors.length === 0) {
    try {
      return document.toJS({ maxAliasCount: 1000 }) as unknown
    } catch (error) {
      // Aliases that expand without end (a "billion laughs" file) are refused while converting.
      problems.push({ file: file.path, message: `not valid YAML: ${parserMessage((error as Error).message)}.` })
      return undefined
    }
  }
  for (const error of document.errors) {
    const line = error.linePos?.[0].line
    problems.push({
      file: file.path,
      ...(line === undefined ? {} : { line }),
      message: `not valid YAML: ${parserMessage(error.message).replace(/ at line \d+, column \d+:?$/, '')}.`
    })
  }
  return undefined
}

function parseJson(file: SchemaFile, problems: ConfigProblem[]): unknown {
  try {
    return JSON.parse(file.text) as unknown
  } catch (error) {
    // Node's messages differ across versions and may quote the whole text: keep the first clause.
    const message = (error instanceof Error ? error.message : String(error)).split(/, "|\n/)[0] ?? ''
    const line = locateJsonError(file.text, message)
    problems.push({ file: file.path, ...(line === undefined ? {} : { line }), message: `not valid JSON: ${message}.` })
    return undefined
  }
}

/** The line of a JSON syntax error: from the message when Node gives a position, else from the YAML parser (JSON is YAML). */
function locateJsonError(text: string, message: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message)
  if (line !== null) return Number(line[1])
  const position = /at position (\d+)/.exec(message)
  if (position !== null) return text.slice(0, Number(position[1])).split('\n').length
  return parseDocument(text).errors[0]?.linePos?.[0].line
}
