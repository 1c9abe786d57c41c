import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-NJD2AOY3.js";
import "./chunk-EM4ABOMO.js";
import "./chunk-6H4JAYIZ.js";
import "./chunk-EODYCJFL.js";
import "./chunk-CLWG73KT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
