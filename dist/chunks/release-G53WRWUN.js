import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  publishSteps,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
} from "./chunk-MAPVVLWT.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-ULVD7XYR.js";
import "./chunk-YGB5YP7C.js";
import "./chunk-3FIRGO2J.js";
import "./chunk-RRLLNRLO.js";
import "./chunk-4DQIALLB.js";
import "./chunk-74UI6HVY.js";
import "./chunk-UB2TRRJM.js";
import "./chunk-BISHF4MH.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-S2IHQ37T.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-ARFXDRTC.js";
import "./chunk-QEOVMMPD.js";
import "./chunk-RLEFWEQI.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  publishSteps,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
};
