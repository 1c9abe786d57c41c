import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  packageNameFor,
  planArtifacts
} from "./chunk-74UI6HVY.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-IXE7RTMW.js";
export {
  packageNameFor,
  planArtifacts
};
