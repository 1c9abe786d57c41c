import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  listFiles,
  readFilesAt,
  readWorktreeFile
} from "./chunk-Z5C77G7Y.js";
import {
  VersoError
} from "./chunk-FJVPBRYT.js";
import {
  ImageConfigError,
  buildImage,
  checkImage,
  loadTypes,
  parseImage
} from "./chunk-MDIFN7WT.js";
import "./chunk-RQCDCLZU.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";

// src/run/image.ts
async function readImageSources(git, image, releaseTag, todayAt = null) {
  const [today, atRelease] = await Promise.all([todayAt === null ? readWorktree(git, image) : readCommit(git, image, todayAt), releaseTag === null ? null : readCommit(git, image, releaseTag)]);
  if (today.files.length === 0) {
    throw new VersoError("EINVALIDCONFIG", `\`schemas: ${image.schemas.join(", ")}\` matched no file.`, {
      hint: "Globs are relative to the repository (or working-directory), e.g. `schemas/**/*.json`; a folder is matched by `folder/**`."
    });
  }
  return { today: today.files, worktreeImage: today.image, atRelease: releaseTag === null || atRelease === null ? null : { tag: releaseTag, ...atRelease } };
}
async function readWorktree(git, image) {
  const [paths, imageText] = await Promise.all([listFiles(git, null, image.schemas), readWorktreeFile(git.cwd, image.file)]);
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await readWorktreeFile(git.cwd, path) ?? "" })));
  return { image: imageText, files };
}
async function readCommit(git, image, at) {
  const paths = await listFiles(git, at, image.schemas);
  const texts = await readFilesAt(git, at, [image.file, ...paths]);
  return { image: texts.get(image.file) ?? null, files: paths.flatMap((path) => texts.has(path) ? [{ path, text: texts.get(path) }] : []) };
}
function runImageCheck(image, sources, options) {
  try {
    const today = loadTypes(sources.today);
    const baseline = sources.atRelease && sources.atRelease.files.length > 0 ? loadBaseline(sources.atRelease) : { types: null, warning: null };
    const baselineImage = chooseBaselineImage(image, sources, baseline, today);
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
function chooseBaselineImage(image, sources, baseline, today) {
  const atRelease = sources.atRelease;
  if (atRelease?.image != null) return parseImage(atRelease.image, `${image.file} at ${atRelease.tag}`);
  if (baseline.warning !== null) return null;
  if (baseline.types && baseline.types.types.length > 0) {
    const built = buildImage(baseline.types);
    const known = new Set(built.lines.map((line) => line.document.name));
    const lines = [...built.lines, ...buildImage(today).lines.filter((line) => !known.has(line.document.name))];
    return { lines: lines.sort((a, b) => a.document.name < b.document.name ? -1 : a.document.name > b.document.name ? 1 : 0) };
  }
  return sources.worktreeImage === null ? null : parseImage(sources.worktreeImage, image.file);
}
function loadBaseline(atRelease) {
  try {
    return { types: loadTypes(atRelease.files), warning: null };
  } catch (error) {
    if (!(error instanceof ImageConfigError)) throw error;
    const first = error.details[0] ?? error.message;
    const fallback = atRelease.image === null ? "there is nothing to compare today's schemas with, and the image starts anew" : "definitions are compared through the image's fingerprints only";
    return { types: null, warning: `The schemas at ${atRelease.tag} do not load (${first}), so ${fallback}; the bump the data needs cannot be inferred.` };
  }
}
export {
  readImageSources,
  runImageCheck
};
