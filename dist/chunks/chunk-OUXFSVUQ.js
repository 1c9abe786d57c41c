import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  BRANCH_NAME_ID
} from "./chunk-F3M2BGHC.js";
import {
  isPrereleaseId
} from "./chunk-G6X6EZPO.js";
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
    prereleaseFromInput: prerelease !== null,
    source: "default-branch"
  };
}
function resolveLine(input) {
  const { branch, policy } = input;
  const defaultRule = input.defaultBranch ? [{ pattern: input.defaultBranch, range: null, prerelease: null }] : [];
  const rules = policy.kind === "rules" ? [...policy.rules, ...policy.withDefaultBranch ? defaultRule : []] : defaultRule;
  const owner = rules.find((rule2) => isUnbounded(rule2, input.scheme))?.pattern ?? null;
  const base = { branch, newestOwner: owner, source: policy.kind === "rules" ? policy.from : "default-branch" };
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
    if (policy.kind === "rules" && policy.withDefaultBranch && !input.defaultBranch) return unmatched({ kind: "default-unknown" });
    const from = policy.kind === "rules" ? policy.from : "default-branch";
    const patterns = rules.filter((r) => r.prerelease === null).map((r) => r.pattern);
    const channels = rules.filter((r) => r.prerelease !== null).map((r) => r.pattern);
    return unmatched({ kind: "unmatched", patterns, channels, from });
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
      if (status.from === "branches")
        return `${line.branch} matches no entry of \`branches\` (${[...status.patterns, ...status.channels].join(", ")}), so it plans but never releases`;
      return `${line.branch} is not a release branch (${[
        ...status.patterns.length ? [`release-branches: ${status.patterns.join(", ")}`] : [],
        ...status.channels.length ? [`prerelease-branches: ${status.channels.join(", ")}`] : []
      ].join("; ")})`;
  }
}

export {
  unresolvedLine,
  resolveLine,
  describeNotReleasing
};
