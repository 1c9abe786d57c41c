import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-3KPS6PM6.js";
import "./chunk-ALORZCDX.js";
import "./chunk-7VXOF5L2.js";
import "./chunk-M3KUQDW6.js";
import "./chunk-DE64HZEF.js";
import "./chunk-PKNT6OYN.js";
import "./chunk-WQRETA4D.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
