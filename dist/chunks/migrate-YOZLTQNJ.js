import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parseConfigFile
} from "./chunk-WSFKEK5U.js";
import {
  DEFAULT_CONFIG_FILE,
  resolveConfig
} from "./chunk-OTYTKX5U.js";
import "./chunk-L6R23QXP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-A4HLQ4KQ.js";
import {
  require_dist
} from "./chunk-RQCDCLZU.js";
import {
  VersoError,
  describeError,
  excerpt,
  parserMessage
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/migrate/draft.ts
function emptyDraft() {
  return { settings: [], workflow: [], notCarried: [], notes: [] };
}
function problemsWith(options) {
  try {
    resolveConfig({}, options);
    return [];
  } catch (error) {
    if (!(error instanceof VersoError)) throw error;
    return error.details.length ? [...error.details] : [error.message];
  }
}

// src/migrate/release-please.ts
import { posix as posix2 } from "node:path";

// src/migrate/release-please-options.ts
import { posix } from "node:path";
var PULL_REQUEST_WHY = "verso opens no release pull request: it releases on the push itself.";
var NOTES_WHY = "verso writes its own release notes and changelog entries (Keep a Changelog headings, links to commits and issues): they take no format options.";
var HISTORY_WHY = "verso reads the history from git, not through the GitHub API: nothing to tune.";
var NOT_CARRIED_OPTIONS = {
  "prerelease-type": "verso's prereleases come from a branch (`branches` with `prerelease: rc`) or one run's `prerelease` input, and are numbered 1.3.0-rc.0, 1.3.0-rc.1.",
  "release-as": "verso decides the version from the commits; force a bump for one run with the `bump` input (major, minor or patch).",
  "skip-github-release": "verso publishes a GitHub Release with every release tag.",
  "force-tag-creation": "verso always creates the release tag itself.",
  "draft-pull-request": PULL_REQUEST_WHY,
  label: PULL_REQUEST_WHY,
  "release-label": PULL_REQUEST_WHY,
  "extra-label": PULL_REQUEST_WHY,
  "pull-request-title-pattern": PULL_REQUEST_WHY,
  "pull-request-header": PULL_REQUEST_WHY,
  "pull-request-footer": PULL_REQUEST_WHY,
  "group-pull-request-title-pattern": PULL_REQUEST_WHY,
  "separate-pull-requests": PULL_REQUEST_WHY,
  "component-no-space": PULL_REQUEST_WHY,
  "always-update": PULL_REQUEST_WHY,
  signoff: PULL_REQUEST_WHY,
  "include-v-in-release-name": "verso titles a GitHub Release with `release-name` (`{tag}` by default; `{version}` is the version alone).",
  "changelog-type": NOTES_WHY,
  "changelog-host": NOTES_WHY,
  "include-commit-authors": NOTES_WHY,
  "date-format": NOTES_WHY,
  "snapshot-label": "Java SNAPSHOT releases: verso has `snapshot-versions` for builds between releases, and makes no snapshot commit.",
  "skip-snapshot": "Java SNAPSHOT releases: verso makes no snapshot commit.",
  "exclude-paths": "verso routes a commit to every package whose folder (or `paths`) holds a file it changes; it has no exclusions.",
  "bootstrap-sha": "verso starts from the last release tag, or from the first commit with initial-version when there is none.",
  "last-release-sha": "verso starts from the last release tag, or from the first commit with initial-version when there is none.",
  "release-search-depth": HISTORY_WHY,
  "commit-search-depth": HISTORY_WHY,
  "commit-batch-size": HISTORY_WHY,
  "sequential-calls": HISTORY_WHY,
  "always-link-local": "verso releases a dependent when a workspace package it depends on is released, and updates its range: there is nothing to set."
};
var READ_OPTIONS = [
  "$schema",
  "release-type",
  "bump-minor-pre-major",
  "bump-patch-for-minor-pre-major",
  "versioning",
  "prerelease",
  "changelog-path",
  "skip-changelog",
  "changelog-sections",
  "draft",
  "initial-version",
  "include-component-in-tag",
  "include-v-in-tag",
  "tag-separator",
  "package-name",
  "component",
  "extra-files",
  "version-file"
];
function notCarriedOptions(own, where) {
  const found = [];
  const option = (key) => `${key}${where ? ` (${where})` : ""}`;
  for (const [key, value] of Object.entries(own)) {
    if (key === "packages" || key === "plugins") continue;
    if (key in NOT_CARRIED_OPTIONS) found.push({ option: option(key), why: NOT_CARRIED_OPTIONS[key] });
    else if (key === "bump-patch-for-minor-pre-major" && value === true)
      found.push({
        option: option(key),
        why: "verso has no 0.y.z rule for features: a `feat` releases a minor (a `feat: patch` release rule would hold features to a patch after 1.0.0 too)."
      });
    else if (key === "versioning" && value !== "default")
      found.push({
        option: option(`versioning: ${excerpt(String(value))}`),
        why: "verso bumps from the commits (feat \u2192 minor, fix and perf \u2192 patch, breaking \u2192 major); release-rules change what a type releases, `bump` forces one run."
      });
    else if (key === "prerelease" && value === true)
      found.push({
        option: option(key),
        why: "release-please marked 0.y.z versions as prereleases on GitHub; verso marks only prerelease versions (1.3.0-rc.0) so."
      });
    else if (!READ_OPTIONS.includes(key))
      found.push({ option: option(excerpt(key)), why: "not a release-please option verso migrate knows." });
  }
  return found;
}
function packageSettings(options, file) {
  const settings = [];
  const notCarried = [];
  if (options["bump-minor-pre-major"] === true)
    settings.push({
      key: "major-zero-breaking",
      value: "minor",
      from: `From ${file}: bump-minor-pre-major: a breaking change on 0.y.z releases 0.(y+1).0.`,
      isDefault: true
    });
  else
    settings.push({
      key: "major-zero-breaking",
      value: "major",
      from: `${file} leaves bump-minor-pre-major false, so a breaking change on 0.y.z releases 1.0.0, as here.
Write \`minor\` (verso's default) to stay on 0.y.z until you choose 1.0.0.`,
      isDefault: false
    });
  const initial = typeof options["initial-version"] === "string" ? options["initial-version"] : null;
  settings.push({
    key: "initial-version",
    value: initial ?? "1.0.0",
    from: initial ? `From ${file}: initial-version.` : "release-please's first release is 1.0.0 (verso's default is 0.1.0).",
    isDefault: initial === "0.1.0"
  });
  const changelog = typeof options["changelog-path"] === "string" ? options["changelog-path"].replace(/^\.\//, "") : "CHANGELOG.md";
  if (options["skip-changelog"] === true)
    settings.push({ key: "changelog-file", value: "", from: `From ${file}: skip-changelog.`, isDefault: true });
  else
    settings.push({
      key: "changelog-file",
      value: changelog,
      from: options["changelog-path"] === void 0 ? "release-please's changelog, CHANGELOG.md in the package's folder; verso commits it with each release." : `From ${file}: changelog-path; verso commits it with each release.`,
      isDefault: false
    });
  if (options["draft"] === true) settings.push({ key: "draft", value: "true", from: `From ${file}: draft.`, isDefault: false });
  const sections = options["changelog-sections"];
  if (Array.isArray(sections)) {
    const rules = [];
    for (const section of sections) {
      if (typeof section !== "object" || section === null || typeof section.type !== "string") continue;
      const { type, hidden } = section;
      const counted = ["feat", "feature", "fix", "perf", "revert"].includes(type);
      if (hidden !== true && !counted && /^\w+$/.test(type)) rules.push(`${type}: patch`);
      else if (hidden === true && counted)
        notCarried.push({
          option: `changelog-sections: ${type} (hidden)`,
          why: `verso always releases \`${type}\` commits as Conventional Commits mean them; a \`${type}: none\` release rule would release nothing for them.`
        });
    }
    notCarried.push({ option: "changelog-sections (headings)", why: NOTES_WHY });
    if (rules.length)
      settings.push({
        key: "release-rules",
        value: rules,
        from: `From ${file}: changelog-sections. A type with a visible section released a patch.`,
        isDefault: false
      });
  }
  return { settings, notCarried };
}
async function versionFiles(options, path, read) {
  const at = (file) => file.startsWith("/") ? posix.normalize(file.slice(1)) : posix.normalize(posix.join(path, file));
  const where = path === "." ? "" : ` (${path})`;
  const type = typeof options["release-type"] === "string" ? options["release-type"] : "node";
  const items = [];
  const readFiles = [];
  const notCarried = [];
  const notes = [];
  const lineRule = async (file, test, rule) => {
    const text2 = await read(at(file));
    if (text2 === null) return false;
    readFiles.push(at(file));
    if (!test.test(text2)) return false;
    items.push(`${at(file)}:${rule}`);
    return true;
  };
  switch (type) {
    case "node":
      items.push(at("package.json"));
      break;
    case "simple":
      items.push(`${at(typeof options["version-file"] === "string" ? options["version-file"] : "version.txt")}:/^(.*)$/`);
      break;
    case "go":
      break;
    case "python": {
      const found = [
        await lineRule("pyproject.toml", /^version = "[^"]+"/m, '/^version = "([^"]+)"/'),
        await lineRule("setup.cfg", /^version = \S+/m, "/^version = (\\S+)/"),
        await lineRule("setup.py", /version="[^"]+"/, '/version="([^"]+)"/')
      ];
      notes.push(
        `release-please's python updater also writes \`__version__\` in a package's __init__.py or version.py${where}; verso writes the files of version-files only: add those as \`path:/__version__ = "([^"]+)"/\`.`
      );
      if (!found.includes(true))
        notCarried.push({
          option: `release-type: python${where}`,
          why: "no pyproject.toml, setup.cfg or setup.py with a plain `version` was found: add the file that holds the version to version-files as `path:/regex/`."
        });
      break;
    }
    case "rust":
      if (!await lineRule("Cargo.toml", /^version = "[^"]+"/m, '/^version = "([^"]+)"/'))
        notCarried.push({
          option: `release-type: rust${where}`,
          why: 'no Cargo.toml with a `version = "\u2026"` line was found: add the file that holds the version to version-files as `path:/regex/`.'
        });
      else notes.push(`verso updates the version in ${at("Cargo.toml")} but not Cargo.lock; release-please's rust updater wrote both.`);
      break;
    default:
      notCarried.push({
        option: `release-type: ${excerpt(type)}${where}`,
        why: `verso does not know where a ${excerpt(type)} project keeps its version: add each file to version-files as \`path:/regex/\` (the first capture group is the version) or \`path:$.json.path\`.`
      });
  }
  const extra = options["extra-files"];
  for (const file of Array.isArray(extra) ? extra : []) {
    if (typeof file === "object" && file !== null && file.type === "json") {
      const { path: jsonFile, jsonpath } = file;
      if (typeof jsonFile === "string" && typeof jsonpath === "string") {
        items.push(`${at(jsonFile)}:${jsonpath}`);
        continue;
      }
    }
    const name = typeof file === "string" ? file : typeof file === "object" && file !== null ? String(file.path) : String(file);
    notCarried.push({
      option: `extra-files: ${excerpt(name)}${where}`,
      why: typeof file === "string" ? "release-please updated the lines marked `x-release-please-version`; verso reads no markers: add the file to version-files as `path:/regex/` whose first group is the version." : "verso writes JSON values (`path:$.a.b`) and regex matches (`path:/regex/`), not YAML, TOML or XML paths: add it as `path:/regex/`."
    });
  }
  return { items, read: readFiles, notCarried, notes };
}

// src/migrate/release-please.ts
var RELEASE_PLEASE_CONFIG = "release-please-config.json";
var RELEASE_PLEASE_MANIFEST = ".release-please-manifest.json";
async function migrateReleasePlease(read) {
  const configText = await read(RELEASE_PLEASE_CONFIG);
  const manifestText = await read(RELEASE_PLEASE_MANIFEST);
  if (configText === null && manifestText === null) return null;
  const draft = emptyDraft();
  const from = [...configText === null ? [] : [RELEASE_PLEASE_CONFIG], ...manifestText === null ? [] : [RELEASE_PLEASE_MANIFEST]];
  const config = configText === null ? null : parseObject(configText, RELEASE_PLEASE_CONFIG, draft);
  const manifest = manifestText === null ? null : parseObject(manifestText, RELEASE_PLEASE_MANIFEST, draft);
  if (configText !== null && config === null) return { from, draft };
  if (config === null)
    draft.notes.push(
      `There is no ${RELEASE_PLEASE_CONFIG}: release-please took its settings from the workflow (such as the action's \`release-type\`), which verso migrate does not read. The packages are ${RELEASE_PLEASE_MANIFEST}'s, with release-please's defaults.`
    );
  const top = config ?? {};
  const listed = isRecord(top["packages"]) ? top["packages"] : manifest ?? {};
  const paths = Object.keys(listed);
  if (!paths.length) {
    draft.notCarried.push({ option: "packages", why: `${RELEASE_PLEASE_CONFIG} lists no packages, so there is nothing to version.` });
    return { from, draft };
  }
  const file = config === null ? RELEASE_PLEASE_MANIFEST : RELEASE_PLEASE_CONFIG;
  draft.notCarried.push(...notCarriedOptions(top, ""));
  const topMapped = packageSettings(withoutManifestOnly(top), file);
  if (top["changelog-sections"] !== void 0) draft.notCarried.push(...topMapped.notCarried);
  const packages = [];
  const items = [];
  const perPackage = [];
  for (const raw of paths) {
    const path = normalizePath(raw);
    const own = isRecord(listed[raw]) ? listed[raw] : {};
    draft.notCarried.push(...notCarriedOptions(own, path));
    const options = { ...withoutManifestOnly(top), ...own };
    const pkg = await describePackage(path, options, read, from);
    packages.push(pkg);
    const files = await versionFiles(options, path, read);
    for (const item of files.items) if (!items.includes(item)) items.push(item);
    for (const f of files.read) if (!from.includes(f)) from.push(f);
    draft.notCarried.push(...files.notCarried);
    draft.notes.push(...files.notes);
    const mapped = packageSettings(options, file);
    if (own["changelog-sections"] !== void 0)
      draft.notCarried.push(...mapped.notCarried.map((n) => ({ ...n, option: `${n.option} (${path})` })));
    perPackage.push({ pkg, settings: mapped.settings });
  }
  if (packages.length === 1 && packages[0].path === ".") single(packages[0], perPackage[0].settings, file, draft);
  else several(perPackage, topMapped.settings, file, draft);
  addVersionFiles(items, file, draft);
  mapPlugins(top["plugins"], packages, file, draft);
  noteTags(packages, manifest, draft);
  draft.notes.push(
    "release-please released when its release pull request was merged; verso releases on the push of releasable commits itself. With version-files or changelog-file it commits them (`chore(release): <tags>`) and pushes that commit to the branch before tagging: the job needs `contents: write`, and a protected branch must let it push.",
    "verso does not read `Release-As:` footers: force a bump for one run with the `bump` input. A `revert:` commit released a patch in release-please; verso cancels a revert of a commit in the same release, and releases one of an earlier release as a patch."
  );
  return { from, draft };
}
function single(pkg, settings, file, draft) {
  const tagFrom = pkg.component === "" ? `release-please tags a release ${pkg.tagPrefix}<version> (no component in the tag).` : `release-please tags a release ${pkg.tagPrefix}<version>: its component (${pkg.component}), then the separator and \`v\`.`;
  const problems = problemsWith({ "tag-prefix": pkg.tagPrefix });
  if (problems.length)
    draft.notCarried.push({ option: "tag prefix", why: `verso does not accept \`${excerpt(pkg.tagPrefix)}\`: ${problems.join(" ")}` });
  else if (pkg.tagPrefix === "v") draft.settings.push({ kind: "default", key: "tag-prefix", value: "v", from: tagFrom });
  else draft.settings.push({ kind: "option", key: "tag-prefix", value: pkg.tagPrefix, from: tagFrom });
  for (const s of settings) draft.settings.push(toSetting(s));
}
function several(perPackage, topSettings, file, draft) {
  const entries = [];
  for (const { pkg, settings } of perPackage) {
    const differ = settings.filter((s) => !sameValue(topSettings.find((t) => t.key === s.key)?.value, s.value));
    const undone = topSettings.filter((t) => !settings.some((s) => s.key === t.key));
    const entry = {
      name: pkg.name,
      path: pkg.path,
      tagFormat: pkg.tagFormat,
      settings: [
        ...differ.map((s) => ({ key: s.key, value: s.value })),
        ...undone.map((t) => ({ key: t.key, value: t.key === "draft" ? "false" : emptyOf(t.value) }))
      ],
      from: `${pkg.path}: tags ${pkg.tagPrefix}<version>`
    };
    const problems = problemsWith({ packages: [toRaw(entry)] });
    if (problems.length)
      draft.notCarried.push({ option: `packages: ${excerpt(pkg.path)}`, why: `verso does not accept it: ${problems.join(" ")}` });
    else entries.push(entry);
  }
  if (!entries.length) return;
  const together = problemsWith({ packages: entries.map(toRaw) });
  if (together.length) draft.notes.push(`verso does not accept the packages together: ${together.join(" ")}`);
  draft.settings.push({
    kind: "packages",
    entries,
    from: `From ${file}: packages. A tag-format says how release-please tagged each package, so verso reads those tags as its releases.`
  });
  for (const s of topSettings) draft.settings.push(toSetting(s));
}
function toSetting(s) {
  if (s.isDefault && typeof s.value === "string") return { kind: "default", key: s.key, value: s.value, from: s.from };
  return { kind: "option", key: s.key, value: s.value, from: s.from };
}
function toRaw(entry) {
  return {
    name: entry.name,
    path: entry.path,
    "tag-format": entry.tagFormat,
    ...Object.fromEntries(entry.settings.map((s) => [s.key, s.value]))
  };
}
function sameValue(a, b) {
  return a !== void 0 && JSON.stringify(a) === JSON.stringify(b);
}
function emptyOf(value) {
  return typeof value === "string" ? "" : [];
}
function addVersionFiles(items, file, draft) {
  const kept = [];
  for (const item of items) {
    const problems = problemsWith({ "version-files": item });
    if (problems.length) draft.notCarried.push({ option: `version file ${excerpt(item)}`, why: problems.join(" ") });
    else kept.push(item);
  }
  if (kept.length)
    draft.settings.push({
      kind: "option",
      key: "version-files",
      value: kept,
      from: `From ${file}: the files each package's release-type (and extra-files) writes the version into.`
    });
}
async function describePackage(path, options, read, from) {
  const type = typeof options["release-type"] === "string" ? options["release-type"] : "node";
  let packageName = typeof options["package-name"] === "string" ? options["package-name"] : "";
  if (!packageName && type === "node") {
    const manifestPath = posix2.join(path, "package.json");
    const text2 = await read(manifestPath);
    if (text2 !== null) {
      if (!from.includes(manifestPath)) from.push(manifestPath);
      try {
        const data = JSON.parse(text2);
        if (isRecord(data) && typeof data["name"] === "string") packageName = data["name"];
      } catch {
      }
    }
  }
  const derived = type === "node" && /^@[\w-]+\//.test(packageName) ? packageName.split("/")[1] : packageName;
  const includeComponent = options["include-component-in-tag"] !== false;
  const component = includeComponent ? typeof options["component"] === "string" && options["component"] ? options["component"] : derived : "";
  const v = options["include-v-in-tag"] === false ? "" : "v";
  const separator = typeof options["tag-separator"] === "string" ? options["tag-separator"] : "-";
  const name = packageName || component || (path === "." ? "root" : posix2.basename(path));
  const tagPrefix = component ? `${component}${separator}${v}` : v;
  const tagFormat = component === name ? `{name}${separator}${v}{version}` : `${tagPrefix}{version}`;
  return { path, name, component, tagPrefix, tagFormat };
}
function mapPlugins(raw, packages, file, draft) {
  if (raw === void 0) return;
  const groups = [];
  for (const plugin of Array.isArray(raw) ? raw : [raw]) {
    const type = typeof plugin === "string" ? plugin : isRecord(plugin) && typeof plugin["type"] === "string" ? plugin["type"] : null;
    if (type === "node-workspace")
      draft.notes.push(
        "node-workspace: verso releases a package whose package.json depends on a package released in the same run (a patch at least), and updates the dependency's range: nothing to set."
      );
    else if (type === "linked-versions" && isRecord(plugin) && Array.isArray(plugin["components"])) {
      const names = [];
      for (const component of plugin["components"]) {
        const pkg = packages.find((p) => p.component === component || p.name === component);
        if (pkg) names.push(pkg.name);
        else draft.notCarried.push({ option: `linked-versions: ${excerpt(String(component))}`, why: "no package has this component." });
      }
      if (names.length > 1) groups.push(names);
    } else
      draft.notCarried.push({
        option: `plugins: ${excerpt(type ?? JSON.stringify(plugin) ?? "")}`,
        why: /workspace$/.test(type ?? "") ? "verso follows dependencies between npm workspaces' package.json only." : "verso has no plugins; its release notes and pull request handling take no options."
      });
  }
  if (groups.length) {
    const problems = problemsWith({
      packages: packages.map((p) => ({ name: p.name, path: p.path, "tag-format": p.tagFormat })),
      linked: groups
    });
    if (problems.length)
      draft.notCarried.push({ option: "linked-versions", why: `verso does not accept the groups: ${problems.join(" ")}` });
    else
      draft.settings.push({
        kind: "linked",
        groups,
        from: `From ${file}: the linked-versions plugin. Each group releases one version, the highest of its members'.`
      });
  }
}
function noteTags(packages, manifest, draft) {
  if (manifest === null) {
    draft.notes.push(
      `There is no ${RELEASE_PLEASE_MANIFEST}: verso finds each package's last release from its tags (${packages.map((p) => `${p.tagPrefix}<version>`).join(", ")}).`
    );
    return;
  }
  const tags = [];
  for (const [raw, version] of Object.entries(manifest)) {
    const pkg = packages.find((p) => p.path === normalizePath(raw));
    if (!pkg)
      draft.notes.push(
        `${RELEASE_PLEASE_MANIFEST} lists ${excerpt(raw)}, which is not a package of the configuration: it is not carried over.`
      );
    else if (typeof version === "string") tags.push(`${pkg.tagPrefix}${version}${packages.length > 1 ? ` (${pkg.path})` : ""}`);
  }
  if (tags.length)
    draft.notes.push(
      `verso reads each release from its tag, not from ${RELEASE_PLEASE_MANIFEST}. Check that ${tags.length > 1 ? "these tags exist" : "this tag exists"} on the release branch (there, \`git tag --merged HEAD\` lists the tags it contains): ${tags.join(", ")}. Without its tag, a package starts again at initial-version.`
    );
}
function withoutManifestOnly(options) {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !["packages", "plugins", "$schema"].includes(key)));
}
function parseObject(text2, path, draft) {
  try {
    const data = JSON.parse(text2);
    if (isRecord(data)) return data;
    draft.notCarried.push({ option: path, why: `${path} must hold a JSON object.` });
  } catch (error) {
    draft.notCarried.push({ option: path, why: `${path} is not valid JSON: ${parserMessage(error.message)}` });
  }
  return null;
}
function normalizePath(path) {
  return posix2.normalize(path).replace(/\/+$/, "") || ".";
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/migrate/render.ts
function yamlScalar(text2) {
  const plain = /^[A-Za-z0-9_.][A-Za-z0-9_./+-]*$/.test(text2) && // A leading digit reads as a number in most YAML tools (`1.0`, `12`, `.5`): quote it, but for versions.
  (!/^\.?[0-9]/.test(text2) || /^\d+\.\d+\.\d+$/.test(text2)) && !/^(?:null|yes|no|on|off|\.inf|\.nan)$/i.test(text2);
  return plain ? text2 : JSON.stringify(text2);
}
function renderConfig(draft, header) {
  const lines = header.map((line) => `# ${line}`.trimEnd());
  for (const setting of draft.settings) {
    if (lines.length) lines.push("");
    lines.push(...renderSetting(setting));
  }
  return lines.length ? `${lines.join("\n")}
` : "";
}
function renderSetting(setting) {
  const comment = commentLines(setting.from);
  switch (setting.kind) {
    case "default":
      return [...comment, `# ${setting.key}: ${yamlScalar(setting.value)} is verso's default: nothing to write.`];
    case "option":
      if (typeof setting.value === "string")
        return [...comment, `${setting.key}: ${setting.value === "" ? "''" : yamlScalar(setting.value)}`];
      if (!setting.value.length) return [...comment, `${setting.key}: []`];
      return [...comment, `${setting.key}:`, ...setting.value.map((item) => `  - ${yamlScalar(item)}`)];
    case "branches":
      return [...comment, "branches:", ...setting.entries.flatMap(renderBranch)];
    case "packages":
      return [...comment, "packages:", ...setting.entries.flatMap(renderPackage)];
    case "linked":
      return [...comment, "linked:", ...setting.groups.map((group) => `  - [${group.map(yamlScalar).join(", ")}]`)];
    default: {
      const never = setting;
      throw new Error(`unknown setting ${String(never)}`);
    }
  }
}
function commentLines(text2) {
  return text2.split("\n").map((line) => `# ${line}`.trimEnd());
}
function trailing(from) {
  return from === null ? "" : ` # ${from}`;
}
function renderBranch(entry) {
  if (entry.range === null && entry.prerelease === null) return [`  - ${yamlScalar(entry.name)}${trailing(entry.from)}`];
  const lines = [`  - name: ${yamlScalar(entry.name)}${trailing(entry.from)}`];
  if (entry.range !== null) lines.push(`    range: ${yamlScalar(entry.range)}`);
  if (entry.prerelease !== null) lines.push(`    prerelease: ${yamlScalar(entry.prerelease)}`);
  return lines;
}
function renderPackage(entry) {
  return [
    `  - name: ${yamlScalar(entry.name)}${trailing(entry.from)}`,
    `    path: ${yamlScalar(entry.path)}`,
    `    tag-format: ${yamlScalar(entry.tagFormat)}`,
    ...entry.settings.flatMap(
      ({ key, value }) => typeof value === "string" ? [`    ${key}: ${value === "" ? "''" : yamlScalar(value)}`] : value.length ? [`    ${key}:`, ...value.map((item) => `      - ${yamlScalar(item)}`)] : [`    ${key}: []`]
    )
  ];
}
function renderWorkflow(inputs, releaseBranches) {
  const on = releaseBranches === null ? ["#   on: push: branches: [main]            # the default branch releases"] : [`#   on: push: branches: [${releaseBranches.map(yamlScalar).join(", ")}]`];
  const lines = [
    "# The steps of the release job in .github/workflows/release.yml, with",
    ...on,
    "#   permissions: contents: write          # push the release tag (and commit), create the GitHub Release",
    "- uses: actions/checkout@v4",
    "  # Keep the default persist-credentials: verso pushes with the credentials checkout stores.",
    "  # The default shallow clone works: verso fetches the tags and as much history as it needs.",
    "- id: verso",
    "  uses: OWNER/verso@v1",
    "  # github-token stays the default, ${{ github.token }}: it can tag and release. Every other",
    "  # setting is read from .github/verso.yml."
  ];
  if (inputs.length) {
    lines.push("  with:");
    for (const input of inputs) lines.push(`    ${input.name}: ${yamlScalar(input.value)} # ${input.from}`);
  }
  return `${lines.join("\n")}
`;
}

// src/migrate/semantic-release.ts
var import_yaml = __toESM(require_dist(), 1);

// src/migrate/semantic-release-plugins.ts
import { matchesGlob, posix as posix3 } from "node:path";
var ANALYZER = "@semantic-release/commit-analyzer";
var NOTES = "@semantic-release/release-notes-generator";
var CHANGELOG = "@semantic-release/changelog";
var NPM = "@semantic-release/npm";
var GIT = "@semantic-release/git";
var GITHUB = "@semantic-release/github";
var EXEC = "@semantic-release/exec";
var PLUGIN_OPTIONS = {
  [ANALYZER]: ["preset", "config", "parserOpts", "releaseRules", "presetConfig"],
  [NOTES]: ["preset", "config", "parserOpts", "writerOpts", "presetConfig", "linkCompare", "linkReferences", "host", "commit", "issue"],
  [CHANGELOG]: ["changelogFile", "changelogTitle"],
  [NPM]: ["npmPublish", "pkgRoot", "tarballDir"],
  [GIT]: ["assets", "message"],
  [GITHUB]: [
    "githubUrl",
    "githubApiPathPrefix",
    "githubApiUrl",
    "proxy",
    "assets",
    "successComment",
    "successCommentCondition",
    "failComment",
    "failCommentCondition",
    "failTitle",
    "labels",
    "assignees",
    "releasedLabels",
    "addReleases",
    "draftRelease",
    "releaseNameTemplate",
    "releaseBodyTemplate",
    "discussionCategoryName"
  ],
  [EXEC]: ["shell", "execCwd"]
};
var NOTES_WHY2 = "verso writes its own release notes, grouped as Breaking changes, Features, Bug fixes, Performance and Reverts, with links to commits and issues: they take no template or preset.";
var GITHUB_WHYS = {
  assets: "verso uploads no files to the GitHub Release: upload them in a later step when `steps.verso.outputs.released` is true, e.g. `gh release upload ${{ steps.verso.outputs.tag }} <files>`.",
  successComment: "verso comments on no issue or pull request after a release; the release notes link them.",
  successCommentCondition: "verso comments on no issue or pull request after a release.",
  failComment: "verso opens no issue when a release fails: the failed run and its job summary say why.",
  failCommentCondition: "verso opens no issue when a release fails.",
  failTitle: "verso opens no issue when a release fails.",
  labels: "verso opens no issue when a release fails.",
  assignees: "verso opens no issue when a release fails.",
  releasedLabels: "verso labels no issue or pull request.",
  addReleases: "verso does not add links to other releases to a release's notes.",
  discussionCategoryName: "verso starts no GitHub Discussion for a release.",
  releaseBodyTemplate: NOTES_WHY2,
  githubUrl: "verso reads the API address from the runner (GITHUB_API_URL, GitHub Enterprise Server included): nothing to set.",
  githubApiUrl: "verso reads the API address from the runner (GITHUB_API_URL, GitHub Enterprise Server included): nothing to set.",
  githubApiPathPrefix: "verso reads the API address from the runner (GITHUB_API_URL, GitHub Enterprise Server included): nothing to set.",
  proxy: "verso has no proxy setting of its own."
};
var DEFAULT_GIT_ASSETS = ["CHANGELOG.md", "package.json", "package-lock.json", "npm-shrinkwrap.json"];
function mapPlugins2(plugins, context, draft) {
  const options = (use) => ({ ...context.global, ...use.own });
  const find = (name) => plugins.find((p) => p.name === name);
  const settings = [];
  const label2 = context.label;
  const analyzer = find(ANALYZER);
  if (analyzer) mapAnalyzer(options(analyzer), label2, draft, settings);
  const notes = find(NOTES);
  if (notes) {
    for (const key of ["writerOpts", "presetConfig", "linkCompare", "linkReferences", "host"])
      if (notes.own[key] !== void 0 || context.global[key] !== void 0 && !(key === "presetConfig" && analyzer))
        draft.notCarried.push({ option: `${NOTES} ${key}`, why: NOTES_WHY2 });
  }
  const changelog = find(CHANGELOG);
  const changelogOptions = changelog ? options(changelog) : {};
  const changelogFile = changelog ? normalize(text(changelogOptions["changelogFile"]) ?? "CHANGELOG.md") : null;
  if (changelog && changelogOptions["changelogTitle"] !== void 0)
    draft.notCarried.push({
      option: `${CHANGELOG} changelogTitle`,
      why: "verso keeps the changelog under Keep a Changelog headings and takes no title of its own; edit the top of the file once by hand."
    });
  const npm = find(NPM);
  const npmOptions = npm ? options(npm) : {};
  const manifest = npm ? normalize(posix3.join(text(npmOptions["pkgRoot"]) ?? ".", "package.json")) : null;
  if (npm && npmOptions["npmPublish"] !== false && !context.private)
    draft.notCarried.push({
      option: NPM,
      why: "publishing to npm: verso tags and publishes the GitHub Release, but does not publish packages yet. Publish in a later step, `if: steps.verso.outputs.released == 'true'`: `npm version --no-git-tag-version ${{ steps.verso.outputs.version }}` (unless version-files already wrote it), then `npm publish` with NODE_AUTH_TOKEN."
    });
  if (npm && text(npmOptions["tarballDir"]) !== null)
    draft.notCarried.push({
      option: `${NPM} tarballDir`,
      why: "verso packs no tarball: run `npm pack` in a later step, `if: steps.verso.outputs.released == 'true'`."
    });
  const git = find(GIT);
  const { versionFiles: versionFiles2, changelogCommitted } = git ? readGitAssets(options(git), changelogFile, manifest, draft) : { versionFiles: [], changelogCommitted: false };
  if (changelogFile !== null) {
    settings.push({ kind: "option", key: "changelog-file", value: changelogFile, from: `From ${label2}: ${CHANGELOG} changelogFile.` });
    if (!changelogCommitted)
      draft.notes.push(
        `semantic-release wrote ${changelogFile} without committing it (no ${GIT} asset names it); verso commits it with each release. Leave changelog-file out to keep no changelog.`
      );
  }
  if (versionFiles2.length)
    settings.push({
      kind: "option",
      key: "version-files",
      value: versionFiles2,
      from: `From ${label2}: ${NPM} writes the version into ${versionFiles2.join(", ")} and ${GIT} commits it.`
    });
  else if (manifest !== null)
    draft.notes.push(
      `semantic-release wrote the version into ${manifest} for publishing without committing it; verso writes files only to commit them. A publish step can set it with \`npm version --no-git-tag-version \${{ steps.verso.outputs.version }}\`.`
    );
  if (versionFiles2.length || changelogFile !== null)
    draft.notes.push(
      "With version-files or changelog-file, verso pushes a release commit to the branch before tagging it: the token needs `contents: write`, and a protected branch must let it push."
    );
  const github = find(GITHUB);
  if (github) mapGithub(options(github), github.own, context, draft, settings);
  else
    draft.notes.push(
      `semantic-release published no GitHub Release (${GITHUB} is not among the plugins); verso publishes one for each release (\`draft: true\` makes them drafts).`
    );
  listOthers(plugins, context, draft);
  draft.settings.push(...settings);
}
function readGitAssets(gitOptions, changelogFile, manifest, draft) {
  const versionFiles2 = [];
  let changelogCommitted = false;
  const given = gitOptions["assets"];
  const assets = given === void 0 || given === null ? DEFAULT_GIT_ASSETS : given === false ? [] : (Array.isArray(given) ? given : [given]).map(assetPath);
  for (const asset of assets) {
    if (asset === null) {
      draft.notCarried.push({ option: `${GIT} assets`, why: "an asset is neither a path nor an object with a `path`." });
      continue;
    }
    const path = normalize(asset);
    const isDefault = given === void 0 || given === null;
    const coversChangelog = changelogFile !== null && (path === changelogFile || matchesGlob(changelogFile, path));
    const coversManifest = manifest !== null && (path === manifest || matchesGlob(manifest, path));
    if (coversChangelog) changelogCommitted = true;
    if (coversManifest && !versionFiles2.includes(manifest)) versionFiles2.push(manifest);
    const exact = path === changelogFile || path === manifest;
    if (exact || isDefault && !coversChangelog && !coversManifest) continue;
    if (posix3.basename(path) === "package-lock.json" && manifest !== null) continue;
    if (coversChangelog || coversManifest) {
      draft.notCarried.push({
        option: `${GIT} assets: ${excerpt(path)}`,
        why: `verso commits ${[changelogFile, manifest].filter((f) => f !== null && matchesGlob(f, path)).join(" and ")} from it (changelog-file, version-files), and no other file it matched.`
      });
      continue;
    }
    draft.notCarried.push({
      option: `${GIT} assets: ${excerpt(path)}`,
      why: "verso commits only the files of version-files and changelog-file, and writes nothing else: a file built or written by a command (@semantic-release/exec, a build) is not committed. If it holds the version, add it to version-files (`path:/regex/` or `path:$.json.path`)."
    });
  }
  if (gitOptions["message"] !== void 0)
    draft.notCarried.push({
      option: `${GIT} message`,
      why: "verso's release commit is `chore(release): <tags>`, by git-user-name and git-user-email; its message takes no template."
    });
  return { versionFiles: versionFiles2, changelogCommitted };
}
function listOthers(plugins, context, draft) {
  for (const plugin of plugins) {
    if (plugin.name === EXEC) {
      const steps = Object.keys(plugin.own).filter((key) => key.endsWith("Cmd"));
      draft.notCarried.push({
        option: `${EXEC}${steps.length ? ` (${steps.join(", ")})` : ""}`,
        why: "verso runs no shell commands. Run them as later steps of the job, `if: steps.verso.outputs.released == 'true'`, with `${{ steps.verso.outputs.version }}` for `${nextRelease.version}` and `${{ steps.verso.outputs.notes }}` for the notes."
      });
    } else if (!(plugin.name in PLUGIN_OPTIONS))
      draft.notCarried.push({
        option: excerpt(plugin.name),
        why: /gitlab|gitea|bitbucket/i.test(plugin.name) ? "verso releases on GitHub only." : "verso has no plugins: do what it did in a later step of the job, from the outputs `released`, `version`, `tag` and `notes`."
      });
    else
      for (const key of Object.keys(plugin.own))
        if (!PLUGIN_OPTIONS[plugin.name].includes(key))
          draft.notCarried.push({ option: `${plugin.name} ${excerpt(key)}`, why: "not an option this plugin documents." });
  }
  const read = new Set(plugins.flatMap((p) => PLUGIN_OPTIONS[p.name] ?? []));
  const exec = plugins.some((p) => p.name === EXEC);
  for (const key of Object.keys(context.global))
    if (!read.has(key) && !(exec && key.endsWith("Cmd")))
      draft.notCarried.push({
        option: excerpt(key),
        why: "neither a semantic-release option nor one its listed plugins read: nothing used it."
      });
}
function mapAnalyzer(options, label2, draft, settings) {
  const preset = text(options["preset"]) ?? "angular";
  if (preset === "angular")
    draft.notes.push(
      "semantic-release's angular preset does not read `type!:` as a breaking change; verso reads Conventional Commits 1.0, where it is one: a commit such as `feat!: drop x` now releases a major."
    );
  else if (preset !== "conventionalcommits")
    draft.notes.push(
      `${ANALYZER} used the ${excerpt(preset)} preset; verso reads Conventional Commits only, so commits in that convention are listed as not conventional and release nothing.`
    );
  for (const key of ["config", "parserOpts"])
    if (options[key] !== void 0)
      draft.notCarried.push({
        option: `${ANALYZER} ${key}`,
        why: "verso reads commits as Conventional Commits 1.0 write them: `type(scope)!: subject` and the `BREAKING CHANGE:` (or `BREAKING-CHANGE:`) footer; its parser takes no options."
      });
  if (options["presetConfig"] !== void 0) draft.notCarried.push({ option: `${ANALYZER} presetConfig`, why: NOTES_WHY2 });
  const rules = options["releaseRules"];
  if (rules === void 0) return;
  if (!Array.isArray(rules)) {
    draft.notCarried.push({
      option: `${ANALYZER} releaseRules`,
      why: "a module path: verso migrate does not load code. List the rules in the configuration instead, as objects."
    });
    return;
  }
  const lines = [];
  let breakingRule = false;
  for (const rule of rules) {
    const mapped = mapRule(rule);
    if (mapped.kind === "line") {
      const problems = problemsWith({ "release-rules": mapped.line });
      if (problems.length) draft.notCarried.push({ option: `${ANALYZER} releaseRules ${describe(rule)}`, why: problems.join(" ") });
      else lines.push(mapped.line);
    } else if (mapped.kind === "same") {
      breakingRule ||= mapped.breaking;
      draft.notes.push(`The release rule ${describe(rule)} is what verso does anyway: ${mapped.why}`);
    } else {
      breakingRule ||= mapped.breaking;
      draft.notCarried.push({ option: `${ANALYZER} releaseRules ${describe(rule)}`, why: mapped.why });
    }
  }
  if (!breakingRule && lines.length)
    draft.notes.push(
      "semantic-release gave a commit that one of these rules matched that rule\u2019s release even when it was a breaking change (a breaking `docs!:` commit with a `docs` rule released a patch); verso releases every breaking change as a major."
    );
  const lower = lines.filter((line) => {
    const m = /^(\w+)\(([^)]+)\): (\w+)$/.exec(line);
    const general = m && lines.find((l) => l.startsWith(`${m[1]}: `));
    return m && general && RANK[m[3]] < RANK[general.split(": ")[1]];
  });
  if (lower.length)
    draft.notes.push(
      `semantic-release gives a commit the highest release of the rules that match it; verso lets a rule with a scope win over its type's rule, so ${lower.join(", ")} now lowers that type's release for that scope.`
    );
  if (lines.length) settings.push({ kind: "option", key: "release-rules", value: lines, from: `From ${label2}: ${ANALYZER} releaseRules.` });
}
var RANK = { none: 0, patch: 1, minor: 2, major: 3 };
function mapRule(rule) {
  const notCarried = (why, breaking = false) => ({ kind: "not-carried", why, breaking });
  if (typeof rule !== "object" || rule === null || Array.isArray(rule))
    return notCarried('a rule must be an object such as `{ type: "docs", release: "patch" }`.');
  const { release, ...match } = rule;
  const bump = release === false || release === null ? "none" : typeof release === "string" && release in RANK ? release : null;
  if (bump === null) return notCarried("its release must be major, minor, patch or false.");
  const keys = Object.keys(match);
  if (match["breaking"] === true && keys.length === 1)
    return bump === "major" ? {
      kind: "same",
      why: "a breaking change releases a major (a minor while the major is 0, with major-zero-breaking: minor).",
      breaking: true
    } : notCarried(
      "verso releases every breaking change as a major (held to a minor while the major is 0 only by major-zero-breaking: minor).",
      true
    );
  if (match["revert"] === true && keys.length === 1)
    return bump === "patch" ? {
      kind: "same",
      why: "a revert of a commit released earlier is a patch (a revert of a commit in the same release cancels both).",
      breaking: false
    } : notCarried(
      "verso releases a revert of a released commit as a patch, and a revert within one release as nothing; rules do not change that."
    );
  const other = keys.filter((k) => k !== "type" && k !== "scope");
  if (other.length)
    return notCarried(
      `verso's rules match a commit's type and scope, not its ${other.map((k) => excerpt(k)).join(", ")}.`,
      match["breaking"] === true
    );
  const type = match["type"];
  const scope = match["scope"];
  if (typeof type !== "string")
    return notCarried("verso\u2019s rules start with a commit type: `type(scope): release`; a rule by scope alone has no equivalent.");
  if (scope !== void 0 && typeof scope !== "string") return notCarried("a scope must be text.");
  if ([type, scope ?? ""].some((s) => /[*?[\]{}()!|+@]|^\/.*\/$/.test(s)))
    return notCarried("a glob or a regular expression: verso matches types and scopes exactly; write one rule for each.");
  return { kind: "line", line: `${type}${scope === void 0 ? "" : `(${scope})`}: ${bump}` };
}
function mapGithub(options, own, context, draft, settings) {
  for (const [key, why] of Object.entries(GITHUB_WHYS)) {
    const value = options[key];
    if (value === void 0 || value === false) continue;
    const where = key in own ? "" : " (top-level, so it reaches this plugin too)";
    draft.notCarried.push({ option: `${GITHUB} ${key}${where}`, why });
  }
  if (options["draftRelease"] === true)
    settings.push({ kind: "option", key: "draft", value: "true", from: `From ${context.label}: ${GITHUB} draftRelease.` });
  const template = options["releaseNameTemplate"];
  if (template === void 0) return;
  const name = typeof template === "string" ? template.replace(/\$\{\s*nextRelease\.(?:gitTag|name)\s*\}|<%=\s*nextRelease\.(?:gitTag|name)\s*%>/g, "{tag}").replace(/\$\{\s*nextRelease\.version\s*\}|<%=\s*nextRelease\.version\s*%>/g, "{version}") : null;
  if (name === null || /\$\{|<%/.test(name)) {
    draft.notCarried.push({
      option: `${GITHUB} releaseNameTemplate`,
      why: "verso's release-name knows `{tag}` and `{version}` only (for `${nextRelease.gitTag}` and `${nextRelease.version}`)."
    });
    return;
  }
  const from = `From ${context.label}: ${GITHUB} releaseNameTemplate.`;
  settings.push(
    name === "{tag}" ? { kind: "default", key: "release-name", value: name, from } : { kind: "option", key: "release-name", value: name, from }
  );
}
function describe(rule) {
  return excerpt(JSON.stringify(rule) ?? String(rule));
}
function assetPath(asset) {
  if (typeof asset === "string") return asset;
  if (typeof asset === "object" && asset !== null && typeof asset.path === "string")
    return asset.path;
  return null;
}
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
function normalize(path) {
  return posix3.normalize(path).replace(/^\.\//, "");
}

// src/migrate/semantic-release.ts
var SEMANTIC_RELEASE_FILES = [
  "package.json",
  ...["", ".json", ".yaml", ".yml", ".js", ".ts", ".cjs", ".mjs"].map((ext) => `.releaserc${ext}`),
  ...["", ".json", ".yaml", ".yml", ".js", ".ts", ".cjs", ".mjs"].map((ext) => `.config/releaserc${ext}`),
  ...[".js", ".ts", ".cjs", ".mjs"].map((ext) => `release.config${ext}`)
];
async function findSemanticRelease(read) {
  const configs = [];
  let manifest = null;
  for (const path of SEMANTIC_RELEASE_FILES) {
    const text2 = await read(path);
    if (text2 === null) continue;
    if (path === "package.json") {
      manifest = parseManifest(text2);
      if (manifest && "release" in manifest) configs.push(readPackageRelease(manifest["release"]));
      continue;
    }
    if (text2.trim() === "") continue;
    configs.push(readFile(path, text2));
  }
  const [first, ...rest] = configs;
  if (!first) return null;
  const config = first.kind === "options" ? { ...first, manifest } : first;
  return { config, shadowed: rest.map((c) => c.path) };
}
function parseManifest(text2) {
  try {
    const data = JSON.parse(text2);
    return isRecord2(data) ? data : null;
  } catch {
    return null;
  }
}
function readPackageRelease(value) {
  if (isRecord2(value)) return { kind: "options", path: "package.json", label: "package.json#release", options: value, manifest: null };
  return { kind: "unreadable", path: "package.json", why: "package.json's `release` is not an object of semantic-release options." };
}
function readFile(path, text2) {
  if (/\.[cm]?[jt]s$/.test(path)) {
    return {
      kind: "unreadable",
      path,
      why: `${path} is code, and verso migrate reads configuration as data: it never runs a repository's code. Write the options out as JSON, then run verso migrate again: node --input-type=module -e "const m = await import('./${path}'); console.log(JSON.stringify(m.default, null, 2))" > .releaserc.json (functions and regular expressions in it do not survive: check those by hand).`
    };
  }
  let data;
  try {
    data = path.endsWith(".json") ? JSON.parse(text2) : (0, import_yaml.parse)(text2, { logLevel: "error" });
  } catch (error) {
    return {
      kind: "unreadable",
      path,
      why: `${path} is not valid ${path.endsWith(".json") ? "JSON" : "YAML or JSON"}: ${parserMessage(error.message)}`
    };
  }
  if (!isRecord2(data)) return { kind: "unreadable", path, why: `${path} must hold an object of semantic-release options.` };
  return { kind: "options", path, label: path, options: data, manifest: null };
}
var CORE_OPTIONS = ["$schema", "branches", "tagFormat", "plugins", "extends", "repositoryUrl", "dryRun", "ci", "noCi", "debug"];
var STEP_OPTIONS = [
  "verifyConditions",
  "analyzeCommits",
  "verifyRelease",
  "generateNotes",
  "prepare",
  "publish",
  "addChannel",
  "success",
  "fail"
];
var DEFAULT_PLUGINS = [
  "@semantic-release/commit-analyzer",
  "@semantic-release/release-notes-generator",
  "@semantic-release/npm",
  "@semantic-release/github"
];
var MAINTENANCE_GLOB = "+([0-9])?(.{+([0-9]),x}).x";
var DEFAULT_BRANCHES = [
  MAINTENANCE_GLOB,
  "master",
  "main",
  "next",
  "next-major",
  { name: "beta", prerelease: true },
  { name: "alpha", prerelease: true }
];
function mapSemanticRelease(config) {
  const draft = emptyDraft();
  const { options, label: label2 } = config;
  mapBranches(options["branches"], label2, draft);
  mapTagFormat(options["tagFormat"], label2, draft);
  draft.settings.push(
    {
      kind: "option",
      key: "initial-version",
      value: "1.0.0",
      from: "semantic-release's first release is 1.0.0 (verso's default is 0.1.0)."
    },
    {
      kind: "option",
      key: "major-zero-breaking",
      value: "major",
      from: "semantic-release releases 1.0.0 for a breaking change on 0.y.z; verso would release 0.(y+1).0 (`minor`)."
    }
  );
  mapCore(options, label2, draft);
  const global = Object.fromEntries(Object.entries(options).filter(([key]) => !CORE_OPTIONS.includes(key) && !STEP_OPTIONS.includes(key)));
  const plugins = readPlugins(options["plugins"], label2, draft);
  mapPlugins2(plugins, { label: label2, global, private: config.manifest?.["private"] === true }, draft);
  return draft;
}
function mapCore(options, label2, draft) {
  if (options["dryRun"] === true)
    draft.workflow.push({ name: "dry-run", value: "true", from: `${label2}: dryRun (a file cannot hold dry-run; it is decided per run)` });
  if (options["ci"] === false || options["noCi"] === true)
    draft.notCarried.push({
      option: options["ci"] === false ? "ci: false" : "noCi",
      why: "verso releases from a workflow run; on a machine, `verso release` is a dry run unless given --no-dry-run."
    });
  if (options["debug"] !== void 0 && options["debug"] !== false)
    draft.notCarried.push({
      option: "debug",
      why: "`verso plan --verbose` lists the tags it ignored; the job summary explains every commit."
    });
  if (options["repositoryUrl"] !== void 0)
    draft.notCarried.push({
      option: "repositoryUrl",
      why: "verso pushes to the clone's `origin` and names the repository from the workflow's GITHUB_REPOSITORY: nothing to set."
    });
  if (options["extends"] !== void 0) {
    const names = (Array.isArray(options["extends"]) ? options["extends"] : [options["extends"]]).map((n) => excerpt(String(n)));
    draft.notCarried.push({
      option: `extends (${names.join(", ")})`,
      why: `a shareable configuration is a package of code, which verso migrate does not load: copy the settings you rely on from it into ${label2} and run verso migrate again.`
    });
  }
  for (const step of STEP_OPTIONS)
    if (options[step] !== void 0)
      draft.notCarried.push({
        option: step,
        why: "a plugin step configured by hand: verso has no plugins; do what it did in a later step of the job, from the outputs `released`, `version`, `tag` and `notes`."
      });
}
function readPlugins(raw, label2, draft) {
  if (raw === void 0) {
    draft.notes.push(`${label2} lists no plugins, so semantic-release used its default ones: ${DEFAULT_PLUGINS.join(", ")}.`);
    return DEFAULT_PLUGINS.map((name) => ({ name, own: {} }));
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const uses = [];
  for (const entry of list) {
    if (typeof entry === "string") uses.push({ name: entry, own: {} });
    else if (Array.isArray(entry) && typeof entry[0] === "string" && (entry[1] === void 0 || isRecord2(entry[1])))
      uses.push({ name: entry[0], own: entry[1] ?? {} });
    else
      draft.notCarried.push({
        option: "plugins",
        why: `an entry is neither a plugin's name nor [name, options] (${excerpt(JSON.stringify(entry) ?? String(entry))}).`
      });
  }
  return uses;
}
var CHANNEL_WHY = "a channel is the npm dist-tag a branch publishes to; verso publishes no npm package, and a tag and a GitHub Release need no channel: a prerelease's GitHub Release is marked as a prerelease.";
function mapBranches(raw, label2, draft) {
  const given = raw !== void 0 && raw !== null;
  const list = !given ? DEFAULT_BRANCHES : Array.isArray(raw) ? raw : [raw];
  const entries = [];
  const raws = [];
  for (const item of list) {
    const entry = readBranch(item, draft);
    if (entry === null) continue;
    const rawEntry = entry.range === null && entry.prerelease === null ? entry.name : {
      name: entry.name,
      ...entry.range === null ? {} : { range: entry.range },
      ...entry.prerelease === null ? {} : { prerelease: entry.prerelease }
    };
    const problems2 = problemsWith({ branches: [rawEntry] });
    if (problems2.length) {
      draft.notCarried.push({ option: `branches: ${excerpt(entry.name)}`, why: `verso does not accept it: ${problems2.join(" ")}` });
      continue;
    }
    entries.push(entry);
    raws.push(rawEntry);
  }
  if (!entries.length) return;
  const problems = problemsWith({ branches: raws });
  if (problems.length) draft.notes.push(`verso does not accept the branches together: ${problems.join(" ")}`);
  draft.settings.push({
    kind: "branches",
    entries,
    from: given ? `From ${label2}: branches. The first entry that matches a branch decides what it releases.` : `semantic-release's default branches (${label2} sets none). The first entry that matches a branch decides what it releases.`
  });
  if (entries.some((e) => e.prerelease !== null))
    draft.settings.push({
      kind: "option",
      key: "prerelease-start",
      value: "1",
      from: "semantic-release numbers a channel's prereleases from .1 (2.0.0-beta.1); verso's default is .0. A channel with tags goes on from the highest of them either way."
    });
  const stable = entries.filter((e) => e.range === null && e.prerelease === null && !/\.x$/.test(e.name));
  if (stable.length > 1)
    draft.notes.push(
      `semantic-release kept each release branch after the first (${stable.slice(1).map((e) => e.name).join(", ")}) above the versions of the ones before it; verso releases each stable line (${stable.map((e) => e.name).join(", ")}) from its own last release. Keep only the ones you use, or make one a prerelease channel (\`prerelease: true\`).`
    );
}
function readBranch(item, draft) {
  if (typeof item === "string") return branchEntry(item, null, null);
  if (!isRecord2(item) || typeof item["name"] !== "string" || item["name"].trim() === "") {
    draft.notCarried.push({
      option: "branches",
      why: `an entry is neither a branch name nor an object with a \`name\` (${excerpt(JSON.stringify(item) ?? String(item))}).`
    });
    return null;
  }
  const name = item["name"];
  for (const key of Object.keys(item)) {
    if (key === "channel") draft.notCarried.push({ option: `branches: ${excerpt(name)} (channel)`, why: CHANNEL_WHY });
    else if (!["name", "range", "prerelease"].includes(key))
      draft.notCarried.push({
        option: `branches: ${excerpt(name)} (${excerpt(key)})`,
        why: "not a branch option semantic-release documents."
      });
  }
  const range = item["range"];
  if (range !== void 0 && typeof range !== "string") {
    draft.notCarried.push({ option: `branches: ${excerpt(name)} (range)`, why: "a range must be text such as `1.x` or `>=1.2.0 <1.5.0`." });
    return null;
  }
  const prerelease = readPrerelease(item["prerelease"]);
  if (typeof prerelease === "object" && prerelease !== null) {
    draft.notCarried.push({ option: `branches: ${excerpt(name)} (prerelease)`, why: prerelease.why });
    return null;
  }
  return branchEntry(name, range ?? null, prerelease);
}
function readPrerelease(value) {
  if (value === void 0 || value === false) return null;
  if (value === true) return "true";
  if (typeof value === "string" && !/\$\{|<%/.test(value)) return value;
  if (typeof value === "string")
    return {
      why: `a template (${excerpt(value)}): verso's channel is an id, or \`true\` for the last part of the branch's name (\`release/beta\` \u2192 beta): write one of those under the branch in .github/verso.yml.`
    };
  return { why: "must be true or a prerelease id such as `rc`." };
}
function branchEntry(name, range, prerelease) {
  if (name === MAINTENANCE_GLOB)
    return { name: "*.x", range, prerelease, from: `${MAINTENANCE_GLOB}: maintenance lines such as 1.x and 1.2.x` };
  return { name, range, prerelease, from: null };
}
function mapTagFormat(raw, label2, draft) {
  if (raw === void 0) {
    draft.settings.push({
      kind: "default",
      key: "tag-prefix",
      value: "v",
      from: `semantic-release's default tagFormat, v\${version} (${label2} sets none).`
    });
    return;
  }
  const format = typeof raw === "string" ? raw.replace(/<%=\s*version\s*%>/g, "${version}") : null;
  const at = format?.indexOf("${version}") ?? -1;
  if (format === null || at === -1 || at !== format.length - "${version}".length || /\$\{|<%/.test(format.slice(0, at))) {
    draft.notCarried.push({
      option: `tagFormat: ${excerpt(String(raw))}`,
      why: "a verso release tag is the tag prefix followed by the version, so the version must come last and the rest must be plain text (e.g. `v${version}`, `release-${version}`)."
    });
    return;
  }
  const prefix = format.slice(0, at);
  const problems = problemsWith({ "tag-prefix": prefix });
  if (problems.length) {
    draft.notCarried.push({ option: `tagFormat: ${excerpt(format)}`, why: `verso does not accept the prefix: ${problems.join(" ")}` });
    return;
  }
  const from = `From ${label2}: tagFormat ${format}.`;
  draft.settings.push(
    prefix === "v" ? { kind: "default", key: "tag-prefix", value: "v", from } : { kind: "option", key: "tag-prefix", value: prefix, from }
  );
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/migrate/migrate.ts
async function migrate(files) {
  const semanticRelease = await findSemanticRelease(files.read);
  const releasePlease = await migrateReleasePlease(files.read);
  if (semanticRelease) {
    const { config, shadowed } = semanticRelease;
    const draft = config.kind === "options" ? mapSemanticRelease(config) : emptyDraft();
    if (config.kind === "unreadable") draft.notCarried.push({ option: config.path, why: config.why });
    const from = [config.path];
    if (config.kind === "options" && config.manifest !== null && config.path !== "package.json") from.push("package.json");
    if (shadowed.length)
      draft.notes.push(
        `semantic-release reads only ${label(config.path)} and ignores ${shadowed.map(label).join(", ")}; so did this migration.`
      );
    if (releasePlease)
      draft.notes.push(
        `${releasePlease.from.filter((f) => f === RELEASE_PLEASE_CONFIG || f === RELEASE_PLEASE_MANIFEST).join(" and ")} hold a release-please configuration too, which was not migrated: remove the tool you no longer use.`
      );
    return finish("semantic-release", from, draft, config.kind === "options");
  }
  if (releasePlease) return finish("release-please", releasePlease.from, releasePlease.draft, true);
  const looked = [...SEMANTIC_RELEASE_FILES.map(label), RELEASE_PLEASE_CONFIG, RELEASE_PLEASE_MANIFEST];
  return {
    source: "none",
    from: [],
    config: "",
    workflow: renderWorkflow([], null),
    notCarried: [],
    notes: [`No semantic-release or release-please configuration was found; looked for ${looked.join(", ")}.`]
  };
}
function label(path) {
  return path === "package.json" ? "package.json#release" : path;
}
function finish(source, from, draft, readable) {
  const header = [
    `${DEFAULT_CONFIG_FILE}, carried over from ${source} (${from.join(", ")}) by \`verso migrate\`.`,
    "A comment above each key says where it came from; `verso migrate` lists what it could not carry over."
  ];
  const config = readable ? renderConfig(draft, header) : "";
  const notes = unique(draft.notes);
  if (config) {
    try {
      resolveConfig({}, parseConfigFile(config, DEFAULT_CONFIG_FILE));
    } catch (error) {
      if (!(error instanceof VersoError)) throw error;
      notes.push(`verso does not accept the file as written; fix it before committing it: ${describeError(error)}`);
    }
  }
  const branches = draft.settings.flatMap((s) => s.kind === "branches" ? s.entries.map((e) => e.name) : []);
  return {
    source,
    from,
    config,
    workflow: renderWorkflow(draft.workflow, branches.length ? branches : null),
    notCarried: draft.notCarried.filter((n, i, all) => all.findIndex((m) => m.option === n.option && m.why === n.why) === i),
    notes
  };
}
function unique(items) {
  return [...new Set(items)];
}
export {
  migrate
};
