import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  NO_SIGNING,
  channelOf,
  compareVersions,
  describeParts,
  formatVersion,
  gitSigning,
  isPrerelease,
  nextVersion,
  parseVersion,
  sameChannel,
  summarizeGitOutput
} from "./chunk-LK73LO5H.js";
import {
  resolveLine,
  unresolvedLine
} from "./chunk-OUXFSVUQ.js";
import {
  analyzeCommits
} from "./chunk-CKOUWFXA.js";
import {
  GitError
} from "./chunk-FHD5WZQQ.js";
import {
  dateInZone
} from "./chunk-6MJHAZTC.js";
import {
  needsDefaultBranch
} from "./chunk-F3M2BGHC.js";
import {
  belowRange,
  inRange,
  parseSemver
} from "./chunk-G6X6EZPO.js";
import {
  compareBumps
} from "./chunk-QSZWMMJ6.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/git/release-commit.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
function releaseCommitMessage(tags) {
  return `chore(release): ${tags.join(", ")}`;
}
async function readReleaseTree(git, parentRev, given) {
  const parent = await resolveCommit(git, parentRev);
  const prefix = (await git.run(["rev-parse", "--show-prefix"])).trim();
  const files = given.map((file) => ({ ...file, path: `${prefix}${checkPath(file.path)}` }));
  const paths = files.map((f) => f.path);
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice !== void 0) throw new Error(`createReleaseCommit: ${twice} is given twice`);
  const modes = await readModes(git, parent, paths);
  const tree = (await git.run(["rev-parse", "--verify", "--end-of-options", `${parent}^{tree}`])).trim();
  return {
    parent,
    tree,
    files: files.map((file) => {
      const mode = modes.get(file.path) ?? "100644";
      if (mode !== "100644" && mode !== "100755") throw notAFile(file.path, mode);
      return { path: file.path, mode, text: file.text };
    })
  };
}
async function createReleaseCommit(git, options) {
  const { parent, files } = await readReleaseTree(git, options.parent, options.files);
  const entries = [];
  for (const file of files) {
    const blob = (await git.run(["hash-object", "-w", "--no-filters", "--stdin"], { input: file.text })).trim();
    entries.push(`${file.mode} ${blob}	${file.path}\0`);
  }
  const dir = await mkdtemp(join(tmpdir(), "verso-index-"));
  try {
    const env = { GIT_INDEX_FILE: join(dir, "index") };
    await git.run(["read-tree", "--end-of-options", parent], { env });
    await git.run(["update-index", "-z", "--index-info"], { env, input: entries.join("") });
    const tree = (await git.run(["write-tree"], { env })).trim();
    const { name, email } = options.author;
    const dated = options.date === void 0 ? {} : { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date };
    const identity = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, ...dated };
    const message = options.message.endsWith("\n") ? options.message : `${options.message}
`;
    const signing = gitSigning(options.signing ?? NO_SIGNING);
    const sign = options.signing && options.signing.kind !== "none" ? "-S" : "--no-gpg-sign";
    return (await git.run([...signing.config, "commit-tree", sign, "-p", parent, "-F", "-", tree], {
      env: { ...signing.env, ...identity },
      input: message
    })).trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function fetchBranchCommit(git, remote, branch, sha) {
  const fetched = await git.tryRun(["fetch", "--no-tags", "--end-of-options", remote, `refs/heads/${branch}`]);
  if ((await git.tryRun(["cat-file", "-e", "--end-of-options", `${sha}^{commit}`])).code === 0) return;
  const bySha = await git.tryRun(["fetch", "--no-tags", "--end-of-options", remote, sha]);
  if (bySha.code === 0) return;
  throw unreachable(remote, bySha.stderr || fetched.stderr);
}
async function resolveCommit(git, rev) {
  const found = await git.tryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  if (found.code !== 0) throw new VersoError("EGIT", `Cannot make the release commit: ${rev} is not a commit of this repository.`);
  return found.stdout.trim();
}
function checkPath(path) {
  const segments = path.split("/");
  const inside = !/[\0\r\n\\]/.test(path) && !segments.includes("") && posix.normalize(path) === path && !segments.includes("..") && !segments.some((s) => s.toLowerCase() === ".git");
  if (inside) return path;
  throw new VersoError("EUNSAFEPATH", `${JSON.stringify(path)} is not a file inside the repository: verso commits only files inside it.`, {
    hint: "Name the file relative to the working directory, with `/` between folders (packages/a/package.json)."
  });
}
async function readModes(git, commit, paths) {
  const out = await git.run(["ls-tree", "-z", "--full-tree", "--end-of-options", commit, "--", ...paths], {
    env: { GIT_LITERAL_PATHSPECS: "1" }
  });
  const modes = /* @__PURE__ */ new Map();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("	");
    if (tab !== -1) modes.set(record.slice(tab + 1), record.split(" ")[0]);
  }
  return modes;
}
function notAFile(path, mode) {
  const what = mode === "120000" ? "a symbolic link" : mode === "160000" ? "a submodule" : "a folder";
  return new VersoError("EUNSAFEPATH", `${path} is ${what} in the repository, not a file: verso does not replace it with one.`, {
    hint: "Point version-files or changelog-file at a regular file."
  });
}
async function readRemoteBranch(git, remote, branch) {
  const ref = `refs/heads/${branch}`;
  let out;
  try {
    out = await git.run(["ls-remote", "--heads", "--end-of-options", remote, ref]);
  } catch (error) {
    if (error instanceof GitError) throw unreachable(remote, error.stderr);
    throw error;
  }
  for (const line of out.split("\n")) {
    const [oid, name] = line.split("	");
    if (name === ref && oid) return oid;
  }
  return null;
}
async function pushReleaseCommit(git, remote, branch, sha, expected) {
  const ref = `refs/heads/${branch}`;
  const descends = await git.tryRun(["merge-base", "--is-ancestor", "--end-of-options", expected, sha]);
  if (descends.code !== 0) {
    const now2 = await readRemoteBranch(git, remote, branch);
    return { kind: "moved", remoteSha: now2, message: `${short(sha)} does not build on ${short(expected)}` };
  }
  const result = await git.tryRun([
    "push",
    "--porcelain",
    "--no-verify",
    `--force-with-lease=${ref}:${expected}`,
    "--end-of-options",
    remote,
    `${sha}:${ref}`
  ]);
  if (result.code === 0) return { kind: "pushed" };
  const output = `${result.stderr}
${result.stdout}`;
  const now = await readRemoteBranch(git, remote, branch);
  if (now === sha) return { kind: "pushed" };
  if (now !== expected) return { kind: "moved", remoteSha: now, message: summarizeGitOutput(output) };
  if (/\[remote rejected\]|denied|403|protected|forbidden|not allowed|permission|GH006|GH013|hook declined/i.test(output)) {
    return { kind: "denied", message: summarizeGitOutput(output) };
  }
  throw new VersoError("EPUSH", `Could not push the release commit to ${branch}: ${summarizeGitOutput(output) || "no message"}`, {
    hint: `Nothing was tagged or published. Check that the remote \`${remote}\` is reachable and run again.`
  });
}
function branchPushError(result, branch, expected) {
  switch (result.kind) {
    case "moved": {
      const where = result.remoteSha === null ? "is gone from the remote" : `is at ${short(result.remoteSha)} now`;
      return new VersoError("EPUSH", `The branch ${branch} moved while this run released ${short(expected)}: it ${where}.`, {
        hint: "Nothing was pushed, tagged or published. Run again: the next run releases the branch as it is then."
      });
    }
    case "denied":
      return new VersoError("EPUSH", `The remote refused the release commit on ${branch}: ${result.message}`, {
        hint: "Nothing was tagged or published. A protected branch or ruleset must let the token push to it (a bypass for the app or user verso runs as), with `permissions: contents: write`; or leave out version-files and changelog-file, and verso releases without a commit."
      });
    default:
      return assertNever(result);
  }
}
async function advanceCheckout(git, branch, parent, sha) {
  const ref = `refs/heads/${branch}`;
  const head = await git.tryRun(["rev-parse", "--verify", "--quiet", "HEAD"]);
  const symbolic = await git.tryRun(["symbolic-ref", "--quiet", "HEAD"]);
  const onBranch = symbolic.code === 0 ? symbolic.stdout.trim() === ref : true;
  const local = await git.tryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", ref]);
  const branchAtParent = local.code === 0 && local.stdout.trim() === parent;
  const message = `verso: release commit ${short(sha)}`;
  if (head.code === 0 && head.stdout.trim() === parent && onBranch) {
    await git.tryRun(["update-index", "-q", "--refresh"]);
    const moved = await git.tryRun(["read-tree", "-m", "-u", "--end-of-options", parent, sha]);
    if (moved.code !== 0) {
      const reason = `the release commit's files have local changes (${summarizeGitOutput(moved.stderr) || "no message"})`;
      return { kind: "left", reason };
    }
    await git.run(["update-ref", "--no-deref", "-m", message, symbolic.code === 0 ? ref : "HEAD", sha, parent]);
    if (symbolic.code !== 0 && branchAtParent) await git.run(["update-ref", "-m", message, ref, sha, parent]);
    return { kind: "advanced" };
  }
  if (branchAtParent) {
    await git.run(["update-ref", "-m", message, ref, sha, parent]);
    return { kind: "branch-only" };
  }
  return { kind: "left", reason: `neither HEAD nor ${branch} is at ${short(parent)}` };
}
function unreachable(remote, message) {
  return new VersoError("EGIT", `Could not reach the remote \`${remote}\`: ${summarizeGitOutput(message) || "no message"}`, {
    hint: "Check out with actions/checkout (it stores the credentials git needs), or make sure the remote exists and is reachable."
  });
}
function short(sha) {
  return sha.slice(0, 7);
}
function assertNever(value) {
  throw new Error(`branchPushError: unexpected result ${JSON.stringify(value)}`);
}

