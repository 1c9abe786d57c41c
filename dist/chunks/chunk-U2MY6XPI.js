import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  createGather
} from "./chunk-TJ5YNXCT.js";
import {
  ReleaseExistsError
} from "./chunk-JO5MNEX4.js";
import {
  checkManifest,
  decidePublish,
  fileRelease,
  inDependencyOrder,
  manifestPath,
  openNpmSession,
  pathsToRead,
  planReleaseFiles,
  previewTarball,
  publishFolder,
  readManifests,
  readNpmAuth,
  readNpmVersion,
  registryFor,
  viewPackage,
  viewVersion,
  writeVersions
} from "./chunk-6SHZNJZH.js";
import {
  renderPlanSummary
} from "./chunk-5AAX7NRC.js";
import {
  conflictHint,
  describeConflict,
  describeEarlierUnpublished,
  describePublishWarning
} from "./chunk-DBTZGFGY.js";
import {
  planArtifacts
} from "./chunk-CR4DGGOJ.js";
import {
  MERGED_CANDIDATES,
  closeReleasePullRequest,
  findMergedReleases,
  leftToItsOwnRun,
  proposeRelease,
  proposedVersion,
  readRange,
  releaseBranchOf,
  replaceRemoteBranch
} from "./chunk-CFJ5KQBI.js";
import {
  advanceCheckout,
  branchPushError,
  createReleaseCommit,
  fetchBranchCommit,
  gatherLine,
  isOwnRelease,
  planRelease,
  planReleaseRun,
  pushReleaseCommit,
  readReleaseTree,
  readRemoteBranch,
  releaseCommitMessage
} from "./chunk-SN7RSUOQ.js";
import {
  NO_SIGNING,
  createAnnotatedTag,
  fetchTag,
  isAncestor,
  pushTag,
  readLocalTag,
  readRemoteTag,
  readRemoteTags,
  summarizeGitOutput,
  withSigning
} from "./chunk-LK73LO5H.js";
import {
  renderReleasePullRequestBody
} from "./chunk-JXRXIIPL.js";
import {
  describeNotReleasing
} from "./chunk-OUXFSVUQ.js";
import {
  listFiles,
  readFilesAt,
  writeWorktreeFile
} from "./chunk-LHPEVOM6.js";
import {
  formatDateInZone
} from "./chunk-6MJHAZTC.js";
import {
  compareSemver,
  parseSemver,
  require_semver
} from "./chunk-G6X6EZPO.js";
import {
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-ML7ZROJ3.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/run/release-writer.ts
var GIT_WRITER = {
  via: "git",
  async commit(git, request) {
    const { files, message, author, parent, signing } = request;
    const sha = await createReleaseCommit(git, { files, message, author, parent, signing });
    const pushed = await pushReleaseCommit(git, request.remote, request.branch, sha, parent);
    return pushed.kind === "pushed" ? { kind: "pushed", sha } : pushed;
  },
  async tag(git, request) {
    if (!request.local) await createAnnotatedTag(git, request.tag, request.sha, request.message, request.tagger, request.signing);
    return pushTag(git, request.remote, request.tag, { force: false });
  },
  async replaceBranch(git, request) {
    const { files, message, author, parent, signing, date } = request;
    const sha = await createReleaseCommit(git, { files, message, author, parent, signing, date });
    const pushed = await replaceRemoteBranch(git, request.remote, request.branch, sha, request.expected);
    return pushed.kind === "pushed" ? { kind: "pushed", sha } : pushed;
  }
};
function apiWriter(gitData) {
  return {
    via: "api",
    async commit(git, request) {
      const tree = await readReleaseTree(git, request.parent, request.files);
      const made = await gitData.createCommit({ parent: tree.parent, baseTree: tree.tree, files: tree.files, message: request.message });
      const updated = await gitData.updateBranch(request.branch, made.sha, "fast-forward");
      switch (updated.kind) {
        case "updated":
          await fetchBranchCommit(git, request.remote, request.branch, made.sha);
          return { kind: "pushed", sha: made.sha };
        case "not-fast-forward":
        case "missing":
        case "exists": {
          const now = await gitData.readBranch(request.branch);
          if (now === made.sha) {
            await fetchBranchCommit(git, request.remote, request.branch, made.sha);
            return { kind: "pushed", sha: made.sha };
          }
          return { kind: "moved", remoteSha: now, message: updated.message };
        }
        case "protected":
          return { kind: "denied", message: updated.message };
        default:
          return assertNever(updated);
      }
    },
    async replaceBranch(git, request) {
      const tree = await readReleaseTree(git, request.parent, request.files);
      const made = await gitData.createCommit({ parent: tree.parent, baseTree: tree.tree, files: tree.files, message: request.message });
      const updated = await gitData.updateBranch(request.branch, made.sha, request.expected === null ? "create" : "force");
      switch (updated.kind) {
        case "updated":
          return { kind: "pushed", sha: made.sha };
        case "protected":
          return { kind: "denied", message: updated.message };
        default:
          return { kind: "moved", message: updated.message };
      }
    },
    async tag(git, request) {
      if ((request.signing ?? NO_SIGNING).kind !== "none") return GIT_WRITER.tag(git, request);
      const made = await gitData.createTag({ tag: request.tag, message: request.message, commit: request.sha, tagger: request.tagger });
      if (made.kind === "exists") return { kind: "rejected", reason: "exists", message: made.message };
      await fetchTag(git, request.remote, request.tag);
      return { kind: "pushed" };
    }
  };
}
function chooseReleaseWriter(config, connect) {
  if (config.release.commitVia === "git") return GIT_WRITER;
  const gitData = connect?.() ?? null;
  if (gitData === null) {
    throw new VersoError(
      "EINVALIDCONFIG",
      "`commit-via: api` writes the release commit and tag through the GitHub API, and there is no GitHub token (or repository) for it: nothing was committed or tagged.",
      {
        hint: "In a workflow, leave `github-token` at its default and grant `permissions: contents: write`; on the command line, set GITHUB_TOKEN and GITHUB_REPOSITORY. Or set `commit-via: git`."
      }
    );
  }
  return apiWriter(gitData);
}
function assertNever(value) {
  throw new Error(`apiWriter: unexpected branch update ${JSON.stringify(value)}`);
}

// src/run/apply.ts
function applyOptions(config, plan, notes, log, signing = NO_SIGNING) {
  return {
    remote: "origin",
    tagger: config.release.tagger,
    name: releaseName(config, plan),
    notes,
    draft: config.release.draft,
    floatingTags: config.release.floatingTags,
    dispatch: config.release.dispatch,
    log,
    releaseCommit: describeFiles(config),
    signing
  };
}
function describeFiles(config) {
  const files = config.release.files;
  if (!files) return null;
  return [...files.rules.map((r) => r.source), ...files.changelog ? [files.changelog] : []].join(", ");
}
function describeApply(plan, options) {
  const kind = plan.standing.prerelease ? " (a prerelease)" : plan.standing.latest ? " (the latest release)" : "";
  const floating = plan.scheme === "semver" && options.floatingTags !== "none" && plan.standing.highestInMajor;
  return [
    ...options.releaseCommit ? [
      `commit ${options.releaseCommit} as \`chore(release): ${plan.next.tag}\` on top of ${plan.head.slice(0, 7)}, push it to the branch, and tag that commit`
    ] : [],
    `push an annotated tag ${plan.next.tag} at ${options.releaseCommit ? "the release commit" : plan.head.slice(0, 7)}`,
    `create or update the GitHub Release "${options.name}"${kind}${options.draft ? " as a draft" : ""}`,
    ...floating ? [`move the floating tag${options.floatingTags === "major-minor" ? "s" : ""} (${options.floatingTags}) to it`] : [],
    ...options.dispatch.map((workflow) => `send workflow_dispatch for ${plan.next.tag} to ${workflow}`)
  ];
}
function releaseName(config, plan) {
  return config.release.name.replaceAll("{tag}", plan.next.tag).replaceAll("{version}", plan.next.version);
}
async function applyPlan(plan, git, api, options) {
  const tagged = await tagRelease(git, plan, options);
  return tagged.kind === "superseded" ? tagged : completeRelease(plan, git, api, options);
}
function tagRelease(git, plan, options) {
  return publishTag(git, plan, options);
}
async function completeRelease(plan, git, api, options) {
  const { tag } = plan.next;
  const published = api ? await publishRelease(api, plan, options) : null;
  if (published && !published.published && options.dispatch.length) {
    const why = published.release.draft ? "is a draft: its dispatches wait for the run that publishes it" : "was published by an earlier run, which sent its dispatches";
    options.log(`${tag} ${why}: none sent now.`);
  }
  const dispatched = published?.published && api ? await dispatch(api, tag, options) : [];
  const floating = await moveFloatingTags(git, plan, options);
  return { kind: "released", tag, sha: plan.head, release: published?.release ?? null, floating, dispatched };
}
async function dispatch(api, tag, options) {
  const sent = [];
  const failed = [];
  for (const workflow of options.dispatch) {
    try {
      await api.dispatchWorkflow(workflow, tag, {});
      options.log(`Sent workflow_dispatch for ${tag} to ${workflow}.`);
      sent.push(workflow);
    } catch (error) {
      failed.push(`${workflow} (${error.message})`);
    }
  }
  if (failed.length) {
    throw new VersoError("EGITHUB", `${tag} is released, but ${failed.length} workflow(s) did not start: ${failed.join("; ")}.`, {
      hint: `Start them by hand for ${tag}: a re-run does not send dispatches for a release that is already published.`
    });
  }
  return sent;
}
async function publishTag(git, plan, options) {
  const { tag } = plan.next;
  const sha = plan.head;
  const settle = async (remoteSha) => {
    if (remoteSha === sha) {
      options.log(`Tag ${tag} is already on the remote at ${short(sha)}: carrying on (a re-run).`);
      return { kind: "present" };
    }
    await fetchTag(git, options.remote, tag);
    if (await isAncestor(git, sha, remoteSha)) {
      options.log(`Tag ${tag} was released at ${short(remoteSha)}, which contains ${short(sha)}: superseded by that release.`);
      return { kind: "superseded", tag, sha, by: remoteSha };
    }
    throw new VersoError("ETAGEXISTS", `Tag ${tag} already points at ${short(remoteSha)}, not ${short(sha)}.`, {
      hint: "A published tag is never moved. Delete the tag deliberately if it is wrong, or release again (the next run plans past it)."
    });
  };
  const onRemote = await readRemoteTag(git, options.remote, tag);
  if (onRemote !== null) return settle(onRemote);
  const local = await readLocalTag(git, tag);
  if (local !== null && local !== sha) {
    throw new VersoError("ETAGEXISTS", `A local tag ${tag} points at ${short(local)}, not ${short(sha)}, though the remote has none.`, {
      hint: `Delete the local tag (git tag -d ${tag}) and run again.`
    });
  }
  const writer = options.writer ?? GIT_WRITER;
  const pushed = await writer.tag(git, {
    remote: options.remote,
    tag,
    sha,
    message: `${options.name}

${options.notes}`,
    tagger: options.tagger,
    signing: options.signing ?? NO_SIGNING,
    local: local !== null
  });
  if (pushed.kind === "pushed") {
    options.log(
      `${writer.via === "api" && (options.signing ?? NO_SIGNING).kind === "none" ? "Created" : "Pushed"} tag ${tag} at ${short(sha)}.`
    );
    return pushed;
  }
  if (pushed.reason === "exists") {
    const now = await readRemoteTag(git, options.remote, tag);
    if (now !== null) return settle(now);
  }
  throw new VersoError("EPUSH", `The remote refused tag ${tag}: ${summarizeGitOutput(pushed.message)}`, {
    hint: "The token needs `contents: write` (in the workflow: `permissions: contents: write`), and no tag protection rule or ruleset may forbid creating this tag for it. Nothing was published; fix that and run again."
  });
}
async function publishRelease(api, plan, options) {
  const { tag } = plan.next;
  const { prerelease } = plan.standing;
  const bringUpToDate = async (existing2) => {
    if (!existing2.draft || options.draft)
      return { release: await updateRelease(api, existing2, options.notes, prerelease, options), published: false };
    const published = await api.updateRelease(existing2.id, {
      body: options.notes,
      prerelease,
      draft: false,
      makeLatest: plan.standing.latest
    });
    options.log(`Published the draft GitHub Release for ${tag}: ${published.url}`);
    return { release: published, published: true };
  };
  const existing = await api.findReleaseByTag(tag);
  if (existing) return bringUpToDate(existing);
  try {
    const created = await api.createRelease({
      tag,
      name: options.name,
      body: options.notes,
      draft: options.draft,
      prerelease,
      makeLatest: plan.standing.latest
    });
    options.log(`Created the GitHub Release for ${tag}: ${created.url}`);
    return { release: created, published: !created.draft };
  } catch (error) {
    const raced = error instanceof ReleaseExistsError ? await api.findReleaseByTag(tag) : null;
    if (raced) return bringUpToDate(raced);
    throw error;
  }
}
async function updateRelease(api, existing, notes, prerelease, options) {
  if (existing.body === notes && existing.prerelease === prerelease) {
    options.log(`GitHub Release for ${existing.tag} is already up to date: ${existing.url}`);
    return existing;
  }
  const updated = await api.updateRelease(existing.id, { body: notes, prerelease });
  options.log(`Updated the GitHub Release for ${existing.tag}: ${updated.url}`);
  return updated;
}
async function moveFloatingTags(git, plan, options) {
  const { value } = plan.next;
  if (options.floatingTags === "none" || value.kind !== "semver") return [];
  const { major, minor } = value.value;
  const prefix = plan.next.tag.slice(0, plan.next.tag.length - plan.next.version.length);
  const lines = [
    plan.standing.highestInMajor ? { tag: `${prefix}${major}`, line: `${prefix}${major}.` } : null,
    options.floatingTags === "major-minor" && plan.standing.highestInMinor ? { tag: `${prefix}${major}.${minor}`, line: `${prefix}${major}.${minor}.` } : null
  ];
  const moved = [];
  if (lines.every((wanted) => wanted === null)) return moved;
  const read = () => readRemoteTags(git, options.remote, `${prefix}${major}`);
  const remote = await read();
  for (const wanted of lines) {
    if (wanted === null) continue;
    if (await moveFloatingTag(git, plan, wanted, remote, read, options)) moved.push(wanted.tag);
  }
  return moved;
}
async function moveFloatingTag(git, plan, { tag, line }, seenFirst, read, options) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const remote = attempt === 0 ? seenFirst : await read();
    const newer = highestRelease(remote, line, plan);
    if (newer !== null) {
      options.log(`Floating tag ${tag} stays with ${newer}, a newer release of its line than ${plan.next.tag}.`);
      return false;
    }
    const seen = remote.get(tag) ?? null;
    if (seen?.commit === plan.head) return false;
    const pushed = await pushTag(git, options.remote, tag, { force: true, sha: plan.head, expect: seen?.ref ?? null });
    if (pushed.kind === "pushed") {
      options.log(`Moved floating tag ${tag} to ${short(plan.head)}.`);
      return true;
    }
    if (pushed.reason === "exists") continue;
    throw new VersoError("EPUSH", `The remote refused to move the floating tag ${tag}: ${summarizeGitOutput(pushed.message)}`, {
      hint: `The release ${plan.next.tag} is published; allow the token to update ${tag} (tag protection), or set floating-tags: none.`
    });
  }
  throw new VersoError(
    "EPUSH",
    `The floating tag ${tag} kept moving while this run tried to move it; it was left where another run put it.`,
    {
      hint: `The release ${plan.next.tag} is published. Run again to settle ${tag} on the newest release of its line.`
    }
  );
}
function highestRelease(remote, line, plan) {
  if (plan.next.value.kind !== "semver") return null;
  const ours = plan.next.value.value;
  const prefix = plan.next.tag.slice(0, plan.next.tag.length - plan.next.version.length);
  for (const name of remote.keys()) {
    if (!name.startsWith(line)) continue;
    const version = parseSemver(name.slice(prefix.length));
    if (version && version.prerelease.length === 0 && compareSemver(version, ours) > 0) return name;
  }
  return null;
}
function short(sha) {
  return sha.slice(0, 7);
}

