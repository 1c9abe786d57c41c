import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  DEFAULT_TYPES,
  checkSquashTitle,
  validateMessage,
  validateTitle
} from "./chunk-4A36G37Z.js";
import {
  ensureCommit,
  isShallow,
  planRelease,
  readCommits
} from "./chunk-H3QB3RLQ.js";
import {
  readCommit
} from "./chunk-5YMLDJFO.js";
import {
  isAncestor
} from "./chunk-EJWQBSUY.js";

// src/run/pr-check.ts
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
  const squashProblems = mergeStyle === "squash" ? checkSquashTitle(pr.title, raw, { types, rules: config.releaseRules }) : [];
  const titleProblems = validate === "commits" ? [] : [...validateTitle(pr.title, { types }), ...squashProblems];
  const commitProblems = validate === "title" ? [] : raw.flatMap((c) => validateMessage(c.message, { types, subject: { kind: "commit", sha: c.sha } }));
  const failing = validateMode === "warn" ? [] : mergeStyle === "squash" ? titleProblems : [...titleProblems, ...commitProblems];
  const all = [...titleProblems, ...commitProblems];
  return { pr, mergeStyle, plan, errors: failing, warnings: all.filter((p) => !failing.includes(p)) };
}

export {
  checkPullRequest
};