// src/versions/release-tags.ts
function parseReleaseTags(tags, tagPrefix, scheme) {
  const all = [];
  const ignored = [];
  for (const ref of tags) {
    const text = ref.name.startsWith(tagPrefix) ? ref.name.slice(tagPrefix.length) : null;
    const version = text === null ? null : parseVersion(scheme, text);
    if (version && text !== null) all.push({ ...ref, version, text });
    else ignored.push(ref.name);
  }
  all.sort((a, b) => compareVersions(b.version, a.version) || a.name.localeCompare(b.name));
  return { all, ignored };
}
function chooseCandidates(tags, line) {
  const stable = tags.all.filter((t) => !isPrerelease(t.version));
  const { range } = line;
  const inLine = (list) => {
    if (range === null) return list;
    const semverOnly = list.filter((t) => t.version.kind === "semver");
    return [...semverOnly.filter((t) => inRange(t.version.value, range)), ...semverOnly.filter((t) => belowRange(t.version.value, range))];
  };
  return { base: inLine(line.prerelease === null ? stable : tags.all), stable: inLine(stable) };
}
var SEMVER_TAIL = /^(.*?)v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/;
var CALENDAR_TAIL = /^(?:.*?[^\d.])?((?:\d{4}|[1-9]\d)(?:\.\d{1,2}){1,2})$/;
function findUnreadVersionTags(ignored, tagPrefix, scheme) {
  const prefixes = /* @__PURE__ */ new Set();
  const found = [];
  let calendar = false;
  for (const name of ignored) {
    if (name.length > 200) continue;
    const semverTail = SEMVER_TAIL.exec(name);
    const prefix = semverTail && parseSemver(semverTail[2]) ? semverTail[1] : null;
    const asSemver = scheme.kind === "semver" && prefix !== null && prefix !== tagPrefix;
    const asCalendar = scheme.kind === "semver" && CALENDAR_TAIL.test(name) && !asSemver;
    if (!asSemver && !asCalendar) continue;
    found.push(name);
    if (asSemver && prefix !== null) prefixes.add(name.slice(prefix.length).startsWith("v") ? `${prefix}v` : prefix);
    if (asCalendar) calendar = true;
  }
  if (found.length === 0) return null;
  return { count: found.length, examples: found.slice(0, 3), prefixes: [...prefixes].slice(0, 3), calendar };
}

