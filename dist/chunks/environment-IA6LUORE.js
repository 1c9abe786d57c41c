import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  connectGitHub,
  readGitHubEnvironment
} from "./chunk-36TR3SM4.js";
import "./chunk-7Y5QLBCG.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-IXE7RTMW.js";
export {
  connectGitHub,
  readGitHubEnvironment
};
