import { resolveConfig, type OptionName, type RawOptions } from '../config/config.js'
import { VersoError } from '../errors.js'

/*
 * What a migration has found so far, before it is written out: the settings of
 * .github/verso.yml (each with where it came from), the workflow inputs, and what could
 * not be carried over. The two readers (semantic-release, release-please) fill one in;
 * render.ts writes it; nothing here knows either tool.
 */

/** A setting the other tool's configuration could not be carried over as, and why. */
export interface NotCarried {
  /** The option as the other tool names it (`@semantic-release/npm`, `branches: next (channel)`). */
  readonly option: string
  readonly why: string
}

/** One entry of `branches:`. */
export interface BranchEntry {
  readonly name: string
  readonly range: string | null
  /** A channel id, `true` (the branch's name), or null for a stable line. */
  readonly prerelease: string | null
  /** Where it came from, when that is worth a comment (a glob rewritten, a default). */
  readonly from: string | null
}

/** One entry of `packages:`. */
export interface PackageEntry {
  readonly name: string
  readonly path: string
  readonly tagFormat: string
  /** The package's own settings, where they differ from the top level's. */
  readonly settings: readonly { readonly key: OptionName; readonly value: string | readonly string[] }[]
  readonly from: string | null
}

/** A key of .github/verso.yml, with the comment that says where it came from. */
export type Setting =
  | { readonly kind: 'option'; readonly key: OptionName; readonly value: string | readonly string[]; readonly from: string }
  /** A setting equal to verso's default: written as a comment only, so the file holds what differs. */
  | { readonly kind: 'default'; readonly key: OptionName; readonly value: string; readonly from: string }
  | { readonly kind: 'branches'; readonly entries: readonly BranchEntry[]; readonly from: string }
  | { readonly kind: 'packages'; readonly entries: readonly PackageEntry[]; readonly from: string }
  | { readonly kind: 'linked'; readonly groups: readonly (readonly string[])[]; readonly from: string }

/** An input that belongs in the workflow rather than the file (the file cannot hold `dry-run`). */
export interface WorkflowInput {
  readonly name: OptionName
  readonly value: string
  readonly from: string
}

export interface Draft {
  readonly settings: Setting[]
  readonly workflow: WorkflowInput[]
  readonly notCarried: NotCarried[]
  readonly notes: string[]
}

export function emptyDraft(): Draft {
  return { settings: [], workflow: [], notCarried: [], notes: [] }
}

/**
 * What verso's own reader says about a piece of configuration: its problems, or none. Each
 * carried value is checked this way, so a value verso would refuse is reported instead of
 * written.
 */
export function problemsWith(options: RawOptions): string[] {
  try {
    resolveConfig({}, options)
    return []
  } catch (error) {
    if (!(error instanceof VersoError)) throw error
    return error.details.length ? [...error.details] : [error.message]
  }
}
