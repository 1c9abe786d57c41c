import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  cacheCommitCauses,
  describeIgnoredBreaking,
  describeSquashedCommit
} from "./chunk-Y7TX2PNF.js";
import {
  describeLine
} from "./chunk-ODAAM37D.js";
import {
  describeFinding,
  describeReason,
  explainBump,
  renderHeadline,
  shortSha
} from "./chunk-XEWIFGC5.js";
import {
  describeReleasePullRequest
} from "./chunk-JXRXIIPL.js";
import {
  clip
} from "./chunk-OIMHAFPS.js";

// src/report/summary.ts
function renderPlanSummary(plan) {
  const lines = [`## verso: ${escape(renderHeadline(plan))}`, "", escape(explainBump(plan)), ""];
  const line = describeLine(plan.line);
  if (line) lines.push(`> ${escape(line)}`, "");
  for (const reason of plan.reasons) lines.push(`> ${escape(describeReason(reason))}`, "");
  if (plan.kind === "blocked") {
    for (const f of plan.findings) lines.push(`- :x: ${escape(describeFinding(f))}`);
    lines.push("");
  }
  lines.push("| | |", "|---|---|");
  lines.push(`| previous | ${plan.previous ? `\`${plan.previous.tag}\` (${shortSha(plan.previous.sha)})` : "\u2014"} |`);
  lines.push(`| next | ${plan.next ? `\`${plan.next.tag}\`` : "\u2014"} |`);
  lines.push(`| bump | ${plan.bump} |`);
  lines.push(`| commits | ${plan.commits.length} |`);
  if (plan.image) lines.push(`| release image | ${plan.image.outcome}; the data needs: ${plan.image.bump.bump} |`);
  lines.push("");
  if (plan.image && (plan.image.remarks.length || plan.image.warnings.length)) {
    lines.push(
      "Release image:",
      "",
      ...plan.image.remarks.map((r) => `- ${escape(r.message)}`),
      ...plan.image.warnings.map((w) => `- :warning: ${escape(w.message)}`),
      ""
    );
  }
  if (plan.commits.length) {
    lines.push("| commit | bump | header | why |", "|---|---|---|---|");
    const shown = plan.commits.slice(0, 200);
    const describe = cacheCommitCauses();
    for (const c of shown) {
      lines.push(`| \`${shortSha(c.sha)}\` | ${c.bump} | ${escape(clip(c.header))} | ${escape(describe(c.cause))} |`);
      if (c.cause.kind !== "squashed") continue;
      const { pullRequest, commits, ignored } = c.cause;
      for (const s of commits)
        lines.push(`| \u21B3 | ${s.bump} | ${escape(clip(`* ${s.header}`))} | ${escape(describeSquashedCommit(pullRequest, s))} |`);
      for (const i of ignored) lines.push(`| \u21B3 | none | \`BREAKING CHANGE:\` | ${escape(describeIgnoredBreaking(i))} |`);
    }
    if (plan.commits.length > shown.length)
      lines.push("", `\u2026 and ${plan.commits.length - shown.length} older commits (run \`verso plan --verbose\` to list them).`);
  }
  return `${lines.join("\n")}
`;
}
function renderReleaseResult(run) {
  const { result } = run;
  switch (result.kind) {
    case "planned":
      return "";
    case "skipped":
      return `Nothing was released: ${result.why}.
`;
    case "dry-run":
      return `**Dry run**: nothing was pushed and no request was made. A release would:

${result.steps.map((s) => `- ${s}`).join("\n")}
`;
    case "pull-request":
      return `${describeReleasePullRequest(result.outcome, run.plan.line.branch ?? "", true)}

> A pull request opened with the default \`GITHUB_TOKEN\` starts no \`on: pull_request\` workflows, so required checks wait: pass \`github-token\` of a GitHub App or a user to have them run (see Release pull requests).
`;
    case "applied": {
      const { outcome } = result;
      if (outcome.kind === "superseded") {
        return `Not released: tag ${outcome.tag} was already published at ${shortSha(outcome.by)}, which contains this commit. A later run released past this one.
`;
      }
      const lines = [`Released **${outcome.tag}** at \`${shortSha(outcome.sha)}\`${outcome.release ? `: ${outcome.release.url}` : ""}.`];
      if (outcome.floating.length) lines.push(`Moved ${outcome.floating.map((t) => `\`${t}\``).join(" and ")} to it.`);
      if (outcome.dispatched.length) lines.push(`Sent workflow_dispatch to ${outcome.dispatched.join(", ")}.`);
      if (result.pullRequest) lines.push(describeReleasePullRequest(result.pullRequest, run.plan.line.branch ?? "", true));
      const earlier = result.finished?.kind === "released" ? result.finished : null;
      if (earlier) {
        lines.push(
          `Published first the GitHub Release of **${earlier.tag}**${earlier.release ? ` (${earlier.release.url})` : ""}, whose tag an earlier run had pushed without one.`
        );
      }
      lines.push(
        "",
        "> Tags pushed with the default `GITHUB_TOKEN` (actions/checkout's default credentials) start no `on: push: tags` workflows. List such workflows in `dispatch-workflows`, or check out with a token that may start them."
      );
      return `${lines.join("\n")}
`;
    }
  }
}
function escape(text) {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\r?\n/g, " ");
}

export {
  renderPlanSummary,
  renderReleaseResult
};