// src/run/mode.ts
function resolveMode(mode, eventName) {
  if (mode !== "auto") return mode;
  switch (eventName) {
    case "pull_request":
    case "pull_request_target":
      return "check";
    case "push":
    case "workflow_dispatch":
    case "schedule":
      return "release";
    default:
      return "plan";
  }
}
function decideRelease(line, dryRun) {
  const why = describeNotReleasing(line);
  if (why !== null) return { kind: "skip", why, unknown: line.status.kind === "detached" || line.status.kind === "default-unknown" };
  return dryRun ? { kind: "dry-run" } : { kind: "release" };
}

// src/run/release-commit.ts
async function commitRelease(request) {
  const { git, head } = request;
  const edits = await releaseFileEdits(request);
  if (edits.files.length === 0) {
    request.log("The version files and changelog already hold this release: no release commit.");
    return head;
  }
  if (request.branch === null) {
    throw new VersoError("EUSAGE", "version-files and changelog-file are committed to the branch released, and HEAD is on no branch.", {
      hint: "Release from a branch (a push to it), or leave out version-files and changelog-file."
    });
  }
  const expected = await readRemoteBranch(git, "origin", request.branch);
  if (expected !== head) throw branchPushError({ kind: "moved", remoteSha: expected, message: "" }, request.branch, head);
  const message = releaseCommitMessage(request.releases.map((r) => r.tag));
  const signing = request.signing ?? NO_SIGNING;
  const writer = request.writer ?? GIT_WRITER;
  const pushed = await writer.commit(git, {
    remote: "origin",
    branch: request.branch,
    files: edits.files,
    message,
    author: request.tagger,
    parent: head,
    signing
  });
  if (pushed.kind !== "pushed") throw branchPushError(pushed, request.branch, head);
  const { sha } = pushed;
  const what = `the release commit ${sha.slice(0, 7)} to ${request.branch}`;
  const paths = edits.files.map((f) => f.path).join(", ");
  request.log(writer.via === "api" ? `Committed ${what} through the GitHub API (${paths}).` : `Pushed ${what} (${paths}).`);
  const checkout = await advanceCheckout(git, request.branch, head, sha);
  if (checkout.kind === "left") request.log(`The checkout stays at ${head.slice(0, 7)}: ${checkout.reason}.`);
  return sha;
}
async function releaseFileEdits(request) {
  const { git, files, head } = request;
  const matched = await Promise.all(
    files.rules.map((rule) => rule.glob ? listFiles(git, head, [rule.path]) : Promise.resolve([rule.path]))
  );
  const paths = pathsToRead(files, request.releases, matched);
  const read = await readFilesAt(git, head, paths);
  return planReleaseFiles({
    config: files,
    releases: request.releases,
    packages: request.packages,
    matched,
    texts: new Map(paths.map((path) => [path, read.get(path) ?? null])),
    date: request.date,
    repositoryUrl: request.repositoryUrl
  });
}

