import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-FJVPBRYT.js";

// src/git/git.ts
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
function createGit(cwd, env = process.env) {
  const fullEnv = { ...env, ...GIT_ENV };
  const tryRun = (args) => new Promise((resolve, reject) => {
    execFile("git", args, { cwd, env: fullEnv, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(spawnFailure(error, cwd));
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
  const runBuffer = (args, options) => new Promise((resolve, reject) => {
    const env2 = options?.env ? { ...fullEnv, ...options.env } : fullEnv;
    const child = execFile("git", args, { cwd, env: env2, maxBuffer: MAX_BUFFER, encoding: "buffer" }, (error, stdout, stderr) => {
      if (!error) resolve(stdout);
      else if (typeof error.code === "number") reject(new GitError(args, error.code, stderr.toString("utf8")));
      else reject(spawnFailure(error, cwd));
    });
    if (options?.input !== void 0) child.stdin?.end(options.input);
  });
  return {
    cwd,
    tryRun,
    runBuffer,
    run: async (args, options) => (await runBuffer(args, options)).toString("utf8"),
    stream: (args) => streamGit(cwd, fullEnv, args)
  };
}
function subcommand(args) {
  let i = 0;
  while (args[i] === "-c") i += 2;
  return args[i] ?? "";
}
function spawnFailure(error, cwd) {
  if (error.code === "ENOENT" && !existsSync(cwd)) {
    return new VersoError("EUSAGE", `The directory ${cwd} does not exist.`, { hint: "Check working-directory (--working-directory): it is relative to the workspace." });
  }
  if (error.code === "ENOENT") {
    return new VersoError("EGIT", "git is not installed or not on the PATH.", {
      hint: "Install git (actions/checkout needs it too) and run verso again."
    });
  }
  return new VersoError("EGIT", `Could not run git: ${error.message}`, { cause: error });
}
async function* streamGit(cwd, env, args) {
  const dir = await mkdtemp(join(tmpdir(), "verso-git-"));
  try {
    const path = join(dir, "stdout");
    const out = await open(path, "w");
    const stderr = [];
    const code = await new Promise((resolve, reject) => {
      const child = spawn("git", args, { cwd, env, stdio: ["ignore", out.fd, "pipe"] });
      child.stderr.on("data", (chunk) => stderr.push(chunk));
      child.on("error", (error) => reject(spawnFailure(error, cwd)));
      child.on("close", (exit) => resolve(exit ?? 1));
    }).finally(() => out.close());
    if (code !== 0) throw new GitError(args, code, Buffer.concat(stderr).toString("utf8"));
    const input = await open(path, "r");
    try {
      for (let read = 1; read > 0; ) {
        const buffer = Buffer.allocUnsafe(1 << 22);
        read = (await input.read(buffer, 0, buffer.length, null)).bytesRead;
        if (read > 0) yield buffer.subarray(0, read);
      }
    } finally {
      await input.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export {
  GitError,
  createGit
};
