import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parserMessage
} from "./chunk-QIVDBRGE.js";

// src/files/version-files.ts
import { posix } from "node:path";
var EXAMPLES = '`package.json`, `packages/*/package.json`, `pyproject.toml:/^version = "([^"]+)"/` or `tool.json:$.tool.version`';
function parseVersionFileRules(items) {
  const rules = [];
  const problems = [];
  for (const item of items.map((i) => i.trim()).filter((i) => i !== "")) {
    const parsed = parseRule(item);
    if (typeof parsed === "string") problems.push(parsed);
    else rules.push(parsed);
  }
  return { rules, problems };
}
function parseRule(item) {
  if (/^[A-Za-z]:[\\/]/.test(item)) return `version-files: \`${item}\` is an absolute path; write it relative to the repository.`;
  const colon = item.indexOf(":");
  const path = colon === -1 ? item : item.slice(0, colon);
  const pathProblem = checkPath(path, item);
  if (pathProblem !== null) return pathProblem;
  const base = { path: posix.normalize(path), glob: /[*?[\]{}]/.test(path), source: item };
  if (colon === -1) {
    if (path.endsWith(".json")) return { kind: "manifest", ...base };
    return `version-files: \`${item}\` does not say where the version is. Follow the path with a regex whose one group is the version (\`${path}:/^(.*)$/\` for a file that holds only the version, \`${path}:/^version = "([^"]+)"/\` for a line of it) or, for JSON, a JSONPath (\`${path}:$.version\`).`;
  }
  const selector = item.slice(colon + 1);
  if (selector.startsWith("$")) {
    const keys = parseJsonPath(selector);
    if (keys !== null) return { kind: "json", ...base, keys };
    return `version-files: \`${item}\` has a JSONPath verso does not read. Write keys from \`$\`: dotted names and array indices, such as \`$.version\`, \`$.tool.version\`, \`$.items[0].version\` or \`$["odd-key"]\` (no wildcards or filters).`;
  }
  if (selector.startsWith("/")) {
    const regex = parseRegex(selector);
    if (typeof regex === "string") return `version-files: \`${item}\` ${regex}`;
    return { kind: "regex", ...base, ...regex };
  }
  return `version-files: in \`${item}\`, the colon must be followed by a JSONPath (\`$.version\`) or a regex between slashes (\`/version="([^"]+)"/\`).`;
}
function checkPath(path, item) {
  const segments = path.split("/");
  if (path === "") return `version-files: \`${item}\` names no file: write the file's path first, as in ${EXAMPLES}.`;
  if (/[\0\r\n]/.test(path)) return `version-files: ${JSON.stringify(item)} has a line break in its path.`;
  if (path.includes("\\")) return `version-files: \`${item}\` has a backslash: separate folders with \`/\`, on every platform.`;
  if (path.startsWith("/")) return `version-files: \`${item}\` is an absolute path; write it relative to the repository.`;
  if (path.startsWith("!")) return `version-files: \`${item}\` is an exclusion; list only the files to update.`;
  if (segments.includes("..")) return `version-files: \`${item}\` leads out of the repository (\`..\`); name a file inside it.`;
  if (segments.some((s) => s.toLowerCase() === ".git")) return `version-files: \`${item}\` is inside .git; name a file of the repository.`;
  if (path.endsWith("/")) return `version-files: \`${item}\` names a folder; name the file, as in ${EXAMPLES}.`;
  return null;
}
function parseJsonPath(path) {
  const keys = [];
  const step = /\.([A-Za-z0-9_$-]+)|\[(0|[1-9]\d*)\]|\[("(?:[^"\\]|\\.)*")\]|\[('(?:[^'\\]|\\.)*')\]/y;
  step.lastIndex = 1;
  while (step.lastIndex < path.length) {
    const match = step.exec(path);
    if (match === null) return null;
    const [, name, index, double, single] = match;
    if (name !== void 0) keys.push(name);
    else if (index !== void 0) keys.push(Number(index));
    else if (double !== void 0) {
      const key = parseJsonString(double);
      if (key === null) return null;
      keys.push(key);
    } else keys.push(single.slice(1, -1).replace(/\\(.)/g, "$1"));
  }
  return keys.length ? keys : null;
}
function parseJsonString(token) {
  try {
    return JSON.parse(token);
  } catch {
    return null;
  }
}
function parseRegex(selector) {
  const end = selector.lastIndexOf("/");
  const body = selector.slice(1, end);
  const flags = selector.slice(end + 1);
  if (end <= 0 || body === "") return 'has no regex between the slashes: write one such as `/version="([^"]+)"/`.';
  if (!/^[gimsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
    return `has flags \`${flags}\` after its regex; verso takes g (every match), i, m, s and u, each once.`;
  }
  const kept = flags.replace("g", "").replace("m", "") + "m";
  let pattern;
  try {
    pattern = new RegExp(body, kept);
  } catch (error) {
    return `is not a valid regex: ${parserMessage(error.message)}.`;
  }
  const groups = new RegExp(`${body}|`, kept).exec("").length - 1;
  if (groups !== 1) {
    return `has ${groups} capture groups; it needs exactly one, around the version (write any other group as \`(?:\u2026)\`).`;
  }
  return { pattern, all: flags.includes("g") };
}
function updateVersionFile(rule, path, text, version) {
  switch (rule.kind) {
    case "manifest":
      return updateJson(rule, path, text, ["version"], version);
    case "json":
      return updateJson(rule, path, text, rule.keys, version);
    case "regex":
      return updateMatches(rule, path, text, version);
    default:
      return assertNever(rule);
  }
}
function updateJson(rule, path, text, keys, version) {
  const parsed = parseJson(path, text);
  if ("error" in parsed) return { error: `${parsed.error}, so \`${rule.source}\` cannot update it.` };
  const found = locate(text, jsonStart(text), keys);
  if (found.kind === "missing") {
    const missing = formatJsonPath(keys.slice(0, found.depth + 1));
    const whole = found.depth < keys.length - 1 ? ` (so no ${formatJsonPath(keys)})` : "";
    return { error: `${path} has no ${missing}${whole}, where \`${rule.source}\` looks for the version: add it, or correct the rule.` };
  }
  return replaceString(text, found, version, `${path}: ${formatJsonPath(keys)}`);
}
function updateMatches(rule, path, text, version) {
  const regex = new RegExp(rule.pattern.source, `${rule.pattern.flags}gd`);
  const spans = [];
  for (const match of text.matchAll(regex)) {
    const group = match.indices?.[1];
    const where = `${path}: the capture group of /${rule.pattern.source}/`;
    if (group === void 0) {
      return { error: `${where} took no part in its match on line ${lineOf(text, match.index)}; make the group required.` };
    }
    if (group[0] === group[1]) return { error: `${where} is empty on line ${lineOf(text, match.index)}; it must hold the version there.` };
    spans.push({ start: group[0], end: group[1], text: version });
    if (!rule.all) break;
  }
  if (spans.length === 0) {
    return { error: `${path} has no match for /${rule.pattern.source}/ (\`${rule.source}\`): correct the regex, or the file.` };
  }
  return applySpans(text, spans);
}
function updatePackageLock(text, options) {
  const file = options.path ?? "package-lock.json";
  const parsed = parseJson(file, text);
  if ("error" in parsed) return { error: `${parsed.error}: run npm install and commit the lockfile it writes.` };
  const lockfileVersion = parsed.value?.lockfileVersion;
  if (lockfileVersion !== 1 && lockfileVersion !== 2 && lockfileVersion !== 3) {
    return { error: `${file} has lockfileVersion ${JSON.stringify(lockfileVersion)}; verso updates versions 1, 2 and 3.` };
  }
  const folders = options.workspaces.map(({ path, version }) => ({ folder: posix.normalize(path).replace(/\/+$/, ""), version }));
  const rootVersion = folders.find((w) => w.folder === ".")?.version ?? options.rootVersion ?? null;
  const workspaces = folders.filter((w) => w.folder !== ".");
  if (workspaces.length && lockfileVersion === 1) {
    return { error: `${file} is a lockfileVersion 1, which records no workspaces: update npm, run npm install and commit the lockfile.` };
  }
  const root = jsonStart(text);
  const targets = [];
  if (rootVersion !== null) {
    targets.push({ found: locate(text, root, ["version"]), version: rootVersion, what: "the root package" });
    if (lockfileVersion !== 1) {
      targets.push({ found: locate(text, root, ["packages", "", "version"]), version: rootVersion, what: "the root package" });
    }
  }
  const packagesAt = workspaces.length ? locate(text, root, ["packages"]) : null;
  const packages = packagesAt?.kind === "found" ? members(text, packagesAt.start) : null;
  for (const { folder, version } of workspaces) {
    const entry = packages?.get(folder);
    targets.push({ found: entry === void 0 ? null : locate(text, entry, ["version"]), version, what: `the workspace ${folder}` });
  }
  const spans = [];
  for (const { found, version, what } of targets) {
    if (found === null || found.kind === "missing") {
      return { error: `${file} has no version for ${what}: run npm install and commit the lockfile it writes.` };
    }
    if (text[found.start] !== '"') {
      return { error: `${file} records a version for ${what} that is not a string: run npm install and commit the lockfile.` };
    }
    spans.push({ ...found, text: JSON.stringify(version) });
  }
  return applySpans(text, spans);
}
function parseJson(path, text) {
  try {
    return { value: JSON.parse(text.slice(jsonStart(text))) };
  } catch (error) {
    return { error: `${path} is not valid JSON (${parserMessage(error.message)})` };
  }
}
function jsonStart(text) {
  return text.startsWith("\uFEFF") ? 1 : 0;
}
function replaceString(text, found, version, where) {
  const token = text.slice(found.start, found.end);
  if (!token.startsWith('"')) return { error: `${where} is ${describeToken(token)}, not a string: verso writes the version as a string.` };
  return applySpans(text, [{ ...found, text: JSON.stringify(version) }]);
}
function applySpans(text, spans) {
  let result = "";
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, span.start) + span.text;
    at = span.end;
  }
  result += text.slice(at);
  return { text: result, changed: result !== text };
}
function describeToken(token) {
  if (token.startsWith("{")) return "an object";
  if (token.startsWith("[")) return "an array";
  if (token === "true" || token === "false" || token === "null") return token;
  return `the number ${token}`;
}
function formatJsonPath(keys) {
  return `$${keys.map((key) => typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`).join("")}`;
}
function lineOf(text, index) {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
function locate(text, from, keys) {
  let at = skipSpace(text, from);
  for (const [depth, key] of keys.entries()) {
    const next = typeof key === "number" ? elements(text, at)?.[key] : members(text, at)?.get(key);
    if (next === void 0) return { kind: "missing", depth };
    at = next;
  }
  return { kind: "found", start: at, end: valueEnd(text, at) };
}
function members(text, at) {
  if (text[at] !== "{") return null;
  const found = /* @__PURE__ */ new Map();
  for (let i = skipSpace(text, at + 1); text[i] === '"'; ) {
    const keyEnd = stringEnd(text, i);
    const raw = text.slice(i + 1, keyEnd - 1);
    const key = raw.includes("\\") ? JSON.parse(text.slice(i, keyEnd)) : raw;
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    found.set(key, value);
    i = skipSpace(text, valueEnd(text, value));
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return found;
}
function elements(text, at) {
  if (text[at] !== "[") return null;
  const found = [];
  for (let i = skipSpace(text, at + 1); i < text.length && text[i] !== "]"; ) {
    found.push(i);
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return found;
}
function valueEnd(text, at) {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i2 = at; i2 < text.length; i2++) {
      const c = text[i2];
      if (c === '"') i2 = stringEnd(text, i2) - 1;
      else if (c === "{" || c === "[") depth++;
      else if ((c === "}" || c === "]") && --depth === 0) return i2 + 1;
    }
    return text.length;
  }
  let i = at;
  while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  return i;
}
function stringEnd(text, at) {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return text.length;
}
function skipSpace(text, at) {
  let i = at;
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "	")) i++;
  return i;
}
function assertNever(value) {
  throw new Error(`updateVersionFile: unexpected rule ${JSON.stringify(value)}`);
}

export {
  parseVersionFileRules,
  updateVersionFile,
  updatePackageLock
};
