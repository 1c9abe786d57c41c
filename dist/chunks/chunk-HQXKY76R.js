import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  advanceCheckout,
  branchPushError,
  createReleaseCommit,
  listFiles,
  pushReleaseCommit,
  readFilesAt,
  readRemoteBranch,
  releaseCommitMessage
} from "./chunk-ZHM2QSYW.js";
import {
  planArtifacts
} from "./chunk-74UI6HVY.js";
import {
  gatherLine,
  isOwnRelease,
  planRelease,
  planReleaseRun
} from "./chunk-26JFRZ5W.js";
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
  updatePackageLock,
  updateVersionFile
} from "./chunk-VG4D5XZV.js";
import {
  RELEASE_BODY_LIMIT,
  renderNotes
} from "./chunk-QZIVPIKN.js";
import {
  describeNotReleasing
} from "./chunk-QEOVMMPD.js";
import {
  compareSemver,
  parseSemver,
  require_semver
} from "./chunk-LYX5UHX4.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

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
    log,
    releaseCommit: describeFiles(config)
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

// src/files/changelog.ts
var INTRO = "# Changelog\n\nAll notable changes to this project are documented in this file.\n";
function prependChangelog(existing, entry) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) throw new Error(`prependChangelog: ${entry.date} is not a YYYY-MM-DD date`);
  const url = entry.compareUrl ?? null;
  if (existing === null || existing.trim() === "") return `${INTRO}
${renderSection(entry, url)}`;
  const lines = splitLines(existing);
  const sections = findSections(lines);
  if (sections.some((s) => s.label === entry.version || s.label === entry.tag)) return existing;
  const definitions = findDefinitions(lines);
  const linked = definitions.some((d) => sections.some((s) => s.label.toLowerCase() === d.label.toLowerCase()));
  const edits = [];
  if (linked && url !== null) {
    const before = definitions.find((d) => !isUnreleased(d.label) && sections.some((s) => s.label.toLowerCase() === d.label.toLowerCase()));
    const definition = `[${entry.version}]: ${url}`;
    edits.push(
      before === void 0 ? { at: definitions[definitions.length - 1].end, text: `
${definition}` } : { at: before.start, text: `${definition}
` }
    );
  }
  const section = renderSection(entry, linked ? null : url);
  const firstRelease = sections.find((s) => !isUnreleased(s.label));
  if (firstRelease !== void 0) {
    edits.push({ at: firstRelease.start, text: `${section}
` });
  } else {
    const at = definitions[0]?.start ?? existing.length;
    edits.push({ at, text: `${blankLineBefore(existing, at)}${section}${at === existing.length ? "" : "\n"}` });
  }
  return applyEdits(existing, edits, existing.includes("\r\n") ? "\r\n" : "\n");
}
function renderSection(entry, url) {
  const notes = entry.notes.replace(/\r\n?/g, "\n").replace(/^\n+|\s+$/g, "");
  const heading = `## [${entry.version}]${url === null ? "" : `(${url})`} - ${entry.date}`;
  return notes === "" ? `${heading}
` : `${heading}

${notes}
`;
}
function isUnreleased(label) {
  return label.toLowerCase() === "unreleased";
}
function splitLines(text) {
  const lines = [];
  for (let start = 0; start < text.length; ) {
    const next = text.indexOf("\n", start);
    const stop = next === -1 ? text.length : next;
    const end = text[stop - 1] === "\r" ? stop - 1 : stop;
    lines.push({ start, end, text: text.slice(start, end) });
    start = stop + 1;
  }
  return lines;
}
function findSections(lines) {
  const sections = [];
  let fence = null;
  for (const line of lines) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line.text)?.[1];
    if (fence !== null) {
      if (marker !== void 0 && marker[0] === fence[0] && marker.length >= fence.length && /^\s*[`~]+\s*$/.test(line.text)) fence = null;
      continue;
    }
    if (marker !== void 0) {
      fence = marker;
      continue;
    }
    const heading = /^ {0,3}(##?)[ \t]+(.*)$/.exec(line.text);
    const found = heading === null ? null : /^\[([^\]]*)\]|^(\S+)/.exec(heading[2].trim());
    const label = found === null ? null : found[1] ?? found[2];
    if (label !== null && (heading[1] === "##" || /^v?\d/.test(label))) sections.push({ start: line.start, label });
  }
  return sections;
}
function findDefinitions(lines) {
  const found = [];
  for (const line of [...lines].reverse()) {
    if (line.text.trim() === "") continue;
    const label = /^ {0,3}\[([^\]]+)\]:\s*\S/.exec(line.text)?.[1];
    if (label === void 0) break;
    found.unshift({ start: line.start, end: line.end, label });
  }
  return found;
}
function blankLineBefore(text, at) {
  const above = text.slice(0, at);
  if (above === "" || /(^|\n)[ \t]*\r?\n$/.test(above)) return "";
  return above.endsWith("\n") ? "\n" : "\n\n";
}
function applyEdits(text, edits, eol) {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    result = result.slice(0, edit.at) + edit.text.replaceAll("\n", eol) + result.slice(edit.at);
  }
  return result;
}

// src/run/release-files.ts
var import_semver2 = __toESM(require_semver(), 1);
function fileRelease(plan, where) {
  return { ...where, version: plan.next.version, tag: plan.next.tag, previousTag: plan.previous?.tag ?? null };
}
function planReleaseFiles(input) {
  const problems = [];
  const edited = /* @__PURE__ */ new Map();
  const manifests = [];
  input.config.rules.forEach((rule, i) => {
    const paths = input.matched[i] ?? [];
    if (paths.length === 0) problems.push(`version-files: \`${rule.source}\` matches no file.`);
    for (const path of paths) {
      const release = releaseFor(path, input.releases, input.packages);
      if (!release) continue;
      const text = edited.get(path) ?? input.texts.get(path) ?? null;
      if (text === null) {
        problems.push(`version-files: \`${rule.source}\`: ${path} does not exist at the released commit.`);
        continue;
      }
      const update = updateVersionFile(rule, path, text, release.version);
      if ("error" in update) problems.push(update.error);
      else if (update.changed) edited.set(path, update.text);
      if (isManifest(rule, path)) manifests.push({ path: folderOf(path), version: release.version });
    }
  });
  if (input.packages !== null) updateInternalRanges(manifests, edited, input.texts, problems);
  const lock = edited.get("package-lock.json") ?? input.texts.get("package-lock.json") ?? null;
  if (lock !== null && manifests.length) {
    const single = input.packages === null;
    const update = updatePackageLock(lock, single ? { rootVersion: input.releases[0].version, workspaces: [] } : { workspaces: manifests });
    if ("error" in update) problems.push(update.error);
    else if (update.changed) edited.set("package-lock.json", update.text);
  }
  for (const release of input.releases) {
    if (release.changelog === null) continue;
    const path = release.path === "." ? release.changelog : `${release.path}/${release.changelog}`;
    const existing = edited.get(path) ?? input.texts.get(path) ?? null;
    const text = prependChangelog(existing, {
      version: release.version,
      tag: release.tag,
      date: input.date,
      notes: withoutHeading(release.notes),
      compareUrl: input.repositoryUrl && release.previousTag ? `${input.repositoryUrl}/compare/${release.previousTag}...${release.tag}` : null
    });
    if (text !== existing) edited.set(path, text);
  }
  if (problems.length) {
    throw new VersoError(
      "EINVALIDCONFIG",
      `The release files cannot be updated (${problems.length} problem(s)): nothing was committed, tagged or published.`,
      {
        details: problems,
        hint: "Fix `version-files` (or the files it names) and run again."
      }
    );
  }
  return { files: [...edited].map(([path, text]) => ({ path, text })) };
}
var DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
function updateInternalRanges(manifests, edited, texts, problems) {
  const released = /* @__PURE__ */ new Map();
  for (const m of manifests) {
    const name = valueAt(edited.get(manifestPath(m.path)) ?? null, ["name"]);
    if (typeof name === "string") released.set(name, m.version);
  }
  const set = (path, keys, text, value) => {
    const rule = { kind: "json", path, glob: false, source: `${path}:${keys.join(".")}`, keys };
    const update = updateVersionFile(rule, path, text, value);
    if ("error" in update) problems.push(update.error);
    else edited.set(path, update.text);
  };
  for (const m of manifests) {
    const path = manifestPath(m.path);
    for (const field of DEPENDENCY_FIELDS) {
      const deps = valueAt(edited.get(path) ?? null, [field]);
      if (!deps || typeof deps !== "object") continue;
      for (const [dep, range] of Object.entries(deps)) {
        const version = released.get(dep);
        if (version === void 0 || typeof range !== "string" || range.startsWith("workspace:") || import_semver2.default.satisfies(version, range))
          continue;
        const next = `${/^(\^|~|>=|=)?/.exec(range)[0] || (import_semver2.default.valid(range) ? "" : "^")}${version}`;
        set(path, [field, dep], edited.get(path), next);
        const lock = edited.get("package-lock.json") ?? texts.get("package-lock.json") ?? null;
        if (lock !== null && typeof valueAt(lock, ["packages", m.path, field, dep]) === "string")
          set("package-lock.json", ["packages", m.path, field, dep], lock, next);
      }
    }
  }
}
function manifestPath(folder) {
  return folder === "." ? "package.json" : `${folder}/package.json`;
}
function valueAt(text, keys) {
  try {
    let value = text === null ? void 0 : JSON.parse(text);
    for (const key of keys) value = value && typeof value === "object" ? value[key] : void 0;
    return value;
  } catch {
    return void 0;
  }
}
function pathsToRead(config, releases, matched) {
  const changelogs = releases.flatMap((r) => r.changelog === null ? [] : [r.path === "." ? r.changelog : `${r.path}/${r.changelog}`]);
  return [.../* @__PURE__ */ new Set([...matched.flat(), ...config.rules.some((r) => r.kind === "manifest") ? ["package-lock.json"] : [], ...changelogs])];
}
function releaseFor(path, releases, packages) {
  if (packages === null) return releases[0] ?? null;
  let owner = null;
  for (const folder of packages) {
    const inside = folder === "." || path === folder || path.startsWith(`${folder}/`);
    if (inside && (owner === null || owner === "." || folder.length > owner.length)) owner = folder;
  }
  return releases.find((r) => r.path === owner) ?? null;
}
function isManifest(rule, path) {
  return rule.kind === "manifest" && (path === "package.json" || path.endsWith("/package.json"));
}
function folderOf(path) {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "." : path.slice(0, slash);
}
function withoutHeading(notes) {
  return notes.replace(/^#{1,6} [^\n]*\n+/, "").trim();
}

// src/run/release-commit.ts
async function commitRelease(request) {
  const { git, files, head } = request;
  const matched = await Promise.all(
    files.rules.map((rule) => rule.glob ? listFiles(git, head, [rule.path]) : Promise.resolve([rule.path]))
  );
  const read = await readFilesAt(git, head, pathsToRead(files, request.releases, matched));
  const texts = new Map(pathsToRead(files, request.releases, matched).map((path) => [path, read.get(path) ?? null]));
  const edits = planReleaseFiles({
    config: files,
    releases: request.releases,
    packages: request.packages,
    matched,
    texts,
    date: request.date,
    repositoryUrl: request.repositoryUrl
  });
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
  const sha = await createReleaseCommit(git, { files: edits.files, message, author: request.tagger, parent: head });
  const pushed = await pushReleaseCommit(git, "origin", request.branch, sha, head);
  if (pushed.kind !== "pushed") throw branchPushError(pushed, request.branch, head);
  request.log(`Pushed the release commit ${sha.slice(0, 7)} to ${request.branch} (${edits.files.map((f) => f.path).join(", ")}).`);
  const checkout = await advanceCheckout(git, request.branch, head, sha);
  if (checkout.kind === "left") request.log(`The checkout stays at ${head.slice(0, 7)}: ${checkout.reason}.`);
  return sha;
}

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
  const head = await request.gather.commitOf("HEAD") ?? "";
  const found = await request.gather.releaseCommitAbove(branch, head, request.config.release.tagger);
  if (found) request.log(`${branch} has this release's commit ${found.slice(0, 7)} already: finishing its release (a re-run).`);
  return found;
}
async function withReleaseCommit(request, plan, branch, notes) {
  const { files } = request.config.release;
  if (!files) return plan;
  const releases = [fileRelease(plan, { name: "", path: ".", notes, changelog: files.changelog })];
  const sha = await commitRelease({ ...releaseCommitRequest(request, files, branch, plan.head), releases, packages: null });
  return sha === plan.head ? plan : { ...plan, head: sha };
}
function releaseCommitRequest(request, files, branch, head) {
  return {
    git: request.git,
    files,
    branch,
    head,
    tagger: request.config.release.tagger,
    date: request.now.toISOString().slice(0, 10),
    repositoryUrl: request.repositoryUrl,
    log: request.log
  };
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
  resolveMode,
  decideRelease,
  applyOptions,
  describeApply,
  applyPlan,
  fileRelease,
  commitRelease,
  runRelease,
  releaseCommitOf,
  withReleaseCommit,
  releaseCommitRequest
};
