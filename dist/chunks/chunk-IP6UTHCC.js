import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  GitError
} from "./chunk-F2RLRCYC.js";
import {
  compareCalver,
  compareSemver,
  configFilePath,
  formatCalver,
  indexRules,
  isSemverCompatible,
  nextCalver,
  nextSemver,
  parseCalver,
  parseSemver,
  resolveConfig
} from "./chunk-OERCKY4V.js";
import {
  VersoError
} from "./chunk-FJVPBRYT.js";
import {
  compareBumps,
  maxBump
} from "./chunk-QSZWMMJ6.js";

// src/clock.ts
function resolveNow(options) {
  if (options.date !== void 0) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      throw new VersoError("EUSAGE", `--date ${options.date} is not a calendar date.`, { hint: "Write it as YYYY-MM-DD, e.g. --date 2024-02-20 (a UTC date)." });
    }
    return date;
  }
  if (options.sourceDateEpoch !== void 0 && options.sourceDateEpoch !== "") {
    if (!/^\d+$/.test(options.sourceDateEpoch)) {
      throw new VersoError("EINVALIDCONFIG", `SOURCE_DATE_EPOCH=${options.sourceDateEpoch} is not a number of seconds since 1970-01-01 UTC.`, {
        hint: "Set it to whole seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it."
      });
    }
    return new Date(Number(options.sourceDateEpoch) * 1e3);
  }
  return options.now;
}

