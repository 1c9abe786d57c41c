import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-73WQIBVU.js";
import "./chunk-JOPL25WO.js";
import "./chunk-ABD755OP.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-ZYHF6ZOA.js";
import "./chunk-4523AZVS.js";
import "./chunk-UJXGWLN7.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-SNDUAHB7.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
