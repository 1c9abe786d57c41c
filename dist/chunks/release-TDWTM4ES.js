import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-PADGJBHR.js";
import "./chunk-FGOS5RZE.js";
import "./chunk-DM7KJ3ZM.js";
import "./chunk-VTA5MIQZ.js";
import "./chunk-WAHVEVX7.js";
import "./chunk-J52O2RUH.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-EODYCJFL.js";
import "./chunk-CLWG73KT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
