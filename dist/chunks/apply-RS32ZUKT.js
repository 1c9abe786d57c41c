import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  applyOptions,
  applyPlan,
  describeApply
} from "./chunk-AMC6JUTC.js";
import "./chunk-DE64HZEF.js";
import "./chunk-PKNT6OYN.js";
import "./chunk-7Y5QLBCG.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-IXE7RTMW.js";
export {
  applyOptions,
  applyPlan,
  describeApply
};
