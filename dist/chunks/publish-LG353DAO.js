import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  describeConflict,
  describeDistTag,
  describeLatestMove,
  describePublishWarning,
  formatSize,
  publishedOutput,
  renderPublishSummary,
  renderPublishText
} from "./chunk-L3HLA5IC.js";
import "./chunk-IXE7RTMW.js";
export {
  describeConflict,
  describeDistTag,
  describeLatestMove,
  describePublishWarning,
  formatSize,
  publishedOutput,
  renderPublishSummary,
  renderPublishText
};
