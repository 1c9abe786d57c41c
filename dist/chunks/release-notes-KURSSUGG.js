import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  PREVIEW_LIMIT,
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-2VTYTWV7.js";
import "./chunk-CMOI2VLM.js";
import "./chunk-VQ4XX4DD.js";
import "./chunk-IXE7RTMW.js";
export {
  PREVIEW_LIMIT,
  RELEASE_BODY_LIMIT,
  renderNotes
};
