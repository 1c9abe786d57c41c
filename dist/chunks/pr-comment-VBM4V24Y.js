import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-RT57PAUN.js";
import "./chunk-W7ZMKAWH.js";
import "./chunk-A5QX35HY.js";
import "./chunk-VFFT7IU4.js";
import "./chunk-HTEUMKQV.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
