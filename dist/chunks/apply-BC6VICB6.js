import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  applyOptions,
  applyPlan,
  describeApply
} from "./chunk-7TMGQF27.js";
import "./chunk-EJWQBSUY.js";
import "./chunk-7Y5QLBCG.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-IXE7RTMW.js";
export {
  applyOptions,
  applyPlan,
  describeApply
};
