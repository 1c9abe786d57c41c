import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parseConfigFile
} from "./chunk-WSFKEK5U.js";
import "./chunk-OTYTKX5U.js";
import "./chunk-L6R23QXP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-RQCDCLZU.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  parseConfigFile
};