// src/run/publish.ts
import { resolve } from "node:path";

// src/npm/provenance.ts
var import_semver2 = __toESM(require_semver(), 1);
import { readFile } from "node:fs/promises";
async function readRunnerFacts(env) {
  return {
    githubActions: env.GITHUB_ACTIONS === "true",
    idToken: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    environment: env.RUNNER_ENVIRONMENT || null,
    privateRepository: await readPrivateRepository(env.GITHUB_EVENT_PATH)
  };
}
async function readPrivateRepository(path) {
  if (!path) return false;
  const text = await readFile(path, "utf8").catch(() => null);
  try {
    const event = text === null ? null : JSON.parse(text);
    return event?.repository?.private === true;
  } catch {
    return false;
  }
}
var NPMJS = "registry.npmjs.org";
function decideProvenance(asked, runner, registry) {
  if (!asked) return { kind: "off" };
  const unsupported = (obstacle) => ({ kind: "unsupported", obstacle });
  if (!runner.githubActions) return unsupported({ kind: "not-github-actions" });
  if (runner.environment !== null && runner.environment !== "github-hosted") return unsupported({ kind: "self-hosted" });
  if (!runner.idToken) return unsupported({ kind: "no-id-token" });
  if (runner.privateRepository) return unsupported({ kind: "private-repository" });
  if (new URL(registry).host !== NPMJS) return unsupported({ kind: "registry", registry });
  return { kind: "on" };
}
var TRUSTED_PUBLISHING_NPM = "11.5.1";
function publishesTrusted(npmVersion) {
  return npmVersion === null || import_semver2.default.gte(import_semver2.default.coerce(npmVersion) ?? "0.0.0", TRUSTED_PUBLISHING_NPM);
}

