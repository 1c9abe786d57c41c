import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  clip
} from "./chunk-OIMHAFPS.js";

// src/report/commit-causes.ts
var short = (shas) => shas.map((sha) => sha.slice(0, 7)).join(", ");
function describeCommitCause(cause) {
  switch (cause.kind) {
    case "rule":
      return `${cause.rule.origin === "default" ? "default rule" : "release-rules"} \`${cause.rule.text}\``;
    case "no-rule":
      return `type \`${cause.type}\` has no release rule: no release`;
    case "breaking":
      return cause.marker === "bang" ? "breaking change (`!` in the header): major" : "breaking change (`BREAKING CHANGE:` footer): major";
    case "reverts-released":
      return `reverts ${short(cause.shas)}, released before: patch`;
    case "revert-type":
      return "a revert of something released before: patch";
    case "reverted":
      return `reverted by ${short(cause.by)} in this release`;
    case "reverts-in-range":
      return `reverts ${short(cause.shas)} of this same release: together they change nothing`;
    case "skipped":
      return "`[skip release]` in the message: no release";
    case "merge":
      return "merge commit: the commits it merges are counted one by one";
    case "unconventional":
      return `not a Conventional Commit: ${cause.why}`;
    case "squashed": {
      const n = cause.commits.length;
      const ignored = cause.ignored.length;
      const footers = ignored ? `; ${ignored} \`BREAKING CHANGE:\` footer${ignored === 1 ? "" : "s"} ignored` : "";
      return `${describePullRequest(cause.pullRequest)}: read as the ${n === 1 ? "commit" : `${n} commits`} its message lists${footers}`;
    }
  }
}
function describeSquashedCommit(pullRequest, commit) {
  return `from the ${describePullRequest(pullRequest)}: ${describeCommitCause(commit.cause)}`;
}
function describeIgnoredBreaking(ignored) {
  const footer = `\`BREAKING CHANGE: ${clip(ignored.note, 80)}\``;
  const title = "the squash commit's title is not a Conventional Commit, so its message has no footers";
  const fix = "to count it, release with `bump: major`; next time, mark the breaking commit's header with `!`, or give the pull request a Conventional title that does";
  switch (ignored.kind) {
    case "unmarked-bullet":
      return `${footer} ignored: ${title}, and \`${clip(ignored.header)}\`, which it follows, has no \`!\`; ${fix}`;
    case "outside-bullets":
      return `${footer} ignored: ${title}, and it follows none of the commits listed; ${fix}`;
  }
}
function describePullRequest(pullRequest) {
  return pullRequest === null ? "squashed pull request" : `squashed pull request #${pullRequest}`;
}
function cacheCommitCauses() {
  const said = /* @__PURE__ */ new Map();
  return (cause) => {
    let text = said.get(cause);
    if (text === void 0) said.set(cause, text = describeCommitCause(cause));
    return text;
  };
}

export {
  describeSquashedCommit,
  describeIgnoredBreaking,
  cacheCommitCauses
};
