import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  isReleasePullRequest,
  releaseSubjectTags
} from "./chunk-CFJ5KQBI.js";
import {
  planRelease
} from "./chunk-SN7RSUOQ.js";
import {
  DEFAULT_TYPES,
  checkSquashTitle,
  validateMessage,
  validateTitle
} from "./chunk-UUB7T2DM.js";
import {
  parseCommit
} from "./chunk-CKOUWFXA.js";

// src/run/pr-check.ts
async function checkPullRequest(gather, config, now, pr, line, mergeStyle = config.check.mergeStyle) {
  const { validate, validateMode } = config.check;
  const types = config.check.types.length ? config.check.types : DEFAULT_TYPES;
  const { commits: raw, worktreeHasHead } = await gather.pullRequest(pr);
  const landing = mergeStyle === "squash" ? [parseCommit({ sha: pr.headSha, parents: [pr.baseSha], message: `${pr.title}
` })] : raw.map(parseCommit);
  const schemasAt = worktreeHasHead ? {} : { schemasAt: pr.headSha };
  const { plan } = await planRelease(gather, config, now, {
    head: pr.baseSha,
    extraCommits: landing,
    ...schemasAt,
    ...line ? { line } : {}
  });
  const squashProblems = mergeStyle === "squash" ? checkSquashTitle(pr.title, raw, { types, rules: config.releaseRules }) : [];
  const titleProblems = validate === "commits" ? [] : [...validateTitle(pr.title, { types }), ...squashProblems];
  const commitProblems = validate === "title" ? [] : raw.flatMap((c) => validateMessage(c.message, { types, subject: { kind: "commit", sha: c.sha } }));
  const failing = validateMode === "warn" ? [] : mergeStyle === "squash" ? titleProblems : [...titleProblems, ...commitProblems];
  const all = [...titleProblems, ...commitProblems];
  const release = isReleasePullRequest(pr) && raw.length === 1 && releaseSubjectTags(raw[0].message.split("\n")[0]) !== null;
  if (release) return { pr, mergeStyle, plan, errors: [], warnings: [], ahead: raw.length, release: true };
  return { pr, mergeStyle, plan, errors: failing, warnings: all.filter((p) => !failing.includes(p)), ahead: raw.length, release: false };
}

export {
  checkPullRequest
};
