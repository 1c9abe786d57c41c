import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  COUNTER_TOKENS,
  TOKEN_SPECS,
  buildPeriod,
  comparePeriods,
  isCounterToken,
  isWritableYear,
  readField,
  readPeriod
} from "./chunk-QWN2I4DH.js";
import {
  resolveLine,
  unresolvedLine
} from "./chunk-UZHCNOWG.js";
import {
  belowRange,
  compareSemver,
  inRange,
  nextSemver,
  parseSemver,
  require_semver
} from "./chunk-3NG2HPCE.js";
import {
  analyzeCommits
} from "./chunk-3GUUJDMH.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
import {
  compareBumps
} from "./chunk-QSZWMMJ6.js";
import {
  __toESM
} from "./chunk-IXE7RTMW.js";

// src/versions/scheme.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/versions/calver/version.ts
var import_semver = __toESM(require_semver(), 1);
var COUNTER_PATTERN = "0|[1-9]\\d{0,14}";
var MODIFIER_ID = "[a-z](?:[a-z0-9]*[a-z])?";
var WHOLE_MODIFIER_ID = new RegExp(`^${MODIFIER_ID}$`);
var MODIFIER_PATTERN = `(?:${[
  `-(${MODIFIER_ID})\\.(${COUNTER_PATTERN})`,
  // dotted
  `-(${MODIFIER_ID})(${COUNTER_PATTERN})`,
  // dashed
  `(${MODIFIER_ID})(${COUNTER_PATTERN})`
  // glued
].join("|")})`;
var MODIFIER_RANK = /* @__PURE__ */ new Map([
  ["dev", 1],
  ["alpha", 2],
  ["beta", 3],
  ["rc", 4]
]);
function parseCalver(format, text) {
  const match = buildPattern(format).exec(text);
  if (match === null) return null;
  const fields = {};
  const counters = {};
  let group = 1;
  for (const { token } of format.segments) {
    if (token === "MODIFIER") continue;
    const digits = match[group++] ?? "";
    if (isCounterToken(token)) counters[token] = Number(digits);
    else fields[TOKEN_SPECS[token].field] = TOKEN_SPECS[token].read(digits);
  }
  const period = buildPeriod(format, fields);
  if (period === null || !isWritableYear(format, period.year)) return null;
  return makeVersion(format, period, counters, readModifier(match.slice(group)));
}
function formatCalver(version) {
  return writeSegments(version, false) + writeModifier(version.modifier);
}
function compareCalver(a, b) {
  if (a.format.text !== b.format.text) {
    throw new Error(`compareCalver: versions of different formats (${a.format.text}, ${b.format.text}) have no order`);
  }
  return comparePeriods(a.period, b.period) || compareCounters(a, b) || compareModifiers(a.modifier, b.modifier);
}
function isSemverCompatible(text) {
  return import_semver.default.valid(text, { loose: false }) !== null && /^\d/.test(text) && text.trim() === text;
}
function isModifierId(text) {
  return WHOLE_MODIFIER_ID.test(text);
}
function formatCalverPeriod(format, period) {
  return writeSegments(makeVersion(format, period, {}, null), true);
}
function makeVersion(format, period, counters, modifier) {
  return { format, period, counters, modifier };
}
function buildPattern(format) {
  const parts = format.segments.map(({ separator, token }) => {
    if (token === "MODIFIER") return `${MODIFIER_PATTERN}?`;
    const pattern = isCounterToken(token) ? COUNTER_PATTERN : TOKEN_SPECS[token].pattern;
    return `${separator === "" ? "" : `\\${separator}`}(${pattern})`;
  });
  return new RegExp(`^${parts.join("")}$`);
}
function readModifier(groups) {
  const spellings = ["dotted", "dashed", "glued"];
  for (const [index, spelling] of spellings.entries()) {
    const id = groups[index * 2];
    const number = groups[index * 2 + 1];
    if (id !== void 0 && number !== void 0) return { id, number: Number(number), spelling };
  }
  return null;
}
function writeModifier(modifier) {
  if (modifier === null) return "";
  switch (modifier.spelling) {
    case "dotted":
      return `-${modifier.id}.${modifier.number}`;
    case "dashed":
      return `-${modifier.id}${modifier.number}`;
    case "glued":
      return `${modifier.id}${modifier.number}`;
  }
}
function writeSegments(version, periodOnly) {
  let text = "";
  for (const { separator, token } of version.format.segments) {
    if (token === "MODIFIER") continue;
    if (isCounterToken(token)) {
      if (periodOnly) break;
      text += separator + String(version.counters[token]);
    } else {
      text += separator + TOKEN_SPECS[token].write(readField(version.period, TOKEN_SPECS[token].field));
    }
  }
  return text;
}
function compareCounters(a, b) {
  for (const counter of a.format.counters) {
    const difference = (a.counters[counter] ?? 0) - (b.counters[counter] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
function compareModifiers(a, b) {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  const rank = (MODIFIER_RANK.get(a.id) ?? 0) - (MODIFIER_RANK.get(b.id) ?? 0);
  if (rank !== 0) return rank;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.number - b.number;
}

// src/versions/calver/next.ts
function nextCalver(format, previous, today, bump, options) {
  if (bump === "none") throw new Error("nextCalver: a bump of none releases nothing; the caller decides that before asking for a version");
  if (previous !== null && previous.format.text !== format.text) {
    throw new Error(`nextCalver: previous ${formatCalver(previous)} is not a version of ${format.text}`);
  }
  const modifierId = options.modifier === void 0 ? null : checkModifierId(format, options.modifier);
  const todayPeriod = readTodayPeriod(format, today);
  if (previous === null) {
    return {
      version: makeVersion(format, todayPeriod, zeroCounters(format), startModifier(modifierId)),
      change: { kind: "first" },
      reasons: [{ kind: "first-release", period: formatCalverPeriod(format, todayPeriod), counters: format.counters }]
    };
  }
  const previousText = formatCalver(previous);
  const previousPeriod = formatCalverPeriod(format, previous.period);
  if (comparePeriods(todayPeriod, previous.period) < 0) {
    const todayText = `${writeIsoDate(today)} (period ${formatCalverPeriod(format, todayPeriod)})`;
    const message = `The release date ${todayText} is earlier than the previous release ${previousText} (period ${previousPeriod}).`;
    throw new VersoError("ECALVER", message, {
      hint: "verso never releases a lower version. Check the runner clock, --date or SOURCE_DATE_EPOCH."
    });
  }
  const period = options.date === "release" || bump === "major" ? todayPeriod : previous.period;
  const moved = comparePeriods(period, previous.period) !== 0;
  const step = moved ? moveToPeriod(format, previous, period, modifierId) : stepInPeriod(format, previous, bump, options, modifierId);
  const reasons = [...explainDateRule(format, options, bump, previousPeriod, moved), ...step.reasons];
  if (modifierId !== null && step.change.kind !== "modifier") {
    const base = makeVersion(format, step.version.period, step.version.counters, null);
    reasons.push({ kind: "prerelease-start", id: modifierId, base: formatCalver(base) });
  }
  if (compareCalver(step.version, previous) <= 0) {
    throw new Error(`nextCalver: ${formatCalver(step.version)} does not sort above ${previousText}`);
  }
  return { version: step.version, change: step.change, reasons };
}
function readTodayPeriod(format, today) {
  if (Number.isNaN(today.getTime())) {
    throw new VersoError("ECALVER", "The release date is not a valid date.", {
      hint: "Pass --date as YYYY-MM-DD, or SOURCE_DATE_EPOCH as seconds since 1970."
    });
  }
  const period = readPeriod(format, today);
  if (!isWritableYear(format, period.year)) {
    const short = format.segments.find(({ token }) => token === "YY" || token === "0Y");
    throw new VersoError("ECALVER", `The release date ${writeIsoDate(today)} cannot be written in calver-format ${format.text}.`, {
      hint: short === void 0 ? "YYYY writes the years 1000 to 9999. Check the clock, --date or SOURCE_DATE_EPOCH." : `${short.token} counts years from 2000 (2006 is ${short.token === "YY" ? "6" : "06"}). Use YYYY for earlier years, or check the clock, --date or SOURCE_DATE_EPOCH.`
    });
  }
  return period;
}
function checkModifierId(format, id) {
  if (!format.modifier) {
    throw new VersoError("ECALVER", `calver-format ${format.text} has no MODIFIER, so it cannot release a "${id}" prerelease.`, {
      hint: `End the format with -MODIFIER (${format.text}-MODIFIER) to release versions such as ${format.text}-${id}.0.`
    });
  }
  if (!isModifierId(id)) {
    throw new VersoError("ECALVER", `The modifier "${id}" is not a modifier id.`, {
      hint: "Use lower-case letters and digits, starting and ending with a letter: dev, alpha, beta or rc."
    });
  }
  return id;
}
function explainDateRule(format, options, bump, previousPeriod, moved) {
  if (options.date === "major") {
    if (bump !== "major") return [{ kind: "date-held", period: previousPeriod }];
    if (moved) return [{ kind: "breaking-moves-date" }];
    return [{ kind: "breaking-not-shown", why: "same-period", period: previousPeriod }];
  }
  if (bump !== "major") return [];
  if (options.counters === "calendar") return [{ kind: "breaking-not-shown", why: "calendar-bump" }];
  if (!format.counters.includes("MAJOR")) return [{ kind: "breaking-not-shown", why: "no-major", format: format.text }];
  return [];
}
function moveToPeriod(format, previous, period, modifierId) {
  const from = formatCalverPeriod(format, previous.period);
  const to = formatCalverPeriod(format, period);
  return {
    version: makeVersion(format, period, zeroCounters(format), startModifier(modifierId)),
    change: { kind: "period", from, to },
    reasons: [{ kind: "period-moved", from, to, counters: format.counters }]
  };
}
function stepInPeriod(format, previous, bump, options, modifierId) {
  const slot = options.counters === "commits" ? chooseCounter(format, bump) : { counter: format.counters.at(-1) ?? null, fallback: null };
  const base = makeVersion(format, previous.period, previous.counters, null);
  if (previous.modifier !== null && (options.counters === "calendar" || holdsBump(previous, slot.counter))) {
    return continuePrerelease(previous, previous.modifier, base, modifierId);
  }
  const previousText = formatCalver(previous);
  const period = formatCalverPeriod(format, previous.period);
  if (slot.counter === null) {
    const example = format.text.replace(/(-MODIFIER)?$/, ".MICRO$1");
    throw new VersoError("ECALVER", `A second release in period ${period} needs a MICRO in calver-format (e.g. ${example}).`, {
      hint: `${previousText} is already released, and ${format.text} has no counter to tell another release apart.`
    });
  }
  const counters = incrementCounter(format, previous.counters, slot.counter);
  const move = {
    kind: "counter-moved",
    period,
    previous: previousText,
    counter: slot.counter,
    from: previous.counters[slot.counter] ?? 0,
    to: counters[slot.counter] ?? 0,
    resets: format.counters.slice(format.counters.indexOf(slot.counter) + 1)
  };
  return {
    version: makeVersion(format, previous.period, counters, startModifier(modifierId)),
    change: { kind: "counter", counter: slot.counter },
    reasons: slot.fallback === null ? [move] : [slot.fallback, move]
  };
}
function chooseCounter(format, bump) {
  const wanted = bump === "major" ? "MAJOR" : bump === "minor" ? "MINOR" : "MICRO";
  const at = COUNTER_TOKENS.indexOf(wanted);
  const order = [...COUNTER_TOKENS.slice(at), ...COUNTER_TOKENS.slice(0, at).reverse()];
  const counter = order.find((c) => format.counters.includes(c)) ?? null;
  const fallback = counter === null || counter === wanted || bump === "major" ? null : { kind: "counter-fallback", bump, wanted, counter, format: format.text };
  return { counter, fallback };
}
function holdsBump(previous, counter) {
  if (counter === null) return true;
  const after = COUNTER_TOKENS.slice(COUNTER_TOKENS.indexOf(counter) + 1);
  return after.every((c) => (previous.counters[c] ?? 0) === 0);
}
function continuePrerelease(previous, modifier, base, modifierId) {
  const previousText = formatCalver(previous);
  const baseText = formatCalver(base);
  if (modifierId === null) {
    return { version: base, change: { kind: "final" }, reasons: [{ kind: "prerelease-final", previous: previousText, base: baseText }] };
  }
  const number = modifierId === modifier.id ? modifier.number + 1 : 0;
  const version = makeVersion(base.format, base.period, base.counters, { id: modifierId, number, spelling: "dotted" });
  if (compareCalver(version, previous) <= 0) {
    throw new VersoError("ECALVER", `${formatCalver(version)} would sort below the previous release ${previousText}.`, {
      hint: `Modifiers order dev < alpha < beta < rc < final. Release ${modifier.id} again, a later stage, or the final ${baseText}.`
    });
  }
  const reason = modifierId === modifier.id ? { kind: "prerelease-next", previous: previousText, base: baseText, id: modifierId, from: modifier.number, to: number } : { kind: "prerelease-switch", previous: previousText, base: baseText, previousId: modifier.id, id: modifierId };
  return { version, change: { kind: "modifier", id: modifierId }, reasons: [reason] };
}
function startModifier(id) {
  return id === null ? null : { id, number: 0, spelling: "dotted" };
}
function zeroCounters(format) {
  return Object.fromEntries(format.counters.map((c) => [c, 0]));
}
function incrementCounter(format, counters, counter) {
  const at = COUNTER_TOKENS.indexOf(counter);
  return Object.fromEntries(
    format.counters.map((c) => {
      const index = COUNTER_TOKENS.indexOf(c);
      return [c, index < at ? counters[c] ?? 0 : index === at ? (counters[c] ?? 0) + 1 : 0];
    })
  );
}
function writeIsoDate(date) {
  return date.toISOString().slice(0, 10);
}

// src/versions/scheme.ts
function parseVersion(scheme, text) {
  if (scheme.kind === "semver") {
    const value2 = parseSemver(text);
    return value2 && { kind: "semver", value: value2 };
  }
  const value = parseCalver(scheme.format, text);
  return value && { kind: "calver", value };
}
function compareVersions(a, b) {
  if (a.kind === "semver" && b.kind === "semver") return compareSemver(a.value, b.value);
  if (a.kind === "calver" && b.kind === "calver") return compareCalver(a.value, b.value);
  throw new Error("compareVersions: versions of two schemes");
}
function channelOf(version) {
  if (version.kind === "calver") return version.value.modifier?.id ?? null;
  const first = version.value.prerelease[0];
  return first === void 0 ? null : String(first);
}
function isPrerelease(version) {
  return version.kind === "semver" ? version.value.prerelease.length > 0 : version.value.modifier !== null;
}
function formatVersion(version) {
  return version.kind === "semver" ? version.value.build.length ? `${version.value.version}+${version.value.build.join(".")}` : version.value.version : formatCalver(version.value);
}
function nextVersion(scheme, input) {
  if (scheme.kind === "semver") {
    const only = (v) => v?.kind === "semver" ? v.value : null;
    const next2 = nextSemver({
      base: only(input.base),
      stable: only(input.stable),
      bump: input.bump,
      initialVersion: scheme.initialVersion,
      prerelease: input.prerelease,
      taken: input.taken.flatMap((v) => v.kind === "semver" ? [v.value] : [])
    });
    return { version: { kind: "semver", value: next2.version }, reasons: next2.reasons };
  }
  const previous = input.base?.kind === "calver" ? input.base.value : null;
  const next = nextCalver(scheme.format, previous, input.now, input.bump, {
    counters: scheme.counters,
    date: scheme.date,
    modifier: input.prerelease ?? void 0
  });
  const taken = new Set(input.taken.flatMap((v) => v.kind === "calver" ? [formatCalver(v.value)] : []));
  let version = next.version;
  while (version.modifier && taken.has(formatCalver(version))) {
    const bumped = parseCalver(scheme.format, formatCalver(version).replace(/\d+$/, String(version.modifier.number + 1)));
    if (!bumped) break;
    version = bumped;
  }
  const reasons = next.reasons.map((reason) => ({ kind: "calver", reason }));
  const text = formatCalver(version);
  if (!isSemverCompatible(text)) reasons.push({ kind: "not-semver", version: text });
  return { version: { kind: "calver", value: version }, reasons };
}
function describeParts(version) {
  if (version.kind === "semver") {
    const { major, minor, patch, prerelease: prerelease2 } = version.value;
    return { major: String(major), minor: String(minor), patch: String(patch), prerelease: prerelease2.join(".") };
  }
  const modifier = version.value.modifier;
  const prerelease = modifier ? `${modifier.id}.${modifier.number}` : "";
  const text = formatCalver(version.value);
  const numbers = isSemverCompatible(text) ? import_semver2.default.parse(text) : null;
  return numbers ? { major: String(numbers.major), minor: String(numbers.minor), patch: String(numbers.patch), prerelease } : { major: "", minor: "", patch: "", prerelease };
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
    bump = config.bump;
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
  const analysis = analyzeCommits(facts.commits, config.releaseRules);
  const effective = decideBump(config, analysis, image, facts.stableBase?.version ?? null);
  const { bump } = effective;
  const findings = config.strict ? analysis.decisions.flatMap(
    (d) => d.message.kind === "unconventional" && !d.merge ? [{ kind: "non-conventional", sha: d.sha, header: d.header, why: d.message.why }] : []
  ) : [];
  if (image) findings.push(...image.findings.map((finding) => ({ kind: "image", finding })));
  if (effective.finding) findings.push(effective.finding);
  const common = {
    scheme: config.scheme.kind,
    head: facts.head,
    previous: facts.base && { version: facts.base.text, tag: facts.base.name, sha: facts.base.sha, value: facts.base.version },
    bump,
    commits: analysis.decisions,
    reasons: [...unreadTags(config, facts), ...effective.reasons],
    ignoredTags: facts.tags.ignored,
    image,
    line
  };
  const { finish } = options;
  if (finish === void 0 && (bump === "none" || facts.commits.length === 0)) {
    if (findings.length) return { ...common, kind: "blocked", findings, next: null };
    return { ...common, kind: "none", reason: facts.commits.length === 0 ? "no-commits" : "no-releasable-commits", next: null };
  }
  const taken = facts.tags.all.map((t) => t.version);
  const next = finish !== void 0 ? { version: finish, reasons: [{ kind: "finishing", tag: `${config.tagPrefix}${formatVersion(finish)}` }] } : nextVersion(config.scheme, {
    base: facts.base?.version ?? null,
    stable: facts.stableBase?.version ?? null,
    bump: releasing(bump),
    prerelease: line.prerelease,
    taken,
    now
  });
  const text = formatVersion(next.version);
  const release = { version: text, tag: `${config.tagPrefix}${text}`, value: next.version };
  const plan = { ...common, reasons: [...common.reasons, ...next.reasons] };
  const clash = facts.tags.all.find((t) => t.name === release.tag && t.sha !== facts.head);
  const limit = finish === void 0 ? lineLimit(line, next.version, facts) : null;
  if (limit && line.range !== null) {
    const deciding = analysis.decisions.filter((d) => d.status === "counted" && d.bump === bump);
    findings.push({
      kind: "outside-line",
      version: text,
      branch: line.branch,
      range: line.range,
      limit,
      bump,
      commits: deciding.slice(0, 3).map((d) => ({ sha: d.sha, header: d.header }))
    });
  } else if (clash) findings.push({ kind: "tag-exists", tag: clash.name, sha: clash.sha });
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
  const where = await gather.branch(hints, policy.kind === "default-branch" ? ask : "no");
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
  const [{ runImageCheck }, sources] = await Promise.all([import("./image-2QWORCJ7.js"), gather.imageSources(image, releaseTag, todayAt)]);
  return runImageCheck(image, sources, options);
}
async function planReleaseRun(gather, config, now, line) {
  const first = await planRelease(gather, config, now, { line });
  const { plan } = first;
  if (plan.kind !== "none" || plan.reason !== "no-commits" || plan.previous?.sha !== plan.head) return { ...first, resumed: false };
  const { value, tag } = plan.previous;
  if (!await isOwnRelease(gather, config, line, plan.previous)) return { ...first, resumed: false };
  return { ...await planRelease(gather, config, now, { line, ignoreTag: tag, finish: value }), resumed: true };
}
async function isOwnRelease(gather, config, line, release) {
  return channelOf(release.value) === line.prerelease && await gather.taggerEmail(release.tag) === config.release.tagger.email;
}

export {
  parseReleaseTags,
  chooseCandidates,
  gatherLine,
  lineFor,
  planRelease,
  checkReleaseImage,
  planReleaseRun,
  isOwnRelease
};
