import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderNotes
} from "./chunk-KBJW67RA.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-IXE7RTMW.js";
export {
  renderNotes
};
