import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  connectGitHub,
  readGitHubEnvironment
} from "./chunk-3UCQ5NIA.js";
import "./chunk-WAHVEVX7.js";
import "./chunk-FJVPBRYT.js";
import "./chunk-IXE7RTMW.js";
export {
  connectGitHub,
  readGitHubEnvironment
};
