import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parseConfigFile
} from "./chunk-RFI3SLB4.js";
import "./chunk-L2C4AZKP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-2BOKU4E4.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-2PIYKS7F.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  parseConfigFile
};
