import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  linkText
} from "./chunk-U2BZHSHU.js";
import {
  shortSha
} from "./chunk-XEWIFGC5.js";
import "./chunk-OIMHAFPS.js";
import "./chunk-CKOUWFXA.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";

// src/report/rollback.ts
var NAMED_RELEASES = 20;
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
export {
  renderRollbackSummary,
  renderRollbackText
};
