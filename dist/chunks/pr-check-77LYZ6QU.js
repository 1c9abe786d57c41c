import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-CSKMLSI6.js";
import "./chunk-QFUAJGGH.js";
import "./chunk-UB2TRRJM.js";
import "./chunk-BISHF4MH.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-S2IHQ37T.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-QEOVMMPD.js";
import "./chunk-RLEFWEQI.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
