import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  describeLine
} from "./chunk-S5KBGZY4.js";
import {
  COMMENT_LIMIT,
  describeFinding,
  describeReason,
  explainBump,
  fitText,
  shortSha
} from "./chunk-UG2JSR42.js";
import {
  renderInline
} from "./chunk-CMOI2VLM.js";
import {
  renderProblem
} from "./chunk-SNDUAHB7.js";

// src/github/sticky-comment.ts
var COMMENT_MARKER = "<!-- verso:pull-request-check -->";
async function upsertComment(api, issue, body) {
  const text = body.startsWith(COMMENT_MARKER) ? body : `${COMMENT_MARKER}
${body}`;
  const written = writtenBy(await api.authenticatedAs());
  for await (const comment of api.listIssueComments(issue)) {
    if (!comment.body.startsWith(COMMENT_MARKER) || !written(comment)) continue;
    if (comment.body === text) return { kind: "unchanged", url: comment.url };
    const updated = await api.updateIssueComment(comment.id, text);
    return { kind: "updated", url: updated.url };
  }
  const created = await api.createIssueComment(issue, text);
  return { kind: "created", url: created.url };
}
function writtenBy(identity) {
  if (identity.kind === "user") return (comment) => comment.author === identity.login;
  return (comment) => comment.authorIsBot;
}

// src/report/pr-comment.ts
function renderPullRequestReport(check, notes, artifact = null) {
  const { plan } = check;
  const lines = [COMMENT_MARKER, `### verso: ${headline(check)}`, "", inline(explainBump(plan)), ""];
  const line = describeLine(plan.line);
  if (line) lines.push(`> ${inline(`The base branch: ${line}`)}`, "");
  for (const reason of plan.reasons) lines.push(`> ${inline(describeReason(reason))}`, "");
  if (artifact?.snapshot)
    lines.push(`Builds of this pull request are versioned \`${artifact.version}\` (a snapshot: it sorts below the release).`, "");
  if (check.mergeStyle === "squash") lines.push("_Squash merge: the title is the commit that lands on the base branch._", "");
  if (plan.kind === "blocked") {
    const findings = plan.findings.slice(0, MAX_LISTED).map((f) => `- :x: ${inline(describeFinding(f))}`);
    const more = plan.findings.length > MAX_LISTED ? [`- \u2026 and ${plan.findings.length - MAX_LISTED} more (the job's annotations list them all)`] : [];
    lines.push("**The release would be blocked:**", "", ...findings, ...more, "");
  }
  if (check.errors.length) lines.push("**To fix before merging:**", "", ...listed(check.errors, ":x:"), "");
  if (check.warnings.length) lines.push("**Worth a look:**", "", ...listed(check.warnings, ":warning:"), "");
  if (plan.kind !== "none" && plan.next)
    lines.push("<details><summary>Release notes preview</summary>", "", notes.trim(), "", "</details>", "");
  const footer = `<sub>For ${shortSha(check.pr.headSha)}; updated on every push.</sub>
`;
  const body = fitText(
    quiet(`${lines.join("\n")}
`),
    COMMENT_LIMIT - footer.length - 100,
    "the job's summary and annotations have the rest"
  );
  return `${body}${footer}`;
}
function inline(text) {
  return renderInline(text, () => null).markdown;
}
function quiet(markdown) {
  let fence = 0;
  const quieted = markdown.replace(/\\`|(`+)|@(?=[A-Za-z0-9])/g, (match, ticks) => {
    if (ticks !== void 0) fence = fence === 0 ? ticks.length : fence === ticks.length ? 0 : fence;
    return match === "@" && fence === 0 ? "@\u200B" : match;
  });
  return quieted.replace(/\[([^\][\n]*)\]\(\s*(?:javascript|vbscript|data):[^)\n]*\)/gi, "$1");
}
var MAX_LISTED = 50;
function listed(problems, mark) {
  const lines = problems.slice(0, MAX_LISTED).map((p) => `- ${mark} ${inline(renderProblem(p))}`);
  return problems.length > MAX_LISTED ? [...lines, `- \u2026 and ${problems.length - MAX_LISTED} more (the job's annotations list them all)`] : lines;
}
function headline(check) {
  const { plan } = check;
  switch (plan.kind) {
    case "release":
      return `merging this releases **${plan.next.tag}** (${plan.bump})`;
    case "none":
      return "merging this releases nothing";
    case "blocked":
      return plan.next ? `merging this would release **${plan.next.tag}** (${plan.bump}), but the release would be blocked` : "merging this would be blocked";
  }
}

export {
  upsertComment,
  renderPullRequestReport
};
