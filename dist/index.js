import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  isReallyInside
} from "./chunks/chunk-LHPEVOM6.js";
import {
  startFirstReads
} from "./chunks/chunk-FHD5WZQQ.js";
import "./chunks/chunk-QIVDBRGE.js";
import "./chunks/chunk-IXE7RTMW.js";

// src/action/index.ts
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
setFlagsFromString("--semi-space-growth-factor=1");
var workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
var root = resolve(workspace, process.env["INPUT_WORKING-DIRECTORY"]?.trim() || ".");
var remote = ["", "auto"].includes(process.env["INPUT_FETCH-HISTORY"]?.trim() ?? "");
var firstReads = isReallyInside(workspace, root) ? startFirstReads(root, process.env, { branch: false, remote }) : null;
var { run } = await import("./chunks/main-SCGJAYQK.js");
await run(process.env, firstReads);
firstReads?.close();
