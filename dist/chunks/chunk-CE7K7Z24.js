import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

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
  }
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
  cacheCommitCauses
};
