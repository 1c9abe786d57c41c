#!/usr/bin/env node
import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import "./chunks/chunk-IXE7RTMW.js";

// src/cli/index.ts
import * as nodeModule from "node:module";
import { setFlagsFromString } from "node:v8";

// src/cli/node-version.ts
var OLDEST_NODE = { major: 22, minor: 17 };
function unsupportedNode(version) {
  const m = /^v?(\d+)\.(\d+)\./.exec(version);
  const [major, minor] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (major > OLDEST_NODE.major || major === OLDEST_NODE.major && minor >= OLDEST_NODE.minor) return null;
  const oldest = `${OLDEST_NODE.major}.${OLDEST_NODE.minor}`;
  return `verso needs Node.js ${oldest} or later, and this is Node.js ${version.replace(/^v/, "")}: install Node.js 24 (LTS), or ${OLDEST_NODE.major} from ${oldest} on.`;
}

// src/cli/index.ts
var NOT_PLANNING = /* @__PURE__ */ new Set(["help", "--help", "-h", "--version", "-V", "migrate", "lint-commit"]);
var refusal = unsupportedNode(process.versions.node);
if (refusal !== null) {
  process.stderr.write(`verso: ${refusal}
`);
  process.exit(1);
}
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
setFlagsFromString("--semi-space-growth-factor=1");
nodeModule.enableCompileCache();
var argv = process.argv.slice(2);
var plans = !argv.some((word) => NOT_PLANNING.has(word));
var remote = !argv.some((word) => word.startsWith("--fetch-history"));
var firstReads = plans ? (await import("./chunks/git-6ZAPNPV4.js")).startFirstReads(process.cwd(), process.env, { branch: true, remote }) : null;
var { main } = await import("./chunks/main-AROCU4PJ.js");
process.exitCode = await main(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  firstReads
});
firstReads?.close();
