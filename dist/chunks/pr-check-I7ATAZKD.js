import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-RKSAWOUP.js";
import "./chunk-X3SDBYNO.js";
import "./chunk-E4GXAUXP.js";
import "./chunk-6MBCUGGW.js";
import "./chunk-JUTUS6IP.js";
import "./chunk-G27QDBJF.js";
import "./chunk-6FFM6GI3.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
