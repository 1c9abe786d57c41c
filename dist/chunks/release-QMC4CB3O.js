import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
} from "./chunk-HQXKY76R.js";
import "./chunk-ZHM2QSYW.js";
import "./chunk-74UI6HVY.js";
import "./chunk-26JFRZ5W.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-CIVBDLHN.js";
import "./chunk-UWDZ35BJ.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-2BOKU4E4.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-QZIVPIKN.js";
import "./chunk-QEOVMMPD.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-HESFQDOU.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  withReleaseCommit
};
