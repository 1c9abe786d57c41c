import type { ImageConfig } from './config.js'
import { VersoError } from './errors.js'
import { listFiles, readFilesAt, readWorktreeFile } from './git/files.js'
import type { Git } from './git/git.js'
import { checkImage, ImageConfigError, loadTypes, parseImage, type ImageCheck, type LoadedTypes, type SchemaFile } from './image/index.js'

/** What the release-image check reads: schema files and image texts, today and at the last release. */
export interface ImageSources {
  readonly today: readonly SchemaFile[]
  /** The image file in the working tree: what a commit would record. */
  readonly worktreeImage: string | null
  /** The image file and the schema files at the last release tag, when there is one. */
  readonly atRelease: { readonly tag: string; readonly image: string | null; readonly files: readonly SchemaFile[] } | null
}

/** Reads the sources in a fixed number of git processes, however many schema files there are. */
export async function readImageSources(git: Git, image: ImageConfig, releaseTag: string | null): Promise<ImageSources> {
  const [paths, worktreeImage, atRelease] = await Promise.all([
    listFiles(git, null, image.schemas),
    readWorktreeFile(git.cwd, image.file),
    releaseTag === null ? null : readRelease(git, image, releaseTag)
  ])
  const today = await Promise.all(paths.map(async (path) => ({ path, text: (await readWorktreeFile(git.cwd, path)) ?? '' })))
  return { today, worktreeImage, atRelease }
}

async function readRelease(git: Git, image: ImageConfig, tag: string): Promise<ImageSources['atRelease']> {
  const paths = await listFiles(git, tag, image.schemas)
  const texts = await readFilesAt(git, tag, [image.file, ...paths])
  return { tag, image: texts.get(image.file) ?? null, files: paths.flatMap((path) => (texts.has(path) ? [{ path, text: texts.get(path)! }] : [])) }
}

/**
 * The check, pure. Baseline: the image committed at the last release; if that release has
 * none, the image in the working tree; if there is none at all, the image is created.
 */
export function runImageCheck(image: ImageConfig, sources: ImageSources, options: { checkWorktreeImage: boolean }): ImageCheck {
  try {
    const today = loadTypes(sources.today)
    const baselineText = sources.atRelease?.image ?? sources.worktreeImage
    const baselineFrom = sources.atRelease?.image != null ? `${image.file} at ${sources.atRelease.tag}` : image.file
    const baselineImage = baselineText === null ? null : parseImage(baselineText, baselineFrom)
    const baseline = sources.atRelease && sources.atRelease.files.length > 0 ? loadBaseline(sources.atRelease) : { types: null, warning: null }
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

/** Schemas at the last release are history: problems there are not the user's to fix now. */
function loadBaseline(atRelease: NonNullable<ImageSources['atRelease']>): { types: LoadedTypes | null; warning: string | null } {
  try {
    return { types: loadTypes(atRelease.files), warning: null }
  } catch (error) {
    if (!(error instanceof ImageConfigError)) throw error
    const first = error.details[0] ?? error.message
    return { types: null, warning: `The schemas at ${atRelease.tag} do not load (${first}), so definitions are compared through the image's fingerprints only; the bump the data needs cannot be inferred.` }
  }
}
