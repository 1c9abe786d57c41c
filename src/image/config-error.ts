/**
 * Configuration errors of the release-image check: malformed `x-release` blocks, refs
 * that resolve nowhere, unreadable schema or image files. They are collected, never
 * thrown one by one, so a user fixes every problem in one pass.
 */

/** One thing wrong in one file. */
export type ConfigProblem = {
  /** Repo-relative path of the file at fault. */
  file: string
  /** JSON Pointer inside the file, when the problem sits at one place in a schema. */
  pointer?: string
  /** 1-based line, when known (image files always; schema files when it can be found). */
  line?: number
  message: string
}

/** Thrown by loadTypes and parseImage; carries every problem found, not just the first. */
export class ImageConfigError extends Error {
  /** The code the CLI and action report (see src/errors.ts). */
  readonly code = 'EIMAGE'
  readonly problems: readonly ConfigProblem[]
  readonly hint: string

  constructor(problems: readonly ConfigProblem[], hint = 'Fix these and run `verso image check` again.') {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`The release-image configuration has ${count}.`)
    this.name = 'ImageConfigError'
    this.problems = problems
    this.hint = hint
  }

  /** One line per problem, for VersoError's details. */
  get details(): string[] {
    return this.problems.map(describeProblem)
  }
}

/** `schemas/doc.json:12 at #/$defs/Section: message` — the place first, so editors can jump to it. */
export function describeProblem(problem: ConfigProblem): string {
  const line = problem.line === undefined ? '' : `:${problem.line}`
  const pointer = problem.pointer === undefined || problem.pointer === '' ? '' : ` at #${problem.pointer}`
  return `${problem.file}${line}${pointer}: ${problem.message}`
}
