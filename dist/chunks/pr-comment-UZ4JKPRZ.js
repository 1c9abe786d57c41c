import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-ZMMTQPOB.js";
import "./chunk-ALORZCDX.js";
import "./chunk-AE2ITOXX.js";
import "./chunk-M3KUQDW6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
