import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parseSemver,
  require_semver
} from "./chunk-G6X6EZPO.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/versions/extended.ts
var import_semver = __toESM(require_semver(), 1);
var PACKAGE = "pkg";
var ZERO = "0";
var ZERO_ESCAPE = "z";
var SEMVER_MAX_LENGTH = 256;
var SHORT = /^(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?$/;
function normalizeArtifactVersion(text) {
  const short = SHORT.exec(text);
  const parsed = parseSemver(short ? `${short[1]}.${short[2] ?? "0"}.0` : text);
  return parsed !== null && parsed.build.length === 0 ? parsed : null;
}
function formatExtended(input) {
  const { artifact, packageName } = input;
  if (artifact.build.length > 0) throw new Error(`formatExtended: the artifact ${artifact.raw} has build metadata`);
  const packageVersion = typeof input.packageVersion === "string" ? parseSemver(input.packageVersion) : input.packageVersion;
  if (packageVersion === null) throw new Error(`formatExtended: ${JSON.stringify(input.packageVersion)} is not a SemVer version`);
  if (packageVersion.build.length > 0) throw new Error(`formatExtended: the package version ${packageVersion.raw} has build metadata`);
  const ids = [];
  if (artifact.prerelease.length > 0) {
    ids.push(ZERO, ...artifact.prerelease.flatMap((id) => String(id) === ZERO ? [ZERO, ZERO_ESCAPE] : [String(id)]), ZERO);
  }
  ids.push(PACKAGE, String(packageVersion.major), String(packageVersion.minor), String(packageVersion.patch));
  ids.push(...packageVersion.prerelease.map(String));
  const text = `${artifact.major}.${artifact.minor}.${artifact.patch}-${ids.join(".")}+${encodeName(packageName)}`;
  if (text.length > SEMVER_MAX_LENGTH) {
    throw new Error(
      `formatExtended: ${text.slice(0, 40)}\u2026 is ${text.length} characters; the semver package reads at most ${SEMVER_MAX_LENGTH}`
    );
  }
  return text;
}
var SCOPED = /^@([^/]+)\/(.+)$/s;
var LITERAL = /^[0-9A-Za-z]$/;
var ESCAPE_AHEAD = /^-[0-9A-F]{2}/;
function encodeName(name) {
  if (name === "" || !name.isWellFormed()) throw new Error(`formatExtended: ${JSON.stringify(name)} is not a package name`);
  const scoped = SCOPED.exec(name);
  return (scoped ? [scoped[1], scoped[2]] : [name]).map(encodePart).join(".");
}
function encodePart(part) {
  const chars = [...part];
  let written = "";
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i];
    if (LITERAL.test(char)) written = char + written;
    else if (char === "-" && !ESCAPE_AHEAD.test(written)) written = `-${written}`;
    else written = escapeChar(char) + written;
  }
  return written;
}
function escapeChar(char) {
  return [...new TextEncoder().encode(char)].map((byte) => `--${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

// src/run/artifacts.ts
function packageNameFor(manifest, repository) {
  try {
    const name = manifest === null ? null : JSON.parse(manifest).name;
    if (typeof name === "string" && name) return name;
  } catch {
  }
  return repository?.split("/").pop() || "package";
}
function planArtifacts(plan, packageName) {
  if (plan.kind !== "release" || plan.next.value.kind !== "semver" || !plan.image) return { list: [], unversioned: [] };
  const list = [];
  const unversioned = [];
  for (const doc of plan.image.documents) {
    const own = normalizeArtifactVersion(doc.tag);
    if (own === null) {
      unversioned.push(`${doc.name} (${doc.tag})`);
      continue;
    }
    list.push({
      name: doc.name,
      version: own.version,
      extended: formatExtended({ artifact: own, packageVersion: plan.next.value.value, packageName })
    });
  }
  return { list, unversioned };
}

export {
  packageNameFor,
  planArtifacts
};
