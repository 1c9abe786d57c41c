import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  configFilePath,
  resolveConfig
} from "./chunk-OTYTKX5U.js";
import {
  parseSemver,
  require_semver
} from "./chunk-G6X6EZPO.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/config/load.ts
async function loadConfig(given, readText, listFiles) {
  const path = configFilePath(given);
  const text = await readText(path);
  if (text === null && given["config-file"] !== void 0 && given["config-file"] !== "") {
    throw new VersoError("EINVALIDCONFIG", `The config file ${path} does not exist.`, {
      hint: "Fix `config-file`, or leave it out to use .github/verso.yml when present."
    });
  }
  const file = text === null ? {} : (await import("./file-3HVAWLUJ.js")).parseConfigFile(text, path);
  const listed = file.packages === "auto" && listFiles ? await discover(file, readText, listFiles) : file;
  return resolveConfig(given, await readBumpver(given, listed, readText));
}
async function readBumpver(given, file, read) {
  const option = (name) => {
    const raw = given[name] ?? file[name];
    return raw === void 0 ? void 0 : String(raw).trim();
  };
  if (option("scheme") !== "calver" || (option("calver-format") ?? "") !== "") return file;
  const { BUMPVER_FILES, mapBumpverPattern, readBumpverPattern } = await import("./bumpver-GCVZRTTD.js");
  for (const path of BUMPVER_FILES) {
    const text = await read(path);
    const pattern = text === null ? null : readBumpverPattern(path, text);
    if (pattern === null) continue;
    const mapped = mapBumpverPattern(pattern, path);
    if (mapped.style === "pep440" && option("version-style") === "semver")
      throw new VersoError(
        "EINVALIDCONFIG",
        `bumpver's version_pattern "${pattern}" in ${path} writes PEP 440 tags, and version-style is semver.`,
        { hint: "Set version-style: pep440, or set the calver-format verso should write." }
      );
    const settings = [];
    const decide = (name, value, unless) => {
      if (option(name) === void 0 && value !== unless) settings.push({ name, value });
    };
    decide("version-style", mapped.style, "semver");
    decide("calver-counter-start", String(mapped.counterStart), "0");
    decide("tag-prefix", mapped.tagPrefix, "v");
    const origin = {
      file: path,
      pattern,
      format: mapped.format,
      settings: settings.map(({ name, value }) => ({ name, value: value === "" ? "''" : value })),
      restarts: mapped.restarts
    };
    return {
      ...file,
      "calver-format": mapped.format,
      ...Object.fromEntries(settings.map((s) => [s.name, s.value])),
      calverFormatOrigin: origin
    };
  }
  return file;
}
async function discover(file, read, list) {
  const { discoverWorkspaces } = await import("./workspaces-DIC6TRIG.js");
  const found = await discoverWorkspaces({ list, read });
  if (found.source === "none")
    throw new VersoError("EINVALIDCONFIG", found.message, { hint: "List the packages under `packages:` in .github/verso.yml." });
  if (found.packages.length === 0) {
    throw new VersoError("EINVALIDCONFIG", `packages: auto found no usable ${found.source} workspace.`, {
      details: found.skipped.map((s) => `${s.path}: ${s.why}`),
      hint: "Fix the manifests named above, or list the packages under `packages:`."
    });
  }
  return {
    ...file,
    packages: found.packages.map((w) => ({ name: w.name, path: w.path })),
    packagesSource: { kind: found.source, skipped: found.skipped }
  };
}

// src/config/release-date.ts
function resolveNow(options) {
  if (options.date !== void 0) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      throw new VersoError("EUSAGE", `--date ${options.date} is not a calendar date.`, {
        hint: "Write it as YYYY-MM-DD, e.g. --date 2024-02-20 (a UTC date)."
      });
    }
    return date;
  }
  if (options.sourceDateEpoch !== void 0 && options.sourceDateEpoch !== "") {
    if (!/^\d+$/.test(options.sourceDateEpoch)) {
      throw new VersoError(
        "EINVALIDCONFIG",
        `SOURCE_DATE_EPOCH=${options.sourceDateEpoch} is not a number of seconds since 1970-01-01 UTC.`,
        {
          hint: "Set it to whole seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it."
        }
      );
    }
    const date = new Date(Number(options.sourceDateEpoch) * 1e3);
    if (Number.isNaN(date.getTime())) {
      throw new VersoError("EINVALIDCONFIG", `SOURCE_DATE_EPOCH=${options.sourceDateEpoch} is beyond the dates a release can carry.`, {
        hint: "Set it to whole seconds since 1970-01-01 UTC, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it."
      });
    }
    return date;
  }
  return options.now;
}

