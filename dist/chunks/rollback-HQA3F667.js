import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  withRolledBackNote,
  withoutRolledBackNote
} from "./chunk-U2BZHSHU.js";
import {
  addDistTag,
  nameOf,
  openNpmSession,
  planLatestMove,
  readManifest,
  readNpmAuth,
  registryOf,
  viewPackage
} from "./chunk-6SHZNJZH.js";
import "./chunk-4DQIALLB.js";
import {
  compareVersions,
  isPrerelease,
  parseVersion,
  pushTag,
  readRemoteTags,
  summarizeGitOutput
} from "./chunk-LK73LO5H.js";
import {
  readWorktreeFile
} from "./chunk-LHPEVOM6.js";
import "./chunk-FHD5WZQQ.js";
import "./chunk-VG4D5XZV.js";
import "./chunk-3KK5PDD7.js";
import "./chunk-G6X6EZPO.js";
import "./chunk-A4HLQ4KQ.js";
import {
  VersoError,
  excerpt
} from "./chunk-QIVDBRGE.js";
import "./chunk-IXE7RTMW.js";

// src/run/rollback-refusals.ts
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
        message: `Tag ${refusal.tag} names ${short(refusal.local)} here, but ${short(refusal.remote)} on the remote.`,
        hint: `Fetch the remote's tags (git fetch --tags --force origin) and run again: the floating tags must follow the published ${refusal.tag}. ${unchanged}`
      };
  }
}
function short(sha) {
  return sha.slice(0, 7);
}

// src/run/publish-latest.ts
async function rollBackLatest(request) {
  const { context, config, version } = request;
  if (config.publish.to !== "npm") return null;
  if (!context)
    throw new VersoError("EUSAGE", "`publish: npm` is set, and this run has no npm to move `latest` with.", {
      hint: "Roll back from the action or `verso rollback`, which use the npm on the PATH."
    });
  const text = await readWorktreeFile(request.root, "package.json");
  if (text === null) return null;
  const manifest = { ...readManifest(text), text };
  const base = context.npm(context.env);
  const registry = await registryOf(base, request.root, config.publish.registry, manifest);
  const name = nameOf(manifest);
  if (registry === null || !name) return null;
  if (request.dryRun) return { kind: "move", name, version, registry, from: null };
  const session = await openNpmSession({
    env: context.env,
    auth: readNpmAuth(context.env),
    registries: [registry],
    ...context.tempRoot === void 0 ? {} : { tempRoot: context.tempRoot }
  });
  try {
    const npm = context.npm(session.env);
    const move = planLatestMove(name, version, registry, await viewPackage(npm, request.root, name, registry));
    if (move.kind === "move") {
      await addDistTag(npm, request.root, { name, version, tag: "latest", registry });
      request.log(`Moved npm's latest for ${name} to ${version}${move.from ? ` (from ${move.from})` : ""}.`);
    }
    return move;
  } finally {
    await session.dispose();
  }
}

