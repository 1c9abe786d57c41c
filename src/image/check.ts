/**
 * The release-image check: today's types against the baseline (the image file and the
 * schema files at the last release tag). Pure: everything comes in as data, and the
 * result is data for the reporters.
 */

import { compareBumps, maxBump, type Bump } from '../commits/bump.js'
import type { BumpReason, CheckInput, Finding, ImageCheck, ImageRemark, ImageWarning } from './check-result.js'
import { describeProblem, ImageConfigError } from './config-error.js'
import { hasMissingFingerprints, listImageDifferences } from './image-compare.js'
import { buildImage, DEFAULT_IMAGE_FILE, listImageEntries, parseImage, renderImage, type Image } from './image.js'
import { compareNames } from './json-value.js'
import { checkDeclaredImpact, checkHistory, checkNewEntriesNeeded, declaredImpact, inferredImpact } from './history-rules.js'
import { compareReachables, compareTypeStates, type ReachChange, type TypeChange } from './type-changes.js'
import type { LoadedTypes } from './versioned-type.js'

/** Compare today's types with the baseline; see ImageCheck for what comes back. */
export function checkImage(input: CheckInput): ImageCheck {
  const imageFile = input.imageFile ?? DEFAULT_IMAGE_FILE
  const image = buildImage(input.today)
  const imageText = renderImage(image)
  const imageUpToDate = input.committedImageText === imageText
  const shipped = input.today.types.filter((t) => t.document).map((t) => ({ name: t.name, tag: t.tag }))
  const none = { bump: 'none' as Bump, reasons: [] }
  if (input.baseline.image === null) {
    if (input.bootstrap === 'create')
      return { outcome: 'created', findings: [], remarks: [], warnings: [], bump: none, imageText, imageUpToDate, documents: shipped }
    const finding: Finding = {
      rule: 'bootstrap',
      file: imageFile,
      line: null,
      type: null,
      message:
        `There is no release image at the last release, and bootstrap is "fail". ` +
        `Run \`verso image set\` and commit \`${imageFile}\`, or allow bootstrap to create it.`,
      suggestion: null
    }
    return {
      outcome: 'incomplete',
      findings: [finding],
      remarks: [],
      warnings: [],
      bump: none,
      imageText,
      imageUpToDate,
      documents: shipped
    }
  }

  const baseline = { image: input.baseline.image, types: input.baseline.types }
  const changes = compareTypeStates(input.today, baseline)
  const sorted = [...changes.values()].sort((a, b) => compareNames(a.name, b.name))
  const findings: Finding[] = []
  const remarks: ImageRemark[] = []
  const warnings: ImageWarning[] = []
  const reasons: BumpReason[] = []

  const reach = compareDocuments(baseline.image, image, changes)
  for (const change of sorted) {
    findings.push(...checkHistory(change))
    findings.push(...checkDeclaredImpact(change))
    remarks.push(...listHistoryRemarks(change))
    reasons.push(...explainBump(change, warnings))
    if (change.tagOrder > 0 && change.contentChanged === false && (reach.get(change.name)?.length ?? 0) === 0) {
      warnings.push({
        rule: 'R3',
        type: change.name,
        message:
          `${change.name} ${change.baseTag} -> ${change.today.tag} is a new tag, but its definition did not change. ` +
          `That is allowed (a change of meaning, say); the history note should say why.`
      })
    }
  }
  findings.push(...checkNewEntriesNeeded(sorted, reach, changes))
  const documents = compareDocumentSets(baseline.image, image, input.today, baseline.types)
  remarks.push(...documents.remarks)
  reasons.push(...documents.reasons)
  warnings.push(...warnAboutFingerprints(sorted, baseline.types))
  if (input.committedImageText !== undefined) {
    const stale = checkCommittedImage(input.committedImageText, image, imageText, imageFile, warnings)
    if (stale !== null) findings.push(stale)
  }

  const bump = reasons.reduce<Bump>((largest, reason) => maxBump(largest, reason.bump), 'none')
  const changed = sorted.some((change) => change.tagOrder !== 0 || change.contentChanged === true)
  const outcome =
    findings.length > 0
      ? 'incomplete'
      : !changed && listImageDifferences(baseline.image, image, { a: 'the baseline', b: 'today' }).length === 0
        ? 'unchanged'
        : 'valid'
  return {
    outcome,
    findings,
    remarks,
    warnings,
    bump: { bump, reasons: [...reasons].sort((a, b) => compareBumps(b.bump, a.bump)) },
    imageText,
    imageUpToDate,
    documents: shipped
  }
}

/** The reachables that changed for every document in both images, by document name. */
function compareDocuments(before: Image, after: Image, changes: ReadonlyMap<string, TypeChange>): Map<string, ReachChange[]> {
  const baseLines = new Map(before.lines.map((line) => [line.document.name, line]))
  const result = new Map<string, ReachChange[]>()
  for (const line of after.lines) {
    const baseLine = baseLines.get(line.document.name)
    if (baseLine !== undefined) result.set(line.document.name, compareReachables(baseLine, line, changes))
  }
  return result
}

function listHistoryRemarks(change: TypeChange): ImageRemark[] {
  if (change.tagOrder <= 0) return []
  const inferred = inferredImpact(change)
  return change.newEntries.map((entry) => {
    const impact = entry.impact ?? (inferred === null ? 'impact not declared' : `${inferred}, inferred`)
    return {
      kind: 'history',
      type: change.name,
      tag: entry.tag,
      impact: entry.impact,
      note: entry.note,
      message: `${change.name} ${entry.tag} (${impact}): ${entry.note}`
    }
  })
}

