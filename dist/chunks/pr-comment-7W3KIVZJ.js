import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-RQFOKVZ5.js";
import "./chunk-W7ZMKAWH.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-6MBCUGGW.js";
import "./chunk-JUTUS6IP.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
