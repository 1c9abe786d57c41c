import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-LA5PPGN3.js";
import "./chunk-TMPURLYS.js";
import "./chunk-W53I35KV.js";
import "./chunk-X3SDBYNO.js";
import "./chunk-E4GXAUXP.js";
import "./chunk-QXTCKUVR.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-JUTUS6IP.js";
import "./chunk-G27QDBJF.js";
import "./chunk-6FFM6GI3.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
