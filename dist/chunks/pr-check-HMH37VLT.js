import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-L5REDCXB.js";
import "./chunk-ALORZCDX.js";
import "./chunk-LSEMZYBD.js";
import "./chunk-M3KUQDW6.js";
import "./chunk-YLVHGSTV.js";
import "./chunk-QUOSX7VA.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
