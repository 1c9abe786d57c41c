import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-HB23VSKQ.js";
import "./chunk-DM7KJ3ZM.js";
import "./chunk-VTA5MIQZ.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-6H4JAYIZ.js";
import "./chunk-EODYCJFL.js";
import "./chunk-CLWG73KT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
