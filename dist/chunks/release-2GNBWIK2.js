import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-62LMK2G4.js";
import "./chunk-FGOS5RZE.js";
import "./chunk-T3FTRMNQ.js";
import "./chunk-VTA5MIQZ.js";
import "./chunk-WAHVEVX7.js";
import "./chunk-J52O2RUH.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-AA66MWIH.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
