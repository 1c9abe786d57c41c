import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  publishSteps,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
} from "./chunk-M5AJBK43.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-5V4ANASZ.js";
import "./chunk-YGB5YP7C.js";
import "./chunk-3FIRGO2J.js";
import "./chunk-L3HLA5IC.js";
import "./chunk-YCMEPKTR.js";
import "./chunk-74UI6HVY.js";
import "./chunk-RMOAXPZQ.js";
import "./chunk-BISHF4MH.js";
import "./chunk-HESFQDOU.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-S2IHQ37T.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-QZIVPIKN.js";
import "./chunk-QEOVMMPD.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  publishSteps,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
};
