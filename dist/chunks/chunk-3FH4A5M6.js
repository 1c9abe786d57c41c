import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  DEFAULT_TYPES,
  validateMessage,
  validateTitle
} from "./chunk-ALORZCDX.js";
import {
  planRelease,
  readCommit,
  readCommits
} from "./chunk-Q2FT2XOY.js";

// src/pr-check.ts
async function checkPullRequest(git, config, now, pr) {
  const { validate, validateMode, mergeStyle } = config.check;
  const types = config.check.types.length ? config.check.types : DEFAULT_TYPES;
  const merged = await planRelease(git, config, now);
  const plan = mergeStyle === "squash" ? (await planRelease(git, config, now, { head: pr.baseSha, extraCommits: [readCommit({ sha: pr.headSha, parents: [pr.baseSha], message: `${pr.title}
` })] })).plan : merged.plan;
  const titleProblems = validate === "commits" ? [] : validateTitle(pr.title, { types });
  const commitProblems = validate === "title" ? [] : (await readCommits(git, pr.headSha, pr.baseSha, (c) => c)).commits.flatMap((c) => validateMessage(c.message, { types, subject: { kind: "commit", sha: c.sha } }));
  const failing = validateMode === "warn" ? [] : mergeStyle === "squash" ? titleProblems : [...titleProblems, ...commitProblems];
  const all = [...titleProblems, ...commitProblems];
  return { pr, mergeStyle, plan, errors: failing, warnings: all.filter((p) => !failing.includes(p)) };
}

export {
  checkPullRequest
};
