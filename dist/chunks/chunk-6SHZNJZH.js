import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parseJson,
  readNpmFailure
} from "./chunk-4DQIALLB.js";
import {
  readWorktreeFile,
  writeWorktreeFile
} from "./chunk-LHPEVOM6.js";
import {
  updatePackageLock,
  updateVersionFile
} from "./chunk-VG4D5XZV.js";
import {
  require_semver
} from "./chunk-G6X6EZPO.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/files/changelog.ts
var INTRO = "# Changelog\n\nAll notable changes to this project are documented in this file.\n";
function prependChangelog(existing, entry) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) throw new Error(`prependChangelog: ${entry.date} is not a YYYY-MM-DD date`);
  const url = entry.compareUrl ?? null;
  if (existing === null || existing.trim() === "") return `${INTRO}
${renderSection(entry, url)}`;
  const lines = splitLines(existing);
  const sections = findSections(lines);
  if (sections.some((s) => s.label === entry.version || s.label === entry.tag)) return existing;
  const definitions = findDefinitions(lines);
  const linked = definitions.some((d) => sections.some((s) => s.label.toLowerCase() === d.label.toLowerCase()));
  const edits = [];
  if (linked && url !== null) {
    const before = definitions.find((d) => !isUnreleased(d.label) && sections.some((s) => s.label.toLowerCase() === d.label.toLowerCase()));
    const definition = `[${entry.version}]: ${url}`;
    edits.push(
      before === void 0 ? { at: definitions[definitions.length - 1].end, text: `
${definition}` } : { at: before.start, text: `${definition}
` }
    );
  }
  const section = renderSection(entry, linked ? null : url);
  const firstRelease = sections.find((s) => !isUnreleased(s.label));
  if (firstRelease !== void 0) {
    edits.push({ at: firstRelease.start, text: `${section}
` });
  } else {
    const at = definitions[0]?.start ?? existing.length;
    edits.push({ at, text: `${blankLineBefore(existing, at)}${section}${at === existing.length ? "" : "\n"}` });
  }
  return applyEdits(existing, edits, existing.includes("\r\n") ? "\r\n" : "\n");
}
function renderSection(entry, url) {
  const notes = entry.notes.replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
  const heading = `## [${entry.version}]${url === null ? "" : `(${url})`} - ${entry.date}`;
  return notes === "" ? `${heading}
` : `${heading}

${notes}
`;
}
function isUnreleased(label) {
  return label.toLowerCase() === "unreleased";
}
function splitLines(text) {
  const lines = [];
  for (let start = 0; start < text.length; ) {
    const next = text.indexOf("\n", start);
    const stop = next === -1 ? text.length : next;
    const end = text[stop - 1] === "\r" ? stop - 1 : stop;
    lines.push({ start, end, text: text.slice(start, end) });
    start = stop + 1;
  }
  return lines;
}
function findSections(lines) {
  const sections = [];
  let fence = null;
  for (const line of lines) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line.text)?.[1];
    if (fence !== null) {
      if (marker !== void 0 && marker[0] === fence[0] && marker.length >= fence.length && /^\s*[`~]+\s*$/.test(line.text)) fence = null;
      continue;
    }
    if (marker !== void 0) {
      fence = marker;
      continue;
    }
    const heading = /^ {0,3}(##?)[ \t]+(.*)$/.exec(line.text);
    const found = heading === null ? null : /^\[([^\]]*)\]|^(\S+)/.exec(heading[2].trim());
    const label = found === null ? null : found[1] ?? found[2];
    if (label !== null && (heading[1] === "##" || /^v?\d/.test(label))) sections.push({ start: line.start, label });
  }
  return sections;
}
function findDefinitions(lines) {
  const found = [];
  for (const line of [...lines].reverse()) {
    if (line.text.trim() === "") continue;
    const label = /^ {0,3}\[([^\]]+)\]:\s*\S/.exec(line.text)?.[1];
    if (label === void 0) break;
    found.unshift({ start: line.start, end: line.end, label });
  }
  return found;
}
function blankLineBefore(text, at) {
  const above = text.slice(0, at);
  if (above === "" || /(^|\n)[ \t]*\r?\n$/.test(above)) return "";
  return above.endsWith("\n") ? "\n" : "\n\n";
}
function applyEdits(text, edits, eol) {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    result = result.slice(0, edit.at) + edit.text.replaceAll("\n", eol) + result.slice(edit.at);
  }
  return result;
}

// src/run/release-files.ts
var import_semver = __toESM(require_semver(), 1);
function fileRelease(plan, where) {
  return { ...where, version: plan.next.version, tag: plan.next.tag, previousTag: plan.previous?.tag ?? null };
}
function planReleaseFiles(input) {
  const problems = [];
  const edited = /* @__PURE__ */ new Map();
  const manifests = [];
  input.config.rules.forEach((rule, i) => {
    const paths = input.matched[i] ?? [];
    if (paths.length === 0) problems.push(`version-files: \`${rule.source}\` matches no file.`);
    for (const path of paths) {
      const release = releaseFor(path, input.releases, input.packages);
      if (!release) continue;
      const text = edited.get(path) ?? input.texts.get(path) ?? null;
      if (text === null) {
        problems.push(`version-files: \`${rule.source}\`: ${path} does not exist at the released commit.`);
        continue;
      }
      const update = updateVersionFile(rule, path, text, release.version);
      if ("error" in update) problems.push(update.error);
      else if (update.changed) edited.set(path, update.text);
      if (isManifest(rule, path)) manifests.push({ path: folderOf(path), version: release.version });
    }
  });
  if (input.packages !== null) updateInternalRanges(manifests, edited, input.texts, problems);
  const lock = edited.get("package-lock.json") ?? input.texts.get("package-lock.json") ?? null;
  if (lock !== null && manifests.length) {
    const single = input.packages === null;
    const update = updatePackageLock(lock, single ? { rootVersion: input.releases[0].version, workspaces: [] } : { workspaces: manifests });
    if ("error" in update) problems.push(update.error);
    else if (update.changed) edited.set("package-lock.json", update.text);
  }
  for (const release of input.releases) {
    if (release.changelog === null) continue;
    const path = release.path === "." ? release.changelog : `${release.path}/${release.changelog}`;
    const existing = edited.get(path) ?? input.texts.get(path) ?? null;
    const text = prependChangelog(existing, {
      version: release.version,
      tag: release.tag,
      date: input.date,
      notes: withoutHeading(release.notes),
      compareUrl: input.repositoryUrl && release.previousTag ? `${input.repositoryUrl}/compare/${release.previousTag}...${release.tag}` : null
    });
    if (text !== existing) edited.set(path, text);
  }
  if (problems.length) {
    throw new VersoError(
      "EINVALIDCONFIG",
      `The release files cannot be updated (${problems.length} problem(s)): nothing was committed, tagged or published.`,
      {
        details: problems,
        hint: "Fix `version-files` (or the files it names) and run again."
      }
    );
  }
  return { files: [...edited].map(([path, text]) => ({ path, text })) };
}
var DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
function updateInternalRanges(manifests, edited, texts, problems) {
  const released = /* @__PURE__ */ new Map();
  for (const m of manifests) {
    const name = valueAt(edited.get(manifestPath(m.path)) ?? null, ["name"]);
    if (typeof name === "string") released.set(name, m.version);
  }
  const set = (path, keys, text, value) => {
    const rule = { kind: "json", path, glob: false, source: `${path}:${keys.join(".")}`, keys };
    const update = updateVersionFile(rule, path, text, value);
    if ("error" in update) problems.push(update.error);
    else edited.set(path, update.text);
  };
  for (const m of manifests) {
    const path = manifestPath(m.path);
    for (const field of DEPENDENCY_FIELDS) {
      const deps = valueAt(edited.get(path) ?? null, [field]);
      if (!deps || typeof deps !== "object") continue;
      for (const [dep, range] of Object.entries(deps)) {
        const version = released.get(dep);
        if (version === void 0 || typeof range !== "string" || range.startsWith("workspace:") || import_semver.default.satisfies(version, range))
          continue;
        const next = `${/^(\^|~|>=|=)?/.exec(range)[0] || (import_semver.default.valid(range) ? "" : "^")}${version}`;
        set(path, [field, dep], edited.get(path), next);
        const lock = edited.get("package-lock.json") ?? texts.get("package-lock.json") ?? null;
        if (lock !== null && typeof valueAt(lock, ["packages", m.path, field, dep]) === "string")
          set("package-lock.json", ["packages", m.path, field, dep], lock, next);
      }
    }
  }
}
function manifestPath(folder) {
  return folder === "." ? "package.json" : `${folder}/package.json`;
}
function valueAt(text, keys) {
  try {
    let value = text === null ? void 0 : JSON.parse(text);
    for (const key of keys) value = value && typeof value === "object" ? value[key] : void 0;
    return value;
  } catch {
    return void 0;
  }
}
function pathsToRead(config, releases, matched) {
  const changelogs = releases.flatMap((r) => r.changelog === null ? [] : [r.path === "." ? r.changelog : `${r.path}/${r.changelog}`]);
  return [.../* @__PURE__ */ new Set([...matched.flat(), ...config.rules.some((r) => r.kind === "manifest") ? ["package-lock.json"] : [], ...changelogs])];
}
function releaseFor(path, releases, packages) {
  if (packages === null) return releases[0] ?? null;
  let owner = null;
  for (const folder of packages) {
    const inside = folder === "." || path === folder || path.startsWith(`${folder}/`);
    if (inside && (owner === null || owner === "." || folder.length > owner.length)) owner = folder;
  }
  return releases.find((r) => r.path === owner) ?? null;
}
function isManifest(rule, path) {
  return rule.kind === "manifest" && (path === "package.json" || path.endsWith("/package.json"));
}
function folderOf(path) {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "." : path.slice(0, slash);
}
function withoutHeading(notes) {
  return notes.replace(/^#{1,6} [^\n]*\n+/, "").trim();
}

// src/packages/dependencies.ts
var FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
function readDependencies(manifests) {
  const names = new Set(manifests.map((m) => m.name));
  const found = new Map([...names].sort().map((name) => [name, /* @__PURE__ */ new Set()]));
  for (const { name, text } of manifests) {
    const manifest = parseManifest(name, text);
    for (const field of FIELDS) {
      const declared = manifest[field];
      if (!isRecord(declared)) continue;
      for (const [key, spec] of Object.entries(declared)) {
        const target = aliasTarget(spec) ?? key;
        if (target !== name && names.has(target)) found.get(name).add(target);
      }
    }
  }
  return new Map([...found].map(([name, on]) => [name, [...on].sort()]));
}
function dependencyOrder(graph) {
  const waiting = new Map(
    [...graph.keys()].sort().map((name) => [name, new Set((graph.get(name) ?? []).filter((d) => d !== name && graph.has(d)))])
  );
  const order = [];
  while (waiting.size) {
    const next = [...waiting].find(([, on]) => on.size === 0)?.[0];
    if (next === void 0) throw cycleError(findCycle(waiting));
    order.push(next);
    waiting.delete(next);
    for (const on of waiting.values()) on.delete(next);
  }
  return order;
}
function dependents(graph, released) {
  const releasing = new Set(released);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, on] of graph) {
      if (!releasing.has(name) && on.some((d) => d !== name && releasing.has(d))) {
        releasing.add(name);
        grew = true;
      }
    }
  }
  const result = /* @__PURE__ */ new Map();
  for (const name of [...graph.keys()].sort()) {
    const on = [...new Set(graph.get(name).filter((d) => d !== name && releasing.has(d)))].sort();
    if (on.length) result.set(name, on);
  }
  return result;
}
function aliasTarget(spec) {
  if (typeof spec !== "string") return null;
  const alias = /^npm:((?:@[^/@]+\/)?[^/@]+)(?:@|$)/.exec(spec) ?? /^workspace:((?:@[^/@]+\/)?[^/@]+)@/.exec(spec);
  return alias?.[1] ?? null;
}
function parseManifest(name, text) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    data = void 0;
  }
  if (!isRecord(data)) {
    throw new VersoError("EINVALIDCONFIG", `The package.json of ${name} is not a JSON object, so its dependencies cannot be read.`, {
      hint: "Fix the package.json: verso reads its dependencies to release the packages that depend on one another."
    });
  }
  return data;
}
function findCycle(waiting) {
  const next = (name2) => [...waiting.get(name2)].sort()[0];
  const path = [];
  let name = [...waiting.keys()][0];
  while (!path.includes(name)) {
    path.push(name);
    name = next(name);
  }
  return [...path.slice(path.indexOf(name)), name];
}
function cycleError(cycle) {
  return new VersoError("EINVALIDCONFIG", `The workspace packages depend on each other in a circle: ${cycle.join(" \u2192 ")}.`, {
    hint: "verso releases a package after the packages it depends on, so a circle has no first one: remove one of these dependencies (often a devDependency)."
  });
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/npm/auth.ts
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
var SETUP_NODE_PLACEHOLDER = "XXXXX-XXXXX-XXXXX-XXXXX";
function readNpmAuth(env) {
  for (const variable of ["NODE_AUTH_TOKEN", "NPM_TOKEN"]) {
    const token = env[variable]?.trim();
    if (token && token !== SETUP_NODE_PLACEHOLDER) return { kind: "token", variable, token };
  }
  return env.ACTIONS_ID_TOKEN_REQUEST_URL ? { kind: "trusted-publishing" } : { kind: "configured" };
}
function authTokenKey(registry) {
  const url = new URL(registry);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `//${url.host}${path}:_authToken`;
}
var TOKEN_VARIABLE = "VERSO_NPM_TOKEN";
function renderUserconfig(existing, registries) {
  const lines = [...new Set(registries.map(authTokenKey))].map((key) => `${key}=\${${TOKEN_VARIABLE}}`);
  const before = existing === null || existing.trim() === "" ? "" : `${existing.replace(/\s*$/, "")}
`;
  return `${before}${lines.join("\n")}
`;
}
async function openNpmSession(options) {
  const { env, auth } = options;
  if (auth.kind !== "token") return { env, dispose: async () => {
  } };
  const dir = await mkdtemp(join(options.tempRoot ?? env.RUNNER_TEMP ?? tmpdir(), "verso-npm-"));
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const path = join(dir, "npmrc");
    const own = env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig ?? join(env.HOME ?? homedir(), ".npmrc");
    const existing = await readFile(own, "utf8").catch(() => null);
    await writeFile(path, renderUserconfig(existing, options.registries), { mode: 384 });
    await chmod(path, 384);
    const rest = Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== "npm_config_userconfig"));
    return { env: { ...rest, NPM_CONFIG_USERCONFIG: path, [TOKEN_VARIABLE]: auth.token }, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

// src/npm/registry.ts
function registryArgs(name, registry) {
  const scope = scopeOf(name);
  return ["--registry", registry, ...scope ? [`--${scope}:registry=${registry}`] : []];
}
function scopeOf(name) {
  return /^(@[^/]+)\//.exec(name)?.[1] ?? null;
}
async function readConfiguredRegistry(npm, cwd, name) {
  const scope = scopeOf(name);
  if (scope) {
    const scoped = await configValue(npm, cwd, `${scope}:registry`);
    if (scoped) return scoped;
  }
  const registry = await configValue(npm, cwd, "registry");
  return registry ?? "https://registry.npmjs.org/";
}
async function configValue(npm, cwd, key) {
  const result = await npm.run(["config", "get", key], { cwd });
  if (result.code !== 0) throw npmError(result, `npm config get ${key}`);
  const value = result.stdout.trim();
  return value === "" || value === "undefined" || value === "null" ? null : value;
}
async function viewPackage(npm, cwd, name, registry) {
  const result = await npm.run(["view", name, "versions", "dist-tags", "--json", ...registryArgs(name, registry)], { cwd });
  if (result.code !== 0) {
    if (readNpmFailure(result).code === "E404") return null;
    throw npmError(result, `npm view ${name}`, registry);
  }
  const data = parseJson(result.stdout);
  if (!isRecord2(data)) throw unreadable(`npm view ${name}`, registry);
  const versions = data["versions"];
  const tags = data["dist-tags"];
  return {
    versions: typeof versions === "string" ? [versions] : Array.isArray(versions) ? versions.filter((v) => typeof v === "string") : [],
    distTags: isRecord2(tags) ? Object.fromEntries(Object.entries(tags).filter((e) => typeof e[1] === "string")) : {}
  };
}
async function viewVersion(npm, cwd, name, version, registry) {
  const result = await npm.run(
    ["view", `${name}@${version}`, "version", "gitHead", "dist.integrity", "--json", ...registryArgs(name, registry)],
    {
      cwd
    }
  );
  if (result.code !== 0) {
    if (readNpmFailure(result).code === "E404") return null;
    throw npmError(result, `npm view ${name}@${version}`, registry);
  }
  const data = parseJson(result.stdout);
  if (data === null) return null;
  if (!isRecord2(data)) return { gitHead: null, integrity: null };
  const text = (key) => typeof data[key] === "string" ? data[key] : null;
  return { gitHead: text("gitHead"), integrity: text("dist.integrity") };
}
async function previewTarball(npm, cwd, dir) {
  const result = await npm.run(["pack", dir, "--dry-run", "--json", "--ignore-scripts"], { cwd });
  if (result.code !== 0) throw npmError(result, "npm pack --dry-run");
  const data = parseJson(result.stdout);
  const first = Array.isArray(data) ? data[0] : isRecord2(data) ? Object.values(data)[0] : void 0;
  if (!isRecord2(first)) throw unreadable("npm pack --dry-run", null);
  const number = (key) => typeof first[key] === "number" ? first[key] : 0;
  const files = Array.isArray(first["files"]) ? first["files"] : [];
  return {
    filename: typeof first["filename"] === "string" ? first["filename"] : "",
    size: number("size"),
    unpackedSize: number("unpackedSize"),
    integrity: typeof first["integrity"] === "string" ? first["integrity"] : null,
    files: files.filter(isRecord2).map((f) => ({ path: String(f["path"] ?? ""), size: typeof f["size"] === "number" ? f["size"] : 0 }))
  };
}
async function publishFolder(npm, cwd, dir, options) {
  const args = ["publish", dir, "--json", "--tag", options.distTag, ...registryArgs(options.name, options.registry)];
  if (options.provenance) args.push("--provenance");
  const result = await npm.run(args, { cwd });
  if (result.code !== 0) throw npmError(result, "npm publish", options.registry);
}
async function addDistTag(npm, cwd, spec) {
  const result = await npm.run(["dist-tag", "add", `${spec.name}@${spec.version}`, spec.tag, ...registryArgs(spec.name, spec.registry)], {
    cwd
  });
  if (result.code !== 0) throw npmError(result, `npm dist-tag add ${spec.name}@${spec.version} ${spec.tag}`, spec.registry);
}
async function readNpmVersion(npm, cwd) {
  const result = await npm.run(["--version"], { cwd });
  const version = result.stdout.trim();
  return result.code === 0 && /^\d+\.\d+\.\d+/.test(version) ? version : null;
}
function npmError(result, what, registry = null) {
  const failure = readNpmFailure(result);
  const where = registry ? ` (${registry})` : "";
  const said = `${what} failed${where}: ${failure.summary}${failure.code ? ` [${failure.code}]` : ""}`;
  return new VersoError("ENPM", said, { hint: hintFor(failure.code) });
}
function hintFor(code) {
  switch (code) {
    case "ENEEDAUTH":
    case "E401":
      return "The registry wants a login: set NODE_AUTH_TOKEN (or NPM_TOKEN) from a secret, or give the job `permissions: id-token: write` and make the workflow the package's trusted publisher on npmjs.com.";
    case "E403":
      return "The token may not publish this package (or the version exists already): check its scope and the package's access, then run again.";
    case "E402":
      return 'A scoped package is private by default: add `"publishConfig": { "access": "public" }` to its package.json.';
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
    case "ECONNRESET":
    case "EAI_AGAIN":
      return "The registry could not be reached. Run again when it answers: a re-run publishes only what is missing.";
    default:
      return "Run again once the cause is fixed: a re-run publishes only what is missing.";
  }
}
function unreadable(what, registry) {
  return new VersoError("ENPM", `${what} gave an answer verso cannot read${registry ? ` (${registry})` : ""}.`, {
    hint: "Check that npm is npm 9 or later and that the registry is an npm registry."
  });
}
function isRecord2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/run/publish-plan.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/npm/secrets.ts
var ENV_TEMPLATES = /* @__PURE__ */ new Set(["example", "sample", "template", "dist", "defaults"]);
var KEY_EXTENSIONS = [".pem", ".key", ".p12", ".pfx", ".jks", ".keystore"];
var SSH_KEYS = /* @__PURE__ */ new Set(["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"]);
var CREDENTIALS = /* @__PURE__ */ new Set([".npmrc", ".git-credentials", ".netrc", "_netrc", ".pypirc", "credentials.json"]);
function findSecretLookingFiles(paths) {
  const found = [];
  for (const path of paths) {
    const kind = secretKind(path.slice(path.lastIndexOf("/") + 1).toLowerCase());
    if (kind) found.push({ path, kind });
  }
  return found;
}
function secretKind(name) {
  if (name === ".env" || name.startsWith(".env.") && !ENV_TEMPLATES.has(name.slice(".env.".length))) return "env-file";
  if (SSH_KEYS.has(name)) return "ssh-key";
  if (CREDENTIALS.has(name)) return "credentials";
  if (KEY_EXTENSIONS.some((ext) => name.endsWith(ext) && name.length > ext.length)) return "private-key";
  return null;
}

// src/run/publish-plan.ts
function decideDistTag(input) {
  const version = import_semver2.default.parse(input.version);
  if (version === null) throw new Error(`not a SemVer version: ${input.version}`);
  if (version.prerelease.length) {
    const first = version.prerelease[0];
    const channel = input.line.prerelease ?? (typeof first === "string" ? first : "prerelease");
    return { tag: channel, reason: { kind: "channel", channel } };
  }
  if (input.line.range !== null)
    return { tag: maintenanceTag(input.line.range, version.major), reason: { kind: "maintenance", range: input.line.range } };
  const higher = input.stable === null ? null : input.stable.filter((v) => import_semver2.default.valid(v) && import_semver2.default.gt(v, version)).sort(import_semver2.default.rcompare)[0] ?? null;
  const highest = input.stable === null ? input.latest : higher === null;
  if (highest) return { tag: "latest", reason: { kind: "highest-stable" } };
  return { tag: `release-${version.major}.x`, reason: { kind: "below-latest", latest: higher } };
}
function maintenanceTag(range, major) {
  return /^\d+(?:\.\d+)?\.x$/.test(range) ? `release-${range}` : `release-${major}.x`;
}
function checkManifest(target, manifest) {
  const conflict = (name, problem) => ({
    kind: "decided",
    decision: { kind: "conflict", target, name, registry: null, problem }
  });
  if (manifest === null) return conflict(null, { kind: "no-manifest" });
  if (manifest.kind === "unreadable") return conflict(null, { kind: "unreadable-manifest", error: manifest.error });
  if (manifest.private) return { kind: "decided", decision: { kind: "skipped", target, name: manifest.name, reason: "private" } };
  if (!manifest.name) return conflict(null, { kind: "no-name" });
  if (import_semver2.default.valid(target.version) !== target.version) return conflict(manifest.name, { kind: "not-semver" });
  if (manifest.workspaceRanges.length)
    return conflict(manifest.name, { kind: "workspace-protocol", dependencies: manifest.workspaceRanges });
  return { kind: "publishable", manifest: { name: manifest.name } };
}
function decidePublish(facts) {
  const { target, registry, published } = facts;
  const { name } = facts.manifest;
  if (published !== null) {
    const ours = [target.sha, ...facts.ours];
    if (published.gitHead !== null && ours.includes(published.gitHead))
      return { kind: "already-published", target, name, registry, by: "git-head" };
    if (published.gitHead === null && published.integrity !== null && published.integrity === facts.tarball.integrity)
      return { kind: "already-published", target, name, registry, by: "integrity" };
    return { kind: "conflict", target, name, registry, problem: { kind: "published-elsewhere", ...published, here: facts.gitHeadHere } };
  }
  const stable = (facts.registryPackage?.versions ?? []).filter((v) => import_semver2.default.valid(v) && import_semver2.default.prerelease(v) === null);
  return {
    kind: "publish",
    target,
    name,
    registry,
    distTag: decideDistTag({ version: target.version, line: target.line, stable, latest: target.latest }),
    provenance: facts.provenance,
    tarball: facts.tarball,
    secrets: findSecretLookingFiles(facts.tarball.files.map((f) => f.path))
  };
}
function planLatestMove(name, version, registry, found) {
  if (found === null || !found.versions.includes(version)) return { kind: "not-published", name, version, registry };
  const from = found.distTags["latest"] ?? null;
  return from === version ? { kind: "already", name, version, registry } : { kind: "move", name, version, registry, from };
}

// src/run/publish-manifests.ts
async function readManifests(root, folders) {
  return Promise.all(
    folders.map(async (folder) => {
      const text = await readWorktreeFile(root, manifestPath2(folder));
      return text === null ? { facts: null, text, registry: null } : { ...readManifest(text), text };
    })
  );
}
function readManifest(text) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { facts: { kind: "unreadable", error: error.message }, registry: null };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return { facts: { kind: "unreadable", error: "it is not a JSON object" }, registry: null };
  const registry = typeof data.publishConfig?.registry === "string" && data.publishConfig.registry ? data.publishConfig.registry : null;
  const name = typeof data.name === "string" && data.name ? data.name : null;
  return { facts: { kind: "read", name, private: data.private === true, workspaceRanges: workspaceRanges(data) }, registry };
}
var INSTALLED = ["dependencies", "optionalDependencies", "peerDependencies"];
function workspaceRanges(data) {
  const names = INSTALLED.flatMap((field) => {
    const deps = data[field];
    if (deps === null || typeof deps !== "object") return [];
    return Object.entries(deps).flatMap(
      ([dep, range]) => typeof range === "string" && range.startsWith("workspace:") ? [dep] : []
    );
  });
  return [...new Set(names)];
}
function nameOf(manifest) {
  return manifest.facts?.kind === "read" ? manifest.facts.name : null;
}
async function registryOf(npm, dir, configured, manifest) {
  const name = nameOf(manifest);
  if (!name || manifest.facts?.kind === "read" && manifest.facts.private) return null;
  return registryFor(npm, dir, configured, name, manifest.registry);
}
async function registryFor(npm, dir, configured, name, publishConfig) {
  const registry = configured ?? publishConfig ?? await readConfiguredRegistry(npm, dir, name);
  return registry.endsWith("/") ? registry : `${registry}/`;
}
async function writeVersions(root, targets, packages) {
  const texts = /* @__PURE__ */ new Map();
  for (const target of targets) texts.set(manifestPath2(target.path), await readWorktreeFile(root, manifestPath2(target.path)));
  const present = targets.filter((target) => texts.get(manifestPath2(target.path)) !== null);
  if (present.length === 0) return [];
  const rules = present.map((target) => {
    const path = manifestPath2(target.path);
    return { kind: "manifest", path, glob: false, source: path };
  });
  const files = { rules, changelog: null };
  const releases = present.map((t) => ({
    name: t.release,
    path: t.path,
    version: t.version,
    tag: t.tag,
    previousTag: null,
    notes: "",
    changelog: null
  }));
  const input = { config: files, releases, matched: rules.map((r) => [r.path]), texts, packages, date: "", repositoryUrl: null };
  let edits;
  try {
    edits = planReleaseFiles(input);
  } catch (error) {
    if (!(error instanceof VersoError)) throw error;
    throw new VersoError(
      "EINVALIDCONFIG",
      "The version to publish cannot be written into the manifests: nothing was tagged or published.",
      {
        details: error.details,
        hint: "Give each package.json published a `version` (any: verso writes the released one), or set `publish: none` for it."
      }
    );
  }
  for (const file of edits.files) await writeWorktreeFile(root, file.path, file.text);
  return edits.files.map((f) => f.path);
}
function inDependencyOrder(items, manifests) {
  const named = manifests.flatMap((m) => {
    const name = nameOf(m);
    return name && m.text !== null ? [{ name, text: m.text }] : [];
  });
  if (named.length < 2) return [...items];
  const order = dependencyOrder(readDependencies(named));
  const rank = (i) => {
    const name = nameOf(manifests[i]);
    const at = name ? order.indexOf(name) : -1;
    return at === -1 ? order.length + i : at;
  };
  return items.map((item, i) => ({ item, rank: rank(i) })).sort((a, b) => a.rank - b.rank).map((x) => x.item);
}
function manifestPath2(folder) {
  return folder === "." ? "package.json" : `${folder}/package.json`;
}

export {
  fileRelease,
  planReleaseFiles,
  pathsToRead,
  readNpmAuth,
  openNpmSession,
  viewPackage,
  viewVersion,
  previewTarball,
  publishFolder,
  addDistTag,
  readNpmVersion,
  checkManifest,
  decidePublish,
  planLatestMove,
  readDependencies,
  dependents,
  readManifests,
  readManifest,
  nameOf,
  registryOf,
  registryFor,
  writeVersions,
  inDependencyOrder,
  manifestPath2 as manifestPath
};
