import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  shortSha
} from "./chunk-UG2JSR42.js";
import {
  excerpt
} from "./chunk-QIVDBRGE.js";

// src/report/rollback.ts
var NAMED_RELEASES = 20;
function describeRollbackRefusal(refusal) {
  const unchanged = "Nothing was changed.";
  switch (refusal.kind) {
    case "not-a-version": {
      const prefix = refusal.tagPrefix;
      const expected = refusal.scheme.kind === "semver" ? `a SemVer version such as 2.0.3, or its tag ${prefix}2.0.3` : `a version in the format ${refusal.scheme.format}, with or without the tag prefix${prefix ? ` ${prefix}` : ""}`;
      const given = refusal.given === "" ? "No version was given to roll back to" : `\`${excerpt(refusal.given)}\` is not a version to roll back to`;
      return {
        message: `${given}: expected ${expected}.`,
        hint: `Name the version of a published release (tag-prefix is ${prefix ? `\`${prefix}\`` : "empty"}). ${unchanged}`
      };
    }
    case "prerelease":
      return refusal.by === "version" ? {
        message: `${refusal.tag} is a prerelease: a rollback makes a stable release the latest again, and GitHub never marks a prerelease latest.`,
        hint: `Name a stable version. ${unchanged}`
      } : {
        message: `The GitHub Release of ${refusal.tag} is marked a prerelease, and GitHub never marks a prerelease latest.`,
        hint: `If ${refusal.tag} is a stable release, untick "Set as a pre-release" on its GitHub Release and run again; or name another version. ${unchanged}`
      };
    case "no-tag":
      return {
        message: `There is no tag ${refusal.tag}, so no release of it to roll back to.`,
        hint: refusal.nearest.length ? `The nearest versions tagged: ${refusal.nearest.join(", ")}. ${unchanged}` : `No tag here is a stable version under tag-prefix \`${refusal.tagPrefix}\`: fetch the tags (git fetch --tags), or check tag-prefix. ${unchanged}`
      };
    case "no-api":
      return {
        message: "A rollback needs the GitHub API, and no token was given: the latest release and the rolled-back notes are GitHub Releases.",
        hint: `Give a token with \`contents: write\`: the action takes \`github-token\` (in the workflow: \`permissions: contents: write\`); the CLI reads GITHUB_TOKEN and GITHUB_REPOSITORY=owner/repo. ${unchanged}`
      };
    case "no-release":
      return refusal.draft ? {
        message: `${refusal.tag} has only a draft GitHub Release, and a draft cannot be the latest release.`,
        hint: `Publish the draft of ${refusal.tag} first, or name another version. ${unchanged}`
      } : {
        message: `${refusal.tag} is tagged, but has no GitHub Release to make the latest again.`,
        hint: `Publish a GitHub Release for ${refusal.tag} first, or name a version that has one. ${unchanged}`
      };
    case "tag-differs":
      return {
        message: `Tag ${refusal.tag} names ${shortSha(refusal.local)} here, but ${shortSha(refusal.remote)} on the remote.`,
        hint: `Fetch the remote's tags (git fetch --tags --force origin) and run again: the floating tags must follow the published ${refusal.tag}. ${unchanged}`
      };
  }
}
function renderRolledBackNote(target) {
  return [
    "> [!WARNING]",
    `> Rolled back: [${linkText(target.tag)}](${target.url}) is the latest release again. This release is kept, with its tag and assets.`
  ].join("\n");
}
var NOTE_START = "<!-- verso:rolled-back -->";
var NOTE_END = "<!-- /verso:rolled-back -->";
function withRolledBackNote(body, target) {
  const rest = withoutRolledBackNote(body);
  return `${NOTE_START}
${renderRolledBackNote(target)}
${NOTE_END}${rest === "" ? "" : `

${rest}`}`;
}
function withoutRolledBackNote(body) {
  let kept = "";
  let from = 0;
  for (; ; ) {
    const start = body.indexOf(NOTE_START, from);
    const end = start < 0 ? -1 : body.indexOf(NOTE_END, start + NOTE_START.length);
    if (end < 0) break;
    kept += body.slice(from, start);
    from = end + NOTE_END.length;
    for (let breaks = 0; breaks < 2; breaks++) {
      if (body.startsWith("\r\n", from)) from += 2;
      else if (body.startsWith("\n", from)) from += 1;
    }
  }
  return kept + body.slice(from);
}
function renderRollbackText(run) {
  const { plan } = run;
  const target = `${plan.target.tag} (${shortSha(plan.target.sha)})`;
  if (run.kind === "dry-run") {
    const steps = describeSteps(plan, PLAIN);
    if (steps.length === 0) return `Dry run: nothing would change. ${describeSettled(plan, PLAIN)}
`;
    return `Dry run: a rollback to ${target} would
${steps.map((s) => `  - ${s}
`).join("")}`;
  }
  const { outcome } = run;
  if (!outcome.changed) return `Nothing to change: ${describeSettled(plan, PLAIN)}
`;
  const lines = [`${target} is the latest release again: ${plan.target.release.url}`];
  if (outcome.rolledBack.length) lines.push(`Rolled back (tags and assets kept): ${names(outcome.rolledBack, PLAIN)}.`);
  else lines.push("No release is newer, so none is marked rolled back.");
  return `${lines.join("\n")}
`;
}
function renderRollbackSummary(run) {
  const { plan } = run;
  const target = `${MARKDOWN.release(plan.target.release)} (${MARKDOWN.code(shortSha(plan.target.sha))})`;
  if (run.kind === "dry-run") {
    const steps = describeSteps(plan, MARKDOWN);
    const lines2 = [`## verso: rollback to ${MARKDOWN.code(plan.target.tag)} (dry run)`, ""];
    if (steps.length === 0) lines2.push(`**Dry run**: nothing would change. ${describeSettled(plan, MARKDOWN)}`);
    else
      lines2.push(
        `**Dry run**: nothing was pushed and no release was changed. A rollback to ${target} would:`,
        "",
        ...steps.map((s) => `- ${s}`)
      );
    return `${lines2.join("\n")}
`;
  }
  const { outcome } = run;
  const lines = [`## verso: rollback to ${MARKDOWN.code(plan.target.tag)}`, ""];
  if (!outcome.changed) {
    lines.push(`Nothing to change: ${describeSettled(plan, MARKDOWN)}`);
    return `${lines.join("\n")}
`;
  }
  lines.push(`${target} is the latest release again.`, "");
  if (outcome.floating.length)
    lines.push(`- Moved the floating tag${plural(outcome.floating.length)} ${outcome.floating.map(MARKDOWN.code).join(", ")}.`);
  if (outcome.madeLatest) lines.push(`- Marked it latest on GitHub${plan.latest ? ` (it was ${MARKDOWN.release(plan.latest)})` : ""}.`);
  if (outcome.marked.length) lines.push(`- Marked rolled back: ${names(outcome.marked, MARKDOWN)}.`);
  if (outcome.cleared.length) lines.push(`- Took the rolled-back note off: ${names(outcome.cleared, MARKDOWN)}.`);
  lines.push(
    "",
    outcome.rolledBack.length ? `Rolled back now: ${names(outcome.rolledBack, MARKDOWN)}.` : "No release is newer, so none is marked rolled back.",
    "",
    "> Nothing was deleted: rolled-back releases keep their tags and assets. The next release still takes the next version above the highest tag."
  );
  return `${lines.join("\n")}
`;
}
var PLAIN = { code: (text) => text, release: (release) => release.tag };
var MARKDOWN = {
  code: (text) => text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``,
  release: (release) => `[${linkText(release.tag)}](${release.url})`
};
function describeSteps(plan, medium) {
  const steps = [];
  for (const move of plan.floating) {
    const to = `${medium.code(move.release)} (${medium.code(shortSha(move.sha))})`;
    if (move.seen === null) steps.push(`create the floating tag ${medium.code(move.tag)} at ${to}`);
    else
      steps.push(
        `move the floating tag ${medium.code(move.tag)} from ${medium.code(move.seen.release ?? shortSha(move.seen.commit))} to ${to}`
      );
  }
  const { targetEdit } = plan;
  const target = medium.release(plan.target.release);
  if (targetEdit?.kind === "make-latest") {
    const now = plan.latest ? `GitHub marks ${medium.release(plan.latest)} latest now` : "GitHub marks no release latest now";
    steps.push(`mark the GitHub Release ${target} latest (${now})${targetEdit.body === null ? "" : ", and take its rolled-back note off"}`);
  } else if (targetEdit?.kind === "clear-note") steps.push(`take the rolled-back note off ${target}`);
  if (plan.mark.length) steps.push(`mark rolled back, with a note at the top of each GitHub Release: ${names(plan.mark, medium)}`);
  if (plan.clear.length) steps.push(`take the rolled-back note off: ${names(plan.clear, medium)}`);
  return steps;
}
function describeSettled(plan, medium) {
  const target = `${medium.release(plan.target.release)} (${medium.code(shortSha(plan.target.sha))})`;
  const { newer } = plan;
  const marked = newer.length ? `every newer release is marked rolled back (${names(newer, medium)})` : "no release is newer";
  return `${target} is the latest release already, and ${marked}.`;
}
function names(releases, medium) {
  const named = releases.slice(0, NAMED_RELEASES).map(medium.release).join(", ");
  const more = releases.length - NAMED_RELEASES;
  return more > 0 ? `${named} and ${more} more` : named;
}
function plural(count) {
  return count === 1 ? "" : "s";
}
function linkText(tag) {
  return tag.replace(/[\\[\]]/g, "\\$&").replace(/</g, "&lt;");
}

export {
  describeRollbackRefusal,
  renderRolledBackNote,
  withRolledBackNote,
  withoutRolledBackNote,
  renderRollbackText,
  renderRollbackSummary
};
