import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  describeRollbackRefusal,
  renderRollbackSummary,
  renderRollbackText,
  renderRolledBackNote,
  withRolledBackNote,
  withoutRolledBackNote
} from "./chunk-AUG3TTOV.js";
import "./chunk-UG2JSR42.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  describeRollbackRefusal,
  renderRollbackSummary,
  renderRollbackText,
  renderRolledBackNote,
  withRolledBackNote,
  withoutRolledBackNote
};
