import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-HA5GCWC3.js";
import "./chunk-EYTJYIH7.js";
import "./chunk-I7GLD3JA.js";
import "./chunk-AA66MWIH.js";
import "./chunk-2BXQ42UM.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
