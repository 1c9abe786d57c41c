import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/versions/calver/format.ts
var YEAR_TOKENS = ["YYYY", "YY", "0Y"];
var MONTH_TOKENS = ["MM", "0M"];
var WEEK_TOKENS = ["WW", "0W"];
var DAY_TOKENS = ["DD", "0D"];
var COUNTER_TOKENS = ["MAJOR", "MINOR", "MICRO"];
var CALVER_TOKENS = [
  ...YEAR_TOKENS,
  ...MONTH_TOKENS,
  ...WEEK_TOKENS,
  ...DAY_TOKENS,
  ...COUNTER_TOKENS,
  "MODIFIER"
];
var ALLOWED = CALVER_TOKENS.join(", ");
var RANK = {
  YYYY: 0,
  YY: 0,
  "0Y": 0,
  MM: 1,
  "0M": 1,
  WW: 1,
  "0W": 1,
  DD: 2,
  "0D": 2,
  MAJOR: 3,
  MINOR: 4,
  MICRO: 5,
  MODIFIER: 6
};
var FIELD_NAMES = ["year", "month or week", "day", "MAJOR", "MINOR", "MICRO", "MODIFIER"];
var MAX_TOKENS = 16;
function parseCalverFormat(format, style = "semver") {
  const fail = (details) => {
    throw new VersoError("ECALVER", `calver-format "${format}" is not a valid CalVer format.`, {
      details,
      hint: `Write tokens from ${ALLOWED} separated by ".", "-" or "_", e.g. YYYY.0M.MICRO or YYYY.0M.0D[.MICRO] (see calver.org).`
    });
  };
  if (format.trim() === "") fail(["the format is empty"]);
  const count = countTokens(format);
  if (count > MAX_TOKENS) {
    fail([
      `the format has ${count} tokens; a CalVer format has at most ${FIELD_NAMES.length}, one for each of the year, the month or week, the day, MAJOR, MINOR, MICRO and MODIFIER`
    ]);
  }
  const brackets = readBrackets(format);
  const pieces = brackets.plain.split(/([.\-_])/);
  const segments = [];
  const problems = [...brackets.problems];
  for (let i = 0; i < pieces.length; i += 2) {
    const text = pieces[i] ?? "";
    const separator = i === 0 ? "" : pieces[i - 1];
    if (text === "") {
      problems.push(`an empty token at position ${i / 2 + 1}: a separator at the start or end, or two in a row`);
    } else if (isCalverToken(text)) {
      segments.push({ separator, token: text, depth: brackets.depths[i / 2] ?? 0 });
    } else {
      problems.push(describeUnknownToken(text));
    }
  }
  problems.push(...findStructureProblems(segments, pieces.at(-1) === "MODIFIER", problems.length === 0));
  problems.push(...findOptionalProblems(segments));
  if (style === "pep440") problems.push(...findPep440Problems(segments));
  if (problems.length > 0) fail(problems);
  const tokens = segments.map((s) => s.token);
  const parsed = {
    text: format,
    segments,
    calendar: tokens.some(isDayToken) ? "day" : tokens.some(isWeekToken) ? "week" : tokens.some(isMonthToken) ? "month" : "year",
    counters: COUNTER_TOKENS.filter((c) => tokens.includes(c)),
    modifier: style === "pep440" || tokens.includes("MODIFIER"),
    optional: segments.flatMap((s, i) => s.depth > (segments[i - 1]?.depth ?? 0) ? [i] : []),
    style
  };
  return parsed;
}
function readBrackets(format) {
  const problems = /* @__PURE__ */ new Set();
  const depths = [0];
  let plain2 = "";
  let depth = 0;
  let closedAt = -1;
  for (let i = 0; i < format.length; i++) {
    const char = format[i];
    if (char === "[") {
      if (closedAt !== -1) {
        problems.add(
          "optional parts nest, each inside the one before: write YY[.MINOR[.MICRO]], not YY[.MINOR][.MICRO], which writes MINOR 1 and MICRO 1 alike"
        );
        closedAt = -1;
      } else if (!".-_".includes(format[i + 1] ?? "[")) problems.add("an optional part starts with its separator: write YY.MINOR[.MICRO]");
      depth++;
    } else if (char === "]") {
      if (depth === 0) problems.add('a "]" closes no "["');
      else depth--;
      closedAt = i;
    } else if (closedAt !== -1 && depth === 0 && format.slice(i) === "-MODIFIER") {
      depths.push(0);
      plain2 += format.slice(i);
      break;
    } else {
      if (closedAt !== -1) {
        problems.add("optional parts end the format (only -MODIFIER may follow them): write YYYY.0M.0D[.MICRO]");
        closedAt = -1;
      }
      if (".-_".includes(char)) depths.push(depth);
      plain2 += char;
    }
  }
  if (depth > 0) problems.add(`${depth === 1 ? 'a "["' : `${depth} "["`} without its "]"`);
  return { plain: plain2, depths, problems: [...problems] };
}
function findOptionalProblems(segments) {
  const problems = [];
  for (const { token, depth } of segments) {
    if (depth === 0) continue;
    if (token === "MODIFIER")
      problems.push("a modifier is optional by itself: write -MODIFIER after the brackets, YY.MINOR[.MICRO]-MODIFIER");
    else if (!isCounterToken(token))
      problems.push(`only counters can be optional (written when not 0): ${token} is part of the date, always written`);
  }
  return problems;
}
function findPep440Problems(segments) {
  return segments.flatMap(
    ({ separator, token }) => separator === "" || separator === "." || token === "MODIFIER" ? [] : [`PEP 440 writes a version's numbers with dots (version-style: pep440): "${separator}" before ${token}`]
  );
}
function countTokens(format) {
  let count = 1;
  for (let i = 0; i < format.length; i++) {
    const code = format.charCodeAt(i);
    if (code === 46 || code === 45 || code === 95) count++;
  }
  return count;
}
function findStructureProblems(segments, endsWithModifier, complete) {
  const problems = [];
  const tokens = segments.map((s) => s.token);
  const seen = /* @__PURE__ */ new Map();
  for (const token of tokens) {
    const earlier = seen.get(RANK[token]);
    if (earlier === void 0) {
      seen.set(RANK[token], token);
    } else if (earlier === token) {
      problems.push(`${token} appears more than once`);
    } else if (isWeekToken(earlier) === isWeekToken(token)) {
      problems.push(`${earlier} and ${token} both write the ${FIELD_NAMES[RANK[token]]}: keep one`);
    }
  }
  const hasWeek = tokens.some(isWeekToken);
  if (hasWeek && tokens.some((t) => isMonthToken(t) || isDayToken(t))) {
    problems.push("weeks (WW, 0W) cannot be mixed with months or days (MM, 0M, DD, 0D): a week can span two months");
  }
  if (complete) problems.push(...findMissingTokens(tokens));
  let highest = -1;
  for (const [index, token] of tokens.entries()) {
    if (token === "MODIFIER") {
      if (index !== tokens.length - 1 || !endsWithModifier) problems.push("MODIFIER must be the last token");
      else if (segments[index]?.separator !== "-")
        problems.push('MODIFIER must follow a "-" (\u2026-MODIFIER): modifiers are written SemVer-style, as in 2024.02.1-rc.0');
      continue;
    }
    const rank = RANK[token];
    if (rank < highest) {
      problems.push(
        isCounterToken(token) && highest >= RANK.MAJOR && highest <= RANK.MICRO ? `${token} comes after ${FIELD_NAMES[highest]}: counters go MAJOR, MINOR, MICRO` : `${token} comes after ${FIELD_NAMES[highest]}: calendar tokens come first, from year to day, then counters`
      );
    }
    highest = Math.max(highest, rank);
  }
  return problems;
}
function findMissingTokens(tokens) {
  const calendar = tokens.filter(isCalendarToken);
  if (calendar.length === 0) {
    return ["no calendar token (YYYY, YY, 0Y, MM, 0M, WW, 0W, DD, 0D): a version of counters only is SemVer, use scheme: semver"];
  }
  const problems = [];
  if (!calendar.some(isYearToken)) {
    problems.push(
      `${calendar.join(", ")} without a year token (YYYY, YY, 0Y) would repeat every year, so versions would go down: add a year`
    );
  }
  const day = calendar.find(isDayToken);
  if (day !== void 0 && !calendar.some((t) => isMonthToken(t) || isWeekToken(t))) {
    problems.push(`${day} is a day of the month and needs a month token (MM or 0M) before it`);
  }
  return problems;
}
function describeUnknownToken(text) {
  const upper = text.toUpperCase();
  if (isCalverToken(upper)) return `unknown token "${text}": tokens are upper-case, did you mean ${upper}?`;
  if (text.endsWith("MODIFIER"))
    return `unknown token "${text}": write the modifier after a "-" (${text.slice(0, -"MODIFIER".length)}-MODIFIER)`;
  return `unknown token "${text}": allowed tokens are ${ALLOWED}`;
}
function isCalverToken(text) {
  return CALVER_TOKENS.includes(text);
}
function isYearToken(token) {
  return YEAR_TOKENS.includes(token);
}
function isMonthToken(token) {
  return MONTH_TOKENS.includes(token);
}
function isWeekToken(token) {
  return WEEK_TOKENS.includes(token);
}
function isDayToken(token) {
  return DAY_TOKENS.includes(token);
}
function isCounterToken(token) {
  return COUNTER_TOKENS.includes(token);
}
function isCalendarToken(token) {
  return RANK[token] <= RANK.DD;
}
var plain = (value) => String(value);
var padded = (value) => String(value).padStart(2, "0");
var TOKEN_SPECS = {
  YYYY: { field: "year", pattern: "[1-9]\\d{3}", write: plain, read: Number },
  YY: { field: "year", pattern: "0|[1-9]\\d{0,3}", write: (y) => plain(y - 2e3), read: (d) => 2e3 + Number(d) },
  "0Y": { field: "year", pattern: "0\\d|[1-9]\\d{1,3}", write: (y) => padded(y - 2e3), read: (d) => 2e3 + Number(d) },
  MM: { field: "month", pattern: "[1-9]|1[0-2]", write: plain, read: Number },
  "0M": { field: "month", pattern: "0[1-9]|1[0-2]", write: padded, read: Number },
  WW: { field: "week", pattern: "[1-9]|[1-4]\\d|5[0-3]", write: plain, read: Number },
  "0W": { field: "week", pattern: "0[1-9]|[1-4]\\d|5[0-3]", write: padded, read: Number },
  DD: { field: "day", pattern: "[1-9]|[12]\\d|3[01]", write: plain, read: Number },
  "0D": { field: "day", pattern: "0[1-9]|[12]\\d|3[01]", write: padded, read: Number }
};
var DAY_MS = 864e5;
var PERIOD_FIELDS = {
  year: ["year"],
  month: ["year", "month"],
  week: ["year", "week"],
  day: ["year", "month", "day"]
};
function comparePeriods(a, b) {
  for (const field of PERIOD_FIELDS[a.kind]) {
    const difference = readField(a, field) - readField(b, field);
    if (difference !== 0) return difference;
  }
  return 0;
}
function readField(period, field) {
  if (field === "year") return period.year;
  if (field === "month" && (period.kind === "month" || period.kind === "day")) return period.month;
  if (field === "week" && period.kind === "week") return period.week;
  if (field === "day" && period.kind === "day") return period.day;
  throw new Error(`a ${period.kind} period has no ${field}`);
}
function buildPeriod(format, fields) {
  const { year, month, week, day } = fields;
  if (year === void 0) return null;
  switch (format.calendar) {
    case "year":
      return { kind: "year", year };
    case "month":
      return month === void 0 ? null : { kind: "month", year, month };
    case "week":
      return week === void 0 || week > countIsoWeeks(year) ? null : { kind: "week", year, week };
    case "day":
      return month === void 0 || day === void 0 || day > countDaysInMonth(year, month) ? null : { kind: "day", year, month, day };
  }
}
function readPeriod(format, date) {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  switch (format.calendar) {
    case "year":
      return { kind: "year", year };
    case "month":
      return { kind: "month", year, month };
    case "day":
      return { kind: "day", year, month, day: date.getUTCDate() };
    case "week":
      return { kind: "week", ...readIsoWeek(date) };
  }
}
function readIsoWeek(date) {
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = makeUtcDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - mondayBased + 3);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - makeUtcDate(year, 0, 1).getTime()) / DAY_MS);
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}
function countIsoWeeks(year) {
  return readIsoWeek(makeUtcDate(year, 11, 28)).week;
}
function countDaysInMonth(year, month) {
  return makeUtcDate(year, month, 0).getUTCDate();
}
function makeUtcDate(year, monthIndex, day) {
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
function isWritableYear(format, year) {
  const shortYear = format.segments.some(({ token }) => token === "YY" || token === "0Y");
  return year >= (shortYear ? 2e3 : 1e3) && year <= 9999;
}

export {
  COUNTER_TOKENS,
  parseCalverFormat,
  isCounterToken,
  TOKEN_SPECS,
  comparePeriods,
  readField,
  buildPeriod,
  readPeriod,
  isWritableYear
};
