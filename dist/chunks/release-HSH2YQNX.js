import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease,
  withReleaseCommit
} from "./chunk-JDO35272.js";
import "./chunk-RPVE7CJW.js";
import "./chunk-WVKMOSYY.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-ZHM2QSYW.js";
import "./chunk-JOPL25WO.js";
import "./chunk-CIVBDLHN.js";
import "./chunk-ABD755OP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-KMR5FNV4.js";
import "./chunk-ZYHF6ZOA.js";
import "./chunk-4523AZVS.js";
import "./chunk-UJXGWLN7.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease,
  withReleaseCommit
};
