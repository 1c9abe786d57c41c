import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  readEvent
} from "./chunk-UHWAIYU6.js";
import "./chunk-YSJ2TRWI.js";
import "./chunk-IXE7RTMW.js";
export {
  readEvent
};
