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
} from "./chunk-X5TLEB37.js";
import "./chunk-JO5MNEX4.js";
import "./chunk-PWDXQQJM.js";
import "./chunk-NYP4SII4.js";
import "./chunk-H5HYOF2S.js";
import "./chunk-RRLLNRLO.js";
import "./chunk-4DQIALLB.js";
import "./chunk-CR4DGGOJ.js";
import "./chunk-TO7K5RJ2.js";
import "./chunk-2KL7BICM.js";
import "./chunk-TZLTAOAS.js";
import "./chunk-DMVNCB4S.js";
import "./chunk-L6R23QXP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-A4HLQ4KQ.js";
import "./chunk-ML7ZROJ3.js";
import "./chunk-RL4TNAVL.js";
import "./chunk-Y7TX2PNF.js";
import "./chunk-ODAAM37D.js";
import "./chunk-NSUU273J.js";
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
  publishSteps,
  pullRequestsOf,
  releaseCommitOf,
  releaseCommitRequest,
  runRelease,
  signingRequest,
  withReleaseCommit,
  writeProposal
};