// node_modules/conventional-commits-parser/dist/regex.js
var nomatchRegex = /(?!.*)/;
function escape(string) {
  return string.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function joinOr(parts) {
  return parts.map((val) => typeof val === "string" ? escape(val.trim()) : val.source).filter(Boolean).join("|");
}
function getNotesRegex(noteKeywords, notesPattern) {
  if (!noteKeywords) {
    return nomatchRegex;
  }
  const noteKeywordsSelection = joinOr(noteKeywords);
  if (!notesPattern) {
    return new RegExp(`^(?:\\*\\s+)?(${noteKeywordsSelection}):\\s*(.*)`, "i");
  }
  return notesPattern(noteKeywordsSelection);
}
function getReferencePartsRegex(issuePrefixes, issuePrefixesCaseSensitive) {
  if (!issuePrefixes) {
    return nomatchRegex;
  }
  const flags = issuePrefixesCaseSensitive ? "gy" : "giy";
  const repositoryChar = "[\\w-\\.\\/]";
  return new RegExp(`.*?(?<!${repositoryChar})(?:(${repositoryChar}+)(?!${repositoryChar}))?(${joinOr(issuePrefixes)})((?=[\\w-]*\\d)[\\w-]+)(?=\\s|$|[,;.)\\]])`, flags);
}
function getReferencesRegex(referenceActions, separator = "") {
  if (!referenceActions) {
    return /()(.+)/gi;
  }
  const joinedKeywords = joinOr(referenceActions);
  const nextKeyword = `(?<!\\w)(?:${joinedKeywords})(?!\\w)`;
  return new RegExp(`(?<!\\w)(${joinedKeywords})${separator}(?:\\s+(.*?))(?=${nextKeyword}|$)`, "gi");
}
function getFooterTokenRegex(issuePrefixes) {
  const issuePrefixSeparator = issuePrefixes ? `|\\s+(?:${joinOr(issuePrefixes)})` : "";
  return new RegExp(`^(?:BREAKING CHANGE|[\\w-]+)(?::\\s+${issuePrefixSeparator}).+`, "i");
}
function getParserRegexes(options = {}) {
  const notes = getNotesRegex(options.noteKeywords, options.notesPattern);
  const referenceParts = getReferencePartsRegex(options.issuePrefixes, options.issuePrefixesCaseSensitive);
  const references = getReferencesRegex(options.referenceActions);
  const footerReferences = getReferencesRegex(options.referenceActions, ":?");
  const footerToken = getFooterTokenRegex(options.issuePrefixes);
  return {
    notes,
    referenceParts,
    references,
    footerReferences,
    footerToken,
    mentions: /@([\w-]+)/g,
    url: /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/
  };
}

// node_modules/conventional-commits-parser/dist/utils.js
var SCISSOR = "------------------------ >8 ------------------------";
function trimNewLines(input) {
  const matches = input.match(/[^\r\n]/);
  if (typeof matches?.index !== "number") {
    return "";
  }
  const firstIndex = matches.index;
  let lastIndex = input.length - 1;
  while (input[lastIndex] === "\r" || input[lastIndex] === "\n") {
    lastIndex--;
  }
  return input.substring(firstIndex, lastIndex + 1);
}
function appendLine(src, line) {
  return src ? `${src}
${line || ""}` : line || "";
}
function getCommentFilter(char) {
  return char ? (line) => !line.startsWith(char) : () => true;
}
function truncateToScissor(lines, commentChar) {
  const scissorIndex = lines.indexOf(`${commentChar} ${SCISSOR}`);
  if (scissorIndex === -1) {
    return lines;
  }
  return lines.slice(0, scissorIndex);
}
function gpgFilter(line) {
  return !line.match(/^\s*gpg:/);
}
function assignMatchedCorrespondence(target, matches, correspondence) {
  const { groups } = matches;
  for (let i = 0, len = correspondence.length, key; i < len; i++) {
    key = correspondence[i];
    target[key] = (groups ? groups[key] : matches[i + 1]) || null;
  }
  return target;
}

// node_modules/conventional-commits-parser/dist/options.js
var defaultOptions = {
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  issuePrefixes: ["#"],
  referenceActions: [
    "close",
    "closes",
    "closed",
    "fix",
    "fixes",
    "fixed",
    "resolve",
    "resolves",
    "resolved"
  ],
  headerPattern: /^(\w*)(?:\(([\w$@.\-*/ ]*)\))?: (.*)$/,
  headerCorrespondence: [
    "type",
    "scope",
    "subject"
  ],
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit (\w*)\.?/,
  revertCorrespondence: ["header", "hash"],
  // The field name must contain at least one word character so that
  // YAML document markers like `---` are not treated as field markers.
  fieldPattern: /^-(?=.*\w)(.*?)-$/
};

// node_modules/conventional-commits-parser/dist/CommitParser.js
function createCommitObject(initialData = {}) {
  return {
    merge: null,
    revert: null,
    header: null,
    body: null,
    footer: null,
    notes: [],
    mentions: [],
    references: [],
    ...initialData
  };
}
var CommitParser = class {
  options;
  regexes;
  lines = [];
  lineIndex = 0;
  commit = createCommitObject();
  constructor(options = {}) {
    this.options = {
      ...defaultOptions,
      ...options
    };
    this.regexes = getParserRegexes(this.options);
  }
  currentLine() {
    return this.lines[this.lineIndex];
  }
  nextLine() {
    return this.lines[this.lineIndex++];
  }
  isLineAvailable() {
    return this.lineIndex < this.lines.length;
  }
  parseReference(input, action) {
    const { regexes } = this;
    if (regexes.url.test(input)) {
      return null;
    }
    const matches = regexes.referenceParts.exec(input);
    if (!matches) {
      return null;
    }
    let [raw, repository = null, prefix, issue] = matches;
    let owner = null;
    if (repository) {
      const slashIndex = repository.indexOf("/");
      if (slashIndex !== -1) {
        owner = repository.slice(0, slashIndex);
        repository = repository.slice(slashIndex + 1);
      }
    }
    return {
      raw,
      action,
      owner,
      repository,
      prefix,
      issue
    };
  }
  parseReferences(input, isFooterToken = false) {
    const { regexes } = this;
    const regex = isFooterToken ? regexes.footerReferences : regexes.references;
    const sentences = [];
    let lastIndex = 0;
    let matches;
    while (true) {
      matches = regex.exec(input);
      if (!matches) {
        break;
      }
      sentences.push([null, input.slice(lastIndex, matches.index)], [matches[1] || null, matches[2] || ""]);
      lastIndex = regex.lastIndex;
    }
    sentences.push([null, input.slice(lastIndex)]);
    const references = [];
    let reference;
    for (const [action, sentence] of sentences) {
      while (true) {
        reference = this.parseReference(sentence, action);
        if (!reference) {
          break;
        }
        references.push(reference);
      }
    }
    return references;
  }
  skipEmptyLines() {
    let line = this.currentLine();
    while (line !== void 0 && !line.trim()) {
      this.nextLine();
      line = this.currentLine();
    }
  }
  parseMerge() {
    const { commit, options } = this;
    const correspondence = options.mergeCorrespondence || [];
    const merge = this.currentLine();
    const matches = merge && options.mergePattern ? merge.match(options.mergePattern) : null;
    if (matches) {
      this.nextLine();
      commit.merge = matches[0] || null;
      assignMatchedCorrespondence(commit, matches, correspondence);
      return true;
    }
    return false;
  }
  parseHeader(isMergeCommit) {
    if (isMergeCommit) {
      this.skipEmptyLines();
    }
    const { commit, options } = this;
    const correspondence = options.headerCorrespondence || [];
    const header = commit.header ?? this.nextLine();
    let matches = null;
    if (header) {
      if (options.breakingHeaderPattern) {
        matches = header.match(options.breakingHeaderPattern);
      }
      if (!matches && options.headerPattern) {
        matches = header.match(options.headerPattern);
      }
    }
    if (header) {
      commit.header = header;
    }
    if (matches) {
      assignMatchedCorrespondence(commit, matches, correspondence);
    }
  }
  parseMeta() {
    const { options, commit } = this;
    if (!options.fieldPattern || !this.isLineAvailable()) {
      return false;
    }
    let matches;
    let field = null;
    let parsed = false;
    while (this.isLineAvailable()) {
      matches = this.currentLine().match(options.fieldPattern);
      if (matches) {
        field = matches[1] || null;
        this.nextLine();
        continue;
      }
      if (field) {
        parsed = true;
        commit[field] = appendLine(commit[field], this.currentLine());
        this.nextLine();
      } else {
        break;
      }
    }
    return parsed;
  }
  parseNotes() {
    const { regexes, commit } = this;
    if (!this.isLineAvailable()) {
      return false;
    }
    const matches = this.currentLine().match(regexes.notes);
    let isFooterToken;
    if (matches) {
      const note = {
        title: matches[1],
        text: matches[2]
      };
      commit.notes.push(note);
      commit.footer = appendLine(commit.footer, this.currentLine());
      this.nextLine();
      while (this.isLineAvailable()) {
        if (this.parseMeta()) {
          return true;
        }
        if (this.parseNotes()) {
          return true;
        }
        isFooterToken = regexes.footerToken.test(this.currentLine());
        commit.references.push(...this.parseReferences(this.currentLine(), isFooterToken));
        if (!isFooterToken) {
          note.text = appendLine(note.text, this.currentLine());
        }
        commit.footer = appendLine(commit.footer, this.currentLine());
        this.nextLine();
        if (isFooterToken) {
          break;
        }
      }
      return true;
    }
    return false;
  }
  parseBodyAndFooter(isBody) {
    const { commit, regexes } = this;
    if (!this.isLineAvailable()) {
      return isBody;
    }
    const isFooterToken = regexes.footerToken.test(this.currentLine());
    const isStillBody = !isFooterToken && isBody;
    commit.references.push(...this.parseReferences(this.currentLine(), isFooterToken));
    if (isStillBody) {
      commit.body = appendLine(commit.body, this.currentLine());
    } else {
      commit.footer = appendLine(commit.footer, this.currentLine());
    }
    this.nextLine();
    return isStillBody;
  }
  parseBreakingHeader() {
    const { commit, options } = this;
    if (!options.breakingHeaderPattern || commit.notes.length || !commit.header) {
      return;
    }
    const matches = commit.header.match(options.breakingHeaderPattern);
    if (matches) {
      commit.notes.push({
        title: "BREAKING CHANGE",
        text: matches[3]
      });
    }
  }
  parseMentions(input) {
    const { commit, regexes } = this;
    let matches;
    for (; ; ) {
      matches = regexes.mentions.exec(input);
      if (!matches) {
        break;
      }
      commit.mentions.push(matches[1]);
    }
  }
  parseRevert(input) {
    const { commit, options } = this;
    const correspondence = options.revertCorrespondence || [];
    const matches = options.revertPattern ? input.match(options.revertPattern) : null;
    if (matches) {
      commit.revert = assignMatchedCorrespondence({}, matches, correspondence);
    }
  }
  cleanupCommit() {
    const { commit } = this;
    commit.body &&= trimNewLines(commit.body);
    commit.footer &&= trimNewLines(commit.footer);
    commit.notes.forEach((note) => {
      note.text = trimNewLines(note.text);
    });
    const referencesSet = /* @__PURE__ */ new Set();
    commit.references = commit.references.filter((reference) => {
      const uid = `${reference.action} ${reference.raw}`.toLocaleLowerCase();
      const ok = !referencesSet.has(uid);
      if (ok) {
        referencesSet.add(uid);
      }
      return ok;
    });
  }
  /**
   * Parse commit message string into an object.
   * @param input - Commit message string.
   * @returns Commit object.
   */
  parse(input) {
    if (!input.trim()) {
      throw new TypeError("Expected a raw commit");
    }
    const { commentChar } = this.options;
    const commentFilter = getCommentFilter(commentChar);
    const rawLines = trimNewLines(input).split(/\r?\n/);
    const lines = commentChar ? truncateToScissor(rawLines, commentChar).filter((line) => commentFilter(line) && gpgFilter(line)) : rawLines.filter((line) => gpgFilter(line));
    const commit = createCommitObject();
    this.lines = lines;
    this.lineIndex = 0;
    this.commit = commit;
    const isMergeCommit = this.parseMerge();
    this.parseHeader(isMergeCommit);
    if (commit.header) {
      commit.references = this.parseReferences(commit.header);
    }
    let isBody = true;
    while (this.isLineAvailable()) {
      this.parseMeta();
      if (this.parseNotes()) {
        isBody = false;
      }
      if (!this.parseBodyAndFooter(isBody)) {
        isBody = false;
      }
    }
    this.parseBreakingHeader();
    this.parseMentions(input);
    this.parseRevert(input);
    this.cleanupCommit();
    return commit;
  }
};

// src/commits/parse.ts
var HEADER = /^(\w+)(?:\(([^()\r\n]*)\))?(!?): (\S.*)$/;
var parser = new CommitParser({
  headerPattern: HEADER,
  headerCorrespondence: ["type", "scope", "bang", "subject"],
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  // The footer token is exact: `Breaking change:` is prose, not a breaking change.
  notesPattern: (keywords) => new RegExp(`^(${keywords}):\\s*([\\s\\S]*)`),
  revertPattern: /(?!)/,
  issuePrefixes: ["#"]
});
var REVERTS = /This reverts commit ([0-9a-f]{7,64})\b/gi;
var SHA_WORD = /\b[0-9a-f]{7,64}\b/gi;
var GIT_REVERT = /^Revert "(.*)"$/;
var NONE = Object.freeze([]);
function parseMessage(message) {
  const header = firstLine(message);
  if (!header) return { kind: "unconventional", header, why: "the message is empty" };
  const lone = isLoneHeader(message, header);
  const reverted = lone ? NONE : [...message.matchAll(REVERTS)].map((m) => m[1].toLowerCase());
  if (reverted.length > 0 && GIT_REVERT.test(header)) return { kind: "revert", header, reverts: reverted };
  const match = HEADER.exec(header);
  if (!match) return { kind: "unconventional", header, why: explainHeader(header) };
  const type = match[1].toLowerCase();
  const scope = match[2]?.trim() || null;
  const subject = match[4];
  const bang = match[3] === "!";
  if (lone) return { kind: "conventional", header, type, scope, subject, bang, breakingNotes: NONE, references: NONE, reverts: NONE };
  const commit = parser.parse(message);
  const refs = type === "revert" ? refsFooter(commit.footer) : [];
  return {
    kind: "conventional",
    header,
    type,
    scope,
    subject,
    bang,
    breakingNotes: commit.notes.map((n) => n.text.trim()),
    // `raw` can carry the text before the reference; rebuild it from its parts.
    references: commit.references.map((r) => `${r.owner ? `${r.owner}/` : ""}${r.repository ?? ""}${r.prefix}${r.issue}`),
    reverts: [.../* @__PURE__ */ new Set([...reverted, ...refs])]
  };
}
function isLoneHeader(message, header) {
  if (header.includes("#") || header.includes("@")) return false;
  const start = message.indexOf(header);
  for (let i = 0; i < message.length; i++) {
    if (i === start) i += header.length - 1;
    else if (message.charCodeAt(i) > 32) return false;
  }
  return true;
}
function firstLine(message) {
  let start = 0;
  while (start < message.length && message.charCodeAt(start) <= 32) start++;
  const end = message.indexOf("\n", start);
  return message.slice(start, end === -1 ? message.length : end).trimEnd();
}
function refsFooter(footer) {
  const line = footer?.split("\n").find((l) => /^Refs:/.test(l));
  return line ? [...line.matchAll(SHA_WORD)].map((m) => m[0].toLowerCase()) : [];
}
function explainHeader(header) {
  if (/^(\w+)(\([^)]*\))?!?:\S/.test(header)) return "a space must follow the colon (`type: description`)";
  if (/^(\w+)(\([^)]*\))?!?:\s*$/.test(header)) return "the description after the colon is empty";
  if (/^\w+\s+\(/.test(header)) return "no space is allowed between the type and the scope";
  if (/^\w+\([^)]*$/.test(header)) return "the scope is not closed with `)`";
  if (/^Merge /.test(header)) return "a merge commit (its branch commits are counted one by one)";
  if (/^(fixup|squash|amend)! /.test(header)) return "a fixup commit, meant to be squashed away";
  return "the header is not `type(scope)?: description`";
}

