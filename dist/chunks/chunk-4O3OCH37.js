import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  channelOf,
  compareVersions,
  describeParts,
  formatVersion,
  isPrerelease,
  nextVersion,
  parseVersion,
  sameChannel
} from "./chunk-6F2RJZQG.js";
import {
  dateInZone
} from "./chunk-6MJHAZTC.js";
import {
  resolveLine,
  unresolvedLine
} from "./chunk-OUXFSVUQ.js";
import {
  analyzeCommits
} from "./chunk-S4ZGTR2X.js";
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
  const computed = finish !== void 0 ? { version: finish, reasons: [{ kind: "finishing", tag: `${config.tagPrefix}${formatVersion(finish)}` }] } : nextVersion(config.scheme, {
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
  const plan = decidePlan(config, facts, now, image, { line, ...options.finish === void 0 ? {} : { finish: options.finish } });
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
  const [{ runImageCheck }, sources] = await Promise.all([import("./image-VI35AGYT.js"), gather.imageSources(image, releaseTag, todayAt)]);
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
