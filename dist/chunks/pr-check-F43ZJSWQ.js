import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-TBWDJNCX.js";
import "./chunk-BOWNWMF3.js";
import "./chunk-TO7K5RJ2.js";
import "./chunk-2KL7BICM.js";
import "./chunk-TZLTAOAS.js";
import "./chunk-DMVNCB4S.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-JXRXIIPL.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-OIMHAFPS.js";
import "./chunk-XRVZBWNX.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
