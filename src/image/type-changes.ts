/**
 * What happened to each type and each document between the baseline (the last release)
 * and today: the facts the rules in check.ts judge.
 */

import { listImageEntries, type Image, type ImageEntry, type ImageLine } from './image.js'
import { inferImpact, type InferredImpact } from './json-schema/impact.js'
import { compareNames } from './json-value.js'
import { compareTags } from './tag.js'
import type { HistoryEntry, LoadedTypes, VersionedType } from './versioned-type.js'

/** A released history entry that is no longer as it was released (R4). */
export type HistoryRewrite =
  | { readonly kind: 'edited'; readonly index: number; readonly released: HistoryEntry; readonly now: HistoryEntry }
  | { readonly kind: 'removed'; readonly index: number; readonly released: HistoryEntry }
  /** Without baseline schemas only the released tag can be looked for. */
  | { readonly kind: 'tag-missing' }

/** One type that exists both at the baseline and today. */
export type TypeChange = {
  readonly name: string
  readonly today: VersionedType
  readonly baseTag: string
  /** null when the baseline has none (an Ansar image and no baseline schemas, or another fingerprint scheme). */
  readonly baseFingerprint: string | null
  readonly baseType: VersionedType | null
  /** Negative, zero or positive as today's tag is older than, equal to or newer than the baseline's. */
  readonly tagOrder: number
  /** null when it cannot be known (no baseline fingerprint). */
  readonly contentChanged: boolean | null
  /** History entries added since the baseline, oldest first. */
  readonly newEntries: readonly HistoryEntry[]
  /** null when there is no baseline definition to compare with. */
  readonly inferred: InferredImpact | null
  readonly rewrites: readonly HistoryRewrite[]
}

/** How one reachable of a document changed. `changed`: its definition changed but its tag did not (R2). */
export type ReachChange = {
  readonly name: string
  readonly kind: 'added' | 'removed' | 'retagged' | 'changed'
  readonly from: string | null
  readonly to: string | null
}

export type Baseline = { readonly image: Image; readonly types: LoadedTypes | null }

/** A TypeChange for every type known today and at the baseline, by name. */
export function compareTypeStates(today: LoadedTypes, baseline: Baseline): Map<string, TypeChange> {
  const entries = listImageEntries(baseline.image)
  const baseTypes = new Map((baseline.types?.types ?? []).map((type) => [type.name, type]))
  const changes = new Map<string, TypeChange>()
  for (const type of today.types) {
    const entry = entries.get(type.name)
    const baseType = baseTypes.get(type.name) ?? null
    if (entry === undefined && baseType === null) continue
    changes.set(type.name, compareTypeState(type, entry ?? null, baseType))
  }
  return changes
}

function compareTypeState(today: VersionedType, entry: ImageEntry | null, baseType: VersionedType | null): TypeChange {
  // The released image is the record of the release; baseline schemas fill in what it lacks.
  const baseTag = entry?.tag ?? baseType?.tag ?? ''
  const baseFingerprint =
    usableFingerprint(entry?.fingerprint ?? null, today.fingerprint) ?? usableFingerprint(baseType?.fingerprint ?? null, today.fingerprint)
  const contentChanged = baseFingerprint === null ? null : baseFingerprint !== today.fingerprint
  const rewrites = baseType === null ? findMissingTag(today, baseTag) : findRewrites(baseType.history, today.history)
  const newEntries =
    baseType !== null && rewrites.length === 0
      ? today.history.slice(baseType.history.length)
      : today.history.filter((item) => compareTags(item.tag, baseTag) > 0)
  const inferred =
    baseType === null || contentChanged === false ? null : inferImpact(baseType.definition, today.definition, today.role, today.name)
  return {
    name: today.name,
    today,
    baseTag,
    baseFingerprint,
    baseType,
    tagOrder: compareTags(today.tag, baseTag),
    contentChanged,
    newEntries,
    inferred,
    rewrites
  }
}

/** A fingerprint of another scheme (another prefix) cannot be compared. */
function usableFingerprint(fingerprint: string | null, todays: string): string | null {
  if (fingerprint === null) return null
  return fingerprint.split('-')[0] === todays.split('-')[0] ? fingerprint : null
}

function findMissingTag(today: VersionedType, baseTag: string): HistoryRewrite[] {
  return today.history.some((item) => compareTags(item.tag, baseTag) === 0) ? [] : [{ kind: 'tag-missing' }]
}

/** Released entries must stay exactly as released: today's history starts with the baseline's. */
function findRewrites(released: readonly HistoryEntry[], now: readonly HistoryEntry[]): HistoryRewrite[] {
  const rewrites: HistoryRewrite[] = []
  released.forEach((entry, index) => {
    const current = now[index]
    if (current === undefined) rewrites.push({ kind: 'removed', index, released: entry })
    else if (current.tag !== entry.tag || current.impact !== entry.impact || current.note !== entry.note) {
      rewrites.push({ kind: 'edited', index, released: entry, now: current })
    }
  })
  return rewrites
}

/** How the reachables of a document changed between its baseline line and today's. */
export function compareReachables(before: ImageLine, after: ImageLine, changes: ReadonlyMap<string, TypeChange>): ReachChange[] {
  const left = new Map(before.reachables.map((entry) => [entry.name, entry]))
  const right = new Map(after.reachables.map((entry) => [entry.name, entry]))
  const found: ReachChange[] = []
  for (const name of [...new Set([...left.keys(), ...right.keys()])].sort(compareNames)) {
    const was = left.get(name)
    const is = right.get(name)
    if (was === undefined && is !== undefined) found.push({ name, kind: 'added', from: null, to: is.tag })
    else if (was !== undefined && is === undefined) found.push({ name, kind: 'removed', from: was.tag, to: null })
    else if (was !== undefined && is !== undefined) {
      if (compareTags(was.tag, is.tag) !== 0) found.push({ name, kind: 'retagged', from: was.tag, to: is.tag })
      else if (changes.get(name)?.contentChanged === true) found.push({ name, kind: 'changed', from: was.tag, to: is.tag })
    }
  }
  return found
}
