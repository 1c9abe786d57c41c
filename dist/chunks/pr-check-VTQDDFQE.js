import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-P6RPR3V4.js";
import "./chunk-4A36G37Z.js";
import "./chunk-OQLVKMKW.js";
import "./chunk-5YMLDJFO.js";
import "./chunk-EJWQBSUY.js";
import "./chunk-U6JP752Z.js";
import "./chunk-SNH35XLP.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
