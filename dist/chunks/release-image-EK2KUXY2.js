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
    const baseline = sources.atRelease && sources.atRelease.files.length > 0 ? loadBaseline(sources.atRelease) : { types: null, warning: null };
    const check = checkImage({
      today,
      baseline: { image: baselineImage, types: baseline.types },
      ...options.checkWorktreeImage ? { committedImageText: sources.worktreeImage } : {},
      bootstrap: image.bootstrap,
      imageFile: image.file
    });
    return baseline.warning ? { ...check, warnings: [...check.warnings, { rule: null, type: null, message: baseline.warning }] } : check;
  } catch (error) {
    if (error instanceof ImageConfigError) throw new VersoError("EIMAGE", error.message, { hint: error.hint, details: error.details });
    throw error;
  }
}
function loadBaseline(atRelease) {
  try {
    return { types: loadTypes(atRelease.files), warning: null };
  } catch (error) {
    if (!(error instanceof ImageConfigError)) throw error;
    const first = error.details[0] ?? error.message;
    return { types: null, warning: `The schemas at ${atRelease.tag} do not load (${first}), so definitions are compared through the image's fingerprints only; the bump the data needs cannot be inferred.` };
  }
}
export {
  readImageSources,
  runImageCheck
};
