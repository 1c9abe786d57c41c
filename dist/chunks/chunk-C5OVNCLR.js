import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  renderInline
} from "./chunk-CMOI2VLM.js";
import {
  briefWhy
} from "./chunk-UIIS5I2B.js";
import {
  describeLine
} from "./chunk-D5YPD3VC.js";
import {
  COMMENT_LIMIT,
  describeFinding,
  describeReason,
  explainBump,
  fitText,
  shortSha
} from "./chunk-UG2JSR42.js";
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
  lines.push(...validation(check));
  if (plan.kind !== "none" && plan.next)
    lines.push("<details><summary>Release notes preview</summary>", "", notes.trim(), "", "</details>", "");
  return finish(lines, check);
}
function renderPackagesPullRequestReport(check, packages) {
  const code = (text) => `\`${text.replace(/`/g, "'")}\``;
  const releasing = packages.plans.flatMap((p) => p.plan.kind === "release" ? [code(p.plan.next.tag)] : []);
  const blocked = packages.plans.filter((p) => p.plan.kind === "blocked");
  const head = releasing.length ? `merging this releases ${releasing.join(", ")}` : "merging this releases no package";
  const lines = [COMMENT_MARKER, `### verso: ${head}${blocked.length ? `; ${blocked.length} blocked` : ""}`, ""];
  lines.push("| package | current | next | bump | why |", "|---|---|---|---|---|");
  for (const p of packages.plans) {
    const { plan } = p;
    const cells = [plan.previous?.version ?? "\u2014", plan.next?.version ?? "\u2014", plan.kind === "release" ? plan.bump : "\u2014", briefWhy(plan)];
    lines.push(`| ${[code(p.pkg.spec.name), ...cells.map((c) => inline(c))].map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`);
  }
  lines.push("");
  for (const p of blocked) {
    if (p.plan.kind !== "blocked") continue;
    lines.push(
      `**${code(p.pkg.spec.name)}: the release would be blocked:**`,
      "",
      ...p.plan.findings.slice(0, MAX_LISTED).map((f) => `- :x: ${inline(describeFinding(f))}`),
      ""
    );
  }
  if (check.mergeStyle === "squash")
    lines.push(
      "_Squash merge: the title is the commit that lands on the base branch; this prediction counts the pull request's commits, each for the packages whose files it changes._",
      ""
    );
  lines.push(...validation(check));
  return finish(lines, check);
}
function validation(check) {
  const lines = [];
  if (check.errors.length) lines.push("**To fix before merging:**", "", ...listed(check.errors, ":x:"), "");
  if (check.warnings.length) lines.push("**Worth a look:**", "", ...listed(check.warnings, ":warning:"), "");
  return lines;
}
function finish(lines, check) {
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
  renderPullRequestReport,
  renderPackagesPullRequestReport
};
