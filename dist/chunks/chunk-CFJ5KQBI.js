import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  createReleaseCommit,
  readRemoteBranch
} from "./chunk-SN7RSUOQ.js";
import {
  compareVersions,
  parseVersion,
  summarizeGitOutput
} from "./chunk-LK73LO5H.js";
import {
  describeNothingLeft,
  renderClosingComment
} from "./chunk-JXRXIIPL.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/release-branch.ts
async function readRange(git, after, to) {
  const excluded = after === null ? [] : typeof after === "string" ? [after] : after;
  const range = [...excluded.map((sha) => `^${sha}`), to];
  const out = await git.run(["log", "--format=%H%x00%P%x00%s%x00", "--end-of-options", ...range, "--"]);
  const fields = out.split("\0");
  const commits = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const sha = fields[i].trim();
    if (!sha) continue;
    commits.push({ sha, parents: fields[i + 1].split(" ").filter(Boolean), subject: fields[i + 2] });
  }
  return commits;
}
async function readCommitDate(git, sha) {
  const out = await git.run(["log", "-1", "--date=raw", "--format=%cd", "--end-of-options", sha, "--"]);
  return `@${out.trim()}`;
}
async function replaceRemoteBranch(git, remote, branch, sha, expected) {
  const ref = `refs/heads/${branch}`;
  const result = await git.tryRun([
    "push",
    "--porcelain",
    "--no-verify",
    `--force-with-lease=${ref}:${expected ?? ""}`,
    "--end-of-options",
    remote,
    `${sha}:${ref}`
  ]);
  return settle(git, remote, branch, result, sha, expected);
}
async function deleteRemoteBranch(git, remote, branch, expected) {
  const ref = `refs/heads/${branch}`;
  const result = await git.tryRun([
    "push",
    "--porcelain",
    "--no-verify",
    `--force-with-lease=${ref}:${expected}`,
    "--end-of-options",
    remote,
    `:${ref}`
  ]);
  return settle(git, remote, branch, result, null, expected);
}
async function settle(git, remote, branch, result, wanted, expected) {
  if (result.code === 0) return { kind: "pushed" };
  const output = `${result.stderr}
${result.stdout}`;
  const now = await readRemoteBranch(git, remote, branch);
  if (now === wanted) return { kind: "pushed" };
  if (now !== expected) return { kind: "moved", message: summarizeGitOutput(output) };
  if (/\[remote rejected\]|denied|403|protected|forbidden|not allowed|permission|GH006|GH013|hook declined/i.test(output))
    return { kind: "denied", message: summarizeGitOutput(output) };
  throw new VersoError("EPUSH", `Could not update the branch ${branch} on \`${remote}\`: ${summarizeGitOutput(output) || "no message"}`, {
    hint: `Check that the remote \`${remote}\` is reachable and run again.`
  });
}

