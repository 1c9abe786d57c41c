import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/files.ts
import { constants, realpathSync } from "node:fs";
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
function isReallyInside(top, path) {
  const real = (at) => {
    try {
      return realpathSync(at);
    } catch {
      return null;
    }
  };
  const [realTop, realPath] = [real(top), real(path)];
  return realTop === null || realPath === null || !leavesFolder(relative(realTop, realPath));
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
  await prefetchBlobs(
    git,
    wanted.map((path) => tree.get(named.get(path)))
  );
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
async function prefetchBlobs(git, oids) {
  const promisor = await git.tryRun(["config", "--get", "remote.origin.promisor"]);
  if (promisor.code !== 0 || promisor.stdout.trim() !== "true") return;
  await git.tryRun([
    "-c",
    "fetch.negotiationAlgorithm=noop",
    "fetch",
    "--no-tags",
    "--quiet",
    "--no-write-fetch-head",
    "--filter=blob:none",
    "origin",
    ...new Set(oids)
  ]);
}

export {
  readWorktreeFile,
  writeWorktreeFile,
  isReallyInside,
  listFiles,
  readFilesAt,
  readMatchingFilesAt
};
