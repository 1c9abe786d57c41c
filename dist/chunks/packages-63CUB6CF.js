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
} from "./chunk-W2DN774F.js";
import "./chunk-VFOOKWSZ.js";
import "./chunk-ODAAM37D.js";
import "./chunk-KRBZXG4D.js";
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
