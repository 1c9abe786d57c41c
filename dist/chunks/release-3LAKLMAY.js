import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-X3Z6PKL6.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-CIVBDLHN.js";
import "./chunk-R4PDFSCR.js";
import "./chunk-TNONGGY2.js";
import "./chunk-KX7ZJ2VK.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
