import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  PREVIEW_LIMIT,
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-ML7ZROJ3.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  PREVIEW_LIMIT,
  RELEASE_BODY_LIMIT,
  renderNotes
};
