import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-3VMTASW3.js";
import "./chunk-IY6OBNUP.js";
import "./chunk-PF4ITNSC.js";
import "./chunk-VFFT7IU4.js";
import "./chunk-HTEUMKQV.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-6FFM6GI3.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
