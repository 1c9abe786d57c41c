import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  briefWhy,
  packagesReleases,
  releasedPackages,
  renderPackagesJson,
  renderPackagesResult,
  renderPackagesSummary,
  renderPackagesText
} from "./chunk-UIIS5I2B.js";
import "./chunk-D5YPD3VC.js";
import "./chunk-UG2JSR42.js";
import "./chunk-ZYHF6ZOA.js";
import "./chunk-4523AZVS.js";
import "./chunk-UJXGWLN7.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";
export {
  briefWhy,
  packagesReleases,
  releasedPackages,
  renderPackagesJson,
  renderPackagesResult,
  renderPackagesSummary,
  renderPackagesText
};
