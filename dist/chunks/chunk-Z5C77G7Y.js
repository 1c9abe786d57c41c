import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-FJVPBRYT.js";

// src/git/files.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, matchesGlob, resolve } from "node:path";
async function readWorktreeFile(root, path) {
  try {
    return await readFile(resolve(root, path), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
async function listFiles(git, at, globs) {
  const args = at === null ? ["ls-files", "-z", "--cached", "--others", "--exclude-standard"] : ["ls-tree", "-r", "-z", "--name-only", "--end-of-options", at];
  const out = await git.run(args);
  const files = new Set(out.split("\0").filter((path) => path && globs.some((glob) => matchesGlob(path, glob))));
  return [...files].sort();
}
async function readFilesAt(git, at, paths) {
  const texts = /* @__PURE__ */ new Map();
  if (paths.length === 0) return texts;
  const bad = paths.find((p) => /[\n\r]/.test(p));
  if (bad !== void 0) throw new VersoError("EGIT", `Cannot read ${JSON.stringify(bad)} from git: a path with a line break.`, { hint: "Rename the file." });
  const out = await git.runBuffer(["cat-file", "--batch"], { input: paths.map((p) => `${at}:./${p}
`).join("") });
  let offset = 0;
  for (const path of paths) {
    const end = out.indexOf(10, offset);
    const header = out.subarray(offset, end).toString("utf8");
    offset = end + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) continue;
    const size = Number(header.split(" ")[2]);
    texts.set(path, out.subarray(offset, offset + size).toString("utf8"));
    offset += size + 1;
  }
  return texts;
}
async function writeWorktreeFile(root, path, text) {
  const target = resolve(root, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}

export {
  readWorktreeFile,
  listFiles,
  readFilesAt,
  writeWorktreeFile
};
