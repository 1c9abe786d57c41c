import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
} from "./chunk-WY2SR3ST.js";
import "./chunk-ZHM2QSYW.js";
import "./chunk-CR4DGGOJ.js";
import "./chunk-TKGLPTCK.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-CIVBDLHN.js";
import "./chunk-W5E57ONX.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-2BOKU4E4.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-QZIVPIKN.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-5IDT65OU.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
};
