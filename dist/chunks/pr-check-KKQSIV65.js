import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-CV7EGH3J.js";
import "./chunk-FRI2Z6WP.js";
import "./chunk-FOEBZ4B4.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-5SCG6MW4.js";
import "./chunk-7W3RB26B.js";
import "./chunk-3LPUIWIO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
