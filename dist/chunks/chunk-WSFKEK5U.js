import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  OPTION_NAMES,
  isOptionName,
  suggestOption
} from "./chunk-OTYTKX5U.js";
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

// src/config/file.ts
var import_yaml = __toESM(require_dist(), 1);
function parseConfigFile(text, path) {
  let data;
  try {
    data = (0, import_yaml.parse)(text, { schema: "failsafe", logLevel: "error" });
  } catch (error) {
    const hint = wildcardHint(text, error);
    throw new VersoError("EINVALIDCONFIG", `${path} is not valid YAML: ${parserMessage(error.message)}`, hint ? { hint } : {});
  }
  if (data === null || data === void 0) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new VersoError("EINVALIDCONFIG", `${path} must be a mapping of option names to values (e.g. \`tag-prefix: v\`).`);
  }
  const problems = [];
  const options = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === "branches") {
      const entries = readBranches(value, problems);
      if (entries) options.branches = entries;
    } else if (key === "packages") {
      const packages = readPackages(value, problems);
      if (packages) options.packages = packages;
    } else if (key === "linked") {
      if (Array.isArray(value) && value.every((g) => Array.isArray(g) && g.every((n) => typeof n === "string")))
        options.linked = value;
      else problems.push("`linked` must be a list of groups of package names, e.g. `linked: [[web, api]]`.");
    } else if (key === "config-file" || key === "working-directory") {
      problems.push(`\`${key}\` cannot be set in the config file: give it as an input or a command-line flag.`);
    } else if (key === "bump" || key === "dry-run") {
      problems.push(`\`${key}\` is decided per run: give it as an input or a command-line flag, not in the config file.`);
    } else if (!isOptionName(key)) {
      problems.push(
        `\`${excerpt(key)}\` is not an option.${suggestOption(key)} Known: branches, packages, linked, ${OPTION_NAMES.filter((n) => !["config-file", "working-directory", "bump", "dry-run"].includes(n)).join(", ")}.`
      );
    } else if (value === "null" || value === "~") {
      problems.push(`\`${key}: ${value}\` is YAML's null; for no value write \`${key}: ''\`, or leave the key out.`);
    } else if (typeof value === "string") {
      options[key] = value;
    } else if (Array.isArray(value)) {
      const misread = checkListItems(key, value);
      if (misread.length) problems.push(...misread);
      else options[key] = value;
    } else {
      problems.push(`\`${key}\` must be a string, a boolean or a list of strings.`);
    }
  }
  if (problems.length) throw new VersoError("EINVALIDCONFIG", `${path} has ${problems.length} problem(s):`, { details: problems });
  return options;
}
function checkListItems(key, items) {
  return items.flatMap((item, index) => {
    if (typeof item === "string") return [];
    const where = `\`${key}\` item ${index + 1}`;
    const pairs = textPairs(item);
    if (pairs === null) return [`${where} must be text, not ${Array.isArray(item) ? "a list" : item === null ? "empty" : "a mapping"}.`];
    const quoted = pairs.map((pair) => `\`- ${JSON.stringify(pair)}\``);
    return [
      pairs.length === 1 ? `${where}, \`${pairs[0]}\`, was read by YAML as a mapping, not as text: quote it, ${quoted[0]}.` : `${where}, ${pairs.map((pair) => `\`${pair}\``).join(" and ")}, was read by YAML as one mapping, not as text: quote each as an item of its own, ${quoted.join(" and ")}.`
    ];
  });
}
function textPairs(item) {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
  const entries = Object.entries(item);
  if (entries.length === 0 || !entries.every(([, v]) => typeof v === "string")) return null;
  return entries.map(([k, v]) => excerpt(v === "" ? `${k}:` : `${k}: ${v}`));
}
function wildcardHint(text, error) {
  const message = error instanceof Error ? error.message.split("\n")[0] ?? "" : "";
  const line = error.linePos?.[0]?.line;
  const match = /^Unresolved alias\b[^:]*: :[ \t]*(\w*)/.exec(message) ?? (line === void 0 ? null : /\*[ \t]*:[ \t]*(\w*)/.exec(text.split("\n")[line - 1] ?? ""));
  if (!match) {
    const alias = /^Unresolved alias\b[^:]*: (.+)$/.exec(message)?.[1];
    const item = alias === void 0 || !/[./*]/.test(alias) ? null : `*${alias}`;
    return item !== null && text.split("\n").some((l) => l.trim() === `- ${item}`) ? `An unquoted \`*\` starts a YAML alias: quote the item, \`- ${JSON.stringify(excerpt(item))}\`.` : null;
  }
  const rule = `*: ${match[1] || "patch"}`;
  return `An unquoted \`*\` starts a YAML alias: quote a wildcard release rule, \`- ${JSON.stringify(excerpt(rule))}\`.`;
}
function readPackages(value, problems) {
  if (value === "auto") return "auto";
  const isText = (v) => typeof v === "string" || Array.isArray(v) && v.every((x) => typeof x === "string");
  if (Array.isArray(value) && value.every((item) => item && typeof item === "object" && !Array.isArray(item) && Object.values(item).every(isText)))
    return value;
  problems.push("`packages` must be `auto` or a list of packages, e.g.\n  packages:\n    - name: web\n      path: packages/web");
  return null;
}
function readBranches(value, problems) {
  const example = 'e.g.\n  branches:\n    - main\n    - name: "1.x"\n      range: "1.x"';
  if (!Array.isArray(value)) {
    problems.push(`\`branches\` must be a list of branch names and mappings, ${example}`);
    return null;
  }
  const entries = [];
  for (const [index, item] of value.entries()) {
    if (typeof item === "string") entries.push(item);
    else if (item && typeof item === "object" && !Array.isArray(item) && Object.values(item).every((v) => typeof v === "string"))
      entries.push(item);
    else
      problems.push(`\`branches\` entry ${index + 1} must be a branch name or a mapping of \`name\`, \`range\` and \`prerelease\` to text.`);
  }
  return entries;
}

export {
  parseConfigFile
};
