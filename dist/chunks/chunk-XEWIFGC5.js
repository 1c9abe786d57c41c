import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  clip
} from "./chunk-OIMHAFPS.js";
import {
  eachCommit
} from "./chunk-CKOUWFXA.js";

// src/report/calver-reasons.ts
function describeCalverReason(reason) {
  switch (reason.kind) {
    case "first-release":
      return `no previous release: the calendar part is today's period ${reason.period}` + (reason.counters.length === 0 ? "" : `, ${describeRestart(reason.counters, "start")}`);
    case "date-held":
      return `calver-date is major: the calendar part ${reason.period} is the current API's birth date and stays until a breaking change`;
    case "breaking-moves-date":
      return "a breaking change moves the calendar part to today (calver-date: major)";
    case "period-moved":
      return `calendar moved from ${reason.from} to ${reason.to}` + (reason.counters.length === 0 ? "" : `: ${describeRestart(reason.counters, "restart")}`);
    case "counter-moved":
      return `same period ${reason.period} as ${reason.previous}: ${reason.counter} moves from ${reason.from} to ${reason.to}` + (reason.resets.length === 0 ? "" : `; ${describeRestart(reason.resets, "restart")}`);
    case "counter-fallback":
      return `a ${reason.bump} change goes to ${reason.counter}: calver-format ${reason.format} has no ${reason.wanted}`;
    case "prerelease-next":
      return `${reason.previous} was ${reason.id}.${reason.from} of ${reason.base}: this is ${reason.id}.${reason.to}`;
    case "prerelease-switch":
      return `${reason.previous} was ${reason.previousId} of ${reason.base}: this is ${reason.id}.${reason.number}`;
    case "prerelease-final":
      return `${reason.previous} was a prerelease of ${reason.base}: this is its final release`;
    case "prerelease-start":
      return `a prerelease: ${reason.id}.${reason.number} of ${reason.base}`;
    case "prerelease-period":
      return `calver-final is prerelease-period: the release keeps the period ${reason.period} of its prerelease ${reason.prerelease}`;
    case "post-release":
      return `bump: post releases ${reason.previous} again, as its post-release ${reason.number}`;
    case "tag-taken":
      return `${describeList(reason.taken)} ${reason.taken.length === 1 ? "is" : "are"} tagged already, outside this history (a withdrawn or unmerged release): the next free version is ${reason.next}`;
    case "format-origin":
      return describeOrigin(reason);
    case "breaking-not-shown":
      return describeBreakingNotShown(reason);
    default:
      return unknownReason(reason);
  }
}
function describeBreakingNotShown(reason) {
  switch (reason.why) {
    case "calendar-bump":
      return "a breaking change has no slot in a calendar version (calver-bump: calendar): call it out in the release notes";
    case "no-major":
      return `a breaking change has no slot in calver-format ${reason.format} (no MAJOR): call it out in the release notes`;
    case "same-period":
      return `a breaking change would move the calendar part to today, but today is still in ${reason.period}: the counters carry it, so call it out in the release notes`;
  }
}
function describeOrigin(origin) {
  const settings = origin.settings.map(({ name, value }) => `${name}: ${value}`);
  const restarts = origin.restarts.length ? `; bumpver's ${describeList(origin.restarts)} ${origin.restarts.length === 1 ? "counts" : "count"} on across periods, MICRO restarts at 0 in each new one` : "";
  return `calver-format ${origin.format}${settings.length ? ` (with ${settings.join(", ")})` : ""} from bumpver's version_pattern ${origin.pattern} in ${origin.file}${restarts}`;
}
function describeRestart(counters, verb) {
  return `${describeCounters(counters)} ${counters.length > 1 ? verb : `${verb}s`} at 0`;
}
function describeCounters(counters) {
  return describeList(counters);
}
function describeList(items) {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function unknownReason(reason) {
  throw new Error(`describeCalverReason: no sentence for ${JSON.stringify(reason)}`);
}

// src/report/reasons.ts
function describeReason(reason) {
  switch (reason.kind) {
    case "forced":
      return `bump forced to ${reason.bump} by the \`bump\` input (the commits call for ${reason.commits === "none" ? "no release" : reason.commits})`;
    case "raised-by-image":
      return `raised from ${reason.from} to ${reason.to} by the release-image check: ${reason.why.join("; ")}`;
    case "held-by-major-zero":
      return "major is 0, so a breaking change bumps the minor (SemVer \xA74); set `major-zero-breaking: major` or force `bump: major` to release 1.0.0";
    case "first-release":
      return `first release: initial-version ${reason.initialVersion}`;
    case "prerelease-covers":
      return `${reason.base} already aims at ${reason.aim}, which covers this ${reason.bump}`;
    case "prerelease-passed":
      return `${reason.released} is released already (from another branch), so this channel aims past it, at ${reason.aim}: merge the released branch into this one to include its changes`;
    case "finishing":
      return `finishing the release of ${reason.tag}, tagged by an earlier run`;
    case "proposed":
      return `${reason.tag}, as the merged release pull request named it (proposed with a forced bump, or on an earlier date)`;
    case "release-date":
      return `dated ${reason.date}: the release instant ${reason.instant} in ${reason.zone} (calver-timezone)`;
    case "dependency":
      return `released for its dependencies: ${reason.dependencies.join(", ")} release${reason.dependencies.length === 1 ? "s" : ""} in this run (a patch at least)`;
    case "linked":
      return `linked with ${reason.group.join(", ")}: the group releases ${reason.version}, the highest of its versions`;
    case "tags-not-read": {
      const some = `${reason.examples.join(", ")}${reason.count > reason.examples.length ? ", \u2026" : ""}`;
      const fixes = [
        ...reason.prefixes.map((prefix) => `\`tag-prefix: ${prefix === "" ? "''" : prefix}\``),
        ...reason.calendar ? ["`scheme: calver` with its `calver-format`"] : []
      ];
      return `no release tag was read, but ${reason.count} tag${reason.count === 1 ? "" : "s"} look${reason.count === 1 ? "s" : ""} like a version (${some}): set ${fixes.join(" or ")} to build on ${reason.count === 1 ? "it" : "them"}`;
    }
    case "not-semver":
      return `${reason.version} is not a SemVer version: do not hand it to tools that expect one`;
    case "calver":
      return describeCalverReason(reason.reason);
    default:
      return unreachable(reason);
  }
}
function unreachable(value) {
  throw new Error(`describeReason: unexpected reason ${JSON.stringify(value)}`);
}

// src/report/explain.ts
function shortSha(sha) {
  return sha.slice(0, 7);
}
function renderHeadline(plan) {
  const from = plan.previous ? plan.previous.tag : "no release yet";
  switch (plan.kind) {
    case "release":
      return `${from} \u2192 ${plan.next.tag} (${plan.bump})`;
    case "none":
      return `${from}: nothing to release (${plan.reason === "no-commits" ? "no commits since it" : "no releasable commits"})`;
    case "blocked":
      return `${from}: release blocked (${plan.findings.length} problem${plan.findings.length === 1 ? "" : "s"})`;
  }
}
function explainBump(plan) {
  const ignored = plan.commits.filter((c) => c.bump === "none").length;
  const tail = ignored ? `; ${ignored} commit${ignored === 1 ? "" : "s"} released nothing` : "";
  if (plan.commits.length === 0) return "no commits since the last release";
  const forced = plan.reasons.find((r) => r.kind === "forced");
  if (forced) return `${plan.bump}, ${describeReason(forced)}${tail}`;
  if (plan.bump === "none")
    return `no release: none of the ${plan.commits.length} commit${plan.commits.length === 1 ? "" : "s"} calls for one${describeIgnored(plan.commits)}`;
  const raised = plan.reasons.find((r) => r.kind === "raised-by-image");
  if (raised) return `${plan.bump}, ${describeReason(raised)}${tail}`;
  const held = plan.reasons.find((r) => r.kind === "held-by-major-zero");
  const decisive = held ? plan.commits.filter((c) => held.commits.includes(c.sha)) : plan.commits.filter((c) => c.bump === plan.bump);
  const deciding = decisive.flatMap((c) => eachCommit(c).filter((x) => x.bump === c.bump));
  const groups = /* @__PURE__ */ new Map();
  for (const c of deciding) {
    const key = c.cause.kind === "breaking" ? "breaking" : c.message.kind === "conventional" ? c.message.type : "revert";
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const parts = [...groups].map(([key, list]) => {
    const shown = list.slice(0, 3).map((c) => `${shortSha(c.sha)} ${clip(c.header)}`);
    const more = list.length > 3 ? `, and ${list.length - 3} more` : "";
    return `${list.length} ${key} commit${list.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}`;
  });
  return `${plan.bump}, because ${parts.join("; ")}${tail}`;
}
function describeIgnored(commits) {
  const unconventional = commits.filter((c) => c.status === "ignored").length;
  return unconventional ? ` (${unconventional} not Conventional Commits)` : "";
}
function describeFinding(finding) {
  switch (finding.kind) {
    case "non-conventional":
      return `${shortSha(finding.sha)} "${clip(finding.header)}" is not a Conventional Commit (${finding.why}); with \`strict: true\` every commit must be one. Reword it as \`type(scope): description\` (\`verso lint-commit\` suggests a wording), or turn strict off.`;
    case "tag-exists":
      return `Tag ${finding.tag} already exists at ${shortSha(finding.sha)}, which HEAD does not contain. A published tag is never moved: release from a branch that contains it, or delete the tag deliberately.`;
    case "image": {
      const { file, line, message, suggestion } = finding.finding;
      return `${file}${line === null ? "" : `:${line}`}: ${message}${suggestion ? ` Add: ${suggestion.text}` : ""}`;
    }
    case "image-bump":
      return `The schema changes need a ${finding.required} release, but this release is ${finding.declared === "none" ? "none" : `a ${finding.declared}`} (${finding.reasons.join("; ")}). ` + (finding.required === "major" ? "Mark a commit as breaking (`!` or a `BREAKING CHANGE:` footer), force `bump: major`, or set `image-bump: escalate`." : `Add a commit that calls for a ${finding.required} release, force \`bump: ${finding.required}\`, or set \`image-bump: escalate\`.`);
    case "outside-line":
      return describeOutsideLine(finding);
    case "prerelease-below":
      return `${finding.version} would sort below ${finding.above}, which this branch already contains (SemVer orders channels by name: alpha < beta < rc). Release this branch on a channel that sorts after it, or release the stable version.`;
  }
}
function describeOutsideLine(finding) {
  const branch = finding.branch ?? "this branch";
  const commits = finding.commits.map((c) => `${shortSha(c.sha)} "${clip(c.header)}"`).join(", ");
  const cause = commits ? `${commits} call${finding.commits.length === 1 ? "s" : ""} for a ${finding.bump} release` : `the release is a ${finding.bump}`;
  const line = `${branch} releases only ${finding.range}`;
  switch (finding.limit.kind) {
    case "range":
      return `${finding.version} is outside ${branch}'s range: ${line}, and ${cause}. Move ${commits ? "that change" : "the change"} to the next line (the branch that releases above ${finding.range}), ` + (finding.policy === "branches" ? "or widen the range (`range:` of its entry in `branches`)." : `or widen the range: list the branch in \`branches\` of .github/verso.yml with a wider \`range:\` (its name ${finding.range} sets it now).`);
    case "taken":
      return `${finding.version} is not free on ${branch}: ${finding.limit.tag} is a newer line's release, and a maintenance line releases only below it; ${cause}. Move the change to the newer line, or release only fixes here.`;
    case "newest":
      return `${finding.version} would be the newest release, and the newest versions are ${finding.limit.owner}'s to make: ${line} and only below a newer line's release, and none is newer yet; ${cause}. Release the change from ${finding.limit.owner} first, or, if ${branch} is now the stable line, list it without a range.`;
  }
}

export {
  describeReason,
  shortSha,
  renderHeadline,
  explainBump,
  describeFinding
};
