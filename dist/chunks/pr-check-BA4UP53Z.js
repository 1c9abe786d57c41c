import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-4U7JRP4O.js";
import "./chunk-ALORZCDX.js";
import "./chunk-GZE7GP6F.js";
import "./chunk-M3KUQDW6.js";
import "./chunk-PKNT6OYN.js";
import "./chunk-FEYNV6H3.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
