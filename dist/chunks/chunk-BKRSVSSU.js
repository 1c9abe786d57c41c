import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  applyOptions,
  applyPlan,
  decideRelease,
  describeApply
} from "./chunk-SOW72SPE.js";
import {
  gatherLine,
  isOwnRelease,
  planRelease,
  planReleaseRun
} from "./chunk-WGMLVEJV.js";
import {
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-DWKG66T3.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/run/release.ts
async function runRelease(request) {
  const { config, gather } = request;
  const line = await gatherLine(gather, config, request.hints, "remote");
  const { plan, fetched, resumed } = await planReleaseRun(gather, config, request.now, line);
  const notes = plan.kind === "none" ? "" : renderNotes(plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT });
  const done = (result) => ({ plan, fetched, resumed, notes, result });
  request.onPlanned?.({ plan, fetched, resumed, notes });
  if (plan.kind !== "release") return done({ kind: "planned" });
  const decision = decideRelease(line, request.dryRun);
  const options = applyOptions(config, plan, notes, request.log);
  switch (decision.kind) {
    case "skip":
      if (decision.unknown && request.requireBranch) {
        throw new VersoError("EUSAGE", `Nothing released: ${decision.why}.`, {
          hint: "Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH)."
        });
      }
      return done({ kind: "skipped", why: decision.why });
    case "dry-run":
      return done({ kind: "dry-run", steps: describeApply(plan, options) });
    case "release": {
      const api = request.connect();
      const finished = api ? await finishEarlierRelease(request, plan, api) : null;
      return done({ kind: "applied", outcome: await applyPlan(plan, request.git, api, options), finished });
    }
  }
}
async function finishEarlierRelease(request, plan, api) {
  const { config, gather } = request;
  const previous = plan.previous;
  if (previous === null || previous.sha === plan.head || !await isOwnRelease(gather, config, plan.line, previous)) return null;
  if (await api.findReleaseByTag(previous.tag) !== null) return null;
  const earlier = await planRelease(gather, config, request.now, {
    line: plan.line,
    head: previous.sha,
    ignoreTag: previous.tag,
    finish: previous.value,
    schemasAt: previous.sha,
    checkWorktreeImage: false
  });
  if (earlier.plan.kind !== "release") {
    request.log(`${previous.tag} has no GitHub Release, and its own plan is ${earlier.plan.kind} now: it is left without one.`);
    return null;
  }
  request.log(`${previous.tag} has no GitHub Release: an earlier run pushed the tag and stopped. Publishing it first.`);
  const notes = renderNotes(earlier.plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT });
  const options = { ...applyOptions(config, earlier.plan, notes, request.log), floatingTags: "none" };
  return applyPlan(earlier.plan, request.git, api, options);
}

export {
  runRelease
};
