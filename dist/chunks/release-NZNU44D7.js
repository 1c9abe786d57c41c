import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  fetchMissingTags,
  publishSteps,
  pullRequestsOf,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  signingRequest,
  withReleaseCommit,
  writeProposal
} from "./chunk-U2MY6XPI.js";
import "./chunk-TJ5YNXCT.js";
import "./chunk-JO5MNEX4.js";
import "./chunk-6SHZNJZH.js";
import "./chunk-5AAX7NRC.js";
import "./chunk-Y7TX2PNF.js";
import "./chunk-ODAAM37D.js";
import "./chunk-XEWIFGC5.js";
import "./chunk-DBTZGFGY.js";
import "./chunk-4DQIALLB.js";
import "./chunk-CR4DGGOJ.js";
import "./chunk-CFJ5KQBI.js";
import "./chunk-SN7RSUOQ.js";
import "./chunk-LK73LO5H.js";
import "./chunk-JXRXIIPL.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-OIMHAFPS.js";
import "./chunk-CKOUWFXA.js";
import "./chunk-LHPEVOM6.js";
import "./chunk-FHD5WZQQ.js";
import "./chunk-L6R23QXP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-ML7ZROJ3.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  fetchMissingTags,
  publishSteps,
  pullRequestsOf,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  signingRequest,
  withReleaseCommit,
  writeProposal
};
