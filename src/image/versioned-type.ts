/** The versioned data types of a repository, as loadTypes finds them in its schema files. */

/** The size of a data change, as a history entry declares it (null in a history means "infer it"). */
export type Impact = 'major' | 'minor' | 'patch'

/**
 * Who is exposed to a change. `stored`: readers of data written earlier, so narrowing
 * breaks. `produced`: consumers of data this repository writes, so widening breaks.
 * `both`: the larger of the two.
 */
export type Role = 'stored' | 'produced' | 'both'

/** One `[tag, impact, note]` of an `x-release.history`. */
export type HistoryEntry = { readonly tag: string; readonly impact: Impact | null; readonly note: string }

export type VersionedType = {
  /** Unique across the repository, e.g. `document.Section`. */
  readonly name: string
  /** Repo-relative path of the schema file that defines it. */
  readonly file: string
  /** JSON Pointer of its schema inside the file (`''` for a file root). */
  readonly pointer: string
  /** 1-based line of its `x-release` key, when it could be found in the text. */
  readonly line: number | null
  readonly document: boolean
  readonly role: Role
  /** Oldest first; never empty. */
  readonly history: readonly HistoryEntry[]
  /** The last history tag. */
  readonly tag: string
  /**
   * Its definition as the fingerprint sees it: same-file helpers inlined, versioned types
   * replaced by `{"$ref": "type:<name>"}`, annotations, `$id`, `$defs` and `x-release` gone,
   * set-like keywords sorted. Also what the bump inference compares.
   */
  readonly definition: unknown
  /** `j1s-` and 16 hex digits of sha256 over the RFC 8785 form of the definition. */
  readonly fingerprint: string
  /** Names of the versioned types its definition refers to directly (itself excluded), sorted. */
  readonly refs: readonly string[]
}

/** Every versioned type found, sorted by name. */
export type LoadedTypes = { readonly types: readonly VersionedType[] }

/** The marker a reference to a versioned type becomes in a definition. */
export const TYPE_REF_PREFIX = 'type:'
