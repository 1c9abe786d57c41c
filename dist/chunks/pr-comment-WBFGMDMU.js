import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-2CC7JYQA.js";
import "./chunk-GQCANFES.js";
import "./chunk-7LXM3PXN.js";
import "./chunk-FMLFDY62.js";
import "./chunk-GV2U7VCO.js";
import "./chunk-Y2CPDIH6.js";
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
