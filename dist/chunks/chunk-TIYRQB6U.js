import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  GitError,
  NO_SIGNING,
  gitSigning,
  summarizeGitOutput
} from "./chunk-WT2GTSXX.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/release-commit.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
function releaseCommitMessage(tags) {
  return `chore(release): ${tags.join(", ")}`;
}
async function createReleaseCommit(git, options) {
  const parent = await resolveCommit(git, options.parent);
  const prefix = (await git.run(["rev-parse", "--show-prefix"])).trim();
  const files = options.files.map((file) => ({ ...file, path: `${prefix}${checkPath(file.path)}` }));
  const paths = files.map((f) => f.path);
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice !== void 0) throw new Error(`createReleaseCommit: ${twice} is given twice`);
  const modes = await readModes(git, parent, paths);
  const entries = [];
  for (const file of files) {
    const mode = modes.get(file.path) ?? "100644";
    if (mode !== "100644" && mode !== "100755") throw notAFile(file.path, mode);
    const blob = (await git.run(["hash-object", "-w", "--no-filters", "--stdin"], { input: file.text })).trim();
    entries.push(`${mode} ${blob}	${file.path}\0`);
  }
  const dir = await mkdtemp(join(tmpdir(), "verso-index-"));
  try {
    const env = { GIT_INDEX_FILE: join(dir, "index") };
    await git.run(["read-tree", "--end-of-options", parent], { env });
    await git.run(["update-index", "-z", "--index-info"], { env, input: entries.join("") });
    const tree = (await git.run(["write-tree"], { env })).trim();
    const { name, email } = options.author;
    const identity = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
    const message = options.message.endsWith("\n") ? options.message : `${options.message}
`;
    const signing = gitSigning(options.signing ?? NO_SIGNING);
    const sign = options.signing && options.signing.kind !== "none" ? "-S" : "--no-gpg-sign";
    return (await git.run([...signing.config, "commit-tree", sign, "-p", parent, "-F", "-", tree], {
      env: { ...signing.env, ...identity },
      input: message
    })).trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function resolveCommit(git, rev) {
  const found = await git.tryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  if (found.code !== 0) throw new VersoError("EGIT", `Cannot make the release commit: ${rev} is not a commit of this repository.`);
  return found.stdout.trim();
}
function checkPath(path) {
  const segments = path.split("/");
  const inside = !/[\0\r\n\\]/.test(path) && !segments.includes("") && posix.normalize(path) === path && !segments.includes("..") && !segments.some((s) => s.toLowerCase() === ".git");
  if (inside) return path;
  throw new VersoError("EUNSAFEPATH", `${JSON.stringify(path)} is not a file inside the repository: verso commits only files inside it.`, {
    hint: "Name the file relative to the working directory, with `/` between folders (packages/a/package.json)."
  });
}
async function readModes(git, commit, paths) {
  const out = await git.run(["ls-tree", "-z", "--full-tree", "--end-of-options", commit, "--", ...paths], {
    env: { GIT_LITERAL_PATHSPECS: "1" }
  });
  const modes = /* @__PURE__ */ new Map();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("	");
    if (tab !== -1) modes.set(record.slice(tab + 1), record.split(" ")[0]);
  }
  return modes;
}
function notAFile(path, mode) {
  const what = mode === "120000" ? "a symbolic link" : mode === "160000" ? "a submodule" : "a folder";
  return new VersoError("EUNSAFEPATH", `${path} is ${what} in the repository, not a file: verso does not replace it with one.`, {
    hint: "Point version-files or changelog-file at a regular file."
  });
}
async function readRemoteBranch(git, remote, branch) {
  const ref = `refs/heads/${branch}`;
  let out;
  try {
    out = await git.run(["ls-remote", "--heads", "--end-of-options", remote, ref]);
  } catch (error) {
    if (error instanceof GitError) throw unreachable(remote, error.stderr);
    throw error;
  }
  for (const line of out.split("\n")) {
    const [oid, name] = line.split("	");
    if (name === ref && oid) return oid;
  }
  return null;
}
async function pushReleaseCommit(git, remote, branch, sha, expected) {
  const ref = `refs/heads/${branch}`;
  const descends = await git.tryRun(["merge-base", "--is-ancestor", "--end-of-options", expected, sha]);
  if (descends.code !== 0) {
    const now2 = await readRemoteBranch(git, remote, branch);
    return { kind: "moved", remoteSha: now2, message: `${short(sha)} does not build on ${short(expected)}` };
  }
  const result = await git.tryRun([
    "push",
    "--porcelain",
    "--no-verify",
    `--force-with-lease=${ref}:${expected}`,
    "--end-of-options",
    remote,
    `${sha}:${ref}`
  ]);
  if (result.code === 0) return { kind: "pushed" };
  const output = `${result.stderr}
${result.stdout}`;
  const now = await readRemoteBranch(git, remote, branch);
  if (now === sha) return { kind: "pushed" };
  if (now !== expected) return { kind: "moved", remoteSha: now, message: summarizeGitOutput(output) };
  if (/\[remote rejected\]|denied|403|protected|forbidden|not allowed|permission|GH006|GH013|hook declined/i.test(output)) {
    return { kind: "denied", message: summarizeGitOutput(output) };
  }
  throw new VersoError("EPUSH", `Could not push the release commit to ${branch}: ${summarizeGitOutput(output) || "no message"}`, {
    hint: `Nothing was tagged or published. Check that the remote \`${remote}\` is reachable and run again.`
  });
}
function branchPushError(result, branch, expected) {
  switch (result.kind) {
    case "moved": {
      const where = result.remoteSha === null ? "is gone from the remote" : `is at ${short(result.remoteSha)} now`;
      return new VersoError("EPUSH", `The branch ${branch} moved while this run released ${short(expected)}: it ${where}.`, {
        hint: "Nothing was pushed, tagged or published. Run again: the next run releases the branch as it is then."
      });
    }
    case "denied":
      return new VersoError("EPUSH", `The remote refused the release commit on ${branch}: ${result.message}`, {
        hint: "Nothing was tagged or published. A protected branch or ruleset must let the token push to it (a bypass for the app or user verso runs as), with `permissions: contents: write`; or leave out version-files and changelog-file, and verso releases without a commit."
      });
    default:
      return assertNever(result);
  }
}
async function advanceCheckout(git, branch, parent, sha) {
  const ref = `refs/heads/${branch}`;
  const head = await git.tryRun(["rev-parse", "--verify", "--quiet", "HEAD"]);
  const symbolic = await git.tryRun(["symbolic-ref", "--quiet", "HEAD"]);
  const onBranch = symbolic.code === 0 ? symbolic.stdout.trim() === ref : true;
  const local = await git.tryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", ref]);
  const branchAtParent = local.code === 0 && local.stdout.trim() === parent;
  const message = `verso: release commit ${short(sha)}`;
  if (head.code === 0 && head.stdout.trim() === parent && onBranch) {
    await git.tryRun(["update-index", "-q", "--refresh"]);
    const moved = await git.tryRun(["read-tree", "-m", "-u", "--end-of-options", parent, sha]);
    if (moved.code !== 0) {
      const reason = `the release commit's files have local changes (${summarizeGitOutput(moved.stderr) || "no message"})`;
      return { kind: "left", reason };
    }
    await git.run(["update-ref", "--no-deref", "-m", message, symbolic.code === 0 ? ref : "HEAD", sha, parent]);
    if (symbolic.code !== 0 && branchAtParent) await git.run(["update-ref", "-m", message, ref, sha, parent]);
    return { kind: "advanced" };
  }
  if (branchAtParent) {
    await git.run(["update-ref", "-m", message, ref, sha, parent]);
    return { kind: "branch-only" };
  }
  return { kind: "left", reason: `neither HEAD nor ${branch} is at ${short(parent)}` };
}
function unreachable(remote, message) {
  return new VersoError("EGIT", `Could not reach the remote \`${remote}\`: ${summarizeGitOutput(message) || "no message"}`, {
    hint: "Check out with actions/checkout (it stores the credentials git needs), or make sure the remote exists and is reachable."
  });
}
function short(sha) {
  return sha.slice(0, 7);
}
function assertNever(value) {
  throw new Error(`branchPushError: unexpected result ${JSON.stringify(value)}`);
}

export {
  releaseCommitMessage,
  createReleaseCommit,
  readRemoteBranch,
  pushReleaseCommit,
  branchPushError,
  advanceCheckout
};