// src/run/rollback.ts
var RollbackRefusedError = class extends VersoError {
  refusal;
  constructor(refusal) {
    const { message, hint } = describeRollbackRefusal(refusal);
    super(REFUSAL_CODES[refusal.kind], message, { hint });
    this.name = "RollbackRefusedError";
    this.refusal = refusal;
  }
};
var REFUSAL_CODES = {
  "not-a-version": "EUSAGE",
  prerelease: "EUSAGE",
  "no-tag": "EUSAGE",
  "no-api": "EGITHUBAUTH",
  "no-release": "EUSAGE",
  "tag-differs": "ETAGEXISTS"
};
var REMOTE = "origin";
var FLOATING_ATTEMPTS = 5;
async function runRollback(request) {
  const { config } = request;
  const wanted = settle(readRollbackVersion(request.to, config));
  const facts = await request.gather.history({ commits: false });
  const target = settle(findRollbackTag(wanted, facts.tags.all, config.tagPrefix));
  const api = request.connect();
  if (api === null) throw new RollbackRefusedError({ kind: "no-api" });
  const floats = config.release.floatingTags !== "none" && target.version.kind === "semver";
  const [releases, latest, remote] = await Promise.all([
    listAll(api.listReleases()),
    api.latestRelease(),
    floats ? readRemoteTags(request.git, REMOTE, config.tagPrefix) : null
  ]);
  const plan = settle(
    planRollback({
      target,
      tags: facts.tags.all,
      releases,
      latest,
      remote,
      tagPrefix: config.tagPrefix,
      scheme: config.scheme,
      floatingTags: config.release.floatingTags
    })
  );
  const npmLatest = (dryRun) => rollBackLatest({ context: request.publish, config, root: request.git.cwd, version: plan.target.version, dryRun, log: request.log });
  if (request.dryRun) return { kind: "dry-run", plan, npm: await npmLatest(true) };
  const outcome = await applyRollback(plan, request.git, api, request.log);
  return { kind: "applied", plan, outcome, npm: await npmLatest(false) };
}
function settle(decision) {
  if (decision.kind === "refused") throw new RollbackRefusedError(decision.refusal);
  return decision.value;
}
var refuse = (refusal) => ({ kind: "refused", refusal });
var decided = (value) => ({ kind: "decided", value });
async function listAll(items) {
  const all = [];
  for await (const item of items) all.push(item);
  return all;
}
function readRollbackVersion(to, config) {
  const given = to.trim();
  const text = config.tagPrefix !== "" && given.startsWith(config.tagPrefix) ? given.slice(config.tagPrefix.length) : given;
  const version = parseVersion(config.scheme, text);
  if (version === null) {
    const scheme = config.scheme.kind === "semver" ? { kind: "semver" } : { kind: "calver", format: config.scheme.format.text };
    return refuse({ kind: "not-a-version", given, tagPrefix: config.tagPrefix, scheme });
  }
  const tag = `${config.tagPrefix}${text}`;
  if (isPrerelease(version)) return refuse({ kind: "prerelease", tag, by: "version" });
  return decided({ tag, version });
}
function findRollbackTag(wanted, tags, tagPrefix) {
  const found = tags.find((t) => t.name === wanted.tag);
  if (found) return decided(found);
  return refuse({ kind: "no-tag", tag: wanted.tag, tagPrefix, nearest: nearestStable(wanted.version, tags, 3) });
}
function nearestStable(version, tags, count) {
  const stable = tags.filter((t) => !isPrerelease(t.version) && t.version.kind === version.kind);
  const above = stable.filter((t) => compareVersions(t.version, version) > 0).reverse();
  const below = stable.filter((t) => compareVersions(t.version, version) < 0);
  const chosen = [];
  for (let i = 0; chosen.length < count && (i < above.length || i < below.length); i++) {
    if (i < below.length) chosen.push(below[i]);
    if (i < above.length && chosen.length < count) chosen.push(above[i]);
  }
  return chosen.sort((a, b) => compareVersions(b.version, a.version)).map((t) => t.name);
}
function planRollback(facts) {
  const { target } = facts;
  const published = facts.releases.find((r) => r.tag === target.name && !r.draft);
  if (!published) {
    const draft = facts.releases.some((r) => r.tag === target.name && r.draft);
    return refuse({ kind: "no-release", tag: target.name, draft });
  }
  if (published.prerelease) return refuse({ kind: "prerelease", tag: target.name, by: "release" });
  const onRemote = facts.remote?.get(target.name);
  if (onRemote && onRemote.commit !== target.sha) {
    return refuse({ kind: "tag-differs", tag: target.name, local: target.sha, remote: onRemote.commit });
  }
  const stable = stableReleases(facts);
  const newer = stable.filter((r) => compareVersions(r.version, target.version) > 0);
  const atOrBelow = stable.filter((r) => compareVersions(r.version, target.version) <= 0 && r.release.id !== published.id);
  const link = { tag: target.name, url: published.url };
  const mark = newer.flatMap(({ release }) => noteEdit(release, withRolledBackNote(release.body, link)));
  const clear = atOrBelow.flatMap(({ release }) => noteEdit(release, withoutRolledBackNote(release.body)));
  const targetEdit = planTargetEdit(published, facts.latest);
  const changed = new Set([...mark, ...clear].map((edit) => edit.id));
  const moving = stable.filter((r) => changed.has(r.release.id)).map((r) => r.version);
  return decided({
    target: {
      tag: target.name,
      version: target.text,
      sha: target.sha,
      release: { id: published.id, tag: published.tag, url: published.url }
    },
    latest: facts.latest && { tag: facts.latest.tag, url: facts.latest.url },
    floating: planFloatingTags(facts, moving),
    targetEdit,
    newer: newer.map(({ release }) => ({ tag: release.tag, url: release.url })),
    mark,
    clear
  });
}
function stableReleases(facts) {
  const stable = [];
  for (const release of facts.releases) {
    if (release.draft || release.prerelease || !release.tag.startsWith(facts.tagPrefix)) continue;
    const version = parseVersion(facts.scheme, release.tag.slice(facts.tagPrefix.length));
    if (version && !isPrerelease(version)) stable.push({ release, version });
  }
  return stable.sort((a, b) => compareVersions(b.version, a.version));
}
function noteEdit(release, body) {
  return sameText(release.body, body) ? [] : [{ tag: release.tag, url: release.url, id: release.id, body }];
}
function planTargetEdit(release, latest) {
  const cleared = withoutRolledBackNote(release.body);
  const body = sameText(cleared, release.body) ? null : cleared;
  if (latest?.id !== release.id) return { kind: "make-latest", body };
  return body === null ? null : { kind: "clear-note", body };
}
function planFloatingTags(facts, moving) {
  const { target, remote } = facts;
  if (facts.floatingTags === "none" || target.version.kind !== "semver" || remote === null) return [];
  const linesOf = (version) => {
    if (version.kind !== "semver") return [];
    const { major, minor } = version.value;
    return [{ major, minor: null }, ...facts.floatingTags === "major-minor" ? [{ major, minor }] : []];
  };
  const own = linesOf(target.version).map((line) => floatingTagOf(facts.tagPrefix, line));
  const lines = new Map(
    [...linesOf(target.version), ...moving.flatMap(linesOf)].map((line) => [floatingTagOf(facts.tagPrefix, line), line])
  );
  const following = facts.tags.filter((t) => !isPrerelease(t.version) && compareVersions(t.version, target.version) <= 0);
  const moves = [];
  for (const [tag, line] of lines) {
    const seen = remote.get(tag) ?? null;
    if (seen === null && !own.includes(tag)) continue;
    const follow = following.find((t) => inLine(t.version, line));
    if (!follow || seen?.commit === follow.sha) continue;
    const there = seen && (facts.tags.find((t) => t.sha === seen.commit && !isPrerelease(t.version))?.name ?? null);
    moves.push({ tag, release: follow.name, sha: follow.sha, seen: seen && { ref: seen.ref, commit: seen.commit, release: there } });
  }
  return moves;
}
function floatingTagOf(prefix, line) {
  return `${prefix}${line.major}${line.minor === null ? "" : `.${line.minor}`}`;
}
function inLine(version, line) {
  return version.kind === "semver" && version.value.major === line.major && (line.minor === null || version.value.minor === line.minor);
}
function sameText(a, b) {
  return a === b || a.replaceAll("\r\n", "\n") === b.replaceAll("\r\n", "\n");
}
async function applyRollback(plan, git, api, log) {
  const floating = [];
  for (const move of plan.floating) if (await moveFloatingTag(git, plan.target, move, log)) floating.push(move.tag);
  const cleared = [];
  const { targetEdit, target } = plan;
  if (targetEdit !== null) {
    const changes = targetEdit.kind === "make-latest" ? { makeLatest: true, ...targetEdit.body !== null && { body: targetEdit.body } } : { body: targetEdit.body };
    const updated = await api.updateRelease(target.release.id, changes);
    if (targetEdit.kind === "make-latest") log(`Marked the GitHub Release ${target.tag} latest: ${updated.url}`);
    if (targetEdit.body !== null) {
      log(`Took the rolled-back note off ${target.tag}: ${updated.url}`);
      cleared.push({ tag: target.tag, url: updated.url });
    }
  }
  const marked = [];
  for (const edit of plan.mark) {
    const updated = await api.updateRelease(edit.id, { body: edit.body });
    log(`Marked ${edit.tag} rolled back: ${updated.url}`);
    marked.push({ tag: edit.tag, url: updated.url });
  }
  for (const edit of plan.clear) {
    const updated = await api.updateRelease(edit.id, { body: edit.body });
    log(`Took the rolled-back note off ${edit.tag}: ${updated.url}`);
    cleared.push({ tag: edit.tag, url: updated.url });
  }
  const madeLatest = targetEdit?.kind === "make-latest";
  const changed = floating.length > 0 || targetEdit !== null || marked.length > 0 || cleared.length > 0;
  return { target, floating, madeLatest, marked, cleared, rolledBack: plan.newer, changed };
}
async function moveFloatingTag(git, target, move, log) {
  let expect = move.seen?.ref ?? null;
  for (let attempt = 0; attempt < FLOATING_ATTEMPTS; attempt++) {
    const pushed = await pushTag(git, REMOTE, move.tag, { force: true, sha: move.sha, expect });
    if (pushed.kind === "pushed") {
      const from = move.seen === null ? "" : ` from ${move.seen.release ?? move.seen.commit.slice(0, 7)}`;
      log(`Moved floating tag ${move.tag}${from} to ${move.release} (${move.sha.slice(0, 7)}).`);
      return true;
    }
    if (pushed.reason === "denied") {
      throw new VersoError("EPUSH", `The remote refused to move the floating tag ${move.tag}: ${summarizeGitOutput(pushed.message)}`, {
        hint: `Allow the token to update ${move.tag} (tag protection rules or rulesets), or set floating-tags: none. No GitHub Release was changed yet; run the rollback to ${target.tag} again after.`
      });
    }
    const now = (await readRemoteTags(git, REMOTE, move.tag)).get(move.tag) ?? null;
    if (now?.commit === move.sha) {
      log(`Floating tag ${move.tag} is at ${move.release} already: another run moved it there.`);
      return false;
    }
    expect = now?.ref ?? null;
  }
  throw new VersoError("EPUSH", `The floating tag ${move.tag} kept moving while this run tried to move it to ${move.release}.`, {
    hint: `Something else moves ${move.tag} (a release run?): let it finish, then run the rollback to ${target.tag} again.`
  });
}
export {
  RollbackRefusedError,
  findRollbackTag,
  planRollback,
  readRollbackVersion,
  runRollback
};
