import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  parseConfigFile
} from "./chunk-KBDSEAYA.js";
import "./chunk-NMQNDSBB.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-S2IHQ37T.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-2PIYKS7F.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  parseConfigFile
};
