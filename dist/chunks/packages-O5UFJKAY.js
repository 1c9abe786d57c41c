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
} from "./chunk-2K256SXJ.js";
import "./chunk-G7Z4QKKW.js";
import "./chunk-ODAAM37D.js";
import "./chunk-2IJ6II4Q.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-G6X6EZPO.js";
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
