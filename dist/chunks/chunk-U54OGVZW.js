import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderPlanText,
  writePlanJson
} from "./chunk-RMAAJUBL.js";
import {
  renderPlanSummary,
  renderReleaseResult
} from "./chunk-5AAX7NRC.js";
import {
  shortSha
} from "./chunk-XEWIFGC5.js";
import {
  describeReleasePullRequest
} from "./chunk-JXRXIIPL.js";
import {
  eachCommit
} from "./chunk-CKOUWFXA.js";

// src/report/packages.ts
function briefWhy(plan) {
  if (plan.kind === "blocked") return `blocked (${plan.findings.length} problem${plan.findings.length === 1 ? "" : "s"})`;
  const related = plan.reasons.flatMap(
    (r) => r.kind === "dependency" ? [`dependency: ${r.dependencies.join(", ")}`] : r.kind === "linked" ? [`linked: ${r.group.join(", ")}`] : []
  );
  if (plan.kind === "release" && related.length && plan.commits.every((c) => c.bump === "none")) return related.join("; ");
  if (plan.commits.length === 0) return plan.reasons.some((r) => r.kind === "finishing") ? "finishing its release" : "no commits";
  if (plan.kind === "none") return "no releasable commits";
  const counts = /* @__PURE__ */ new Map();
  for (const c of plan.commits.flatMap(eachCommit)) {
    if (c.bump === "none") continue;
    const key = c.cause.kind === "breaking" ? "breaking" : c.message.kind === "conventional" ? c.message.type : "revert";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [[...counts].map(([key, n]) => `${n} ${key}`).join(", "), ...related].filter(Boolean).join("; ") || plan.reasons.map((r) => r.kind).join(", ");
}
function row(p) {
  const { plan } = p;
  const next = plan.next ? plan.next.version : "\u2014";
  return [p.pkg.spec.name, plan.previous?.version ?? "\u2014", next, plan.kind === "release" ? plan.bump : "\u2014", briefWhy(plan)];
}
function unroutedLine(plan) {
  const { count, examples } = plan.unrouted;
  if (count === 0) return null;
  const some = examples.map((e) => `${shortSha(e.sha)} ${e.header}`).join("; ");
  return `${count} commit${count === 1 ? "" : "s"} changed files no package holds (${some}${count > examples.length ? "; \u2026" : ""}): they release nothing (a package with \`path: .\` would take them)`;
}
function foundLine(plan) {
  if (plan.source === "list") return null;
  const names = plan.plans.map((p) => p.pkg.spec.name).join(", ");
  const skipped = plan.skipped.map((s) => `${s.path} (${s.why})`).join("; ");
  return `packages: auto found ${plan.plans.length} ${plan.source} workspace${plan.plans.length === 1 ? "" : "s"}: ${names}${skipped ? `; skipped ${skipped}` : ""}`;
}
function renderPackagesText(plan, options) {
  const rows = [["package", "current", "next", "bump", "why"], ...plan.plans.map(row)];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  const lines = rows.map(
    (r) => r.map((cell, col) => col === r.length - 1 ? cell : cell.padEnd(widths[col])).join("  ").trimEnd()
  );
  for (const note of [foundLine(plan), unroutedLine(plan)]) if (note) lines.push("", `note: ${note}`);
  for (const p of plan.plans) lines.push("", `\u2500\u2500 ${p.pkg.spec.name} (${p.pkg.spec.path}) \u2500\u2500`, renderPlanText(p.plan, options).trimEnd());
  return `${lines.join("\n")}
`;
}
function renderPackagesSummary(plan) {
  const cell = (text) => text.replace(/\|/g, "\\|").replace(/</g, "&lt;");
  const lines = ["## verso: packages", "", "| package | current | next | bump | why |", "|---|---|---|---|---|"];
  for (const p of plan.plans) lines.push(`| ${row(p).map(cell).join(" | ")} |`);
  lines.push("");
  for (const note of [foundLine(plan), unroutedLine(plan)]) if (note) lines.push(`> ${cell(note)}`, "");
  for (const p of plan.plans) {
    const detail = renderPlanSummary(p.plan).replace(/^## verso: /, "").trim();
    lines.push(`<details><summary>${cell(p.pkg.spec.name)}</summary>`, "", detail, "", "</details>", "");
  }
  return `${lines.join("\n")}
`;
}
function renderPackagesResult(run) {
  const lines = [];
  for (const outcome of run.pullRequests ?? [])
    lines.push(describeReleasePullRequest(outcome, run.plan.plans[0]?.line.branch ?? "", true), "");
  for (const p of run.packages) {
    const text = renderReleaseResult({ plan: p.plan, fetched: [], resumed: false, notes: p.notes, result: p.result }).trim();
    if (text) lines.push(`**${p.name}**: ${text}`, "");
  }
  return lines.length ? `${lines.join("\n")}
` : "";
}
function renderPackagesJson(plan) {
  return `${JSON.stringify(
    {
      head: plan.head,
      source: plan.source,
      skipped: plan.skipped,
      unrouted: plan.unrouted,
      packages: plan.plans.map((p) => ({
        name: p.pkg.spec.name,
        path: p.pkg.spec.path,
        tagPrefix: p.pkg.config.tagPrefix,
        plan: JSON.parse([...writePlanJson(p.plan)].join(""))
      }))
    },
    null,
    2
  )}
`;
}
function packagesReleases(run) {
  const runs = "packages" in run ? run.packages : run.plans.map((p) => ({ name: p.pkg.spec.name, plan: p.plan, result: { kind: "planned" } }));
  const list = runs.map(({ name, plan, result }) => {
    const released = result.kind === "applied" && result.outcome.kind === "released";
    return {
      name,
      version: plan.kind === "release" ? plan.next.version : null,
      tag: plan.kind === "release" ? plan.next.tag : null,
      bump: plan.kind === "release" ? plan.bump : "none",
      released,
      url: released && result.outcome.kind === "released" ? result.outcome.release?.url ?? null : null
    };
  });
  return JSON.stringify(list);
}
function releasedPackages(run) {
  return JSON.stringify(run.packages.filter((p) => p.result.kind === "applied" && p.result.outcome.kind === "released").map((p) => p.name));
}

export {
  briefWhy,
  renderPackagesText,
  renderPackagesSummary,
  renderPackagesResult,
  renderPackagesJson,
  packagesReleases,
  releasedPackages
};
