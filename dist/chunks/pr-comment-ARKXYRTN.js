import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-VZNVIHFK.js";
import "./chunk-S5KBGZY4.js";
import "./chunk-UG2JSR42.js";
import "./chunk-ZYHF6ZOA.js";
import "./chunk-4523AZVS.js";
import "./chunk-UJXGWLN7.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-SNDUAHB7.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
