import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  readEvent
} from "./chunk-3M2DZP3R.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-IXE7RTMW.js";
export {
  readEvent
};
