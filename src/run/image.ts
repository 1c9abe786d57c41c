import type { ImageConfig } from '../config/config.js'
import { VersoError } from '../errors.js'
import {
  buildImage,
  checkImage,
  ImageConfigError,
  loadTypes,
  parseImage,
  type Image,
  type ImageCheck,
  type LoadedTypes
} from '../image/index.js'
import type { ImageSources } from './gather.js'

/**
 * The release-image check over the sources gather read: pure, and loaded (with the JSON
 * Schema tooling) only by repositories that configure `schemas`.
 */

export function runImageCheck(image: ImageConfig, sources: ImageSources, options: { checkWorktreeImage: boolean }): ImageCheck {
  try {
    const today = loadTypes(sources.today)
    const baseline =
      sources.atRelease && sources.atRelease.files.length > 0 ? loadBaseline(sources.atRelease) : { types: null, warning: null }
    const baselineImage = chooseBaselineImage(image, sources, baseline, today)
    const check = checkImage({
      today,
      baseline: { image: baselineImage, types: baseline.types },
      ...(options.checkWorktreeImage ? { committedImageText: sources.worktreeImage } : {}),
      bootstrap: image.bootstrap,
      imageFile: image.file
    })
    return baseline.warning ? { ...check, warnings: [...check.warnings, { rule: null, type: null, message: baseline.warning }] } : check
  } catch (error) {
    if (error instanceof ImageConfigError) throw new VersoError('EIMAGE', error.message, { hint: error.hint, details: error.details })
    throw error
  }
}

/**
 * The image committed at the last release. When that release has none but its schemas load,
 * the image they make, with today's documents that it lacks (being marked a document while
 * adopting the check is no new document): so a change since is still caught. When they do
 * not load, no baseline at all (the image starts anew), never today's own image, which
 * would hide every change. With no release, the image in the working tree (adopting).
 */
function chooseBaselineImage(
  image: ImageConfig,
  sources: ImageSources,
  baseline: { types: LoadedTypes | null; warning: string | null },
  today: LoadedTypes
): Image | null {
  const atRelease = sources.atRelease
  if (atRelease?.image != null) return parseImage(atRelease.image, `${image.file} at ${atRelease.tag}`)
  if (baseline.warning !== null) return null
  if (baseline.types && baseline.types.types.length > 0) {
    const built = buildImage(baseline.types)
    const known = new Set(built.lines.map((line) => line.document.name))
    const lines = [...built.lines, ...buildImage(today).lines.filter((line) => !known.has(line.document.name))]
    return { lines: lines.sort((a, b) => (a.document.name < b.document.name ? -1 : a.document.name > b.document.name ? 1 : 0)) }
  }
  return sources.worktreeImage === null ? null : parseImage(sources.worktreeImage, image.file)
}

function loadBaseline(atRelease: NonNullable<ImageSources['atRelease']>): { types: LoadedTypes | null; warning: string | null } {
  try {
    return { types: loadTypes(atRelease.files), warning: null }
  } catch (error) {
    if (!(error instanceof ImageConfigError)) throw error
    const first = error.details[0] ?? error.message
    const fallback =
      atRelease.image === null
        ? "there is nothing to compare today's schemas with, and the image starts anew"
        : "definitions are compared through the image's fingerprints only"
    return {
      types: null,
      warning: `The schemas at ${atRelease.tag} do not load (${first}), so ${fallback}; the bump the data needs cannot be inferred.`
    }
  }
}
