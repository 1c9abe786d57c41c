import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  DEFAULT_IMAGE_FILE,
  ImageConfigError,
  RELEASE_BLOCK_SCHEMA,
  buildImage,
  checkImage,
  describeProblem,
  inferImpact,
  loadTypes,
  parseImage,
  renderImage,
  renderImageCheck
} from "./chunk-6A3LXT6I.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-RQCDCLZU.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  DEFAULT_IMAGE_FILE,
  ImageConfigError,
  RELEASE_BLOCK_SCHEMA,
  buildImage,
  checkImage,
  describeProblem,
  inferImpact,
  loadTypes,
  parseImage,
  renderImage,
  renderImageCheck
};
