import { compareBumps, maxBump } from '../commits/bump.js'
import type { Finding } from './check-result.js'
import { composeNote, renderEntry, suggestAppend, suggestReplaceLast, suggestRestore } from './suggestion.js'
import { isThirdNumberOnly, nextTag } from './tag.js'
import type { ReachChange, TypeChange } from './type-changes.js'
import type { Impact } from './versioned-type.js'

/**
 * The rules of the release-image check that make findings: what a change of a type's
 * definition or history must bring with it (R1, R2, R4, R5 and R7).
 * Pure: they judge the changes type-changes.ts found.
 */

/** R4: tags only move forward, and released history entries stay as released. */
export function checkHistory(change: TypeChange): Finding[] {
  const type = change.today
  const finding = (message: string, suggestion: Finding['suggestion']): Finding => ({
    rule: 'R4',
    file: type.file,
    line: type.line,
    type: type.name,
    message,
    suggestion
  })
  const found: Finding[] = []
  if (change.tagOrder < 0) {
    found.push(
      finding(
        `${type.name} went back from ${change.baseTag} to ${type.tag}; tags only move forward. ` +
          `Restore the released history and add new entries after ${change.baseTag}.`,
        null
      )
    )
  }
  for (const rewrite of change.rewrites) {
    switch (rewrite.kind) {
      case 'edited': {
        const released = [rewrite.released.tag, rewrite.released.impact, rewrite.released.note] as const
        const now = renderEntry([rewrite.now.tag, rewrite.now.impact, rewrite.now.note])
        found.push(
          finding(
            `history[${rewrite.index}] of ${type.name} was ${renderEntry(released)} at the last release and is now ${now}; ` +
              'released entries are never edited.',
            suggestRestore(type, rewrite.index, released)
          )
        )
        break
      }
      case 'removed':
        found.push(
          finding(
            `history[${rewrite.index}] of ${type.name} (${rewrite.released.tag}) was released and is gone; released entries are never removed.`,
            suggestRestore(type, rewrite.index, [rewrite.released.tag, rewrite.released.impact, rewrite.released.note])
          )
        )
        break
      case 'tag-missing':
        if (change.tagOrder >= 0)
          found.push(
            finding(
              `the released tag ${change.baseTag} of ${type.name} is no longer in its history; released entries are never edited or removed.`,
              null
            )
          )
        break
    }
  }
  return found
}

/** The impact the data change needs: inferred when a baseline definition exists ('patch' for a tag-only change). */
export function inferredImpact(change: TypeChange): Impact | null {
  if (change.contentChanged === false) return 'patch'
  if (change.inferred === null) return null
  return change.inferred.bump === 'none' ? 'patch' : change.inferred.bump
}

/** The largest impact the new entries declare, or null when one of them leaves it to inference (or there are none). */
export function declaredImpact(change: TypeChange): Impact | null {
  if (change.newEntries.length === 0 || change.newEntries.some((entry) => entry.impact === null)) return null
  return change.newEntries.reduce<Impact>((largest, entry) => maxBump(largest, entry.impact ?? 'patch') as Impact, 'patch')
}

/** R5 and R7: the new entries must be as large as the change. */
export function checkDeclaredImpact(change: TypeChange): Finding[] {
  const type = change.today
  if (change.tagOrder <= 0) return []
  const inferred = inferredImpact(change)
  const last = type.history[type.history.length - 1]
  const note = last?.note ?? ''
  const why = change.inferred === null ? '' : `: ${composeNote(change.inferred.reasons.map((reason) => reason.summary))}`
  if (type.document && change.contentChanged === true && isThirdNumberOnly(change.baseTag, type.tag)) {
    const impact = inferred ?? 'minor'
    return [
      {
        rule: 'R5',
        file: type.file,
        line: type.line,
        type: type.name,
        message:
          `${type.name} ${change.baseTag} -> ${type.tag} changes only the third number, ` +
          `which marks a change that came only through reachables, but its own definition changed${why}. ` +
          `Give it a new MAJOR.MINOR tag.`,
        suggestion: suggestReplaceLast(type, [nextTag(change.baseTag, impact), inferred, note])
      }
    ]
  }
  const declared = declaredImpact(change)
  if (inferred === null || declared === null || compareBumps(declared, inferred) >= 0) return []
  return [
    {
      rule: 'R7',
      file: type.file,
      line: type.line,
      type: type.name,
      message: `${type.name} ${type.tag} declares a ${declared} change, but the definition changed in a ${inferred} way${why}.`,
      suggestion: suggestReplaceLast(type, [nextTag(change.baseTag, inferred), inferred, note])
    }
  ]
}