// src/run/effective-bump.ts
function decideBump(config, analysis, image, stable) {
  const reasons = [];
  let bump = analysis.bump;
  if (config.bump !== "auto") {
    reasons.push({ kind: "forced", bump: config.bump, commits: analysis.bump });
    bump = config.bump === "post" ? "patch" : config.bump;
  }
  const { scheme } = config;
  const atZero = config.bump === "auto" && scheme.kind === "semver" && scheme.majorZeroBreaking === "minor" && stable?.kind === "semver" && stable.value.major === 0;
  let finding = null;
  const needed = image?.bump.bump ?? "none";
  const required = atZero && needed === "major" ? "minor" : needed;
  if (image && compareBumps(required, bump) > 0) {
    const why = image.bump.reasons.map((r) => r.message);
    if (config.image?.bump === "escalate") {
      reasons.push({ kind: "raised-by-image", from: bump, to: required, why });
      bump = required;
    } else {
      finding = { kind: "image-bump", required, declared: bump, reasons: why };
    }
  }
  if (atZero && bump === "major") {
    const breaking = analysis.decisions.filter((d) => d.status === "counted" && d.bump === "major").map((d) => d.sha);
    reasons.push({ kind: "held-by-major-zero", commits: breaking });
    bump = "minor";
  }
  return { bump, reasons, finding };
}

