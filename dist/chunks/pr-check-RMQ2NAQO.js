import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-O7VYTYKI.js";
import "./chunk-JGEHUDNY.js";
import "./chunk-PMVK7DIG.js";
import "./chunk-VFFT7IU4.js";
import "./chunk-HTEUMKQV.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-YSJ2TRWI.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
