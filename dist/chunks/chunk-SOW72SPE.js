import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  ReleaseExistsError
} from "./chunk-RWW5ZTZX.js";
import {
  createAnnotatedTag,
  fetchTag,
  isAncestor,
  pushTag,
  readLocalTag,
  readRemoteTag,
  readRemoteTags,
  summarizeGitOutput
} from "./chunk-CIVBDLHN.js";
import {
  describeNotReleasing
} from "./chunk-ZYHF6ZOA.js";
import {
  compareSemver,
  parseSemver
} from "./chunk-UJXGWLN7.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

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

// src/run/apply.ts
function applyOptions(config, plan, notes, log) {
  return {
    remote: "origin",
    tagger: config.release.tagger,
    name: releaseName(config, plan),
    notes,
    draft: config.release.draft,
    floatingTags: config.release.floatingTags,
    dispatch: config.release.dispatch,
    log
  };
}
function describeApply(plan, options) {
  const kind = plan.standing.prerelease ? " (a prerelease)" : plan.standing.latest ? " (the latest release)" : "";
  const floating = plan.scheme === "semver" && options.floatingTags !== "none" && plan.standing.highestInMajor;
  return [
    `push an annotated tag ${plan.next.tag} at ${plan.head.slice(0, 7)}`,
    `create or update the GitHub Release "${options.name}"${kind}${options.draft ? " as a draft" : ""}`,
    ...floating ? [`move the floating tag${options.floatingTags === "major-minor" ? "s" : ""} (${options.floatingTags}) to it`] : [],
    ...options.dispatch.map((workflow) => `send workflow_dispatch for ${plan.next.tag} to ${workflow}`)
  ];
}
function releaseName(config, plan) {
  return config.release.name.replaceAll("{tag}", plan.next.tag).replaceAll("{version}", plan.next.version);
}
async function applyPlan(plan, git, api, options) {
  const { tag } = plan.next;
  const tagged = await publishTag(git, plan, options);
  if (tagged.kind === "superseded") return tagged;
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
  if (local === null) await createAnnotatedTag(git, tag, sha, `${options.name}

${options.notes}`, options.tagger);
  const pushed = await pushTag(git, options.remote, tag, { force: false });
  if (pushed.kind === "pushed") {
    options.log(`Pushed tag ${tag} at ${short(sha)}.`);
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

export {
  resolveMode,
  decideRelease,
  applyOptions,
  describeApply,
  applyPlan
};
