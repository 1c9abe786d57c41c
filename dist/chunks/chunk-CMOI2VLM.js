import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

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

export {
  parseReference,
  escapeMarkdown,
  renderInline,
  renderBlocks,
  indentLines,
  escapeBlockStart
};
