import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  fitBytes
} from "./chunk-OIMHAFPS.js";

// src/report/release-pr.ts
var RELEASE_PR_MARKER = "<!-- verso:release-pull-request -->";
var BODY_LIMIT_BYTES = 6e4;
function renderReleasePullRequestBody(view) {
  const named = view.releases.map((r) => `**${r.tag}**${r.name ? ` (${r.name}, ${r.bump})` : ` (${r.bump})`}`);
  const lines = [
    RELEASE_PR_MARKER,
    `Merging this pull request releases ${list(named)} from \`${view.base}\`: verso then tags the merge commit and publishes the release${view.releases.length === 1 ? "" : "s"}. Any merge style works.`,
    "",
    `verso keeps it up to date: each push to \`${view.base}\` rewrites \`${view.branch}\` from the new plan, so commits pushed to that branch by hand are replaced. When nothing is left to release, it is closed.`,
    "",
    view.summary.replace(/^## /, "### ").trim(),
    ""
  ];
  for (const { name, notes } of view.notes) {
    if (!notes.trim()) continue;
    lines.push("<details open>", `<summary>Release notes${name ? ` of ${name}` : ""}</summary>`, "", notes.trim(), "", "</details>", "");
  }
  return fitBytes(lines.join("\n"), BODY_LIMIT_BYTES, "the job summary of the run that wrote it has the rest");
}
function describeNothingLeft(base, left) {
  const since = left.since === null ? "" : ` since ${left.since}`;
  const why = left.reason === "no-commits" ? `no commits${since ? since : ""}` : `none of the commits${since} calls for a release`;
  return `nothing on \`${base}\` is left to release (${why})`;
}
function renderClosingComment(base, left) {
  return `${RELEASE_PR_MARKER}
verso closed this pull request: ${describeNothingLeft(base, left)}. The next push to \`${base}\` that has something to release opens a new one.
`;
}
function list(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function describeReleasePullRequest(outcome, base, markdown) {
  const name = (pr) => markdown ? `[#${pr.number}](${pr.url})` : `#${pr.number} (${pr.url})`;
  switch (outcome.kind) {
    case "opened":
    case "updated":
    case "unchanged": {
      const did = outcome.kind === "opened" ? "Opened" : outcome.kind === "updated" ? "Updated" : "Left as it was";
      const title = markdown ? `\`${outcome.pullRequest.title}\`` : outcome.pullRequest.title;
      return `${did} the release pull request ${name(outcome.pullRequest)}, ${title}: nothing is released until it is merged.`;
    }
    case "closed":
      return `Closed the release pull request ${name(outcome.pullRequest)}: ${describeNothingLeft(base, outcome.left)}.`;
    case "none":
      return `No release pull request: ${describeNothingLeft(base, outcome.left)}.`;
    case "stale":
      return `Left the release pull request as it is: \`${base}\` moved on to ${outcome.tip.slice(0, 7)}, whose run writes it.`;
  }
}

export {
  renderReleasePullRequestBody,
  describeNothingLeft,
  renderClosingComment,
  describeReleasePullRequest
};
