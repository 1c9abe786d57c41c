import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-IGXON3AD.js";
import "./chunk-BUMNCSM6.js";
import "./chunk-5SCG6MW4.js";
import "./chunk-7W3RB26B.js";
import "./chunk-3LPUIWIO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
