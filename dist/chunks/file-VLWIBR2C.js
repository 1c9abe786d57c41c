import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parseConfigFile
} from "./chunk-MC2I4SSM.js";
import "./chunk-SVSRETHX.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-2BOKU4E4.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-RQCDCLZU.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  parseConfigFile
};
