import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/git.ts
import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/git/first-reads.ts
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
var CURRENT_BRANCH = ["symbolic-ref", "--quiet", "HEAD"];
var ORIGIN_HEAD = ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"];
var TAG_FIELDS = ["%(refname:strip=2)", "%(objecttype)", "%(objectname)", "%(*objecttype)", "%(*objectname)"].join("%00");
var LIST_TAGS = ["for-each-ref", `--format=${TAG_FIELDS}`, "refs/tags"];
var ORIGIN_TAGS = ["ls-remote", "--tags", "--end-of-options", "origin"];
function inspectArgs(revision) {
  return ["rev-parse", "--is-shallow-repository", "--git-path", "shallow", "--end-of-options", `${revision}^{commit}`];
}
function looksShallow(cwd, env) {
  if (env.GIT_DIR !== void 0) return false;
  try {
    for (let dir = cwd; ; dir = dirname(dir)) {
      const git = statSync(join(dir, ".git"), { throwIfNoEntry: false });
      if (git) return git.isDirectory() && statSync(join(dir, ".git", "shallow"), { throwIfNoEntry: false })?.isFile() === true;
      if (dirname(dir) === dir) return false;
    }
  } catch {
    return false;
  }
}
var READS = /* @__PURE__ */ new Set(["rev-parse", "symbolic-ref", "for-each-ref", "log", "rev-list", "cat-file", "ls-files", "ls-tree", "ls-remote"]);
function firstReadsIn(cwd, env, { branch, remote }) {
  return [
    ...remote && looksShallow(cwd, env) ? [{ args: ORIGIN_TAGS, spooled: true }] : [],
    { args: inspectArgs("HEAD"), spooled: false },
    { args: LIST_TAGS, spooled: true },
    ...branch ? [CURRENT_BRANCH, ORIGIN_HEAD].map((args) => ({ args, spooled: false })) : []
  ];
}
function answering(cwd, started) {
  const pending = new Map([...started].map(([key, read]) => [key, read.finished]));
  const pass = (args) => {
    if (!READS.has(subcommand(args))) pending.clear();
  };
  return {
    cwd,
    take(args) {
      const running = pending.get(readKey(args));
      if (!running) {
        pass(args);
        return null;
      }
      pending.delete(readKey(args));
      return running;
    },
    pass,
    close() {
      pending.clear();
      for (const read of started.values()) read.stop();
    }
  };
}
function readKey(args) {
  return args.join("\0");
}
function subcommand(args) {
  let i = 0;
  while (args[i] === "-c") i += 2;
  return args[i] ?? "";
}

