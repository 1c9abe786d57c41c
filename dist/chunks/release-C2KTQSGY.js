import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-3NQB76BW.js";
import "./chunk-TMPURLYS.js";
import "./chunk-W53I35KV.js";
import "./chunk-IY6OBNUP.js";
import "./chunk-PF4ITNSC.js";
import "./chunk-KRTPHM5X.js";
import "./chunk-A5QX35HY.js";
import "./chunk-HTEUMKQV.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-6FFM6GI3.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
