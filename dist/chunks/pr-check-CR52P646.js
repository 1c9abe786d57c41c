import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-D5Z5NFY2.js";
import "./chunk-LYPZSVNZ.js";
import "./chunk-4TGM67XB.js";
import "./chunk-YSJ2TRWI.js";
import "./chunk-I7GLD3JA.js";
import "./chunk-AA66MWIH.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