// src/commits/analyze.ts
function readCommit(commit) {
  return { sha: commit.sha, merge: commit.parents.length > 1, message: parseMessage(commit.message) };
}
function analyzeCommits(parsed, rules) {
  const { targetsOf, revertersOf } = matchReverts(parsed);
  const inactive = /* @__PURE__ */ new Set();
  for (const j of [...revertersOf.keys()].sort((a, b) => a - b)) {
    if (revertersOf.get(j).some((r) => !inactive.has(r))) inactive.add(j);
  }
  const short = (index) => parsed[index].sha.slice(0, 7);
  const findRule = indexRules(rules);
  let bump = "none";
  const decisions = parsed.map(({ sha, merge, message }, i) => {
    let verdict;
    const targets = targetsOf.get(i);
    if (inactive.has(i)) {
      const by = revertersOf.get(i).filter((r) => !inactive.has(r));
      verdict = { bump: "none", status: "reverted", reason: `reverted by ${by.map(short).join(", ")} in this release` };
    } else if (targets && message.kind !== "unconventional" && targets.length === message.reverts.length) {
      verdict = { bump: "none", status: "reverted", reason: `reverts ${targets.map(short).join(", ")} of this same release: together they change nothing` };
    } else {
      verdict = decide(message, findRule, merge);
      bump = maxBump(bump, verdict.bump);
    }
    return { sha, header: message.header, merge, message, bump: verdict.bump, status: verdict.status, reason: verdict.reason };
  });
  return { decisions, bump };
}
function matchReverts(parsed) {
  const targetsOf = /* @__PURE__ */ new Map();
  const revertersOf = /* @__PURE__ */ new Map();
  const reverts = parsed.flatMap((p, i) => p.message.kind !== "unconventional" && p.message.reverts.length > 0 ? [i] : []);
  if (reverts.length === 0) return { targetsOf, revertersOf };
  const bySha = new Map(parsed.map((p, i) => [p.sha, i]));
  for (const i of reverts) {
    const message = parsed[i].message;
    if (message.kind === "unconventional") continue;
    const targets = message.reverts.map((t) => findCommit(bySha, t)).filter((j) => j !== void 0 && j > i);
    if (targets.length === 0) continue;
    targetsOf.set(i, targets);
    for (const j of targets) revertersOf.set(j, [...revertersOf.get(j) ?? [], i]);
  }
  return { targetsOf, revertersOf };
}
function decide(message, findRule, merge) {
  switch (message.kind) {
    case "unconventional":
      return { bump: "none", status: "ignored", reason: merge ? "merge commit: the commits it merges are counted one by one" : `not a Conventional Commit: ${message.why}` };
    case "revert":
      return { bump: "patch", status: "counted", reason: `reverts ${message.reverts.map((s) => s.slice(0, 7)).join(", ")}, released before: patch` };
    case "conventional": {
      if (message.bang) return { bump: "major", status: "counted", reason: "breaking change (`!` in the header): major" };
      if (message.breakingNotes.length > 0) return { bump: "major", status: "counted", reason: "breaking change (`BREAKING CHANGE:` footer): major" };
      const rule = findRule(message.type, message.scope);
      if (rule) return { bump: rule.bump, status: rule.bump === "none" ? "no-release" : "counted", reason: rule.reason };
      if (message.type === "revert") return { bump: "patch", status: "counted", reason: "a revert of something released before: patch" };
      return { bump: "none", status: "no-release", reason: `type \`${message.type}\` has no release rule: no release` };
    }
  }
}
function findCommit(bySha, sha) {
  const exact = bySha.get(sha);
  if (exact !== void 0 || sha.length >= 40) return exact;
  for (const [full, index] of bySha) if (full.startsWith(sha)) return index;
  return void 0;
}

