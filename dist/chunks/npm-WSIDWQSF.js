import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  createNpm,
  npmCommand,
  parseJson,
  readNpmFailure
} from "./chunk-4DQIALLB.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  createNpm,
  npmCommand,
  parseJson,
  readNpmFailure
};
