import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  BRANCH_NAME_ID
} from "./chunk-GV2U7VCO.js";
import {
  isPrereleaseId
} from "./chunk-Y2CPDIH6.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/run/line.ts
import { matchesGlob } from "node:path";
function unresolvedLine(prerelease) {
  return {
    branch: null,
    pattern: null,
    prerelease,
    range: null,
    status: { kind: "default-unknown" },
    newestOwner: null,
    prereleaseFromInput: prerelease !== null
  };
}
function resolveLine(input) {
  const { branch, policy } = input;
  const rules = policy.kind === "rules" ? policy.rules : input.defaultBranch ? [{ pattern: input.defaultBranch, range: null, prerelease: null }] : [];
  const owner = rules.find((rule2) => isUnbounded(rule2, input.scheme))?.pattern ?? null;
  const base = { branch, newestOwner: owner };
  const unmatched = (status) => ({
    ...base,
    pattern: null,
    ...withInput({ prerelease: null, range: null }, input.prerelease),
    status
  });
  if (branch === null) return unmatched({ kind: "detached" });
  if (rules.length === 0) return unmatched({ kind: "default-unknown" });
  const rule = rules.find((r) => r.pattern === branch || matchesGlob(branch, r.pattern));
  if (!rule) {
    const from = policy.kind === "rules" ? policy.from : "default-branch";
    return unmatched({ kind: "unmatched", patterns: rules.map((r) => r.pattern), from });
  }
  const line = {
    prerelease: rule.prerelease === BRANCH_NAME_ID ? branchId(branch, rule.pattern) : rule.prerelease,
    range: rule.range ?? (namesRange(rule, input.scheme) ? impliedRange(branch) : null)
  };
  return {
    ...base,
    newestOwner: owner === rule.pattern && line.range === null ? null : owner,
    pattern: rule.pattern,
    ...withInput(line, input.prerelease),
    status: { kind: "releases" }
  };
}
function withInput(line, prerelease) {
  return prerelease === null ? { ...line, prereleaseFromInput: false } : { ...line, prerelease, prereleaseFromInput: true };
}
function isUnbounded(rule, scheme) {
  return rule.range === null && rule.prerelease === null && !namesRange(rule, scheme);
}
function namesRange(rule, scheme) {
  return rule.range === null && rule.prerelease === null && scheme === "semver" && /\.x$/.test(rule.pattern);
}
function impliedRange(branch) {
  const last = branch.slice(branch.lastIndexOf("/") + 1);
  const m = /^v?(\d+)\.(?:(\d+)\.)?x$/.exec(last);
  if (!m) return null;
  return m[2] === void 0 ? `${Number(m[1])}.x` : `${Number(m[1])}.${Number(m[2])}.x`;
}
function branchId(branch, pattern) {
  const last = branch.slice(branch.lastIndexOf("/") + 1);
  if (isPrereleaseId(last)) return last;
  throw new VersoError(
    "EINVALIDCONFIG",
    `The branch ${branch} (entry \`${pattern}\`) cannot name its prerelease channel: \`${last}\` is not a SemVer prerelease id.`,
    {
      hint: `Give the entry its id: \`prerelease: rc\` in \`branches\`, or \`${pattern}:rc\` in \`prerelease-branches\`.`
    }
  );
}
function describeNotReleasing(line) {
  const { status } = line;
  switch (status.kind) {
    case "releases":
      return null;
    case "detached":
      return "HEAD is not on a branch (a tag push or a detached checkout), so nothing is released";
    case "default-unknown":
      return "the default branch is unknown (no event payload, no origin/HEAD): set `release-branches`";
    case "unmatched":
      return status.from === "branches" ? `${line.branch} matches no entry of \`branches\` (${status.patterns.join(", ")}), so it plans but never releases` : `${line.branch} is not a release branch (release-branches: ${status.patterns.join(", ")})`;
  }
}

export {
  unresolvedLine,
  resolveLine,
  describeNotReleasing
};
