import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-OFGG6J2D.js";
import "./chunk-AVCPBJ62.js";
import "./chunk-3KMTYPSE.js";
import "./chunk-4KJJ7H7L.js";
import "./chunk-4DXEJGL7.js";
import "./chunk-2VTYTWV7.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-VQ4XX4DD.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
