import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  ImageConfigError,
  buildImage,
  checkImage,
  loadTypes,
  parseImage
} from "./chunk-6A3LXT6I.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-RQCDCLZU.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";

// src/run/image.ts
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
    return {
      types: null,
      warning: `The schemas at ${atRelease.tag} do not load (${first}), so ${fallback}; the bump the data needs cannot be inferred.`
    };
  }
}
export {
  runImageCheck
};
