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
} from "./chunk-I7GLD3JA.js";
import "./chunk-AA66MWIH.js";
import "./chunk-2BXQ42UM.js";
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
