import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  isPrereleaseId,
  require_semver
} from "./chunk-G6X6EZPO.js";
import {
  excerpt
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/config/branches.ts
var import_semver = __toESM(require_semver(), 1);
var BRANCH_NAME_ID = "{branch}";
var ENTRY_KEYS = ["name", "range", "prerelease"];
function resolveBranchPolicy(input, problems) {
  const shortForms = input.releaseBranches.length > 0 || input.prereleaseBranches.length > 0;
  if (input.branches !== void 0 && shortForms) {
    problems.push(
      "`branches` and `release-branches`/`prerelease-branches` are both set: use `branches` alone (the others are its short forms)."
    );
  }
  if (input.branches !== void 0) {
    const rules2 = input.branches.flatMap((entry, index) => readEntry(entry, index, problems));
    if (rules2.length === 0 && input.branches.length === 0) problems.push("`branches` is an empty list: name at least one branch.");
    checkDuplicates(rules2, problems);
    return { kind: "rules", from: "branches", rules: rules2, withDefaultBranch: false };
  }
  if (!shortForms) return { kind: "default-branch" };
  const rules = [
    ...input.prereleaseBranches.flatMap((item) => readPrereleaseItem(item, problems)),
    ...input.releaseBranches.map((pattern) => ({ pattern, range: null, prerelease: null }))
  ];
  checkDuplicates(rules, problems);
  return { kind: "rules", from: "short-forms", rules, withDefaultBranch: input.releaseBranches.length === 0 };
}
function needsDefaultBranch(policy) {
  return policy.kind === "default-branch" || policy.withDefaultBranch;
}
function readEntry(entry, index, problems) {
  const where = `\`branches\` entry ${index + 1}`;
  if (typeof entry === "string") {
    const pattern2 = entry.trim();
    if (!pattern2) {
      problems.push(`${where} is empty: write a branch name or glob, e.g. \`- main\`.`);
      return [];
    }
    return [{ pattern: pattern2, range: null, prerelease: null }];
  }
  let ok = true;
  for (const key of Object.keys(entry)) {
    if (ENTRY_KEYS.includes(key)) continue;
    const near = ENTRY_KEYS.find((k) => k.startsWith(key.slice(0, 3).toLowerCase()));
    problems.push(
      `${where}: \`${excerpt(key)}\` is not a key of a branch.${near ? ` Did you mean \`${near}\`?` : ""} Known: name, range, prerelease.`
    );
    ok = false;
  }
  const pattern = (entry["name"] ?? "").trim();
  if (!pattern) {
    problems.push(`${where} has no \`name\`: write the branch name or glob, e.g. \`- name: "1.x"\`.`);
    ok = false;
  }
  const range = readRange(entry["range"], `${where} (${pattern || "no name"})`, problems);
  const prerelease = readPrereleaseId(entry["prerelease"], `${where} (${pattern || "no name"})`, problems);
  if (range === void 0 || prerelease === void 0 || !ok) return [];
  return [{ pattern, range, prerelease }];
}
function readRange(raw, where, problems) {
  const text = raw?.trim() ?? "";
  if (!text) return null;
  if (import_semver.default.validRange(text, { loose: false }) === null) {
    problems.push(`${where}: \`range: ${excerpt(text)}\` is not a SemVer range; write \`1.x\`, \`1.2.x\` or \`>=1.2.0 <1.5.0\`.`);
    return void 0;
  }
  return text;
}
function readPrereleaseId(raw, where, problems) {
  const text = raw?.trim() ?? "";
  if (!text || text === "false") return null;
  if (text === "true") return BRANCH_NAME_ID;
  if (!isPrereleaseId(text)) {
    problems.push(
      `${where}: \`prerelease: ${excerpt(text)}\` must be a SemVer prerelease id (letters, digits and \`-\`, not only digits, e.g. rc, beta), or true for the branch's name.`
    );
    return void 0;
  }
  return text;
}
function readPrereleaseItem(item, problems) {
  const colon = item.lastIndexOf(":");
  const pattern = (colon === -1 ? item : item.slice(0, colon)).trim();
  const id = colon === -1 ? "true" : item.slice(colon + 1);
  if (!pattern) {
    problems.push(`\`prerelease-branches: ${excerpt(item)}\` names no branch; write \`next\` or \`release/*:rc\`.`);
    return [];
  }
  const prerelease = readPrereleaseId(id, `\`prerelease-branches\` (${pattern})`, problems);
  if (prerelease === void 0) return [];
  if (prerelease === null) {
    problems.push(
      `\`prerelease-branches: ${excerpt(item)}\` has no prerelease id after \`:\`; write \`${pattern}:rc\`, or \`${pattern}\` for its own name.`
    );
    return [];
  }
  return [{ pattern, range: null, prerelease }];
}
function checkDuplicates(rules, problems) {
  const seen = /* @__PURE__ */ new Set();
  for (const rule of rules) {
    if (seen.has(rule.pattern))
      problems.push(`The branch \`${excerpt(rule.pattern)}\` is listed twice; the first entry would always win: keep one.`);
    seen.add(rule.pattern);
  }
}

export {
  BRANCH_NAME_ID,
  resolveBranchPolicy,
  needsDefaultBranch
};