// src/run/decide.ts
function decidePlan(config, facts, now, image = null, options = {}) {
  const line = options.line ?? unresolvedLine(config.prerelease);
  const analysis = analyzeCommits(facts.commits, config.releaseRules, { mergeStyle: config.check.mergeStyle });
  const effective = decideBump(config, analysis, image, facts.stableBase?.version ?? null);
  const { atLeast } = options;
  const raised = atLeast !== void 0 && compareBumps(effective.bump, atLeast.bump) < 0;
  const bump = raised ? atLeast.bump : effective.bump;
  const findings = config.strict ? analysis.decisions.flatMap(
    (d) => (
      // A squash commit read as the commits it lists counts through them: its title need not be one.
      d.message.kind === "unconventional" && !d.merge && d.cause.kind !== "squashed" ? [{ kind: "non-conventional", sha: d.sha, header: d.header, why: d.message.why }] : []
    )
  ) : [];
  if (image) findings.push(...image.findings.map((finding) => ({ kind: "image", finding })));
  if (effective.finding) findings.push(effective.finding);
  const common = {
    scheme: config.scheme.kind,
    head: facts.head,
    previous: facts.base && { version: facts.base.text, tag: facts.base.name, sha: facts.base.sha, value: facts.base.version },
    bump,
    commits: analysis.decisions,
    reasons: [...unreadTags(config, facts), ...effective.reasons, ...raised ? [atLeast.reason] : []],
    ignoredTags: facts.tags.ignored,
    image,
    line
  };
  const { finish } = options;
  if (finish === void 0 && !raised && (bump === "none" || facts.commits.length === 0)) {
    if (findings.length) return { ...common, kind: "blocked", findings, next: null };
    return { ...common, kind: "none", reason: facts.commits.length === 0 ? "no-commits" : "no-releasable-commits", next: null };
  }
  const taken = facts.tags.all.map((t) => t.version);
  const zone = config.scheme.kind === "calver" ? config.scheme.timeZone : "UTC";
  const today = dateInZone(now, zone);
  const dated = zone === "UTC" ? [] : [{ kind: "release-date", instant: now.toISOString(), zone, date: today.toISOString().slice(0, 10) }];
  const { proposed } = options;
  const computed = finish !== void 0 ? { version: finish, reasons: [{ kind: "finishing", tag: `${config.tagPrefix}${formatVersion(finish)}` }] } : proposed !== void 0 ? { version: proposed, reasons: [{ kind: "proposed", tag: `${config.tagPrefix}${formatVersion(proposed)}` }] } : nextVersion(config.scheme, {
    base: facts.base?.version ?? null,
    stable: facts.stableBase?.version ?? null,
    bump: releasing(bump),
    prerelease: line.prerelease,
    prereleaseStart: config.prereleaseStart,
    taken,
    now: today,
    post: config.bump === "post"
  });
  const { raiseTo } = options;
  const next = raiseTo && finish === void 0 && compareVersions(raiseTo.version, computed.version) > 0 ? { version: raiseTo.version, reasons: [...computed.reasons, raiseTo.reason] } : computed;
  const text = formatVersion(next.version);
  const release = { version: text, tag: `${config.tagPrefix}${text}`, value: next.version };
  const plan = { ...common, reasons: [...common.reasons, ...dated, ...next.reasons] };
  const clash = facts.tags.all.find((t) => t.name === release.tag && t.sha !== facts.head);
  const limit = finish === void 0 ? lineLimit(line, next.version, facts) : null;
  if (limit && line.range !== null) {
    const deciding = analysis.decisions.filter((d) => d.status === "counted" && d.bump === analysis.bump);
    findings.push({
      kind: "outside-line",
      version: text,
      branch: line.branch,
      range: line.range,
      policy: line.source,
      limit,
      bump,
      commits: deciding.slice(0, 3).map((d) => ({ sha: d.sha, header: d.header }))
    });
  } else if (computed.below && facts.base) findings.push({ kind: "prerelease-below", version: text, above: facts.base.name });
  else if (clash) findings.push({ kind: "tag-exists", tag: clash.name, sha: clash.sha });
  if (findings.length) return { ...plan, kind: "blocked", findings, next: release };
  return { ...plan, kind: "release", next: release, standing: standingOf(next.version, taken) };
}
function lineLimit(line, next, facts) {
  if (line.range === null || next.kind !== "semver") return null;
  if (!inRange(next.value, line.range)) return { kind: "range" };
  if (line.prerelease !== null) return null;
  const base = facts.base?.version ?? null;
  let above = null;
  for (const tag of facts.tags.all) {
    if (isPrerelease(tag.version) || base !== null && compareVersions(tag.version, base) <= 0) continue;
    if (above === null || compareVersions(tag.version, above.version) < 0) above = tag;
  }
  if (above !== null) return compareVersions(next, above.version) >= 0 ? { kind: "taken", tag: above.name } : null;
  return line.newestOwner === null ? null : { kind: "newest", owner: line.newestOwner };
}
function unreadTags(config, facts) {
  if (facts.base !== null || facts.tags.all.length > 0) return [];
  const unread = findUnreadVersionTags(facts.tags.ignored, config.tagPrefix, config.scheme);
  return unread ? [{ kind: "tags-not-read", ...unread }] : [];
}
function releasing(bump) {
  if (bump === "none") throw new Error("decidePlan: a release without a bump");
  return bump;
}
function standingOf(next, existing) {
  const stable = !isPrerelease(next);
  const above = (others) => stable && others.every((v) => isPrerelease(v) || compareVersions(next, v) > 0);
  const parts = describeParts(next);
  if (next.kind !== "semver") return { prerelease: !stable, parts, latest: above(existing), highestInMajor: false, highestInMinor: false };
  const sameMajor = existing.filter((v) => v.kind === "semver" && v.value.major === next.value.major);
  const sameMinor = sameMajor.filter((v) => v.kind === "semver" && v.value.minor === next.value.minor);
  return { prerelease: !stable, parts, latest: above(existing), highestInMajor: above(sameMajor), highestInMinor: above(sameMinor) };
}

