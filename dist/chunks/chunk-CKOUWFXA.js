import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  indexRules
} from "./chunk-ZNYF77EQ.js";
import {
  maxBump
} from "./chunk-QSZWMMJ6.js";

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
var OWN_FIELDS = ["merge", "revert", "header", "body", "footer", "notes", "references", "mentions", "type", "scope", "bang", "subject"];
var FIELD = new RegExp(`^-(?!(?:${OWN_FIELDS.join("|")})-$)(?=.*\\w)(.*?)-$`);
var parser = new CommitParser({
  headerPattern: HEADER,
  headerCorrespondence: ["type", "scope", "bang", "subject"],
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  // The footer token is exact: `Breaking change:` is prose, not a breaking change.
  notesPattern: (keywords) => new RegExp(`^(${keywords}):\\s*([\\s\\S]*)`),
  revertPattern: /(?!)/,
  fieldPattern: FIELD,
  issuePrefixes: ["#"]
});
var MAX_SPACE_RUN = 16;
var MAX_REFERENCES_PER_LINE = 100;
var MAX_BREAKING_NOTES = 1e3;
var B = 66;
var CR = 13;
var HASH = 35;
var LF = 10;
var SPELLINGS = /* @__PURE__ */ new Map([
  [8192, "\u2000\u2001"],
  [8232, "\u2000\u2002"],
  [8233, "\u2000\u2003"],
  [CR, "\u2000\u2004"],
  [57344, "\uE000\uE001"],
  [HASH, "\uE000\uE002"],
  [B, "\uE000\uE003"]
]);
var WRITTEN = new Map([...SPELLINGS].map(([code, spelling]) => [spelling, String.fromCharCode(code)]));
var SPELLED = /\u2000[\u2001-\u2004]|\uE000[\uE001-\uE003]/g;
var GPG = /^\s*gpg:/;
var REVERTS = /This reverts commit ([0-9a-f]{7,64})\b/gi;
var SHA_WORD = /\b[0-9a-f]{7,64}\b/gi;
var REVERT_HEADER = /^(Revert|Reapply) "(.*)"(?: \(#\d+\))?$/s;
var REVERTS_PULL_REQUEST = /^Reverts (?:[\w.-]+\/[\w.-]+)?#(\d+)[ \t\r]*$/gm;
var NONE = Object.freeze([]);
function parseMessage(message) {
  const start = skipBlank(message);
  const header = firstLine(message, start);
  if (!header) return { kind: "unconventional", header, why: "the message is empty" };
  const lone = isLoneHeader(message, start, header);
  const reverted = lone ? NONE : [...message.matchAll(REVERTS)].map((m) => m[1].toLowerCase());
  const revert = REVERT_HEADER.exec(header);
  if (revert) {
    const quoted = revert[2].trim();
    return {
      kind: "revert",
      header,
      revertedHeader: revert[1] === "Reapply" ? `Revert "${quoted}"` : quoted,
      reverts: reverted,
      revertedPullRequests: lone ? NONE : [...message.matchAll(REVERTS_PULL_REQUEST)].map((m) => m[1])
    };
  }
  const match = HEADER.exec(header);
  if (!match) return { kind: "unconventional", header, why: explainHeader(header) };
  const type = match[1].toLowerCase();
  const scope = match[2]?.trim() || null;
  const subject = match[4];
  const bang = match[3] === "!";
  if (lone) return { kind: "conventional", header, type, scope, subject, bang, breakingNotes: NONE, references: NONE, reverts: NONE };
  if (type !== "revert" && !message.includes("#") && !message.includes("BREAKING"))
    return { kind: "conventional", header, type, scope, subject, bang, breakingNotes: NONE, references: NONE, reverts: unique(reverted) };
  const input = guardInput(message, start);
  const commit = parser.parse(dropTrailingFields(input.text, start));
  const refs = type === "revert" && commit.footer !== null ? refsFooter(input.restore(commit.footer)) : [];
  return {
    kind: "conventional",
    header,
    type,
    scope,
    subject,
    bang,
    breakingNotes: commit.notes.map((n) => input.restore(n.text).trim()),
    // `raw` can carry the text before the reference; rebuild it from its parts.
    references: commit.references.map((r) => `${r.owner ? `${r.owner}/` : ""}${r.repository ?? ""}${r.prefix}${r.issue}`),
    reverts: unique([...reverted, ...refs])
  };
}
function unique(shas) {
  return shas.length === 0 ? NONE : [...new Set(shas)];
}
function isLoneHeader(message, start, header) {
  if (header.includes("#") || header.includes("@")) return false;
  for (let i = 0; i < message.length; i++) {
    if (i === start) i += header.length - 1;
    else if (message.charCodeAt(i) > 32) return false;
  }
  return true;
}
function skipBlank(message) {
  let start = 0;
  while (start < message.length && message.charCodeAt(start) <= 32) start++;
  return start;
}
function firstLine(message, start) {
  const end = message.indexOf("\n", start);
  return message.slice(start, end === -1 ? message.length : end).trimEnd();
}
function guardInput(message, headerStart) {
  let spelled = null;
  const spell = (at) => {
    if (at < headerStart) return;
    spelled ??= new Uint8Array(message.length);
    spelled[at] = 1;
  };
  let notes = 0;
  const separators = [];
  for (let start = 0; start <= message.length; ) {
    const next = message.indexOf("\n", start);
    const end = next === -1 ? message.length : next;
    if (start > 0 && isNoteLine(message, start) && ++notes > MAX_BREAKING_NOTES) spell(start);
    let marks = 0;
    let run = 0;
    let longRun = false;
    separators.length = 0;
    for (let i = start; i < end; i++) {
      const code = message.charCodeAt(i);
      if (code === HASH && ++marks > MAX_REFERENCES_PER_LINE) spell(i);
      if (code === 8232 || code === 8233 || code === CR && message.charCodeAt(i + 1) !== LF) separators.push(i);
      run = isSpace(code) ? run + 1 : 0;
      longRun ||= run > MAX_SPACE_RUN;
    }
    if (longRun) for (const at of separators) spell(at);
    start = end + 1;
  }
  if (spelled === null) return { text: message, restore: (text) => text };
  const marked = spelled;
  const parts = [];
  let last = 0;
  for (let i = 0; i < message.length; i++) {
    const code = message.charCodeAt(i);
    if (marked[i] === 1 || i >= headerStart && (code === 8192 || code === 57344)) {
      parts.push(message.slice(last, i), SPELLINGS.get(code));
      last = i + 1;
    }
  }
  parts.push(message.slice(last));
  return { text: parts.join(""), restore: (text) => text.replace(SPELLED, (spelling) => WRITTEN.get(spelling)) };
}
function isSpace(code) {
  return code === 32 || code >= 9 && code <= 13 || code === 160 || code === 5760 || code >= 8192 && code <= 8202 || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288 || code === 65279;
}
function dropTrailingFields(text, headerStart) {
  let end = text.length;
  for (; ; ) {
    while (end > headerStart && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end--;
    const start = text.lastIndexOf("\n", end - 1) + 1;
    if (start <= headerStart) break;
    const line = text.slice(start, end);
    if (!FIELD.test(line) && !GPG.test(line)) break;
    end = start;
  }
  return end === text.length ? text : text.slice(0, end);
}
function isNoteLine(message, at) {
  return message.charCodeAt(at) === B && (message.startsWith("BREAKING CHANGE:", at) || message.startsWith("BREAKING-CHANGE:", at));
}
function refsFooter(footer) {
  const line = footer.split("\n").find((l) => /^Refs:/.test(l));
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

// src/commits/squash.ts
var BULLET = /^\*[ \t]+(\S.*)$/;
var PULL_REQUEST = / \(#(\d{1,15})\)$/;
var SEPARATOR = /^-{3,}[ \t]*$/;
var TRAILER = /^(?:[A-Za-z][\w-]*|BREAKING CHANGE):[ \t]/;
var CO_AUTHOR = /^[ \t]*co-authored-by:/i;
var BREAKING_LINE = /^[ \t]*BREAKING[ -]CHANGE:[ \t]*(.*)$/;
function readSquashMessage(message) {
  if (!message.includes("\n*")) return null;
  const lines = message.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].trim() === "") first++;
  const title = (lines[first] ?? "").trim();
  if (parseMessage(title).kind !== "unconventional") return null;
  const end = findTrailers(lines, first + 1);
  const outside = lines.slice(end);
  const bullets = [];
  for (let i = first + 1; i < end; i++) {
    const line = lines[i];
    if (CO_AUTHOR.test(line)) continue;
    const bullet = BULLET.exec(line);
    if (bullet) bullets.push({ header: bullet[1].trim(), body: [] });
    else if (bullets.length) bullets.at(-1).body.push(line);
    else outside.push(line);
  }
  const ignored = [];
  const commits = bullets.map(({ header, body }) => {
    const text = dedent(body).join("\n").trim();
    const parsed = parseMessage(text ? `${header}

${text}
` : `${header}
`);
    if (parsed.kind === "conventional" && parsed.bang) return parsed;
    for (const note of breakingLines(body)) ignored.push({ kind: "unmarked-bullet", note, header });
    return parsed.kind === "conventional" && parsed.breakingNotes.length > 0 ? { ...parsed, breakingNotes: [] } : parsed;
  });
  if (!commits.some((c) => c.kind !== "unconventional")) return null;
  for (const note of breakingLines(outside)) ignored.push({ kind: "outside-bullets", note });
  const pullRequest = PULL_REQUEST.exec(title);
  return { pullRequest: pullRequest ? Number(pullRequest[1]) : null, commits, ignored };
}
function findTrailers(lines, from) {
  let i = lines.length - 1;
  while (i >= from && (lines[i].trim() === "" || TRAILER.test(lines[i]))) i--;
  return i >= from && SEPARATOR.test(lines[i]) ? i : lines.length;
}
function dedent(lines) {
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === "") continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  return indent === Infinity || indent === 0 ? [...lines] : lines.map((line) => line.slice(Math.min(indent, line.length)));
}
function breakingLines(lines) {
  return lines.flatMap((line) => {
    const match = BREAKING_LINE.exec(line);
    return match ? [match[1].trim()] : [];
  });
}

// src/commits/analyze.ts
var SKIP_RELEASE = /\[(?:skip release|release skip)\]/i;
function parseCommit(commit) {
  const merge = commit.parents.length > 1;
  const message = parseMessage(commit.message);
  const parsed = { sha: commit.sha, merge, message };
  if (SKIP_RELEASE.test(commit.message)) return { ...parsed, skip: true };
  const squash = message.kind === "unconventional" && !merge ? readSquashMessage(commit.message) : null;
  return squash ? { ...parsed, squash } : parsed;
}
function eachCommit(decision) {
  if (decision.cause.kind !== "squashed") return [decision];
  const { sha } = decision;
  return decision.cause.commits.map((c) => ({ sha, header: c.header, bump: c.bump, cause: c.cause, status: c.status, message: c.message }));
}
function analyzeCommits(parsed, rules, options = {}) {
  const { entries, at } = listEntries(parsed, options.mergeStyle === "squash");
  const { targetsOf, revertersOf } = matchReverts(entries);
  const inactive = /* @__PURE__ */ new Set();
  if (revertersOf.size > 0) {
    for (let j = 0; j < entries.length; j++) {
      const { within } = entries[j];
      if (within !== void 0 && inactive.has(within) || revertersOf.get(j)?.some((r) => !inactive.has(r))) inactive.add(j);
    }
  }
  const shaOf = (index) => entries[index].sha;
  const findRule = indexRules(rules);
  const ruleCauses = new Map(rules.map((rule) => [rule, { kind: "rule", rule }]));
  const findCause = (type, scope) => {
    const rule = findRule(type, scope);
    return rule && { rule, cause: ruleCauses.get(rule) };
  };
  const judge = (index, message) => {
    if (inactive.has(index)) {
      const by = revertersOf.get(index).filter((r) => !inactive.has(r));
      return { bump: "none", status: "reverted", cause: { kind: "reverted", by: by.map(shaOf) } };
    }
    const targets = targetsOf.get(index);
    if (targets && message.kind !== "unconventional" && targets.length === Math.max(1, message.reverts.length)) {
      return { bump: "none", status: "reverted", cause: { kind: "reverts-in-range", shas: targets.map(shaOf) } };
    }
    return decide(message, findCause);
  };
  let bump = "none";
  const decisions = parsed.map(({ sha, merge, message, skip, squash }, i) => {
    const entry = at === null ? i : at[i];
    let verdict;
    if (skip) verdict = { bump: "none", status: "no-release", cause: SKIPPED };
    else if (merge && message.kind === "unconventional" && !inactive.has(entry)) verdict = { bump: "none", status: "ignored", cause: MERGE };
    else if (squash && entries[entry + 1]?.within === entry && !inactive.has(entry)) verdict = decideSquash(squash, entry, judge);
    else verdict = judge(entry, message);
    bump = maxBump(bump, verdict.bump);
    return { sha, header: message.header, merge, message, bump: verdict.bump, status: verdict.status, cause: verdict.cause };
  });
  return { decisions, bump };
}
function listEntries(parsed, squashed) {
  if (!squashed || !parsed.some((p) => p.squash && !p.skip)) return { entries: parsed, at: null };
  const entries = [];
  const at = [];
  for (const p of parsed) {
    const within = entries.length;
    at.push(within);
    entries.push(p);
    if (!p.squash || p.skip) continue;
    const { commits } = p.squash;
    for (let k = commits.length - 1; k >= 0; k--) entries.push({ sha: p.sha, message: commits[k], within });
  }
  return { entries, at };
}
function decideSquash(squash, entry, judge) {
  const last = squash.commits.length;
  const commits = squash.commits.map((message, k) => ({
    header: message.header,
    message,
    ...judge(entry + last - k, message)
  }));
  let bump = "none";
  for (const c of commits) bump = maxBump(bump, c.bump);
  const status = commits.some((c) => c.status === "counted") ? "counted" : commits.every((c) => c.status === "reverted") ? "reverted" : "no-release";
  return { bump, status, cause: { kind: "squashed", pullRequest: squash.pullRequest, commits, ignored: squash.ignored } };
}
function matchReverts(entries) {
  const targetsOf = /* @__PURE__ */ new Map();
  const revertersOf = /* @__PURE__ */ new Map();
  const reverts = entries.flatMap(
    (p, i) => p.message.kind === "revert" || p.message.kind === "conventional" && p.message.reverts.length > 0 ? [i] : []
  );
  if (reverts.length === 0) return { targetsOf, revertersOf };
  const bySha = /* @__PURE__ */ new Map();
  entries.forEach((p, i) => {
    if (p.within === void 0) bySha.set(p.sha, i);
  });
  let headers = null;
  for (const i of reverts) {
    const { message, within } = entries[i];
    if (message.kind === "unconventional") continue;
    let targets = [];
    if (message.reverts.length > 0) {
      targets = message.reverts.map((t) => findCommit(bySha, t)).filter((j) => j !== void 0 && j > i);
    }
    if (message.kind === "revert" && (message.reverts.length === 0 || targets.length === 0 && within !== void 0)) {
      headers ??= indexHeaders(entries);
      const j = findByHeader(headers, message.revertedHeader, message.revertedPullRequests, i);
      targets = j === void 0 ? [] : [j];
    }
    if (targets.length === 0) continue;
    targetsOf.set(i, targets);
    for (const j of targets) revertersOf.set(j, [...revertersOf.get(j) ?? [], i]);
  }
  return { targetsOf, revertersOf };
}
var PULL_REQUEST_SUFFIX = / \(#\d+\)$/;
function indexHeaders(entries) {
  const exact = /* @__PURE__ */ new Map();
  const bare = /* @__PURE__ */ new Map();
  const add = (map, key, index) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  entries.forEach((p, i) => {
    const header = p.message.header;
    add(exact, header, i);
    const suffix = PULL_REQUEST_SUFFIX.exec(header);
    if (suffix) add(bare, header.slice(0, suffix.index), i);
  });
  return { exact, bare };
}
function findByHeader(headers, quoted, pullRequests, after) {
  const candidates = [
    headers.exact.get(quoted),
    ...pullRequests.map((n) => headers.exact.get(`${quoted} (#${n})`)),
    headers.bare.get(quoted)
  ];
  for (const list of candidates) {
    const found = list && firstAfter(list, after);
    if (found !== void 0) return found;
  }
  return void 0;
}
function firstAfter(list, after) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (list[middle] > after) high = middle;
    else low = middle + 1;
  }
  return list[low];
}
var MERGE = { kind: "merge" };
var SKIPPED = { kind: "skipped" };
var BANG = { kind: "breaking", marker: "bang" };
var FOOTER = { kind: "breaking", marker: "footer" };
var REVERT_TYPE = { kind: "revert-type" };
var NO_RULE = /* @__PURE__ */ new Map();
function decide(message, findRule) {
  switch (message.kind) {
    case "unconventional":
      return { bump: "none", status: "ignored", cause: { kind: "unconventional", why: message.why } };
    case "revert":
      if (message.reverts.length === 0) return { bump: "patch", status: "counted", cause: REVERT_TYPE };
      return { bump: "patch", status: "counted", cause: { kind: "reverts-released", shas: message.reverts } };
    case "conventional": {
      if (message.bang) return { bump: "major", status: "counted", cause: BANG };
      if (message.breakingNotes.length > 0) return { bump: "major", status: "counted", cause: FOOTER };
      const found = findRule(message.type, message.scope);
      if (found) return { bump: found.rule.bump, status: found.rule.bump === "none" ? "no-release" : "counted", cause: found.cause };
      if (message.type === "revert") return { bump: "patch", status: "counted", cause: REVERT_TYPE };
      let cause = NO_RULE.get(message.type);
      if (cause === void 0) NO_RULE.set(message.type, cause = { kind: "no-rule", type: message.type });
      return { bump: "none", status: "no-release", cause };
    }
  }
}
function findCommit(bySha, sha) {
  const exact = bySha.get(sha);
  if (exact !== void 0 || sha.length >= 40) return exact;
  for (const [full, index] of bySha) if (full.startsWith(sha)) return index;
  return void 0;
}

export {
  parseMessage,
  parseCommit,
  eachCommit,
  analyzeCommits
};
