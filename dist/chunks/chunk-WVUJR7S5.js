import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-FJVPBRYT.js";

// src/config/release-date.ts
function resolveNow(options) {
  if (options.date !== void 0) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      throw new VersoError("EUSAGE", `--date ${options.date} is not a calendar date.`, { hint: "Write it as YYYY-MM-DD, e.g. --date 2024-02-20 (a UTC date)." });
    }
    return date;
  }
  if (options.sourceDateEpoch !== void 0 && options.sourceDateEpoch !== "") {
    if (!/^\d+$/.test(options.sourceDateEpoch)) {
      throw new VersoError("EINVALIDCONFIG", `SOURCE_DATE_EPOCH=${options.sourceDateEpoch} is not a number of seconds since 1970-01-01 UTC.`, {
        hint: "Set it to whole seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it."
      });
    }
    return new Date(Number(options.sourceDateEpoch) * 1e3);
  }
  return options.now;
}

// src/run/mode.ts
import { matchesGlob } from "node:path";
function resolveMode(mode, eventName) {
  if (mode !== "auto") return mode;
  switch (eventName) {
    case "pull_request":
    case "pull_request_target":
      return "check";
    case "push":
    case "workflow_dispatch":
    case "schedule":
      return "release";
    default:
      return "plan";
  }
}
function checkReleaseBranch(branch, globs, defaultBranch) {
  if (branch === null) return { allowed: false, unknown: true, why: "HEAD is not on a branch (a tag push or a detached checkout), so nothing is released" };
  const patterns = globs.length ? globs : defaultBranch ? [defaultBranch] : [];
  if (patterns.length === 0) return { allowed: false, unknown: true, why: "the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`" };
  if (patterns.some((glob) => glob === branch || matchesGlob(branch, glob))) return { allowed: true };
  return { allowed: false, unknown: false, why: `${branch} is not a release branch (release-branches: ${patterns.join(", ")})` };
}
function branchOf(ref) {
  return ref?.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null;
}
function decideRelease(input) {
  const branch = checkReleaseBranch(input.branch, input.branches, input.defaultBranch);
  if (!branch.allowed) return { kind: "skip", why: branch.why, unknown: branch.unknown };
  return input.dryRun ? { kind: "dry-run" } : { kind: "release" };
}

export {
  resolveNow,
  resolveMode,
  branchOf,
  decideRelease
};