// src/git/history.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/git/commits.ts
import { isUtf8 } from "node:buffer";
var FORMAT = "--format=%m%H%x00%P%x00%B";
async function readCommits(git, head, since, read) {
  const revisions = since ? ["--boundary", "--end-of-options", head, `^${since}`] : ["--end-of-options", head];
  const args = ["-c", "log.showSignature=false", "log", "-z", FORMAT, "--no-color", ...revisions, "--"];
  const commits = [];
  let sinceReached = since === head;
  const fields2 = [];
  const take = (text) => {
    fields2.push(text);
    if (fields2.length < 3) return;
    const [mark = "", parents = "", message = ""] = fields2;
    fields2.length = 0;
    const sha = mark.slice(1);
    if (!mark.startsWith("-")) commits.push(read({ sha, parents: parents ? parents.split(" ") : [], message }));
    else if (sha === since) sinceReached = true;
  };
  let pending = [];
  for await (const chunk of git.stream(args)) {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      if (pending.length) {
        pending.push(chunk.subarray(start, end));
        const whole = Buffer.concat(pending);
        take(decode(whole, 0, whole.length));
        pending = [];
      } else {
        take(decode(chunk, start, end));
      }
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  return { commits, sinceReached };
}
function decode(bytes, start, end) {
  const text = bytes.toString("utf8", start, end);
  if (!text.includes("\uFFFD") || isUtf8(bytes.subarray(start, end))) return text;
  return bytes.toString("latin1", start, end);
}

// src/git/reachability.ts
var Reachability = class {
  constructor(git, head) {
    this.git = git;
    this.head = head;
  }
  git;
  head;
  known = /* @__PURE__ */ new Map();
  /** The first of `ordered` whose commit is an ancestor of (or is) HEAD. */
  async first(ordered) {
    let batch = 1;
    for (let start = 0; start < ordered.length; ) {
      const slice = ordered.slice(start, start + batch);
      await this.learn(slice.map((t) => t.sha));
      const found = slice.find((t) => this.known.get(t.sha));
      if (found) return found;
      start += slice.length;
      batch = Math.min(batch * 2, 1024);
    }
    return null;
  }
  /** Forgets what it learnt: after the history was deepened, answers may change. */
  reset() {
    this.known.clear();
  }
  /** The subset of `shas` that HEAD reaches. */
  async filter(shas) {
    await this.learn(shas);
    return shas.filter((sha) => this.known.get(sha));
  }
  async learn(shas) {
    const unknown = [...new Set(shas)].filter((sha) => !this.known.has(sha));
    if (unknown.length === 0) return;
    const unreached = /* @__PURE__ */ new Set();
    const wanted = new Set(unknown);
    let rest = "";
    for await (const chunk of this.git.stream(["rev-list", "--end-of-options", ...unknown, `^${this.head}`, "--"])) {
      const lines = (rest + chunk.toString("latin1")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (wanted.has(line)) unreached.add(line);
    }
    if (wanted.has(rest)) unreached.add(rest);
    for (const sha of unknown) this.known.set(sha, !unreached.has(sha));
  }
};

// src/git/tags.ts
var fields = (dates) => ["%(refname:strip=2)", "%(objecttype)", "%(objectname)", "%(*objecttype)", "%(*objectname)", ...dates ? ["%(committerdate:unix)", "%(*committerdate:unix)"] : []].join("%00");
async function readTags(git, options) {
  const out = await git.run(["for-each-ref", `--format=${fields(options.dates)}`, "refs/tags"]);
  const tags = [];
  for (const line of out.split("\n")) {
    if (!line) continue;
    const [name = "", type, sha = "", peeledType, peeledSha = "", date, peeledDate] = line.split("\0");
    if (type === "commit") tags.push({ name, sha, date: options.dates ? Number(date) : null });
    else if (type === "tag" && peeledType === "commit") tags.push({ name, sha: peeledSha, date: options.dates ? Number(peeledDate) : null });
  }
  return tags;
}

// src/git/history.ts
async function readHistory(git, options) {
  const remote = options.remote ?? "origin";
  const [repository, readTagsResult] = await Promise.allSettled([inspectRepository(git), readTags(git, { dates: false })]);
  if (repository.status === "rejected") throw repository.reason;
  if (readTagsResult.status === "rejected") throw readTagsResult.reason;
  const { head, shallow } = repository.value;
  const unshallowTags = readTagsResult.value;
  const fetched = [];
  if (shallow && options.fetchHistory === "never") throw shallowError("fetch-history is never");
  if (shallow) {
    await fetchOrExplain(git, ["fetch", "--depth=1", "--tags", remote]);
    fetched.push("fetched tags (depth 1)");
  }
  const tags = shallow ? await readTags(git, { dates: true }) : unshallowTags;
  const order = options.order(tags);
  const reach = new Reachability(git, head);
  if (shallow) await deepenUntilKnown(git, head, order.base, reach, fetched, remote);
  if (options.commits === false) {
    const base2 = await reach.first(order.base);
    return { head, tags, base: base2, stableBase: null, commits: [], fetched };
  }
  const best = order.base[0] ?? null;
  let range = await readCommits(git, head, best?.sha ?? null, options.read);
  let base = best && range.sinceReached ? best : null;
  if (best && !base) {
    base = await reach.first(order.base.slice(1));
    range = await readCommits(git, head, base?.sha ?? null, options.read);
  }
  const stableBase = base && order.stable.includes(base) ? base : await reach.first(order.stable);
  return { head, tags, base, stableBase, commits: range.commits, fetched };
}
async function inspectRepository(git) {
  const found = await git.tryRun(["rev-parse", "--is-shallow-repository", "HEAD^{commit}"]);
  if (found.code === 0) {
    const [shallow, head = ""] = found.stdout.trim().split("\n");
    return { head, shallow: shallow === "true" };
  }
  const inside = await git.tryRun(["rev-parse", "--is-inside-work-tree"]);
  if (inside.code !== 0) {
    throw new VersoError("ENOTAREPO", `${git.cwd} is not inside a git repository.`, {
      hint: "Run verso in a checkout (in a workflow, add actions/checkout before this step)."
    });
  }
  throw new VersoError("ENOHEAD", "The repository has no commits yet, so there is nothing to version.", { hint: "Commit something first." });
}
async function isShallow(git) {
  return (await git.run(["rev-parse", "--is-shallow-repository"])).trim() === "true";
}
async function deepenUntilKnown(git, head, ordered, reach, fetched, remote) {
  if (ordered.length === 0) {
    await fetchOrExplain(git, ["fetch", "--no-tags", "--unshallow", remote]);
    fetched.push("no release tags: fetched the complete history");
    return;
  }
  for (let step = 64; await isShallow(git); step *= 2) {
    const best = await reach.first(ordered);
    if (best) {
      const better = ordered.slice(0, ordered.indexOf(best));
      const frontier = await newestFrontierDate(git, head, reach);
      if (better.every((tag) => (tag.date ?? Number.POSITIVE_INFINITY) > frontier)) return;
    }
    await fetchOrExplain(git, ["fetch", "--no-tags", `--deepen=${step}`, remote, head]);
    fetched.push(`deepened the history by ${step} commits`);
    reach.reset();
  }
}
async function newestFrontierDate(git, head, reach) {
  const shallowFile = resolve(git.cwd, (await git.run(["rev-parse", "--git-path", "shallow"])).trim());
  const boundary = (await readFile(shallowFile, "utf8").catch(() => "")).split("\n").filter(Boolean);
  const onHead = await reach.filter(boundary);
  if (onHead.length === 0) return Number.NEGATIVE_INFINITY;
  const dates = await git.run(["log", "--no-walk", "--format=%ct", "--end-of-options", ...onHead, "--"]);
  return Math.max(...dates.split("\n").filter(Boolean).map(Number));
}
async function fetchOrExplain(git, args) {
  try {
    await git.run(args);
  } catch (error) {
    if (error instanceof GitError) throw shallowError(`fetching from the remote failed: ${error.stderr.trim().split("\n").pop() ?? ""}`);
    throw error;
  }
}
function shallowError(why) {
  return new VersoError("ESHALLOW", `This is a shallow clone, so the last release and the commits since it cannot be known (${why}).`, {
    hint: "Check out the whole history: with actions/checkout, set `fetch-depth: 0`; or let verso fetch what it needs with `fetch-history: auto` and a reachable `origin`."
  });
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
function isPrerelease(version) {
  return version.kind === "semver" ? version.value.prerelease.length > 0 : version.value.modifier !== null;
}
function nextVersion(scheme, input) {
  if (scheme.kind === "semver") {
    const only = (v) => v?.kind === "semver" ? v.value : null;
    return nextSemver({
      base: only(input.base),
      stable: only(input.stable),
      bump: input.bump,
      initialVersion: scheme.initialVersion,
      majorZeroBreaking: scheme.majorZeroBreaking,
      forced: input.forced,
      prerelease: input.prerelease,
      taken: input.taken.flatMap((v) => v.kind === "semver" ? [v.value] : [])
    });
  }
  const previous = input.base?.kind === "calver" ? input.base.value : null;
  const next = nextCalver(scheme.format, previous, input.now, input.bump, {
    counters: scheme.counters,
    date: scheme.date,
    modifier: input.prerelease ?? void 0
  });
  const version = formatCalver(next.version);
  const notes = [...next.notes];
  if (!isSemverCompatible(version)) notes.push(`${version} is not a SemVer version: do not hand it to tools that expect one`);
  return { version, notes };
}

// src/plan.ts
function parseTags(config, tags) {
  const parsed = [];
  const ignored = [];
  for (const ref of tags) {
    const version = ref.name.startsWith(config.tagPrefix) ? parseVersion(config.scheme, ref.name.slice(config.tagPrefix.length)) : null;
    if (version) parsed.push({ ref, version });
    else ignored.push(ref.name);
  }
  return { parsed, ignored };
}
function orderTags(config, tags) {
  const { parsed } = parseTags(config, tags);
  parsed.sort((a, b) => compareVersions(b.version, a.version) || a.ref.name.localeCompare(b.ref.name));
  const stable = parsed.filter((p) => !isPrerelease(p.version)).map((p) => p.ref);
  const base = config.prerelease === null ? stable : parsed.map((p) => p.ref);
  return { base, stable };
}
function decidePlan(config, history, now, image = null) {
  const { parsed, ignored } = parseTags(config, history.tags);
  const versionOf = (ref) => parsed.find((p) => p.ref === ref)?.version ?? null;
  const analysis = analyzeCommits(history.commits, config.releaseRules);
  let bump = config.bump === "auto" ? analysis.bump : config.bump;
  const notes = config.bump === "auto" ? [] : [`bump forced to ${config.bump} by the \`bump\` input`];
  const findings = config.strict ? analysis.decisions.filter((d) => d.message.kind === "unconventional" && !d.merge).map((d) => ({ kind: "non-conventional", sha: d.sha, header: d.header, why: d.message.kind === "unconventional" ? d.message.why : "" })) : [];
  if (image) {
    findings.push(...image.findings.map((finding) => ({ kind: "image", finding })));
    const required = image.bump.bump;
    if (compareBumps(required, bump) > 0) {
      const reasons = image.bump.reasons.map((r) => r.message);
      if (config.image?.bump === "escalate") {
        notes.push(`raised from ${bump} to ${required} by the release-image check: ${reasons.join("; ")}`);
        bump = required;
      } else {
        findings.push({ kind: "image-bump", required, declared: bump, reasons });
      }
    }
  }
  const common = {
    scheme: config.scheme.kind,
    head: history.head,
    previous: history.base && { version: history.base.name.slice(config.tagPrefix.length), tag: history.base.name, sha: history.base.sha },
    bump,
    commits: analysis.decisions,
    notes,
    ignoredTags: ignored,
    image
  };
  if (bump === "none" || history.commits.length === 0) {
    if (findings.length) return { ...common, kind: "blocked", findings, next: null };
    return { ...common, kind: "none", reason: history.commits.length === 0 ? "no-commits" : "no-releasable-commits", next: null };
  }
  const next = nextVersion(config.scheme, {
    base: history.base && versionOf(history.base),
    stable: history.stableBase && versionOf(history.stableBase),
    bump,
    forced: config.bump !== "auto",
    prerelease: config.prerelease,
    taken: parsed.map((p) => p.version),
    now
  });
  const release = { version: next.version, tag: `${config.tagPrefix}${next.version}` };
  const plan = { ...common, notes: [...common.notes, ...next.notes] };
  const clash = history.tags.find((t) => t.name === release.tag && t.sha !== history.head);
  if (clash) findings.push({ kind: "tag-exists", tag: clash.name, sha: clash.sha });
  if (findings.length) return { ...plan, kind: "blocked", findings, next: release };
  return { ...plan, kind: "release", next: release, standing: standingOf(parseVersion(config.scheme, next.version), parsed.map((p) => p.version)) };
}
function standingOf(next, existing) {
  const stable = !isPrerelease(next);
  const above = (others) => stable && others.every((v) => isPrerelease(v) || compareVersions(next, v) > 0);
  if (next.kind !== "semver") return { prerelease: !stable, latest: above(existing), highestInMajor: false, highestInMinor: false };
  const sameMajor = existing.filter((v) => v.kind === "semver" && v.value.major === next.value.major);
  const sameMinor = sameMajor.filter((v) => v.kind === "semver" && v.value.minor === next.value.minor);
  return { prerelease: !stable, latest: above(existing), highestInMajor: above(sameMajor), highestInMinor: above(sameMinor) };
}

// src/pipeline.ts
async function loadConfig(given, readText) {
  const path = configFilePath(given);
  const text = await readText(path);
  if (text === null && given["config-file"] !== void 0) {
    throw new VersoError("EINVALIDCONFIG", `The config file ${path} does not exist.`, { hint: "Fix `config-file`, or leave it out to use .github/verso.yml when present." });
  }
  return resolveConfig(given, text === null ? {} : (await import("./config-file-N5L5EZ23.js")).parseConfigFile(text, path));
}
async function planRelease(git, config, now, options = {}) {
  const keep = (tags) => tags.filter((t) => t.name !== options.ignoreTag);
  const read = await readHistory(git, { fetchHistory: config.fetchHistory, order: (tags) => orderTags(config, keep(tags)), read: readCommit });
  const history = { ...read, tags: keep(read.tags) };
  const image = config.image && await checkImage(git, config.image, history.base?.name ?? null, { checkWorktreeImage: true });
  return { plan: decidePlan(config, history, now, image), fetched: history.fetched };
}
async function checkReleaseImage(git, config, options) {
  if (!config.image) {
    throw new VersoError("EINVALIDCONFIG", "The release-image check has no schemas to look at.", {
      hint: 'Set `schemas` (e.g. `--schemas "schemas/**/*.json"`, or `schemas:` in .github/verso.yml).'
    });
  }
  const history = await readHistory(git, { fetchHistory: config.fetchHistory, order: (tags) => orderTags(config, tags), read: () => null, commits: false });
  return { check: await checkImage(git, config.image, history.base?.name ?? null, options), image: config.image };
}
async function checkImage(git, image, releaseTag, options) {
  const { readImageSources, runImageCheck } = await import("./release-image-PUREMRIP.js");
  return runImageCheck(image, await readImageSources(git, image, releaseTag), options);
}
async function planReleaseRun(git, config, now) {
  const first = await planRelease(git, config, now);
  const { plan } = first;
  if (plan.kind !== "none" || plan.reason !== "no-commits" || plan.previous?.sha !== plan.head) return { ...first, resumed: false };
  const again = await planRelease(git, config, now, { ignoreTag: plan.previous.tag });
  const same = again.plan.kind === "release" && again.plan.next.tag === plan.previous.tag;
  return same ? { ...again, resumed: true } : { ...first, resumed: false };
}

// src/report/explain.ts
function shortSha(sha) {
  return sha.slice(0, 7);
}
function renderHeadline(plan) {
  const from = plan.previous ? plan.previous.tag : "no release yet";
  switch (plan.kind) {
    case "release":
      return `${from} \u2192 ${plan.next.tag} (${plan.bump})`;
    case "none":
      return `${from}: nothing to release (${plan.reason === "no-commits" ? "no commits since it" : "no releasable commits"})`;
    case "blocked":
      return `${from}: release blocked (${plan.findings.length} problem${plan.findings.length === 1 ? "" : "s"})`;
  }
}
function explainBump(plan) {
  const ignored = plan.commits.filter((c) => c.bump === "none").length;
  const tail = ignored ? `; ${ignored} commit${ignored === 1 ? "" : "s"} released nothing` : "";
  if (plan.commits.length === 0) return "no commits since the last release";
  const forced = plan.notes.find((n) => n.startsWith("bump forced"));
  if (forced) return `${plan.bump}, ${forced}${tail}`;
  if (plan.bump === "none") return `no release: none of the ${plan.commits.length} commit${plan.commits.length === 1 ? "" : "s"} calls for one${describeIgnored(plan.commits)}`;
  const deciding = plan.commits.filter((c) => c.bump === plan.bump);
  const groups = /* @__PURE__ */ new Map();
  for (const c of deciding) {
    const key = c.reason.startsWith("breaking") ? "breaking" : c.message.kind === "conventional" ? c.message.type : "revert";
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const parts = [...groups].map(([key, list]) => {
    const shown = list.slice(0, 3).map((c) => `${shortSha(c.sha)} ${c.header}`);
    const more = list.length > 3 ? `, and ${list.length - 3} more` : "";
    return `${list.length} ${key} commit${list.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}`;
  });
  return `${plan.bump}, because ${parts.join("; ")}${tail}`;
}
function describeIgnored(commits) {
  const unconventional = commits.filter((c) => c.status === "ignored").length;
  return unconventional ? ` (${unconventional} not Conventional Commits)` : "";
}
function describeFinding(finding) {
  switch (finding.kind) {
    case "non-conventional":
      return `${shortSha(finding.sha)} "${finding.header}" is not a Conventional Commit (${finding.why}); with \`strict: true\` every commit must be one. Reword it (e.g. \`fix: ${lowerFirst(finding.header)}\`) or turn strict off.`;
    case "tag-exists":
      return `Tag ${finding.tag} already exists at ${shortSha(finding.sha)}, which HEAD does not contain. A published tag is never moved: release from a branch that contains it, or delete the tag deliberately.`;
    case "image": {
      const { file, line, message, suggestion } = finding.finding;
      return `${file}${line === null ? "" : `:${line}`}: ${message}${suggestion ? ` Add: ${suggestion.text}` : ""}`;
    }
    case "image-bump":
      return `The schema changes need a ${finding.required} release, but the commits call for ${finding.declared === "none" ? "none" : `a ${finding.declared}`} (${finding.reasons.join("; ")}). ` + (finding.required === "major" ? "Mark a commit as breaking (`!` or a `BREAKING CHANGE:` footer), force `bump: major`, or set `image-bump: escalate`." : `Add a commit that calls for a ${finding.required} release, force \`bump: ${finding.required}\`, or set \`image-bump: escalate\`.`);
  }
}
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export {
  resolveNow,
  loadConfig,
  planRelease,
  checkReleaseImage,
  planReleaseRun,
  shortSha,
  renderHeadline,
  explainBump,
  describeFinding
};
