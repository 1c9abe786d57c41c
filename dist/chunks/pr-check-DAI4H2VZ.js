import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  checkPullRequest
} from "./chunk-34QR6FPF.js";
import "./chunk-26JFRZ5W.js";
import "./chunk-UWDZ35BJ.js";
import "./chunk-2BOKU4E4.js";
import "./chunk-QWN2I4DH.js";
import "./chunk-QEOVMMPD.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-GUUD3MRX.js";
import "./chunk-HESFQDOU.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  checkPullRequest
};
