import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-ENCDNOKQ.js";
import "./chunk-PY6ZZXOP.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-UZHCNOWG.js";
import "./chunk-3NG2HPCE.js";
import "./chunk-SNDUAHB7.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