// src/run/release-pr.ts
var RELEASE_BRANCH_PREFIX = "verso/release/";
function releaseBranchOf(branch, pkg) {
  if (pkg === void 0) return `${RELEASE_BRANCH_PREFIX}${branch}`;
  const slug = pkg.replace(/^@/, "").replace(/[^A-Za-z0-9._-]+/g, "-");
  return `${RELEASE_BRANCH_PREFIX}${branch}--${slug}`;
}
function isReleasePullRequest(pr) {
  const own = releaseBranchOf(pr.baseRef);
  return !pr.fork && pr.baseRef !== "" && (pr.headRef === own || pr.headRef.startsWith(`${own}--`));
}
function leftToItsOwnRun(merged, head, publishes, log) {
  if (merged.at === head || !publishes) return false;
  const where = merged.at.slice(0, 7);
  log(
    `${where} merged the release pull request of ${merged.tags.join(", ")}, but HEAD is past it and npm would get HEAD's files: re-run the workflow of the push of ${where} to release it from its own checkout.`
  );
  return true;
}
async function proposeRelease(request) {
  const { git, api, base } = request;
  const branch = request.branch ?? releaseBranchOf(base);
  const stale = await staleRun(git, base, request.head, request.log);
  if (stale !== null) return { kind: "stale", branch, tip: stale };
  const date = await readCommitDate(git, request.head);
  const wanted = { files: request.files, message: request.title, author: request.tagger, parent: request.head, signing: request.signing };
  const local = await createReleaseCommit(git, { ...wanted, date });
  const seen = await readRemoteBranch(git, "origin", branch);
  let commit = seen ?? local;
  let pushed = false;
  if (seen === null || !await holdsCommit(git, branch, seen, local)) {
    const update = await request.writer.replaceBranch(git, { ...wanted, remote: "origin", branch, expected: seen, date });
    if (update.kind === "moved") {
      throw new VersoError(
        "EPUSH",
        `The branch ${branch} moved while this run wrote it: another run is updating the release pull request.`,
        {
          hint: `Nothing was tagged or released. The run of the newest push to ${base} writes the pull request; run that one again if it did not.`
        }
      );
    }
    if (update.kind === "denied") {
      throw new VersoError("EPUSH", `The remote refused the release branch ${branch}: ${update.message}`, {
        hint: `Nothing was tagged or released. The token needs \`contents: write\`, and no branch rule may keep it from ${branch} (rules on ${base} itself are fine: the release reaches ${base} through the pull request).`
      });
    }
    pushed = true;
    commit = update.sha;
    request.log(
      `${request.writer.via === "api" ? "Committed through the GitHub API" : "Pushed"} the release commit ${commit.slice(0, 7)} to ${branch}.`
    );
  }
  const open = await api.findOpenPullRequest(branch, base);
  if (open === null) {
    const opened = await api.createPullRequest({ title: request.title, body: request.body, head: branch, base });
    request.log(`Opened the release pull request #${opened.number}: ${opened.url}`);
    return { kind: "opened", pullRequest: opened, branch, commit };
  }
  if (open.title === request.title && open.body === request.body) {
    request.log(
      `The release pull request #${open.number} is ${pushed ? "up to date with the new commit" : "already up to date"}: ${open.url}`
    );
    return { kind: pushed ? "updated" : "unchanged", pullRequest: open, branch, commit };
  }
  const updated = await api.updatePullRequest(open.number, { title: request.title, body: request.body });
  request.log(`Updated the release pull request #${updated.number}: ${updated.url}`);
  return { kind: "updated", pullRequest: updated, branch, commit };
}
async function staleRun(git, base, head, log) {
  const tip = await readRemoteBranch(git, "origin", base);
  if (tip === null || tip === head) return null;
  log(`${base} is at ${tip.slice(0, 7)} now, past ${head.slice(0, 7)}: the run of that push writes the release pull request.`);
  return tip;
}
async function holdsCommit(git, branch, seen, wanted) {
  if (seen === wanted) return true;
  await git.tryRun(["fetch", "--no-tags", "--end-of-options", "origin", `refs/heads/${branch}`]);
  const read = async (sha) => (await git.tryRun(["log", "-1", "--format=%T %P", "--end-of-options", sha, "--"])).stdout.trim();
  const there = await read(seen);
  return there !== "" && there === await read(wanted);
}
async function closeReleasePullRequest(request) {
  const { git, api, base, left } = request;
  const branch = request.branch ?? releaseBranchOf(base);
  const open = await api.findOpenPullRequest(branch, base);
  if (open === null) return { kind: "none", branch, left };
  const stale = await staleRun(git, base, request.head, request.log);
  if (stale !== null) return { kind: "stale", branch, tip: stale };
  const closed = await api.updatePullRequest(open.number, { state: "closed" });
  await api.createIssueComment(open.number, renderClosingComment(base, left));
  request.log(`Closed the release pull request #${open.number}: ${describeNothingLeft(base, left)}.`);
  const tip = await readRemoteBranch(git, "origin", branch);
  if (tip !== null) await deleteRemoteBranch(git, "origin", branch, tip);
  return { kind: "closed", pullRequest: closed, branch, left };
}

// src/run/merged-release.ts
var MERGED_CANDIDATES = 5;
var RELEASE_SUBJECT = /^chore\(release\): (.+?)(?: \(#\d+\))?$/;
function releaseSubjectTags(subject) {
  const match = RELEASE_SUBJECT.exec(subject.trim());
  if (!match) return null;
  const tags = match[1].split(", ").map((t) => t.trim());
  return tags.every((t) => t !== "" && !/[\s,]/.test(t)) ? tags : null;
}
function findMergedReleases(range, head) {
  const bySha = new Map(range.map((c) => [c.sha, c]));
  const line = /* @__PURE__ */ new Map();
  for (let sha = head, i = 0; sha !== void 0 && bySha.has(sha); sha = bySha.get(sha).parents[0], i++)
    line.set(sha, i);
  const children = /* @__PURE__ */ new Map();
  for (const c of range) for (const p of c.parents) children.set(p, [...children.get(p) ?? [], c.sha]);
  const found = /* @__PURE__ */ new Map();
  for (const commit of range) {
    const tags = releaseSubjectTags(commit.subject);
    if (tags === null) continue;
    const at = broughtBy(commit.sha, line, children);
    if (at !== null && !found.has(at)) found.set(at, { at, commit: commit.sha, tags });
  }
  return [...found.values()].sort((a, b) => line.get(a.at) - line.get(b.at));
}
function broughtBy(sha, line, children) {
  let best = null;
  const seen = /* @__PURE__ */ new Set();
  const queue = [sha];
  while (queue.length) {
    const next = queue.pop();
    if (seen.has(next)) continue;
    seen.add(next);
    const distance = line.get(next);
    if (distance !== void 0) {
      if (best === null || distance > line.get(best)) best = next;
      continue;
    }
    queue.push(...children.get(next) ?? []);
  }
  return best;
}
function proposedVersion(config, tags, plan) {
  if (plan.kind !== "release") return null;
  for (const tag of tags) {
    const value = tag.startsWith(config.tagPrefix) ? parseVersion(config.scheme, tag.slice(config.tagPrefix.length)) : null;
    if (value === null || tag === plan.next.tag) continue;
    const above = plan.previous === null || compareVersions(value, plan.previous.value) > 0;
    if (above && (config.scheme.kind === "calver" || compareVersions(value, plan.next.value) > 0)) return value;
  }
  return null;
}

export {
  readRange,
  replaceRemoteBranch,
  releaseBranchOf,
  isReleasePullRequest,
  leftToItsOwnRun,
  proposeRelease,
  closeReleasePullRequest,
  MERGED_CANDIDATES,
  releaseSubjectTags,
  findMergedReleases,
  proposedVersion
};
