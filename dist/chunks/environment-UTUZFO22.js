import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  connectGitHub,
  readGitHubEnvironment
} from "./chunk-P2UXJVX5.js";
import "./chunk-DR2ZFFXN.js";
import "./chunk-YSJ2TRWI.js";
import "./chunk-IXE7RTMW.js";
export {
  connectGitHub,
  readGitHubEnvironment
};
