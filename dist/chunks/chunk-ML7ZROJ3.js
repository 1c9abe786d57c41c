import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  VersoError
} from "./chunk-QIVDBRGE.js";

// src/notes/references.ts
var FORM = String.raw`(?:([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9_.-]+))?#(\d+)`;
var IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{N}_.\/#-])${FORM}(?![\p{L}\p{N}_])`, "gu");
var WHOLE = new RegExp(`^${FORM}$`);
function parseReference(text) {
  const match = WHOLE.exec(text);
  return match ? { repository: match[1] ?? null, number: match[2] } : null;
}
function findReferences(text) {
  return [...text.matchAll(IN_TEXT)].map((m) => ({ text: m[0], index: m.index }));
}

// src/notes/markdown.ts
var WORD_CHARACTER = /[\p{L}\p{N}]/u;
function escapeMarkdown(text) {
  return text.replace(/[\\`*[\]~<|]|&(?=#?\w+;|$)|_/g, (character, offset) => {
    if (character !== "_") return `\\${character}`;
    const inWord = WORD_CHARACTER.test(text[offset - 1] ?? "") && WORD_CHARACTER.test(text[offset + 1] ?? "");
    return inWord ? "_" : "\\_";
  });
}
function renderInline(text, link) {
  const parts = [];
  const references = /* @__PURE__ */ new Set();
  for (const piece of splitCodeSpans(text.replace(/\s+/g, (run) => run.includes("\n") ? " " : run))) {
    if (piece.code) {
      parts.push(piece.text);
      continue;
    }
    let last = 0;
    for (const { text: reference, index } of findReferences(piece.text)) {
      parts.push(escapeMarkdown(piece.text.slice(last, index)));
      references.add(reference);
      const url = link(reference);
      parts.push(url === null ? escapeMarkdown(reference) : `[${escapeMarkdown(reference)}](${url})`);
      last = index + reference.length;
    }
    parts.push(escapeMarkdown(piece.text.slice(last)));
  }
  return { markdown: parts.join(""), references };
}
function renderBlocks(text, link) {
  const references = /* @__PURE__ */ new Set();
  const paragraphs = text.trim().split(/\r?\n[ \t]*\r?\n/).map(
    (paragraph) => paragraph.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "").map((line) => {
      const marker = /^([-*+]|\d{1,9}[.)])[ \t]+/.exec(line);
      const inline = renderInline(marker ? line.slice(marker[0].length) : line, link);
      inline.references.forEach((r) => references.add(r));
      return marker ? `${marker[1]} ${escapeBlockStart(inline.markdown)}` : escapeBlockStart(inline.markdown);
    }).join("\n")
  ).filter((paragraph) => paragraph !== "");
  return { markdown: paragraphs.join("\n\n"), references };
}
function indentLines(markdown, indent) {
  return markdown.split("\n").map((line) => line === "" ? line : `${indent}${line}`).join("\n");
}
function escapeBlockStart(markdown) {
  if (/^[#>=+|-]/.test(markdown)) return `\\${markdown}`;
  return markdown.replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}
function splitCodeSpans(text) {
  const runs = [];
  for (let i = text.indexOf("`"); i !== -1; i = text.indexOf("`", runs.at(-1).end)) runs.push({ start: i, end: endOfRun(text, i) });
  const byLength = /* @__PURE__ */ new Map();
  for (const run of runs) {
    const length = run.end - run.start;
    const list = byLength.get(length);
    if (list) list.push(run);
    else byLength.set(length, [run]);
  }
  const next = /* @__PURE__ */ new Map();
  const closing = (length, from) => {
    const list = byLength.get(length);
    let at = next.get(length) ?? 0;
    while (at < list.length && list[at].start < from) at++;
    next.set(length, at);
    return list[at] ?? null;
  };
  const pieces = [];
  let plainStart = 0;
  for (const run of runs) {
    if (run.start < plainStart) continue;
    const close = closing(run.end - run.start, run.end);
    if (close === null) continue;
    if (run.start > plainStart) pieces.push({ code: false, text: text.slice(plainStart, run.start) });
    pieces.push({ code: true, text: text.slice(run.start, close.end) });
    plainStart = close.end;
  }
  if (plainStart < text.length) pieces.push({ code: false, text: text.slice(plainStart) });
  return pieces;
}
function endOfRun(text, start) {
  let end = start;
  while (text[end] === "`") end++;
  return end;
}

// src/notes/reader-notes.ts
function sayToReader(reason) {
  switch (reason.kind) {
    case "forced":
      return `Released as a ${reason.bump} release by request.`;
    case "raised-by-image":
      return `Released as a ${reason.to} release because versioned data formats changed.`;
    case "dependency":
      return `Released because ${reason.dependencies.join(", ")}, which this package depends on, ${reason.dependencies.length === 1 ? "was" : "were"} released.`;
    case "held-by-major-zero":
      return "The major version is 0, so breaking changes bump the minor version (SemVer \xA74).";
    case "calver":
      return reason.reason.kind === "breaking-not-shown" ? "This release has breaking changes, and its calendar version cannot show them: read the breaking changes before upgrading." : null;
    case "first-release":
    case "tags-not-read":
    case "prerelease-covers":
    case "prerelease-passed":
    case "release-date":
    case "finishing":
    case "proposed":
    case "linked":
    case "not-semver":
      return null;
  }
}
function selectReaderNotes(reasons) {
  return [...new Set(reasons.flatMap((reason) => sayToReader(reason) ?? []))];
}

// src/notes/repository-links.ts
function parseRepositoryUrl(text) {
  let url = null;
  try {
    url = new URL(text.trim());
  } catch {
  }
  const path = url?.pathname.replace(/(?<!\/)\/+$/, "").replace(/\.git$/, "").split("/").slice(1) ?? [];
  if (!url || url.protocol !== "https:" && url.protocol !== "http:" || url.search || url.hash || path.length !== 2 || path.some((p) => p === "")) {
    throw new VersoError(
      "EUSAGE",
      `Invalid repository URL '${text}'. Expected https://<host>/<owner>/<repo>, e.g. https://github.com/octo-org/octo-repo.`
    );
  }
  return { url: `${url.origin}/${path.join("/")}`, origin: url.origin };
}
function linkCommit(repository, sha) {
  return `${repository.url}/commit/${sha}`;
}
function linkCompare(repository, fromTag, toTag) {
  return `${repository.url}/compare/${encodeTag(fromTag)}...${encodeTag(toTag)}`;
}
function linkCommits(repository, tag) {
  return `${repository.url}/commits/${encodeTag(tag)}`;
}
function linkReference(repository, reference) {
  const parsed = parseReference(reference);
  if (!parsed) return null;
  const base = parsed.repository === null ? repository.url : `${repository.origin}/${parsed.repository}`;
  return `${base}/issues/${parsed.number}`;
}
function encodeTag(tag) {
  return tag.split("/").map(encodeURIComponent).join("/");
}

// src/notes/sections.ts
var BREAKING_TITLE = "\u26A0 Breaking changes";
var TYPE_TITLES = /* @__PURE__ */ new Map([
  ["feat", "Features"],
  ["fix", "Bug fixes"],
  ["perf", "Performance"],
  ["revert", "Reverts"],
  ["docs", "Documentation"],
  ["refactor", "Refactoring"],
  ["style", "Styles"],
  ["test", "Tests"],
  ["build", "Build"],
  ["ci", "CI"],
  ["chore", "Chores"]
]);
var TYPE_ORDER = [...TYPE_TITLES.keys()];
var OTHER = "";
var OTHER_TITLE = "Other changes";
var BREAKING = "!";
function collectSections(commits, titles = {}) {
  const titleOf = (group) => group === BREAKING ? BREAKING_TITLE : group === OTHER ? OTHER_TITLE : Object.hasOwn(titles, group) ? titles[group] : TYPE_TITLES.get(group) ?? capitalise(group);
  const entries = /* @__PURE__ */ new Map();
  const changes = commits.flatMap(readChange).reverse();
  changes.forEach((change, index) => {
    const key = `${change.group}\0${(change.scope ?? "").toLowerCase()}\0${normaliseSubject(change.subject)}`;
    const entry = entries.get(key);
    if (entry) entry.changes.push(change);
    else entries.set(key, { group: change.group, first: index, changes: [change] });
  });
  const sections = /* @__PURE__ */ new Map();
  for (const { group, first, changes: same } of entries.values()) {
    const title = titleOf(group);
    const section = sections.get(title) ?? { rank: rankGroup(group), entries: [] };
    section.rank = Math.min(section.rank, rankGroup(group));
    section.entries.push({ first, entry: mergeChanges(same) });
    sections.set(title, section);
  }
  return [...sections].sort(([a, x], [b, y]) => x.rank - y.rank || (a < b ? -1 : a > b ? 1 : 0)).map(([title, section]) => ({ title, entries: section.entries.sort(compareEntries).map((e) => e.entry) }));
}
function readChange(decision) {
  if (decision.status !== "counted") return [];
  const { sha, message, cause } = decision;
  if (cause.kind !== "squashed") return readMessage(message, sha, []);
  const pullRequest = cause.pullRequest === null ? [] : [`#${cause.pullRequest}`];
  return cause.commits.flatMap((c) => c.status === "counted" ? readMessage(c.message, sha, pullRequest) : []);
}
function readMessage(message, sha, references) {
  switch (message.kind) {
    case "conventional": {
      const breaking = message.bang || message.breakingNotes.length > 0;
      return [
        {
          group: breaking ? BREAKING : message.type,
          scope: message.scope,
          subject: message.subject,
          sha,
          references: references.length ? [...message.references, ...references] : message.references,
          breakingNotes: message.breakingNotes
        }
      ];
    }
    case "revert":
      return [
        {
          group: "revert",
          scope: null,
          subject: message.revertedHeader || message.header,
          sha,
          references,
          breakingNotes: []
        }
      ];
    case "unconventional":
      return [{ group: OTHER, scope: null, subject: message.header, sha, references, breakingNotes: [] }];
  }
}
function mergeChanges(changes) {
  const first = changes[0];
  const subject = changes.find((c) => findPullRequestSuffix(c.subject) !== -1)?.subject ?? first.subject;
  const unique = (lists) => [...new Set(lists.flat())];
  return {
    scope: first.scope,
    subject,
    shas: unique(changes.map((c) => [c.sha])),
    references: unique(changes.map((c) => c.references)),
    breakingNotes: unique(changes.map((c) => c.breakingNotes))
  };
}
function normaliseSubject(subject) {
  const suffix = findPullRequestSuffix(subject);
  return (suffix === -1 ? subject : subject.slice(0, suffix)).replace(/\s+/g, " ").trim().toLowerCase();
}
function findPullRequestSuffix(subject) {
  let end = skipSpaceBack(subject, subject.length);
  let found = -1;
  while (subject.charCodeAt(end - 1) === 41) {
    let digits = end - 1;
    while (digits > 0 && isDigit(subject.charCodeAt(digits - 1))) digits--;
    if (digits === end - 1 || subject.charCodeAt(digits - 1) !== 35 || subject.charCodeAt(digits - 2) !== 40) break;
    end = skipSpaceBack(subject, digits - 2);
    found = end;
  }
  return found;
}
function skipSpaceBack(text, from) {
  let i = from;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}
function isDigit(code) {
  return code >= 48 && code <= 57;
}
function rankGroup(group) {
  if (group === BREAKING) return 0;
  const known = TYPE_ORDER.indexOf(group);
  if (known !== -1) return 1 + known;
  return group === OTHER ? 2 + TYPE_ORDER.length : 1 + TYPE_ORDER.length;
}
function compareEntries(a, b) {
  const x = a.entry.scope?.toLowerCase() ?? null;
  const y = b.entry.scope?.toLowerCase() ?? null;
  if (x !== y) return x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
  return a.first - b.first;
}
function capitalise(type) {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

// src/notes/release-notes.ts
var RELEASE_BODY_LIMIT = 12e4;
var PREVIEW_LIMIT = 3e4;
function renderNotes(plan, options) {
  const repository = options.repositoryUrl === null ? null : parseRepositoryUrl(options.repositoryUrl);
  const next = findRelease(plan);
  if (next === null) return `${describeNothing(plan)}
`;
  const previous = plan.previous?.tag ?? null;
  const blocks = [`## ${renderTitle(repository, previous, next.tag)}`];
  const readerNotes = selectReaderNotes(plan.reasons);
  if (readerNotes.length) blocks.push(readerNotes.map((note) => `> ${escapeMarkdown(note)}`).join("\n>\n"));
  const sections = collectSections(plan.commits, options.sections);
  for (const section of sections) {
    const entries = section.entries.map((entry) => renderEntry(entry, repository));
    const loose = entries.some((e) => e.includes("\n"));
    blocks.push(`### ${section.title}`, entries.join(loose ? "\n\n" : "\n"));
  }
  if (sections.length === 0) blocks.push("No changes of note.");
  if (options.artifacts?.length)
    blocks.push("### Versioned data", options.artifacts.map((a) => `- \`${a.name}\` ${a.version} (\`${a.extended}\`)`).join("\n"));
  const footer = renderFullChangelog(repository, previous, next.tag);
  return fit(blocks.join("\n\n"), footer, options.maxLength ?? Number.POSITIVE_INFINITY);
}
function fit(body, footer, maxLength) {
  const whole = footer === null ? `${body}
` : `${body}

${footer}
`;
  if (whole.length <= maxLength) return whole;
  const lines = body.split("\n");
  const room = maxLength - (footer?.length ?? 0) - 200;
  let kept = 0;
  for (let length = 0; kept < lines.length && length + lines[kept].length + 1 <= room; kept++) length += lines[kept].length + 1;
  const omitted = `_\u2026 and ${lines.length - kept} more lines, too many to list here${footer === null ? "" : ": see the full changelog"}._`;
  return [lines.slice(0, kept).join("\n").trimEnd(), omitted, ...footer === null ? [] : [footer]].join("\n\n") + "\n";
}
function findRelease(plan) {
  switch (plan.kind) {
    case "release":
    case "blocked":
      return plan.next;
    case "none":
      return null;
    default:
      return assertNever(plan);
  }
}
function describeNothing(plan) {
  const since = plan.previous ? ` since ${escapeMarkdown(plan.previous.tag)}` : "";
  if (plan.commits.length === 0) return `No release: nothing was committed${since}.`;
  const count = plan.commits.length === 1 ? "the 1 commit" : `the ${plan.commits.length} commits`;
  return `No release: none of ${count}${since} calls for one.`;
}
function renderTitle(repository, previous, tag) {
  if (repository === null || previous === null) return escapeMarkdown(tag);
  return `[${escapeMarkdown(tag)}](${linkCompare(repository, previous, tag)})`;
}
function renderFullChangelog(repository, previous, tag) {
  if (repository === null) return null;
  if (previous === null) return `**Full changelog**: [commits](${linkCommits(repository, tag)})`;
  return `**Full changelog**: [${escapeMarkdown(`${previous}...${tag}`)}](${linkCompare(repository, previous, tag)})`;
}
function renderEntry(entry, repository) {
  const link = (reference) => repository === null ? null : linkReference(repository, reference);
  const subject = renderInline(entry.subject, link);
  const notes = entry.breakingNotes.filter((note) => note.trim().toLowerCase() !== entry.subject.trim().toLowerCase()).map((note) => renderBlocks(note, link)).filter((note) => note.markdown !== "");
  const written = /* @__PURE__ */ new Set([...subject.references, ...notes.flatMap((n) => [...n.references])]);
  const shas = entry.shas.map((sha) => repository === null ? sha.slice(0, 7) : `[${sha.slice(0, 7)}](${linkCommit(repository, sha)})`);
  const references = entry.references.filter((reference) => !written.has(reference) && parseReference(reference) !== null).map((reference) => {
    const url = link(reference);
    return url === null ? escapeMarkdown(reference) : `[${escapeMarkdown(reference)}](${url})`;
  });
  const text = entry.scope === null ? escapeBlockStart(subject.markdown) : `**${escapeMarkdown(entry.scope)}:** ${subject.markdown}`;
  const line = `- ${text} (${shas.join(", ")})${references.length ? `, refs ${references.join(", ")}` : ""}`;
  return [line, ...notes.map((note) => indentLines(note.markdown, "  "))].join("\n\n");
}
function assertNever(value) {
  throw new Error(`renderNotes: unexpected plan ${JSON.stringify(value)}`);
}

export {
  renderInline,
  RELEASE_BODY_LIMIT,
  PREVIEW_LIMIT,
  renderNotes
};
