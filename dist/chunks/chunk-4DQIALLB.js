import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/npm/npm.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
var NPM_ENV = {
  npm_config_update_notifier: "false",
  npm_config_fund: "false",
  npm_config_audit: "false",
  npm_config_progress: "false"
};
var MAX_BUFFER = 1 << 28;
function createNpm(options) {
  const [program, ...first] = options.command;
  if (program === void 0) throw new Error("createNpm needs a command");
  const env = { ...options.env, ...NPM_ENV };
  return {
    run: (args, { cwd }) => new Promise((resolve, reject) => {
      execFile(program, [...first, ...args], { cwd, env, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(spawnFailure(error, program));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      });
    })
  };
}
function npmCommand(env, platform = process.platform) {
  if (platform !== "win32") return ["npm"];
  const path = env.PATH ?? env.Path ?? "";
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const cli = join(dir, "node_modules", "npm", "bin", "npm-cli.js");
    if (!existsSync(join(dir, "npm.cmd")) || !existsSync(cli)) continue;
    const node = join(dir, "node.exe");
    return [existsSync(node) ? node : process.execPath, cli];
  }
  throw new VersoError("ENPM", "npm is not on the PATH, so nothing can be published.", {
    hint: "Install Node.js with npm on the runner (actions/setup-node), or set publish: none."
  });
}
function spawnFailure(error, program) {
  if (error.code === "ENOENT") {
    return new VersoError("ENPM", `${program} is not installed or not on the PATH, so nothing can be published.`, {
      hint: "Install Node.js with npm on the runner (actions/setup-node), or set publish: none."
    });
  }
  return new VersoError("ENPM", `Could not run npm: ${error.message}`, { cause: error });
}
function readNpmFailure(result) {
  const said = jsonFailure(parseJson(result.stdout)) ?? jsonFailure(parseJson(jsonPart(result.stderr)));
  if (said) return said;
  const lines = result.stderr.split("\n").map((l) => l.replace(/^npm (?:error|ERR!) ?/, "").trim());
  const code = /^code (\S+)/.exec(lines.find((l) => l.startsWith("code ")) ?? "")?.[1] ?? null;
  const summary = lines.find((l) => l && !l.startsWith("code ") && !l.startsWith("A complete log") && !/^[{}[\]"]/.test(l)) ?? "";
  return { code, summary: firstLine(summary) || `npm exited with ${result.code}` };
}
function jsonFailure(json) {
  const error = json && typeof json === "object" && "error" in json ? json.error : null;
  if (!error || typeof error !== "object") return null;
  const { code, summary } = error;
  if (typeof summary !== "string" && typeof code !== "string") return null;
  return { code: typeof code === "string" ? code : null, summary: typeof summary === "string" ? firstLine(summary) : "" };
}
function jsonPart(text) {
  const lines = text.split("\n").map((l) => l.replace(/^npm (?:error|ERR!) ?/, ""));
  const start = lines.findIndex((l) => l.trim() === "{");
  const end = lines.findLastIndex((l) => l.trim() === "}");
  return start === -1 || end < start ? "" : lines.slice(start, end + 1).join("\n");
}
function parseJson(text) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return null;
  }
}
function firstLine(text) {
  const line = text.split("\n")[0].trim();
  return line.length > 300 ? `${line.slice(0, 300)}\u2026` : line;
}

export {
  createNpm,
  npmCommand,
  readNpmFailure,
  parseJson
};
