import type { ImageConfig } from '../config/config.js'
import { VersoError } from '../errors.js'
import { listFiles, readFilesAt, readWorktreeFile } from '../git/files.js'
import type { Git } from '../git/git.js'
import { buildImage, checkImage, ImageConfigError, loadTypes, parseImage, type Image, type ImageCheck, type LoadedTypes, type SchemaFile } from '../image/index.js'

/** What the release-image check reads: schema files and image texts, today and at the last release. */
export interface ImageSources {
  readonly today: readonly SchemaFile[]
  /** The image file as it is today (the working tree, or the commit checked): what a commit records. */
  readonly worktreeImage: string | null
  /** The image file and the schema files at the last release tag, when there is one. */
  readonly atRelease: { readonly tag: string; readonly image: string | null; readonly files: readonly SchemaFile[] } | null
}

/**
 * Reads the sources in a fixed number of git processes, however many schema files there
 * are. `todayAt` reads "today" from a commit instead of the working tree: a pull request's
 * head, when the checkout is its base (pull_request_target).
 */
export async function readImageSources(git: Git, image: ImageConfig, releaseTag: string | null, todayAt: string | null = null): Promise<ImageSources> {
  const [today, atRelease] = await Promise.all([todayAt === null ? readWorktree(git, image) : readCommit(git, image, todayAt), releaseTag === null ? null : readCommit(git, image, releaseTag)])
  if (today.files.length === 0) {
    throw new VersoError('EINVALIDCONFIG', `\`schemas: ${image.schemas.join(', ')}\` matched no file.`, {
      hint: 'Globs are relative to the repository (or working-directory), e.g. `schemas/**/*.json`; a folder is matched by `folder/**`.'
    })
  }
  return { today: today.files, worktreeImage: today.image, atRelease: releaseTag === null || atRelease === null ? null : { tag: releaseTag, ...atRelease } }
}

async function readWorktree(git: Git, image: ImageConfig): Promise<{ image: string | null; files: SchemaFile[] }> {
  const [paths, imageText] = await Promise.all([listFiles(git, null, image.schemas), readWorktreeFile(git.cwd, image.file)])
  const files = await Promise.all(paths.map(async (path) => ({ path, text: (await readWorktreeFile(git.cwd, path)) ?? '' })))
  return { image: imageText, files }
}

async function readCommit(git: Git, image: ImageConfig, at: string): Promise<{ image: string | null; files: SchemaFile[] }> {
  const paths = await listFiles(git, at, image.schemas)
  const texts = await readFilesAt(git, at, [image.file, ...paths])
  return { image: texts.get(image.file) ?? null, files: paths.flatMap((path) => (texts.has(path) ? [{ path, text: texts.get(path)! }] : [])) }
}

/** The check, pure; the baseline image is chosen by chooseBaselineImage. */
export function runImageCheck(image: ImageConfig, sources: ImageSources, options: { checkWorktreeImage: boolean }): ImageCheck {
  try {
    const today = loadTypes(sources.today)
    const baseline = sources.atRelease && sources.atRelease.files.length > 0 ? loadBaseline(sources.atRelease) : { types: null, warning: null }
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

/** Schemas at the last release are history: problems there are not the user's to fix now. */
/**
 * The image committed at the last release. When that release has none but its schemas load,
 * the image they make, with today's documents that it lacks (being marked a document while
 * adopting the check is no new document): so a change since is still caught. When they do
 * not load, no baseline at all (the image starts anew), never today's own image, which
 * would hide every change. With no release, the image in the working tree (adopting).
 */
function chooseBaselineImage(image: ImageConfig, sources: ImageSources, baseline: { types: LoadedTypes | null; warning: string | null }, today: LoadedTypes): Image | null {
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
    const fallback = atRelease.image === null ? 'there is nothing to compare today\'s schemas with, and the image starts anew' : 'definitions are compared through the image\'s fingerprints only'
    return { types: null, warning: `The schemas at ${atRelease.tag} do not load (${first}), so ${fallback}; the bump the data needs cannot be inferred.` }
  }
}
