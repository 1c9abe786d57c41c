import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  listFiles,
  readFilesAt,
  readWorktreeFile
} from "./chunk-PGKEO52K.js";
import {
  VersoError
} from "./chunk-FJVPBRYT.js";
import {
  ImageConfigError,
  checkImage,
  loadTypes,
  parseImage
} from "./chunk-MQKJYT5W.js";
import "./chunk-RQCDCLZU.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";

// src/release-image.ts
async function readImageSources(git, image, releaseTag) {
  const [paths, worktreeImage, atRelease] = await Promise.all([
    listFiles(git, null, image.schemas),
    readWorktreeFile(git.cwd, image.file),
    releaseTag === null ? null : readRelease(git, image, releaseTag)
  ]);
  const today = await Promise.all(paths.map(async (path) => ({ path, text: await readWorktreeFile(git.cwd, path) ?? "" })));
  return { today, worktreeImage, atRelease };
}
async function readRelease(git, image, tag) {
  const paths = await listFiles(git, tag, image.schemas);
  const texts = await readFilesAt(git, tag, [image.file, ...paths]);
  return { tag, image: texts.get(image.file) ?? null, files: paths.flatMap((path) => texts.has(path) ? [{ path, text: texts.get(path) }] : []) };
}
function runImageCheck(image, sources, options) {
  try {
    const today = loadTypes(sources.today);
    const baselineText = sources.atRelease?.image ?? sources.worktreeImage;
    const baselineFrom = sources.atRelease?.image != null ? `${image.file} at ${sources.atRelease.tag}` : image.file;
    const baselineImage = baselineText === null ? null : parseImage(baselineText, baselineFrom);
    const baselineTypes = sources.atRelease && sources.atRelease.files.length > 0 ? loadBaseline(sources.atRelease) : null;
    return checkImage({
      today,
      baseline: { image: baselineImage, types: baselineTypes },
      ...options.checkWorktreeImage ? { committedImageText: sources.worktreeImage } : {},
      bootstrap: image.bootstrap,
      imageFile: image.file
    });
  } catch (error) {
    if (error instanceof ImageConfigError) throw new VersoError("EIMAGE", error.message, { hint: error.hint, details: error.details });
    throw error;
  }
}
function loadBaseline(atRelease) {
  try {
    return loadTypes(atRelease.files);
  } catch (error) {
    if (error instanceof ImageConfigError) return null;
    throw error;
  }
}
export {
  readImageSources,
  runImageCheck
};