/** R2 and R1: a changed definition needs a new entry, and so does every document whose reachables changed. */
export function checkNewEntriesNeeded(
  sorted: readonly TypeChange[],
  reach: ReadonlyMap<string, ReachChange[]>,
  changes: ReadonlyMap<string, TypeChange>
): Finding[] {
  const ownEntries = new Map<string, readonly [string, Impact | null, string]>()
  for (const change of sorted) {
    if (change.contentChanged !== true || change.tagOrder !== 0) continue
    const impact = inferredImpact(change)
    const summaries = change.inferred?.reasons.map((reason) => reason.summary) ?? []
    ownEntries.set(change.name, [
      nextTag(change.baseTag, impact ?? 'minor'),
      impact,
      summaries.length > 0 ? composeNote(summaries) : 'Describe the change'
    ])
  }
  const findings: Finding[] = []
  for (const change of sorted) {
    const type = change.today
    const own = ownEntries.get(change.name)
    const reachChanges = type.document && change.tagOrder === 0 ? (reach.get(change.name) ?? []) : []
    const reachNote = reachChanges.map((item) => describeReachChange(item, ownEntries)).join('; ')
    const reachText = reachNote.replaceAll('Reachable ', 'reachable ')
    if (own !== undefined) {
      const why = change.inferred === null ? ` (fingerprint ${change.baseFingerprint ?? '?'} -> ${type.fingerprint})` : `: ${own[2]}`
      const also = reachText === '' ? '' : ` Its reachables changed too: ${reachText}.`
      const entry = [own[0], own[1], reachNote === '' ? own[2] : `${own[2]}; ${reachNote}`] as const
      findings.push({
        rule: 'R2',
        file: type.file,
        line: type.line,
        type: type.name,
        message: `${type.name} changed but is still tagged ${type.tag}${why}.${also} Add a history entry.`,
        suggestion: suggestAppend(type, entry)
      })
    } else if (reachChanges.length > 0) {
      const impact = reachChanges.reduce<Impact | null>(
        (largest, item) => largerImpact(largest, reachImpact(item, changes, ownEntries)),
        null
      )
      findings.push({
        rule: 'R1',
        file: type.file,
        line: type.line,
        type: type.name,
        message:
          `${type.name} is still tagged ${type.tag}, but what it reaches changed: ${reachText}. ` +
          `A document gets a new tag whenever its reachables change.`,
        suggestion: suggestAppend(type, [nextTag(change.baseTag, 'reachables'), impact, reachNote])
      })
    }
  }
  return findings
}

function describeReachChange(item: ReachChange, ownEntries: ReadonlyMap<string, readonly [string, Impact | null, string]>): string {
  switch (item.kind) {
    case 'added':
      return `Reachable ${item.name} ${item.to ?? ''} added`
    case 'removed':
      return `Reachable ${item.name} ${item.from ?? ''} removed`
    case 'retagged':
      return `Reachable ${item.name} ${item.from ?? ''} -> ${item.to ?? ''}`
    case 'changed':
      return `Reachable ${item.name} ${item.from ?? ''} -> ${ownEntries.get(item.name)?.[0] ?? 'a new tag'}`
  }
}

/** How large a reachable's change is, as far as can be known: inferred, else declared. */
function reachImpact(
  item: ReachChange,
  changes: ReadonlyMap<string, TypeChange>,
  ownEntries: ReadonlyMap<string, readonly [string, Impact | null, string]>
): Impact | null {
  if (item.kind === 'changed') return ownEntries.get(item.name)?.[1] ?? null
  const change = changes.get(item.name)
  if (item.kind !== 'retagged' || change === undefined) return null
  return change.contentChanged === true ? (inferredImpact(change) ?? declaredImpact(change)) : declaredImpact(change)
}

function largerImpact(a: Impact | null, b: Impact | null): Impact | null {
  if (a === null) return b
  if (b === null) return a
  return maxBump(a, b) as Impact
}
