import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import "./chunk-IXE7RTMW.js";

// src/git/branches.ts
async function readCurrentBranch(git) {
  const found = await git.tryRun(["symbolic-ref", "--quiet", "--short", "HEAD"]);
  return found.code === 0 ? found.stdout.trim() : null;
}
async function readDefaultBranch(git, remote = "origin") {
  const found = await git.tryRun(["symbolic-ref", "--quiet", "--short", `refs/remotes/${remote}/HEAD`]);
  return found.code === 0 ? found.stdout.trim().replace(`${remote}/`, "") : null;
}
async function askDefaultBranch(git, remote = "origin") {
  const found = await git.tryRun(["ls-remote", "--symref", "--end-of-options", remote, "HEAD"]);
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(found.stdout);
  return found.code === 0 && match ? match[1] : null;
}
export {
  askDefaultBranch,
  readCurrentBranch,
  readDefaultBranch
};
