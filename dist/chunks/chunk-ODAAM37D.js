import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  describeNotReleasing
} from "./chunk-OUXFSVUQ.js";

// src/report/line.ts
function describeLine(line) {
  if (line.status.kind === "unmatched") return `${describeNotReleasing(line)}`;
  if (line.range === null && line.prerelease === null) return null;
  const where = line.branch === null ? "this run" : line.branch;
  const entry = line.pattern !== null && line.pattern !== line.branch ? ` (entry \`${line.pattern}\`)` : "";
  const channel = line.prerelease === null ? null : `prereleases on channel \`${line.prerelease}\`${line.prereleaseFromInput ? " (the `prerelease` input)" : ""}`;
  const range = line.range === null ? null : `only versions in ${line.range}`;
  const kind = line.range !== null && line.prerelease === null ? "a maintenance line" : "a release line";
  return `${where}${entry} is ${kind}: ${[channel, range].filter(Boolean).join(", ")}`;
}
function lineJson(line) {
  return {
    branch: line.branch,
    entry: line.pattern,
    prerelease: line.prerelease,
    range: line.range,
    releases: line.status.kind === "releases",
    why: describeNotReleasing(line)
  };
}

export {
  describeLine,
  lineJson
};
