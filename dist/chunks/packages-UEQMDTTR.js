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
} from "./chunk-U54OGVZW.js";
import "./chunk-RMAAJUBL.js";
import "./chunk-5AAX7NRC.js";
import "./chunk-Y7TX2PNF.js";
import "./chunk-ODAAM37D.js";
import "./chunk-XEWIFGC5.js";
import "./chunk-JXRXIIPL.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-OIMHAFPS.js";
import "./chunk-CKOUWFXA.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
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
