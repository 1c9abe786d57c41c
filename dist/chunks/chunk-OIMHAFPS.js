import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

// src/report/limits.ts
var COMMENT_LIMIT = 65536;
var SUMMARY_LIMIT_BYTES = 1048576;
var ANNOTATION_LIMIT = 4e3;
var QUOTE_LIMIT = 200;
function clip(text, max = QUOTE_LIMIT) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function fitText(text, max, elsewhere) {
  if (text.length <= max) return text;
  const note = (left) => `

_\u2026 ${left.toLocaleString("en-US")} more characters not shown here: ${elsewhere}._
`;
  const room = max - note(text.length).length;
  const cut = text.lastIndexOf("\n", room);
  const kept = text.slice(0, cut > room / 2 ? cut : room);
  return `${kept}${note(text.length - kept.length)}`;
}
function fitBytes(text, maxBytes, elsewhere) {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let max = Math.min(text.length, maxBytes);
  let fitted = fitText(text, max, elsewhere);
  while (Buffer.byteLength(fitted, "utf8") > maxBytes && max > maxBytes / 4) {
    max = Math.floor(max * 0.9);
    fitted = fitText(text, max, elsewhere);
  }
  return fitted;
}

export {
  COMMENT_LIMIT,
  SUMMARY_LIMIT_BYTES,
  ANNOTATION_LIMIT,
  clip,
  fitText,
  fitBytes
};