/** What this type's change adds to the release's bump, with reasons. */
function explainBump(change: TypeChange, warnings: ImageWarning[]): BumpReason[] {
  const name = change.name
  if (change.contentChanged === false) {
    return change.tagOrder > 0
      ? [{ type: name, bump: 'patch', message: `${name} ${change.baseTag} -> ${change.today.tag} without a change to its own definition` }]
      : []
  }
  if (change.inferred !== null && change.contentChanged === true) {
    if (change.inferred.reasons.length === 0)
      return [{ type: name, bump: 'patch', message: `${name}: definition changed with no structural effect` }]
    return change.inferred.reasons.map((reason) => ({ type: name, bump: reason.bump, message: reason.message }))
  }
  if (change.tagOrder <= 0 && change.contentChanged !== true) return []
  const declared = declaredImpact(change)
  if (declared !== null)
    return [{ type: name, bump: declared, message: `${name} ${change.baseTag} -> ${change.today.tag}: declared ${declared}` }]
  warnings.push({
    rule: null,
    type: name,
    message: `The impact of the change to ${name} is neither declared nor inferable (no schema files at the last release were given); minor is assumed.`
  })
  return [{ type: name, bump: 'minor', message: `${name} changed; impact unknown, minor assumed` }]
}

/** R6: documents added and removed, and types that look renamed (a new name with a vanished name's fingerprint). */
function compareDocumentSets(
  before: Image,
  after: Image,
  today: LoadedTypes,
  baseTypes: LoadedTypes | null
): { remarks: ImageRemark[]; reasons: BumpReason[] } {
  const remarks: ImageRemark[] = []
  const reasons: BumpReason[] = []
  const docsBefore = new Set(before.lines.map((line) => line.document.name))
  const docsAfter = new Set(after.lines.map((line) => line.document.name))
  for (const name of [...docsAfter].filter((name) => !docsBefore.has(name))) {
    remarks.push({ kind: 'document-added', type: name, message: `document ${name} added (minor)` })
    reasons.push({ type: name, bump: 'minor', message: `document ${name} added` })
  }
  for (const name of [...docsBefore].filter((name) => !docsAfter.has(name))) {
    remarks.push({
      kind: 'document-removed',
      type: name,
      message: `document ${name} removed (major): data written as ${name} can no longer be read as such`
    })
    reasons.push({ type: name, bump: 'major', message: `document ${name} removed` })
  }
  const baseFingerprints = new Map<string, string>()
  for (const type of baseTypes?.types ?? []) baseFingerprints.set(type.name, type.fingerprint)
  for (const [name, entry] of listImageEntries(before)) if (entry.fingerprint !== null) baseFingerprints.set(name, entry.fingerprint)
  const todayNames = new Set(today.types.map((type) => type.name))
  const vanished = [...baseFingerprints].filter(([name]) => !todayNames.has(name))
  for (const type of today.types) {
    if (baseFingerprints.has(type.name)) continue
    for (const [name] of vanished.filter(([, fingerprint]) => fingerprint === type.fingerprint)) {
      remarks.push({
        kind: 'possible-rename',
        from: name,
        to: type.name,
        message: `possible rename: ${name} -> ${type.name} (same definition)`
      })
    }
  }
  return { remarks, reasons }
}

function warnAboutFingerprints(sorted: readonly TypeChange[], baseTypes: LoadedTypes | null): ImageWarning[] {
  const blind = sorted.filter((change) => change.baseFingerprint === null).map((change) => change.name)
  if (blind.length === 0) return []
  const names = blind.join(', ')
  return [
    {
      rule: null,
      type: null,
      message:
        `The saved image has no usable fingerprint for ${names} (an Ansar image, or another fingerprint scheme)` +
        `${baseTypes === null ? ' and no baseline schemas were given' : ''}: only tags and reachables were compared for them. ` +
        'Run `verso image set` to record fingerprints.'
    }
  ]
}

/** The committed image file must be today's image; Ansar's fingerprint-less form and CRLF pass with a warning. */
function checkCommittedImage(
  committed: string | null,
  image: Image,
  imageText: string,
  imageFile: string,
  warnings: ImageWarning[]
): Finding | null {
  const fix = `Run \`verso image set\` and commit \`${imageFile}\`.`
  const finding = (message: string): Finding => ({ rule: 'image-file', file: imageFile, line: null, type: null, message, suggestion: null })
  if (committed === null) return finding(`${imageFile} is missing. ${fix}`)
  if (committed.replaceAll('\r\n', '\n') === imageText) return null
  let parsed: Image
  try {
    parsed = parseImage(committed, imageFile)
  } catch (error) {
    if (!(error instanceof ImageConfigError)) throw error
    return finding(`${imageFile} cannot be read (${error.problems.map(describeProblem).join('; ')}). ${fix}`)
  }
  const differences = listImageDifferences(parsed, image, { a: imageFile, b: 'the schemas' })
  if (differences.length > 0) {
    const shown = differences.slice(0, 5).join('; ') + (differences.length > 5 ? `; and ${differences.length - 5} more` : '')
    return finding(`${imageFile} does not match the schemas: ${shown}. ${fix}`)
  }
  warnings.push({
    rule: 'image-file',
    type: null,
    message: hasMissingFingerprints(parsed)
      ? `${imageFile} has entries without fingerprints (Ansar's format). ${fix}`
      : `${imageFile} matches the schemas but is not in canonical form. ${fix}`
  })
  return null
}
