import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  readEvent
} from "./chunk-BQKUOFMR.js";
import "./chunk-6FFM6GI3.js";
import "./chunk-IXE7RTMW.js";
export {
  readEvent
};
