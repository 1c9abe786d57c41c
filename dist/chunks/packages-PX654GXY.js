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
} from "./chunk-BY3WUTOZ.js";
import "./chunk-PXPHC45T.js";
import "./chunk-D2734VUM.js";
import "./chunk-MLYQL3VB.js";
import "./chunk-QEOVMMPD.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-LYX5UHX4.js";
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
