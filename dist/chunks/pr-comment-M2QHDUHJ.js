import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-ZV7DFSQW.js";
import "./chunk-4A36G37Z.js";
import "./chunk-XXAVPR57.js";
import "./chunk-5YMLDJFO.js";
import "./chunk-SNH35XLP.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
