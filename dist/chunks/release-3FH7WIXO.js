import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  publishSteps,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  signingRequest,
  withReleaseCommit
} from "./chunk-N22UGJ5N.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-BDQ7FU4E.js";
import "./chunk-TIYRQB6U.js";
import "./chunk-WT2GTSXX.js";
import "./chunk-RRLLNRLO.js";
import "./chunk-4DQIALLB.js";
import "./chunk-CR4DGGOJ.js";
import "./chunk-4O3OCH37.js";
import "./chunk-6F2RJZQG.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-ARFXDRTC.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-S4ZGTR2X.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  publishSteps,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  signingRequest,
  withReleaseCommit
};
