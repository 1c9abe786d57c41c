import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  planArtifacts
} from "./chunk-CR4DGGOJ.js";
import {
  applyOptions,
  applyPlan,
  commitRelease,
  decideRelease,
  describeApply
} from "./chunk-KOPTFRYK.js";
import {
  gatherLine,
  isOwnRelease,
  planRelease,
  planReleaseRun
} from "./chunk-TKGLPTCK.js";
import {
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-QZIVPIKN.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/run/release.ts
async function runRelease(request) {
  const { config, gather } = request;
  const line = await gatherLine(gather, config, request.hints, "remote");
  const above = config.release.files && line.branch && !request.dryRun ? await releaseCommitOf(request, line.branch) : null;
  const { plan, fetched, resumed } = await planReleaseRun(gather, config, request.now, line, above ?? void 0);
  const artifacts = planArtifacts(plan, request.packageName ?? "package").list;
  const notes = plan.kind === "none" ? "" : renderNotes(plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT, artifacts });
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
      const released = await withReleaseCommit(request, plan, line.branch, notes);
      return done({ kind: "applied", outcome: await applyPlan(released, request.git, api, options), finished });
    }
  }
}
async function releaseCommitOf(request, branch) {
  const found = await request.gather.releaseCommitAbove(branch, await headOf(request), request.config.release.tagger);
  if (found) request.log(`${branch} has this release's commit ${found.slice(0, 7)} already: finishing its release (a re-run).`);
  return found;
}
async function headOf(request) {
  return await request.gather.commitOf("HEAD") ?? "";
}
async function withReleaseCommit(request, plan, branch, notes) {
  const { files } = request.config.release;
  if (!files) return plan;
  const release = {
    name: "",
    path: ".",
    version: plan.next.version,
    tag: plan.next.tag,
    previousTag: plan.previous?.tag ?? null,
    notes,
    changelog: files.changelog
  };
  const sha = await commitRelease({
    git: request.git,
    files,
    branch,
    head: plan.head,
    releases: [release],
    packages: null,
    tagger: request.config.release.tagger,
    date: request.now.toISOString().slice(0, 10),
    repositoryUrl: request.repositoryUrl,
    log: request.log
  });
  return sha === plan.head ? plan : { ...plan, head: sha };
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
  runRelease,
  withReleaseCommit
};