// src/github/environment.ts
function readGitHubEnvironment(env) {
  const repository = env.GITHUB_REPOSITORY || null;
  return {
    repository,
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    repositoryUrl: repository ? `${env.GITHUB_SERVER_URL || "https://github.com"}/${repository}` : null
  };
}

// src/report/workflow-commands.ts
var IGNORABLE = "\\p{Cc}\\p{Cf}\\u{FE00}-\\u{FE0F}\\u{E0100}-\\u{E01EF}";
var INVISIBLE = `(?:(?![\\t\\r\\n])[${IGNORABLE}])+`;
var HIDING = new RegExp(`${INVISIBLE}(?=[:#[])|(?<=[:#])${INVISIBLE}`, "gu");
var COMMAND_START = new RegExp(`(^|[\\r\\n])((?:(?![\\r\\n])[\\s\\u0085${IGNORABLE}])*)::`, "gu");
var COLON = "\uFF1A";
var HASH = "\uFF03";
function neutralizeCommands(text) {
  return text.replace(HIDING, "").replace(COMMAND_START, `$1$2:${COLON}`).replaceAll("##[", `${HASH}#[`);
}
var IGNORABLE_CHARACTER = new RegExp(`(?![\\t\\r\\n])[\\u0085${IGNORABLE}]`, "gu");
function neutralizeCommandsInJson(json) {
  return json.replace(IGNORABLE_CHARACTER, (character) => {
    const code = character.codePointAt(0);
    if (code <= 65535) return `\\u${code.toString(16).padStart(4, "0")}`;
    const high = 55296 + (code - 65536 >> 10);
    const low = 56320 + (code - 65536 & 1023);
    return `\\u${high.toString(16)}\\u${low.toString(16)}`;
  }).replaceAll("##[", "\\u0023#[");
}

// src/run/artifact-version.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/versions/snapshot.ts
var import_semver = __toESM(require_semver(), 1);
var SHORT_SHA = 7;
function buildIdentifiers(kind, facts) {
  const sha = shortSha(facts.sha);
  if (facts.runNumber !== null && !/^\d+$/.test(facts.runNumber)) {
    throw new Error(`buildIdentifiers: run number ${JSON.stringify(facts.runNumber)} is not digits`);
  }
  switch (kind) {
    case "none":
      return { identifiers: [], fallback: null };
    case "sha":
      return { identifiers: ["sha", sha], fallback: null };
    case "run":
      return facts.runNumber === null ? { identifiers: ["sha", sha], fallback: "no-run-number" } : { identifiers: ["run", facts.runNumber, "sha", sha], fallback: null };
    default: {
      const unknown = kind;
      throw new Error(`buildIdentifiers: unknown kind ${String(unknown)}`);
    }
  }
}
function shortSha(sha) {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new Error(`buildIdentifiers: ${JSON.stringify(sha)} is not a commit sha`);
  return sha.slice(0, SHORT_SHA).toLowerCase();
}
function withBuild(versionText, identifiers) {
  const parsed = parseSemver(versionText);
  if (!parsed) throw new Error(`withBuild: ${JSON.stringify(versionText)} is not a SemVer version`);
  if (parsed.build.length > 0) throw new Error(`withBuild: ${versionText} already has build metadata`);
  const bad = identifiers.find((id) => !/^[0-9A-Za-z-]+$/.test(id));
  if (bad !== void 0) throw new Error(`withBuild: ${JSON.stringify(bad)} is not a build identifier`);
  return identifiers.length ? `${versionText}+${identifiers.join(".")}` : versionText;
}
function snapshotVersion(input) {
  const { next, previous, where } = input;
  const tail = tailOf(where);
  if (previous && import_semver.default.compare(previous, next) >= 0) {
    throw new Error(`No snapshot version fits: the last release, ${previous.version}, is not below the next, ${next.version}.`);
  }
  const base = chooseBase(next, previous);
  const version = new import_semver.default.SemVer(`${base.core}-${[...base.prerelease, ...tail].join(".")}`);
  if (previous && import_semver.default.compare(previous, version) >= 0 || import_semver.default.compare(version, next) >= 0) {
    throw new Error(`snapshotVersion: ${version.version} is not between ${previous?.version ?? "nothing"} and ${next.version}`);
  }
  return { version, form: base.form };
}
function tailOf(where) {
  checkCount("ahead", where.ahead, 0);
  if (where.kind === "branch") return ["dev", where.ahead];
  checkCount("pull request number", where.number, 1);
  return ["pr", where.number, where.ahead];
}
function checkCount(name, value, least) {
  if (!Number.isSafeInteger(value) || value < least) throw new Error(`snapshotVersion: ${name} ${value} is not an integer >= ${least}`);
}
function chooseBase(next, previous) {
  const core = coreOf(next);
  const sameCore = previous !== null && coreOf(previous) === core;
  if (next.prerelease.length === 0) {
    if (!sameCore) return { core, prerelease: [], form: { kind: "next-core" } };
    return continuing(previous);
  }
  const floor = floorBelow(next.prerelease);
  if (floor) {
    const text = `${core}-${floor.join(".")}`;
    if (previous === null || import_semver.default.compare(previous, text) <= 0)
      return { core, prerelease: floor, form: { kind: "below-next", floor: text } };
  }
  if (previous && previous.prerelease.length > 0) {
    if (!sameCore || !isPrefix(previous.prerelease, next.prerelease)) return continuing(previous);
    throw new Error(
      `No snapshot version fits between ${previous.version} and ${next.version}: the versions between them are ${previous.version} followed by zeros, which leave no room for more identifiers.`
    );
  }
  throw new Error(
    `No snapshot version fits below ${next.version}: its prerelease is all zeros, so no prerelease of ${core} sorts below it, and ${previous ? `${previous.version} is not a prerelease to continue` : "there is no release to continue"}.`
  );
}
function continuing(previous) {
  return { core: coreOf(previous), prerelease: previous.prerelease, form: { kind: "after-previous", previous: previous.version } };
}
function floorBelow(prerelease) {
  for (let i = prerelease.length - 1; i >= 0; i--) {
    const lower = lowerThan(prerelease[i]);
    if (lower !== null) return [...prerelease.slice(0, i), lower];
  }
  return null;
}
function lowerThan(id) {
  if (typeof id === "number") return id > 0 ? id - 1 : null;
  return 0;
}
function isPrefix(shorter, longer) {
  return shorter.length < longer.length && shorter.every((id, i) => id === longer[i]);
}
function coreOf(v) {
  return `${v.major}.${v.minor}.${v.patch}`;
}

