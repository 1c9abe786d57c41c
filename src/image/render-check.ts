/**
 * Plain-text rendering of an ImageCheck, for the CLI and logs. It decides nothing: every
 * word comes from the check's data. ASCII only, so CI logs show it as written.
 */

import type { Finding, ImageCheck } from './check-result.js'
import { DEFAULT_IMAGE_FILE, parseImage } from './image.js'

export type RenderOptions = {
  readonly imageFile?: string
  /** Whether the caller wrote a new image (`image check`), or only reports (`image status`). */
  readonly written?: boolean
}

export function renderImageCheck(check: ImageCheck, options: RenderOptions = {}): string {
  const imageFile = options.imageFile ?? DEFAULT_IMAGE_FILE
  const documents = countDocuments(check.imageText)
  const lines: string[] = [headline(check, imageFile, documents, options.written ?? true)]
  if (check.findings.length > 0) {
    lines.push('')
    for (const finding of check.findings) lines.push(...renderFinding(finding))
  }
  if (check.remarks.length > 0) lines.push('', 'Notes:', ...check.remarks.map((remark) => `  - ${remark.message}`))
  if (check.warnings.length > 0)
    lines.push(
      '',
      'Warnings:',
      ...check.warnings.map((warning) => `  - ${warning.rule === null ? '' : `[${warning.rule}] `}${warning.message}`)
    )
  if (check.bump.bump !== 'none') {
    lines.push(
      '',
      `Bump the data needs: ${check.bump.bump}`,
      ...check.bump.reasons.map((reason) => `  - ${reason.message} (${reason.bump})`)
    )
  }
  return lines.join('\n') + '\n'
}

function headline(check: ImageCheck, imageFile: string, documents: string, written: boolean): string {
  switch (check.outcome) {
    case 'created':
      return written
        ? `Release image: created ${imageFile} (${documents}).`
        : `Release image: none yet; \`verso image set\` writes ${imageFile} (${documents}).`
    case 'unchanged':
      return `Release image: unchanged (${documents}).`
    case 'valid':
      return `Release image: valid; every change is covered (${documents}).`
    case 'incomplete':
      return `Release image: incomplete; ${check.findings.length === 1 ? '1 finding' : `${check.findings.length} findings`}.`
  }
}

function renderFinding(finding: Finding): string[] {
  const place = `${finding.file}${finding.line === null ? '' : `:${finding.line}`}`
  const lines = [`${place} [${finding.rule}] ${finding.message}`]
  if (finding.suggestion !== null) lines.push(`  fix: ${finding.suggestion.text}`)
  return lines
}

function countDocuments(imageText: string): string {
  const count = parseImage(imageText).lines.length
  return count === 1 ? '1 document' : `${count} documents`
}
