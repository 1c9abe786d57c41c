import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  packageTagPrefix,
  readPackageSpecs
} from "./chunk-L6R23QXP.js";
import {
  parseVersionFileRules
} from "./chunk-VG4D5XZV.js";
import {
  isTimeZone
} from "./chunk-6MJHAZTC.js";
import {
  readPep440Stage
} from "./chunk-3KK5PDD7.js";
import {
  BRANCH_NAME_ID,
  resolveBranchPolicy
} from "./chunk-F3M2BGHC.js";
import {
  parseReleaseRules
} from "./chunk-ZNYF77EQ.js";
import {
  isPrereleaseId,
  parseSemver
} from "./chunk-G6X6EZPO.js";
import {
  isBump
} from "./chunk-QSZWMMJ6.js";
import {
  parseCalverFormat
} from "./chunk-A4HLQ4KQ.js";
import {
  VersoError,
  excerpt
} from "./chunk-QIVDBRGE.js";

// src/config/config.ts
var OPTION_NAMES = [
  "scheme",
  "calver-format",
  "calver-bump",
  "calver-date",
  "calver-timezone",
  "calver-counter-start",
  "calver-final",
  "version-style",
  "tag-prefix",
  "initial-version",
  "release-rules",
  "major-zero-breaking",
  "prerelease",
  "prerelease-start",
  "bump",
  "strict",
  "fetch-history",
  "working-directory",
  "config-file",
  "schemas",
  "image-file",
  "image-bootstrap",
  "image-bump",
  "mode",
  "dry-run",
  "release-branches",
  "prerelease-branches",
  "rollback-to",
  "build-metadata",
  "snapshot-versions",
  "git-user-name",
  "git-user-email",
  "draft",
  "release-name",
  "floating-tags",
  "dispatch-workflows",
  "version-files",
  "changelog-file",
  "sign",
  "release-via",
  "release-pull-requests",
  "commit-via",
  "validate",
  "merge-style",
  "validate-mode",
  "types",
  "comment",
  "publish",
  "registry",
  "provenance"
];
var DEFAULT_CONFIG_FILE = ".github/verso.yml";
var DEFAULTS = {
  scheme: "semver",
  "calver-format": "",
  "calver-bump": "calendar",
  "calver-date": "release",
  "calver-timezone": "UTC",
  "calver-counter-start": "0",
  "calver-final": "release-period",
  "version-style": "semver",
  "tag-prefix": "v",
  "initial-version": "0.1.0",
  "release-rules": "",
  "major-zero-breaking": "minor",
  prerelease: "",
  "prerelease-start": "0",
  bump: "auto",
  strict: "false",
  "fetch-history": "auto",
  "working-directory": ".",
  "config-file": DEFAULT_CONFIG_FILE,
  schemas: "",
  "image-file": ".release-image",
  "image-bootstrap": "create",
  "image-bump": "block",
  mode: "auto",
  "dry-run": "false",
  "release-branches": "",
  "prerelease-branches": "",
  "rollback-to": "",
  "build-metadata": "none",
  "snapshot-versions": "false",
  "git-user-name": "github-actions[bot]",
  "git-user-email": "41898282+github-actions[bot]@users.noreply.github.com",
  draft: "false",
  "release-name": "{tag}",
  "floating-tags": "none",
  "dispatch-workflows": "",
  "version-files": "",
  "changelog-file": "",
  sign: "none",
  "release-via": "push",
  "release-pull-requests": "together",
  "commit-via": "git",
  validate: "both",
  "merge-style": "merge",
  "validate-mode": "fail",
  types: "",
  comment: "true",
  publish: "none",
  registry: "",
  provenance: "false"
};
function resolveConfig(given, file = {}) {
  const problems = [];
  const value = (name) => {
    const raw = given[name] ?? file[name] ?? DEFAULTS[name];
    return Array.isArray(raw) ? raw.join("\n") : String(raw);
  };
  const oneOf = (name, allowed) => {
    const v = value(name).trim();
    if (allowed.includes(v)) return v;
    problems.push(`\`${name}: ${v}\` must be one of: ${allowed.join(", ")}.`);
    return allowed[0];
  };
  const bool = (name) => {
    const v = value(name).trim().toLowerCase();
    if (v === "true" || v === "false") return v === "true";
    problems.push(`\`${name}: ${v}\` must be true or false.`);
    return false;
  };
  const tagPrefix = value("tag-prefix");
  if (/[\s~^:?*[\\]|\.\.|@\{/.test(tagPrefix) || tagPrefix.startsWith("-") || tagPrefix.startsWith("/")) {
    problems.push(
      `\`tag-prefix: ${tagPrefix}\` cannot start a git tag name (no spaces, \`~^:?*[\\\`, \`..\` or \`@{\`; not starting with \`-\` or \`/\`).`
    );
  } else if (/[0-9.]$/.test(tagPrefix)) {
    problems.push(
      `\`tag-prefix: ${tagPrefix}\` ends in ${tagPrefix.endsWith(".") ? "a dot" : "a digit"}, so no version could be told from it in a tag (${tagPrefix}1.2.3). End it with a letter, \`-\`, \`_\` or \`/\` (e.g. \`v\`, \`release-\`), or set \`tag-prefix: ''\`.`
    );
  }
  const initialText = value("initial-version").trim();
  const initialVersion = parseSemver(initialText);
  if (!initialVersion) problems.push(`\`initial-version: ${initialText}\` is not a SemVer version such as 0.1.0 or 1.0.0 (no \`v\`).`);
  else if (initialVersion.prerelease.length || initialVersion.build.length) {
    problems.push(
      `\`initial-version: ${initialText}\` must be a release version such as 1.0.0; for a first prerelease, set \`prerelease\` (e.g. rc gives 1.0.0-rc.0).`
    );
  }
  const rules = parseReleaseRules(value("release-rules"));
  for (const error of rules.errors) problems.push(error);
  const style = oneOf("version-style", ["semver", "pep440"]);
  const toStage = (id, where) => {
    const stage = style === "pep440" ? readPep440Stage(id) : id;
    if (stage === null)
      problems.push(`${where}: the channel \`${id}\` has no PEP 440 spelling (version-style: pep440): name it alpha, beta, rc or dev.`);
    return stage ?? id;
  };
  const channel = value("prerelease").trim();
  if (channel && !isPrereleaseId(channel)) {
    problems.push(`\`prerelease: ${channel}\` must be a SemVer prerelease id: letters, digits and \`-\`, not only digits (e.g. rc, beta).`);
  }
  const prerelease = channel && toStage(channel, `\`prerelease: ${channel}\``);
  const bump = value("bump").trim();
  const shortFormsGiven = given["release-branches"] !== void 0 || given["prerelease-branches"] !== void 0;
  const resolvedPolicy = resolveBranchPolicy(
    {
      branches: shortFormsGiven ? void 0 : given.branches ?? file.branches,
      releaseBranches: list("release-branches"),
      prereleaseBranches: list("prerelease-branches")
    },
    problems
  );
  const policy = style === "pep440" && resolvedPolicy.kind === "rules" ? {
    ...resolvedPolicy,
    rules: resolvedPolicy.rules.map(
      (rule) => rule.prerelease === null || rule.prerelease === BRANCH_NAME_ID ? rule : { ...rule, prerelease: toStage(rule.prerelease, `\`branches\` (${rule.pattern})`) }
    )
  } : resolvedPolicy;
  const rollbackTo = value("rollback-to").trim();
  if (bump !== "auto" && bump !== "post" && (!isBump(bump) || bump === "none"))
    problems.push(`\`bump: ${bump}\` must be auto, major, minor, patch or post.`);
  if (bump === "post" && style !== "pep440")
    problems.push("`bump: post` makes a PEP 440 post-release (1.4.0.post1, 24.1.post1): set `version-style: pep440`.");
  const config = {
    tagPrefix,
    scheme: resolveScheme(),
    releaseRules: rules.rules,
    prerelease: prerelease || null,
    prereleaseStart: oneOf("prerelease-start", ["0", "1"]) === "1" ? 1 : 0,
    bump: bump === "major" || bump === "minor" || bump === "patch" || bump === "post" ? bump : "auto",
    strict: bool("strict"),
    fetchHistory: oneOf("fetch-history", ["auto", "full", "never"]),
    image: resolveImage(),
    release: {
      mode: oneOf("mode", ["auto", "plan", "release", "check", "rollback"]),
      dryRun: bool("dry-run"),
      policy,
      tagger: { name: value("git-user-name").trim(), email: value("git-user-email").trim() },
      draft: bool("draft"),
      name: value("release-name").trim() || "{tag}",
      floatingTags: oneOf("floating-tags", ["none", "major", "major-minor"]),
      // GitHub names a workflow by its file name; a path to it is accepted too.
      dispatch: list("dispatch-workflows").map((w) => w.replace(/^\.?\/?\.github\/workflows\//, "")),
      files: resolveFiles(),
      sign: oneOf("sign", ["none", "ssh", "gpg"]),
      via: resolveVia(),
      pullRequests: oneOf("release-pull-requests", ["together", "per-package"]),
      commitVia: oneOf("commit-via", ["git", "api"])
    },
    check: {
      validate: oneOf("validate", ["both", "title", "commits"]),
      mergeStyle: oneOf("merge-style", ["merge", "squash", "rebase"]),
      validateMode: oneOf("validate-mode", ["fail", "warn"]),
      types: list("types").map((t) => t.toLowerCase()),
      comment: bool("comment")
    },
    artifacts: {
      buildMetadata: oneOf("build-metadata", ["none", "sha", "run"]),
      snapshots: bool("snapshot-versions")
    },
    rollbackTo: rollbackTo || null,
    packages: null,
    publish: {
      to: oneOf("publish", ["none", "npm"]),
      registry: resolveRegistry(),
      provenance: bool("provenance")
    }
  };
  if (config.release.mode === "rollback" && !rollbackTo)
    problems.push("`mode: rollback` needs `rollback-to`: the version to make the latest release again, e.g. `rollback-to: 2.0.3`.");
  if (rollbackTo && config.release.mode !== "rollback")
    problems.push(
      `\`rollback-to: ${rollbackTo}\` is set, but \`mode\` is ${config.release.mode}: set \`mode: rollback\` to roll back, or remove rollback-to.`
    );
  if (config.scheme.kind === "calver" && policy.kind === "rules") {
    for (const rule of policy.rules)
      if (rule.range !== null)
        problems.push(
          `\`branches\` (${rule.pattern}): \`range: ${rule.range}\` is a SemVer range, and \`scheme\` is calver: remove the range.`
        );
  }
  for (const type of list("types"))
    if (!/^\w+$/.test(type)) problems.push(`\`types\`: \`${type}\` is not a commit type (letters, digits, \`_\`).`);
  if (!/^[^<>\n]+$/.test(value("git-user-name").trim())) problems.push("`git-user-name` must be a name on one line, without `<` or `>`.");
  if (!isEmail(value("git-user-email").trim())) problems.push(`\`git-user-email: ${value("git-user-email")}\` is not an e-mail address.`);
  function list(name) {
    return splitList(value(name)).map((item) => item.trim()).filter(Boolean);
  }
  function resolveFiles() {
    const parsed = parseVersionFileRules(list("version-files"));
    problems.push(...parsed.problems);
    const changelog = value("changelog-file").trim().replace(/^\.\//, "");
    if (changelog && (changelog.startsWith("/") || changelog.split("/").includes("..") || changelog.endsWith("/")))
      problems.push(`\`changelog-file: ${changelog}\` must be a file inside the repository, e.g. \`CHANGELOG.md\`.`);
    return parsed.rules.length || changelog ? { rules: parsed.rules, changelog: changelog || null } : null;
  }
  function resolveVia() {
    const via = oneOf("release-via", ["push", "pull-request"]);
    if (via === "pull-request" && list("version-files").length === 0 && !value("changelog-file").trim())
      problems.push(
        "`release-via: pull-request` opens a pull request whose diff is the release commit: set `version-files` (package.json) or `changelog-file` (CHANGELOG.md), or leave `release-via` at push."
      );
    return via;
  }
  function resolveRegistry() {
    const text = value("registry").trim();
    if (!text) return null;
    const url = URL.canParse(text) ? new URL(text) : null;
    if (url && (url.username || url.password)) {
      problems.push("`registry` has credentials in its address: give the address alone, and the token as NODE_AUTH_TOKEN.");
      return null;
    }
    if (url === null || url.protocol !== "https:" && url.protocol !== "http:" || url.search || url.hash) {
      problems.push(`\`registry: ${excerpt(text)}\` must be a registry's address, such as \`https://registry.npmjs.org/\`.`);
      return null;
    }
    return url.href.endsWith("/") ? url.href : `${url.href}/`;
  }
  function resolveImage() {
    const schemas = list("schemas").map((glob) => glob.replace(/^\.\//, ""));
    const file2 = value("image-file").trim();
    const bootstrap = oneOf("image-bootstrap", ["create", "fail"]);
    const bump2 = oneOf("image-bump", ["block", "escalate"]);
    for (const glob of schemas) {
      if (glob.startsWith("/") || glob.split("/").includes(".."))
        problems.push(`\`schemas: ${glob}\` must be a glob relative to the repository, e.g. \`schemas/**/*.json\`.`);
    }
    if (!file2 || file2.startsWith("/") || file2.split("/").includes(".."))
      problems.push(`\`image-file: ${file2}\` must be a path inside the repository, e.g. \`.release-image\`.`);
    return schemas.length ? { schemas, file: file2, bootstrap, bump: bump2 } : null;
  }
  function resolveScheme() {
    const kind = oneOf("scheme", ["semver", "calver"]);
    const format = value("calver-format").trim();
    if (kind === "semver") {
      if (format)
        problems.push(`\`calver-format: ${format}\` is set, but \`scheme\` is semver: add \`scheme: calver\`, or remove calver-format.`);
      return {
        kind,
        initialVersion: initialVersion ?? parseSemver("0.1.0"),
        majorZeroBreaking: oneOf("major-zero-breaking", ["minor", "major"]),
        style
      };
    }
    const counters = oneOf("calver-bump", ["calendar", "commits"]);
    const date = oneOf("calver-date", ["release", "major"]);
    const final = oneOf("calver-final", ["release-period", "prerelease-period"]);
    if (!format) {
      problems.push(
        "`scheme: calver` needs a `calver-format`, e.g. `YYYY.0M.MICRO` (see the README for every token), or bumpver's `version_pattern` in bumpver.toml, pyproject.toml or setup.cfg."
      );
      return { kind: "semver", initialVersion: parseSemver("0.1.0"), majorZeroBreaking: "minor", style };
    }
    try {
      const timeZone = value("calver-timezone").trim() || "UTC";
      if (!isTimeZone(timeZone))
        problems.push(
          `\`calver-timezone: ${timeZone}\` is not a time zone: write an IANA name such as \`Europe/Berlin\` or \`America/New_York\`, or \`UTC\`.`
        );
      const counterStart = oneOf("calver-counter-start", ["0", "1"]) === "1" ? 1 : 0;
      const origin = given["calver-format"] === void 0 ? file.calverFormatOrigin ?? null : null;
      return {
        kind,
        format: parseCalverFormat(format, style),
        counters,
        date,
        timeZone: isTimeZone(timeZone) ? timeZone : "UTC",
        counterStart,
        final,
        origin
      };
    } catch (error) {
      if (!(error instanceof VersoError)) throw error;
      problems.push(
        error.details.length ? `\`calver-format: ${format}\`: ${error.details.join("; ")}` : `\`calver-format: ${format}\`: ${error.message}`
      );
      return { kind: "semver", initialVersion: parseSemver("0.1.0"), majorZeroBreaking: "minor", style };
    }
  }
  const packages = resolvePackages(given, file, config.tagPrefix, problems);
  if (problems.length) {
    throw new VersoError("EINVALIDCONFIG", `The configuration has ${problems.length} problem(s):`, {
      details: problems,
      hint: "Fix them in the workflow inputs, the command-line flags or .github/verso.yml."
    });
  }
  return packages ? { ...config, packages } : config;
}
function resolvePackages(given, file, tagPrefix, problems) {
  const raw = given.packages ?? file.packages;
  if (raw === void 0) return null;
  if (raw === "auto") {
    problems.push("`packages: auto` is read from the repository's workspaces, which were not looked at here: list the packages instead.");
    return null;
  }
  const specs = readPackageSpecs(raw, problems);
  const top = withoutPackages(given);
  const rest = withoutPackages(file);
  const packagesSource = file.packagesSource;
  const list = [];
  for (const spec of specs) {
    try {
      const own = { ...top, ...spec.overrides, "tag-prefix": packageTagPrefix(spec, tagPrefix) };
      list.push({ spec, config: resolveConfig(own, rest) });
    } catch (error) {
      if (!(error instanceof VersoError)) throw error;
      for (const detail of error.details) problems.push(`package ${spec.name}: ${detail}`);
    }
  }
  const byPrefix = /* @__PURE__ */ new Map();
  for (const { spec, config } of list) {
    const other = byPrefix.get(config.tagPrefix);
    if (other !== void 0 && other !== spec.name)
      problems.push(
        `The packages \`${other}\` and \`${spec.name}\` both tag \`${config.tagPrefix}<version>\`: give each a \`tag-format\` with \`{name}\`.`
      );
    byPrefix.set(config.tagPrefix, spec.name);
  }
  const linked = file.linked ?? [];
  const names = new Set(specs.map((s) => s.name));
  const grouped = /* @__PURE__ */ new Set();
  for (const group of linked) {
    if (group.length < 2) problems.push(`\`linked\`: a group needs two packages or more, not [${group.join(", ")}].`);
    for (const name of group) {
      if (!names.has(name)) problems.push(`\`linked\`: \`${name}\` is not a package; the packages are ${[...names].join(", ")}.`);
      else if (grouped.has(name)) problems.push(`\`linked\`: \`${name}\` is in two groups; a package is linked with one group.`);
      grouped.add(name);
    }
  }
  return { source: packagesSource?.kind ?? "list", list, skipped: packagesSource?.skipped ?? [], linked };
}
function withoutPackages(options) {
  const copy = { ...options };
  delete copy.packages;
  delete copy.packagesSource;
  delete copy.linked;
  return copy;
}
function splitList(text) {
  const items = [];
  let end = text.length;
  let closes = false;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 123) closes = false;
    else if (code === 125) closes = true;
    else if (code === 10 || code === 44 && !closes) {
      items.push(text.slice(i + 1, end));
      end = i;
    }
  }
  items.push(text.slice(0, end));
  return items.reverse();
}
function isEmail(text) {
  const at = text.indexOf("@", 1);
  return at !== -1 && at < text.length - 1 && !/[<>\s]/.test(text);
}
function configFilePath(given) {
  const v = given["config-file"];
  return typeof v === "string" && v ? v : DEFAULT_CONFIG_FILE;
}
function isOptionName(name) {
  return OPTION_NAMES.includes(name);
}
function suggestOption(key) {
  const close = nearestName(key, OPTION_NAMES);
  return close ? ` Did you mean \`${close}\`?` : "";
}
function nearestName(word, names) {
  const plain = (name) => name.replace(/[-_]/g, "").toLowerCase();
  const wanted = plain(word);
  const started = wanted.length >= 3 ? names.filter((name) => plain(name).startsWith(wanted)) : [];
  if (started.length === 1) return started[0];
  let best;
  for (const name of names) {
    const d = Math.abs(plain(name).length - wanted.length) > 2 ? 3 : distance(plain(name), wanted);
    if (d <= 2 && (!best || d < best.distance)) best = { name, distance: d };
  }
  return best?.name;
}
function distance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

export {
  OPTION_NAMES,
  DEFAULT_CONFIG_FILE,
  DEFAULTS,
  resolveConfig,
  configFilePath,
  isOptionName,
  suggestOption,
  nearestName
};
