import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  connectGitHub,
  readGitHubEnvironment
} from "./chunk-ANOT7MXY.js";
import "./chunk-7Y5QLBCG.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-IXE7RTMW.js";
export {
  connectGitHub,
  readGitHubEnvironment
};
