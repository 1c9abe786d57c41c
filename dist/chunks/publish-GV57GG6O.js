import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  conflictHint,
  describeConflict,
  describeDistTag,
  describeEarlierUnpublished,
  describeLatestMove,
  describePublishWarning,
  formatSize,
  publishedOutput,
  renderPublishSummary,
  renderPublishText
} from "./chunk-DBTZGFGY.js";
import "./chunk-IXE7RTMW.js";
export {
  conflictHint,
  describeConflict,
  describeDistTag,
  describeEarlierUnpublished,
  describeLatestMove,
  describePublishWarning,
  formatSize,
  publishedOutput,
  renderPublishSummary,
  renderPublishText
};
