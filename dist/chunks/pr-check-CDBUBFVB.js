import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-MK6HZ5TA.js";
import "./chunk-ALORZCDX.js";
import "./chunk-NHX7GBI3.js";
import "./chunk-M3KUQDW6.js";
import "./chunk-F2RLRCYC.js";
import "./chunk-XWPNVQIA.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
