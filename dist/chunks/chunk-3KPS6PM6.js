import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  DEFAULT_TYPES,
  validateMessage,
  validateTitle
} from "./chunk-ALORZCDX.js";
import {
  ensureCommit,
  isShallow,
  planRelease,
  readCommit,
  readCommits
} from "./chunk-7VXOF5L2.js";
import {
  isAncestor
} from "./chunk-DE64HZEF.js";

// src/pr-check.ts
async function checkPullRequest(git, config, now, pr) {
  const { validate, validateMode, mergeStyle } = config.check;
  const types = config.check.types.length ? config.check.types : DEFAULT_TYPES;
  if (await isShallow(git)) await planRelease(git, config, now);
  await ensureCommit(git, pr.baseSha);
  await ensureCommit(git, pr.headSha);
  const raw = (await readCommits(git, pr.headSha, pr.baseSha, (c) => c)).commits;
  const landing = mergeStyle === "squash" ? [readCommit({ sha: pr.headSha, parents: [pr.baseSha], message: `${pr.title}
` })] : raw.map(readCommit);
  const head = (await git.run(["rev-parse", "--verify", "HEAD^{commit}"])).trim();
  const worktreeHasHead = head === pr.headSha || await isAncestor(git, pr.headSha, head);
  const { plan } = await planRelease(git, config, now, { head: pr.baseSha, extraCommits: landing, ...worktreeHasHead ? {} : { schemasAt: pr.headSha } });
  const titleProblems = validate === "commits" ? [] : validateTitle(pr.title, { types });
  const commitProblems = validate === "title" ? [] : raw.flatMap((c) => validateMessage(c.message, { types, subject: { kind: "commit", sha: c.sha } }));
  const failing = validateMode === "warn" ? [] : mergeStyle === "squash" ? titleProblems : [...titleProblems, ...commitProblems];
  const all = [...titleProblems, ...commitProblems];
  return { pr, mergeStyle, plan, errors: failing, warnings: all.filter((p) => !failing.includes(p)) };
}

export {
  checkPullRequest
};
