import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  analyzeCommits,
  parseMessage
} from "./chunk-CKOUWFXA.js";
import {
  DEFAULT_RULES
} from "./chunk-ZNYF77EQ.js";

// src/validate/commit-types.ts
var DEFAULT_TYPES = Object.freeze([
  "feat",
  "fix",
  "docs",
  "style",
  "refactor",
  "perf",
  "test",
  "build",
  "ci",
  "chore",
  "revert"
]);
var ALIASES = new Map([
  ...pairs("feat", ["feature", "features"]),
  ...pairs("fix", ["fixes", "fixed", "bugfix", "bugfixes", "bug", "bugs", "hotfix"]),
  ...pairs("docs", ["doc", "documentation"]),
  ...pairs("style", ["styles", "format", "formatting"]),
  ...pairs("refactor", ["refactoring", "refactors"]),
  ...pairs("perf", ["performance"]),
  ...pairs("test", ["tests", "testing"]),
  ...pairs("build", ["builds"]),
  ...pairs("chore", ["chores"]),
  ...pairs("revert", ["reverts", "reverted"])
]);
function pairs(type, words) {
  return words.map((w) => [w, type]);
}
function normalizeTypes(types) {
  return [...new Set(types.map((t) => t.trim().toLowerCase()).filter((t) => t !== ""))];
}
function matchType(word, types) {
  const w = word.toLowerCase();
  if (types.includes(w)) return { type: w, how: "exact" };
  const alias = ALIASES.get(w);
  if (alias !== void 0 && types.includes(alias)) return { type: alias, how: "alias" };
  const close = findClosest(w, types);
  return close === null ? null : { type: close, how: "close" };
}
function findClosest(word, types) {
  let prefixed = null;
  for (const t of types) {
    if (Math.min(t.length, word.length) < 3 || !(t.startsWith(word) || word.startsWith(t))) continue;
    if (prefixed === null || Math.abs(t.length - word.length) < Math.abs(prefixed.length - word.length)) prefixed = t;
  }
  if (prefixed !== null) return prefixed;
  if (word.length <= 2) return null;
  const limit = word.length <= 5 ? 1 : 2;
  let best = null;
  let bestDistance = limit + 1;
  for (const type of types) {
    const distance = measureDistance(word, type, limit);
    if (distance < bestDistance) [best, bestDistance] = [type, distance];
  }
  return best;
}
function measureDistance(a, b, limit = Infinity) {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  const band = Math.min(limit, Math.max(a.length, b.length));
  let before = new Float64Array(b.length + 1);
  let previous = new Float64Array(b.length + 1);
  let current = new Float64Array(b.length + 1);
  for (let j = 0; j <= Math.min(b.length, band); j++) previous[j] = j;
  if (band + 1 <= b.length) previous[band + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(b.length, i + band);
    current[low - 1] = low === 1 ? i : over;
    let rowMin = current[low - 1];
    for (let j = low; j <= high; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (high + 1 <= b.length) current[high + 1] = over;
    if (rowMin > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], over);
}

// src/validate/comments.ts
var SCISSORS = "------------------------ >8 ------------------------";
function stripComments(message, commentChar = "#") {
  if (commentChar === "") return message;
  const lines = message.replace(/^\uFEFF/, "").split("\n");
  const scissors = `${commentChar} ${SCISSORS}`;
  const cut = lines.findIndex((line) => line.replace(/\r$/, "") === scissors);
  return (cut === -1 ? lines : lines.slice(0, cut)).filter((line) => !line.startsWith(commentChar)).join("\n");
}

// src/validate/example.ts
var FIX_WORDS = /* @__PURE__ */ new Set([
  "fix",
  "fixes",
  "fixed",
  "fixing",
  "bug",
  "bugs",
  "bugfix",
  "hotfix",
  "repair",
  "repairs",
  "repaired",
  "resolve",
  "resolves",
  "resolved",
  "correct",
  "corrects",
  "corrected"
]);
var FEAT_WORDS = /* @__PURE__ */ new Set([
  "add",
  "adds",
  "added",
  "adding",
  "implement",
  "implements",
  "implemented",
  "support",
  "supports",
  "introduce",
  "introduces",
  "introduced",
  "allow",
  "allows",
  "enable",
  "enables",
  "new"
]);
var DOCS_WORDS = /* @__PURE__ */ new Set(["doc", "docs", "documentation", "document", "documents", "readme"]);
var TAGGED = /^(?:\[(\w+)\]\s*|(\w+)\s+[-–—|]\s+)(\S.*)$/;
var TYPE_VERBS = /* @__PURE__ */ new Map([
  ["fix", "fix"],
  ["fixes", "fix"],
  ["fixed", "fix"],
  ["refactor", "refactor"],
  ["refactored", "refactor"],
  ["revert", "revert"],
  ["reverted", "revert"]
]);
function guessHeader(text, types, bang = false) {
  const mark = bang ? "!" : "";
  const tagged = TAGGED.exec(text);
  const tag = tagged ? matchType(tagged[1] ?? tagged[2], types) : null;
  if (tagged && tag && tag.how !== "close") return checkExample(`${tag.type}${mark}: ${lowerFirstWord(tagged[3])}`, types, false);
  const verb = /^([A-Za-z]+)\s+(\S.*)$/.exec(text);
  const said = verb ? TYPE_VERBS.get(verb[1].toLowerCase()) : void 0;
  if (verb && said !== void 0 && (types.length === 0 || types.includes(said)))
    return checkExample(`${said}${mark}: ${lowerFirstWord(verb[2])}`, types, false);
  const type = guessType(text, types);
  return type === null ? null : checkExample(`${type}${mark}: ${lowerFirstWord(text)}`, types, true);
}
function guessType(text, types) {
  const first = /^[A-Za-z]+/.exec(text)?.[0].toLowerCase() ?? "";
  const guess = FIX_WORDS.has(first) ? "fix" : FEAT_WORDS.has(first) ? "feat" : DOCS_WORDS.has(first) ? "docs" : "chore";
  if (types.length === 0 || types.includes(guess)) return guess;
  return matchType(guess, types)?.type ?? null;
}
function checkExample(header, types, guessed) {
  if (header.includes("\n")) return null;
  const parsed = parseMessage(header);
  if (parsed.kind !== "conventional" || parsed.header !== header) return null;
  if (types.length > 0 && !types.includes(parsed.type)) return null;
  return { header, guessed };
}
function lowerFirstWord(text) {
  return text.replace(/^[A-Z][a-z]*(?![A-Za-z0-9_])/, (word) => word.toLowerCase());
}
function fitExample(finding2, max) {
  const example = finding2.example;
  if (example === null || finding2.code === "footer-token") return finding2;
  const length = [...example].length;
  if (length <= max) return finding2;
  const colon = example.indexOf(": ");
  const prefix = colon === -1 ? "" : example.slice(0, colon + 2);
  const written = prefix === "" ? "corrected" : `written as \`${prefix}\u2026\`${finding2.guessed ? " (a guessed type)" : ""}`;
  const advice = [...prefix].length >= max ? "which leaves no room for a description" : `so shorten the description by at least ${length - max} character${length - max === 1 ? "" : "s"}`;
  const message = `${finding2.message.replace(/\.$/, "")}; ${written} it would be ${length} characters long, over the limit of ${max}, ${advice}.`;
  return { ...finding2, message, example: null, guessed: false };
}

// src/validate/footers.ts
var BREAKING_LIKE = /^(\s*)(breaking(?:[ _-]*changes?)?)(\s*):(.*)$/i;
function checkFooters(body) {
  const findings = [];
  for (const raw of body.split("\n")) {
    const match = BREAKING_LIKE.exec(raw.replace(/\r$/, ""));
    if (!match) continue;
    const [, indent, token, space, rest] = match;
    const written = `\`${token}${space}:\``;
    const exact = token === "BREAKING CHANGE" || token === "BREAKING-CHANGE";
    let why = null;
    if (!exact)
      why = `${written} is not read as a breaking change: the token is exactly \`BREAKING CHANGE:\` or \`BREAKING-CHANGE:\`, in capitals`;
    else if (indent !== "") why = `an indented ${written} is not read as a breaking change: start the line with it`;
    else if (space !== "") why = `${written} is not read as a breaking change: no space is allowed before its colon`;
    else if (rest !== "" && !rest.startsWith(" ")) why = `a space must follow ${written}`;
    if (why === null) continue;
    const fixed = token.includes("-") ? "BREAKING-CHANGE" : "BREAKING CHANGE";
    const value = rest.trim();
    findings.push({ code: "footer-token", message: `${why}.`, example: value === "" ? null : `${fixed}: ${value}`, guessed: false });
  }
  return findings;
}

// src/validate/header.ts
var NOT_CONVENTIONAL = "not a Conventional Commit: ";
var BREAKING_HEADER = /^BREAKING[ _-]?CHANGES?\s*:\s*/i;
var LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\uFE0F\u200D]|:[a-z0-9_+-]+:)+\s*/u;
function diagnoseHeader(header, parsed, types) {
  const breaking = BREAKING_HEADER.exec(header);
  if (breaking) {
    const example = guessHeader(header.slice(breaking[0].length), types, true);
    return [
      finding(
        "not-conventional",
        `${NOT_CONVENTIONAL}\`BREAKING CHANGE:\` is a footer, not a header; mark a breaking header with \`!\` after the type.`,
        example
      )
    ];
  }
  const emoji = LEADING_EMOJI.exec(header);
  const rest = emoji ? header.slice(emoji[0].length) : "";
  const restPrefix = emoji ? readPrefix(rest) : null;
  if (restPrefix && restPrefix.colon && restPrefix.type !== "" && (types.length === 0 || matchType(restPrefix.type, types) !== null)) {
    const findings = diagnosePrefix(restPrefix, parseMessage(rest), types);
    const example = correctHeader(restPrefix, types);
    return [
      finding("not-conventional", `${NOT_CONVENTIONAL}an emoji cannot come before the type; drop it, or put it after the colon.`, example),
      ...findings
    ];
  }
  const prefix = readPrefix(header);
  const missingColon = prefix !== null && !prefix.colon;
  if (!prefix || missingColon && (prefix.spaceBeforeScope || types.length > 0 && matchType(prefix.type, types) === null)) {
    const why = parsed.kind === "unconventional" ? parsed.why : "the header is not `type(scope)?: description`";
    return [finding("not-conventional", `${NOT_CONVENTIONAL}${why}.`, guessHeader(header, types))];
  }
  return diagnosePrefix(prefix, parsed, types);
}
function diagnosePrefix(prefix, parsed, types) {
  const example = correctHeader(prefix, types);
  const shape = [];
  if (prefix.type === "") shape.push(["not-conventional", "the type is missing before the colon"]);
  if (prefix.spaceBeforeScope) shape.push(["scope-format", "no space is allowed between the type and the scope"]);
  if (prefix.bangBeforeScope) shape.push(["scope-format", "the `!` goes after the scope (`type(scope)!: description`)"]);
  if (prefix.scope !== null) {
    if (!prefix.scopeClosed) shape.push(["scope-format", "the scope is not closed with `)`"]);
    else if (prefix.scope.trim() === "")
      shape.push(["scope-format", "the scope `()` is empty; name the part of the code it changes, or drop the parentheses"]);
    else if (prefix.scope.includes("(")) shape.push(["scope-format", "a scope cannot contain `(`"]);
  }
  if (!prefix.colon)
    shape.push([
      "not-conventional",
      prefix.bang ? "a colon must follow the `!` (`type(scope)!: description`)" : "a colon must follow the scope (`type(scope): description`)"
    ]);
  if (prefix.spaceBeforeColon) shape.push(["colon-spacing", "no space is allowed before the colon"]);
  if (prefix.description === "") shape.push(["empty-description", "the description after the colon is empty"]);
  else if (prefix.afterColon === "") shape.push(["colon-spacing", "a space must follow the colon (`type: description`)"]);
  else if (prefix.afterColon !== " ") shape.push(["colon-spacing", "exactly one space must follow the colon (`type: description`)"]);
  const findings = shape.map(([code, text]) => finding(code, `${NOT_CONVENTIONAL}${text}.`, example));
  const type = prefix.type.toLowerCase();
  if (type !== "" && types.length > 0 && !types.includes(type)) {
    const match = matchType(type, types);
    const hint = match ? ` (did you mean \`${match.type}\`?)` : "";
    findings.push(finding("unknown-type", `the type \`${prefix.type}\` is not allowed${hint}; use one of ${types.join(", ")}.`, example));
  }
  if (findings.length === 0 && parsed.kind === "unconventional")
    findings.push(finding("not-conventional", `${NOT_CONVENTIONAL}${parsed.why}.`, example));
  return findings;
}
function finding(code, message, example) {
  return { code, message, example: example?.header ?? null, guessed: example?.guessed ?? false };
}
function correctHeader(prefix, types) {
  const description = prefix.description;
  if (description === "") return null;
  const scope = prefix.scope?.replace(/[()]/g, "").trim() || null;
  const rest = `${scope === null ? "" : `(${scope})`}${prefix.bang ? "!" : ""}: ${description}`;
  if (prefix.type === "") {
    const guess2 = guessType(description, types);
    return guess2 === null ? null : checkExample(`${guess2}${rest}`, types, true);
  }
  if (types.length === 0) return checkExample(`${prefix.type.toLowerCase()}${rest}`, types, false);
  const match = matchType(prefix.type, types);
  if (match) return checkExample(`${match.type}${rest}`, types, false);
  const inner = checkExample(description, types, false);
  if (inner) return inner;
  const guess = guessType(description, types);
  return guess === null ? null : checkExample(`${guess}${rest}`, types, true);
}
function readPrefix(header) {
  let i = 0;
  while (i < header.length && isWordChar(header.charCodeAt(i))) i++;
  const type = header.slice(0, i);
  let j = skipSpace(header, i);
  if (i === 0 && header[0] !== "(" && header[0] !== "!" && header[0] !== ":") return null;
  let bang = false;
  let bangBeforeScope = false;
  let scopeAt = j;
  if (header[j] === "!") {
    const k = skipSpace(header, j + 1);
    if (header[k] === "(") {
      bang = bangBeforeScope = true;
      scopeAt = j;
      j = k;
    }
  }
  let scope = null;
  let scopeClosed = false;
  let spaceBeforeScope = false;
  if (header[j] === "(") {
    spaceBeforeScope = scopeAt > i || bangBeforeScope && j > scopeAt + 1;
    const close = header.indexOf(")", j + 1);
    const colon = header.indexOf(":", j + 1);
    if (close !== -1 && (colon === -1 || close < colon)) {
      scope = header.slice(j + 1, close);
      scopeClosed = true;
      i = close + 1;
    } else if (colon !== -1) {
      scope = header.slice(j + 1, colon);
      i = colon;
    } else return null;
    j = skipSpace(header, i);
  }
  let spaceBeforeColon = j > i;
  if (header[j] === "!") {
    bang = true;
    const k = skipSpace(header, j + 1);
    spaceBeforeColon ||= k > j + 1;
    j = k;
  }
  if (header[j] !== ":") {
    const description = header.slice(j).trimEnd();
    if (type === "" || !scopeClosed || description === "" || j === i) return null;
    return {
      type,
      scope,
      scopeClosed,
      spaceBeforeScope,
      spaceBeforeColon: false,
      bang,
      bangBeforeScope,
      colon: false,
      afterColon: " ",
      description
    };
  }
  const start = skipSpace(header, j + 1);
  return {
    type,
    scope,
    scopeClosed,
    spaceBeforeScope,
    spaceBeforeColon,
    bang,
    bangBeforeScope,
    colon: true,
    afterColon: header.slice(j + 1, start),
    description: header.slice(start).trimEnd()
  };
}
function isWordChar(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95;
}
function skipSpace(text, from) {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

// src/validate/message.ts
var DEFAULT_MAX_HEADER_LENGTH = 100;
var MERGE = /^Merge (?:pull request #\d+ from |(?:remote-tracking )?branch(?:es)? |tag |commit )\S/;
var FIXUP = /^(fixup|squash|amend)! (.*)$/;
var REVERT_LIKE = /^(Revert|Reapply) "(.*)"/;
var PULL_REQUEST_SUFFIX = /" \(#\d+\)$/;
function validateMessage(message, options) {
  const { subject } = options;
  const types = normalizeTypes(options.types);
  const commentChar = options.commentChar === void 0 ? subject.kind === "message" ? "#" : null : options.commentChar;
  const text = commentChar === null ? message : stripComments(message, commentChar);
  const parsed = parseMessage(text);
  const header = parsed.header;
  const max = options.maxHeaderLength ?? DEFAULT_MAX_HEADER_LENGTH;
  const toProblem = (f) => ({ subject, header, ...fitExample(f, max) });
  if (header === "") {
    const what = subject.kind === "title" ? "the title is empty" : "the message is empty";
    return [
      toProblem({ code: "empty", message: `${what}; say what the change does, as \`type: description\`.`, example: null, guessed: false })
    ];
  }
  if (parsed.kind === "revert") return checkRevert(header, subject).map((f) => ({ subject, header, ...f }));
  const generated = checkGitHeader(parsed, subject, types);
  if (generated !== null) return generated.map(toProblem);
  const body = readBody(text);
  const findings = [...diagnoseHeader(header, parsed, types), ...checkLength(header, subject, max)];
  if (body !== null && /^[ \t]*\S/.test(body)) {
    findings.push({
      code: "body-separation",
      message: "the body starts on the line right after the header; leave one blank line between them, or git reads both as the header.",
      example: null,
      guessed: false
    });
  }
  if (body !== null) findings.push(...checkFooters(body));
  return findings.map(toProblem);
}
function validateTitle(title, options) {
  return validateMessage(title, {
    types: options.types,
    subject: { kind: "title" },
    commentChar: null,
    ...options.maxHeaderLength === void 0 ? {} : { maxHeaderLength: options.maxHeaderLength }
  });
}
function checkGitHeader(parsed, subject, types) {
  const header = parsed.header;
  const fixup = FIXUP.exec(header);
  if (fixup) {
    const word = `\`${fixup[1]}!\``;
    switch (subject.kind) {
      case "message":
        return [];
      case "commit":
        return [
          plain(
            "fixup",
            `a ${word} commit is meant to be squashed into the commit it names; run \`git rebase -i --autosquash\` before merging.`,
            null
          )
        ];
      case "title": {
        const example = checkExample(fixup[2], types, false);
        return [plain("fixup", `a ${word} header is not a pull request title; say what the change does.`, example?.header ?? null)];
      }
    }
  }
  if (MERGE.test(header)) {
    if (subject.kind !== "title") return [];
    return [
      plain(
        "merge-title",
        "a merge header is not a pull request title; the title becomes the squash commit's header, so say what the change does.",
        null
      )
    ];
  }
  const revert = REVERT_LIKE.exec(header);
  if (revert) {
    const corrected = correctRevert(revert[1], revert[2]);
    const advice = corrected.reverted ? "start it with `revert:` and the reverted header" : "write the header of the change it brings back";
    const message = `a \`${revert[1]} "\u2026"\` header is read as a revert only when it ends at the closing quote, or at the \` (#n)\` GitHub adds after it; ${advice}.`;
    return [plain("revert-format", message, checkExample(corrected.header, types, false)?.header ?? null)];
  }
  return null;
}
function checkRevert(header, subject) {
  if (subject.kind !== "title" || !PULL_REQUEST_SUFFIX.test(header)) return [];
  return [
    plain(
      "revert-format",
      "a squash merge adds ` (#n)` to the title, and a revert header with two is not read as a revert; leave the number out.",
      header.slice(0, header.lastIndexOf(" "))
    )
  ];
}
function rewriteRevert(header, types) {
  const revert = REVERT_LIKE.exec(header);
  if (!revert) return null;
  return checkExample(correctRevert(revert[1], revert[2]).header, types, false)?.header ?? null;
}
function correctRevert(word, quoted) {
  let reverted = word === "Revert";
  let start = 0;
  let end = quoted.length;
  for (; ; ) {
    const inner = quoted.startsWith('Revert "', start) ? "Revert" : quoted.startsWith('Reapply "', start) ? "Reapply" : null;
    if (inner === null || end - start < inner.length + 3 || quoted.charCodeAt(end - 1) !== 34) break;
    if (inner === "Revert") reverted = !reverted;
    start += inner.length + 2;
    end -= 1;
  }
  const original = quoted.slice(start, end);
  return { header: reverted ? `revert: ${original}` : original, reverted };
}
function checkLength(header, subject, max) {
  const length = [...header].length;
  if (length <= max) return [];
  const where = subject.kind === "title" ? "the pull request description" : "the body";
  return [
    plain("header-too-long", `the header is ${length} characters long; keep it to ${max} or fewer and put the details in ${where}.`, null)
  ];
}
function readBody(text) {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 32) start++;
  const end = text.indexOf("\n", start);
  return end === -1 ? null : text.slice(end + 1);
}
function plain(code, message, example) {
  return { code, message, example, guessed: false };
}

// src/validate/problem.ts
var BODY_CODES = /* @__PURE__ */ new Set(["body-separation", "footer-token"]);
function renderProblem(problem) {
  const first = describeProblem(problem);
  if (problem.example === null) return first;
  return problem.guessed ? `${first}
  Write it as, for example: "${quote(problem.example)}" (the type is a guess: pick the one that fits).` : `${first}
  Write it as: "${quote(problem.example)}"`;
}
function describeProblem(problem) {
  const { subject, header, message } = problem;
  if (subject.kind === "message") {
    if (header === "") return `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
    return BODY_CODES.has(problem.code) ? `Commit message: ${message}` : `Header "${quote(header)}": ${message}`;
  }
  const who = subject.kind === "title" ? "Pull request title" : subject.sha === "" ? "Commit" : subject.sha.slice(0, 7);
  return header === "" ? `${who}: ${message}` : `${who} "${quote(header)}": ${message}`;
}
function quote(header) {
  return header.length <= 200 ? header : `${header.slice(0, 199)}\u2026`;
}

// src/validate/squash.ts
var BEFORE_COLON = /^(\w+(?:\([^()\r\n]*\))?)(: )/;
var LOOSE_BANG = /^[^\s:]*!\s*:/;
function isBang(header) {
  const parsed = parseMessage(header);
  return parsed.kind === "conventional" && parsed.bang;
}
function checkSquashTitle(title, commits, options) {
  const parsedTitle = parseMessage(title);
  const header = parsedTitle.header;
  if (header === "") return [];
  const breaking = commits.flatMap((c) => {
    const parsed = parseMessage(c.message);
    if (parsed.kind !== "conventional" || !(parsed.bang || parsed.breakingNotes.length > 0)) return [];
    return [{ sha: c.sha, footer: parsed.breakingNotes.length > 0 }];
  });
  if (breaking.length === 0) return [];
  const who = describeCommits(breaking.map((b) => b.sha));
  const fix = "mark the title breaking with `!` before its colon";
  if (parsedTitle.kind === "revert") {
    const why2 = `${who}, but the title does not say so: a \`Revert "\u2026"\` title makes the squashed commit a revert, which is never a breaking change; title it as the change it makes, and ${fix}.`;
    const rewritten = rewriteRevert(header, options.types);
    return [titleProblem(header, why2, rewritten === null ? null : { header: rewritten, guessed: false }, options)];
  }
  const corrected = correctTitle(header, options.types);
  if (corrected === null ? LOOSE_BANG.test(header) : isBang(corrected.header)) return [];
  const bump = analyzeCommits([{ sha: "", merge: false, message: parsedTitle }], options.rules ?? DEFAULT_RULES).bump;
  let why;
  if (parsedTitle.kind !== "conventional") why = `${who}, but the title does not say so; once the title is a Conventional Commit, ${fix}.`;
  else if (breaking.some((b) => b.footer)) {
    const predicts = bump === "major" ? "" : `, so the release would be major while this check predicts ${describeBump(bump)}`;
    why = `${who}, but the title does not say so: GitHub's default squash message carries the commits' footers into the squashed commit${predicts}; ${fix}.`;
  } else {
    const released = bump === "major" ? "it would not be marked breaking" : bump === "none" ? "the breaking change would not be released at all" : `the breaking change would be released as ${bump}`;
    why = `${who}, but the title does not say so: the title becomes the squashed commit's header, and a \`!\` in a commit's header is not carried into it, so ${released}; ${fix}.`;
  }
  return [titleProblem(header, why, corrected, options)];
}
function titleProblem(header, why, corrected, options) {
  const example = corrected === null ? null : corrected.header.replace(BEFORE_COLON, "$1!$2");
  const finding2 = { code: "squash-breaking", message: why, example, guessed: corrected?.guessed ?? false };
  return { subject: { kind: "title" }, header, ...fitExample(finding2, options.maxHeaderLength ?? DEFAULT_MAX_HEADER_LENGTH) };
}
function correctTitle(header, types) {
  const problems = validateTitle(header, { types, maxHeaderLength: Infinity });
  if (problems.length === 0) return { header, guessed: false };
  const corrected = problems.find((p) => p.example !== null);
  return corrected ? { header: corrected.example, guessed: corrected.guessed } : null;
}
function describeCommits(shas) {
  const short = shas.map((s) => s.slice(0, 7));
  if (short.length === 1) return `commit ${short[0]} is a breaking change`;
  const named = short.length <= 3 ? `${short.slice(0, -1).join(", ")} and ${short.at(-1)}` : `${short.slice(0, 3).join(", ")} and ${short.length - 3} more`;
  return `commits ${named} are breaking changes`;
}
function describeBump(bump) {
  return bump === "none" ? "no release" : bump;
}

export {
  DEFAULT_TYPES,
  stripComments,
  DEFAULT_MAX_HEADER_LENGTH,
  validateMessage,
  validateTitle,
  renderProblem,
  checkSquashTitle
};
