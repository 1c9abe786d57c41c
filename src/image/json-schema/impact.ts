/**
 * The bump a type's data change needs, from its structural changes and its role:
 * for `stored` data (read back later) narrowing breaks; for `produced` data (read by
 * others) widening breaks; `both` takes the larger.
 */

import { compareBumps, maxBump, type Bump } from '../../commits/bump.js'
import { diffSchemas, type ChangeKind } from './schema-diff.js'
import type { Role } from '../versioned-type.js'

export type ImpactReason = {
  readonly bump: Bump
  /** Names the type: "property `tags` removed from document.Section". */
  readonly message: string
  /** Without the type, for a history note. */
  readonly summary: string
}

/** 'none' when nothing structural changed. */
export type InferredImpact = { readonly bump: Bump; readonly reasons: readonly ImpactReason[] }

const BY_ROLE: Readonly<Record<Exclude<Role, 'both'>, Readonly<Record<ChangeKind, Bump>>>> = {
  stored: { narrow: 'major', widen: 'minor', incompatible: 'major', compatible: 'minor', annotation: 'patch' },
  produced: { narrow: 'minor', widen: 'major', incompatible: 'major', compatible: 'minor', annotation: 'patch' }
}

export function bumpForChange(kind: ChangeKind, role: Role): Bump {
  return role === 'both' ? maxBump(BY_ROLE.stored[kind], BY_ROLE.produced[kind]) : BY_ROLE[role][kind]
}

/** Compare two folded definitions of the type `name`; reasons are listed largest bump first. */
export function inferImpact(before: unknown, after: unknown, role: Role, name: string): InferredImpact {
  const reasons = diffSchemas(before, after, name).map((change) => ({
    bump: bumpForChange(change.kind, role),
    message: change.message,
    summary: change.summary
  }))
  const bump = reasons.reduce<Bump>((largest, reason) => maxBump(largest, reason.bump), 'none')
  return { bump, reasons: [...reasons].sort((a, b) => compareBumps(b.bump, a.bump)) }
}
