import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);

// src/notes/rolled-back.ts
function renderRolledBackNote(target) {
  return [
    "> [!WARNING]",
    `> Rolled back: [${linkText(target.tag)}](${target.url}) is the latest release again. This release is kept, with its tag and assets.`
  ].join("\n");
}
var NOTE_START = "<!-- verso:rolled-back -->";
var NOTE_END = "<!-- /verso:rolled-back -->";
function withRolledBackNote(body, target) {
  const rest = withoutRolledBackNote(body);
  return `${NOTE_START}
${renderRolledBackNote(target)}
${NOTE_END}${rest === "" ? "" : `

${rest}`}`;
}
function withoutRolledBackNote(body) {
  let kept = "";
  let from = 0;
  for (; ; ) {
    const start = body.indexOf(NOTE_START, from);
    const end = start < 0 ? -1 : body.indexOf(NOTE_END, start + NOTE_START.length);
    if (end < 0) break;
    kept += body.slice(from, start);
    from = end + NOTE_END.length;
    for (let breaks = 0; breaks < 2; breaks++) {
      if (body.startsWith("\r\n", from)) from += 2;
      else if (body.startsWith("\n", from)) from += 1;
    }
  }
  return kept + body.slice(from);
}
function linkText(tag) {
  return tag.replace(/[\\[\]]/g, "\\$&").replace(/</g, "&lt;");
}

export {
  withRolledBackNote,
  withoutRolledBackNote,
  linkText
};
