import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  publishSteps,
  pullRequestsOf,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  signingRequest,
  withReleaseCommit,
  writeProposal
} from "./chunk-O33PLGYA.js";
import "./chunk-DRSDQ7YL.js";
import "./chunk-JO5MNEX4.js";
import "./chunk-6SHZNJZH.js";
import "./chunk-5AAX7NRC.js";
import "./chunk-Y7TX2PNF.js";
import "./chunk-ODAAM37D.js";
import "./chunk-XEWIFGC5.js";
import "./chunk-RRLLNRLO.js";
import "./chunk-4DQIALLB.js";
import "./chunk-CR4DGGOJ.js";
import "./chunk-SPXRLQTL.js";
import "./chunk-D2FRFH7T.js";
import "./chunk-YWPFEZLQ.js";
import "./chunk-JXRXIIPL.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-OIMHAFPS.js";
import "./chunk-CKOUWFXA.js";
import "./chunk-LHPEVOM6.js";
import "./chunk-472NAMYV.js";
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
  publishSteps,
  pullRequestsOf,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  signingRequest,
  withReleaseCommit,
  writeProposal
};
