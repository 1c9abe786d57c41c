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
} from "./chunk-OC7COA3I.js";
import "./chunk-2EYOEDVP.js";
import "./chunk-D2734VUM.js";
import "./chunk-YANXXVJ5.js";
import "./chunk-QEOVMMPD.js";
import "./chunk-RLEFWEQI.js";
import "./chunk-NYDKJNF5.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-LYX5UHX4.js";
import "./chunk-QSZWMMJ6.js";
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
