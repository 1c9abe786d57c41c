import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-MP2CIZI4.js";
import "./chunk-6O3K542I.js";
import "./chunk-B6WXTGPW.js";
import "./chunk-6QO6W32Z.js";
import "./chunk-MW2JCYTT.js";
import "./chunk-G27QDBJF.js";
import "./chunk-6FFM6GI3.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
