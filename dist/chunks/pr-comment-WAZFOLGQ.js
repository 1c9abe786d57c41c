import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPackagesPullRequestReport,
  renderPullRequestReport
} from "./chunk-C5OVNCLR.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-UIIS5I2B.js";
import "./chunk-D5YPD3VC.js";
import "./chunk-UG2JSR42.js";
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
  renderPackagesPullRequestReport,
  renderPullRequestReport
};
