import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-77QPBZPY.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-CIVBDLHN.js";
import "./chunk-PY6ZZXOP.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-KX7ZJ2VK.js";
import "./chunk-UZHCNOWG.js";
import "./chunk-3NG2HPCE.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
