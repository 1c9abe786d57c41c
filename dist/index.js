import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  startFirstReads
} from "./chunks/chunk-DMVNCB4S.js";
import "./chunks/chunk-QIVDBRGE.js";
import "./chunks/chunk-IXE7RTMW.js";

// src/action/index.ts
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
setFlagsFromString("--semi-space-growth-factor=1");
var root = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), process.env["INPUT_WORKING-DIRECTORY"]?.trim() || ".");
var firstReads = startFirstReads(root, process.env, { branch: false });
var { run } = await import("./chunks/main-THMMNTM7.js");
await run(process.env, firstReads);
firstReads.close();
