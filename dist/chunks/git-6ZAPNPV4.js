import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  GitError,
  createGit,
  startFirstReads
} from "./chunk-FHD5WZQQ.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  GitError,
  createGit,
  startFirstReads
};
