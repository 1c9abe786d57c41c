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
  compareSemver,
  nextSemver,
  parseSemver,
  require_semver
} from "./chunk-LYX5UHX4.js";
import {
  VersoError
} from "./chunk-QIVDBRGE.js";
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
      version: makeVersion(format, todayPeriod, startCounters(format, options.counterStart ?? 0), startModifier(modifierId)),
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
  const step = moved ? moveToPeriod(format, previous, period, modifierId, options.counterStart ?? 0) : stepInPeriod(format, previous, bump, options, modifierId);
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
function moveToPeriod(format, previous, period, modifierId, counterStart) {
  const from = formatCalverPeriod(format, previous.period);
  const to = formatCalverPeriod(format, period);
  return {
    version: makeVersion(format, period, startCounters(format, counterStart), startModifier(modifierId)),
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
function startCounters(format, start) {
  return Object.fromEntries(format.counters.map((c, i) => [c, i === 0 ? start : 0]));
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
      prereleaseStart: input.prereleaseStart ?? 0,
      taken: input.taken.flatMap((v) => v.kind === "semver" ? [v.value] : [])
    });
    return {
      version: { kind: "semver", value: next2.version },
      reasons: next2.reasons,
      ...next2.below ? { below: { kind: "semver", value: next2.below } } : {}
    };
  }
  const previous = input.base?.kind === "calver" ? input.base.value : null;
  const next = nextCalver(scheme.format, previous, input.now, input.bump, {
    counters: scheme.counters,
    date: scheme.date,
    modifier: input.prerelease ?? void 0,
    counterStart: scheme.counterStart
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

export {
  parseVersion,
  compareVersions,
  channelOf,
  isPrerelease,
  formatVersion,
  nextVersion,
  describeParts
};
