import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  describeLine
} from "./chunk-ODAAM37D.js";
import {
  describeFinding,
  describeReason,
  explainBump
} from "./chunk-XEWIFGC5.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-OIMHAFPS.js";
import {
  renderProblem
} from "./chunk-UUB7T2DM.js";
import "./chunk-CKOUWFXA.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";

// src/report/check-text.ts
function renderCheckText(check, notes, options) {
  const { plan } = check;
  const lines = [headline(check), explainBump(plan)];
  const line = describeLine(plan.line);
  if (line) lines.push(`base branch: ${line}`);
  for (const reason of plan.reasons) if (reason.kind !== "forced") lines.push(`note: ${describeReason(reason)}`);
  if (check.mergeStyle === "squash") lines.push("squash merge: the title is the commit that lands on the base branch");
  if (plan.kind === "blocked") lines.push(...listed(plan.findings.map(describeFinding), "error", options));
  lines.push(...listed(check.errors.map(renderProblem), "error", options));
  lines.push(...listed(check.warnings.map(renderProblem), "warning", options));
  const preview = notes.trim();
  if (plan.kind !== "none" && plan.next && preview) lines.push("", "Release notes:", indent(preview));
  return `${lines.join("\n")}
`;
}
var MAX_LISTED = 50;
function listed(messages, label, options) {
  const shown = options.verbose ? messages : messages.slice(0, MAX_LISTED);
  const lines = shown.map((message) => `${label}: ${message}`);
  const hidden = messages.length - shown.length;
  return hidden > 0 ? [...lines, `  \u2026 and ${hidden} more ${label}s (--verbose lists them all)`] : lines;
}
function indent(text) {
  return text.split("\n").map((line) => line.trim() === "" ? "" : `  ${line}`).join("\n");
}
function headline(check) {
  const { plan } = check;
  switch (plan.kind) {
    case "release":
      return `merging this releases ${plan.next.tag} (${plan.bump})`;
    case "none":
      return "merging this releases nothing";
    case "blocked":
      return plan.next ? `merging this would release ${plan.next.tag} (${plan.bump}), but the release would be blocked` : "merging this would be blocked";
  }
}
export {
  renderCheckText
};
