import { createRequire as __verso_createRequire } from 'node:module';
const require = __verso_createRequire(import.meta.url);
import {
  isBump
} from "./chunk-QSZWMMJ6.js";

// src/commits/rules.ts
var RULE = /^(\w+|\*)(?:\(([^()*]+)\))?\s*:\s*([A-Za-z]+)$/;
var WILDCARD = "*";
var BUILT_IN_TYPES = /* @__PURE__ */ new Set(["revert"]);
function rule(type, scope, bump, origin) {
  const text = `${type}${scope === null ? "" : `(${scope})`}: ${bump}`;
  return { type, scope, bump, origin, text };
}
var DEFAULT_RULES = [
  rule("feat", null, "minor", "default"),
  rule("fix", null, "patch", "default"),
  rule("perf", null, "patch", "default")
];
function parseReleaseRules(text) {
  const given = /* @__PURE__ */ new Map();
  const errors = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    const match = RULE.exec(line);
    const bump = match?.[3]?.toLowerCase() ?? "";
    if (!match || !isBump(bump)) {
      const wildcard = /\(\*\)/.test(line) ? " A scope is matched exactly: leave it out to match every scope." : "";
      errors.push(
        `release-rules line ${index + 1}: "${raw.trim()}" is not \`type[(scope)]: major|minor|patch|none\` (e.g. \`docs(readme): patch\`; a type is letters, digits and \`_\`, or \`*\` for every other type).${wildcard}`
      );
      return;
    }
    if (match[1] === WILDCARD && match[2] !== void 0) {
      errors.push(
        `release-rules line ${index + 1}: "${raw.trim()}": the wildcard \`*\` stands for every type and scope, and takes no scope; write \`*: ${bump}\`.`
      );
      return;
    }
    const parsed = rule(match[1].toLowerCase(), match[2]?.trim().toLowerCase() ?? null, bump, "release-rules");
    given.set(key(parsed.type, parsed.scope), parsed);
  });
  const merged = new Map(DEFAULT_RULES.map((r) => [key(r.type, r.scope), r]));
  for (const [k, r] of given) merged.set(k, r);
  return { rules: [...merged.values()], errors };
}
function indexRules(rules) {
  const index = new Map(rules.map((r) => [key(r.type, r.scope), r]));
  const wildcard = index.get(WILDCARD) ?? null;
  return (type, scope) => {
    const t = type.toLowerCase();
    const own = (scope !== null ? index.get(key(t, scope.toLowerCase())) : void 0) ?? index.get(t);
    return own ?? (BUILT_IN_TYPES.has(t) ? null : wildcard);
  };
}
function stripComment(raw) {
  let from = 0;
  for (let i = raw.length - 1; i >= 0; i--) {
    const code = raw.charCodeAt(i);
    if (code === 13 || code === 8232 || code === 8233) {
      from = i + 1;
      break;
    }
  }
  const hash = raw.indexOf("#", from);
  return hash === -1 ? raw : raw.slice(0, hash);
}
function key(type, scope) {
  return scope === null ? type : `${type}(${scope})`;
}

export {
  DEFAULT_RULES,
  parseReleaseRules,
  indexRules
};