// src/run/publish.ts
function publishJob(plan, config, where) {
  if (config.publish.to !== "npm") return null;
  const target = {
    ...where,
    version: plan.next.version,
    tag: plan.next.tag,
    sha: plan.head,
    line: { prerelease: plan.line.prerelease, range: plan.line.range },
    latest: plan.standing.latest
  };
  return { target, registry: config.publish.registry, provenance: config.publish.provenance };
}
async function publishRequest(run, jobs, packages) {
  if (jobs.length === 0) return null;
  if (!run.publish) {
    throw new VersoError("EUSAGE", "`publish: npm` is set, and this run has no npm to publish with.", {
      hint: "Run the release from the action or `verso release`, which publish with the npm on the PATH."
    });
  }
  const { gather } = run;
  return {
    context: run.publish,
    root: run.git.cwd,
    jobs,
    packages,
    checkoutHead: await gather.commitOf("HEAD"),
    isCommit: async (sha) => /^[0-9a-f]{40}$/i.test(sha) && await gather.commitOf(sha) === sha.toLowerCase(),
    log: run.log
  };
}
async function awaitsNpm(run, earlier, jobs, packages) {
  const missing = await withPublisher(await publishRequest(run, jobs, packages), async (p) => p ? p.missing() : []);
  if (missing.length === 0) return false;
  run.publish.warn(describeEarlierUnpublished(earlier.tag, earlier.sha, missing));
  return true;
}
async function withPublisher(request, work) {
  if (request === null || request.jobs.length === 0) return work(null);
  const disposals = [];
  try {
    return await work(createPublisher(request, disposals));
  } finally {
    for (const dispose of disposals.splice(0)) await dispose();
  }
}
function createPublisher(request, disposals) {
  const { context, root } = request;
  const base = context.npm(context.env);
  const auth = readNpmAuth(context.env);
  const folder = (path) => resolve(root, path);
  const targets = request.jobs.map((job) => job.target);
  const open = async () => {
    const manifests = await readManifests(
      root,
      targets.map((t) => t.path)
    );
    const checks = request.jobs.map((job, i) => checkManifest(job.target, manifests[i].facts));
    const registries = await Promise.all(
      request.jobs.map((job, i) => {
        const check = checks[i];
        return check.kind === "publishable" ? registryFor(base, folder(job.target.path), job.registry, check.manifest.name, manifests[i].registry) : null;
      })
    );
    const opened = await openNpmSession({ env: context.env, auth, registries: registries.filter(isText), ...tempRoot(context) });
    disposals.push(opened.dispose);
    return { manifests, checks, registries, npm: context.npm(opened.env) };
  };
  const decide = async () => {
    const { manifests, checks, registries, npm } = await open();
    const runner = await readRunnerFacts(context.env);
    const decisions = [];
    const written = await writeVersions(
      root,
      targets.filter((_, i) => checks[i].kind === "publishable"),
      request.packages
    );
    try {
      for (const [i, job] of request.jobs.entries()) {
        const check = checks[i];
        const registry = registries[i];
        if (check.kind === "decided" || registry == null) {
          if (check.kind === "decided") decisions.push(check.decision);
          continue;
        }
        const { name } = check.manifest;
        const dir = folder(job.target.path);
        const [{ published, registryPackage }, tarball] = await Promise.all([
          viewRelease(npm, dir, name, job.target.version, registry),
          previewTarball(npm, dir, dir)
        ]);
        const ours = request.checkoutHead === null ? [] : [request.checkoutHead];
        const gitHead = published?.gitHead ?? null;
        const gitHeadHere = gitHead !== null && ![job.target.sha, ...ours].includes(gitHead) && await request.isCommit(gitHead);
        decisions.push(
          decidePublish({
            target: job.target,
            manifest: check.manifest,
            registry,
            published,
            gitHeadHere,
            registryPackage,
            tarball,
            ours,
            provenance: decideProvenance(job.provenance, runner, registry)
          })
        );
      }
    } finally {
      await restore(root, manifests, targets, written);
    }
    const conflicts = decisions.filter((d) => d.kind === "conflict");
    if (conflicts.length) throw conflictError(conflicts);
    const publishable = decisions.filter((d) => d.kind !== "conflict");
    const warnings = [...warningsOf(publishable), ...await trustedPublishingWarnings(npm, root, auth, publishable)];
    for (const warning of warnings) context.warn(describePublishWarning(warning));
    return { decisions: inDependencyOrder(publishable, manifests), warnings, manifests, npm };
  };
  return {
    async missing() {
      const { checks, registries, npm } = await open();
      const found = await Promise.all(
        request.jobs.map(async (job, i) => {
          const check = checks[i];
          if (check.kind === "decided")
            return check.decision.kind === "skipped" ? null : { target: job.target, name: check.decision.name, registry: null };
          const registry = registries[i];
          const { name } = check.manifest;
          const published = await viewVersion(npm, folder(job.target.path), name, job.target.version, registry);
          return published === null ? { target: job.target, name, registry } : null;
        })
      );
      return found.filter((entry) => entry !== null);
    },
    async prepare() {
      const decided = await decide();
      return {
        decisions: decided.decisions,
        warnings: decided.warnings,
        publish: (tagged) => publishDecided(request, decided, tagged)
      };
    },
    async preview() {
      const { decisions, warnings } = await decide();
      const entries = decisions.map((decision) => {
        const { target } = decision;
        switch (decision.kind) {
          case "skipped":
            return { kind: "skipped", release: target.release, name: decision.name, version: target.version, reason: "private" };
          case "already-published":
            return alreadyEntry(decision);
          case "publish":
            return {
              kind: "would-publish",
              release: target.release,
              name: decision.name,
              version: target.version,
              registry: decision.registry,
              distTag: decision.distTag,
              provenance: decision.provenance.kind === "on",
              tarball: decision.tarball
            };
        }
      });
      return { dryRun: true, entries, warnings };
    }
  };
}
async function restore(root, manifests, targets, written) {
  for (const [i, target] of targets.entries()) {
    const text = manifests[i].text;
    const path = manifestPath(target.path);
    if (text !== null && written.includes(path)) await writeWorktreeFile(root, path, text);
  }
}
async function publishDecided(request, decided, tagged) {
  const { decisions } = decided;
  for (const path of await writeVersions(
    request.root,
    decisions.map((d) => d.target),
    request.packages
  ))
    request.log(`Wrote ${path} for publishing (not committed).`);
  const ours = [request.checkoutHead, tagged.releaseCommit].filter(isText);
  const entries = [];
  const warnings = [...decided.warnings];
  for (const decision of decisions) {
    const { target } = decision;
    if (decision.kind === "skipped") {
      request.log(`${decision.name ?? target.path} is private (package.json): not published.`);
      entries.push({ kind: "skipped", release: target.release, name: decision.name, version: target.version, reason: "private" });
    } else if (tagged.superseded.has(target.release)) {
      request.log(`${decision.name}@${target.version}: its tag went to a later release, so it is not published.`);
      entries.push({ kind: "skipped", release: target.release, name: decision.name, version: target.version, reason: "superseded" });
    } else if (decision.kind === "already-published") {
      request.log(`${decision.name}@${target.version} is on ${decision.registry} already (${decision.by}): not published again.`);
      entries.push(alreadyEntry(decision));
    } else {
      const { entry, warning } = await publishOne(decided.npm, request, decision, ours);
      entries.push(entry);
      if (warning) {
        warnings.push(warning);
        request.context.warn(describePublishWarning(warning));
      }
    }
  }
  return { dryRun: false, entries, warnings };
}
async function viewRelease(npm, dir, name, version, registry) {
  const registryPackage = await viewPackage(npm, dir, name, registry);
  const published = registryPackage?.versions.includes(version) ? await viewVersion(npm, dir, name, version, registry) : null;
  return { published, registryPackage };
}
function tempRoot(context) {
  return context.tempRoot === void 0 ? {} : { tempRoot: context.tempRoot };
}
function isText(value) {
  return value != null;
}
async function publishOne(npm, request, decision, ours) {
  const { target, name, registry, distTag } = decision;
  const dir = resolve(request.root, target.path);
  const provenance = decision.provenance.kind === "on";
  const entry = {
    kind: "published",
    release: target.release,
    name,
    version: target.version,
    registry,
    distTag,
    provenance,
    size: decision.tarball.size,
    files: decision.tarball.files.length
  };
  try {
    await publishFolder(npm, dir, dir, { name, registry, distTag: distTag.tag, provenance });
  } catch (error) {
    const now = await viewVersion(npm, dir, name, target.version, registry).catch(() => null);
    if (now?.gitHead == null || ![target.sha, ...ours].includes(now.gitHead)) throw error;
    request.log(`Published ${name}@${target.version} to ${registry}, and npm failed after that: ${error.message}`);
    return { entry, warning: { kind: "after-publish-failed", name, version: target.version, error: error.message } };
  }
  request.log(`Published ${name}@${target.version} to ${registry} (dist-tag ${distTag.tag}${provenance ? ", with provenance" : ""}).`);
  return { entry, warning: null };
}
function alreadyEntry(decision) {
  return {
    kind: "already-published",
    release: decision.target.release,
    name: decision.name,
    version: decision.target.version,
    registry: decision.registry
  };
}
function warningsOf(decisions) {
  return decisions.flatMap((d) => {
    if (d.kind !== "publish") return [];
    return [
      ...d.secrets.length ? [{ kind: "secret-looking", name: d.name, files: d.secrets }] : [],
      ...d.provenance.kind === "unsupported" ? [{ kind: "provenance-unsupported", name: d.name, obstacle: d.provenance.obstacle }] : []
    ];
  });
}
async function trustedPublishingWarnings(npm, cwd, auth, decisions) {
  if (auth.kind !== "trusted-publishing" || !decisions.some((d) => d.kind === "publish")) return [];
  const version = await readNpmVersion(npm, cwd);
  return version !== null && !publishesTrusted(version) ? [{ kind: "trusted-publishing-npm", npmVersion: version }] : [];
}
function conflictError(conflicts) {
  const details = conflicts.map(describeConflict);
  return new VersoError(
    "ENPMCONFLICT",
    conflicts.length === 1 ? `${details[0]} Nothing was committed, tagged or published.` : `${conflicts.length} releases cannot be published; nothing was committed, tagged or published:`,
    { ...conflicts.length === 1 ? {} : { details }, hint: conflicts.map(conflictHint).join(" ") }
  );
}

