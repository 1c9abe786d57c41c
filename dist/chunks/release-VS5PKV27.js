import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-V2VTU4IJ.js";
import "./chunk-WC5GCNNG.js";
import "./chunk-LYPZSVNZ.js";
import "./chunk-4TGM67XB.js";
import "./chunk-DR2ZFFXN.js";
import "./chunk-GRP2FSXL.js";
import "./chunk-YSJ2TRWI.js";
import "./chunk-AA66MWIH.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
