import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/github/event.ts
import { readFile } from "node:fs/promises";

// src/github/pull-request.ts
function readPullRequest(payload) {
  const pr = payload?.pull_request;
  if (!pr || typeof pr.number !== "number" || typeof pr.title !== "string") return null;
  const baseSha = pr.base?.sha;
  const headSha = pr.head?.sha;
  if (typeof baseSha !== "string" || typeof headSha !== "string") return null;
  const baseRepo = pr.base?.repo?.full_name;
  const headRepo = pr.head?.repo?.full_name;
  return {
    number: pr.number,
    title: pr.title,
    baseSha,
    baseRef: typeof pr.base?.ref === "string" ? pr.base.ref : "",
    headSha,
    headRef: typeof pr.head?.ref === "string" ? pr.head.ref : "",
    // A deleted fork has no head repository: treat it as a fork.
    // `repo.fork` says the repository is itself a fork of another: a branch of it is no fork.
    fork: headRepo === void 0 || headRepo !== baseRepo
  };
}

// src/github/event.ts
async function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME;
  if (!env.GITHUB_EVENT_PATH) return { name, defaultBranch: null, pullRequest: null };
  let payload;
  try {
    payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8"));
  } catch (error) {
    throw new VersoError("EINVALIDCONFIG", `The event payload at GITHUB_EVENT_PATH cannot be read (${error.message}).`, {
      hint: "The runner writes it; outside a workflow, unset GITHUB_EVENT_PATH."
    });
  }
  const defaultBranch = payload?.repository?.default_branch;
  return { name, defaultBranch: typeof defaultBranch === "string" ? defaultBranch : null, pullRequest: readPullRequest(payload) };
}

export {
  readEvent
};