// src/run/release.ts
async function runRelease(request) {
  const { config, gather } = request;
  const [line] = await Promise.all([gatherLine(gather, config, request.hints, "remote"), fetchMissingTags(request)]);
  const viaPullRequest = config.release.via === "pull-request";
  const above = config.release.files && line.branch && !request.dryRun && !viaPullRequest ? await releaseCommitOf(request, line.branch) : null;
  const first = await planReleaseRun(gather, config, request.now, line, above ?? void 0);
  const merged = viaPullRequest && !first.resumed ? await findMergedRelease(request, line, first) : null;
  const { plan, fetched, resumed } = merged ?? first;
  const proposing = viaPullRequest && merged === null && !resumed;
  const artifacts = planArtifacts(plan, request.packageName ?? "package").list;
  const notes = plan.kind === "none" ? "" : renderNotes(plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT, artifacts });
  const done = (result, publish = null) => ({
    plan,
    fetched,
    resumed,
    notes,
    result,
    publish
  });
  request.onPlanned?.({ plan, fetched, resumed, notes });
  if (plan.kind !== "release" && !(proposing && plan.kind === "none")) return done({ kind: "planned" });
  const decision = decideRelease(line, request.dryRun);
  switch (decision.kind) {
    case "skip":
      if (decision.unknown && request.requireBranch) {
        throw new VersoError("EUSAGE", `Nothing released: ${decision.why}.`, {
          hint: "Set `release-branches`, and run on a branch (or set GITHUB_REF / CI_COMMIT_BRANCH)."
        });
      }
      return done({ kind: "skipped", why: decision.why });
    case "dry-run": {
      if (proposing) return done({ kind: "dry-run", steps: describeProposal(plan, line.branch ?? "") });
      if (plan.kind !== "release") return done({ kind: "planned" });
      const options = applyOptions(config, plan, notes, request.log);
      const job = publishJob(plan, config, { release: "", path: "." });
      const publish = await withPublisher(await publishRequest(request, job ? [job] : [], null), async (p) => p ? p.preview() : null);
      return done({ kind: "dry-run", steps: [...describeApply(plan, options), ...publishSteps(publish)] }, publish);
    }
    case "release": {
      if (proposing) {
        const api = request.connect();
        if (api) await finishEarlierRelease(request, plan, api, NO_SIGNING, GIT_WRITER);
        return done({ kind: "pull-request", outcome: await propose(request, plan, line.branch ?? "", notes) });
      }
      if (plan.kind !== "release") return done({ kind: "planned" });
      const options = applyOptions(config, plan, notes, request.log);
      const writer = chooseReleaseWriter(config, request.connectGitData);
      const run = await withSigning(request.git, signingRequest(request), async (signing) => {
        const signed = { ...options, signing, writer };
        const api = request.connect();
        const finished = api ? await finishEarlierRelease(request, plan, api, signing, writer) : null;
        const job = publishJob(plan, config, { release: "", path: "." });
        return withPublisher(await publishRequest(request, job ? [job] : [], null), async (publisher) => {
          const prepared = publisher ? await publisher.prepare() : null;
          const released = await withReleaseCommit(request, plan, line.branch, notes, signing, writer);
          const tagged = await tagRelease(request.git, released, signed);
          const publish = prepared ? await prepared.publish({
            superseded: new Set(tagged.kind === "superseded" ? [""] : []),
            releaseCommit: released.head === plan.head ? null : released.head
          }) : null;
          const outcome = tagged.kind === "superseded" ? tagged : await completeRelease(released, request.git, api, signed);
          return done({ kind: "applied", outcome, finished }, publish);
        });
      });
      if (merged !== null && plan.head !== first.plan.head && run.result.kind === "applied" && run.result.outcome.kind === "released") {
        request.log(`${first.plan.head.slice(0, 7)} has commits after the release: proposing the next one.`);
        try {
          const next = await runRelease({ ...request, gather: createGather(request.git, config), onPlanned: () => {
          } });
          if (next.result.kind === "pull-request") return { ...run, result: { ...run.result, pullRequest: next.result.outcome } };
        } catch (error) {
          request.log(
            `The next release pull request was not proposed: ${error.message} The next push to the branch proposes it.`
          );
        }
      }
      return run;
    }
  }
}
async function fetchMissingTags(request) {
  const synced = await request.gather.fetchMissingTags();
  if (synced.kind === "unreachable") request.log(`The remote's tags could not be listed (${synced.error}): planning from this clone's.`);
  if (synced.kind !== "fetched" || synced.tags.length === 0) return;
  const named = synced.tags.length > 5 ? `${synced.tags.slice(0, 5).join(", ")} and ${synced.tags.length - 5} more` : synced.tags.join(", ");
  request.log(`Fetched the release tags the remote has and this clone did not: ${named}.`);
}
async function findMergedRelease(request, line, atHead) {
  const { git, config, gather } = request;
  const head = atHead.plan.head;
  const range = await readRange(git, atHead.plan.previous?.sha ?? null, head);
  for (const candidate of findMergedReleases(range, head).slice(0, MERGED_CANDIDATES)) {
    const where = candidate.at.slice(0, 7);
    if (leftToItsOwnRun(candidate, head, config.publish.to === "npm", request.log)) continue;
    const options = candidate.at === head ? {} : { head: candidate.at, schemasAt: candidate.at, checkWorktreeImage: false };
    let at = candidate.at === head ? atHead : { ...await planRelease(gather, config, request.now, { line, ...options }), resumed: false };
    const proposed = proposedVersion(config, candidate.tags, at.plan);
    if (proposed !== null) at = { ...await planRelease(gather, config, request.now, { line, ...options, proposed }), resumed: false };
    const { plan } = at;
    if (plan.kind === "release" && candidate.tags.includes(plan.next.tag) && await holdsRelease(request, plan, candidate.at)) {
      request.log(`${where} merged the release pull request of ${plan.next.tag}: releasing it.`);
      return at;
    }
    const planned = plan.kind === "release" ? `its plan there is ${plan.next.tag}` : `its plan there releases nothing`;
    request.log(
      `${where} brought the release commit of ${candidate.tags.join(", ")}, but ${planned} and the files must agree: not released.`
    );
  }
  if (atHead.plan.kind === "release" && await holdsRelease(request, atHead.plan, head)) {
    request.log(`The version files and changelog at ${head.slice(0, 7)} already hold ${atHead.plan.next.tag}: releasing it.`);
    return atHead;
  }
  return null;
}
async function holdsRelease(request, plan, at) {
  const files = request.config.release.files;
  if (!files) return false;
  const releases = [fileRelease(plan, { name: "", path: ".", notes: "", changelog: files.changelog })];
  const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, null, at), releases, packages: null });
  return edits.files.length === 0;
}
function describeProposal(plan, base) {
  const branch = releaseBranchOf(base);
  if (plan.kind !== "release") return [`close the open release pull request from ${branch}, if there is one, and delete ${branch}`];
  return [
    `commit the version files and changelog as \`${releaseCommitMessage([plan.next.tag])}\` on top of ${plan.head.slice(0, 7)} and push it to ${branch}`,
    `open the release pull request from ${branch} into ${base}, or update the open one; merging it releases ${plan.next.tag}`
  ];
}
async function propose(request, plan, base, notes) {
  const api = pullRequestsOf(request);
  if (plan.kind === "none") {
    return closeReleasePullRequest({
      git: request.git,
      api,
      base,
      head: plan.head,
      left: { reason: plan.reason, since: plan.previous?.tag ?? null },
      log: request.log
    });
  }
  if (plan.kind !== "release") throw new Error("propose: a blocked plan proposes nothing");
  const files = request.config.release.files;
  if (!files) throw new Error("propose: release-via pull-request without release files");
  const releases = [fileRelease(plan, { name: "", path: ".", notes, changelog: files.changelog })];
  const edits = await releaseFileEdits({ ...releaseCommitRequest(request, files, base, plan.head), releases, packages: null });
  const title = releaseCommitMessage([plan.next.tag]);
  const body = renderReleasePullRequestBody({
    base,
    branch: releaseBranchOf(base),
    releases: [{ name: "", tag: plan.next.tag, bump: plan.bump }],
    summary: renderPlanSummary(plan),
    notes: [{ name: "", notes }]
  });
  return writeProposal(request, api, { base, head: plan.head, files: edits.files, title, body });
}
function pullRequestsOf(request) {
  const api = request.pullRequests?.() ?? null;
  if (api !== null) return api;
  throw new VersoError(
    "EGITHUBAUTH",
    "release-via: pull-request needs a GitHub token to open the release pull request: nothing was pushed.",
    {
      hint: "Pass `github-token` (the default workflow token works) with `permissions: contents: write` and `pull-requests: write`; for the CLI, set GITHUB_TOKEN."
    }
  );
}
function writeProposal(request, api, proposal) {
  const writer = chooseReleaseWriter(request.config, request.connectGitData);
  return withSigning(
    request.git,
    signingRequest(request),
    (signing) => proposeRelease({ ...proposal, writer, git: request.git, api, tagger: request.config.release.tagger, signing, log: request.log })
  );
}
function signingRequest(request) {
  return {
    kind: request.config.release.sign,
    key: request.signingKey ?? null,
    log: request.log,
    ...request.tempRoot === void 0 ? {} : { tempRoot: request.tempRoot }
  };
}
function publishSteps(publish) {
  return (publish?.entries ?? []).flatMap(
    (e) => e.kind === "would-publish" ? [`publish ${e.name}@${e.version} to ${e.registry} with the dist-tag ${e.distTag.tag}`] : []
  );
}
async function releaseCommitOf(request, branch) {
  const head = await request.gather.commitOf("HEAD") ?? "";
  const found = await request.gather.releaseCommitAbove(branch, head, request.config.release.tagger);
  if (found) request.log(`${branch} has this release's commit ${found.slice(0, 7)} already: finishing its release (a re-run).`);
  return found;
}
async function withReleaseCommit(request, plan, branch, notes, signing, writer) {
  const { files } = request.config.release;
  if (!files) return plan;
  const releases = [fileRelease(plan, { name: "", path: ".", notes, changelog: files.changelog })];
  const sha = await commitRelease({
    ...releaseCommitRequest(request, files, branch, plan.head),
    releases,
    packages: null,
    signing,
    ...writer && { writer }
  });
  return sha === plan.head ? plan : { ...plan, head: sha };
}
function releaseCommitRequest(request, files, branch, head) {
  return {
    git: request.git,
    files,
    branch,
    head,
    tagger: request.config.release.tagger,
    // A CalVer release is dated in its time zone: the changelog's date is the version's.
    date: formatDateInZone(request.now, request.config.scheme.kind === "calver" ? request.config.scheme.timeZone : "UTC"),
    repositoryUrl: request.repositoryUrl,
    log: request.log
  };
}
async function finishEarlierRelease(request, plan, api, signing, writer) {
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
  const job = publishJob(earlier.plan, config, { release: "", path: "." });
  if (job && await awaitsNpm(request, previous, [job], null)) return null;
  request.log(`${previous.tag} has no GitHub Release: an earlier run pushed the tag and stopped. Publishing it first.`);
  const notes = renderNotes(earlier.plan, { repositoryUrl: request.repositoryUrl, maxLength: RELEASE_BODY_LIMIT });
  const options = { ...applyOptions(config, earlier.plan, notes, request.log, signing), floatingTags: "none", writer };
  return applyPlan(earlier.plan, request.git, api, options);
}

export {
  resolveMode,
  decideRelease,
  GIT_WRITER,
  chooseReleaseWriter,
  applyOptions,
  describeApply,
  applyPlan,
  tagRelease,
  completeRelease,
  commitRelease,
  releaseFileEdits,
  publishJob,
  publishRequest,
  awaitsNpm,
  withPublisher,
  runRelease,
  fetchMissingTags,
  pullRequestsOf,
  writeProposal,
  signingRequest,
  publishSteps,
  releaseCommitOf,
  withReleaseCommit,
  releaseCommitRequest
};
