import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  packageNameFor,
  planArtifacts
} from "./chunk-RPVE7CJW.js";
import "./chunk-UJXGWLN7.js";
import "./chunk-IXE7RTMW.js";
export {
  packageNameFor,
  planArtifacts
};
