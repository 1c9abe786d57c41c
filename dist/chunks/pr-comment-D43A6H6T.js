import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPullRequestReport
} from "./chunk-WQPD5C4Y.js";
import "./chunk-ODFVFHVS.js";
import "./chunk-UZHCNOWG.js";
import "./chunk-3NG2HPCE.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-SNDUAHB7.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  renderPullRequestReport
};
