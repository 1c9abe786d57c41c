import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  excerpt
} from "./chunk-QIVDBRGE.js";

// src/config/packages.ts
var DEFAULT_TAG_FORMAT = "{name}@{version}";
var PACKAGE_OPTIONS = [
  "scheme",
  "calver-format",
  "calver-bump",
  "calver-date",
  "calver-timezone",
  "calver-counter-start",
  "calver-final",
  "version-style",
  "initial-version",
  "release-rules",
  "major-zero-breaking",
  "prerelease",
  "prerelease-start",
  "release-branches",
  "prerelease-branches",
  "strict",
  "draft",
  "release-name",
  "changelog-file",
  "publish"
];
var ENTRY_KEYS = ["name", "path", "paths", "tag-format"];
function readPackageSpecs(raw, problems) {
  const specs = [];
  raw.forEach((entry, index) => {
    const spec = readEntry(entry, index, problems);
    if (spec) specs.push(spec);
  });
  if (raw.length === 0)
    problems.push("`packages` is an empty list: list the packages (`- name: web` with `path: packages/web`), or write `packages: auto`.");
  const names = /* @__PURE__ */ new Set();
  const paths = /* @__PURE__ */ new Set();
  for (const spec of specs) {
    if (names.has(spec.name)) problems.push(`The package \`${excerpt(spec.name)}\` is listed twice: give each package one entry.`);
    if (paths.has(spec.path)) problems.push(`Two packages have the path \`${excerpt(spec.path)}\`: a folder belongs to one package.`);
    names.add(spec.name);
    paths.add(spec.path);
  }
  return specs;
}
function readEntry(entry, index, problems) {
  const text = (key) => {
    const value = entry[key];
    if (value === void 0) return null;
    if (typeof value === "string") return value.trim();
    problems.push(`\`packages\` entry ${index + 1}: \`${key}\` must be text, not a list.`);
    return null;
  };
  const name = text("name");
  const where = `\`packages\` entry ${index + 1}${name ? ` (${excerpt(name)})` : ""}`;
  const before = problems.length;
  if (!name) problems.push(`${where} has no \`name\`: write the package's name, e.g. \`name: web\`.`);
  const path = normalizePath(text("path"), where, problems);
  const rawPaths = entry["paths"];
  const paths = rawPaths === void 0 ? [] : typeof rawPaths === "string" ? [rawPaths] : [...rawPaths];
  for (const glob of paths)
    if (isOutside(glob))
      problems.push(`${where}: \`paths: ${excerpt(glob)}\` must be a glob relative to the repository, e.g. \`shared/schemas/**\`.`);
  const tagFormat = text("tag-format") || DEFAULT_TAG_FORMAT;
  checkTagFormat(tagFormat, where, problems);
  const overrides = {};
  for (const [key, value] of Object.entries(entry)) {
    if (ENTRY_KEYS.includes(key)) continue;
    if (PACKAGE_OPTIONS.includes(key)) overrides[key] = value;
    else
      problems.push(
        `${where}: \`${excerpt(key)}\` cannot be set per package. A package takes: ${[...ENTRY_KEYS, ...PACKAGE_OPTIONS].join(", ")}.`
      );
  }
  if (problems.length > before || !name || path === null) return null;
  return { name, path, paths: paths.map((glob) => glob.replace(/^\.\//, "")), tagFormat, overrides };
}
function normalizePath(raw, where, problems) {
  if (raw === null || raw === "") {
    problems.push(`${where} has no \`path\`: write its folder, e.g. \`path: packages/web\` (\`.\` for the root package).`);
    return null;
  }
  const path = raw.replace(/^\.\/(?=.)/, "").replace(/\/+$/, "") || ".";
  if (isOutside(path) || /[*?[{]/.test(path)) {
    problems.push(
      `${where}: \`path: ${excerpt(raw)}\` must be one folder inside the repository, e.g. \`packages/web\` (globs go in \`paths\`).`
    );
    return null;
  }
  return path;
}
function isOutside(path) {
  return path.startsWith("/") || path.split("/").includes("..");
}
function checkTagFormat(format, where, problems) {
  if (!format.endsWith("{version}") || format.indexOf("{version}") !== format.length - "{version}".length) {
    problems.push(
      `${where}: \`tag-format: ${excerpt(format)}\` must end with \`{version}\` (e.g. \`{name}@{version}\`, \`{name}-v{version}\`).`
    );
    return;
  }
  const unknown = /\{(?!name\}|version\}|prefix\})[^}]*\}/.exec(format);
  if (unknown) problems.push(`${where}: \`tag-format\` knows \`{name}\`, \`{prefix}\` and \`{version}\`, not \`${excerpt(unknown[0])}\`.`);
}
function packageTagPrefix(spec, tagPrefix) {
  return spec.tagFormat.slice(0, -"{version}".length).replaceAll("{name}", spec.name).replaceAll("{prefix}", tagPrefix);
}
function routesTo(spec, file, matches) {
  if (spec.path !== "." && (file === spec.path || file.startsWith(`${spec.path}/`))) return true;
  return spec.paths.some((glob) => matches(file, glob));
}

export {
  readPackageSpecs,
  packageTagPrefix,
  routesTo
};
