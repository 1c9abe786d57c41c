import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-W37FG6AR.js";
import "./chunk-ALORZCDX.js";
import "./chunk-IQCFE2II.js";
import "./chunk-M3KUQDW6.js";
import "./chunk-YLVHGSTV.js";
import "./chunk-XWPNVQIA.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