// src/git/git.ts
var GitError = class extends VersoError {
  args;
  exitCode;
  stderr;
  constructor(args, exitCode, stderr) {
    super("EGIT", `git ${subcommand(args)} failed (exit ${exitCode}): ${stderr.trim() || "no message"}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
};
var GIT_ENV = { GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", GIT_FLUSH: "0", LC_ALL: "C" };
var MAX_BUFFER = 1 << 30;
function startFirstReads(cwd, env, options) {
  const gitEnv = { ...env, ...GIT_ENV };
  const started = /* @__PURE__ */ new Map();
  for (const { args, spooled } of firstReadsIn(cwd, env, options))
    started.set(readKey(args), (spooled ? runSpooled : runOnce)(args, cwd, gitEnv));
  return answering(cwd, started);
}
function runOnce(args, cwd, env, input) {
  let running = true;
  let child = null;
  const finished = new Promise((resolve) => {
    child = execFile("git", args, { cwd, env, maxBuffer: MAX_BUFFER, encoding: "buffer" }, (error, stdout, stderr) => {
      running = false;
      if (error && typeof error.code !== "number") resolve({ kind: "failed", error });
      else resolve({ kind: "exited", code: error ? Number(error.code) : 0, stdout, stderr: stderr.toString("utf8") });
    });
    if (input !== void 0) {
      child.stdin?.on("error", () => {
      });
      child.stdin?.end(input);
    }
  });
  return { finished, stop: () => void (running && child && end(child)) };
}
function spool(args, cwd, env) {
  const dir = mkdtempSync(join2(tmpdir(), "verso-git-"));
  const path = join2(dir, "stdout");
  const out = openSync(path, "w");
  let running = true;
  let closed = false;
  let removed = false;
  const closeOut = () => {
    if (!closed) closeSync(out);
    closed = true;
  };
  const stderr = [];
  const child = spawn("git", args, { cwd, env, stdio: ["ignore", out, "pipe"] });
  const ended = new Promise((resolve) => {
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (error) => resolve({ kind: "failed", error }));
    child.on("close", (code) => {
      running = false;
      closeOut();
      resolve({ kind: "exited", code: code ?? 1, stderr: Buffer.concat(stderr).toString("utf8") });
    });
  });
  return {
    path,
    ended,
    stop: () => void (running && end(child)),
    remove: () => {
      if (removed) return;
      removed = true;
      closeOut();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
function runSpooled(args, cwd, env) {
  const spooled = spool(args, cwd, env);
  const finished = spooled.ended.then((ended) => {
    if (ended.kind === "failed") return ended;
    try {
      return { ...ended, stdout: readFileSync(spooled.path) };
    } catch (error) {
      return { kind: "failed", error };
    }
  }).finally(spooled.remove);
  return {
    finished,
    stop: () => {
      spooled.stop();
      spooled.remove();
    }
  };
}
function end(child) {
  child.kill();
  for (const stream of [child.stdout, child.stderr]) stream?.destroy();
  child.unref();
}
function createGit(cwd, env = process.env, first = null) {
  const fullEnv = { ...env, ...GIT_ENV };
  const finish = (args, options) => {
    if (first !== null && first.cwd === cwd && options === void 0) {
      const early = first.take(args);
      if (early) return early;
    } else first?.pass(args);
    return runOnce(args, cwd, options?.env ? { ...fullEnv, ...options.env } : fullEnv, options?.input).finished;
  };
  const tryRun = async (args) => {
    const done = await finish(args);
    if (done.kind === "failed") throw spawnFailure(done.error, cwd);
    return { code: done.code, stdout: done.stdout.toString("utf8"), stderr: done.stderr };
  };
  const runBuffer = async (args, options) => {
    const done = await finish(args, options);
    if (done.kind === "failed") throw spawnFailure(done.error, cwd);
    if (done.code !== 0) throw new GitError(args, done.code, done.stderr);
    return done.stdout;
  };
  return {
    cwd,
    tryRun,
    runBuffer,
    run: async (args, options) => (await runBuffer(args, options)).toString("utf8"),
    stream: (args) => {
      first?.pass(args);
      return streamGit(cwd, fullEnv, args);
    }
  };
}
function spawnFailure(error, cwd) {
  if (error.code === "ENOENT" && !existsSync(cwd)) {
    return new VersoError("EUSAGE", `The directory ${cwd} does not exist.`, {
      hint: "Check working-directory (--working-directory): it is relative to the workspace."
    });
  }
  if (error.code === "ENOENT") {
    return new VersoError("EGIT", "git is not installed or not on the PATH.", {
      hint: "Install git (actions/checkout needs it too) and run verso again."
    });
  }
  return new VersoError("EGIT", `Could not run git: ${error.message}`, { cause: error });
}
async function* streamGit(cwd, env, args) {
  const spooled = spool(args, cwd, env);
  try {
    const ended = await spooled.ended;
    if (ended.kind === "failed") throw spawnFailure(ended.error, cwd);
    if (ended.code !== 0) throw new GitError(args, ended.code, ended.stderr);
    const input = await open(spooled.path, "r");
    try {
      let left = (await input.stat()).size;
      for (let read = 1; read > 0; ) {
        const buffer = Buffer.allocUnsafe(Math.min(Math.max(left, 1), 1 << 22));
        read = (await input.read(buffer, 0, buffer.length, null)).bytesRead;
        left -= read;
        if (read > 0) yield buffer.subarray(0, read);
      }
    } finally {
      await input.close();
    }
  } finally {
    spooled.remove();
  }
}

export {
  CURRENT_BRANCH,
  ORIGIN_HEAD,
  LIST_TAGS,
  inspectArgs,
  GitError,
  startFirstReads,
  createGit
};
