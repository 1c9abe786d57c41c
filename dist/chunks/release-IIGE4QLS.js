import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  runRelease
} from "./chunk-FPEOMRYW.js";
import "./chunk-EJWQBSUY.js";
import "./chunk-FRI2Z6WP.js";
import "./chunk-FOEBZ4B4.js";
import "./chunk-7Y5QLBCG.js";
import "./chunk-JGERCEJS.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-7W3RB26B.js";
import "./chunk-3LPUIWIO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  runRelease
};
