import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  GIT_WRITER,
  applyOptions,
  applyPlan,
  awaitsNpm,
  chooseReleaseWriter,
  commitRelease,
  completeRelease,
  decideRelease,
  describeApply,
  fetchMissingTags,
  publishJob,
  publishRequest,
  publishSteps,
  pullRequestsOf,
  releaseCommitOf,
  releaseCommitRequest,
  releaseFileEdits,
  signingRequest,
  tagRelease,
  withPublisher,
  writeProposal
} from "./chunk-U2MY6XPI.js";
import {
  createGather
} from "./chunk-TJ5YNXCT.js";
import "./chunk-JO5MNEX4.js";
import {
  dependents,
  fileRelease,
  readDependencies
} from "./chunk-6SHZNJZH.js";
import {
  renderPackagesSummary
} from "./chunk-U54OGVZW.js";
import "./chunk-RMAAJUBL.js";
import "./chunk-5AAX7NRC.js";
import "./chunk-Y7TX2PNF.js";
import "./chunk-ODAAM37D.js";
import "./chunk-XEWIFGC5.js";
import "./chunk-DBTZGFGY.js";
import "./chunk-4DQIALLB.js";
import "./chunk-CR4DGGOJ.js";
import {
  MERGED_CANDIDATES,
  closeReleasePullRequest,
  findMergedReleases,
  leftToItsOwnRun,
  proposedVersion,
  readRange,
  releaseBranchOf
} from "./chunk-CFJ5KQBI.js";
import {
  decidePlan,
  isOwnRelease,
  lineFor,
  releaseCommitMessage
} from "./chunk-SN7RSUOQ.js";
import {
  compareVersions,
  formatVersion,
  withSigning
} from "./chunk-LK73LO5H.js";
import {
  renderReleasePullRequestBody
} from "./chunk-JXRXIIPL.js";
import "./chunk-OUXFSVUQ.js";
import "./chunk-OIMHAFPS.js";
import "./chunk-CKOUWFXA.js";
import "./chunk-LHPEVOM6.js";
import "./chunk-FHD5WZQQ.js";
import "./chunk-L6R23QXP.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-6MJHAZTC.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-F3M2BGHC.js";
import "./chunk-ZNYF77EQ.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-QSZWMMJ6.js";
import "./chunk-A4HLQ4KQ.js";
import {
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-ML7ZROJ3.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
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
  const facts = [...history.facts];
  const decide = (i, options = {}) => {
    const proposed = request.proposed?.get(packages[i].spec.name);
    return decidePlan(packages[i].config, facts[i], now, null, { line: lines[i], ...proposed ? { proposed } : {}, ...options });
  };
  const plans = packages.map((_, i) => decide(i));
  const finishing = request.resume ? await releasesToFinish(request, packages, lines, plans) : /* @__PURE__ */ new Map();
  if (finishing.size) {
    const again = await gather.packages(
      packages.map((pkg, i) => ({ pkg, line: lines[i], ...finishing.has(i) ? { ignoreTag: plans[i].previous.tag } : {} })),
      request.head
    );
    for (const [i, version] of finishing) {
      facts[i] = again.facts[i];
      plans[i] = decide(i, { finish: version });
    }
  }
  const graph = await readDependencyGraph(gather, packages);
  const names = packages.map((p) => p.spec.name);
  const own = packages.map(() => ({}));
  for (const [i, atLeast] of dependencyBumps(names, plans, graph)) {
    own[i] = { atLeast };
    plans[i] = decide(i, own[i]);
  }
  for (const [i, raiseTo] of linkedVersions(names, plans, config.packages.linked)) {
    if (!finishing.has(i)) plans[i] = decide(i, { ...own[i], raiseTo });
  }
  return {
    head: history.head,
    plans: packages.map((pkg, i) => ({ pkg, line: lines[i], plan: plans[i], resumed: finishing.has(i) })),
    unrouted: history.unrouted,
    source: config.packages.source,
    skipped: config.packages.skipped,
    fetched: history.fetched
  };
}
function dependencyBumps(names, plans, graph) {
  const releasing = new Set(names.filter((_, i) => plans[i].kind === "release"));
  const bumps = /* @__PURE__ */ new Map();
  for (const [name, on] of dependents(graph, releasing)) {
    const i = names.indexOf(name);
    if (i !== -1 && !releasing.has(name)) bumps.set(i, { bump: "patch", reason: { kind: "dependency", dependencies: on } });
  }
  return bumps;
}
function linkedVersions(names, plans, linked) {
  const raised = /* @__PURE__ */ new Map();
  for (const group of linked) {
    const members = group.map((name) => names.indexOf(name)).filter((i) => i !== -1 && plans[i].kind === "release");
    if (members.length < 2) continue;
    const highest = members.map((i) => plans[i].next.value).reduce((a, b) => compareVersions(a, b) >= 0 ? a : b);
    for (const i of members) {
      const reason = { kind: "linked", group: group.filter((n) => n !== names[i]), version: formatVersion(highest) };
      raised.set(i, { version: highest, reason });
    }
  }
  return raised;
}
async function readDependencyGraph(gather, packages) {
  const manifests = await Promise.all(
    packages.map(async (p) => ({ p, text: await gather.worktreeFile(`${p.spec.path === "." ? "" : `${p.spec.path}/`}package.json`) }))
  );
  const byManifest = /* @__PURE__ */ new Map();
  const read = [];
  for (const { p, text } of manifests) {
    const name = text === null ? null : manifestName(text);
    if (name === null || text === null) continue;
    byManifest.set(name, p.spec.name);
    read.push({ name, text });
  }
  if (read.length < 2) return /* @__PURE__ */ new Map();
  const graph = /* @__PURE__ */ new Map();
  for (const [name, on] of readDependencies(read))
    graph.set(
      byManifest.get(name),
      on.map((d) => byManifest.get(d))
    );
  return graph;
}
function manifestName(text) {
  try {
    const data = JSON.parse(text);
    return typeof data.name === "string" && data.name ? data.name : null;
  } catch {
    return null;
  }
}
async function releasesToFinish(request, packages, lines, plans) {
  const found = /* @__PURE__ */ new Map();
  for (const [i, plan] of plans.entries()) {
    if (plan.kind !== "none" || plan.reason !== "no-commits" || plan.previous?.sha !== plan.head) continue;
    if (await isOwnRelease(request.gather, packages[i].config, lines[i], plan.previous)) found.set(i, plan.previous.value);
  }
  return found;
}
async function releaseCommitFor(request, plan, notes, branch, signing, writer) {
  const files = releaseFilesOf(request.config);
  if (!files || request.dryRun) return null;
  const releases = plan.plans.flatMap(
    ({ pkg, line, plan: own, waiting }, i) => own.kind === "release" && !waiting && decideRelease(line, false).kind === "release" ? (
      // The package's own changelog setting, which is the top level's unless it sets one (an empty one turns it off).
      [
        fileRelease(own, {
          name: pkg.spec.name,
          path: pkg.spec.path,
          notes: notes[i],
          changelog: pkg.config.release.files?.changelog ?? null
        })
      ]
    ) : []
  );
  if (releases.length === 0) return null;
  const packages = plan.plans.map((p) => p.pkg.spec.path);
  const sha = await commitRelease({ ...releaseCommitRequest(request, files, branch, plan.head), releases, packages, signing, writer });
  return sha === plan.head ? null : sha;
}
async function findMergedPackagesRelease(request, where, atHead) {
  const { config } = request;
  const perPackage = config.release.pullRequests === "per-package";
  const since = atHead.plans.flatMap((p) => p.plan.previous ? [p.plan.previous.sha] : []);
  const range = await readRange(request.git, since, atHead.head);
  const candidates = [...findMergedReleases(range, atHead.head).slice(0, MERGED_CANDIDATES), null];
  const publishes = config.packages.list.some((pkg) => pkg.config.publish.to === "npm");
  for (const candidate of candidates) {
    const label = (candidate?.at ?? atHead.head).slice(0, 7);
    if (candidate !== null && leftToItsOwnRun(candidate, atHead.head, publishes, request.log)) continue;
    const planAt = (proposed2) => planPackages({
      gather: request.gather,
      config,
      now: request.now,
      where,
      resume: false,
      head: candidate.at,
      ...proposed2 ? { proposed: proposed2 } : {}
    });
    let at = candidate === null || candidate.at === atHead.head ? atHead : await planAt();
    const proposed = candidate === null ? /* @__PURE__ */ new Map() : proposedVersions(at, candidate.tags);
    if (proposed.size > 0) at = await planAt(proposed);
    const releasing = at.plans.filter((p) => p.plan.kind === "release" && decideRelease(p.line, false).kind === "release");
    const tags = releasing.map((p) => p.plan.next.tag);
    if (releasing.length === 0) continue;
    const named = candidate === null ? tags : tags.filter((tag) => candidate.tags.includes(tag));
    const agrees = candidate === null || (perPackage ? named.length === candidate.tags.length : named.length === tags.length);
    if (!agrees) {
      request.log(
        `${label} brought the release commit of ${candidate.tags.join(", ")}, but its plan there is ${tags.join(", ")}: not released.`
      );
      continue;
    }
    const only = new Set(releasing.filter((p) => named.includes(p.plan.next.tag)).map((p) => p.pkg.spec.name));
    const held = perPackage ? new Set(await filterAsync([...only], (name) => packagesHeld(request, at, candidate?.at ?? atHead.head, /* @__PURE__ */ new Set([name])))) : await packagesHeld(request, at, candidate?.at ?? atHead.head, only) ? only : /* @__PURE__ */ new Set();
    if (held.size === 0) continue;
    const released = tags.filter((tag) => releasing.some((p) => held.has(p.pkg.spec.name) && p.plan.next.tag === tag));
    request.log(`${label} holds the release of ${released.join(", ")}: releasing it.`);
    return { ...at, plans: at.plans.map((p) => p.plan.kind === "release" && !held.has(p.pkg.spec.name) ? { ...p, waiting: true } : p) };
  }
  return null;
}
function proposedVersions(plan, tags) {
  const proposed = /* @__PURE__ */ new Map();
  for (const { pkg, plan: own } of plan.plans) {
    const version = proposedVersion(pkg.config, tags, own);
    if (version !== null) proposed.set(pkg.spec.name, version);
  }
  return proposed;
}
async function filterAsync(items, keep) {
  const kept = [];
  for (const item of items) if (await keep(item)) kept.push(item);
  return kept;
}
function fileReleases(plan, notes, only) {
  return plan.plans.flatMap(
    ({ pkg, line, plan: own, waiting }, i) => own.kind === "release" && !waiting && decideRelease(line, false).kind === "release" && (only === void 0 || only.has(pkg.spec.name)) ? [
      fileRelease(own, {
        name: pkg.spec.name,
        path: pkg.spec.path,
        notes: notes[i] ?? "",
        changelog: pkg.config.release.files?.changelog ?? null
      })
    ] : []
  );
}
async function packagesHeld(request, plan, at, only) {
  const files = releaseFilesOf(request.config);
  const releases = fileReleases(plan, [], only);
  if (!files || releases.length === 0) return false;
  const packages = plan.plans.map((p) => p.pkg.spec.path);
  const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, null, at), releases, packages });
  return edits.files.length === 0;
}
async function proposePackages(request, plan, base) {
  const allNotes = plan.plans.map(
    ({ plan: own }) => own.kind === "none" ? "" : renderNotes(own, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  );
  const planned = (result) => plan.plans.map((p, i) => ({ name: p.pkg.spec.name, plan: p.plan, notes: allNotes[i], result: result(i) }));
  const groups = request.config.release.pullRequests === "per-package" ? plan.plans.flatMap(
    (p) => decideRelease(p.line, false).kind === "release" && p.plan.kind !== "blocked" ? [{ branch: releaseBranchOf(base, p.pkg.spec.name), only: /* @__PURE__ */ new Set([p.pkg.spec.name]) }] : []
  ) : [{ branch: releaseBranchOf(base), only: void 0 }];
  if (request.dryRun) {
    const steps = groups.flatMap(({ branch, only }) => {
      const releases = fileReleases(plan, allNotes, only);
      return releases.length ? [
        `commit the version files and changelogs as \`${releaseCommitMessage(releases.map((r) => r.tag))}\` and push it to ${branch}`,
        `open or update the release pull request from ${branch} into ${base}`
      ] : [`close the open release pull request from ${branch}, if there is one, and delete ${branch}`];
    });
    return {
      plan,
      packages: planned((i) => plan.plans[i].plan.kind === "release" ? { kind: "dry-run", steps } : { kind: "planned" }),
      pullRequests: []
    };
  }
  const api = pullRequestsOf(request);
  const together = groups.length === 1 && groups[0].only === void 0;
  if (together && plan.plans.some((p) => p.plan.kind === "blocked"))
    return { plan, packages: planned(() => ({ kind: "planned" })), pullRequests: [] };
  const outcomes = [];
  for (const { branch, only } of groups) {
    const releases = fileReleases(plan, allNotes, only);
    const mine = plan.plans.filter((p) => only === void 0 || only.has(p.pkg.spec.name));
    if (releases.length === 0) {
      const any = mine.find((p) => p.plan.kind === "none")?.plan;
      const reason = mine.every((p) => p.plan.kind === "none" && p.plan.reason === "no-commits") ? "no-commits" : "no-releasable-commits";
      const left = { reason, since: any?.previous?.tag ?? null };
      outcomes.push(await closeReleasePullRequest({ git: request.git, api, base, branch, head: plan.head, left, log: request.log }));
      continue;
    }
    const files = releaseFilesOf(request.config);
    const packages = plan.plans.map((p) => p.pkg.spec.path);
    const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, base, plan.head), releases, packages });
    const body = renderReleasePullRequestBody({
      base,
      branch,
      releases: mine.flatMap(
        (p) => p.plan.kind === "release" && releases.some((r) => r.name === p.pkg.spec.name) ? [{ name: p.pkg.spec.name, tag: p.plan.next.tag, bump: p.plan.bump }] : []
      ),
      summary: renderPackagesSummary(only === void 0 ? plan : { ...plan, plans: mine }),
      notes: releases.map((r) => ({ name: r.name, notes: r.notes }))
    });
    const title = releaseCommitMessage(releases.map((r) => r.tag));
    outcomes.push(await writeProposal(request, api, { base, branch, head: plan.head, files: edits.files, title, body }));
  }
  return { plan, packages: planned(() => ({ kind: "planned" })), pullRequests: outcomes };
}
function releaseFilesOf(config) {
  if (config.release.files) return config.release.files;
  return config.packages.list.some((p) => p.config.release.files?.changelog) ? { rules: [], changelog: null } : null;
}
async function finishEarlierPackageRelease(request, plan, pkg, line, own, api, signing, writer) {
  const previous = own.previous;
  if (previous === null || previous.sha === own.head || !await isOwnRelease(request.gather, pkg.config, line, previous)) return null;
  if (await api.findReleaseByTag(previous.tag) !== null) return null;
  const i = plan.plans.findIndex((p) => p.pkg === pkg);
  const history = await request.gather.packages(
    plan.plans.map((p, j) => ({ pkg: p.pkg, line: p.line, ...j === i ? { ignoreTag: previous.tag } : {} })),
    previous.sha
  );
  const earlier = decidePlan(pkg.config, history.facts[i], request.now, null, { line, finish: previous.value });
  if (earlier.kind !== "release") {
    request.log(`${previous.tag} has no GitHub Release, and its own plan is ${earlier.kind} now: it is left without one.`);
    return null;
  }
  const job = publishJob(earlier, pkg.config, { release: pkg.spec.name, path: pkg.spec.path });
  const folders = plan.plans.map((p) => p.pkg.spec.path);
  if (job && await awaitsNpm(request, previous, [job], folders)) return null;
  request.log(`${previous.tag} has no GitHub Release: an earlier run pushed the tag and stopped. Publishing it first.`);
  const notes = renderNotes(earlier, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT });
  return applyPlan(earlier, request.git, api, {
    ...applyOptions(pkg.config, earlier, notes, request.log, signing),
    floatingTags: "none",
    writer
  });
}
async function runPackagesRelease(request, onPlanned) {
  const { config, gather } = request;
  const [where] = await Promise.all([gather.branch(request.hints, "remote"), fetchMissingTags(request)]);
  const viaPullRequest = config.release.via === "pull-request";
  const above = releaseFilesOf(config) && where.branch && !request.dryRun && !viaPullRequest ? await releaseCommitOf(request, where.branch) : null;
  const atHead = await planPackages({ gather, config, now: request.now, where, resume: true, ...above ? { head: above } : {} });
  const proposes = viaPullRequest && where.branch !== null && !atHead.plans.some((p) => p.resumed) && atHead.plans.some((p) => decideRelease(p.line, request.dryRun).kind !== "skip");
  const merged = proposes ? await findMergedPackagesRelease(request, where, atHead) : null;
  const waiting = (p) => p.plan.kind === "release" && !p.resumed && decideRelease(p.line, request.dryRun).kind !== "skip" ? { ...p, waiting: true } : p;
  const plan = merged ?? (viaPullRequest ? { ...atHead, plans: atHead.plans.map(waiting) } : atHead);
  onPlanned?.(plan);
  if (proposes && merged === null) return proposePackages(request, atHead, where.branch ?? "");
  const applying = plan.plans.some(
    (p) => p.plan.kind === "release" && !p.waiting && decideRelease(p.line, request.dryRun).kind === "release"
  );
  const api = applying ? request.connect() : void 0;
  const writer = applying ? chooseReleaseWriter(config, request.connectGitData) : GIT_WRITER;
  const allNotes = plan.plans.map(
    ({ plan: own }) => own.kind === "none" ? "" : renderNotes(own, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT })
  );
  const jobs = plan.plans.flatMap(({ pkg, line, plan: planned, waiting: waiting2 }) => {
    if (planned.kind !== "release" || waiting2 || decideRelease(line, request.dryRun).kind === "skip") return [];
    const job = publishJob(planned, pkg.config, { release: pkg.spec.name, path: pkg.spec.path });
    return job ? [job] : [];
  });
  const folders = plan.plans.map((p) => p.pkg.spec.path);
  const publishing = await publishRequest(request, jobs, folders);
  const signs = applying ? signingRequest(request) : { ...signingRequest(request), kind: "none" };
  const run = await withSigning(
    request.git,
    signs,
    (signing) => withPublisher(publishing, async (publisher) => {
      const preview = publisher && request.dryRun ? await publisher.preview() : null;
      const prepared = publisher && !request.dryRun ? await publisher.prepare() : null;
      const target = await releaseCommitFor(request, plan, allNotes, where.branch, signing, writer);
      const slots = await tagEach(request, plan, target, allNotes, api, preview, signing, writer);
      const superseded = new Set(
        slots.flatMap(
          (s) => s.kind === "done" && s.run.result.kind === "applied" && s.run.result.outcome.kind === "superseded" ? [s.run.name] : []
        )
      );
      const publish = prepared ? await prepared.publish({ superseded, releaseCommit: target }) : preview;
      const runs = [];
      for (const slot of slots) runs.push(slot.kind === "done" ? slot.run : await slot.complete());
      return { plan, packages: runs, publish };
    })
  );
  if (merged !== null && merged.head !== atHead.head && run.packages.some((p) => p.result.kind === "applied")) {
    try {
      const next = await runPackagesRelease({ ...request, gather: createGather(request.git, config) });
      if (next.pullRequests?.length) return { ...run, pullRequests: next.pullRequests };
    } catch (error) {
      request.log(`The next release pull request was not proposed: ${error.message} The next push to the branch proposes it.`);
    }
  }
  return run;
}
async function tagEach(request, plan, target, allNotes, connected, preview, signing, writer) {
  let api = connected;
  const slots = [];
  for (const [i, { pkg, line, plan: planned, waiting }] of plan.plans.entries()) {
    const own = planned.kind === "release" && target !== null ? { ...planned, head: target } : planned;
    const notes = allNotes[i];
    const run = (result) => ({ name: pkg.spec.name, plan: own, notes, result });
    const done = (result) => slots.push({ kind: "done", run: run(result) });
    if (own.kind !== "release") {
      done({ kind: "planned" });
      continue;
    }
    if (waiting) {
      done({ kind: "skipped", why: `its release pull request (${releaseBranchOf(line.branch ?? "", pkg.spec.name)}) is not merged yet` });
      continue;
    }
    const decision = decideRelease(line, request.dryRun);
    const options = { ...applyOptions(pkg.config, own, notes, request.log, signing), writer };
    if (decision.kind === "skip") {
      if (decision.unknown && request.requireBranch)
        throw new VersoError("EUSAGE", `Nothing released: ${decision.why}.`, {
          hint: "Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH)."
        });
      done({ kind: "skipped", why: decision.why });
    } else if (decision.kind === "dry-run") {
      const mine = preview && { ...preview, entries: preview.entries.filter((e) => e.release === pkg.spec.name) };
      done({ kind: "dry-run", steps: [...describeApply(own, options), ...publishSteps(mine)] });
    } else {
      api ??= request.connect();
      const releases = api;
      const finished = releases ? await finishEarlierPackageRelease(request, plan, pkg, line, own, releases, signing, writer) : null;
      const tagged = await tagRelease(request.git, own, options);
      if (tagged.kind === "superseded") done({ kind: "applied", outcome: tagged, finished });
      else
        slots.push({
          kind: "tagged",
          complete: async () => run({ kind: "applied", outcome: await completeRelease(own, request.git, releases, options), finished })
        });
    }
  }
  return slots;
}
export {
  dependencyBumps,
  linkedVersions,
  planPackages,
  runPackagesRelease
};
