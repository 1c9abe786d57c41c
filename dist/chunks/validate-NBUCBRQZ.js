import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  DEFAULT_MAX_HEADER_LENGTH,
  DEFAULT_TYPES,
  renderProblem,
  stripComments,
  validateMessage,
  validateTitle
} from "./chunk-ALORZCDX.js";
import "./chunk-M3KUQDW6.js";
import "./chunk-IXE7RTMW.js";
export {
  DEFAULT_MAX_HEADER_LENGTH,
  DEFAULT_TYPES,
  renderProblem,
  stripComments,
  validateMessage,
  validateTitle
};
