import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-2JE2NHMY.js";
import "./chunk-4A36G37Z.js";
import "./chunk-H3QB3RLQ.js";
import "./chunk-5YMLDJFO.js";
import "./chunk-EJWQBSUY.js";
import "./chunk-VNJYUWSJ.js";
import "./chunk-SNH35XLP.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
