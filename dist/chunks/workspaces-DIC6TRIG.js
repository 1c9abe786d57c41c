import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-RQCDCLZU.js";
import {
  VersoError,
  excerpt,
  parserMessage
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/packages/workspaces.ts
var import_yaml = __toESM(require_dist(), 1);
import { matchesGlob, posix } from "node:path";
var NO_WORKSPACES = "packages: auto found no workspaces: add `workspaces` to package.json or list the packages.";
async function discoverWorkspaces(files) {
  const [pnpmText, rootText] = await Promise.all([files.read("pnpm-workspace.yaml"), files.read("package.json")]);
  const declaration = (pnpmText === null ? null : await readPnpmWorkspace(pnpmText)) ?? (rootText === null ? null : readRootManifest(rootText));
  if (declaration === null) return { source: "none", packages: [], skipped: [], message: NO_WORKSPACES };
  const patterns = readPatterns(declaration);
  const positive = patterns.filter((p) => !p.negated);
  const globs = positive.flatMap((p) => p.namesFolders ? [p.manifest, `${p.folders}/**`] : [p.manifest]);
  const listed = await files.list(declaration.source === "npm" ? [...globs, "yarn.lock"] : globs);
  const source = declaration.source === "npm" && listed.includes("yarn.lock") ? "yarn" : declaration.source;
  const isWorkspace = (folder) => {
    const manifest = `${folder}/package.json`;
    if (folder.split("/").includes("node_modules")) return false;
    return positive.some((p) => matchesGlob(manifest, p.manifest)) && !patterns.some((p) => p.negated && matchesGlob(manifest, p.manifest));
  };
  const manifests = listed.filter(
    (path) => posix.basename(path) === "package.json" && path !== "package.json" && isWorkspace(posix.dirname(path))
  );
  const withManifest = new Set(manifests.map((path) => posix.dirname(path)));
  const named = namedFolders(listed, positive).filter((folder) => !withManifest.has(folder) && isWorkspace(folder));
  const read = await Promise.all(manifests.map(async (manifest) => readWorkspace(manifest, await files.read(manifest))));
  const skipped = named.map((path) => ({
    path,
    why: "has no package.json: add one with a `name`, or leave the folder out of the workspace globs (a `!` glob excludes it)."
  }));
  const packages = [];
  for (const result of read) {
    if ("why" in result) skipped.push(result);
    else packages.push(result);
  }
  const unique = dropDuplicates(packages, skipped);
  return { source, packages: unique.sort(byPath), skipped: skipped.sort(byPath) };
}
async function readPnpmWorkspace(text) {
  const where = "pnpm-workspace.yaml `packages`";
  let data;
  try {
    data = (0, import_yaml.parse)(text, { schema: "failsafe", logLevel: "error" });
  } catch (error) {
    throw new VersoError("EINVALIDCONFIG", `pnpm-workspace.yaml is not valid YAML: ${parserMessage(error.message)}`, {
      hint: "Fix pnpm-workspace.yaml: `packages: auto` reads its `packages` to find the packages."
    });
  }
  if (data === null || data === void 0) return null;
  if (!isRecord(data)) {
    throw new VersoError("EINVALIDCONFIG", 'pnpm-workspace.yaml must be a mapping, e.g.\n  packages:\n    - "packages/*"');
  }
  const packages = data.packages;
  if (packages === void 0 || packages === "") return null;
  if (!isTextList(packages)) {
    throw new VersoError(
      "EINVALIDCONFIG",
      `${where} must be a list of folder globs, e.g.
  packages:
    - "packages/*"
    - "!**/test/**"`
    );
  }
  return packages.length ? { source: "pnpm", where, globs: packages } : null;
}
function readRootManifest(text) {
  const hint = "Fix package.json: `packages: auto` reads its `workspaces` to find the packages.";
  const data = parseJson(text);
  if ("problem" in data) throw new VersoError("EINVALIDCONFIG", `package.json is not valid JSON: ${data.problem}.`, { hint });
  if (!isRecord(data.value)) throw new VersoError("EINVALIDCONFIG", "package.json must be a JSON object.", { hint });
  const workspaces = data.value.workspaces;
  if (workspaces === void 0) return null;
  const yarnForm = isRecord(workspaces);
  const globs = yarnForm ? workspaces.packages ?? [] : workspaces;
  if (!isTextList(globs)) {
    throw new VersoError(
      "EINVALIDCONFIG",
      'package.json `workspaces` must be a list of folder globs, e.g. `"workspaces": ["packages/*"]`, or yarn\'s `{ "packages": ["packages/*"] }`.'
    );
  }
  if (globs.length === 0) return null;
  const yarn = yarnForm || typeof data.value.packageManager === "string" && data.value.packageManager.startsWith("yarn@");
  return { source: yarn ? "yarn" : "npm", where: yarnForm ? "package.json `workspaces.packages`" : "package.json `workspaces`", globs };
}
function readPatterns(declaration) {
  const problems = [];
  const patterns = [];
  for (const written of declaration.globs) {
    const negated = written.startsWith("!");
    const glob = (negated ? written.slice(1) : written).replace(/^(?:\.\/)+/, "").replace(/\/+$/, "");
    if (leavesRepository(glob)) {
      problems.push(`\`${excerpt(written)}\` leads outside the repository: verso versions only the packages inside it.`);
      continue;
    }
    if (glob === "" || glob === ".") continue;
    patterns.push({ negated, folders: glob, manifest: `${glob}/package.json`, namesFolders: !glob.includes("**") });
  }
  if (problems.length) {
    throw new VersoError("EINVALIDCONFIG", `${declaration.where} has ${problems.length} problem(s):`, {
      details: problems,
      hint: "Write workspace globs relative to the repository root, without `..`."
    });
  }
  return patterns;
}
function leavesRepository(glob) {
  return /^(?:[/\\]|[A-Za-z]:)/.test(glob) || glob.split(/[/\\]/).includes("..");
}
function namedFolders(listed, positive) {
  const naming = positive.filter((p) => p.namesFolders);
  const folders = /* @__PURE__ */ new Set();
  for (const path of listed) {
    for (let folder = posix.dirname(path); folder !== "."; folder = posix.dirname(folder)) {
      if (!folders.has(folder) && naming.some((p) => matchesGlob(`${folder}/package.json`, p.manifest))) folders.add(folder);
    }
  }
  return [...folders];
}
function readWorkspace(manifest, text) {
  const path = posix.dirname(manifest);
  if (text === null) return { path, why: "has no package.json: add one with a `name`, or leave the folder out of the workspace globs." };
  const data = parseJson(text);
  if ("problem" in data)
    return { path, why: `package.json is not valid JSON (${data.problem}): fix it, or leave the folder out of the workspace globs.` };
  if (!isRecord(data.value))
    return { path, why: "package.json is not a JSON object: fix it, or leave the folder out of the workspace globs." };
  const { name, version } = data.value;
  if (typeof name !== "string" || name === "") {
    return { path, why: "package.json has no `name`: add one, as the package is known by it (its tags and its dependents)." };
  }
  if (!isPackageName(name)) {
    return {
      path,
      why: `package.json's \`name\` "${excerpt(name)}" is not a package name: use letters, digits, \`-\`, \`.\`, \`_\` and \`~\`, after an optional \`@scope/\`.`
    };
  }
  return { name, path, manifest, private: data.value.private === true, version: typeof version === "string" ? version : null };
}
var PACKAGE_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i;
function isPackageName(name) {
  return name.length <= 214 && PACKAGE_NAME.test(name);
}
function dropDuplicates(packages, skipped) {
  const byName = Map.groupBy(packages, (p) => p.name);
  const unique = [];
  for (const [name, same] of byName) {
    if (same.length === 1) {
      unique.push(same[0]);
      continue;
    }
    for (const p of same) {
      const others = same.filter((o) => o !== p).map((o) => o.path);
      skipped.push({
        path: p.path,
        why: `package.json's \`name\` \`${name}\` is also the name of ${others.join(", ")}: rename one, as each package needs its own.`
      });
    }
  }
  return unique;
}
function parseJson(text) {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    return { problem: parserMessage((error instanceof Error ? error.message : String(error)).split(/, (?:\.\.\.)?"|\n/)[0] ?? "") };
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isTextList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
function byPath(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
export {
  NO_WORKSPACES,
  discoverWorkspaces
};
