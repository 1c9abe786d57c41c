/** What checkImage returns: plain data that reporters (CLI text, JSON, PR comment, annotations) render. */

import type { Bump } from '../commits/bump.js'
import type { Image } from './image.js'
import type { Impact, LoadedTypes } from './versioned-type.js'

export type CheckInput = {
  /** The types in today's schema files. */
  readonly today: LoadedTypes
  /** The image file and the schema files at the last release tag; either may be missing. */
  readonly baseline: { readonly image: Image | null; readonly types: LoadedTypes | null }
  /**
   * The image file as committed today: null when there is none. Leave it out to skip
   * the "committed image equals today's image" rule (e.g. in `verso image set`).
   */
  readonly committedImageText?: string | null
  /** No baseline image: 'create' makes that a success (the caller writes the file), 'fail' a finding. */
  readonly bootstrap: 'create' | 'fail'
  /** Path of the image file, for messages. Defaults to `.release-image`. */
  readonly imageFile?: string
}

/**
 * created: no baseline image; the caller writes `imageText`. unchanged: same names,
 * tags and fingerprints. valid: every change is covered. incomplete: see findings.
 */
export type Outcome = 'created' | 'unchanged' | 'valid' | 'incomplete'

/**
 * R1 a document's reachables changed, its tag did not. R2 a type's definition changed,
 * its tag did not. R3 a new tag without a definition change (a warning, not a finding).
 * R4 a tag went back, or a released history entry was edited or removed. R5 a
 * document's own definition changed under a third-number tag. R6 documents added,
 * removed or renamed (remarks). R7 a declared impact lower than the inferred one.
 * image-file: the committed image is not today's. bootstrap: no baseline image and
 * bootstrap is 'fail'.
 */
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'image-file' | 'bootstrap'

/** The history edit that resolves a finding. */
export type Suggestion = {
  /** append: add `entry` at the end; replace-last: put `entry` in place of the newest entry; restore: put back `entry` at `index`. */
  readonly action: 'append' | 'replace-last' | 'restore'
  readonly file: string
  /** JSON Pointer of the `history` array in the file. */
  readonly pointer: string
  /** Line of the type's `x-release` key, when known. */
  readonly line: number | null
  /** For restore: the position in the history. */
  readonly index?: number
  readonly entry: readonly [tag: string, impact: Impact | null, note: string]
  /** Ready to print: `schemas/document.json: x-release.history += ["0.3", "minor", "…"]`. */
  readonly text: string
}

export type Finding = {
  readonly rule: RuleId
  readonly file: string
  readonly line: number | null
  /** The versioned type at fault; null for findings about the image file itself. */
  readonly type: string | null
  readonly message: string
  readonly suggestion: Suggestion | null
}

export type ImageRemark =
  | {
      readonly kind: 'history'
      readonly type: string
      readonly tag: string
      readonly impact: Impact | null
      readonly note: string
      readonly message: string
    }
  | { readonly kind: 'document-added'; readonly type: string; readonly message: string }
  | { readonly kind: 'document-removed'; readonly type: string; readonly message: string }
  | { readonly kind: 'possible-rename'; readonly from: string; readonly to: string; readonly message: string }

export type ImageWarning = { readonly rule: RuleId | null; readonly type: string | null; readonly message: string }

export type BumpReason = { readonly type: string; readonly bump: Bump; readonly message: string }

/** The SemVer bump the release needs for its data: the largest over all changes, 'none' when unchanged. */
export type RequiredBump = { readonly bump: Bump; readonly reasons: readonly BumpReason[] }

export type ImageCheck = {
  readonly outcome: Outcome
  /** Empty unless the outcome is incomplete. */
  readonly findings: readonly Finding[]
  /** What changed that needs no action: new history entries, documents added, removed or renamed. */
  readonly remarks: readonly ImageRemark[]
  readonly warnings: readonly ImageWarning[]
  readonly bump: RequiredBump
  /** Today's image, rendered: what `verso image set` writes. */
  readonly imageText: string
  /** Whether the committed image file is byte for byte `imageText` (false when it is missing or not given). */
  readonly imageUpToDate: boolean
  /** Today's documents (the versioned artifacts a release ships), each with its last history tag, by name. */
  readonly documents: readonly { readonly name: string; readonly tag: string }[]
}
