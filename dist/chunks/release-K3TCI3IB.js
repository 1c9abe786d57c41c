import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-HIYDQDBU.js";
import "./chunk-PA4A2ZP2.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-CIVBDLHN.js";
import "./chunk-PUI7TLIJ.js";
import "./chunk-J47WP7CX.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-KX7ZJ2VK.js";
import "./chunk-7LXM3PXN.js";
import "./chunk-GV2U7VCO.js";
import "./chunk-Y2CPDIH6.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
