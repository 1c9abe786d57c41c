import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  applyOptions,
  applyPlan,
  decideRelease,
  describeApply
} from "./chunk-SOW72SPE.js";
import "./chunk-RWW5ZTZX.js";
import "./chunk-CIVBDLHN.js";
import {
  decidePlan,
  isOwnRelease,
  lineFor
} from "./chunk-SQN2X4DY.js";
import "./chunk-ABD755OP.js";
import "./chunk-QWN2I4DH.js";
import {
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-OHCWRPAA.js";
import "./chunk-ZYHF6ZOA.js";
import "./chunk-4523AZVS.js";
import "./chunk-UJXGWLN7.js";
import "./chunk-CMOI2VLM.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import "./chunk-3GUUJDMH.js";
import "./chunk-G27QDBJF.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-IXE7RTMW.js";

// src/run/packages.ts
async function planPackages(request) {
  const { config, gather, now } = request;
  const packages = config.packages.list;
  const lines = packages.map((pkg) => lineFor(pkg.config, request.where.branch, request.where.defaultBranch));
  const history = await gather.packages(
    packages.map((pkg, i) => ({ pkg, line: lines[i] })),
    request.head
  );
  const plans = packages.map((pkg, i) => ({
    pkg,
    line: lines[i],
    plan: decidePlan(pkg.config, history.facts[i], now, null, { line: lines[i] }),
    resumed: false
  }));
  const finishing = request.resume ? await releasesToFinish(request, plans) : /* @__PURE__ */ new Map();
  if (finishing.size) {
    const again = await gather.packages(
      packages.map((pkg, i) => ({ pkg, line: lines[i], ...finishing.has(i) ? { ignoreTag: plans[i].plan.previous.tag } : {} })),
      request.head
    );
    for (const [i, version] of finishing) {
      const pkg = packages[i];
      plans[i] = {
        pkg,
        line: lines[i],
        plan: decidePlan(pkg.config, again.facts[i], now, null, { line: lines[i], finish: version }),
        resumed: true
      };
    }
  }
  return {
    head: history.head,
    plans,
    unrouted: history.unrouted,
    source: config.packages.source,
    skipped: config.packages.skipped,
    fetched: history.fetched
  };
}
async function releasesToFinish(request, plans) {
  const found = /* @__PURE__ */ new Map();
  for (const [i, { pkg, line, plan }] of plans.entries()) {
    if (plan.kind !== "none" || plan.reason !== "no-commits" || plan.previous?.sha !== plan.head) continue;
    if (await isOwnRelease(request.gather, pkg.config, line, plan.previous)) found.set(i, plan.previous.value);
  }
  return found;
}
async function runPackagesRelease(request, onPlanned) {
  const { config, gather } = request;
  const where = await gather.branch(request.hints, "remote");
  const plan = await planPackages({ gather, config, now: request.now, where, resume: true });
  onPlanned?.(plan);
  const runs = [];
  let api;
  for (const { pkg, line, plan: own } of plan.plans) {
    const notes = own.kind === "none" ? "" : renderNotes(own, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT });
    const done = (result) => runs.push({ name: pkg.spec.name, plan: own, notes, result });
    if (own.kind !== "release") {
      done({ kind: "planned" });
      continue;
    }
    const decision = decideRelease(line, request.dryRun);
    const options = applyOptions(pkg.config, own, notes, request.log);
    if (decision.kind === "skip") {
      if (decision.unknown && request.requireBranch)
        throw new VersoError("EUSAGE", `Nothing released: ${decision.why}.`, {
          hint: "Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH)."
        });
      done({ kind: "skipped", why: decision.why });
    } else if (decision.kind === "dry-run") {
      done({ kind: "dry-run", steps: describeApply(own, options) });
    } else {
      api ??= request.connect();
      done({ kind: "applied", outcome: await applyPlan(own, request.git, api, options), finished: null });
    }
  }
  return { plan, packages: runs };
}
export {
  planPackages,
  runPackagesRelease
};
