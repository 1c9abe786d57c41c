import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  readEvent
} from "./chunk-4TGBKZGI.js";
import "./chunk-VQ4XX4DD.js";
import "./chunk-IXE7RTMW.js";
export {
  readEvent
};