// src/run/artifact-version.ts
function artifactVersion(input) {
  const { plan, config } = input;
  const { buildMetadata, snapshots } = config.artifacts;
  const notes = [];
  const atRelease = plan.previous !== null && plan.previous.sha === input.sha;
  const planned = plan.kind === "release" ? plan.next.version : atRelease ? plan.previous.version : null;
  const wantSnapshot = snapshots && !input.releasing && !atRelease;
  if (wantSnapshot && plan.scheme !== "semver")
    notes.push("snapshot-versions: a CalVer version has no SemVer snapshot; `version` is the planned one.");
  const snapshot = wantSnapshot && plan.scheme === "semver" ? makeSnapshot(input, notes) : null;
  if (snapshot === null && planned === null) return null;
  const kind = snapshot !== null && buildMetadata === "none" ? "sha" : buildMetadata;
  const ids = buildIdentifiers(kind, { sha: input.sha, runNumber: input.runNumber });
  if (ids.fallback === "no-run-number")
    notes.push("build-metadata: run needs GITHUB_RUN_NUMBER (a workflow run); the commit alone is used.");
  const core = snapshot?.text ?? planned;
  const metadata = ids.identifiers.join(".");
  const version = plan.scheme === "semver" ? withBuild(core, ids.identifiers) : metadata ? `${core}+${metadata}` : core;
  return { version, core, metadata, snapshot: snapshot?.form ?? null, notes };
}
function makeSnapshot(input, notes) {
  const { plan } = input;
  const previous = plan.previous?.value.kind === "semver" ? plan.previous.value.value : null;
  const next = plan.next?.value.kind === "semver" ? plan.next.value.value : standIn(previous, input.config.scheme);
  if (next === null) return null;
  const where = input.where.kind === "pull-request" ? input.where : (
    // On a branch, how far it is past the last release: each new commit sorts higher.
    { kind: "branch", ahead: plan.commits.length }
  );
  try {
    const made = snapshotVersion({ next, previous, where });
    return { text: made.version.version, form: made.form };
  } catch (error) {
    notes.push(`snapshot-versions: ${error.message} \`version\` is the planned one.`);
    return null;
  }
}
function standIn(previous, scheme) {
  if (previous === null) return scheme.kind === "semver" ? scheme.initialVersion : null;
  return new import_semver3.default.SemVer(import_semver3.default.inc(previous, previous.prerelease.length ? "prerelease" : "patch"));
}

export {
  loadConfig,
  resolveNow,
  readGitHubEnvironment,
  neutralizeCommands,
  neutralizeCommandsInJson,
  artifactVersion
};
