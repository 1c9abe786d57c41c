import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  packageNameFor,
  planArtifacts
} from "./chunk-CR4DGGOJ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-IXE7RTMW.js";
export {
  packageNameFor,
  planArtifacts
};
