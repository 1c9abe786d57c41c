import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  DEFAULT_MAX_HEADER_LENGTH,
  DEFAULT_TYPES,
  checkSquashTitle,
  renderProblem,
  stripComments,
  validateMessage,
  validateTitle
} from "./chunk-UUB7T2DM.js";
import "./chunk-CKOUWFXA.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";
export {
  DEFAULT_MAX_HEADER_LENGTH,
  DEFAULT_TYPES,
  checkSquashTitle,
  renderProblem,
  stripComments,
  validateMessage,
  validateTitle
};
