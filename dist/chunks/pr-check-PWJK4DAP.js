import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-O65O33H2.js";
import "./chunk-T3FTRMNQ.js";
import "./chunk-VTA5MIQZ.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-I7GLD3JA.js";
import "./chunk-AA66MWIH.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
