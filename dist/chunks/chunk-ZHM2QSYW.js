import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  GitError,
  summarizeGitOutput
} from "./chunk-CIVBDLHN.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/files.ts
import { constants } from "node:fs";
import { lstat, mkdir, open, realpath } from "node:fs/promises";
import { dirname, isAbsolute, matchesGlob, posix, relative, resolve, sep } from "node:path";
async function readWorktreeFile(root, path) {
  const target = await locateInside(root, path);
  let file;
  try {
    file = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw refusedOrRethrown(error, path);
  }
  try {
    if (!(await file.stat()).isFile()) throw unsafe(path, "is not a regular file");
    return await file.readFile("utf8");
  } finally {
    await file.close();
  }
}
async function writeWorktreeFile(root, path, text) {
  const target = await locateInside(root, path);
  await mkdir(dirname(target), { recursive: true });
  await locateInside(root, path);
  let file;
  try {
    file = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 420);
  } catch (error) {
    throw refusedOrRethrown(error, path);
  }
  try {
    await file.writeFile(text);
  } finally {
    await file.close();
  }
}
async function locateInside(root, path) {
  const target = resolve(root, path);
  const inside = relative(root, target);
  if (inside === "" || leavesFolder(inside) || inGitFolder(inside)) throw unsafe(path, "is not a file inside the repository");
  const realRoot = await realpath(root).catch((error) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (realRoot === null) return target;
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    const real = await realpath(folder).catch((error) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
      throw error;
    });
    if (real === null) continue;
    const within = relative(realRoot, real);
    if (leavesFolder(within) || inGitFolder(within)) throw unsafe(path, "leads outside the repository through a symbolic link");
    break;
  }
  const stats = await lstat(target).catch(() => null);
  if (stats?.isSymbolicLink()) throw unsafe(path, "is a symbolic link");
  return target;
}
async function isReallyInside(top, path) {
  const [realTop, real] = await Promise.all([realpath(top).catch(() => null), realpath(path).catch(() => null)]);
  return realTop === null || real === null || !leavesFolder(relative(realTop, real));
}
function leavesFolder(inside) {
  return inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}
function inGitFolder(inside) {
  return inside.split(sep).some((part) => part.toLowerCase() === ".git");
}
function unsafe(path, why) {
  return new VersoError("EUNSAFEPATH", `${path} ${why}: verso reads and writes only regular files inside the repository.`, {
    hint: "Commit the file itself in place of a link, or point the setting at a file inside the repository."
  });
}
function refusedOrRethrown(error, path) {
  return error.code === "ELOOP" ? unsafe(path, "is a symbolic link") : error;
}
async function listFiles(git, at, globs) {
  const matches = (path) => path !== "" && globs.some((glob) => matchesGlob(path, glob));
  if (at === null) {
    const out = await git.run(["ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
    return [...new Set(out.split("\0").filter(matches))].sort();
  }
  const entries = await listTree(git, at, []);
  return [...entries.keys()].filter(matches).sort();
}
async function listTree(git, at, paths) {
  const args = ["ls-tree", "-r", "-z", "--end-of-options", at, ...paths.length ? ["--", ...paths] : []];
  const literal = { env: { GIT_LITERAL_PATHSPECS: "1" } };
  const out = paths.length ? await git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${at}^{tree}`]).then(
    () => git.run(args, literal),
    () => ""
  ) : await git.run(args, literal);
  const files = /* @__PURE__ */ new Map();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("	");
    if (tab === -1) continue;
    const [mode, type, object] = record.slice(0, tab).split(" ");
    if (type === "blob" && (mode === "100644" || mode === "100755") && object) files.set(record.slice(tab + 1), object);
  }
  return files;
}
async function readFilesAt(git, at, paths) {
  if (paths.length === 0) return /* @__PURE__ */ new Map();
  checkPaths(paths);
  const named = new Map(paths.map((path) => [path, posix.normalize(path)]));
  return readObjects(git, await listTree(git, at, [...new Set(named.values())]), named);
}
async function readMatchingFilesAt(git, at, globs, paths) {
  checkPaths(paths);
  const tree = await listTree(git, at, []);
  const matching = [...tree.keys()].filter((path) => globs.some((glob) => matchesGlob(path, glob))).sort();
  const named = new Map([
    ...paths.map((path) => [path, posix.normalize(path)]),
    ...matching.map((path) => [path, path])
  ]);
  return { matching, texts: await readObjects(git, tree, named) };
}
function checkPaths(paths) {
  const bad = paths.find((p) => /[\n\r]/.test(p));
  if (bad !== void 0) {
    throw new VersoError("EGIT", `Cannot read ${JSON.stringify(bad)} from git: a path with a line break.`, { hint: "Rename the file." });
  }
}
async function readObjects(git, tree, named) {
  const texts = /* @__PURE__ */ new Map();
  const wanted = [...named.keys()].filter((path) => tree.has(named.get(path)));
  if (wanted.length === 0) return texts;
  const out = await git.runBuffer(["cat-file", "--batch"], { input: wanted.map((path) => `${tree.get(named.get(path))}
`).join("") });
  let offset = 0;
  for (const path of wanted) {
    const end = out.indexOf(10, offset);
    const header = out.subarray(offset, end).toString("utf8");
    offset = end + 1;
    if (header.endsWith(" missing")) continue;
    const size = Number(header.split(" ")[2]);
    texts.set(path, out.subarray(offset, offset + size).toString("utf8"));
    offset += size + 1;
  }
  return texts;
}

// src/git/release-commit.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix as posix2 } from "node:path";
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
    return (await git.run(["commit-tree", "--no-gpg-sign", "-p", parent, "-F", "-", tree], { env: identity, input: message })).trim();
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
  const inside = !/[\0\r\n\\]/.test(path) && !segments.includes("") && posix2.normalize(path) === path && !segments.includes("..") && !segments.some((s) => s.toLowerCase() === ".git");
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
  readWorktreeFile,
  writeWorktreeFile,
  isReallyInside,
  listFiles,
  readFilesAt,
  readMatchingFilesAt,
  releaseCommitMessage,
  createReleaseCommit,
  readRemoteBranch,
  pushReleaseCommit,
  branchPushError,
  advanceCheckout
};