// src/run/plan.ts
async function gatherLine(gather, config, hints, ask) {
  const { policy } = config.release;
  const where = await gather.branch(hints, needsDefaultBranch(policy) ? ask : "no");
  return lineFor(config, where.branch, where.defaultBranch);
}
function lineFor(config, branch, defaultBranch) {
  return resolveLine({ policy: config.release.policy, branch, defaultBranch, prerelease: config.prerelease, scheme: config.scheme.kind });
}
async function planRelease(gather, config, now, options = {}) {
  const line = options.line ?? unresolvedLine(config.prerelease);
  const read = await gather.history({
    line,
    ...options.head ? { head: options.head } : {},
    ...options.ignoreTag ? { ignoreTag: options.ignoreTag } : {}
  });
  const facts = options.extraCommits ? { ...read, commits: [...options.extraCommits, ...read.commits] } : read;
  const checkWorktreeImage = options.checkWorktreeImage ?? true;
  const image = config.image && await gatherAndCheckImage(gather, config.image, facts.base?.name ?? null, { checkWorktreeImage }, options.schemasAt ?? null);
  const plan = decidePlan(config, facts, now, image, {
    line,
    ...options.finish === void 0 ? {} : { finish: options.finish },
    ...options.proposed === void 0 ? {} : { proposed: options.proposed }
  });
  return { plan, fetched: facts.fetched };
}
async function checkReleaseImage(gather, config, options) {
  if (!config.image) {
    throw new VersoError("EINVALIDCONFIG", "The release-image check has no schemas to look at.", {
      hint: 'Set `schemas` (e.g. `--schemas "schemas/**/*.json"`, or `schemas:` in .github/verso.yml).'
    });
  }
  const facts = await gather.history({ commits: false });
  return { check: await gatherAndCheckImage(gather, config.image, facts.base?.name ?? null, options), image: config.image };
}
async function gatherAndCheckImage(gather, image, releaseTag, options, todayAt = null) {
  const [{ runImageCheck }, sources] = await Promise.all([import("./image-UGXTM5J7.js"), gather.imageSources(image, releaseTag, todayAt)]);
  return runImageCheck(image, sources, options);
}
async function planReleaseRun(gather, config, now, line, head) {
  const at = head ? { head } : {};
  const first = await planRelease(gather, config, now, { line, ...at });
  const { plan } = first;
  if (plan.kind !== "none" || plan.reason !== "no-commits" || plan.previous?.sha !== plan.head) return { ...first, resumed: false };
  const { value, tag } = plan.previous;
  if (!await isOwnRelease(gather, config, line, plan.previous)) return { ...first, resumed: false };
  return { ...await planRelease(gather, config, now, { line, ignoreTag: tag, finish: value, ...at }), resumed: true };
}
async function isOwnRelease(gather, config, line, release) {
  return sameChannel(config.scheme, channelOf(release.value), line.prerelease) && await gather.taggerEmail(release.tag) === config.release.tagger.email;
}

export {
  releaseCommitMessage,
  readReleaseTree,
  createReleaseCommit,
  fetchBranchCommit,
  readRemoteBranch,
  pushReleaseCommit,
  branchPushError,
  advanceCheckout,
  parseReleaseTags,
  chooseCandidates,
  decidePlan,
  gatherLine,
  lineFor,
  planRelease,
  checkReleaseImage,
  planReleaseRun,
  isOwnRelease
};
