import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  cacheCommitCauses,
  describeIgnoredBreaking,
  describeSquashedCommit
} from "./chunk-Y7TX2PNF.js";
import {
  describeLine,
  lineJson
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

// src/report/json.ts
function renderPlanJson(plan, extra = {}) {
  return [...writePlanJson(plan, extra)].join("");
}
var COMMITS = "\0commits";
function* writePlanJson(plan, extra = {}) {
  const json = {
    kind: plan.kind,
    reason: plan.kind === "none" ? plan.reason : null,
    scheme: plan.scheme,
    bump: plan.bump,
    head: plan.head,
    previous: plan.previous && { version: plan.previous.version, tag: plan.previous.tag, sha: plan.previous.sha },
    next: plan.kind === "release" ? describeRef(plan.next) : null,
    blockedNext: plan.kind === "blocked" && plan.next ? describeRef(plan.next) : null,
    notes: plan.reasons.map(describeReason),
    reasons: plan.reasons,
    findings: plan.kind === "blocked" ? plan.findings : [],
    commits: COMMITS,
    ignoredTags: plan.ignoredTags,
    image: plan.image && describeImage(plan.image),
    line: lineJson(plan.line),
    buildVersion: extra.buildVersion ?? null
  };
  const encoded = /* @__PURE__ */ new Map();
  const encode = (value) => {
    let text = encoded.get(value);
    if (text === void 0) encoded.set(value, text = JSON.stringify(value));
    return text;
  };
  const describe = cacheCommitCauses();
  const line = (c) => {
    const conventional = c.message.kind === "conventional" ? c.message : null;
    const squashed = c.cause.kind === "squashed" ? c.cause : null;
    const breaking = squashed ? squashed.commits.some((s) => isBreaking(s.message)) : isBreaking(c.message);
    return `{"sha":"${c.sha}","header":${JSON.stringify(c.header)},"type":${encode(conventional?.type ?? null)},"scope":${encode(conventional?.scope ?? null)},"breaking":${breaking},"merge":${c.merge},"bump":"${c.bump}","status":"${c.status}","reason":${encode(describe(c.cause))}${squashed ? `,"squashed":${JSON.stringify(describeSquashed(squashed))}` : ""}}`;
  };
  const [before, after] = JSON.stringify(json, null, 2).split(`"commits": ${JSON.stringify(COMMITS)}`);
  if (plan.commits.length === 0) {
    yield `${before}"commits": []${after}
`;
    return;
  }
  let piece = `${before}"commits": [
    `;
  for (let i = 0; i < plan.commits.length; i++) {
    piece += i === 0 ? line(plan.commits[i]) : `,
    ${line(plan.commits[i])}`;
    if (piece.length >= 1 << 16) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}
  ]${after}
`;
}
function isBreaking(message) {
  return message.kind === "conventional" && (message.bang || message.breakingNotes.length > 0);
}
function describeSquashed(cause) {
  return {
    pullRequest: cause.pullRequest,
    commits: cause.commits.map((c) => ({
      header: c.header,
      type: c.message.kind === "conventional" ? c.message.type : null,
      scope: c.message.kind === "conventional" ? c.message.scope : null,
      breaking: isBreaking(c.message),
      bump: c.bump,
      status: c.status,
      reason: describeSquashedCommit(cause.pullRequest, c)
    })),
    ignored: cause.ignored.map((i) => ({ ...i, reason: describeIgnoredBreaking(i) }))
  };
}
function describeRef(ref) {
  return { version: ref.version, tag: ref.tag };
}
function describeImage(check) {
  return {
    outcome: check.outcome,
    requiredBump: check.bump.bump,
    bumpReasons: check.bump.reasons.map((r) => r.message),
    findings: check.findings.map((f) => ({
      rule: f.rule,
      file: f.file,
      line: f.line,
      type: f.type,
      message: f.message,
      suggestion: f.suggestion?.text ?? null
    })),
    notes: check.remarks.map((r) => r.message),
    warnings: check.warnings.map((w) => w.message),
    imageUpToDate: check.imageUpToDate
  };
}
function renderImageJson(check, options) {
  return `${JSON.stringify({ file: options.file, written: options.written, ...describeImage(check) }, null, 2)}
`;
}

// src/report/text.ts
function renderPlanText(plan, options) {
  const lines = [renderHeadline(plan), explainBump(plan)];
  const line = describeLine(plan.line);
  if (line) lines.push(`line: ${line}`);
  for (const reason of plan.reasons) if (reason.kind !== "forced") lines.push(`note: ${describeReason(reason)}`);
  if (plan.kind === "blocked") for (const f of plan.findings) lines.push(`error: ${describeFinding(f)}`);
  if (plan.image?.outcome === "created") lines.push("release image: none yet (`verso image set` writes it; commit it)");
  else if (plan.image)
    lines.push(
      `release image: ${plan.image.outcome}, the data needs ${plan.image.bump.bump === "none" ? "no release" : `a ${plan.image.bump.bump} release`}`
    );
  if (plan.commits.length) {
    lines.push("", "Commits since the last release:");
    const shown = options.verbose ? plan.commits : plan.commits.filter((c) => c.bump !== "none" || hasIgnored(c.cause)).slice(0, 50);
    const describe = cacheCommitCauses();
    for (const c of shown) {
      lines.push(`  ${shortSha(c.sha)}  ${c.bump.padEnd(5)}  ${c.header}  (${describe(c.cause)})`);
      if (c.cause.kind === "squashed") lines.push(...listSquashed(c.cause, options.verbose));
    }
    const hidden = plan.commits.length - shown.length;
    if (hidden > 0) lines.push(`  \u2026 and ${hidden} more that release nothing or are not listed (--verbose lists every commit)`);
  }
  return `${lines.join("\n")}
`;
}
function hasIgnored(cause) {
  return cause.kind === "squashed" && cause.ignored.length > 0;
}
function listSquashed(cause, verbose) {
  const indent = " ".repeat(11);
  return [
    ...cause.commits.filter((c) => verbose || c.bump !== "none").map((c) => `${indent}${c.bump.padEnd(5)}  * ${c.header}  (${describeSquashedCommit(cause.pullRequest, c)})`),
    ...cause.ignored.map((i) => `${indent}note: ${describeIgnoredBreaking(i)}`)
  ];
}
function renderReleaseText(run, options) {
  const { result } = run;
  switch (result.kind) {
    case "planned":
      return "";
    case "skipped":
      return `
Nothing released: ${result.why}.
`;
    case "dry-run": {
      const steps = result.steps.map((s) => `  - ${s}
`).join("");
      return `
Dry run${options.unasked ? " (not in CI; --no-dry-run releases)" : ""}: a release would
${steps}
${run.notes}`;
    }
    case "pull-request":
      return `
${describeReleasePullRequest(result.outcome, run.plan.line.branch ?? "", false)}
`;
    case "applied": {
      const { outcome } = result;
      if (outcome.kind === "released")
        return result.pullRequest ? `
${describeReleasePullRequest(result.pullRequest, run.plan.line.branch ?? "", false)}
` : "";
      return `Not released: ${outcome.tag} is already published at ${shortSha(outcome.by)}, which contains this commit.
`;
    }
  }
}

export {
  renderPlanJson,
  writePlanJson,
  renderImageJson,
  renderPlanText,
  renderReleaseText
};
